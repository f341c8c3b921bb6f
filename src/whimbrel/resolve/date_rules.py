"""The rules of :mod:`whimbrel.resolve.dates`: one pattern and one handler per kind of expression.

Patterns are built from the lexicon (``data_sources/dates.yaml``) on first use; each handler
turns a match into a date of some precision, choosing between the past and the future
occurrence of a recurring day or month by the sentence's tense.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from whimbrel import lexicon
from whimbrel.records import Precision

Tense = Literal["past", "present", "future"]

PRESENT_REF_METHOD = "present-ref"
PAST_REF_METHOD = "past-ref"
FUTURE_REF_METHOD = "future-ref"
REF_METHODS = {
    PRESENT_REF_METHOD: "PRESENT_REF",
    PAST_REF_METHOD: "PAST_REF",
    FUTURE_REF_METHOD: "FUTURE_REF",
}
SEASON_METHOD = "rule:season"
QUARTER_METHOD = "rule:quarter"
WEEKEND_METHOD = "rule:weekend"
CLOCK_METHOD = "rule:clock"
CENTURY_METHOD = "rule:century"
DECADE_METHOD = "rule:decade"


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule needs besides its match: the anchor date, the tense and the raw text."""

    anchor: dt.date
    tense: Tense | None
    raw: str
    words: Any  # the compiled dates lexicon


@dataclass(frozen=True, slots=True)
class Found:
    value: dt.date
    precision: Precision
    method: str
    confidence: float


Rule = Callable[[re.Match[str], RuleContext], "Found | None"]


# ---------------------------------------------------------------- rules


def apply_rules(text: str, context: RuleContext) -> Found | None:
    for pattern, rule in _compiled_rules():
        match = pattern.fullmatch(text)
        if match is not None:
            return rule(match, context)
    return None


