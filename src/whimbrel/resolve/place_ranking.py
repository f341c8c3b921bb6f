"""Which sense of a place name the text means: the ranking half of place resolution.

Among the candidates :mod:`whimbrel.resolve.place_candidates` found we prefer, in order of
weight: the story's own countries and regions (``context.countries``, ``context.region_keys``),
towns near the story's other towns, a sense that ``data_sources/places.yaml`` marks as preferred
("Washington" is the capital), countries over regions over towns of the same name, capitals,
and population.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from whimbrel.records import PlaceRef, Span
from whimbrel.resolve.gazetteer import (
    REGION_RESOLUTION,
    Gazetteer,
    GazetteerEntry,
    IndexedName,
    fold,
)

__all__ = ["RankingContext", "ScoredSense", "distance_km", "place_ref", "ranked", "to_place_ref"]

# Prior weight of a sense by resolution: a bare "Georgia" is more often the country.
RESOLUTION_PRIOR = {0: 6.0, 1: 3.0, 2: 1.5, 3: -0.5, 4: 0.0}
# A world region or ocean has no population of its own; it counts as this many people, so a
# bare "Atlantic" or "Pacific" is the ocean rather than a town named after it.
WORLD_REGION_POPULATION = 100_000_000
# A national capital outweighs a small namesake in a story framed and filed at home ("talks in
# Cairo" in a Washington story; 1.5 let a town of 10,000 in Georgia win): LGL, GeoWebNews
# unchanged, TR-News and GeoVirus +0.001.
CAPITAL_PRIOR = 2.5
PREFERRED_PRIOR = 3.0
SECONDARY_NAME_PENALTY = 1.0
FIRST_CONTEXT_COUNTRY = 2.5
OTHER_CONTEXT_COUNTRY = 2.0
# Tuned on LGL (0.797 → 0.810); held out: GeoWebNews, TR-News and GeoVirus unchanged or better.
CONTEXT_REGION = 3.0
# A town in the district the story names with it ("Paris" with "Henry County").
CONTEXT_DISTRICT = 3.0
REGION_SHADOWED = 3.0
NEAR_BONUS = 2.0
NEAR_KM = 150.0
# A sense in the country of the story's dateline: a wire story filed from a town tells of
# that country's towns first ("SAN SALVADOR, 12 Dec - ... in Santa Ana").
HOME_COUNTRY = 2.0
# A region of a country several of whose regions the story names ("Georgia" with Alabama).
SIBLING_REGION = 1.5
# Per unit of support from the story's other ambiguous names with a sense nearby.
SUPPORT_BONUS = 1.5
MAX_SUPPORT = 2.0


@dataclass(frozen=True, slots=True)
class RankingContext:
    """What the story says about where it is: countries (most important first), folded keys
    of its first-level regions and of its (region, district) pairs, and positions of its
    towns."""

    countries: tuple[str, ...] = ()
    region_keys: frozenset[str] = frozenset()
    district_keys: frozenset[tuple[str, str]] = frozenset()
    near: tuple[tuple[float, float], ...] = ()
    sense_support: Mapping[int, float] = field(default_factory=dict)
    region_countries: frozenset[str] = frozenset()
    # The story's towns as (country, folded first-level region, lat, lon).
    towns: tuple[tuple[str | None, str, float, float], ...] = ()
    # The country of the town the story was filed from (its dateline's).
    home_country: str | None = None


@dataclass(frozen=True, slots=True)
class ScoredSense:
    score: float
    named: IndexedName


def ranked(
    candidates: Iterable[IndexedName], gazetteer: Gazetteer, context: RankingContext
) -> list[ScoredSense]:
    """Every distinct entry among ``candidates`` with its score, best first."""
    candidates = tuple(candidates)
    preferred = set(gazetteer.overrides["preferred"].values())
    shadowed = _regions_named_after_their_town(candidates)
    best: dict[int, ScoredSense] = {}
    for named in candidates:
        entry = named.entry
        score = _prior(entry) - SECONDARY_NAME_PENALTY * (not named.primary)
        region = (entry.country, fold(entry.name))
        own_town = shadowed.get(region)
        if entry.resolution in (2, 3) and own_town and not _names_region(region, own_town, context):
            score -= REGION_SHADOWED
        score += PREFERRED_PRIOR * (entry.geonameid in preferred)
        score += _context_bonus(entry, gazetteer, context)
        if entry.geonameid not in best or score > best[entry.geonameid].score:
            best[entry.geonameid] = ScoredSense(score, named)
    return sorted(best.values(), key=lambda s: (-s.score, s.named.entry.geonameid))


def _prior(entry: GazetteerEntry) -> float:
    """What the entry weighs before any context: its size, its kind and capital status."""
    population = entry.population
    if entry.resolution == 0:
        population = max(population, WORLD_REGION_POPULATION)
    kind = RESOLUTION_PRIOR.get(entry.resolution, 0.0)
    return math.log10(population + 10) + kind + CAPITAL_PRIOR * entry.is_capital


def _context_bonus(entry: GazetteerEntry, gazetteer: Gazetteer, context: RankingContext) -> float:
    bonus = 0.0
    if entry.country in context.countries:
        first = entry.country == context.countries[0]
        bonus += FIRST_CONTEXT_COUNTRY if first else OTHER_CONTEXT_COUNTRY
    if entry.admin1 and gazetteer.key(entry.admin1) in context.region_keys:
        bonus += CONTEXT_REGION
    if entry.admin1 and entry.admin2 and context.district_keys:
        district = (gazetteer.key(entry.admin1), gazetteer.key(entry.admin2))
        bonus += CONTEXT_DISTRICT * (district in context.district_keys)
    if context.near and entry.lat is not None and entry.lon is not None:
        nearest = min(distance_km(entry.lat, entry.lon, lat, lon) for lat, lon in context.near)
        bonus += NEAR_BONUS if nearest <= NEAR_KM else NEAR_BONUS / 2 * (nearest <= 3 * NEAR_KM)
    if entry.resolution == REGION_RESOLUTION and entry.country in context.region_countries:
        bonus += SIBLING_REGION
    if context.home_country is not None and entry.country == context.home_country:
        bonus += HOME_COUNTRY
    support = context.sense_support.get(entry.geonameid, 0.0)
    return bonus + SUPPORT_BONUS * min(support, MAX_SUPPORT)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _regions_named_after_their_town(
    candidates: Iterable[IndexedName],
) -> dict[tuple[str | None, str], list[tuple[float, float]]]:
    """Regions that hold a town of the same name, with that town's positions: "Berlin",
    "Lagos", "Aleppo" mean the town."""
    found: dict[tuple[str | None, str], list[tuple[float, float]]] = {}
    for n in candidates:
        if n.entry.resolution != 4 or n.entry.lat is None or n.entry.lon is None:
            continue
        for region in (n.entry.admin1, n.entry.admin2):
            if region:
                found.setdefault((n.entry.country, fold(region)), []).append(
                    (n.entry.lat, n.entry.lon)
                )
    return found


def _names_region(
    region: tuple[str | None, str],
    own_town: list[tuple[float, float]],
    context: RankingContext,
) -> bool:
    """Whether the story names another town of the region far from the town the region is
    named after: beside Montreal, "Quebec" is the province, not its capital."""
    return any(
        all(distance_km(lat, lon, t_lat, t_lon) > NEAR_KM for t_lat, t_lon in own_town)
        for country, admin1, lat, lon in context.towns
        if (country, admin1) == region
    )


def place_ref(text: str, span: Span | None, senses: list[ScoredSense], method: str) -> PlaceRef:
    """The best sense as a PlaceRef; its confidence grows with its margin over the next."""
    margin = senses[0].score - senses[1].score if len(senses) > 1 else 4.0
    confidence = round(0.5 + 0.45 * (1 - math.exp(-margin)), 3)
    return to_place_ref(text, span, senses[0].named.entry, method=method, confidence=confidence)


def to_place_ref(
    text: str, span: Span | None, entry: GazetteerEntry, *, method: str, confidence: float
) -> PlaceRef:
    return PlaceRef(
        text=text,
        span=span,
        name=entry.name,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        admin1=entry.admin1,
        country=entry.country,
        feature_class=entry.feature_class,
        resolution=entry.resolution,
        method=method,
        confidence=confidence,
    )
