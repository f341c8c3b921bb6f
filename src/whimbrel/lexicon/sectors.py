"""Validator for ``data_sources/sectors.yaml``: role nouns and titles -> PLOVER sectors.

Compiled form::

    {"codes": {SECTOR: description},
     "phrases": [{"text": str, "sector": SECTOR | null, "tier": TIER, "exact": bool}],
     "locative": [str], "relational": [str], "cameo_agents": {CAMEO: SECTOR},
     "international_words": [str], "body_words": [str]}

``tier`` says how much a phrase weighs (see the file's header): ``modifier`` (overrides),
``role``, ``weak``, ``qualifier`` and ``function`` (no sector). Roles and weak words get their
regular plurals; a plural that another entry lists explicitly yields to it. The validator
reports unknown sector codes, malformed lists and every phrase listed twice.
"""

from __future__ import annotations

from typing import Any

from whimbrel.lexicon.actor_forms import (
    SECTOR_CODES,
    english_plural,
    fold,
    is_exact_form,
    string_list,
)

SOURCE = "sectors.yaml"

SECTIONS = (
    "codes",
    "roles",
    "weak_sectors",
    "weak",
    "modifiers",
    "qualifiers",
    "function_words",
    "locative",
    "relational",
    "cameo_agents",
)
# Optional sections: words that make a body's proper name international, and head nouns of
# bodies (never one office holder, for coreference).
WORD_SECTIONS = ("international_words", "body_words", "body_heads")
TIERS: tuple[str, ...] = ("modifier", "role", "weak", "qualifier", "function")


def _phrase(text: str, sector: str | None, tier: str) -> dict[str, Any]:
    return {"text": text, "sector": sector, "tier": tier, "exact": is_exact_form(text)}


def _key(phrase: dict[str, Any]) -> str:
    return phrase["text"] if phrase["exact"] else fold(phrase["text"])


def _sector_problem(where: str, sector: object, *, nullable: bool) -> list[str]:
    if sector is None and nullable:
        return []
    if sector not in SECTOR_CODES:
        return [f"{where}: {sector!r} is not a PLOVER sector code ({sorted(SECTOR_CODES)})"]
    return []


def _role_phrases(raw: dict[str, Any], problems: list[str]) -> list[dict[str, Any]]:
    weak_sectors = set(string_list(raw.get("weak_sectors")) or [])
    phrases = []
    for sector, values in (raw.get("roles") or {}).items():
        problems += _sector_problem(f"roles.{sector}", sector, nullable=False)
        texts = string_list(values)
        if texts is None:
            problems.append(f"roles.{sector}: must be a list of phrases, got {values!r}")
            continue
        tier = "weak" if sector in weak_sectors else "role"
        phrases += [_phrase(text, sector, tier) for text in texts]
    return phrases


def _mapped_phrases(
    raw: dict[str, Any], section: str, tier: str, problems: list[str]
) -> list[dict[str, Any]]:
    table = raw.get(section)
    if not isinstance(table, dict):
        problems.append(f"{section}: must map phrases to sector codes, got {table!r}")
        return []
    phrases = []
    for text, sector in table.items():
        problems += _sector_problem(f"{section}.{text}", sector, nullable=tier == "weak")
        phrases.append(_phrase(str(text), sector, tier))
    return phrases


def _listed_phrases(
    raw: dict[str, Any], section: str, tier: str, problems: list[str]
) -> list[dict[str, Any]]:
    texts = string_list(raw.get(section))
    if texts is None:
        problems.append(f"{section}: must be a list of phrases, got {raw.get(section)!r}")
        return []
    return [_phrase(text, None, tier) for text in texts]


def _duplicates(phrases: list[dict[str, Any]]) -> list[str]:
    first: dict[str, dict[str, Any]] = {}
    problems = []
    for phrase in phrases:
        key = _key(phrase)
        if key in first:
            other = first[key]
            problems.append(
                f"phrase {phrase['text']!r} is listed twice: as {other['tier']} "
                f"{other['sector']} and as {phrase['tier']} {phrase['sector']}"
            )
        else:
            first[key] = phrase
    return problems


def _with_plurals(phrases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Explicit phrases, then derived plurals of roles and weak words not listed anywhere."""
    taken = {_key(p) for p in phrases}
    derived = []
    for phrase in phrases:
        plural = english_plural(phrase["text"]) if phrase["tier"] in ("role", "weak") else None
        if plural:
            candidate = {**phrase, "text": plural}
            if _key(candidate) not in taken:
                taken.add(_key(candidate))
                derived.append(candidate)
    return phrases + derived


def _cameo_agents(raw: dict[str, Any], problems: list[str]) -> dict[str, str]:
    table = raw.get("cameo_agents")
    if not isinstance(table, dict):
        problems.append(f"cameo_agents: must map CAMEO codes to sectors, got {table!r}")
        return {}
    for code, sector in table.items():
        problems += _sector_problem(f"cameo_agents.{code}", sector, nullable=False)
    return {str(code): str(sector) for code, sector in table.items()}


def _word_list(raw: dict[str, Any], section: str, problems: list[str]) -> list[str]:
    value = raw.get(section, [])
    words = string_list(value)
    if words is None:
        problems.append(f"{section}: must be a list of words, got {value!r}")
        return []
    return [fold(w) for w in words]


def _title_aliases(
    raw: dict[str, Any], phrases: list[dict[str, Any]], problems: list[str]
) -> dict[str, str]:
    """``title_aliases``: form -> the form of the same office; both must be title phrases."""
    table = raw.get("title_aliases", {})
    if not isinstance(table, dict):
        problems.append(f"title_aliases: must map title forms to title forms, got {table!r}")
        return {}
    titles = {_key(p) for p in phrases if p["tier"] in ("role", "weak")}
    for form, canonical in table.items():
        for side in (form, canonical):
            if not isinstance(side, str) or _key(_phrase(side, None, "role")) not in titles:
                problems.append(
                    f"title_aliases.{form}: {side!r} is not a title in roles or weak; "
                    "add it there or fix the spelling"
                )
    return {str(form): str(canonical) for form, canonical in table.items()}


def compile(raw: object) -> tuple[object, list[str]]:
    if not isinstance(raw, dict):
        return {}, ["top level must be a mapping with sections " + ", ".join(SECTIONS)]
    problems = [f"missing section {s!r}" for s in SECTIONS if s not in raw]
    codes = raw.get("codes") or {}
    problems += [p for code in codes for p in _sector_problem("codes", code, nullable=False)]
    phrases = (
        _mapped_phrases(raw, "modifiers", "modifier", problems)
        + _role_phrases(raw, problems)
        + _mapped_phrases(raw, "weak", "weak", problems)
        + _listed_phrases(raw, "qualifiers", "qualifier", problems)
        + _listed_phrases(raw, "function_words", "function", problems)
    )
    problems += _duplicates(phrases)
    compiled = {
        "codes": {str(code): str(text) for code, text in codes.items()},
        "phrases": _with_plurals(phrases),
        "locative": string_list(raw.get("locative")) or [],
        "relational": string_list(raw.get("relational")) or [],
        "cameo_agents": _cameo_agents(raw, problems),
        "title_aliases": _title_aliases(raw, phrases, problems),
        **{section: _word_list(raw, section, problems) for section in WORD_SECTIONS},
    }
    return compiled, problems