@cache
def _compiled_rules() -> tuple[tuple[re.Pattern[str], Rule], ...]:
    words = lexicon.load("dates")

    def alternation(names: Any) -> str:
        return "|".join(map(re.escape, sorted(names, key=len, reverse=True)))

    month, weekday = alternation(words["months"]), alternation(words["weekdays"])
    shift, number = alternation(words["period_shifts"]), alternation(words["number_words"])
    season = alternation(words["seasons"])
    quarter = alternation(words["quarter_ordinals"])
    day, year, to = r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?", r"\d{4}", r"(?:-|to|and|until|through)"
    table: list[tuple[str, Rule]] = [
        (alternation(words["present_ref"]), _present_ref),
        (alternation(words["past_ref"]), _past_ref),
        (alternation(words["future_ref"]), _future_ref),
        (
            rf"(?:the\s+)?(?P<q>{quarter})[\s-]+quarter(?:\s+(?:of\s+)?(?:the\s+)?"
            rf"(?:(?P<y>{year})|(?P<shift>{shift})\s+year))?",
            _quarter,
        ),
        (rf"(?P<shift>{shift})\s+quarter", _shifted_quarter),
        (r"(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century", _century),
        (r"['’]?(?P<c>1[5-9]|20)?(?P<d>\d)0['’]?s", _decade),
        (alternation(words["day_offsets"]), _day_offset),
        (rf"(?P<n>\d+|{number})\s+(?P<unit>day|week|month|year|decade)s?\s+(?:ago|earlier)", _ago),
        (rf"(?P<shift>{shift})\s+(?P<unit>week|month|year)", _shifted_period),
        (rf"(?:(?P<shift>{shift})\s+)?weekend", _weekend),
        (rf"(?P<shift>last|next|this|coming|past)\s+(?P<weekday>{weekday})", _shifted_weekday),
        (rf"(?P<shift>last|next|this)\s+(?P<month>{month})", _shifted_month),
        (
            rf"(?:(?P<shift>last|next|this)\s+)?(?P<season>{season})(?:\s+(?:of\s+)?(?P<y>{year}))?",
            _season,
        ),
        (
            rf"(?:between\s+)?(?P<d>{day})\s*{to}\s*{day}\s+(?:of\s+)?(?P<m>{month})"
            rf"(?:\s+(?P<y>{year}))?",
            _range,
        ),
        (
            rf"(?:between\s+)?(?P<m>{month})\s+(?P<d>{day})\s*{to}\s*(?:(?:{month})\s+)?{day}"
            rf"(?:\s+(?P<y>{year}))?",
            _range,
        ),
        (
            rf"(?:between\s+)?(?P<d>{day})\s+(?:of\s+)?(?P<m>{month})\s*{to}\s*{day}\s+(?:of\s+)?"
            rf"(?:{month})(?:\s+(?P<y>{year}))?",
            _range,
        ),
        (rf"(?:between\s+)?(?P<y>{year})\s*{to}\s*(?:{year}|\d{{2}})", _year_range),
        (
            rf"(?:(?:{weekday})\s+)?(?P<d>{day})\s+(?:of\s+)?(?P<m>{month})(?:\s+(?P<y>{year}))?",
            _month_day,
        ),
        (rf"(?:(?:{weekday})\s+)?(?P<m>{month})\s+(?P<d>{day})(?:\s+(?P<y>{year}))?", _month_day),
        (rf"(?P<m>{month})\s+(?:of\s+)?(?P<y>{year})", _month_year),
        (r"(?P<d>\d{1,2})(?:st|nd|rd|th)", _day_of_month),
        (rf"(?P<month>{month})", _bare_month),
        (rf"(?P<weekday>{weekday})", _bare_weekday),
        (r"(?:(?:the\s+)?year\s+)?(?P<y>1[5-9]\d\d|2[01]\d\d)", _year),
        (r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", _iso_day),
        (r"(?P<y>\d{4})-(?P<m>\d{2})", _month_year),
    ]
    return tuple((re.compile(pattern), rule) for pattern, rule in table)


def _present_ref(match: re.Match[str], context: RuleContext) -> Found:
    return Found(context.anchor, "day", PRESENT_REF_METHOD, 0.8)


def _past_ref(match: re.Match[str], context: RuleContext) -> Found:
    return Found(context.anchor, "day", PAST_REF_METHOD, 0.6)


def _future_ref(match: re.Match[str], context: RuleContext) -> Found:
    return Found(context.anchor, "day", FUTURE_REF_METHOD, 0.6)


def _quarter(match: re.Match[str], context: RuleContext) -> Found:
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
        this_year
        if _add_months(this_year, 3) > anchor
        else dt.date(anchor.year + 1, start_month, 1)
    )
    value = _by_tense(anchor, past, future, context.tense, default="nearest")
    return Found(value, "month", QUARTER_METHOD, 0.75)


def _shifted_quarter(match: re.Match[str], context: RuleContext) -> Found:
    """ "the last quarter", "next quarter": the quarter before or after the anchor's."""
    shift = context.words["period_shifts"][match["shift"]]
    anchor = context.anchor
    this_quarter = dt.date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1)
    return Found(_add_months(this_quarter, 3 * shift), "month", QUARTER_METHOD, 0.8)


def _century(match: re.Match[str], context: RuleContext) -> Found | None:
    """ "the 20th century": the years 1900-1999 (TIMEX3 value "19")."""
    number = int(match["n"])
    if not 1 <= number <= 30:
        return None
    return Found(dt.date(max(1, 100 * (number - 1)), 1, 1), "year", CENTURY_METHOD, 0.8)


def _decade(match: re.Match[str], context: RuleContext) -> Found:
    """ "the 1990s", "the '70s" (a two-digit decade is of the 1900s): TIMEX3 value "199"."""
    century = int(match["c"]) if match["c"] else 19
    return Found(dt.date(century * 100 + 10 * int(match["d"]), 1, 1), "year", DECADE_METHOD, 0.8)


def _day_offset(match: re.Match[str], context: RuleContext) -> Found:
    offset = context.words["day_offsets"][match[0]]
    return Found(context.anchor + dt.timedelta(days=offset), "day", "rule:day-word", 0.9)


def _ago(match: re.Match[str], context: RuleContext) -> Found:
    count = _number(match["n"], context.words)
    unit = match["unit"]
    if unit in ("decade", "year"):
        years = count * (10 if unit == "decade" else 1)
        return Found(dt.date(context.anchor.year - years, 1, 1), "year", "rule:ago", 0.85)
    if unit == "month":
        return Found(_add_months(context.anchor, -count), "month", "rule:ago", 0.85)
    # TimeML dates "a week ago" to the day: seven days before the anchor.
    days = count * (7 if unit == "week" else 1)
    return Found(context.anchor - dt.timedelta(days=days), "day", "rule:ago", 0.85)


