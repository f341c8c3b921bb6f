"""Validator for ``data_sources/cameo.yaml``: CAMEO event codes mapped onto PLOVER.

Compiled form::

    {"version": str,
     "types": {plover_type: quad},                 # the 16 PLOVER event types
     "modes": {plover_type: [mode, ...]},
     "legacy": {old_type_name: plover_type},
     "future": {code_prefix: {"plover": str, "cameo": str, "mode": str | None}},
     "refusal": {code_prefix: {"plover": str, "cameo": str, "mode": str | None}},
     "party_rules": {rule: [plover_type or cameo_code, ...]},   # see PARTY_RULES
     "codes": {cameo_code: {"label": str, "plover": str | None, "mode": str | None,
                            "quad": 1..4, "intensity": float}}}

Helpers for readers of the compiled table: :func:`type_info` (a code as
:class:`~whimbrel.records.EventTypeInfo`), :func:`current_type` (legacy type names) and
:func:`future_reading` (what PLOVER codes for a planned or conditional act) and
:func:`refusal_reading` (what it codes for a refusal to do an act).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from whimbrel.records import EventTypeInfo

SOURCE = "cameo.yaml"

# The PLOVER ontology's 16 event types: the schema this table is checked against.
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
TOP_KEYS = ("version", "types", "modes", "legacy", "future", "refusal", "party_rules", "codes")
# The lists of the `party_rules` section: PLOVER types (``*_types``) or CAMEO codes (``*_codes``).
PARTY_RULES = (
    "intent_types",
    "accord_codes",
    "place_target_types",
    "state_act_codes",
    "crowd_types",
)
FUTURE_FIELDS = ("plover", "cameo", "mode")
# Modalities under which an act is read as a promise or a threat (PLOVER manual 2.3, 3.1).
FUTURE_MODALITIES = frozenset({"planned", "hypothetical"})
CODE_FIELDS = ("label", "plover", "mode", "quad", "intensity")
CODE_PATTERN = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
MODE_PATTERN = re.compile(r"^[a-z][a-z-]*$")


def cameo_root_quad(code: str) -> int:
    """CAMEO's own quad for a code, from its root: 01-05, 06-08, 09-13, 14-20."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_top(raw: object, problems: list[str]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        problems.append(f"top level must be a mapping with keys {list(TOP_KEYS)}, got {raw!r:.80}")
        return {}
    for key in TOP_KEYS:
        if key not in raw:
            problems.append(f"missing top-level key {key!r}")
    for key in raw:
        if key not in TOP_KEYS:
            problems.append(f"unknown top-level key {key!r}: expected one of {list(TOP_KEYS)}")
    version = raw.get("version")
    if not isinstance(version, str) or not version.strip():
        problems.append(f"'version' must be a non-empty string, got {version!r}")
    return raw


def _check_types(table: object, problems: list[str]) -> dict[str, int]:
    if not isinstance(table, dict):
        problems.append(f"'types' must map the 16 PLOVER types to quads 1-4, got {table!r:.80}")
        return {}
    missing = [name for name in PLOVER_TYPES if name not in table]
    if missing:
        problems.append(f"'types' lacks PLOVER types {missing}")
    types: dict[str, int] = {}
    for name, quad in table.items():
        if name not in PLOVER_TYPES:
            problems.append(f"'types': {name!r} is not one of the 16 PLOVER types")
        elif type(quad) is not int or not 1 <= quad <= 4:
            problems.append(f"'types': quad of {name} must be an integer 1-4, got {quad!r}")
        else:
            types[name] = quad
    return types


