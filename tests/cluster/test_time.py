"""Clustering respects time: mentions whose own dates disagree are different happenings, and
an event is dated by a mention whose date is its own (stories we wrote, real spaCy model)."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.cluster.within_story import cluster_story, explicit_date
from whimbrel.records import Article, Event

pytestmark = pytest.mark.slow

PUBLISHED = dt.date(2024, 9, 19)


def events_of(pipeline, text: str) -> tuple[str, tuple[Event, ...]]:  # type: ignore[no-untyped-def]
    (result,) = pipeline.code([Article(id="t", date=PUBLISHED, text=text)])
    events = cluster_story(
        result.mentions, lexicon=pipeline.resolvers.actors, article_date=PUBLISHED
    )
    return result.article.text, events


def triggers(text: str, event: Event) -> list[str]:
    return [text[m.trigger.start : m.trigger.end] for m in event.mentions]


@pytest.mark.parametrize(
    ("text", "separate"),
    [
        # a raid this week and an attack weeks before it
        (
            "Afghan and coalition forces killed a Taliban commander in Ghazni province on "
            "Monday. The commander had led the Aug. 7 attack on a police post in Ghazni, "
            "which killed three Afghan policemen.",
            ("Monday", "Aug. 7"),
        ),
        # two arrests of one week in one city, on two days
        (
            "Kenyan police arrested twelve protesters in Nairobi on Tuesday. Kenyan police "
            "had arrested four students in Nairobi on Sept. 2.",
            ("Tuesday", "Sept. 2"),
        ),
    ],
)
def test_disagreeing_dates_do_not_merge(pipeline, text: str, separate: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    text, events = events_of(pipeline, text)
    for event in events:
        raws = {d.raw for m in event.mentions if (d := explicit_date(m)) is not None}
        assert not set(separate) <= raws, triggers(text, event)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # "Saturday" lies in "last week": one raid
        (
            "Afghan forces killed a Taliban commander in Ghazni on Saturday, officials said. "
            "Afghan forces killed him during a raid last week.",
            dt.date(2024, 9, 14),
        ),
    ],
)
def test_dates_agreeing_at_the_coarser_precision_merge(pipeline, text: str, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    text, events = events_of(pipeline, text)
    (event,) = [e for e in events if e.lead.kind.event_type == "ASSAULT"]
    assert event.num_mentions == 2, triggers(text, event)
    assert event.date.value == day


@pytest.mark.parametrize(
    ("text", "event_type", "day"),
    [
        # "May 11" names the bombing; the arrest it only shares has no date of its own
        (
            "Afghan soldiers arrested the Taliban commander behind the May 11 bombing of a "
            "market in Kandahar. The May 11 bombing killed nine Afghan civilians.",
            "COERCE",
            PUBLISHED,
        ),
        # ... while the bombing keeps it
        (
            "Afghan soldiers arrested the Taliban commander behind the May 11 bombing of a "
            "market in Kandahar. The May 11 bombing killed nine Afghan civilians.",
            "ASSAULT",
            dt.date(2024, 5, 11),
        ),
    ],
)
def test_a_borrowed_date_does_not_date_the_event(
    pipeline, text: str, event_type: str, day: dt.date
) -> None:  # type: ignore[no-untyped-def]
    text, events = events_of(pipeline, text)
    (event,) = [e for e in events if e.lead.kind.event_type == event_type]
    assert event.date.value == day, triggers(text, event)


@pytest.mark.parametrize(
    ("text", "news", "background"),
    [
        # the raid the story reports, undated, is not the attack six weeks before it
        (
            "Afghan and coalition forces confirmed the death of a Taliban leader behind the "
            "Aug. 7 attack on an army outpost in Logar province. As Afghan troops approached, "
            "he opened fire on them. The Afghan troops returned fire, killing him.",
            "killing",
            "attack",
        ),
    ],
)
def test_undated_news_does_not_join_a_weeks_old_happening(
    pipeline, text: str, news: str, background: str
) -> None:  # type: ignore[no-untyped-def]
    text, events = events_of(pipeline, text)
    (event,) = [e for e in events if news in triggers(text, e)]
    assert background not in triggers(text, event)
