"""Validator for ``data_sources/organisations.yaml``: organisations an actor can resolve to.

Compiled form::

    {"organisations": [{"name": str, "country": CODE, "sector": SECTOR | null, "kind": KIND,
                        "reporter": bool,
                        "periods": [{"from": "YYYY-MM-DD" | null, "to": ... | null,
                                     "country": CODE, "sector": SECTOR | null}],
                        "forms": [{"text": str, "exact": bool}]}]}

Each period carries the full code that applies in it (the entry's own country and sector
unless the period overrides them). The validator reports bad codes, sectors, dates and kinds,
overlapping periods, and aliases that two entries of the same country both claim.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from whimbrel.lexicon.actor_forms import (
    ORGANISATION_CODES,
    SECTOR_CODES,
    claimed_twice,
    fold,
    is_country_code,
    is_exact_form,
    string_list,
)

SOURCE = "organisations.yaml"

KINDS = frozenset(
    {
        "igo",
        "ngo",
        "armed-group",
        "party",
        "agency",
        "military",
        "intelligence",
        "police",
        "legislature",
        "court",
        "media",
        "business",
    }
)
FIELDS = frozenset({"name", "aliases", "exact", "country", "sector", "kind", "periods", "reporter"})
PERIOD_FIELDS = frozenset({"from", "to", "country", "sector"})


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def code_problems(where: str, country: object, sector: object) -> list[str]:
    problems = []
    if not is_country_code(country):
        problems.append(
            f"{where}: country {country!r} is not a 3-letter code "
            f"(ISO alpha-3 or one of {sorted(ORGANISATION_CODES)})"
        )
    if sector is not None and sector not in SECTOR_CODES:
        problems.append(f"{where}: sector {sector!r} is not a PLOVER sector code")
    return problems


def period(
    where: str, raw: object, entry: dict[str, Any], problems: list[str]
) -> dict[str, Any] | None:
    """One validated period with the full code that applies in it, or None (problem noted)."""
    if not isinstance(raw, dict) or set(raw) - PERIOD_FIELDS:
        problems.append(f"{where}: a period is a mapping of {sorted(PERIOD_FIELDS)}, got {raw!r}")
        return None
    start, end = (_as_date(raw.get(k)) if raw.get(k) is not None else None for k in ("from", "to"))
    bad = [k for k in ("from", "to") if raw.get(k) is not None and _as_date(raw[k]) is None]
    if bad or (start and end and start > end):
        problems.append(f"{where}: bad dates {raw!r} (YYYY-MM-DD, from <= to)")
        return None
    country = raw.get("country", entry.get("country"))
    sector = raw.get("sector", entry.get("sector"))
    problems += code_problems(where, country, sector)
    return {
        "from": start.isoformat() if start else None,
        "to": end.isoformat() if end else None,
        "country": country,
        "sector": sector,
    }


def overlapping(periods: list[dict[str, Any]]) -> bool:
    """Whether two periods share a day (ISO strings compare as dates; open ends are extremes)."""
    spans = sorted((p["from"] or "0000-00-00", p["to"] or "9999-99-99") for p in periods)
    return any(later[0] <= earlier[1] for earlier, later in zip(spans, spans[1:], strict=False))


def forms_of(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The entry's name, aliases and exact names, each marked exact or case-blind."""
    exact = set(string_list(entry.get("exact", [])) or [])
    texts = [entry["name"], *(string_list(entry.get("aliases", [])) or []), *sorted(exact)]
    forms: dict[tuple[str, bool], dict[str, Any]] = {}
    for text in texts:
        is_exact = text in exact or is_exact_form(text)
        forms.setdefault(
            (text if is_exact else fold(text), is_exact), {"text": text, "exact": is_exact}
        )
    return list(forms.values())


def periods_of(where: str, entry: dict[str, Any], problems: list[str]) -> list[dict[str, Any]]:
    """The entry's validated periods; problems (bad dates, overlaps) are appended."""
    raw_periods = entry.get("periods") or []
    periods = [
        period(f"{where}.periods[{i}]", p, entry, problems)
        for i, p in enumerate(raw_periods if isinstance(raw_periods, list) else [None])
    ]
    valid = [p for p in periods if p is not None]
    if len(valid) == len(periods) and overlapping(valid):
        problems.append(f"{where}: periods overlap")
    return valid


def _entry(index: int, entry: object, problems: list[str]) -> dict[str, Any] | None:
    where = f"organisations[{index}]"
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        problems.append(f"{where}: must be a mapping with a 'name', got {entry!r}")
        return None
    where = f"{where} {entry['name']!r}"
    before = len(problems)
    if set(entry) - FIELDS:
        problems.append(f"{where}: unknown field(s) {sorted(set(entry) - FIELDS)}")
    for field in ("aliases", "exact"):
        if field in entry and string_list(entry[field]) is None:
            problems.append(f"{where}.{field}: must be a list of names, got {entry[field]!r}")
    if entry.get("kind") not in KINDS:
        problems.append(f"{where}: kind {entry.get('kind')!r} is not one of {sorted(KINDS)}")
    if not isinstance(entry.get("reporter", False), bool):
        problems.append(f"{where}: reporter must be true or false")
    problems += code_problems(where, entry.get("country"), entry.get("sector"))
    periods = periods_of(where, entry, problems)
    if len(problems) > before:
        return None
    return {
        "name": entry["name"],
        "country": entry["country"],
        "sector": entry.get("sector"),
        "kind": entry["kind"],
        "reporter": entry.get("reporter", False),
        "periods": periods,
        "forms": forms_of(entry),
    }


def compile(raw: object) -> tuple[object, list[str]]:
    if not isinstance(raw, dict) or not isinstance(raw.get("organisations"), list):
        return {}, ["top level must be a mapping with an 'organisations' list"]
    problems: list[str] = []
    entries = [_entry(i, e, problems) for i, e in enumerate(raw["organisations"])]
    organisations = [e for e in entries if e is not None]
    problems += claimed_twice(organisations, what="alias", scope="country")
    return {"organisations": organisations}, problems
