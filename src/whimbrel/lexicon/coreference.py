"""Validator for ``data_sources/coreference.yaml``: the words actor coreference reads.

Compiled form::

    {"version": str, "indefinite": [word], "rank_words": [word],
     "state_nouns": {word: SECTOR | null}, "side_nouns": [word], "side_words": [word],
     "outsider_words": [word], "general_titles": [word], "act_nouns": [word]}
"""

from __future__ import annotations

import re

from whimbrel.lexicon._words import word_list

SOURCE = "coreference.yaml"

WORD_LISTS = (
    "indefinite",
    "rank_words",
    "side_nouns",
    "side_words",
    "outsider_words",
    "general_titles",
    "act_nouns",
)
KEYS = ("version", *WORD_LISTS, "state_nouns")
SECTOR_CODE = re.compile(r"^[A-Z]{3}$")


def compile(raw: object) -> tuple[object, list[str]]:
    if not isinstance(raw, dict):
        return None, [f"top level must be a mapping, got {type(raw).__name__}"]
    problems: list[str] = []
    if not isinstance(raw.get("version"), str):
        problems.append(f"'version' must be a quoted string, got {raw.get('version')!r}")
    compiled: dict[str, object] = {"version": raw.get("version")}
    for key in WORD_LISTS:
        compiled[key] = word_list(key, raw.get(key), problems)
    compiled["state_nouns"] = _state_nouns(raw.get("state_nouns"), problems)
    unknown = sorted(set(raw) - set(KEYS))
    if unknown:
        problems.append(f"unknown keys {unknown}; known: {list(KEYS)}")
    return compiled, problems


def _state_nouns(value: object, problems: list[str]) -> dict[str, str | None]:
    """Each plural noun of states with its sector code (three capital letters) or null."""
    if not isinstance(value, dict) or not value:
        problems.append(f"state_nouns: must be a mapping of noun -> sector or null, got {value!r}")
        return {}
    nouns: dict[str, str | None] = {}
    for noun, sector in value.items():
        if not isinstance(noun, str) or noun != noun.lower() or not noun.strip():
            problems.append(f"state_nouns: key {noun!r} is not a lower-case word")
        elif sector is not None and not (isinstance(sector, str) and SECTOR_CODE.match(sector)):
            problems.append(
                f"state_nouns.{noun}: sector {sector!r} is not three capital letters or null"
            )
        else:
            nouns[noun] = sector
    return dict(sorted(nouns.items()))
