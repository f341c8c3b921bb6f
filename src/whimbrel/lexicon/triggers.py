"""Validator for ``data_sources/triggers.yaml``: the event trigger lexicon.

The field meanings are written in the header of the YAML file. Compiled form::

    {"version": str,
     "entries": [{"head", "pos", "needs", "cameo", "mode", "recipient", "place_object",
                  "light_verbs", "standalone", "context", "example", "note"}, ...],
     "index": {head_lemma: [entry index, ...]},
     "word_classes": {class_name: [lemma, ...]}}    # see WORD_CLASSES

Every optional field is filled in, and ``context`` always holds all of :data:`CONTEXT_KEYS`
(an empty list means "no constraint"). ``index`` lists a head's entries most specific first:
more ``needs``, then more context constraints, then file order; a matcher takes the first
entry that fits. :func:`compile` checks structure only; :func:`cross_check` checks the entries
against the compiled CAMEO table (codes exist, modes belong to the code's PLOVER type).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from whimbrel.lexicon._words import word_classes

SOURCE = "triggers.yaml"
TOP_KEYS = ("version", "word_classes", "entries")
# The word lists of the `word_classes` section (what each is for is written in the YAML).
WORD_CLASSES = (
    "cause_verbs",
    "reaction_verbs",
    "converse_light_verbs",
    "attack_nouns",
    "non_agent_causes",
    "quantity_words",
    "partner_nouns",
    "consequence_verbs",
    "motive_nouns",
    "outcome_verbs",
)

POS_VALUES = ("VERB", "NOUN", "ADJ", "PROPN")
# Recipient roles that are not prepositions. "dobj" also covers the subject of a passive.
SYNTACTIC_ROLES = ("dobj", "dative", "ccomp_subject", "ccomp_patient")
RECIPIENT_PREPOSITIONS = (
    "to",
    "with",
    "against",
    "on",
    "into",
    "for",
    "from",
    "at",
    "between",
    "of",
    "in",
    "over",
    "about",
    "upon",
    "toward",
    "towards",
    "across",
    "among",
    "onto",
    "inside",
    "behind",
    "off",  # "cordoned off the roads": the parser may take the particle for a preposition
)
CONTEXT_KEYS = (
    "object_lemmas",
    "subject_lemmas",
    "actor_lemmas",
    "governor_lemmas",
    "complement_lemmas",
    "complement_aux",
    "complement_subject_lemmas",
    "complement_marks",
    "preposition_lemmas",
    "sentence_lemmas",
)
REQUIRED_FIELDS = ("head", "pos", "cameo", "example")
OPTIONAL_FIELDS = (
    "needs",
    "mode",
    "recipient",
    "place_object",
    "light_verbs",
    "standalone",
    "context",
    "note",
)
CODE_PATTERN = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
MODE_PATTERN = re.compile(r"^[a-z][a-z-]*$")


def _is_lemma(value: object) -> bool:
    return (
        isinstance(value, str)
        and bool(value)
        and value == value.lower()
        and not any(ch.isspace() for ch in value)
    )


BOOLEAN_HINT = ' (YAML reads unquoted on/off/yes/no as true/false: quote them, "on")'


def _lemma_list(name: str, field: str, value: object, problems: list[str]) -> list[str]:
    if not isinstance(value, list):
        problems.append(f"{name}: {field} must be a list of lower-case lemmas, got {value!r}")
        return []
    bad = [v for v in value if not _is_lemma(v)]
    if bad:
        hint = BOOLEAN_HINT if any(isinstance(v, bool) for v in bad) else ""
        problems.append(f"{name}: {field} has values that are not lower-case lemmas: {bad!r}{hint}")
    dupes = sorted({v for v in value if value.count(v) > 1 and isinstance(v, str)})
    if dupes:
        problems.append(f"{name}: {field} repeats {dupes}")
    return [v for v in value if _is_lemma(v)]


def _entry_name(index: int, entry: object) -> str:
    head = entry.get("head") if isinstance(entry, dict) else None
    return f"entry {index} (head {head!r})"


def _check_fields(name: str, entry: dict[str, Any], problems: list[str]) -> bool:
    missing = [f for f in REQUIRED_FIELDS if f not in entry]
    unknown = [f for f in entry if f not in REQUIRED_FIELDS + OPTIONAL_FIELDS]
    if missing:
        problems.append(f"{name}: missing required fields {missing}")
    if unknown:
        allowed = list(REQUIRED_FIELDS + OPTIONAL_FIELDS)
        problems.append(f"{name}: unknown fields {unknown}; allowed: {allowed}")
    return not missing


def _check_head_pos(name: str, entry: dict[str, Any], problems: list[str]) -> list[str]:
    if not _is_lemma(entry["head"]):
        problems.append(f"{name}: head must be one lower-case lemma, got {entry['head']!r}")
    pos = entry["pos"]
    if not isinstance(pos, list) or not pos:
        problems.append(
            f"{name}: pos must be a non-empty list from {list(POS_VALUES)}, got {pos!r}"
        )
        return []
    bad = [p for p in pos if p not in POS_VALUES]
    if bad:
        problems.append(f"{name}: pos values {bad!r} are not among {list(POS_VALUES)}")
    if len(set(map(str, pos))) != len(pos):
        problems.append(f"{name}: pos repeats a value: {pos!r}")
    return [p for p in pos if p in POS_VALUES]


def _check_code_mode(name: str, entry: dict[str, Any], problems: list[str]) -> None:
    code, mode = entry["cameo"], entry.get("mode")
    if code is not None and (not isinstance(code, str) or not CODE_PATTERN.match(code)):
        problems.append(
            f'{name}: cameo must be a quoted 2-4 digit CAMEO code ("042") or null, got {code!r}'
        )
    if mode is not None and (not isinstance(mode, str) or not MODE_PATTERN.match(mode)):
        problems.append(f"{name}: mode must be a lower-case PLOVER mode name, got {mode!r}")


def _check_recipient(name: str, value: object, problems: list[str]) -> list[str]:
    if not isinstance(value, list):
        problems.append(f"{name}: recipient must be a list of roles, got {value!r}")
        return []
    known = SYNTACTIC_ROLES + RECIPIENT_PREPOSITIONS
    for role in value:
        if role in ("agent", "by"):
            problems.append(
                f"{name}: recipient role {role!r} is not allowed: a passive by-phrase names the "
                "actor, not the recipient"
            )
        elif isinstance(role, bool):
            problems.append(f"{name}: recipient role {role!r} is a boolean{BOOLEAN_HINT}")
        elif role not in known:
            problems.append(f"{name}: unknown recipient role {role!r}; known: {list(known)}")
    if len(set(map(str, value))) != len(value):
        problems.append(f"{name}: recipient repeats a role: {value!r}")
    return [r for r in value if r in known]


def _check_context(name: str, value: object, problems: list[str]) -> dict[str, list[str]]:
    context: dict[str, list[str]] = {key: [] for key in CONTEXT_KEYS}
    if value is None:
        return context
    if not isinstance(value, dict) or not value:
        problems.append(f"{name}: context must be a mapping with keys from {list(CONTEXT_KEYS)}")
        return context
    for key, lemmas in value.items():
        if key not in CONTEXT_KEYS:
            problems.append(f"{name}: unknown context key {key!r}; known: {list(CONTEXT_KEYS)}")
        elif not lemmas:
            problems.append(f"{name}: context {key} is empty; drop the key instead")
        else:
            context[key] = _lemma_list(name, f"context {key}", lemmas, problems)
    return context


def _check_flags(name: str, entry: dict[str, Any], pos: list[str], problems: list[str]) -> None:
    for flag in ("place_object", "standalone"):
        if flag in entry and not isinstance(entry[flag], bool):
            problems.append(f"{name}: {flag} must be true or false, got {entry[flag]!r}")
    if "NOUN" not in pos:
        for field in ("light_verbs", "standalone"):
            if field in entry:
                problems.append(f"{name}: {field} applies to NOUN triggers only; pos is {pos}")
    if entry.get("standalone") is False and not entry.get("light_verbs"):
        problems.append(f"{name}: standalone is false but light_verbs is empty: it can never fire")


def _check_blocker(name: str, entry: dict[str, Any], problems: list[str]) -> None:
    """``cameo: null`` entries block other readings; they must say when and why."""
    if entry["cameo"] is not None:
        return
    if not (isinstance(entry.get("note"), str) and entry["note"].strip()):
        problems.append(f"{name}: cameo is null (a blocker) but there is no note saying why")
    if not entry.get("needs") and not entry.get("context"):
        problems.append(f"{name}: a blocker needs `needs` or `context`, or it blocks every use")
    if entry.get("recipient") or entry.get("mode"):
        problems.append(f"{name}: a blocker (cameo null) cannot have recipient or mode")


def _check_example(name: str, entry: dict[str, Any], problems: list[str]) -> None:
    example = entry["example"]
    if not isinstance(example, str) or len(example.split()) < 3:
        problems.append(f"{name}: example must be a sentence we wrote, got {example!r}")
    note = entry.get("note")
    if note is not None and not isinstance(note, str):
        problems.append(f"{name}: note must be a string, got {note!r}")


def _compile_entry(name: str, entry: object, problems: list[str]) -> dict[str, Any] | None:
    if not isinstance(entry, dict):
        problems.append(f"{name}: must be a mapping, got {entry!r:.80}")
        return None
    if not _check_fields(name, entry, problems):
        return None
    before = len(problems)
    pos = _check_head_pos(name, entry, problems)
    _check_code_mode(name, entry, problems)
    needs = _lemma_list(name, "needs", entry.get("needs", []), problems)
    recipient = _check_recipient(name, entry.get("recipient", []), problems)
    light_verbs = _lemma_list(name, "light_verbs", entry.get("light_verbs", []), problems)
    context = _check_context(name, entry.get("context"), problems)
    _check_flags(name, entry, pos, problems)
    _check_blocker(name, entry, problems)
    _check_example(name, entry, problems)
    if len(problems) > before:
        return None
    return {
        "head": entry["head"],
        "pos": pos,
        "needs": needs,
        "cameo": entry["cameo"],
        "mode": entry.get("mode"),
        "recipient": recipient,
        "place_object": entry.get("place_object", False),
        "light_verbs": light_verbs,
        "standalone": entry.get("standalone", True),
        "context": context,
        "example": entry["example"],
        "note": entry.get("note"),
    }


def _identity(entry: Mapping[str, Any]) -> tuple[Any, ...]:
    context = tuple(tuple(sorted(entry["context"][key])) for key in CONTEXT_KEYS)
    return (entry["head"], tuple(sorted(entry["needs"])), context)


def _check_duplicates(entries: list[tuple[str, dict[str, Any]]], problems: list[str]) -> None:
    """Two entries with the same head, needs and context may not share a POS."""
    seen: dict[tuple[Any, ...], list[tuple[str, set[str]]]] = {}
    for name, entry in entries:
        pos = set(entry["pos"])
        for other_name, other_pos in seen.get(_identity(entry), []):
            if pos & other_pos:
                problems.append(
                    f"{name} duplicates {other_name}: same head, needs and context for POS "
                    f"{sorted(pos & other_pos)}; merge them or tell them apart with needs/context"
                )
        seen.setdefault(_identity(entry), []).append((name, pos))


def _specificity(item: tuple[int, Mapping[str, Any]]) -> tuple[int, int, int]:
    index, entry = item
    constraints = sum(1 for key in CONTEXT_KEYS if entry["context"][key])
    return (-len(entry["needs"]), -constraints, index)


def build_index(entries: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Head lemma -> entry indices, most specific entry first."""
    by_head: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for index, entry in enumerate(entries):
        by_head.setdefault(entry["head"], []).append((index, entry))
    return {
        head: [i for i, _ in sorted(items, key=_specificity)]
        for head, items in sorted(by_head.items())
    }


