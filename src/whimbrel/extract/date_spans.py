"""The span of a date expression, and numbers the parser tags DATE that name no day.

The parser tags parts of one day apart ("Saturday, 1 October", "the night of 16 December", "the
morning of 21 December" with the day number left out): their span is the whole. A 24-hour
clock time ("at 0630", "2115 local time") and an ordinal qualifying a noun ("29th Street") are
no dates.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whimbrel import lexicon
from whimbrel.extract.clauses import as_span, doc_ents, doc_text, entity_at, in_dateline
from whimbrel.records import Span

__all__ = [
    "clock_time_before_zone",
    "date_span",
    "is_clock_time",
    "ordinal_of_a_noun",
    "with_day_of",
]

DATE_LABELS = frozenset({"DATE", "TIME"})
# "0630", "1805": hours and minutes of a 24-hour clock.
MILITARY_TIME = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)", re.IGNORECASE)
# A day of the month written before the month ("21", "21st").
DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?", re.IGNORECASE)
# What may part a weekday from the date after it: a comma, or a day number the parser left out
# of the date ("saturday 11 november" tagged "saturday" and "november").
DATE_GAP = re.compile(r"[\s,]*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?")


def date_span(ent: SpacySpan) -> Span:
    """The expression's span, with the calendar date that follows it at once when it names
    none itself ("Saturday, 1 October", "saturday 11 november" tagged as two): together they
    name one day."""
    doc = ent.doc
    ent = _with_day_number_before(ent)
    if any(c.isdigit() for c in ent.text):
        return as_span(ent)
    text = doc_text(doc)
    for other in doc_ents(doc):
        if other.start < ent.end:
            continue
        between = text[ent.end_char : other.start_char]
        if not DATE_GAP.fullmatch(between):
            break  # entities come in text order: later ones are further away still
        if (
            other.label_ == "DATE"
            and any(c.isdigit() for c in between + other.text)
            and not in_dateline(other)
        ):
            return Span(ent.start_char, other.end_char, text[ent.start_char : other.end_char])
    return as_span(ent)


def _with_day_number_before(ent: SpacySpan) -> SpacySpan:
    """ "the morning of 21 December", "the 3rd of May": a month with the day number the parser
    left out of the date (tagged a number), which together name one day."""
    doc = ent.doc
    if ent.start == 0 or ent[0].lower_.rstrip(".") not in _month_names():
        return ent
    start = ent.start - 1
    if doc[start].lower_ == "of" and start > 0:
        start -= 1
    day = DAY_NUMBER.fullmatch(doc[start].text)
    if day is None or not 1 <= int(day.group(1)) <= 31 or doc[start].ent_type_ in DATE_LABELS:
        return ent
    return doc[start : ent.end]


@cache
def _month_names() -> frozenset[str]:
    return frozenset(lexicon.load("dates")["months"])


def with_day_of(ent: SpacySpan, pobj: Token) -> SpacySpan:
    """ "the night of 16 December": the part of a day together with the day it is of (the
    parser tags them apart, and the part alone names no date)."""
    for prep in pobj.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for inner in prep.children:
            day = _day_before(inner) if inner.dep_ == "pobj" else None
            if day is not None and day.start > ent.start:
                return ent.doc[ent.start : day.end]
    return ent


def _day_before(pobj: Token) -> SpacySpan | None:
    """The date of an of-phrase: its object's own, or one qualifying it, which the parser may
    make a compound of the noun after it ("the early hours of 5 October rebels shelled")."""
    for token in pobj.subtree:
        day = entity_at(token, DATE_LABELS)
        if token.i > pobj.i or day is not None:
            return day
    return None


def is_clock_time(prep: Token, pobj: Token) -> bool:
    """ "at 1805", "at 0630": a 24-hour clock time, which the parser may take for a year."""
    return prep.lower_ == "at" and bool(MILITARY_TIME.fullmatch(pobj.text))


def clock_time_before_zone(ent: SpacySpan) -> bool:
    """ "2115 local time", "0630 hours", "1805 GMT": a 24-hour clock time, not a year."""
    doc = ent.doc
    if not MILITARY_TIME.fullmatch(ent.text) or ent.end >= len(doc):
        return False
    return doc[ent.end].lower_ in _clock_words()


@cache
def _clock_words() -> frozenset[str]:
    """The first words of the time zones, and "hours" ("0630 hours")."""
    zones = lexicon.load("dates")["time_zones"]
    return frozenset({"hours", "hrs", *(zone.split()[0] for zone in zones)})


def ordinal_of_a_noun(ent: SpacySpan) -> bool:
    """ "29th Street", "the 3rd Brigade": an ordinal qualifying a noun is no day of the month
    (the parser may still tag it DATE)."""
    root = ent.root
    return (
        bool(ORDINAL.fullmatch(ent.text))
        and root.dep_ in ("amod", "compound", "nummod", "nmod")
        and root.head.pos_ in ("NOUN", "PROPN")
        and not ent.start <= root.head.i < ent.end
    )
