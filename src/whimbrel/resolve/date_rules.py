"""The rules of :mod:`whimbrel.resolve.dates`: one pattern and one handler per kind of expression.

Patterns are built from the lexicon (``data_sources/dates.yaml``) on first use and tried in
order against the whole normalised expression; the first that matches decides. The handlers
live in :mod:`whimbrel.resolve.date_relative_rules` (relative to the anchor: "yesterday",
"last month") and :mod:`whimbrel.resolve.date_named_rules` (calendar names: "August 15",
"spring"); what they share is in :mod:`whimbrel.resolve.date_types` and
:mod:`whimbrel.resolve.date_calendar`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from whimbrel import lexicon
from whimbrel.resolve import date_named_rules as named
from whimbrel.resolve import date_relative_rules as relative
from whimbrel.resolve.date_types import Found, Rule, RuleContext

__all__ = ["apply_rules"]


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
        (alternation(words["present_ref"]), relative.present_ref),
        (alternation(words["past_ref"]), relative.past_ref),
        (alternation(words["future_ref"]), relative.future_ref),
        (
            rf"(?:the\s+)?(?P<q>{quarter})[\s-]+quarter(?:\s+(?:of\s+)?(?:the\s+)?"
            rf"(?:(?P<y>{year})|(?P<shift>{shift})\s+year))?",
            named.quarter,
        ),
        (rf"(?P<shift>{shift})\s+quarter", relative.shifted_quarter),
        (r"(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century", named.century),
        (r"['’]?(?P<c>1[5-9]|20)?(?P<d>\d)0['’]?s", named.decade),
        (alternation(words["day_offsets"]), relative.day_offset),
        (alternation(words["anaphors"]), relative.anaphor),
        (
            rf"(?:(?:a|an|its|their)\s+)?(?:{alternation(words['streak_ordinals'])})\s+"
            rf"(?:(?:{alternation(words['streak_words'])})\s+)?"
            rf"(?P<unit>{alternation(words['streak_units'])})",
            relative.streak,
        ),
        (
            rf"(?P<n>\d+|{number})\s+(?P<unit>day|week|month|year|decade)s?\s+(?:ago|earlier)",
            relative.ago,
        ),
        (rf"(?P<shift>{shift})\s+(?P<unit>week|month|year)", relative.shifted_period),
        (rf"(?P<shift>{shift})\s+decade", relative.shifted_decade),
        (rf"(?:(?P<shift>{shift})\s+)?weekend", relative.weekend),
        (
            rf"(?P<shift>last|next|this|coming|past)\s+(?P<weekday>{weekday})",
            relative.shifted_weekday,
        ),
        (rf"(?P<shift>last|next|this)\s+(?P<month>{month})", relative.shifted_month),
        (
            rf"(?:the\s+)?(?P<pos>first|second|third|fourth|last|final)\s+week\s+(?:of|in)\s+"
            rf"(?P<m>{month})(?:\s+(?P<y>{year}))?",
            named.week_of_month,
        ),
        (
            rf"(?:(?P<shift>last|next|this)\s+)?(?P<season>{season})(?:\s+(?:of\s+)?(?P<y>{year}))?",
            named.season,
        ),
        (
            rf"(?:between\s+)?(?P<d>{day})\s*{to}\s*{day}\s+(?:of\s+)?(?P<m>{month})"
            rf"(?:\s+(?P<y>{year}))?",
            named.range_of_days,
        ),
        (
            rf"(?:between\s+)?(?P<m>{month})\s+(?P<d>{day})\s*{to}\s*(?:(?:{month})\s+)?{day}"
            rf"(?:\s+(?P<y>{year}))?",
            named.range_of_days,
        ),
        (
            rf"(?:between\s+)?(?P<d>{day})\s+(?:of\s+)?(?P<m>{month})\s*{to}\s*{day}\s+(?:of\s+)?"
            rf"(?:{month})(?:\s+(?P<y>{year}))?",
            named.range_of_days,
        ),
        (rf"(?:between\s+)?(?P<y>{year})\s*{to}\s*(?:{year}|\d{{2}})", named.year_range),
        (
            rf"(?:(?:{weekday})\s+)?(?P<d>{day})\s+(?:of\s+)?(?P<m>{month})(?:\s+(?P<y>{year}))?",
            named.month_day,
        ),
        (
            rf"(?:(?:{weekday})\s+)?(?P<m>{month})\s+(?P<d>{day})(?:\s+(?P<y>{year}))?",
            named.month_day,
        ),
        (rf"(?P<m>{month})\s+(?:of\s+)?(?P<y>{year})", named.month_year),
        (r"(?P<d>\d{1,2})(?:st|nd|rd|th)", named.day_of_month),
        (rf"(?P<month>{month})", named.bare_month),
        (rf"(?P<weekday>{weekday})", named.bare_weekday),
        (r"(?:(?:the\s+)?year\s+)?(?P<y>1[5-9]\d\d|2[01]\d\d)", named.year),
        (r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", named.iso_day),
        (r"(?P<y>\d{4})-(?P<m>\d{2})", named.month_year),
    ]
    return tuple((re.compile(pattern), rule) for pattern, rule in table)
