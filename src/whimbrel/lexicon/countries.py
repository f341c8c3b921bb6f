"""Validator for ``data_sources/countries.yaml``: how articles name countries.

Compiled form::

    {"countries": {ISO3: {"name": str, "part_of": ISO3 | null}},
     "forms": [{"text": str, "country": ISO3, "kind": KIND, "exact": bool,
                "from": "YYYY-MM-DD" | absent, "to": "YYYY-MM-DD" | absent}]}

``kind`` is one of :data:`KINDS`. A dependency (``part_of``) contributes its names to the
controlling state, as PLOVER folds dependencies (manual 5.1.2), and its capital counts as an
ordinary place. Demonyms and groups get their regular plurals. ``exact`` forms (written in
capitals: "US", "UAE") match only as written. A ``dated`` form names the country only in a
period ("Congo" was the Republic of the Congo while the larger state was Zaire): outside it,
the form is only an alternative reading the article's country may pick. The validator
reports every entry whose code, fields or values are malformed, and every surface form
claimed by two countries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from whimbrel.lexicon.actor_forms import (
    english_plural,
    fold,
    is_country_code,
    is_exact_form,
    string_list,
)

SOURCE = "countries.yaml"

FIELD_KINDS = {
    "names": "name",
    "abbreviations": "abbreviation",
    "demonyms": "demonym",
    "capitals": "capital",
    "seats": "seat",
    "places": "place",
    "groups": "group",
    # A ruling family's name ("Al Thani") says which state its members belong to: weaker than
    # a country's name, never a name breaker, and, unlike an ethnic group, not re-read as the
    # people of the country the event happens in.
    "families": "family",
    "breakaway": "breakaway",
}
KINDS: tuple[str, ...] = tuple(dict.fromkeys(FIELD_KINDS.values()))
PLURALISED = frozenset({"demonym", "group"})
OTHER_FIELDS = frozenset({"name", "part_of", "drop", "dated"})
# A capital or place changes hands with a secession ("Juba" was Sudan's before 9 July 2011).
DATED_KINDS = {"name": "name", "demonym": "demonym", "capital": "capital", "place": "place"}


def _entry_problems(code: object, entry: object, codes: set[str]) -> list[str]:
    if not is_country_code(code):
        return [f"country code {code!r} is not three capital letters"]
    if not isinstance(entry, dict):
        return [f"{code}: entry must be a mapping of fields, got {entry!r}"]
    problems = []
    if not isinstance(entry.get("name"), str) or not entry["name"].strip():
        problems.append(f"{code}: 'name' is missing or empty")
    unknown = set(entry) - set(FIELD_KINDS) - OTHER_FIELDS
    if unknown:
        problems.append(
            f"{code}: unknown field(s) {sorted(unknown)}; known: "
            f"{sorted(set(FIELD_KINDS) | OTHER_FIELDS)}"
        )
    for field in (*FIELD_KINDS, "drop"):
        if field in entry and string_list(entry[field]) is None:
            problems.append(
                f"{code}.{field}: must be a list of non-empty strings, got {entry[field]!r}"
            )
    problems += [f"{code}.dated: {p}" for p in _dated_problems(entry.get("dated", []))]
    parent = entry.get("part_of")
    if parent is not None and (parent not in codes or parent == code):
        problems.append(f"{code}.part_of: {parent!r} is not another country in this file")
    return problems


def _dated_problems(dated: object) -> list[str]:
    """Each dated form is {text, kind: name|demonym|capital|place, from and/or to: ISO date}."""
    if not isinstance(dated, list):
        return [f"must be a list of {{text, kind, from, to}} mappings, got {dated!r}"]
    problems = []
    for item in dated:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            problems.append(f"entry {item!r} needs a 'text' string")
            continue
        if item.get("kind") not in DATED_KINDS:
            problems.append(
                f"{item['text']!r}: kind {item.get('kind')!r} not in {list(DATED_KINDS)}"
            )
        bounds = [item.get(k) for k in ("from", "to") if item.get(k) is not None]
        if not bounds or not all(_is_iso_date(b) for b in bounds):
            problems.append(
                f"{item['text']!r}: needs 'from' and/or 'to' as YYYY-MM-DD, got {item!r}"
            )
    return problems


def _is_iso_date(value: object) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _dated_forms(code: str, entry: dict[str, Any]) -> list[dict[str, Any]]:
    forms: list[dict[str, Any]] = []
    for item in entry.get("dated", []):
        kind = DATED_KINDS[item["kind"]]
        texts = [item["text"], *([english_plural(item["text"])] if kind == "demonym" else [])]
        period = {k: str(item[k]) for k in ("from", "to") if item.get(k) is not None}
        forms.extend(
            {"text": t, "country": code, "kind": kind, "exact": False, **period} for t in texts if t
        )
    return forms


def _entry_forms(code: str, entry: dict[str, Any]) -> list[dict[str, Any]]:
    country = entry.get("part_of") or code
    forms: list[dict[str, Any]] = []
    for field, kind in FIELD_KINDS.items():
        if entry.get("part_of") and kind == "capital":
            kind = "place"
        for text in string_list(entry.get(field, [])) or []:
            variants = [text]
            plural = english_plural(text) if kind in PLURALISED else None
            if plural:
                variants.append(plural)
            exact = kind == "abbreviation" or is_exact_form(text)
            forms.extend(
                {"text": v, "country": country, "kind": kind, "exact": exact} for v in variants
            )
    return forms + _dated_forms(country, entry)


def _collisions(forms: list[dict[str, Any]]) -> list[str]:
    """Surface forms that two countries claim with equal weight: the resolver could not choose.

    A group may share its name with another country's demonym ("Tajik" is a people of
    Afghanistan and the demonym of Tajikistan): the demonym outweighs it unless the article's
    context or the rest of the phrase points to the group's country. Dated forms share a text
    by design: the article's date chooses.
    """
    owners: dict[tuple[str, bool], set[str]] = {}
    for form in forms:
        if form["kind"] in ("group", "family") or "from" in form or "to" in form:
            continue
        key = (form["text"] if form["exact"] else fold(form["text"]), form["exact"])
        owners.setdefault(key, set()).add(form["country"])
    return [
        f"form {key[0]!r} is claimed by several countries {sorted(codes)}: keep it in one "
        "and list it under the others' `drop`"
        for key, codes in sorted(owners.items())
        if len(codes) > 1
    ]


def _dedupe(forms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str, str, str | None, str | None]] = set()
    unique = []
    for form in forms:
        key = (form["text"], form["country"], form["kind"], form.get("from"), form.get("to"))
        if key not in seen:
            seen.add(key)
            unique.append(form)
    return unique


def compile(raw: object) -> tuple[object, list[str]]:
    if not isinstance(raw, dict) or not isinstance(raw.get("countries"), dict):
        return {}, ["top level must be a mapping with a 'countries' mapping of ISO3 -> entry"]
    entries: dict[Any, Any] = raw["countries"]
    codes = {code for code in entries if isinstance(code, str)}
    problems = [p for code, entry in entries.items() for p in _entry_problems(code, entry, codes)]
    if problems:
        return {}, problems
    countries = {
        code: {"name": entry["name"], "part_of": entry.get("part_of")}
        for code, entry in entries.items()
    }
    forms = _dedupe([f for code, entry in entries.items() for f in _entry_forms(code, entry)])
    problems = _collisions(forms)
    return {"countries": countries, "forms": forms}, problems
