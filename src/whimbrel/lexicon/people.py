"""Validator for ``data_sources/people.yaml``: named people an actor can resolve to.

Compiled form::

    {"name_particles": [word, ...],
     "people": [{"name": str, "country": CODE, "sector": SECTOR | null,
                 "periods": [{"from", "to", "country", "sector"}],
                 "forms": [{"text": str, "exact": bool}]}]}

Periods work as in ``organisations.yaml``: each carries the full code in force between its
dates, and the entry's own code applies outside them. The validator reports bad codes,
sectors and dates, overlapping periods, and a name or alias two people share.
"""

from __future__ import annotations

from typing import Any

from whimbrel.lexicon._words import word_list
from whimbrel.lexicon.actor_forms import claimed_twice, string_list
from whimbrel.lexicon.organisations import code_problems, forms_of, periods_of

SOURCE = "people.yaml"

FIELDS = frozenset({"name", "aliases", "exact", "country", "sector", "periods"})


def _entry(index: int, entry: object, problems: list[str]) -> dict[str, Any] | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        problems.append(f"people[{index}]: must be a mapping with a 'name', got {entry!r}")
        return None
    where = f"people[{index}] {entry['name']!r}"
    before = len(problems)
    if set(entry) - FIELDS:
        problems.append(f"{where}: unknown field(s) {sorted(set(entry) - FIELDS)}")
    for field in ("aliases", "exact"):
        if field in entry and string_list(entry[field]) is None:
            problems.append(f"{where}.{field}: must be a list of names, got {entry[field]!r}")
    problems += code_problems(where, entry.get("country"), entry.get("sector"))
    periods = periods_of(where, entry, problems)
    if len(problems) > before:
        return None
    return {
        "name": entry["name"],
        "country": entry["country"],
        "sector": entry.get("sector"),
        "periods": periods,
        "forms": forms_of(entry),
    }


def compile(raw: object) -> tuple[object, list[str]]:
    if not isinstance(raw, dict) or not isinstance(raw.get("people"), list):
        return {}, ["top level must be a mapping with a 'people' list"]
    problems: list[str] = []
    entries = [_entry(i, e, problems) for i, e in enumerate(raw["people"])]
    people = [e for e in entries if e is not None]
    problems += claimed_twice(people, what="name")
    # optional, so a table of people alone still validates; the resolver refuses an empty one
    particles = (
        word_list("name_particles", raw["name_particles"], problems)
        if "name_particles" in raw
        else []
    )
    unknown = sorted(set(raw) - {"people", "name_particles"})
    if unknown:
        problems.append(f"unknown top-level keys {unknown}; known: ['people', 'name_particles']")
    return {"people": people, "name_particles": particles}, problems
