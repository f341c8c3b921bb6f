"""Resolve date expressions ("on Saturday", "last month", "15 August 2019") to :class:`DateRef`.

Every expression is resolved against the article's date and, where the expression names a
recurring day or month ("Saturday", "August 15"), against the tense of its sentence: in a
past-tense sentence it is the most recent such day, in a future one the next. Our own rules
(lexicon in ``data_sources/dates.yaml``) run first; ``dateparser`` is the fallback, with
``RELATIVE_BASE`` set to the article's date. Durations ("three years") and non-dates give None.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import Any

from dateparser.date import DateDataParser

from whimbrel import lexicon
from whimbrel.records import DateRef, Precision, Span
from whimbrel.resolve.date_calendar import period_start
from whimbrel.resolve.date_rules import apply_rules
from whimbrel.resolve.date_types import (
    CENTURY_METHOD,
    CLOCK_METHOD,
    DECADE_METHOD,
    QUARTER_METHOD,
    REF_METHODS,
    SEASON_METHOD,
    WEEKEND_METHOD,
    Found,
    RuleContext,
    Tense,
)

__all__ = [
    "ARTICLE_DATE_METHOD",
    "Tense",
    "article_date_ref",
    "normalise_date_text",
    "resolve_date",
    "timex_value",
]

ARTICLE_DATE_METHOD = "article-date"
# A clock time: "15:00", "6:40 p.m.", "8 PM", "0800 GMT", "2115 local time", "0630 hours",
# "at 1500" (four digits only before a zone or "hours", or after "at": years go with "in").
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?"
    r"|\b(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:hours|hrs|local\s+time)\b|(?=\s*(?:gmt|utc|z)\b))"
    r"|(?<=\bat )(?:[01]\d|2[0-3])[0-5]\d\b(?![-/.,]\d)",
    re.IGNORECASE,
)


def resolve_date(
    raw: str,
    *,
    article_date: dt.date,
    tense: Tense | None = None,
    span: Span | None = None,
) -> DateRef | None:
    """The date ``raw`` names, read against ``article_date``; None for durations and non-dates."""
    words = lexicon.load("dates")
    context = RuleContext(anchor=article_date, tense=tense, raw=raw, words=words)
    text = normalise_date_text(raw, words=words)
    if not text:
        # "18:00 UTC", "6:40 p.m. (GMT +8)": a time of day alone is on the anchor's day.
        found = Found(article_date, "day", CLOCK_METHOD, 0.6) if _CLOCK.search(raw) else None
        return None if found is None else _date_ref(found, raw=raw, span=span)
    found = apply_rules(text, context)
    if found is None and not _is_duration(text, words) and _looks_temporal(text, words):
        found = _from_dateparser(text, article_date=article_date, tense=tense)
    if found is None:
        return None
    return _date_ref(found, raw=raw, span=span)


def _date_ref(found: Found, *, raw: str, span: Span | None) -> DateRef:
    return DateRef(
        value=found.value,
        precision=found.precision,
        raw=raw,
        span=span,
        method=found.method,
        confidence=found.confidence,
    )


def article_date_ref(article_date: dt.date) -> DateRef:
    """The fallback when a mention names no date: the article's own date, flagged as such."""
    return DateRef(
        value=article_date,
        precision="day",
        raw=None,
        span=None,
        method=ARTICLE_DATE_METHOD,
        confidence=0.3,
    )


def timex_value(ref: DateRef) -> str:
    """``ref`` as a TIMEX3 value: ``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM`` or ``YYYY``."""
    value = ref.value
    if ref.method in REF_METHODS:
        return REF_METHODS[ref.method]
    if ref.method == SEASON_METHOD:
        codes = {s["month"]: s["code"] for s in lexicon.load("dates")["seasons"].values()}
        return f"{value.year:04d}-{codes[value.month]}"
    if ref.method == CENTURY_METHOD:
        return f"{value.year // 100:02d}"
    if ref.method == DECADE_METHOD:
        return f"{value.year // 10:03d}"
    if ref.method == QUARTER_METHOD:
        return f"{value.year:04d}-Q{(value.month - 1) // 3 + 1}"
    if ref.precision == "week":
        iso = value.isocalendar()
        weekend = "-WE" if ref.method == WEEKEND_METHOD else ""
        return f"{iso.year:04d}-W{iso.week:02d}{weekend}"
    if ref.precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if ref.precision == "year":
        return f"{value.year:04d}"
    return value.isoformat()


# ---------------------------------------------------------------- normalising the text


