"""Resolve one story's mention drafts into event mentions: actors, dates and places.

Story-level context is built first: the countries the story is about (for place
disambiguation), and a memory of the actors named so far, so that "Muttaqi" or "he" later in
the story resolve to "Afghanistan's Interim Foreign Minister, Amir Khan Muttaqi".

Places come from :mod:`whimbrel.resolve.story_places`, dates from
:mod:`whimbrel.resolve.story_dates`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

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
from whimbrel.resolve.actors import ActorLexicon, is_reporter, resolve_actor_text
from whimbrel.resolve.places import Gazetteer
from whimbrel.resolve.story_dates import event_date, lead_date, story_dates
from whimbrel.resolve.story_places import (
    StoryPlaces,
    dominant_place,
    event_place,
    story_places,
    within_story_place,
)

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
MATERIAL_CONFLICT = 4


@dataclass(frozen=True, slots=True)
class Resolvers:
    """The backends resolution uses, built once and passed in."""

    actors: ActorLexicon
    gazetteer: Gazetteer


@dataclass(slots=True)
class ActorMemory:
    """Actors named so far in one story, by the last word of their name, for coreference.

    ``persons`` are the character spans of PERSON entities, so that "he" goes to the last
    actor whose phrase names a person.
    """

    persons: tuple[Span, ...] = ()
    lexicon: ActorLexicon | None = None
    by_word: dict[str, ActorRef] = field(default_factory=dict)
    person_names: set[str] = field(default_factory=set)
    last_person: ActorRef | None = None

    def remember(self, ref: ActorRef) -> None:
        if not ref.name or not ref.country:
            return
        surname = ref.name.replace("-", " ").split()[-1]
        # Only the last word of a name: "Khan" in "Amir Khan Muttaqi" is no surname.
        if ref.method != "coreference" and len(surname) > 2 and surname[0].isupper():
            self.by_word[surname.lower().rstrip("s")] = ref
        if ref.name in self.person_names or self.is_person(ref):
            self.person_names.add(ref.name)
            self.last_person = ref

    def is_person(self, ref: ActorRef) -> bool:
        """A person from the people list, or a titled phrase with a PERSON entity in it."""
        if ref.name and self.lexicon is not None and self.lexicon.is_person_name(ref.name):
            return True
        return (
            ref.sector is not None
            and ref.span is not None
            and any(ref.span.start <= p.start and p.end <= ref.span.end for p in self.persons)
        )

    def recall(self, text: str) -> ActorRef | None:
        lowered = text.lower().strip()
        if lowered in PRONOUNS:
            return self.last_person
        for word in reversed(text.replace("’", "'").split()):
            key = word.lower().strip(".,'").removesuffix("'s").rstrip("s")
            if key in self.by_word:
                return self.by_word[key]
        return None


def country_counts(story: ParsedStory, resolvers: Resolvers) -> Counter[str]:
    """How often the story names each country, through places and demonyms."""
    counts: Counter[str] = Counter()
    for entity in story.entities:
        if entity.label not in ("GPE", "NORP", "LOC"):
            continue
        ref = resolve_actor_text(
            entity.span.text, lexicon=resolvers.actors, date=story.article.date
        )
        if ref.country and len(ref.country) == 3:
            counts[ref.country] += 1
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
    context = [country for country, _ in counts.most_common(5)]
    memory = ActorMemory(
        persons=tuple(e.span for e in story.entities if e.label == "PERSON"),
        lexicon=resolvers.actors,
    )
    places = story_places(story, resolvers.gazetteer, context, main=dominant_country(counts))
    dominant = dominant_place(story, places)
    dates = story_dates(story.drafts, article_date=story.article.date, lead=lead_date(story))
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
            )
        )
    return tuple(mentions)


def resolve_draft(
    draft: MentionDraft,
    *,
    story: ParsedStory,
    resolvers: Resolvers,
    places: StoryPlaces,
    memory: ActorMemory,
    dominant: PlaceRef | None,
    date: DateRef | None = None,
) -> EventMention:
    article = story.article
    place = event_place(draft, places=places)
    context_country = place.country if place else places.main_country
    actors = resolve_actors(
        draft.actor_spans,
        resolvers=resolvers,
        date=article.date,
        memory=memory,
        context_country=context_country,
    )
    recipients = resolve_actors(
        draft.recipient_spans,
        resolvers=resolvers,
        date=article.date,
        memory=memory,
        context_country=context_country,
    )
    if draft.kind.quad_class == MATERIAL_CONFLICT and place is not None:
        recipients = tuple(target_in_place(r, place, resolvers) for r in recipients)
    if draft.place_is_recipient and place is not None:
        recipients = (*recipients, place_as_actor(place, resolvers))
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


def resolve_actors(
    spans: Sequence[Span],
    *,
    resolvers: Resolvers,
    date: dt.date,
    memory: ActorMemory,
    context_country: str | None = None,
) -> tuple[ActorRef, ...]:
    """Resolve each phrase: from its own words, else by coreference with an actor named
    earlier in the story, else with the event's country as context ("police" in Nairobi)."""
    refs = []
    for span in spans:
        if is_reporter(span.text, resolvers.actors):
            continue
        ref = resolve_actor_text(span.text, lexicon=resolvers.actors, date=date)
        if not ref.country or not ref.sector or len((ref.name or "").split()) < 2:
            # "Muttaqi", "he", "Pak's FM Qureshi": the fuller actor named earlier, if it agrees
            known = memory.recall(span.text)
            if known is not None and ref.country in (None, known.country):
                ref = dataclasses.replace(
                    known,
                    text=span.text,
                    method="coreference",
                    confidence=min(known.confidence, 0.8),
                )
        if not ref.country and context_country:
            ref = resolve_actor_text(
                span.text, lexicon=resolvers.actors, date=date, context_country=context_country
            )
        ref = dataclasses.replace(ref, span=span)
        memory.remember(ref)
        refs.append(ref)
    return tuple(refs)


def resolve_reporter(link: Attribution, memory: ActorMemory) -> Attribution:
    """ "He reportedly said": the reporter is the person last named."""
    if link.source.lower() in PRONOUNS and memory.last_person is not None:
        return dataclasses.replace(link, source=memory.last_person.name or link.source)
    return link


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