def _shifted_period(match: re.Match[str], context: RuleContext) -> Found:
    shift = context.words["period_shifts"][match["shift"]]
    unit: Precision = context.words["period_units"][match["unit"]]
    anchor = context.anchor
    if unit == "year":
        value = dt.date(anchor.year + shift, 1, 1)
    elif unit == "month":
        value = _add_months(anchor, shift)
    else:
        value = period_start(anchor, "week") + dt.timedelta(weeks=shift)
    return Found(value, unit, "rule:relative-period", 0.9)


def _weekend(match: re.Match[str], context: RuleContext) -> Found:
    """A weekend: the ISO week holding it (week precision, since it spans two days)."""
    if match["shift"] is not None:
        shift = context.words["period_shifts"][match["shift"]]
    else:
        shift = 1 if context.tense == "future" and context.anchor.isoweekday() < 6 else 0
    value = period_start(context.anchor, "week") + dt.timedelta(weeks=shift)
    return Found(value, "week", WEEKEND_METHOD, 0.75)


def _shifted_weekday(match: re.Match[str], context: RuleContext) -> Found:
    weekday = context.words["weekdays"][match["weekday"]]
    past, future = _weekday_either_side(context.anchor, weekday, strict=True)
    shift = match["shift"]
    if shift == "this":
        value = past if context.tense == "past" else future
        value = context.anchor if weekday == context.anchor.isoweekday() else value
    else:
        value = past if shift in ("last", "past") else future
    return Found(value, "day", "rule:weekday", 0.85)


def _shifted_month(match: re.Match[str], context: RuleContext) -> Found:
    month, anchor = context.words["months"][match["month"]], context.anchor
    year = anchor.year
    if match["shift"] == "last":
        year = year if month < anchor.month else year - 1
    elif match["shift"] == "next":
        year = year if month > anchor.month else year + 1
    return Found(dt.date(year, month, 1), "month", "rule:month", 0.85)


def _season(match: re.Match[str], context: RuleContext) -> Found:
    start_month = context.words["seasons"][match["season"]]["month"]
    anchor = context.anchor
    if match["y"]:
        return Found(dt.date(int(match["y"]), start_month, 1), "month", SEASON_METHOD, 0.8)
    latest_start = dt.date(anchor.year, start_month, 1)
    if latest_start > anchor:
        latest_start = dt.date(anchor.year - 1, start_month, 1)
    in_progress = _add_months(latest_start, 3) > anchor
    shift, tense = match["shift"], context.tense
    if shift == "next" or (not in_progress and shift != "last" and tense != "past"):
        value = _add_months(latest_start, 12)
    elif shift == "last" and in_progress:
        value = _add_months(latest_start, -12)
    else:
        value = latest_start
    return Found(value, "month", SEASON_METHOD, 0.7)


def _range(match: re.Match[str], context: RuleContext) -> Found | None:
    found = _month_day(match, context)
    if found is None:
        return None
    return Found(found.value, "day", "rule:range", found.confidence)


def _year_range(match: re.Match[str], context: RuleContext) -> Found:
    return Found(dt.date(int(match["y"]), 1, 1), "year", "rule:range", 0.8)


def _month_day(match: re.Match[str], context: RuleContext) -> Found | None:
    month = context.words["months"][match["m"]]
    day = int(re.sub(r"\D", "", match["d"]))
    if match["y"]:
        value = _valid_date(int(match["y"]), month, day)
        return None if value is None else Found(value, "day", "rule:absolute", 0.95)
    anchor = context.anchor
    past = next(filter(None, (_valid_date(anchor.year - k, month, day) for k in range(8))), None)
    future = next(filter(None, (_valid_date(anchor.year + k, month, day) for k in range(8))), None)
    if past is None or future is None:
        return None
    if past > anchor:
        past = _valid_date(past.year - 1, month, day) or past
    if future < anchor:
        future = _valid_date(future.year + 1, month, day) or future
    value = _by_tense(anchor, past, future, context.tense, default="nearest")
    return Found(value, "day", "rule:month-day", 0.85 if context.tense else 0.75)


