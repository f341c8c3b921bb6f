"""Rules for named calendar dates: "15 August 2019", "August 15", "May", "Saturday", "the
15th", "spring", "the third quarter", "2009-2010", "the 1990s", "the 20th century".

A name without a year (or a weekday) recurs: the rule picks its past or its future
occurrence by the sentence's tense, else the nearest (a weekday: the most recent).
"""

from __future__ import annotations

import datetime as dt
import re

from whimbrel.resolve.date_calendar import (
    add_months,
    by_tense,
    valid_date,
    weekday_either_side,
    written_as_name,
)
from whimbrel.resolve.date_types import (
    CENTURY_METHOD,
    DECADE_METHOD,
    QUARTER_METHOD,
    SEASON_METHOD,
    Found,
    RuleContext,
)

__all__ = [
    "NEAR_FUTURE",
    "NEAR_MONTHS",
    "bare_month",
    "bare_weekday",
    "century",
    "day_of_month",
    "decade",
    "iso_day",
    "month_day",
    "month_year",
    "quarter",
    "range_of_days",
    "season",
    "week_of_month",
    "year",
    "year_range",
]

# How near a coming day, or month, must be for a past-tense sentence to mean it (see
# ``month_day`` and ``bare_month``).
NEAR_FUTURE = dt.timedelta(days=31)
NEAR_MONTHS = 3
# "the first week of May": which of the month's weeks an ordinal names ("last" is the last).
WEEK_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def quarter(match: re.Match[str], context: RuleContext) -> Found:
    """ "the third quarter of 2009", "the fourth quarter of last year", "third-quarter"."""
    number, anchor = context.words["quarter_ordinals"][match["q"]], context.anchor
    start_month = 3 * (number - 1) + 1
    if match["y"]:
        return Found(dt.date(int(match["y"]), start_month, 1), "month", QUARTER_METHOD, 0.9)
    if match["shift"]:
        year = anchor.year + context.words["period_shifts"][match["shift"]]
        return Found(dt.date(year, start_month, 1), "month", QUARTER_METHOD, 0.85)
    this_year = dt.date(anchor.year, start_month, 1)
    past = this_year if this_year <= anchor else dt.date(anchor.year - 1, start_month, 1)
    future = (
        this_year if add_months(this_year, 3) > anchor else dt.date(anchor.year + 1, start_month, 1)
    )
    value = by_tense(anchor, past, future, context.tense, default="nearest")
    return Found(value, "month", QUARTER_METHOD, 0.75)


def century(match: re.Match[str], context: RuleContext) -> Found | None:
    """ "the 20th century": the years 1900-1999 (TIMEX3 value "19")."""
    number = int(match["n"])
    if not 1 <= number <= 30:
        return None
    return Found(dt.date(max(1, 100 * (number - 1)), 1, 1), "year", CENTURY_METHOD, 0.8)


def decade(match: re.Match[str], context: RuleContext) -> Found:
    """ "the 1990s", "the '70s" (a two-digit decade is of the 1900s): TIMEX3 value "199"."""
    century = int(match["c"]) if match["c"] else 19
    return Found(dt.date(century * 100 + 10 * int(match["d"]), 1, 1), "year", DECADE_METHOD, 0.8)


def season(match: re.Match[str], context: RuleContext) -> Found:
    start_month = context.words["seasons"][match["season"]]["month"]
    anchor = context.anchor
    if match["y"]:
        return Found(dt.date(int(match["y"]), start_month, 1), "month", SEASON_METHOD, 0.8)
    latest_start = dt.date(anchor.year, start_month, 1)
    if latest_start > anchor:
        latest_start = dt.date(anchor.year - 1, start_month, 1)
    in_progress = add_months(latest_start, 3) > anchor
    shift, tense = match["shift"], context.tense
    if shift == "next" or (not in_progress and shift != "last" and tense != "past"):
        value = add_months(latest_start, 12)
    elif shift == "last" and in_progress:
        value = add_months(latest_start, -12)
    else:
        value = latest_start
    return Found(value, "month", SEASON_METHOD, 0.7)


def range_of_days(match: re.Match[str], context: RuleContext) -> Found | None:
    found = month_day(match, context)
    if found is None:
        return None
    return Found(found.value, "day", "rule:range", found.confidence)


def year_range(match: re.Match[str], context: RuleContext) -> Found:
    return Found(dt.date(int(match["y"]), 1, 1), "year", "rule:range", 0.8)


