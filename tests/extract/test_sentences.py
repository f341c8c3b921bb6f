"""Sentences we wrote → the events a careful coder would output (real spaCy model)."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow


# (sentence, expected (type, actor countries, recipient countries, modality))
CASES = [
    # a team looked through to who is in it: rescuers are aid, not a visiting delegation
    (
        "Norway sent a team of rescue workers to the flooded north of Malawi.",
        ("AID", "NOR", "MWI", "asserted"),
    ),
    # money pledged in a currency is a pledge of aid (033), not a general intent
    (
        "Denmark pledged 20 million kroner to Moldova.",
        ("AGREE", "DNK", "MDA", "asserted"),
    ),
    (
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Friday.",
        ("CONSULT", "FRA", "DEU", "asserted"),
    ),
    (
        "Kenyan police arrested dozens of protesters in Nairobi on Saturday.",
        ("COERCE", "KEN", "KEN", "asserted"),
    ),
    (
        "The Japanese foreign minister will visit Seoul next week.",
        ("CONSULT", "JPN", "KOR", "planned"),
    ),
    (
        "Brazil did not sign the trade agreement with Argentina.",
        ("SUPPORT", "BRA", "ARG", "negated"),
    ),
    (
        "Egyptian officials accused Ethiopia of endangering the region's water supply.",
        ("ACCUSE", "EGY", "ETH", "asserted"),
    ),
    (
        "Israeli warplanes struck targets in Gaza overnight, the army said.",
        ("ASSAULT", "ISR", "PSE", "asserted"),
    ),
    (
        "Washington slapped sanctions on Venezuelan oil officials.",
        ("SANCTION", "USA", "VEN", "asserted"),
    ),
    (
        "Thousands of Serbian students protested against the government in Belgrade.",
        ("PROTEST", "SRB", "SRB", "asserted"),
    ),
    (
        "Turkey could send troops to the border if the fighting spreads.",
        ("MOBILIZE", "TUR", "?", "hypothetical"),
    ),
    (
        "Indonesia rejected a Malaysian proposal to share the disputed waters.",
        ("REJECT", "IDN", "MYS", "asserted"),
    ),
    (
        "Canada is expected to provide emergency food aid to Haiti.",
        ("AID", "CAN", "HTI", "planned"),
    ),
    (
        "Nigerian soldiers were attacked by militants near Maiduguri.",
        ("ASSAULT", "NGA", "NGA", "asserted"),
    ),
    (
        "Sweden will not grant recognition to the new government of Niger.",
        ("SUPPORT", "SWE", "NER", "negated"),
    ),
    (
        "If talks fail, Serbia would impose sanctions on Kosovo.",
        ("SANCTION", "SRB", "XKX", "hypothetical"),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), CASES, ids=[c[1][0] + ":" + c[0][:30] for c in CASES]
)
def test_sentence_codes_as_expected(summaries, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    found = summaries(text)
    assert expected in found, found


def test_attribution_chain(mentions_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chinese troops fired on Indian soldiers near the border, Reuters reported on "
        "Saturday, citing the Press Trust of India."
    )
    (mention,) = [m for m in mentions_of(text) if m.kind.event_type == "ASSAULT"]
    assert [(a.source, a.via) for a in mention.attribution] == [
        ("Reuters", "the Press Trust of India")
    ]
    assert mention.date.value == dt.date(2024, 5, 11)


def test_hedged_mention(mentions_of) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels reportedly attacked a gendarmerie post in northern Mali."
    (mention,) = [m for m in mentions_of(text) if m.kind.event_type == "ASSAULT"]
    assert mention.hedged and mention.modality == "asserted"
