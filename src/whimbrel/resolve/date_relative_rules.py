"""Rules for expressions relative to the anchor date: "yesterday", "three weeks ago", "last
month", "next Tuesday", "this weekend", "the same day", and the vague PAST_REF/FUTURE_REF.

Each rule takes a match of its pattern (see :mod:`whimbrel.resolve.date_rules`) and the
:class:`RuleContext`, and returns what it found or None.
"""

from __future__ import annotations

import datetime as dt
import re

from whimbrel.records import Precision
from whimbrel.resolve.date_calendar import (
    add_months,
    number,
    period_start,
    weekday_either_side,
)
from whimbrel.resolve.date_types import (
    ANAPHOR_METHOD,
    DECADE_METHOD,
    FUTURE_REF_METHOD,
    PAST_REF_METHOD,
    PRESENT_REF_METHOD,
    QUARTER_METHOD,
    WEEKEND_METHOD,
    Found,
    RuleContext,
)

__all__ = [
    "ago",
    "anaphor",
    "day_offset",
    "future_ref",
    "past_ref",
    "present_ref",
    "shifted_decade",
    "shifted_month",
    "shifted_period",
    "shifted_quarter",
    "shifted_weekday",
    "streak",
    "weekend",
]


def present_ref(match: re.Match[str], context: RuleContext) -> Found:
    return Found(context.anchor, "day", PRESENT_REF_METHOD, 0.8)


def past_ref(match: re.Match[str], context: RuleContext) -> Found:
    return Found(context.anchor, "day", PAST_REF_METHOD, 0.6)


def future_ref(match: re.Match[str], context: RuleContext) -> Found:
    return Found(context.anchor, "day", FUTURE_REF_METHOD, 0.6)


def day_offset(match: re.Match[str], context: RuleContext) -> Found:
    offset = context.words["day_offsets"][match[0]]
    return Found(context.anchor + dt.timedelta(days=offset), "day", "rule:day-word", 0.9)


def ago(match: re.Match[str], context: RuleContext) -> Found:
    count = number(match["n"], context.words)
    unit = match["unit"]
    if unit in ("decade", "year"):
        years = count * (10 if unit == "decade" else 1)
        return Found(dt.date(context.anchor.year - years, 1, 1), "year", "rule:ago", 0.85)
    if unit == "month":
        return Found(add_months(context.anchor, -count), "month", "rule:ago", 0.85)
    # TimeML dates "a week ago" to the day: seven days before the anchor.
    days = count * (7 if unit == "week" else 1)
    return Found(context.anchor - dt.timedelta(days=days), "day", "rule:ago", 0.85)


def shifted_period(match: re.Match[str], context: RuleContext) -> Found:
    shift = context.words["period_shifts"][match["shift"]]
    unit: Precision = context.words["period_units"][match["unit"]]
    anchor = context.anchor
    if unit == "year":
        value = dt.date(anchor.year + shift, 1, 1)
    elif unit == "month":
        value = add_months(anchor, shift)
    else:
        value = period_start(anchor, "week") + dt.timedelta(weeks=shift)
    return Found(value, unit, "rule:relative-period", 0.9)


def weekend(match: re.Match[str], context: RuleContext) -> Found:
    """A weekend: the ISO week holding it (week precision, since it spans two days)."""
    if match["shift"] is not None:
        shift = context.words["period_shifts"][match["shift"]]
    else:
        shift = 1 if context.tense == "future" and context.anchor.isoweekday() < 6 else 0
    value = period_start(context.anchor, "week") + dt.timedelta(weeks=shift)
    return Found(value, "week", WEEKEND_METHOD, 0.75)


def shifted_weekday(match: re.Match[str], context: RuleContext) -> Found:
    weekday = context.words["weekdays"][match["weekday"]]
    past, future = weekday_either_side(context.anchor, weekday, strict=True)
    shift = match["shift"]
    if shift == "this":
        value = past if context.tense == "past" else future
        value = context.anchor if weekday == context.anchor.isoweekday() else value
    else:
        value = past if shift in ("last", "past") else future
    return Found(value, "day", "rule:weekday", 0.85)


def shifted_month(match: re.Match[str], context: RuleContext) -> Found:
    month, anchor = context.words["months"][match["month"]], context.anchor
    year = anchor.year
    if match["shift"] == "last":
        year = year if month < anchor.month else year - 1
    elif match["shift"] == "next":
        year = year if month > anchor.month else year + 1
    return Found(dt.date(year, month, 1), "month", "rule:month", 0.85)


def shifted_quarter(match: re.Match[str], context: RuleContext) -> Found:
    """ "the last quarter", "next quarter": the quarter before or after the anchor's."""
    shift = context.words["period_shifts"][match["shift"]]
    anchor = context.anchor
    this_quarter = dt.date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1)
    return Found(add_months(this_quarter, 3 * shift), "month", QUARTER_METHOD, 0.8)


def anaphor(match: re.Match[str], context: RuleContext) -> Found:
    """ "the day", "the same day", "late in the day", "the beginning of the year": the period
    under discussion, which news mostly means as the article's own. It dates no happening of
    its own (story dating passes the story's date on instead)."""
    precision: Precision = context.words["anaphors"][match[0]]
    value = period_start(context.anchor, precision)
    if precision == "year":
        value = dt.date(value.year + _year_shift(context), 1, 1)
    return Found(value, precision, ANAPHOR_METHOD, 0.6)


def streak(match: re.Match[str], context: RuleContext) -> Found:
    """ "a second consecutive day", "a third straight session": the latest period of a run,
    the one under discussion, taken as the anchor's (it dates no happening of its own)."""
    precision: Precision = context.words["streak_units"][match["unit"]]
    return Found(period_start(context.anchor, precision), precision, ANAPHOR_METHOD, 0.6)


def _year_shift(context: RuleContext) -> int:
    """ "the end of the year" told in the past before December is last year's end; "the
    beginning of the year" told in the future after January is next year's."""
    raw, month = context.raw.lower(), context.anchor.month
    if context.tense == "past" and month < 12:
        return -1 if any(w in raw for w in context.words["period_end_modifiers"]) else 0
    if context.tense == "future" and month > 1:
        return 1 if any(w in raw for w in context.words["period_start_modifiers"]) else 0
    return 0


def shifted_decade(match: re.Match[str], context: RuleContext) -> Found:
    """ "the past decade", "this decade": the calendar decade before (or of) the anchor's
    (TIMEX3 value "200" for the 2000s), as "last year" is the calendar year before."""
    shift = context.words["period_shifts"][match["shift"]]
    start = (context.anchor.year // 10 + shift) * 10
    return Found(dt.date(start, 1, 1), "year", DECADE_METHOD, 0.7)
