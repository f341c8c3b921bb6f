"""A country named as a verb's object ("... to help Ukraine") is a party, not the setting: a
party without a country of its own gets none from it, even where the place attacher took the
country for the event's place. Sentences are ours (real pipeline)."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.records import Article

pytestmark = pytest.mark.slow

CASES = [
    # (sentence, trigger, actor countries)
    ("Congress is asking the president to help Ukraine.", "asking", [None]),
    ("Parliament is urging the government to support Moldova.", "urging", [None]),
    # a place after a preposition is a setting: the unnamed actor is placed there
    ("Police arrested dozens of protesters in Kenya on Monday.", "arrested", ["KEN"]),
    # a verb's object that is a group, not the place, leaves the place's country in force
    (
        "Police detained dozens of Taliban fighters in eastern Afghanistan on Thursday.",
        "detained",
        ["AFG"],
    ),
]


@pytest.mark.parametrize(("text", "trigger", "countries"), CASES, ids=[c[0][:40] for c in CASES])
def test_a_verb_object_country_places_no_actor(
    pipeline, text: str, trigger: str, countries
) -> None:  # type: ignore[no-untyped-def]
    (result,) = pipeline.code([Article(id="t", date=dt.date(2024, 5, 12), text=text)])
    (mention,) = [m for m in result.mentions if m.trigger.text == trigger]
    assert [a.country for a in mention.actors] == countries, mention.actors
