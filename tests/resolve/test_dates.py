"""Date resolution against an article's date: a table of expressions we wrote, with answers."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.lexicon import dates as dates_validator
from whimbrel.records import DateRef, EventTypeInfo, MentionDraft, Span
from whimbrel.resolve.dates import article_date_ref, resolve_date, timex_value
from whimbrel.resolve.story_dates import lead_paragraph, story_dates

SUNDAY = dt.date(2021, 11, 7)
FRIDAY = dt.date(2013, 3, 22)


@pytest.mark.parametrize(
    ("raw", "tense", "value", "precision"),
    [
        ("on Saturday", "past", "2021-11-06", "day"),
        ("on Saturday", "future", "2021-11-13", "day"),
        ("Saturday", None, "2021-11-06", "day"),
        ("Sunday", "past", "2021-11-07", "day"),
        ("on Thursday night", "past", "2021-11-04", "day"),
        ("Monday's attack", None, "2021-11-01", "day"),
        ("Tuesday", "present", "2021-11-09", "day"),
        ("last Friday", None, "2021-11-05", "day"),
        ("next Friday", None, "2021-11-12", "day"),
        ("yesterday", None, "2021-11-06", "day"),
        ("Yesterday morning", "past", "2021-11-06", "day"),
        ("last night", "past", "2021-11-06", "day"),
        ("today", None, "2021-11-07", "day"),
        ("this morning", "past", "2021-11-07", "day"),
        ("tomorrow", "future", "2021-11-08", "day"),
        ("the day after tomorrow", "future", "2021-11-09", "day"),
        ("last week", None, "2021-10-25", "week"),
        ("this week", None, "2021-11-01", "week"),
        ("next week", "future", "2021-11-08", "week"),
        ("over the weekend", "past", "2021-11-01", "week"),
        ("last month", "past", "2021-10-01", "month"),
        ("next month", "future", "2021-12-01", "month"),
        ("earlier this month", "past", "2021-11-01", "month"),
        ("earlier this year", "past", "2021-01-01", "year"),
        ("last year", None, "2020-01-01", "year"),
        ("next year", "future", "2022-01-01", "year"),
        ("two years ago", "past", "2019-01-01", "year"),
        ("three weeks ago", "past", "2021-10-17", "day"),
        ("in 2019", None, "2019-01-01", "year"),
        ("August 15", "past", "2021-08-15", "day"),
        ("August 15", "future", "2022-08-15", "day"),
        ("Aug. 15", None, "2021-08-15", "day"),
        ("15 August 2019", None, "2019-08-15", "day"),
        ("the 3rd of March 2020", None, "2020-03-03", "day"),
        ("Friday, 15 August 2019", None, "2019-08-15", "day"),
        ("March 2013", None, "2013-03-01", "month"),
        ("in March", "past", "2021-03-01", "month"),
        ("in March", "future", "2022-03-01", "month"),
        ("early December", "future", "2021-12-01", "month"),
        ("late last July", "past", "2021-07-01", "month"),
        ("last June", None, "2021-06-01", "month"),
        ("between 3 and 5 May", "past", "2021-05-03", "day"),
        ("3-5 May 2019", None, "2019-05-03", "day"),
        ("May 3 to 5, 2020", None, "2020-05-03", "day"),
        ("2021-10-30", None, "2021-10-30", "day"),
        ("on the 15th", "past", "2021-10-15", "day"),
        ("on the 15th", "future", "2021-11-15", "day"),
        ("15:00 GMT Saturday", "future", "2021-11-13", "day"),
        # The part of a day before the day it is of.
        ("dawn on 3 November", "past", "2021-11-03", "day"),
        ("midnight of 2 November", "past", "2021-11-02", "day"),
        ("the early morning hours of Friday", "past", "2021-11-05", "day"),
        ("now", "present", "2021-11-07", "day"),
    ],
)
def test_resolves_against_the_article_date(raw, tense, value, precision):
    ref = resolve_date(raw, article_date=SUNDAY, tense=tense)
    assert ref is not None, raw
    assert (ref.value.isoformat(), ref.precision) == (value, precision)
    assert ref.raw == raw and ref.method and 0 < ref.confidence <= 1


@pytest.mark.parametrize(
    ("raw", "method"),
    [
        ("on Saturday", "rule:weekday"),
        ("between 3 and 5 May", "rule:range"),
        ("15 August 2019", "rule:absolute"),
        ("now", "present-ref"),
        ("last summer", "rule:season"),
    ],
)
def test_method_says_how_the_date_was_found(raw, method):
    ref = resolve_date(raw, article_date=SUNDAY, tense="past")
    assert ref is not None and ref.method == method


@pytest.mark.parametrize(
    "raw",
    [
        "three years",
        "decades",
        "for several months",
        "a week",
        "the past three years",
        "for 15 days",
        "12 days",
        # A length written as one word before its noun ("a 24-hour strike", "a 10-year term").
        "24-hour",
        "a 48-hour",
        "10-year",
        "an 18-month",
        # A bare number no year rule takes: a clock time or a count, not the year 900 or 3152.
        "0900",
        "3152",
        "the meeting",
        "may",
        "",
    ],
)
def test_durations_and_non_dates_give_none(raw):
    assert resolve_date(raw, article_date=SUNDAY, tense="past") is None


def test_dateparser_fallback_resolves_what_rules_do_not():
    ref = resolve_date("11/05/2021", article_date=SUNDAY, tense="past")
    assert ref is not None and ref.method == "dateparser"
    assert (ref.value, ref.precision) == (dt.date(2021, 11, 5), "day")


def test_span_is_carried_through():
    span = Span(start=40, end=51, text="on Saturday")
    ref = resolve_date("on Saturday", article_date=SUNDAY, tense="past", span=span)
    assert ref is not None and ref.span == span


def test_article_date_ref_is_flagged_as_fallback():
    ref = article_date_ref(SUNDAY)
    assert ref == DateRef(
        value=SUNDAY,
        precision="day",
        raw=None,
        span=None,
        method="article-date",
        confidence=ref.confidence,
    )
    assert ref.confidence < 0.5


@pytest.mark.parametrize(
    ("raw", "tense", "timex"),
    [
        ("Friday", "past", "2013-03-22"),
        ("Thursday", "past", "2013-03-21"),
        ("this week", None, "2013-W12"),
        ("the last week", "past", "2013-W11"),
        ("Last month", "past", "2013-02"),
        ("next year", "future", "2014"),
        ("four years ago", "past", "2009"),
        ("Feb. 28", "past", "2013-02-28"),
        ("last summer", "past", "2012-SU"),
        ("now", "present", "PRESENT_REF"),
        ("recently", "past", "PAST_REF"),
        ("in the past", "past", "PAST_REF"),
        ("in the near term", "future", "FUTURE_REF"),
        ("the third quarter of 2012", "past", "2012-Q3"),
        ("the fourth quarter of last year", "past", "2012-Q4"),
        ("first-quarter", "past", "2013-Q1"),
        ("the last quarter", "past", "2012-Q4"),
        ("the 19th century", "past", "18"),
        ("the 1980s", "past", "198"),
        ("the '60s", "past", "196"),
        ("this weekend", "future", "2013-W12-WE"),
        ("a week ago", "past", "2013-03-15"),
        ("14:30 GMT", "past", "2013-03-22"),
        ("0800 UTC", "past", "2013-03-22"),
        ("7:15 p.m. (GMT +3)", "past", "2013-03-22"),
        # A 24-hour clock time before "hours" or "local time", or after "at", is no year.
        ("at 1500", "past", "2013-03-22"),
        ("2115 local time", "past", "2013-03-22"),
        ("0630 hours", "past", "2013-03-22"),
        ("in 1995", "past", "1995"),
    ],
)
def test_timex_values(raw, tense, timex):
    ref = resolve_date(raw, article_date=FRIDAY, tense=tense)
    assert ref is not None and timex_value(ref) == timex


def test_validator_lists_every_problem():
    bad = {
        "months": {1: ["january"], 13: ["smarch"]},
        "weekdays": {1: ["Monday"]},
        "day_offsets": {"today": "zero"},
        "period_units": {"week": "fortnight"},
        "seasons": {"summer": {"month": 6, "code": "XX"}},
        "colour": [],
    }
    _, problems = dates_validator.compile(bad)
    joined = "\n".join(problems)
    for fragment in ("13", "smarch", "Monday", "today", "fortnight", "XX", "colour", "present_ref"):
        assert fragment in joined, fragment


def _draft(date_text: str | None, *, report: bool = False) -> MentionDraft:
    kind = EventTypeInfo("ASSAULT", None, "190", 4, -10.0)
    span = Span(0, 1, "x")
    date = Span(0, len(date_text), date_text) if date_text else None
    return MentionDraft(
        story_id="s",
        kind=kind,
        trigger=span,
        sentence=span,
        actor_spans=(),
        recipient_spans=(),
        modality="asserted",
        tense="past",
        date_span=date,
        date_is_report=report,
    )


def test_undated_mentions_take_the_story_date_before_them():
    drafts = [
        _draft(None),
        _draft("on Friday"),
        _draft(None),
        _draft("today", report=True),
        _draft("recently"),
        _draft("on Wednesday"),
        _draft(None),
    ]
    dates = story_dates(drafts, article_date=SUNDAY)
    assert [d.value.isoformat() for d in dates] == [
        "2021-11-05",
        "2021-11-05",
        "2021-11-05",
        "2021-11-07",
        "2021-11-07",  # "recently" sets the happening apart from the story's Friday
        "2021-11-03",
        "2021-11-03",
    ]
    assert dates[2].method == "story-date:rule:weekday"
    assert dates[3].method.startswith("report-date:")
    assert dates[0].confidence < dates[1].confidence


def test_a_story_without_event_dates_keeps_the_article_date():
    dates = story_dates([_draft(None), _draft("in the 1990s")], article_date=SUNDAY)
    assert [d.method for d in dates] == ["article-date", "article-date"]


def test_a_planned_day_or_a_background_year_is_not_passed_on():
    drafts = [_draft(None), _draft("on Tuesday"), _draft("in 1999"), _draft(None)]
    dates = story_dates(drafts, article_date=dt.date(2021, 11, 4))  # a Thursday
    assert dates[1].value == dt.date(2021, 11, 2) and dates[3].value == dt.date(2021, 11, 2)
    future = story_dates([_draft(None), _draft("next Monday")], article_date=SUNDAY)
    assert future[0].method == "article-date"


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("LIMA, Peru (May 2, 2020)\nPolice held two men yesterday. More.\nLater", "Police held"),
        ("Quito, 3 May 90 -- [Text] Rebels attacked.\n\nOn Monday", "Quito, 3 May"),
        ("One line only.", "One line only."),
    ],
)
def test_lead_paragraph_follows_the_dateline(text, lead):
    start, end = lead_paragraph(text)
    assert text[start:end].startswith(lead) and "\n" not in text[start:end]