def compile(raw: object) -> tuple[dict[str, Any], list[str]]:
    """Validate the raw YAML lexicon; return the compiled lexicon and every problem found."""
    problems: list[str] = []
    if not isinstance(raw, dict) or set(raw) != set(TOP_KEYS):
        keys = sorted(raw) if isinstance(raw, dict) else type(raw).__name__
        problems.append(f"top level must be a mapping with keys {list(TOP_KEYS)}, got {keys}")
        raw = raw if isinstance(raw, dict) else {}
    version = raw.get("version")
    if not isinstance(version, str) or not version.strip():
        problems.append(f"'version' must be a non-empty string, got {version!r}")
    raw_entries = raw.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        problems.append(f"'entries' must be a non-empty list, got {raw_entries!r:.80}")
        raw_entries = []
    named = []
    for index, entry in enumerate(raw_entries):
        compiled_entry = _compile_entry(_entry_name(index, entry), entry, problems)
        if compiled_entry is not None:
            named.append((_entry_name(index, entry), compiled_entry))
    _check_duplicates(named, problems)
    entries = [entry for _, entry in named]
    classes = word_classes("word_classes", raw.get("word_classes"), WORD_CLASSES, problems)
    compiled = {
        "version": version,
        "entries": entries,
        "index": build_index(entries),
        "word_classes": classes,
    }
    return compiled, problems


