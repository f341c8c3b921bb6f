"""Parties of a list of names modifying one noun, the sides of a dispute and a party's
trailing locative, coded end to end with the real pipeline. Sentences are ours."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# (sentence, trigger, role, [(text, name, country, sector)] of that role's parties)
CASES = [
    # one party per member of a list of names modifying one noun, each of the noun's kind
    (
        "French and Italian warplanes bombed rebel depots near the border on Sunday.",
        "bombed",
        "actors",
        [
            ("French and Italian warplanes", "French warplanes", "FRA", "MIL"),
            ("Italian warplanes", "Italian warplanes", "ITA", "MIL"),
        ],
    ),
    (
        "Dutch, Belgian and German officials met in Brussels on Monday.",
        "met",
        "actors",
        [
            ("Dutch, Belgian and German officials", "Dutch officials", "NLD", "GOV"),
            ("Belgian and German officials", "Belgian officials", "BEL", "GOV"),
            ("German officials", "German officials", "DEU", "GOV"),
        ],
    ),
    # the sides of a dispute are no political parties and have no country of the story's
    (
        "Qatar urged all parties to return to talks, the Kenyan foreign ministry said.",
        "urged",
        "recipients",
        [("all parties", None, None, None)],
    ),
    (
        "Norway called on the warring parties to respect the ceasefire.",
        "called",
        "recipients",
        [("the warring parties", None, None, None)],
    ),
    # the name of a party is its own words, never where it is
    (
        "Militants vowed to attack Turkish tankers in the Black Sea.",
        "attack",
        "recipients",
        [("Turkish tankers", "Turkish tankers", "TUR", None)],
    ),
    (
        "The Houthis threatened to retaliate against Greek ferries in the Aegean Sea.",
        "threatened",
        "recipients",
        [("Greek ferries in the Aegean Sea", "Greek ferries", "GRC", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "trigger", "role", "parties"), CASES, ids=[c[0][:40] for c in CASES]
)
def test_modifier_list_parties(  # type: ignore[no-untyped-def]
    mentions_of, text: str, trigger: str, role: str, parties: list
) -> None:
    mentions = [m for m in mentions_of(text) if m.trigger.text == trigger]
    assert mentions, [m.trigger.text for m in mentions_of(text)]
    found = [(p.text, p.name, p.country, p.sector) for p in getattr(mentions[0], role)]
    assert sorted(found, key=str) == sorted(parties, key=str)
    for party in getattr(mentions[0], role):
        assert party.span is not None and text[party.span.start : party.span.end] == party.text


# the place of a dateline, in any of its forms, is where the story was filed, not a party
DATELINES = [
    "Nairobi, Kenya - Riot police arrested 30 students on Friday.",
    "NAIROBI, Kenya: Riot police arrested 30 students on Friday.",
]


@pytest.mark.parametrize("text", DATELINES, ids=[t[:20] for t in DATELINES])
def test_dateline_place_is_no_party(mentions_of, text: str) -> None:  # type: ignore[no-untyped-def]
    (mention,) = [m for m in mentions_of(text) if m.trigger.text == "arrested"]
    assert [a.text for a in mention.actors] == ["Riot police"]