def _check_modes(table: object, problems: list[str]) -> dict[str, list[str]]:
    if not isinstance(table, dict):
        problems.append(f"'modes' must map each PLOVER type to a list of modes, got {table!r:.80}")
        return {}
    missing = [name for name in PLOVER_TYPES if name not in table]
    if missing:
        problems.append(f"'modes' lacks PLOVER types {missing} (use [] for a type without modes)")
    modes: dict[str, list[str]] = {}
    for name, values in table.items():
        if name not in PLOVER_TYPES:
            problems.append(f"'modes': {name!r} is not one of the 16 PLOVER types")
            continue
        if not isinstance(values, list):
            problems.append(f"'modes': {name} must be a list of modes, got {values!r}")
            continue
        bad = [v for v in values if not isinstance(v, str) or not MODE_PATTERN.match(v)]
        if bad:
            problems.append(f"'modes': {name} has modes that are not lower-case words: {bad!r}")
        dupes = sorted({v for v in values if values.count(v) > 1 and isinstance(v, str)})
        if dupes:
            problems.append(f"'modes': {name} repeats {dupes}")
        modes[name] = [v for v in values if isinstance(v, str)]
    return modes


def _check_legacy(table: object, problems: list[str]) -> dict[str, str]:
    if not isinstance(table, dict):
        problems.append(f"'legacy' must map old type names to PLOVER types, got {table!r:.80}")
        return {}
    legacy: dict[str, str] = {}
    for old, new in table.items():
        if not isinstance(old, str) or not old.isupper():
            problems.append(f"'legacy': key {old!r} must be an upper-case type name")
        elif old in PLOVER_TYPES:
            problems.append(f"'legacy': {old} is a current PLOVER type, not a legacy name")
        elif new not in PLOVER_TYPES:
            problems.append(f"'legacy': {old} maps to {new!r}, which is not a PLOVER type")
        else:
            legacy[old] = new
    return legacy


def _check_code_key(code: object, codes: Mapping[Any, Any], problems: list[str]) -> bool:
    if not isinstance(code, str):
        problems.append(
            f'code {code!r} is not a string: quote CAMEO codes in YAML ("010"); unquoted '
            "they are read as numbers and lose their leading zero"
        )
        return False
    if not CODE_PATTERN.match(code):
        problems.append(f"code {code!r} is not a 2-4 digit CAMEO code with root 01-20")
        return False
    parent = code[:2] if len(code) == 3 else code[:3] if len(code) == 4 else None
    if parent is not None and parent not in codes:
        problems.append(f"code {code}: parent code {parent!r} is missing")
    return True


def _check_code_fields(code: str, entry: object, problems: list[str]) -> bool:
    if not isinstance(entry, dict):
        problems.append(f"code {code}: must be a mapping with {list(CODE_FIELDS)}, got {entry!r}")
        return False
    missing = [f for f in CODE_FIELDS if f not in entry]
    unknown = [f for f in entry if f not in CODE_FIELDS]
    if missing:
        problems.append(f"code {code}: missing fields {missing}")
    if unknown:
        problems.append(f"code {code}: unknown fields {unknown}; allowed: {list(CODE_FIELDS)}")
    return not missing


def _check_code_values(
    code: str,
    entry: dict[str, Any],
    types: Mapping[str, int],
    modes: Mapping[str, list[str]],
    problems: list[str],
) -> bool:
    before = len(problems)
    label, plover, mode = entry["label"], entry["plover"], entry["mode"]
    quad, intensity = entry["quad"], entry["intensity"]
    if not isinstance(label, str) or not label.strip():
        problems.append(f"code {code}: label must be a non-empty string, got {label!r}")
    if plover is not None and plover not in PLOVER_TYPES:
        problems.append(f"code {code}: plover {plover!r} is not one of the 16 types (or null)")
    elif plover is None and mode is not None:
        problems.append(f"code {code}: mode {mode!r} given but plover is null")
    elif plover is not None and mode is not None and mode not in modes.get(plover, []):
        problems.append(
            f"code {code}: mode {mode!r} is not a mode of {plover}; "
            f"allowed: {modes.get(plover, [])}"
        )
    if type(quad) is not int or not 1 <= quad <= 4:
        problems.append(f"code {code}: quad must be an integer 1-4, got {quad!r}")
    else:
        expected = types.get(plover) if plover is not None else cameo_root_quad(code)
        if expected is not None and quad != expected:
            rule = f"the quad of {plover}" if plover else "the CAMEO root's quad"
            problems.append(f"code {code}: quad {quad} differs from {rule} ({expected})")
    if not _is_number(intensity) or not -10 <= intensity <= 10:
        problems.append(f"code {code}: intensity must be a number in [-10, 10], got {intensity!r}")
    return len(problems) == before