def normalise_date_text(raw: str, *, words: Any) -> str:
    """Lower-cased ``raw`` without what does not change the date it names.

    Drops a possessive tail ("Monday's attack"), clock times and zones, leading prepositions,
    articles and period modifiers ("early", "the end of"), fillers ("fiscal") and a part of
    day after a day ("Thursday night").
    """
    dropped_tokens, strip_leading = _normaliser()
    text = re.split(r"['’]s\b", raw, maxsplit=1)[0].lower()
    text = re.sub(r"(?<=[a-z])\.", "", text.replace("–", "-").replace("—", "-"))
    text = _CLOCK.sub(" ", text)
    text = re.sub(r"(?<![\w-])[+-]\d{1,2}(?::?\d\d)?\b", " ", text)
    text = re.sub(r"[,;()\"“”]|\bmid-", " ", text)
    text = " ".join(t for t in text.split() if t not in dropped_tokens)
    while (shorter := strip_leading.sub("", text, count=1)) != text:
        text = shorter
    if text in words["prepositions"]:
        return ""  # "at 1500": the clock time went, its preposition names no date
    return _drop_day_part(text, words)


@cache
def _normaliser() -> tuple[frozenset[str], re.Pattern[str]]:
    """Tokens to drop anywhere, and the pattern of one leading word to strip (built once)."""
    words = lexicon.load("dates")
    dropped = frozenset([*words["fillers"], *words["time_zones"]])
    # "dawn on 3 March", "midnight of 30 December", "the morning hours of 5 May": the part of
    # the day before the day it is of.
    parts = [
        f"{part}{hours} {link}"
        for part in words["day_parts"]
        for hours in ("", " hours")
        for link in ("of", "on")
    ]
    leading = sorted([*words["prepositions"], *words["period_modifiers"], *parts, "the"], key=len)
    return dropped, re.compile(rf"^(?:{'|'.join(map(re.escape, reversed(leading)))})\s+")


def _drop_day_part(text: str, words: Any) -> str:
    """ "thursday night" → "thursday", but keep phrases that are day words ("last night")."""
    if text in words["day_offsets"]:
        return text
    head, _, last = text.rpartition(" ")
    if head and last in words["day_parts"]:
        return head
    return text


def _is_duration(text: str, words: Any) -> bool:
    """ "three years", "several months", "decades", "a week": spans of time, not dates."""
    match = _duration_pattern().fullmatch(text)
    if match is None:
        return False
    return bool(match["n"] or match["q"] or match["unit"] not in words["duration_units"])


@cache
def _duration_pattern() -> re.Pattern[str]:
    words = lexicon.load("dates")
    quantifiers = "|".join(map(re.escape, sorted(words["duration_quantifiers"], key=len)[::-1]))
    numbers = "|".join(map(re.escape, words["number_words"]))
    units = sorted({*words["duration_units"], *map(_plural, words["duration_units"])}, key=len)
    return re.compile(
        rf"(?P<q>(?:(?:{quantifiers})\s+)+)?(?P<n>(?:an?\s+)?(?:\d+|{numbers})(?:\s+|-))?"
        rf"(?P<unit>{'|'.join(reversed(units))})(?:\s+(?:long|old))?"
    )


def _plural(unit: str) -> str:
    if unit.endswith("y") and unit[-2] not in "aeiou":  # "centuries", but "days"
        return unit[:-1] + "ies"
    return unit[:-2] + "a" if unit.endswith("ium") else unit + "s"


def _looks_temporal(text: str, words: Any) -> bool:
    """Whether dateparser is worth asking: the text has a digit or a calendar word.

    Not for decades and centuries ("the 1990s"), which no precision of ours can hold, nor
    for a lone "may" or "march" that no rule took as a month.
    """
    vague = r"\d0['’]?s\b|\bcentur|\bmillenni|\d(?:st|nd|rd|th)\s+(?:day|week|month|year)"
    if re.search(vague, text) or text in words["capitalised_only"]:
        return False
    if re.search(r"\d", text):
        # A bare number our year rule did not take ("0900", "3152": a clock time, a count or a
        # grid reference) is no year of the 1st or 4th millennium.
        return not re.fullmatch(r"\d{1,4}", text)
    if text in words["period_units"]:
        return False
    vocabulary = set(words["months"]) | set(words["weekdays"]) | set(words["period_units"])
    return any(token in vocabulary for token in text.split())


# ---------------------------------------------------------------- dateparser fallback

_PERIOD_PRECISION: dict[str, Precision] = {
    "day": "day",
    "time": "day",
    "part_of_day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}


@lru_cache(maxsize=256)
def _dateparser_for(article_date: dt.date, prefer: str) -> DateDataParser:
    """One parser per article date and tense: dateparser fixes settings at construction."""
    base = dt.datetime.combine(article_date, dt.time(12, 0))
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _from_dateparser(text: str, *, article_date: dt.date, tense: Tense | None) -> Found | None:
    prefer = {"past": "past", "future": "future"}.get(tense or "", "current_period")
    data = _dateparser_for(article_date, prefer).get_date_data(text)
    if data.date_obj is None:
        return None
    precision = _PERIOD_PRECISION.get(data.period or "day", "day")
    value = period_start(data.date_obj.date(), precision)
    return Found(value, precision, "dateparser", 0.6)
