"""Places that changed country (the article's date picks the state a town belonged to); a
backer named in a compound modifier and the country whose ally a party is, not its country."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.resolve.actors import ActorLexicon, resolve_actor_text


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.default()


@pytest.mark.parametrize(
    ("text", "date", "country"),
    [
        # South Sudan seceded on 9 July 2011; its capital and towns were Sudan's before
        ("the southern regional capital Juba", dt.date(1992, 3, 1), "SDN"),
        ("the southern regional capital Juba", dt.date(2016, 3, 1), "SSD"),
        ("officials in Malakal", dt.date(2004, 6, 1), "SDN"),
        ("officials in Malakal", dt.date(2014, 6, 1), "SSD"),
        ("residents of Bor", dt.date(2011, 7, 8), "SDN"),
        ("residents of Bor", dt.date(2011, 7, 9), "SSD"),
        # former names of a country and its people
        ("Kampuchean guerrillas", dt.date(1985, 1, 1), "KHM"),
        ("the government of Democratic Kampuchea", dt.date(1978, 1, 1), "KHM"),
    ],
)
def test_places_and_names_by_period(
    text: str, date: dt.date, country: str, lexicon: ActorLexicon
) -> None:
    assert resolve_actor_text(text, lexicon=lexicon, date=date).country == country


@pytest.mark.parametrize(
    ("text", "context", "country"),
    [
        # "X-backed": X backs the actor, it is not the actor's country
        ("the UN-backed government", "LBY", "LBY"),
        ("the Iranian-funded militia", "IRQ", "IRQ"),
        ("Russian-backed separatists", "UKR", "UKR"),
        # "X-led": the leader is one of the actor
        ("the Saudi-led coalition", "YEM", "SAU"),
        # whose ally or proxy a party is
        ("the commander of Iran's militia allies in eastern Syria", "IRN", "SYR"),
        ("Iran's proxies in Yemen", "IRN", "YEM"),
        ("Russia's president", "UKR", "RUS"),
    ],
)
def test_backer_is_not_the_actor(
    text: str, context: str, country: str, lexicon: ActorLexicon
) -> None:
    found = resolve_actor_text(text, lexicon=lexicon, context_country=context)
    assert found.country == country