def _check_codes(
    table: object,
    types: Mapping[str, int],
    modes: Mapping[str, list[str]],
    problems: list[str],
) -> dict[str, dict[str, Any]]:
    if not isinstance(table, dict) or not table:
        problems.append(f"'codes' must map CAMEO codes to entries, got {table!r:.80}")
        return {}
    codes: dict[str, dict[str, Any]] = {}
    for code, entry in table.items():
        if not _check_code_key(code, table, problems):
            continue
        if _check_code_fields(code, entry, problems) and _check_code_values(
            code, entry, types, modes, problems
        ):
            codes[code] = {
                **{f: entry[f] for f in CODE_FIELDS},
                "intensity": float(entry["intensity"]),
            }
    return codes


def _check_future_rule(
    prefix: object,
    rule: object,
    codes: Mapping[str, Any],
    modes: Mapping[str, list[str]],
    problems: list[str],
    *,
    section: str = "future",
) -> dict[str, Any] | None:
    name = f"{section} {prefix!r}"
    if not isinstance(prefix, str) or prefix not in codes:
        problems.append(f"{name}: the prefix must be a quoted CAMEO code of the table")
        return None
    if not isinstance(rule, dict) or set(rule) - set(FUTURE_FIELDS) or "plover" not in rule:
        problems.append(f"{name}: must be a mapping with {list(FUTURE_FIELDS)}, got {rule!r}")
        return None
    plover, target, mode = rule.get("plover"), rule.get("cameo"), rule.get("mode")
    before = len(problems)
    if plover not in PLOVER_TYPES:
        problems.append(f"{name}: plover {plover!r} is not one of the 16 PLOVER types")
    if not isinstance(target, str) or target not in codes:
        problems.append(f"{name}: cameo {target!r} is not a code of the table")
    elif mode is None and codes[target]["plover"] == plover:
        mode = codes[target]["mode"]
    if mode is not None and mode not in modes.get(str(plover), []):
        problems.append(f"{name}: mode {mode!r} is not a mode of {plover}")
    if len(problems) > before:
        return None
    return {"plover": plover, "cameo": target, "mode": mode}


def _check_future(
    table: object,
    codes: Mapping[str, Any],
    modes: Mapping[str, list[str]],
    problems: list[str],
    *,
    section: str = "future",
) -> dict[str, dict[str, Any]]:
    if not isinstance(table, dict):
        problems.append(f"{section!r} must map CAMEO code prefixes to rules, got {table!r:.80}")
        return {}
    rules = {}
    for prefix, rule in table.items():
        checked = _check_future_rule(prefix, rule, codes, modes, problems, section=section)
        if checked is not None:
            rules[str(prefix)] = checked
    return rules


def _check_party_rules(
    table: object, codes: Mapping[str, Any], problems: list[str]
) -> dict[str, list[str]]:
    if not isinstance(table, dict):
        problems.append(f"'party_rules' must map {list(PARTY_RULES)} to lists, got {table!r:.80}")
        return {}
    missing = [name for name in PARTY_RULES if name not in table]
    unknown = sorted(str(name) for name in table if name not in PARTY_RULES)
    if missing:
        problems.append(f"'party_rules' lacks {missing}; add them")
    if unknown:
        problems.append(f"'party_rules': unknown lists {unknown}; known: {list(PARTY_RULES)}")
    rules = {}
    for name in (n for n in PARTY_RULES if n in table):
        values = table[name]
        if not isinstance(values, list) or not values:
            problems.append(f"'party_rules' {name}: must be a non-empty list, got {values!r}")
            continue
        if name.endswith("_types"):
            bad = [v for v in values if v not in PLOVER_TYPES]
            what = "not PLOVER types"
        else:
            bad = [v for v in values if not isinstance(v, str) or v not in codes]
            what = 'not codes of the table (quote codes: "057")'
        if bad:
            problems.append(f"'party_rules' {name}: {bad!r} are {what}")
        rules[name] = sorted({str(v) for v in values if v not in bad})
    return rules


