"""Recipient rules of the target round (PLOVER target country), sentences we wrote, real model.

Whose withdrawal is demanded, a bare count arrested, intelligence handed over, a reminder, a
protest that someone did wrong, a crowd's demand, rallying support for a third party, the one
told to act, the place an unnamed target is tied to, property returned to whom it was seized
from, and a light verb's named party beating an unnamed one on its noun.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# (sentence, an event that must be among the mentions: (type, actor countries, recipient
# countries); "?" a party without a country, "" an empty role, None: actors not checked
# (an unnamed actor may take the story's country))
CASES = [
    # the "of" party of a demanded withdrawal is asked to leave; "from" names the place left
    (
        "Kenya demanded the withdrawal of Rwandan troops from the eastern provinces.",
        ("REQUEST", "KEN", "RWA"),
    ),
    # a bare count arrested: whom the main act's purpose aimed at
    (
        "Kenyan police fired tear gas to scatter Somali refugees outside the camp, wounding "
        "three and detaining 40.",
        ("COERCE", "KEN", "SOM"),
    ),
    # handing over intelligence is military aid
    (
        "Britain is providing satellite imagery and intelligence to the Iraqi army.",
        ("AID", "GBR", "IRQ"),
    ),
    # a public reminder of what another must do is a demand
    (
        "The Tanzanian minister issued a blunt reminder to Kenya that it must repay the loan.",
        ("REQUEST", "TZA", "KEN"),
    ),
    # protesting that someone did wrong complains about them
    (
        "The opposition protested that the Ugandan police were harassing its candidates.",
        ("ACCUSE", None, "UGA"),
    ),
    # a crowd's act is aimed at whom its demand addresses
    (
        "Students rioted in Asmara on Friday, demanding independence from Ethiopian rule.",
        ("PROTEST", "ERI", "ETH"),
    ),
    (
        "Hundreds of farmers rioted after a rally calling for the removal of President Mugabe.",
        ("PROTEST", None, "ZWE"),
    ),
    # urging others to back a party rallies support for that party
    (
        "The Saudi foreign minister urged the European Union to support the Palestinian Authority.",
        ("SUPPORT", "SAU", "PSE"),
    ),
    # the object followed by what it is told to do is the one asked
    (
        "The Kenyan envoy demanded the armed groups in Somalia to lay down their weapons.",
        ("REQUEST", "KEN", "SOM"),
    ),
    # an unnamed target tied to a named place
    ("Rebels blew up a pipeline running into Nigeria on Sunday.", ("ASSAULT", None, "NGA")),
    # property goes back to whom it was seized from
    (
        "The rebels returned the weapons seized last month from Nigerian soldiers.",
        ("RETREAT", None, "NGA"),
    ),
    # "out of" is the "of" of a passive withdrawal: the place left, not those withdrawn
    (
        "Forty Kenyan peacekeepers were shipped out of the Somali port of Kismayo on Friday.",
        ("SANCTION", "", "SOM"),
    ),
    # a light verb's named "for" party beats the unnamed thing on the noun
    (
        "Austria imposed restrictions on its labour market for Polish workers.",
        ("COERCE", "AUT", "POL"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_target_rules(summaries, text: str, expected: tuple[str, str | None, str]) -> None:  # type: ignore[no-untyped-def]
    kind, actors, recipients = expected
    found = [(s[0], s[1] if actors is not None else None, s[2]) for s in summaries(text)]
    assert (kind, actors, recipients) in found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # where an unnamed target merely is stays its location, not its recipient
        ("Rebels blew up a pipeline near Warri on Sunday.", "Warri"),
        ("Gunmen attacked a sugar mill, which lies north of Lagos, on Monday.", "Lagos"),
    ],
)
def test_a_place_where_the_target_is_is_no_recipient(mentions_of, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    recipients = [r.text for m in mentions_of(text) for r in m.recipients]
    assert recipients and place not in recipients
