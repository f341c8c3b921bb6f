"""Calendar arithmetic for the date rules: valid days, month steps, period starts, and the
choice between the past and the future occurrence of a recurring day by tense."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from whimbrel.records import Precision
from whimbrel.resolve.date_types import RuleContext, Tense

__all__ = [
    "add_months",
    "by_tense",
    "number",
    "period_end",
    "period_start",
    "valid_date",
    "weekday_either_side",
    "written_as_name",
]


def number(token: str, words: Any) -> int:
    """ "3" or "three" as an integer (number words from the lexicon)."""
    return int(token) if token.isdigit() else int(words["number_words"][token])


def written_as_name(word: str, context: RuleContext) -> bool:
    """ "May" or "SAT" is a date; "may" or "sat" alone is more likely the verb."""
    if word not in context.words["capitalised_only"]:
        return True
    return word.capitalize() in context.raw or word.upper() in context.raw


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return dt.date(year, month, day)


def add_months(value: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (or before) ``value``'s month."""
    index = value.year * 12 + value.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_start(value: dt.date, precision: Precision) -> dt.date:
    """The first day of the ISO week, month or year holding ``value`` (a day is itself)."""
    if precision == "week":
        return value - dt.timedelta(days=value.isoweekday() - 1)
    if precision == "month":
        return value.replace(day=1)
    if precision == "year":
        return dt.date(value.year, 1, 1)
    return value


def period_end(start: dt.date, precision: Precision) -> dt.date:
    """The last day of the week, month or year that starts on ``start`` (a day is itself)."""
    if precision == "week":
        return start + dt.timedelta(days=6)
    if precision == "month":
        return add_months(start, 1) - dt.timedelta(days=1)
    if precision == "year":
        return dt.date(start.year, 12, 31)
    return start


def weekday_either_side(anchor: dt.date, weekday: int, *, strict: bool) -> tuple[dt.date, dt.date]:
    """The nearest ``weekday`` on or before ``anchor`` and on or after it (strictly if asked)."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    return anchor - dt.timedelta(days=back), anchor + dt.timedelta(days=ahead)


def by_tense(
    anchor: dt.date, past: dt.date, future: dt.date, tense: Tense | None, *, default: str
) -> dt.date:
    """Past tense picks ``past``, future ``future``; otherwise ``default`` (past or nearest)."""
    if tense == "past" or (tense is None and default == "past"):
        return past
    if tense == "future":
        return future
    return past if (anchor - past) <= (future - anchor) else future