def compile(raw: object) -> tuple[dict[str, Any], list[str]]:
    """Validate the raw YAML table; return the compiled table and every problem found."""
    problems: list[str] = []
    top = _check_top(raw, problems)
    types = _check_types(top.get("types"), problems)
    modes = _check_modes(top.get("modes"), problems)
    legacy = _check_legacy(top.get("legacy"), problems)
    codes = _check_codes(top.get("codes"), types, modes, problems)
    future = _check_future(top.get("future"), codes, modes, problems)
    refusal = _check_future(top.get("refusal"), codes, modes, problems, section="refusal")
    party_rules = _check_party_rules(top.get("party_rules"), codes, problems)
    compiled = {
        "version": top.get("version"),
        "types": types,
        "modes": modes,
        "legacy": legacy,
        "future": future,
        "refusal": refusal,
        "party_rules": party_rules,
        "codes": codes,
    }
    return compiled, problems


def type_info(
    table: Mapping[str, Any], code: str, *, mode: str | None = None
) -> EventTypeInfo | None:
    """What CAMEO ``code`` codes, or ``None`` if it is no event we output (plover null).

    ``mode`` replaces the code's own mode (a trigger may be finer than its code, e.g. a drone
    strike under 195). Raises ``KeyError`` naming the code when it is not in the table.
    """
    try:
        entry = table["codes"][code]
    except KeyError as e:
        raise KeyError(f"CAMEO code {code!r} is not in cameo table {table.get('version')}") from e
    if entry["plover"] is None:
        return None
    return EventTypeInfo(
        event_type=entry["plover"],
        mode=mode or entry["mode"],
        cameo_code=code,
        quad_class=entry["quad"],
        intensity=entry["intensity"],
    )


def current_type(table: Mapping[str, Any], name: str) -> str:
    """The current PLOVER type for ``name``, reading legacy names (``FIGHT`` -> ``ASSAULT``)."""
    upper = name.strip().upper()
    return table["legacy"].get(upper, upper)


def future_reading(
    table: Mapping[str, Any], kind: EventTypeInfo, *, modality: str
) -> EventTypeInfo:
    """What PLOVER codes when ``kind``'s act is ``modality`` (manual 2.3, 3.1, 3.4.2).

    A planned or conditional cooperative act is a promise (AGREE), an announced retreat a
    concession (CONCEDE), a planned or conditional conflict act a threat (THREATEN); the
    ``future`` section of the table says which, with CAMEO's own intent or threat code. Any
    other kind, or an asserted or negated act, comes back unchanged.
    """
    if modality not in FUTURE_MODALITIES:
        return kind
    rule = _longest_rule(table["future"], kind.cameo_code)
    return kind if rule is None else _reading(table, rule)


def refusal_reading(table: Mapping[str, Any], kind: EventTypeInfo) -> EventTypeInfo | None:
    """What PLOVER codes when an actor refuses or declines ``kind``'s act ("refused to meet",
    "will not send aid"): REJECT with CAMEO's refusal code (``refusal`` section), or None for
    an act whose refusal is no rejection (a conflict act not done is no event)."""
    rule = _longest_rule(table["refusal"], kind.cameo_code)
    return None if rule is None else _reading(table, rule)


def _longest_rule(rules: Mapping[str, Any], code: str) -> Mapping[str, Any] | None:
    """The rule for the longest prefix of ``code`` (at least its root) that has one."""
    return next((rules[code[:n]] for n in range(len(code), 1, -1) if code[:n] in rules), None)


def _reading(table: Mapping[str, Any], rule: Mapping[str, Any]) -> EventTypeInfo:
    """The event kind a ``future`` or ``refusal`` rule names, with its code's intensity."""
    return EventTypeInfo(
        event_type=rule["plover"],
        mode=rule["mode"],
        cameo_code=rule["cameo"],
        quad_class=table["types"][rule["plover"]],
        intensity=table["codes"][rule["cameo"]]["intensity"],
    )
