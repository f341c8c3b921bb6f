"""Places the gazetteer adds to GeoNames' from ``data_sources/places.yaml``: continents and
world regions (with their GeoNames ids) and well-known areas GeoNames lacks (Darfur, the
Balkans, the Sahel), which get ids of their own (:func:`area_id`)."""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from typing import Any

from whimbrel.resolve.gazetteer import GazetteerEntry, fold

__all__ = ["LISTED_AREA_POPULATION", "area_entries", "area_id", "world_region_entries"]


def world_region_entries(overrides: Mapping[str, Any]) -> list[tuple[GazetteerEntry, list[str]]]:
    return [
        (
            GazetteerEntry(
                geonameid=region["geonameid"],
                name=region["names"][0],
                lat=region["lat"],
                lon=region["lon"],
                country=None,
                admin1=None,
                admin2=None,
                feature_class="L",
                resolution=0,
                population=0,
            ),
            region["names"],
        )
        for region in overrides["world_regions"]
    ]


# An area within one country (Darfur, Siberia) weighs as a large region would: it is listed
# because news names it as often as a first-level region, but it has no census population.
LISTED_AREA_POPULATION = 10_000_000


def area_id(name: str) -> int:
    """A stable id for an area GeoNames lacks: negative, so it never meets a real geonameid."""
    return -(zlib.crc32(fold(name).encode()) & 0x7FFFFFFF) - 1


def area_entries(overrides: Mapping[str, Any]) -> list[tuple[GazetteerEntry, list[str]]]:
    """places.yaml's areas: a world-level area resolves at resolution 0 like a continent, one
    inside a country at resolution 2 like a first-level region of it."""
    entries = []
    for area in overrides["areas"]:
        country = area["country"]
        entry = GazetteerEntry(
            geonameid=area_id(area["names"][0]),
            name=area["names"][0],
            lat=area["lat"],
            lon=area["lon"],
            country=country,
            admin1=None,
            admin2=None,
            feature_class=area["feature_class"],
            resolution=2 if country else 0,
            population=LISTED_AREA_POPULATION if country else 0,
        )
        entries.append((entry, area["names"]))
    return entries
