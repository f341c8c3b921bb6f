"""Merge the mentions of one happening inside a story into one event.

Policy ``within-story-v2``: two mentions are the same happening when they have the same event
type and modality, their actor and recipient countries agree (as an unordered pair for
reciprocal types such as CONSULT), and neither their explicit places nor their explicit dates
contradict each other. Agreeing is not enough: a non-reciprocal pair must share a country
(on either side) or a named party on the same side, and in a story of one country's affairs
the state's forces and armed men outside the state are never one happening's doers. Mentions
are taken in text order and joined to the first compatible event. A mention without resolved
countries joins an event only through a named party on the same side.
A date written right before another mention's trigger ("the May 11 attack") is that mention's;
a mention that only shares it has no date of its own, which neither blocks a merge nor dates
the event.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from whimbrel.records import ActorRef, DateRef, Event, EventMention, PlaceRef, content_hash
from whimbrel.resolve.actor_lexicon import ActorLexicon
from whimbrel.resolve.coreference import describe
from whimbrel.resolve.date_calendar import period_end
from whimbrel.resolve.dates import article_date_ref

POLICY = "within-story-v2"  # v2: shared evidence, reversed sides and time (ids change with it)
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Dates and places a mention only inherits (from the article, its report or its story) must
# neither block nor drive a merge.
WEAK_DATE_METHODS = ("article-date", "report-date", "story-date")
WEAK_PLACE_METHODS = ("story-dominant", "within:story-dominant")
# At most this many characters between a date and the trigger it modifies ("the July 2
# vehicle-borne bomb attack"): such a date names that noun's happening, not its sentence's.
PREMODIFIER_GAP = 30
PRECISIONS = ("day", "week", "month", "year")
# The two camps of a country's internal conflict (PLOVER sector codes): the state's forces
# and the armed men outside the state.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "PRM", "JUD", "LEG"})
ARMED_NONSTATE_SECTORS = frozenset({"REB", "UAF", "CRM"})
# A mention dated only by its article is the story's news; a happening the text dates more
# than this many days before the article is background to it, not the same happening.
NEWS_WINDOW_DAYS = 14


@dataclass(frozen=True, slots=True)
class StoryTime:
    """What a story tells about its mentions' dates, read once per story."""

    # ids of the story's mentions whose explicit date is another's (``borrowed_dates``)
    borrowed: frozenset[str]
    # the article's date, for an event whose only date is borrowed
    article_date: DateRef

    def own_date(self, mention: EventMention) -> DateRef | None:
        """The date the mention's own text gives it: explicit and not borrowed."""
        return None if mention.id in self.borrowed else explicit_date(mention)


# the mentions of one happening, in text order
Cluster = list[EventMention]


def countries(mention: EventMention) -> tuple[frozenset[str], frozenset[str]]:
    actors = frozenset(a.country for a in mention.actors if a.country)
    recipients = frozenset(r.country for r in mention.recipients if r.country)
    return actors, recipients


def shares_named_party(a: EventMention, b: EventMention) -> bool:
    """Whether one named party is on the same side of both: "the pirates" as the targets of
    one attack and the doers of another are no evidence the two are one."""
    return any(
        {p.name for p in mine if p.name} & {p.name for p in theirs if p.name}
        for mine, theirs in ((a.actors, b.actors), (a.recipients, b.recipients))
    )


