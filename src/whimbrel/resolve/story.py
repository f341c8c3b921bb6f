"""Resolve one story's mention drafts into event mentions: actors, dates and places.

Story-level context is built first: the countries the story is about (for place
disambiguation), and a memory of the actors named so far, so that "Muttaqi", "the Afghan
foreign minister" or "he" later in the story resolve to "Afghanistan's Interim Foreign
Minister, Amir Khan Muttaqi" (:mod:`whimbrel.resolve.coreference`).

What a party's own words leave open (a bare name's title, a people's or an official's
country, a pronoun with nobody remembered) comes from :mod:`whimbrel.resolve.story_actors`.
Places come from :mod:`whimbrel.resolve.story_places`, dates from
:mod:`whimbrel.resolve.story_dates`; a happening named again by its noun ("condemned the
strikes") gets its doers from :mod:`whimbrel.resolve.event_anaphora`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from whimbrel.extract.clauses import find_dateline
from whimbrel.records import (
    ActorRef,
    Attribution,
    DateRef,
    EventMention,
    MentionDraft,
    ParsedStory,
    PlaceRef,
    Span,
)
from whimbrel.resolve.actors import ActorLexicon, countries_in_text, is_reporter, resolve_actor_text
from whimbrel.resolve.coreference import PRONOUNS, ActorMemory, describe, indefinite_words
from whimbrel.resolve.coreference_pairs import is_pair_phrase, recall_pair
from whimbrel.resolve.event_anaphora import with_event_anaphora
from whimbrel.resolve.gazetteer import COUNTRY_RESOLUTION
from whimbrel.resolve.places import Gazetteer
from whimbrel.resolve.story_actors import (
    CountryContext,
    from_story_countries,
    is_after_verb,
    objects_of_verbs,
    person_in_sentence,
    resolve_in_context,
    with_title_before,
)
from whimbrel.resolve.story_dates import event_date, lead_date, story_dates
from whimbrel.resolve.story_places import (
    MATERIAL_CONFLICT,
    StoryPlaces,
    dominant_place,
    event_place,
    speaker_home,
    story_places,
    within_story_place,
)

# Event types whose place is often a country the actor travelled to.
MEETING_TYPES = frozenset({"CONSULT"})


@dataclass(frozen=True, slots=True)
class Resolvers:
    """The backends resolution uses, built once and passed in."""

    actors: ActorLexicon
    gazetteer: Gazetteer


def country_counts(story: ParsedStory, resolvers: Resolvers) -> Counter[str]:
    """How often the story names each country, through places and demonyms (entities), plus
    once each state its text names that no entity gave."""
    counts: Counter[str] = Counter()
    for entity in story.entities:
        if entity.label not in ("GPE", "NORP", "LOC"):
            continue
        ref = resolve_actor_text(
            entity.span.text, lexicon=resolvers.actors, date=story.article.date
        )
        if ref.country and len(ref.country) == 3:
            counts[ref.country] += 1
    # The entity tagger misses names ("the Lithuanian Parliament", a country inside a body's
    # name): a state the text names that no entity gave counts once.
    named = countries_in_text(story.article.text, resolvers.actors, date=story.article.date)
    counts.update(named - set(counts))
    return counts


def dominant_country(counts: Counter[str]) -> str | None:
    """The story's country when one clearly dominates (at least twice the next one's
    mentions): the fallback country of parties known only by their role ("police")."""
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def resolve_story(story: ParsedStory, resolvers: Resolvers) -> tuple[EventMention, ...]:
    counts = country_counts(story, resolvers)
    countries = CountryContext.of(counts)
    context = [country for country, _ in counts.most_common(5)]
    memory = ActorMemory(
        persons=tuple(e.span for e in story.entities if e.label == "PERSON"),
        lexicon=resolvers.actors,
        text=story.article.text,
    )
    # One search for the dateline: it is where the story was filed (places) and what its
    # lead paragraph follows (dates).
    dateline = find_dateline(story.article.text)
    places = story_places(
        story,
        resolvers.gazetteer,
        context,
        main=dominant_country(counts),
        actors=resolvers.actors,
        dateline=dateline,
    )
    dominant = dominant_place(places)
    lead = lead_date(story, dateline=dateline)
    dates = story_dates(story.drafts, article_date=story.article.date, lead=lead)
    mentions = []
    for draft, date in zip(story.drafts, dates, strict=True):
        mentions.append(
            resolve_draft(
                draft,
                story=story,
                resolvers=resolvers,
                places=places,
                memory=memory,
                dominant=dominant,
                date=date,
                countries=countries,
            )
        )
    return with_event_anaphora(mentions)


def resolve_draft(
    draft: MentionDraft,
    *,
    story: ParsedStory,
    resolvers: Resolvers,
    places: StoryPlaces,
    memory: ActorMemory,
    dominant: PlaceRef | None,
    date: DateRef | None = None,
    countries: CountryContext | None = None,
) -> EventMention:
    article = story.article
    place = event_place(draft, places=places)
    context_country = place.country if place else places.main_country
    # a country as the place may be a verb's object the place attacher took for a setting
    unsure_place = place is None or (
        place.resolution == COUNTRY_RESOLUTION
        and place.span is not None
        and is_after_verb(article.text, place.span.start)
    )
    if unsure_place and context_country in objects_of_verbs(
        draft.sentence.text, resolvers.actors, date=article.date
    ):
        context_country = None  # "Congress urged Obama to help Iran": Iran is no setting
    host = visited_country(draft, place)
    actors = resolve_actors(
        draft.actor_spans,
        resolvers=resolvers,
        date=article.date,
        memory=memory,
        context_country=None if host else context_country,
        sentence=draft.sentence,
        countries=countries,
        text=article.text,
        others=draft.recipient_spans,
        host=host,
    )
    recipients = resolve_actors(
        draft.recipient_spans,
        resolvers=resolvers,
        date=article.date,
        memory=memory,
        context_country=context_country,
        sentence=draft.sentence,
        countries=countries,
        text=article.text,
        others=draft.actor_spans,
    )
    remember_speakers(draft, resolvers=resolvers, memory=memory, date=article.date)
    if draft.kind.quad_class == MATERIAL_CONFLICT and place is not None:
        recipients = tuple(target_in_place(r, place, resolvers) for r in recipients)
    if draft.place_is_recipient and place is not None:
        recipients = (*recipients, place_as_actor(place, resolvers))
    if place is None:
        dominant = speaker_home(
            actors, kind=draft.kind, fallback=dominant, gazetteer=resolvers.gazetteer
        )
    place = within_story_place(place, dominant)
    date = date or event_date(draft, article_date=article.date)
    modality = draft.modality
    if modality == "asserted" and date.value > article.date and date.method.startswith("rule"):
        modality = "planned"
    return EventMention(
        id=EventMention.make_id(
            story_id=draft.story_id,
            sentence=draft.sentence,
            trigger=draft.trigger,
            event_type=draft.kind.event_type,
        ),
        story_id=draft.story_id,
        kind=draft.kind,
        trigger=draft.trigger,
        sentence=draft.sentence,
        actors=actors,
        recipients=recipients,
        modality=modality,
        date=date,
        location=place,
        attribution=tuple(resolve_reporter(link, memory) for link in draft.attribution),
        hedged=draft.hedged,
        confidence=mention_confidence(actors, recipients),
    )


def visited_country(draft: MentionDraft, place: PlaceRef | None) -> str | None:
    """The country a meeting or visit takes place in: officials travel to meetings, so the
    host country is no evidence of whom an unnamed official serves ("The prime minister will
    attend a summit in Ghana")."""
    if place is None or not place.country:
        return None
    meeting = draft.kind.event_type in MEETING_TYPES or draft.kind.mode == "visit"
    return place.country if meeting else None


def resolve_actors(
    spans: Sequence[Span],
    *,
    resolvers: Resolvers,
    date: dt.date,
    memory: ActorMemory,
    context_country: str | None = None,
    sentence: Span | None = None,
    countries: CountryContext | None = None,
    text: str | None = None,
    others: Sequence[Span] = (),
    host: str | None = None,
) -> tuple[ActorRef, ...]:
    """Resolve each phrase: from its own words (with a title written just before a bare name,
    "deputy PM <name>"), else by coreference with an actor named earlier in the story, else
    with the event's country as context ("police" in Nairobi), else from the story's
    countries (:func:`from_story_countries`). ``sentence`` is the phrases' sentence (a person
    opening it is its subject, for "he"); ``text`` is the article's; ``others`` are the
    mention's parties on the other side, whose countries an official never takes from the
    sentence ("the defence minister threatened Iran" is not Iran's minister); nor the ``host``
    country of the meeting they travel to (:func:`visited_country`)."""
    countries = countries or CountryContext()
    claimed = frozenset(
        code
        for other in others
        for code in countries_in_text(other.text, resolvers.actors, date=date)
    ) | ({host} if host else set())
    refs: list[ActorRef] = []
    for span in spans:
        if is_reporter(span.text, resolvers.actors):
            continue
        ref = resolve_actor_text(span.text, lexicon=resolvers.actors, date=date)
        if is_pair_phrase(span.text):
            # "the two leaders": the pair named just before, else only what its words say
            pair = recall_pair(memory, span.text, start=span.start, sentence=sentence)
            refs.extend(dataclasses.replace(known, span=span) for known in pair or (ref,))
            continue
        if text is not None and ref.name and not ref.sector:
            ref = with_title_before(ref, span, text=text, lexicon=resolvers.actors, date=date)
        known = coreferent(ref, span, resolvers=resolvers, memory=memory, sentence=sentence)
        if known is None and not ref.country:
            known = person_in_sentence(
                span, sentence=sentence, memory=memory, lexicon=resolvers.actors, date=date
            )
        if known is not None:
            ref = known
        if not ref.country and context_country:
            ref = resolve_in_context(ref, span.text, context_country, resolvers.actors, date)
        if not ref.country:
            ref = from_story_countries(
                ref, span.text, countries, sentence, resolvers.actors, date, claimed=claimed
            )
        ref = dataclasses.replace(ref, span=span)
        memory.remember(ref, sentence=sentence)
        refs.append(ref)
    return tuple(refs)


def coreferent(
    ref: ActorRef,
    span: Span,
    *,
    resolvers: Resolvers,
    memory: ActorMemory,
    sentence: Span | None = None,
) -> ActorRef | None:
    """The person named earlier that ``ref`` (resolved from its own words) refers back to:
    "he", "the Afghan foreign minister", "Muttaqi", "Pak's FM Qureshi"; None when the phrase
    stands on its own or the link would contradict what it says itself."""
    if span.text.lower().strip() in PRONOUNS:
        return memory.recall_pronoun(span.text, start=span.start, sentence=sentence)
    description = describe(span.text, resolvers.actors)
    if description.title_only and memory.word_before(span.start) not in indefinite_words():
        return memory.recall_title(description, span.text, start=span.start)
    if ref.country and ref.sector and len((ref.name or "").split()) >= 2:
        return None
    known = memory.recall(span.text, start=span.start)
    if known is None or ref.country not in (None, known.country):
        return None
    return known


def remember_speakers(
    draft: MentionDraft, *, resolvers: Resolvers, memory: ActorMemory, date: dt.date
) -> None:
    """A person who "said" it is a person named in the story: "he" in the next sentence can be
    them (the people they name inside their quotation cannot)."""
    for link in draft.attribution:
        if link.span is None or link.source.lower() in PRONOUNS:
            continue
        if is_reporter(link.source, resolvers.actors):
            continue
        ref = resolve_actor_text(link.source, lexicon=resolvers.actors, date=date)
        if not ref.country:
            ref = memory.recall(link.source, start=link.span.start) or ref
        memory.remember(dataclasses.replace(ref, span=link.span), sentence=draft.sentence)


def resolve_reporter(link: Attribution, memory: ActorMemory) -> Attribution:
    """ "He reportedly said": the reporter is the person "he" refers to."""
    if link.source.lower() not in PRONOUNS:
        return link
    start = link.span.start if link.span is not None else None
    known = memory.recall_pronoun(link.source, start=start)
    return dataclasses.replace(link, source=known.name or link.source) if known else link


def target_in_place(party: ActorRef, place: PlaceRef, resolvers: Resolvers) -> ActorRef:
    """ "struck targets in Gaza": an unnamed target of force belongs to where it was hit."""
    if party.country or party.sector or not place.country:
        return party
    located = place_as_actor(place, resolvers)
    return dataclasses.replace(located, text=party.text, span=party.span, method="location-country")


def place_as_actor(place: PlaceRef, resolvers: Resolvers) -> ActorRef:
    """ "visit to Islamabad": the recipient is the country the place belongs to. A place the
    gazetteer gives no country ("Gondor" in a user dictionary) is read as an actor."""
    if not place.country:
        ref = resolve_actor_text(place.text, lexicon=resolvers.actors)
        return (
            dataclasses.replace(ref, span=place.span)
            if ref.country
            else ActorRef(text=place.text, span=place.span, name=place.name)
        )
    name = resolvers.actors.country_names.get(place.country, place.name)
    return ActorRef(
        text=place.text,
        span=place.span,
        name=name,
        country=place.country,
        method="place-country",
        confidence=place.confidence * 0.9,
    )


def mention_confidence(actors: Sequence[ActorRef], recipients: Sequence[ActorRef]) -> float:
    resolved = [r for r in (*actors, *recipients) if r.country]
    if not actors:
        return 0.3
    return round(0.5 + 0.5 * len(resolved) / max(1, len(actors) + len(recipients)), 3)