def cross_check(lexicon: Mapping[str, Any], cameo_table: Mapping[str, Any]) -> list[str]:
    """Problems between a compiled lexicon and a compiled CAMEO table (empty when consistent).

    Every trigger code must exist and carry a PLOVER type; a trigger's own mode must be a mode
    of that type; every one of the table's PLOVER types must have at least one trigger.
    """
    problems: list[str] = []
    codes, modes = cameo_table["codes"], cameo_table["modes"]
    covered: set[str] = set()
    for index, entry in enumerate(lexicon["entries"]):
        name, code = _entry_name(index, entry), entry["cameo"]
        if code is None:
            continue
        if code not in codes:
            problems.append(f"{name}: cameo code {code!r} is not in the CAMEO table")
            continue
        plover = codes[code]["plover"]
        if plover is None:
            problems.append(
                f"{name}: cameo code {code} has no PLOVER type; a trigger that "
                "should not yield an event is a blocker (cameo: null)"
            )
            continue
        covered.add(plover)
        if entry["mode"] is not None and entry["mode"] not in modes[plover]:
            problems.append(
                f"{name}: mode {entry['mode']!r} is not a mode of {plover} (code "
                f"{code}); allowed: {modes[plover]}"
            )
    missing = sorted(set(cameo_table["types"]) - covered)
    if missing:
        problems.append(f"no trigger codes the PLOVER types {missing}")
    return problems


def candidates(lexicon: Mapping[str, Any], lemma: str, pos: str) -> list[Mapping[str, Any]]:
    """The entries a token with ``lemma`` and coarse ``pos`` may match, most specific first."""
    entries = lexicon["entries"]
    found = (entries[i] for i in lexicon["index"].get(lemma.lower(), ()))
    return [entry for entry in found if pos in entry["pos"]]
