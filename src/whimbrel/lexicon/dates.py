"""Validator for ``data_sources/dates.yaml``: month, weekday and relative-date words.

Compiled form (all keys lower case)::

    {"months": {name: 1..12}, "weekdays": {name: 1..7}, "capitalised_only": [...],
     "day_offsets": {phrase: int}, "period_shifts": {word: int},
     "period_units": {unit: precision}, "anaphors": {words: precision},
     "streak_units": {unit: precision},
     "number_words": {word: int},
     "seasons": {name: {"month": int, "code": str}},
     "irregular_verb_forms": {verb: past form}, <word lists>: [...]}
"""

from __future__ import annotations

from typing import Any

SOURCE = "dates.yaml"

WORD_LISTS = (
    "capitalised_only",
    "day_parts",
    "duration_units",
    "duration_quantifiers",
    "present_ref",
    "past_ref",
    "future_ref",
    "back_references",
    "prepositions",
    "period_modifiers",
    "period_end_modifiers",
    "period_start_modifiers",
    "fillers",
    "time_zones",
    "occurrence_verbs",
    "streak_ordinals",
    "streak_words",
)
INT_MAPS = ("day_offsets", "period_shifts", "number_words", "quarter_ordinals")
WORD_MAPS = ("irregular_verb_forms",)
PRECISIONS = ("day", "week", "month", "year")
SEASON_CODES = ("SP", "SU", "FA", "WI")


def _is_word(value: object) -> bool:
    return isinstance(value, str) and value == value.strip().lower() and bool(value)


def _names_by_number(raw: Any, key: str, top: int, problems: list[str]) -> dict[str, int]:
    """``{number: [names]}`` → ``{name: number}``; every number 1..top must have names."""
    table = raw.get(key)
    if not isinstance(table, dict):
        problems.append(f"{key!r} must map numbers 1..{top} to name lists, got {table!r}")
        return {}
    missing = sorted(set(range(1, top + 1)) - set(table))
    if missing:
        problems.append(f"{key!r} lacks entries for {missing}")
    names: dict[str, int] = {}
    for number, words in table.items():
        if not isinstance(number, int) or not 1 <= number <= top:
            problems.append(f"{key!r} key {number!r} (for {words!r}) is not a number 1..{top}")
            continue
        if not isinstance(words, list) or not words or not all(_is_word(w) for w in words):
            problems.append(f"{key!r}[{number}] must be a list of lower-case words: {words!r}")
            continue
        for word in words:
            if word in names:
                problems.append(f"{key!r}: {word!r} names both {names[word]} and {number}")
            names[word] = number
    return names


def _word_list(raw: Any, key: str, problems: list[str]) -> list[str]:
    values = raw.get(key)
    if not isinstance(values, list) or not values:
        problems.append(f"{key!r} must be a non-empty list of words, got {values!r}")
        return []
    bad = [v for v in values if not _is_word(v)]
    if bad:
        problems.append(f"{key!r} has values that are not lower-case words: {bad!r}")
    dupes = sorted({v for v in values if values.count(v) > 1 and isinstance(v, str)})
    if dupes:
        problems.append(f"{key!r} repeats {dupes}")
    return sorted({v for v in values if _is_word(v)})


def _int_map(raw: Any, key: str, problems: list[str]) -> dict[str, int]:
    table = raw.get(key)
    if not isinstance(table, dict) or not table:
        problems.append(f"{key!r} must map words to integers, got {table!r}")
        return {}
    bad = {k: v for k, v in table.items() if not _is_word(k) or type(v) is not int}
    if bad:
        problems.append(f"{key!r} has entries that are not word: integer: {bad!r}")
    return {k: v for k, v in table.items() if k not in bad}


def _word_map(raw: Any, key: str, problems: list[str]) -> dict[str, str]:
    table = raw.get(key)
    if not isinstance(table, dict) or not table:
        problems.append(f"{key!r} must map words to words, got {table!r}")
        return {}
    bad = {k: v for k, v in table.items() if not (_is_word(k) and _is_word(v))}
    if bad:
        problems.append(f"{key!r} has entries that are not lower-case word: word: {bad!r}")
    return {k: v for k, v in table.items() if k not in bad}


def _precision_map(raw: Any, key: str, problems: list[str]) -> dict[str, str]:
    """``{words: precision}``: what period a unit ("week") or an anaphor ("the day") names."""
    table = raw.get(key)
    if not isinstance(table, dict) or not table:
        problems.append(f"{key!r} must map words to precisions, got {table!r}")
        return {}
    bad = {k: v for k, v in table.items() if not _is_word(k) or v not in PRECISIONS}
    if bad:
        problems.append(f"{key!r} entries must be words: one of {PRECISIONS}: {bad!r}")
    return {k: v for k, v in table.items() if k not in bad}


def _seasons(raw: Any, problems: list[str]) -> dict[str, dict[str, object]]:
    table = raw.get("seasons")
    if not isinstance(table, dict) or not table:
        problems.append(f"'seasons' must map names to {{month, code}}, got {table!r}")
        return {}
    compiled: dict[str, dict[str, object]] = {}
    for name, entry in table.items():
        ok = isinstance(entry, dict) and entry.get("month") in range(1, 13)
        if not (_is_word(name) and ok and entry.get("code") in SEASON_CODES):
            problems.append(
                f"'seasons'[{name!r}] needs month 1..12 and code in {SEASON_CODES}: {entry!r}"
            )
            continue
        compiled[name] = {"month": entry["month"], "code": entry["code"]}
    return compiled


def compile(raw: object) -> tuple[object, list[str]]:
    if not isinstance(raw, dict):
        return None, [f"top level must be a mapping, got {type(raw).__name__}"]
    problems: list[str] = []
    months = _names_by_number(raw, "months", 12, problems)
    weekdays = _names_by_number(raw, "weekdays", 7, problems)
    compiled: dict[str, object] = {
        "months": months,
        "weekdays": weekdays,
        "period_units": _precision_map(raw, "period_units", problems),
        "anaphors": _precision_map(raw, "anaphors", problems),
        "streak_units": _precision_map(raw, "streak_units", problems),
        "seasons": _seasons(raw, problems),
    }
    clash = sorted(set(months) & set(weekdays))
    if clash:
        problems.append(f"words name both a month and a weekday: {clash}")
    for key in WORD_LISTS:
        compiled[key] = _word_list(raw, key, problems)
    for key in INT_MAPS:
        compiled[key] = _int_map(raw, key, problems)
    for key in WORD_MAPS:
        compiled[key] = _word_map(raw, key, problems)
    known = {"months", "weekdays", "period_units", "anaphors", "streak_units", "seasons"}
    known |= {*WORD_LISTS, *INT_MAPS, *WORD_MAPS}
    unknown = sorted(set(raw) - known)
    if unknown:
        problems.append(f"unknown keys {unknown}; known: {sorted(known)}")
    return compiled, problems