def _day_of_month(match: re.Match[str], context: RuleContext) -> Found | None:
    """ "on the 15th": that day of the article's month, or of the month before or after."""
    day, anchor = int(match["d"]), context.anchor
    months = [_add_months(anchor, shift) for shift in (-2, -1, 0, 1, 2)]
    days = [d for m in months if (d := _valid_date(m.year, m.month, day)) is not None]
    past = max((d for d in days if d <= anchor), default=None)
    future = min((d for d in days if d >= anchor), default=None)
    if past is None or future is None:
        return None
    value = _by_tense(anchor, past, future, context.tense, default="nearest")
    return Found(value, "day", "rule:day-of-month", 0.7)


def _month_year(match: re.Match[str], context: RuleContext) -> Found | None:
    name = match["m"]
    month = int(name) if name.isdigit() else context.words["months"][name]
    if not 1 <= month <= 12:
        return None
    return Found(dt.date(int(match["y"]), month, 1), "month", "rule:absolute", 0.95)


def _bare_month(match: re.Match[str], context: RuleContext) -> Found | None:
    if not _written_as_name(match[0], context):
        return None
    month, anchor = context.words["months"][match["month"]], context.anchor
    past = dt.date(anchor.year if month <= anchor.month else anchor.year - 1, month, 1)
    future = dt.date(anchor.year if month >= anchor.month else anchor.year + 1, month, 1)
    this_month = dt.date(anchor.year, anchor.month, 1)
    value = _by_tense(this_month, past, future, context.tense, default="nearest")
    return Found(value, "month", "rule:month", 0.8 if context.tense else 0.65)


def _bare_weekday(match: re.Match[str], context: RuleContext) -> Found | None:
    if not _written_as_name(match[0], context):
        return None
    weekday = context.words["weekdays"][match["weekday"]]
    past, future = _weekday_either_side(context.anchor, weekday, strict=False)
    # News mostly reports what happened: a weekday without tense is the most recent one.
    default = "nearest" if context.tense == "present" else "past"
    value = _by_tense(context.anchor, past, future, context.tense, default=default)
    return Found(value, "day", "rule:weekday", 0.85 if context.tense else 0.7)


def _year(match: re.Match[str], context: RuleContext) -> Found:
    return Found(dt.date(int(match["y"]), 1, 1), "year", "rule:absolute", 0.9)


def _iso_day(match: re.Match[str], context: RuleContext) -> Found | None:
    value = _valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return None if value is None else Found(value, "day", "rule:absolute", 0.95)


# ---------------------------------------------------------------- calendar helpers


def _number(token: str, words: Any) -> int:
    return int(token) if token.isdigit() else int(words["number_words"][token])


def _written_as_name(word: str, context: RuleContext) -> bool:
    """ "May" or "SAT" is a date; "may" or "sat" alone is more likely the verb."""
    if word not in context.words["capitalised_only"]:
        return True
    return word.capitalize() in context.raw or word.upper() in context.raw


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return dt.date(year, month, day)


def _add_months(value: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (or before) ``value``'s month."""
    index = value.year * 12 + value.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_start(value: dt.date, precision: Precision) -> dt.date:
    if precision == "week":
        return value - dt.timedelta(days=value.isoweekday() - 1)
    if precision == "month":
        return value.replace(day=1)
    if precision == "year":
        return dt.date(value.year, 1, 1)
    return value


def _weekday_either_side(anchor: dt.date, weekday: int, *, strict: bool) -> tuple[dt.date, dt.date]:
    """The nearest ``weekday`` on or before ``anchor`` and on or after it (strictly if asked)."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    return anchor - dt.timedelta(days=back), anchor + dt.timedelta(days=ahead)


def _by_tense(
    anchor: dt.date, past: dt.date, future: dt.date, tense: Tense | None, *, default: str
) -> dt.date:
    """Past tense picks ``past``, future ``future``; otherwise ``default`` (past or nearest)."""
    if tense == "past" or (tense is None and default == "past"):
        return past
    if tense == "future":
        return future
    return past if (anchor - past) <= (future - anchor) else future
