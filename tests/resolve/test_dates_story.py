"""The story's lead date and lead paragraph: stories we wrote, with a fixed article date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from whimbrel.records import Article, EntityMention, EventTypeInfo, MentionDraft, ParsedStory, Span
from whimbrel.resolve.story_dates import lead_date, lead_paragraph, story_dates

TUESDAY = dt.date(2012, 6, 12)


def _story(text: str, *, date_entities: tuple[str, ...] = ()) -> ParsedStory:
    """A story whose DATE entities are the given phrases, where they first occur."""
    entities = []
    for phrase in date_entities:
        start = text.index(phrase)
        entities.append(EntityMention(Span(start, start + len(phrase), phrase), "DATE"))
    article = Article(id="s", date=TUESDAY, text=text)
    return ParsedStory(article=article, drafts=(), entities=tuple(entities))


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # A non-breaking space before the dateline.
        (
            "Patrol Finds Arms Cache\n\n\xa0HERAT, Afghanistan (June 12) - A patrol found rifles "
            "in a cave near the border yesterday.\nMore.",
            "A patrol found rifles",
        ),
        # No dateline: the title and the boilerplate are skipped.
        (
            "June 12: Operations in the West\nNEWS RELEASE\nFor Immediate Release\n\n"
            "In Herat last night, a joint force searched two compounds near the airport road.\n"
            "Later lines.",
            "In Herat last night",
        ),
        # The only line of prose is the last one.
        (
            "Operations in the West\n2012-06-X-001\nA joint force searched two compounds near "
            "the airport road last night.",
            "A joint force searched",
        ),
    ],
)
def test_lead_paragraph_skips_titles_and_finds_hidden_datelines(text, lead):
    start, end = lead_paragraph(text)
    assert text[start:end].startswith(lead)


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        # "last night" the parser tagged as a TIME, which the story's entities leave out.
        (
            "In Herat last night, a joint force detained three men near the airport road.",
            (),
            ("last night", "2012-06-11"),
        ),
        (
            "A joint force detained three men near the airport road on Sunday, officials said.",
            ("Sunday",),
            ("Sunday", "2012-06-10"),
        ),
        # The day next to a reporting verb dates the report; the event's comes later.
        (
            "Police announced yesterday that a bomb maker died as officers stormed his Herat "
            "hideout Saturday.",
            ("yesterday", "Saturday"),
            ("Saturday", "2012-06-09"),
        ),
        (
            "A spokesman today reported that troops had seized a smuggler in a Sunday raid.",
            ("today", "Sunday"),
            ("Sunday", "2012-06-10"),
        ),
        # "an overnight raid" qualifies the raid; Monday dates it.
        (
            "A joint force detained two men during an overnight raid in Herat province Monday.",
            (),
            ("Monday", "2012-06-11"),
        ),
        (
            "A joint force detained two men in overnight raids across Herat province.",
            (),
            None,
        ),
        # A day number the parser left out of the month it dates.
        (
            "Early in the morning of 8 June armed men burned two trucks outside Herat.",
            ("June",),
            ("8 June", "2012-06-08"),
        ),
        # The article's own day is not a lead date: it dates no earlier happening.
        ("Officials said today that a joint force had searched the valley.", (), None),
    ],
)
def test_lead_date(text, entities, expected):
    found = lead_date(_story(text, date_entities=entities))
    if expected is None:
        assert found is None
        return
    assert found is not None and found.span is not None
    assert (found.raw, found.value.isoformat()) == expected
    assert text[found.span.start : found.span.end] == found.raw


def test_lead_date_words_are_found_by_their_capital_or_any_case():
    text = "YESTERDAY a joint force detained three men; the wednesday market was shut."
    found = lead_date(_story(text))
    assert found is not None and found.raw == "YESTERDAY"
    assert not re.search("wednesday", found.raw)


def _draft(date_text: str | None) -> MentionDraft:
    span = Span(0, 1, "x")
    return MentionDraft(
        story_id="s",
        kind=EventTypeInfo("ASSAULT", None, "190", 4, -10.0),
        trigger=span,
        sentence=span,
        actor_spans=(),
        recipient_spans=(),
        modality="asserted",
        tense="past",
        date_span=Span(0, len(date_text), date_text) if date_text else None,
    )


def test_the_same_day_takes_the_story_date_and_is_not_passed_on():
    drafts = [_draft("yesterday"), _draft("the same day"), _draft(None)]
    dates = story_dates(drafts, article_date=TUESDAY)
    assert [d.value.isoformat() for d in dates] == ["2012-06-11"] * 3
    assert dates[1].method == "story-date:rule:day-word"


def _draft_in(sentence: Span, *, tense: str | None, date_text: str | None = None) -> MentionDraft:
    return dataclasses.replace(_draft(date_text), sentence=sentence, trigger=sentence, tense=tense)


def test_an_untensed_mention_shares_the_date_of_its_sentences_past_happening():
    # "A patrol came under fire yesterday. It returned fire, killing two gunmen; officials
    # spoke of the killings." The participle takes yesterday from "returned" in its sentence;
    # an untensed mention of another sentence does not.
    first, second, third = Span(0, 40, "a"), Span(41, 80, "b"), Span(81, 120, "c")
    drafts = [
        _draft_in(first, tense="past", date_text="yesterday"),
        _draft_in(second, tense="past"),
        _draft_in(second, tense=None),
        _draft_in(third, tense=None),
    ]
    dates = story_dates(drafts, article_date=TUESDAY)
    assert [d.value.isoformat() for d in dates] == ["2012-06-11"] * 3 + ["2012-06-12"]
    assert dates[2].method == "story-date:rule:day-word"
    assert dates[3].method == "article-date"


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # Text wrapped at a fixed width: the lead is its first sentence, across the wrap.
        (
            "Quito, 12 Jun 12 (Radio Andes) -- [Text] Two bombs went off at\nthe customs "
            "depot in the port last night.  Firemen came.\nNobody was hurt.",
            "Two bombs went off at\nthe customs depot in the port last night.",
        ),
        # A line that ends its sentence is the lead as it stands.
        (
            "QUITO, Ecuador (June 12) - Two bombs went off at the depot last night.\n"
            "Firemen came at once.",
            "Two bombs went off at the depot last night.",
        ),
    ],
)
def test_lead_paragraph_of_wrapped_text_is_its_first_sentence(text, lead):
    start, end = lead_paragraph(text)
    assert text[start:end].endswith(lead)
    assert "Firemen" not in text[start:end]


def test_lead_date_is_found_past_a_wrap():
    text = (
        "Quito, 12 Jun 12 (Radio Andes) -- [Text] Two bombs went off at the customs\n"
        "depot last night.\n\n   Firemen came at once."
    )
    found = lead_date(_story(text))
    assert found is not None and (found.raw, found.value.isoformat()) == (
        "last night",
        "2012-06-11",
    )


@pytest.mark.parametrize("anaphor", ["the same day", "the day", "18:00 UTC", "at 0630 GMT"])
def test_the_day_under_discussion_or_its_hour_takes_the_last_day_named(anaphor):
    # "Markets fell on Friday ... The index closed down 3% at 18:00 UTC": the hour (or "the
    # day") names no day of its own; the happening took place on the last day the story named.
    drafts = [_draft("Sunday"), _draft(anaphor), _draft(None)]
    dates = story_dates(drafts, article_date=TUESDAY)
    assert [d.value.isoformat() for d in dates] == ["2012-06-10"] * 3
    assert dates[1].method.startswith("story-date:")


def test_a_happening_said_to_be_recent_does_not_take_the_story_date():
    # "Rebels shelled the barracks yesterday. ... mourned two comrades who died recently."
    drafts = [_draft("yesterday"), _draft("recently"), _draft("in the past"), _draft(None)]
    dates = story_dates(drafts, article_date=TUESDAY)
    assert [d.method for d in dates] == ["rule:day-word", "article-date", "article-date"] + [
        "story-date:rule:day-word"
    ]


def test_the_same_period_takes_the_last_period_named_even_a_month():
    # "Troops reported heavy clashes in May. ... During the same period, the army seized arms."
    drafts = [_draft("in May"), _draft("during the same period"), _draft(None)]
    dates = story_dates(drafts, article_date=TUESDAY)
    assert [(d.value.isoformat(), d.precision) for d in dates[:2]] == [("2012-05-01", "month")] * 2
    assert dates[1].method == "story-date:rule:month"
    assert dates[2].method == "article-date"


def _told(trigger: str, victims: str, date_text: str | None, *, tense: str | None) -> MentionDraft:
    draft = dataclasses.replace(_draft(date_text), tense=tense)
    return dataclasses.replace(
        draft, trigger=Span(0, len(trigger), trigger), recipient_spans=(Span(0, 1, victims),)
    )


@pytest.mark.parametrize(
    ("first", "later", "expected"),
    [
        # "The colonel spoke of the murder of three farmers in Cauca ... The latest case is the
        # murder of three farmers in El Tambo, Cauca, on 4 June": one happening, told twice.
        (
            ("murder", "three farmers in Cauca"),
            ("murder", "three farmers in El Tambo, Cauca"),
            "2012-06-04",
        ),
        # Other victims, or a bare pronoun: another happening, or none we can tell apart.
        (("murder", "two traders in Cauca"), ("murder", "three farmers in El Tambo"), "2012-06-12"),
        (("murder", "him"), ("murder", "him"), "2012-06-12"),
        # Another word for it is not enough.
        (("killing", "three farmers"), ("murder", "three farmers"), "2012-06-12"),
    ],
)
def test_an_undated_happening_told_again_with_its_day_takes_that_day(first, later, expected):
    drafts = [
        _told(*first, None, tense=None),
        _told(*later, "on 4 June", tense="present"),
    ]
    dates = story_dates(drafts, article_date=TUESDAY)
    assert dates[0].value.isoformat() == expected
    assert dates[1].value.isoformat() == "2012-06-04"


def test_an_undated_happening_before_any_dated_one_takes_the_lead_date():
    # "Troops raided a compound in Kunar yesterday, killing two fighters. [...] One of them had
    # planned the May 3 bombing of a market." The killing is yesterday's news, not the day a
    # later sentence names for another happening.
    lead = story_dates([_draft("yesterday")], article_date=TUESDAY)[0]
    drafts = [_draft(None), _draft("on 3 May")]
    dates = story_dates(drafts, article_date=TUESDAY, lead=lead)
    assert [d.value.isoformat() for d in dates] == ["2012-06-11", "2012-05-03"]
