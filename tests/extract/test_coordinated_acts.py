"""Two acts coordinated under one subject keep their own time and modality: a day still to
come named beside the second is not the first's, and the first verb's meaning ("accused X
of ...") reaches what it embeds, not the verb beside it (sentences we wrote; the article is
dated Sunday 12 May 2024)."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

ARTICLE_DATE = dt.date(2024, 5, 12)

# (sentence, trigger, modality, date) of one mention each
CASES = [
    # the strike is next week; the accusation and the call were made already
    (
        "The union leader accused the ministry of broken promises and called for a "
        "general strike next week.",
        "accused",
        "asserted",
        ARTICLE_DATE,
    ),
    (
        "The union leader accused the ministry of broken promises and called for a "
        "general strike next week.",
        "called",
        "asserted",
        ARTICLE_DATE,
    ),
    (
        "The union leader accused the ministry of broken promises and called for a "
        "general strike next week.",
        "strike",
        "hypothetical",
        dt.date(2024, 5, 13),
    ),
    # a day to come that is the act's own keeps it planned
    (
        "The Ghanaian president will visit Abuja next week.",
        "visit",
        "planned",
        dt.date(2024, 5, 13),
    ),
    # a past day beside the second verb still dates both acts told in the past
    (
        "Nigerian police detained two suspects and seized rifles on Friday.",
        "detained",
        "asserted",
        dt.date(2024, 5, 10),
    ),
    # what the accusation embeds stays unasserted
    ("Kenya accused Uganda of shelling the border post.", "shelling", "hypothetical", None),
]


@pytest.mark.parametrize(
    ("text", "trigger", "modality", "date"), CASES, ids=[f"{c[1]}-{c[2]}" for c in CASES]
)
def test_coordinated_acts_keep_their_own_time(text, trigger, modality, date, mentions_of):
    found = {m.trigger.text: m for m in mentions_of(text)}
    assert trigger in found, sorted(found)
    mention = found[trigger]
    assert mention.modality == modality
    if date is not None:
        assert mention.date.value == date, mention.date
