"""Shapes of an actor phrase (resolve/actor_phrases.py): a list of names modifying one noun,
the sides of a dispute and a trailing locative. Phrases are ours."""

from __future__ import annotations

import pytest

from whimbrel.resolve.actors import ActorLexicon, resolve_actor_text


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.default()


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        # the phrase stands for its first member, with the head's sector
        ("US and British warplanes", "US warplanes", "USA", "MIL"),
        ("Dutch, Belgian and French officials", "Dutch officials", "NLD", "GOV"),
        ("the Saudi and Emirati troops", "Saudi troops", "SAU", "MIL"),
        # no head after the list: the list itself is read as before
        ("Chile and Peru", "Chile", "CHL", None),
        # a single member is no list
        ("British warplanes", "British warplanes", "GBR", "MIL"),
        ("French jets", "French jets", "FRA", "MIL"),
    ],
)
def test_modifier_list_is_its_first_member(
    text: str, name: str, country: str, sector: str | None, lexicon: ActorLexicon
) -> None:
    ref = resolve_actor_text(text, lexicon=lexicon)
    assert (ref.text, ref.name, ref.country, ref.sector) == (text, name, country, sector)


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("all parties", None),
        ("both parties", None),
        ("the warring parties", None),
        ("all sides", None),
        # political parties stay political parties
        ("all political parties", "PTY"),
        ("opposition parties", "OPP"),
    ],
)
def test_sides_of_a_dispute_are_no_political_parties(
    text: str, sector: str | None, lexicon: ActorLexicon
) -> None:
    ref = resolve_actor_text(text, lexicon=lexicon, context_country="USA")
    assert ref.sector == sector
    if sector is None:
        assert ref.country is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the name is the party's own words, never the place it stands in
        ("American ships in the Red Sea", "American ships", "USA"),
        ("protesters in Tahrir Square", "protesters", None),
        ("Turkish tankers", "Turkish tankers", "TUR"),
        # a person keeps their name; an apposition after a comma names the party again
        ("John Smith in London", "John Smith", "GBR"),
        ("a woman who was at the airport, Ana Lucia Restrepo", "Ana Lucia Restrepo", None),
    ],
)
def test_name_is_not_a_trailing_locative(
    text: str, name: str, country: str | None, lexicon: ActorLexicon
) -> None:
    ref = resolve_actor_text(text, lexicon=lexicon)
    assert (ref.name, ref.country) == (name, country)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        # from outside the setting: no country from it, the sector stays
        ("Western governments", None, "GOV"),
        ("foreign troops", None, "MIL"),
        ("a Western diplomat", None, "GOV"),
        # the words themselves may still name a country
        ("foreign troops from Chad", "TCD", "MIL"),
        # a local party takes the setting's country, a title with the word in it too
        ("police", "KEN", "COP"),
        ("the foreign minister", "KEN", "GOV"),
        ("the foreign affairs ministry", "KEN", "GOV"),
        ("a regional official", "KEN", "GOV"),
    ],
)
def test_outsiders_take_no_country_from_the_setting(
    text: str, country: str | None, sector: str, lexicon: ActorLexicon
) -> None:
    ref = resolve_actor_text(text, lexicon=lexicon, context_country="KEN")
    assert (ref.country, ref.sector) == (country, sector)
