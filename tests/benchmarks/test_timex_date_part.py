"""Comparing a TIME value on its date part: only calendar values lose their time of day."""

from __future__ import annotations

import pytest

from adapters.timex import GoldTimex, TimexOutcome, date_part_of


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("TIME", "2009-06-01T16:15Z", "2009-06-01"),
        ("TIME", "2012-XX-XXT20", "2012-XX-XX"),
        ("TIME", "XXXX-XX-XXTNI", "XXXX-XX-XX"),
        # Reference values hold a "T" that starts no time of day.
        ("TIME", "FUTURE_REF", "FUTURE_REF"),
        ("TIME", "PRESENT_REF", "PRESENT_REF"),
        ("TIME", "PAST_REF", "PAST_REF"),
        ("DATE", "2008-01-09TMO", "2008-01-09TMO"),
        ("DATE", "2013-03-22", "2013-03-22"),
    ],
)
def test_date_part_of(kind, value, expected):
    assert date_part_of(GoldTimex(kind, value, "x", 0, 1)) == expected


def test_a_reference_time_is_right_when_we_give_the_reference():
    outcome = TimexOutcome("d", GoldTimex("TIME", "FUTURE_REF", "later", 0, 5), "FUTURE_REF", None)
    assert outcome.date_part and outcome.strict
