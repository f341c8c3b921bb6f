"""The rules added for anaphoric periods, vague references and plans told in the past tense,
and the calendar helpers the rules share: expressions we wrote, against a fixed article date."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.resolve.date_calendar import add_months, by_tense, period_start, weekday_either_side
from whimbrel.resolve.date_types import ANAPHOR_METHOD
from whimbrel.resolve.dates import resolve_date, timex_value

THURSDAY = dt.date(2021, 5, 20)


@pytest.mark.parametrize(
    ("raw", "tense", "value"),
    [
        ("the day", None, "2021-05-20"),
        ("the day", "past", "2021-05-20"),
        ("the same day", "past", "2021-05-20"),
        ("late in the day", "past", "2021-05-20"),
        ("the start of the day", "past", "2021-05-20"),
        ("the end of the day", "present", "2021-05-20"),
        ("the beginning of the year", "past", "2021"),
        ("the year", "present", "2021"),
    ],
)
def test_the_period_under_discussion_is_the_articles(raw, tense, value):
    ref = resolve_date(raw, article_date=THURSDAY, tense=tense)
    assert ref is not None and ref.method == ANAPHOR_METHOD
    assert timex_value(ref) == value


@pytest.mark.parametrize(
    "raw",
    ["that day", "a day", "one day", "the days", "a year", "the same period"],
)
def test_other_day_words_are_not_anaphors(raw):
    ref = resolve_date(raw, article_date=THURSDAY, tense="past")
    assert ref is None or ref.method != ANAPHOR_METHOD


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("at the time", "PAST_REF"),
        ("the time", "PAST_REF"),
        ("for the time being", "PRESENT_REF"),
        ("later", "FUTURE_REF"),
        ("the past decade", "201"),
        ("the last decade", "201"),
        ("this decade", "202"),
    ],
)
def test_vague_references(raw, value):
    ref = resolve_date(raw, article_date=THURSDAY, tense="past")
    assert ref is not None and timex_value(ref) == value


@pytest.mark.parametrize(
    ("raw", "tense", "value"),
    [
        # "The hearing was set for June 3": a day of the coming weeks, read past by tense.
        ("June 3", "past", "2021-06-03"),
        ("May 27", "past", "2021-05-27"),
        ("on May 21", "past", "2021-05-21"),
        # Further ahead, or already gone this year: the past one, as before.
        ("July 30", "past", "2020-07-30"),
        ("May 2", "past", "2021-05-02"),
        ("June 3", "future", "2021-06-03"),
        ("June 3, 2020", "past", "2020-06-03"),
        ("May 10", None, "2021-05-10"),
    ],
)
def test_a_day_of_the_coming_weeks_in_a_past_sentence_is_a_plan(raw, tense, value):
    ref = resolve_date(raw, article_date=THURSDAY, tense=tense)
    assert ref is not None and timex_value(ref) == value


@pytest.mark.parametrize(
    ("anchor", "weekday", "strict", "expected"),
    [
        (THURSDAY, 4, False, ("2021-05-20", "2021-05-20")),
        (THURSDAY, 4, True, ("2021-05-13", "2021-05-27")),
        (THURSDAY, 1, False, ("2021-05-17", "2021-05-24")),
        (THURSDAY, 7, True, ("2021-05-16", "2021-05-23")),
    ],
)
def test_weekday_either_side(anchor, weekday, strict, expected):
    past, future = weekday_either_side(anchor, weekday, strict=strict)
    assert (past.isoformat(), future.isoformat()) == expected


@pytest.mark.parametrize(
    ("value", "months", "expected"),
    [
        (THURSDAY, 0, "2021-05-01"),
        (THURSDAY, -5, "2020-12-01"),
        (THURSDAY, 8, "2022-01-01"),
        (dt.date(2021, 1, 31), -1, "2020-12-01"),
    ],
)
def test_add_months_gives_the_first_of_the_month(value, months, expected):
    assert add_months(value, months).isoformat() == expected


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        ("day", "2021-05-20"),
        ("week", "2021-05-17"),
        ("month", "2021-05-01"),
        ("year", "2021-01-01"),
    ],
)
def test_period_start(precision, expected):
    assert period_start(THURSDAY, precision).isoformat() == expected


@pytest.mark.parametrize(
    ("tense", "default", "expected"),
    [
        ("past", "nearest", "2021-05-01"),
        ("future", "past", "2021-05-30"),
        (None, "past", "2021-05-01"),
        (None, "nearest", "2021-05-30"),
        ("present", "nearest", "2021-05-30"),
    ],
)
def test_by_tense(tense, default, expected):
    past, future = dt.date(2021, 5, 1), dt.date(2021, 5, 30)
    assert by_tense(THURSDAY, past, future, tense, default=default).isoformat() == expected


@pytest.mark.parametrize(
    ("raw", "tense", "value"),
    [
        # A past-tense plan ("the survey was meant to come out in July"): a month just ahead.
        ("July", "past", "2021-07"),
        ("in August", "past", "2021-08"),
        # Further ahead, a past sentence means last year's ("he was fired in September").
        ("September", "past", "2020-09"),
        ("January", "past", "2021-01"),
        ("May", "past", "2021-05"),
        ("July", "future", "2021-07"),
    ],
)
def test_a_month_of_the_coming_quarter_in_a_past_sentence_is_a_plan(raw, tense, value):
    ref = resolve_date(raw, article_date=THURSDAY, tense=tense)
    assert ref is not None and timex_value(ref) == value


@pytest.mark.parametrize(
    ("raw", "tense", "article_date", "value"),
    [
        ("the end of the year", "past", THURSDAY, "2020"),
        ("by the end of the year", "future", THURSDAY, "2021"),
        ("the end of the year", "past", dt.date(2021, 12, 28), "2021"),
        ("the beginning of the year", "past", THURSDAY, "2021"),
        ("the start of the year", "future", THURSDAY, "2022"),
        ("the start of the year", "future", dt.date(2021, 1, 8), "2021"),
    ],
)
def test_the_end_or_start_of_the_year_by_tense(raw, tense, article_date, value):
    ref = resolve_date(raw, article_date=article_date, tense=tense)
    assert ref is not None and timex_value(ref) == value


@pytest.mark.parametrize(
    ("raw", "tense", "value"),
    [
        # Weeks are counted by their Thursday, as ISO 8601 gives a week to its Thursday's year:
        # March 2021 ends on a Wednesday, so its last week is the one of Thursday 25 March.
        ("the last week of March", "past", "2021-W12"),
        ("the first week of June", "future", "2021-W22"),
        ("the second week in January", "past", "2021-W02"),
        ("the final week of August 2019", None, "2019-W35"),
        # A coming month in a future-tense sentence is this year's, a later one last year's.
        ("the first week of September", "past", "2020-W36"),
    ],
)
def test_a_week_of_a_month(raw, tense, value):
    ref = resolve_date(raw, article_date=THURSDAY, tense=tense)
    assert ref is not None and ref.precision == "week"
    assert timex_value(ref) == value


def test_a_week_of_may_written_lower_case_is_no_date():
    assert resolve_date("the first week of may", article_date=THURSDAY, tense="past") is None


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("a second consecutive day", "2021-05-20"),
        ("a third straight session", "2021-05-20"),
        ("its fifth week", "2021-W20"),
        ("the fourth successive week", "2021-W20"),
    ],
)
def test_the_latest_period_of_a_run_is_the_one_under_discussion(raw, value):
    ref = resolve_date(raw, article_date=THURSDAY, tense="past")
    assert ref is not None and ref.method == ANAPHOR_METHOD
    assert timex_value(ref) == value


@pytest.mark.parametrize("raw", ["a second time", "a third round", "the first day"])
def test_other_ordinals_name_no_period_of_a_run(raw):
    ref = resolve_date(raw, article_date=THURSDAY, tense="past")
    assert ref is None or ref.method != ANAPHOR_METHOD
