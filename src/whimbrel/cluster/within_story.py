"""Merge the mentions of one happening inside a story into one event.

Policy ``within-story-v1``: two mentions are the same happening when they have the same event
type and modality, their actor and recipient countries agree (as an unordered pair for
reciprocal types such as CONSULT), and neither their explicit places nor their explicit dates
contradict each other. Mentions are taken in text order and joined to the first compatible
event. A mention without resolved countries joins an event only through a shared named actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from whimbrel.records import ActorRef, DateRef, Event, EventMention, PlaceRef, content_hash

POLICY = "within-story-v1"
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Dates and places a mention only inherits (from the article, its report or its story) must
# neither block nor drive a merge.
WEAK_DATE_METHODS = ("article-date", "report-date", "story-date")
WEAK_PLACE_METHODS = ("story-dominant", "within:story-dominant")


@dataclass(slots=True)
class Cluster:
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def first(self) -> EventMention:
        return self.mentions[0]


def countries(mention: EventMention) -> tuple[frozenset[str], frozenset[str]]:
    actors = frozenset(a.country for a in mention.actors if a.country)
    recipients = frozenset(r.country for r in mention.recipients if r.country)
    return actors, recipients


def names(mention: EventMention) -> frozenset[str]:
    return frozenset(a.name for a in (*mention.actors, *mention.recipients) if a.name)


def dyads_agree(a: EventMention, b: EventMention) -> bool:
    a_act, a_rec = countries(a)
    b_act, b_rec = countries(b)
    if a.kind.event_type in RECIPROCAL_TYPES:
        a_all, b_all = a_act | a_rec, b_act | b_rec
        return bool(a_all and b_all) and (a_all <= b_all or b_all <= a_all)
    if not (a_act or a_rec) or not (b_act or b_rec):
        return bool(names(a) & names(b))
    return _side_agrees(a_act, b_act) and _side_agrees(a_rec, b_rec)


def _side_agrees(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def explicit_date(mention: EventMention) -> DateRef | None:
    return None if mention.date.method.startswith(WEAK_DATE_METHODS) else mention.date


def explicit_place(mention: EventMention) -> PlaceRef | None:
    place = mention.location
    return None if place is None or place.method.startswith(WEAK_PLACE_METHODS) else place


def dates_agree(a: DateRef | None, b: DateRef | None) -> bool:
    if a is None or b is None:
        return True
    coarse = max(a.precision, b.precision, key=("day", "week", "month", "year").index)
    width = {"day": 10, "week": 7, "month": 7, "year": 4}[coarse]
    return a.value.isoformat()[:width] == b.value.isoformat()[:width] or (
        coarse == "week" and abs((a.value - b.value).days) < 7
    )


def places_agree(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if (a.resolution or 0) <= 1 or (b.resolution or 0) <= 1:
        return a.country == b.country
    return a.name == b.name


def compatible(mention: EventMention, cluster: Cluster) -> bool:
    for other in cluster.mentions:
        if other.kind.event_type != mention.kind.event_type:
            return False
        if other.modality != mention.modality:
            return False
        if not dates_agree(explicit_date(other), explicit_date(mention)):
            return False
        if not places_agree(explicit_place(other), explicit_place(mention)):
            return False
    return all(dyads_agree(mention, other) for other in cluster.mentions)


def information(mention: EventMention) -> tuple[int, int, float]:
    """How much a mention says: explicit date and place, resolved parties (country, sector),
    then confidence. The most informative mention, earliest on ties, leads the event."""
    parties = (*mention.actors, *mention.recipients)
    resolved = sum(bool(a.country) + bool(a.sector) for a in parties)
    explicit = (explicit_date(mention) is not None) + (explicit_place(mention) is not None)
    return explicit, resolved + (1 if mention.actors else 0), mention.confidence


def oriented(
    mention: EventMention, lead: EventMention
) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
    """The mention's (actors, recipients) in the lead's direction: "Muttaqi welcomed the
    Pakistan delegation" read against "Qureshi visited Kabul" swaps sides."""
    lead_act, lead_rec = countries(lead)
    act, rec = countries(mention)
    if act & lead_rec and not act & lead_act and not rec & lead_rec:
        return mention.recipients, mention.actors
    return mention.actors, mention.recipients


def completed(
    side: tuple[ActorRef, ...], others: list[tuple[ActorRef, ...]]
) -> tuple[ActorRef, ...]:
    """Fill an empty side, and replace a party known only by its country ("Kabul") with a
    fuller party of the same country from another mention ("Taliban officials")."""
    pool = [party for parties in others for party in parties if party.country]
    if not side:
        return others[0] if others and others[0] else side
    result = []
    for party in side:
        if party.sector is None and party.country:
            fuller = next((p for p in pool if p.country == party.country and p.sector), None)
            party = fuller or party
        result.append(party)
    return tuple(result)


def is_codable(mention: EventMention) -> bool:
    """An event needs at least one party resolved to a country or a sector; other mentions
    stay in the store as mentions only."""
    return any(a.country or a.sector for a in (*mention.actors, *mention.recipients))


def to_event(cluster: Cluster) -> Event:
    ordered = sorted(cluster.mentions, key=information, reverse=True)
    dates = [d for d in map(explicit_date, cluster.mentions) if d is not None]
    places = [p for p in map(explicit_place, cluster.mentions) if p is not None]
    best_date = min(
        dates, key=lambda d: ("day", "week", "month", "year").index(d.precision), default=None
    )
    best_place = max(places, key=lambda p: p.resolution or 0, default=None)
    lead, rest = ordered[0], [oriented(m, ordered[0]) for m in ordered[1:]]
    return Event(
        id=content_hash(POLICY, *sorted(m.id for m in cluster.mentions)),
        mentions=tuple(ordered),
        best_actors=completed(lead.actors, [a for a, _ in rest if a]),
        best_recipients=completed(lead.recipients, [r for _, r in rest if r]),
        policy=POLICY,
        story_ids=tuple(sorted({m.story_id for m in cluster.mentions})),
        best_date=best_date,
        best_location=best_place,
    )


def cluster_story(mentions: Sequence[EventMention]) -> tuple[Event, ...]:
    clusters: list[Cluster] = []
    for mention in filter(is_codable, mentions):
        home = next((c for c in clusters if compatible(mention, c)), None)
        if home is None:
            home = Cluster()
            clusters.append(home)
        home.mentions.append(mention)
    return tuple(to_event(c) for c in clusters)