def dyads_agree(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions' parties can be one happening's. Sides that merely do not clash
    are not enough: a non-reciprocal pair needs a country both name (a headline's misread
    sides keep "Williams arrested" with "police arrested Williams") or a named party on the
    same side of both; "the US sent aid" and "aid reached Haiti" share neither."""
    a_act, a_rec = countries(a)
    b_act, b_rec = countries(b)
    if a.kind.event_type in RECIPROCAL_TYPES:
        a_all, b_all = a_act | a_rec, b_act | b_rec
        return bool(a_all and b_all) and (a_all <= b_all or b_all <= a_all)
    if not (a_act or a_rec) or not (b_act or b_rec):
        return shares_named_party(a, b)
    same_sides = _side_agrees(a_act, b_act) and _side_agrees(a_rec, b_rec)
    supported = bool((a_act | a_rec) & (b_act | b_rec)) or shares_named_party(a, b)
    if not (same_sides and supported):
        return False
    one_country = len(a_act | a_rec | b_act | b_rec) == 1
    return not _reversed_within(a, b) and not (one_country and _doer_camps_differ(a, b))


def sectors(mention: EventMention) -> tuple[frozenset[str], frozenset[str]]:
    actors = frozenset(a.sector for a in mention.actors if a.sector)
    recipients = frozenset(r.sector for r in mention.recipients if r.sector)
    return actors, recipients


def _reversed_within(a: EventMention, b: EventMention) -> bool:
    """Whether one country's two sides act on each other: "protesters tried to storm
    parliament" and "police fired tear gas at them" share the country on both sides, yet
    the one's doers are the other's targets and not its doers."""
    a_act, a_rec = sectors(a)
    b_act, b_rec = sectors(b)
    return any(
        doers & targets and not doers & others
        for doers, targets, others in ((a_act, b_rec, b_act), (b_act, a_rec, a_act))
    )


def _doer_camps_differ(a: EventMention, b: EventMention) -> bool:
    """Whether one mention's doers are all the state's forces and the other's all armed men
    outside it. Asked in one country's affairs, where the country tells nothing: "police fought
    protesters" and "a fire-bomb attack by unknown men killed three" are two happenings.
    (Within one camp, "soldiers" and "police", "rebels" and "gunmen", sectors are too loosely
    told apart to split on, and a civilian doer is too often a misread place or victim.)"""
    a_doers, b_doers = sectors(a)[0], sectors(b)[0]
    return any(
        doers <= STATE_SECTORS and others <= ARMED_NONSTATE_SECTORS
        for doers, others in ((a_doers, b_doers), (b_doers, a_doers))
        if doers and others
    )


def _side_agrees(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def explicit_date(mention: EventMention) -> DateRef | None:
    return None if mention.date.method.startswith(WEAK_DATE_METHODS) else mention.date


def borrowed_dates(mentions: Sequence[EventMention]) -> frozenset[str]:
    """Ids of the mentions whose explicit date, written after their trigger, premodifies
    another mention's trigger: in "arrested the commander behind the May 11 bombing", "May 11"
    dates the bombing, not the arrest. (A trigger after the noun, "the May 11 bombing, which
    killed nine", keeps the date: unowned, it would let that killing join any other one.)"""
    triggers = [(m.sentence.start, m.trigger.start) for m in mentions]
    borrowed = set()
    for mention in mentions:
        date = explicit_date(mention)
        if date is None or date.span is None or date.span.start < mention.trigger.end:
            continue
        if any(
            sentence == mention.sentence.start
            and start != mention.trigger.start
            and 0 <= start - date.span.end <= PREMODIFIER_GAP
            for sentence, start in triggers
        ):
            borrowed.add(mention.id)
    return frozenset(borrowed)


def explicit_place(mention: EventMention) -> PlaceRef | None:
    place = mention.location
    return None if place is None or place.method.startswith(WEAK_PLACE_METHODS) else place


def dates_agree(a: DateRef | None, b: DateRef | None) -> bool:
    """Whether two explicit dates can date one happening, compared at the coarser of their
    precisions: "Monday" falls in "last week" when that week holds it, "on 3 May" in "in May".
    A week (its Monday) also holds the Sunday before it, for writers whose weeks start then."""
    if a is None or b is None:
        return True
    coarse = max(a.precision, b.precision, key=PRECISIONS.index)
    if coarse == "week":
        week, other = (b, a) if b.precision == "week" else (a, b)
        return -1 <= (other.value - week.value).days <= 6
    width = {"day": 10, "month": 7, "year": 4}[coarse]
    return a.value.isoformat()[:width] == b.value.isoformat()[:width]


def is_background(date: DateRef | None, news: EventMention) -> bool:
    """Whether the period of ``date`` ended weeks before the article date ``news`` falls back
    on: "killed him on a raid" (undated) is not "the Aug. 7 attack" of a story published in
    September; "last month" may still be the meeting a story of the 7th reports."""
    if date is None or news.date.method != "article-date":
        return False
    return (news.date.value - period_end(date.value, date.precision)).days > NEWS_WINDOW_DAYS


def places_agree(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if (a.resolution or 0) <= 1 or (b.resolution or 0) <= 1:
        return a.country == b.country
    return a.name == b.name


def compatible(mention: EventMention, cluster: Cluster, time: StoryTime) -> bool:
    for other in cluster:
        if other.kind.event_type != mention.kind.event_type:
            return False
        if other.modality != mention.modality:
            return False
        if not dates_agree(time.own_date(other), time.own_date(mention)):
            return False
        if is_background(time.own_date(other), mention) or is_background(
            time.own_date(mention), other
        ):
            return False
        if not places_agree(explicit_place(other), explicit_place(mention)):
            return False
    return all(dyads_agree(mention, other) for other in cluster)


def information(mention: EventMention, time: StoryTime) -> tuple[int, int, float]:
    """How much a mention says: a date of its own (not one borrowed from a background
    happening) and an explicit place, resolved parties (country, sector), then confidence.
    The most informative mention, earliest on ties, leads the event."""
    parties = (*mention.actors, *mention.recipients)
    resolved = sum(bool(a.country) + bool(a.sector) for a in parties)
    explicit = (time.own_date(mention) is not None) + (explicit_place(mention) is not None)
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
    side: tuple[ActorRef, ...],
    others: list[tuple[ActorRef, ...]],
    *,
    opposite: tuple[ActorRef, ...] = (),
    lexicon: ActorLexicon | None = None,
) -> tuple[ActorRef, ...]:
    """The lead's parties on one side, completed from the other mentions' same side:

    - an empty side takes the first other mention's parties;
    - a party known only by its country ("Kabul") gives way to a fuller party of the same
      country ("Taliban officials");
    - a co-party of a country already on this side (and not on the ``opposite`` one) joins
      ("the minister came with her army chief"), unless it is a party already listed under
      another text ("He", "Otieno");
    - each party carries the fullest name any mention gives it.
    """
    pool = [party for parties in others for party in parties if party.country]
    # "a dinner hosted by X" beside "met with Y": a side of unresolved parties only is as
    # good as empty when another mention names resolved ones
    if not any(p.country or p.sector for p in side):
        side = next((o for o in others if any(p.country or p.sector for p in o)), side)
    if not side:
        side = others[0] if others and others[0] else side
    result: list[ActorRef] = []
    for party in side:
        if party.sector is None and party.country:
            fuller = next((p for p in pool if p.country == party.country and p.sector), None)
            party = fuller or party
        _add_party(result, party, lexicon)
    home = {p.country for p in result if p.country} - {p.country for p in opposite}
    for party in pool:
        joins = party.country in home and party.sector and party.name
        if joins and not any(same_party(party, kept, lexicon) for kept in opposite):
            _add_party(result, party, lexicon)
    return tuple(with_fullest_name(party, pool) for party in result)


def _add_party(result: list[ActorRef], party: ActorRef, lexicon: ActorLexicon | None) -> None:
    """Add ``party`` unless it is already listed; a named person replaces the title-only
    description of them listed before ("Kenya's president", then "President William Ruto")."""
    for i, kept in enumerate(result):
        if same_party(party, kept, lexicon):
            if _describes(kept, party, lexicon) and not _describes(party, kept, lexicon):
                result[i] = party
            return
    result.append(party)


def name_words(party: ActorRef) -> frozenset[str]:
    return frozenset((party.name or "").lower().replace("-", " ").split())


def same_party(a: ActorRef, b: ActorRef, lexicon: ActorLexicon | None = None) -> bool:
    """One party under two texts: the same country and sector, and one name's words within
    the other's ("Qureshi" and "Shah Mahmood Qureshi"; "He" resolved to either), or, with a
    ``lexicon``, one a title-only description of the other ("Kenya's president" and "Kenyan
    President William Ruto"; "the Sudanese ambassador" and "Sudanese envoy")."""
    if (a.country, a.sector) != (b.country, b.sector):
        return False
    a_words, b_words = name_words(a), name_words(b)
    if a_words and b_words and (a_words <= b_words or b_words <= a_words):
        return True
    return _describes(a, b, lexicon) or _describes(b, a, lexicon)


def _describes(short: ActorRef, full: ActorRef, lexicon: ActorLexicon | None) -> bool:
    """Whether ``short``, a definite singular title and nothing else, fits an office that
    ``full`` (of the same country) is described with: "Kenya's president" fits "Kenyan
    President William Ruto", "the Sudanese envoy" fits "the Sudanese ambassador"."""
    if lexicon is None or not short.country or short.country != full.country:
        return False
    description = describe(short.text, lexicon)
    if not description.title_only:
        return False
    held = describe(full.text, lexicon)
    if not held.titles or held.plural:
        return False
    head = description.titles[-1]
    return any(head.fit(title) or title.fit(head) for title in held.titles) and (
        held.named or held.title_only
    )


def with_fullest_name(party: ActorRef, pool: list[ActorRef]) -> ActorRef:
    """``party`` named as fully as any mention names it (its own text and span kept)."""
    fullest = max(
        (p for p in pool if same_party(p, party)), key=lambda p: len(name_words(p)), default=None
    )
    if fullest is None or len(name_words(fullest)) <= len(name_words(party)):
        return party
    return dataclasses.replace(party, name=fullest.name)


def is_codable(mention: EventMention) -> bool:
    """An event needs at least one party resolved to a country or a sector; other mentions
    stay in the store as mentions only."""
    return any(a.country or a.sector for a in (*mention.actors, *mention.recipients))


def to_event(cluster: Cluster, *, lexicon: ActorLexicon, time: StoryTime) -> Event:
    ordered = sorted(cluster, key=lambda m: information(m, time), reverse=True)
    places = [p for p in map(explicit_place, cluster) if p is not None]
    best_date = event_date(cluster, lead=ordered[0], time=time)
    best_place = max(places, key=lambda p: p.resolution or 0, default=None)
    lead, rest = ordered[0], [oriented(m, ordered[0]) for m in ordered[1:]]
    return Event(
        id=content_hash(POLICY, *sorted(m.id for m in cluster)),
        mentions=tuple(ordered),
        best_actors=completed(
            lead.actors, [a for a, _ in rest if a], opposite=lead.recipients, lexicon=lexicon
        ),
        best_recipients=completed(
            lead.recipients, [r for _, r in rest if r], opposite=lead.actors, lexicon=lexicon
        ),
        policy=POLICY,
        story_ids=tuple(sorted({m.story_id for m in cluster})),
        best_date=best_date,
        best_location=best_place,
    )


def event_date(cluster: Cluster, *, lead: EventMention, time: StoryTime) -> DateRef | None:
    """The finest date a mention's own text gives, an asserted one first; else, when the
    lead's date is borrowed from a background happening, the article's date; else None, and
    the event takes its lead's date."""
    own = [(m, d) for m in cluster if (d := time.own_date(m)) is not None]
    if own:
        return min(
            own, key=lambda o: (o[0].modality != "asserted", PRECISIONS.index(o[1].precision))
        )[1]
    return time.article_date if lead.id in time.borrowed else None


def cluster_story(
    mentions: Sequence[EventMention], *, lexicon: ActorLexicon, article_date: dt.date
) -> tuple[Event, ...]:
    """The story's events; ``lexicon`` (the pipeline's, user dictionaries included) reads
    actor titles, so that a title-only description and the named person it fits are one
    party. ``article_date`` dates an event whose only date is borrowed from a background
    happening."""
    clusters: list[Cluster] = []
    time = StoryTime(borrowed_dates(mentions), article_date_ref(article_date))
    for mention in filter(is_codable, mentions):
        home = next((c for c in clusters if compatible(mention, c, time)), None)
        if home is None:
            home = []
            clusters.append(home)
        home.append(mention)
    return tuple(to_event(c, lexicon=lexicon, time=time) for c in clusters)