def month_day(match: re.Match[str], context: RuleContext) -> Found | None:
    """ "August 15", "15 August 2019", "Friday, Aug. 7": with a year that day, else the past
    or future occurrence by tense, else the nearest."""
    month = context.words["months"][match["m"]]
    day = int(re.sub(r"\D", "", match["d"]))
    if match["y"]:
        value = valid_date(int(match["y"]), month, day)
        return None if value is None else Found(value, "day", "rule:absolute", 0.95)
    anchor = context.anchor
    past = next(filter(None, (valid_date(anchor.year - k, month, day) for k in range(8))), None)
    future = next(filter(None, (valid_date(anchor.year + k, month, day) for k in range(8))), None)
    if past is None or future is None:
        return None
    if past > anchor:
        past = valid_date(past.year - 1, month, day) or past
    if future < anchor:
        future = valid_date(future.year + 1, month, day) or future
    tense = context.tense
    if tense == "past" and future - anchor <= NEAR_FUTURE:
        # A past-tense sentence naming a day of the coming weeks without its year tells of a
        # plan ("the hearing was set for June 3"): a day almost a year back would carry its
        # year. The tense of "was set", "is due to be held" reads as past.
        tense = "future"
    value = by_tense(anchor, past, future, tense, default="nearest")
    return Found(value, "day", "rule:month-day", 0.85 if context.tense else 0.75)


def day_of_month(match: re.Match[str], context: RuleContext) -> Found | None:
    """ "on the 15th": that day of the article's month, or of the month before or after."""
    day, anchor = int(match["d"]), context.anchor
    months = [add_months(anchor, shift) for shift in (-2, -1, 0, 1, 2)]
    days = [d for m in months if (d := valid_date(m.year, m.month, day)) is not None]
    past = max((d for d in days if d <= anchor), default=None)
    future = min((d for d in days if d >= anchor), default=None)
    if past is None or future is None:
        return None
    value = by_tense(anchor, past, future, context.tense, default="nearest")
    return Found(value, "day", "rule:day-of-month", 0.7)


def month_year(match: re.Match[str], context: RuleContext) -> Found | None:
    name = match["m"]
    month = int(name) if name.isdigit() else context.words["months"][name]
    if not 1 <= month <= 12:
        return None
    return Found(dt.date(int(match["y"]), month, 1), "month", "rule:absolute", 0.95)


def bare_month(match: re.Match[str], context: RuleContext) -> Found | None:
    """ "May", "in October": that month of the past or coming year, by tense (see NEAR_MONTHS)."""
    if not written_as_name(match[0], context):
        return None
    month = context.words["months"][match["month"]]
    return Found(
        _recurring_month(month, context), "month", "rule:month", 0.8 if context.tense else 0.65
    )


def _recurring_month(month: int, context: RuleContext) -> dt.date:
    """The first day of that month of the past or coming year, by tense (see NEAR_MONTHS)."""
    anchor = context.anchor
    past = dt.date(anchor.year if month <= anchor.month else anchor.year - 1, month, 1)
    future = dt.date(anchor.year if month >= anchor.month else anchor.year + 1, month, 1)
    this_month = dt.date(anchor.year, anchor.month, 1)
    tense = context.tense
    if tense == "past" and add_months(this_month, NEAR_MONTHS) >= future > this_month:
        # "the report was to appear in May", "the trial would last until June": a
        # month written bare in a past-tense sentence is a coming one when that is near (one
        # most of a year back would be "last May"). Such tenses read as past.
        tense = "future"
    return by_tense(this_month, past, future, tense, default="nearest")


def week_of_month(match: re.Match[str], context: RuleContext) -> Found | None:
    """ "the last week of March", "the first week of May 2009": the ISO week (Monday to Sunday)
    counted among the weeks whose Thursday falls in that month, as ISO 8601 assigns a week
    to the year of its Thursday; the month's year as for a bare month."""
    if not written_as_name(match["m"], context):
        return None
    month = context.words["months"][match["m"]]
    first = dt.date(int(match["y"]), month, 1) if match["y"] else _recurring_month(month, context)
    thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7)
    thursdays = [thursday + dt.timedelta(weeks=n) for n in range(5)]
    thursdays = [t for t in thursdays if t.month == month]
    position = match["pos"]
    chosen = thursdays[-1] if position in ("last", "final") else thursdays[WEEK_ORDINALS[position]]
    return Found(chosen - dt.timedelta(days=3), "week", "rule:week-of-month", 0.8)


def bare_weekday(match: re.Match[str], context: RuleContext) -> Found | None:
    if not written_as_name(match[0], context):
        return None
    weekday = context.words["weekdays"][match["weekday"]]
    past, future = weekday_either_side(context.anchor, weekday, strict=False)
    # News mostly reports what happened: a weekday without tense is the most recent one.
    default = "nearest" if context.tense == "present" else "past"
    value = by_tense(context.anchor, past, future, context.tense, default=default)
    return Found(value, "day", "rule:weekday", 0.85 if context.tense else 0.7)


def year(match: re.Match[str], context: RuleContext) -> Found:
    return Found(dt.date(int(match["y"]), 1, 1), "year", "rule:absolute", 0.9)


def iso_day(match: re.Match[str], context: RuleContext) -> Found | None:
    value = valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return None if value is None else Found(value, "day", "rule:absolute", 0.95)
