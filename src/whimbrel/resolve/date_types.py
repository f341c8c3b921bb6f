"""What the date rules share: the tense, a rule's context and result, and the method names.

A method name says how a date was found; some map straight to a TIMEX3 value
(``PAST_REF``), others tell :func:`whimbrel.resolve.dates.timex_value` how to write it
(a season, a quarter, a weekend) or tell story dating that the date dates no happening
(a time of day, an era, an anaphoric "the day").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from whimbrel.records import Precision

__all__ = [
    "ANAPHOR_METHOD",
    "CENTURY_METHOD",
    "CLOCK_METHOD",
    "DECADE_METHOD",
    "FUTURE_REF_METHOD",
    "PAST_REF_METHOD",
    "PRESENT_REF_METHOD",
    "QUARTER_METHOD",
    "REF_METHODS",
    "SEASON_METHOD",
    "WEEKEND_METHOD",
    "Found",
    "Rule",
    "RuleContext",
    "Tense",
]

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
# "the day", "the same day", "the year": the period under discussion, taken as the anchor's.
ANAPHOR_METHOD = "rule:anaphor"


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
