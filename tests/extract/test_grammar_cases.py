"""Readings a careful reader would give, each on sentences we wrote (real pipeline): the CAMEO
code a construction calls for, and who acts on whom where the parse hides it.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# "agree that X should be done" is a shared position (050); "agree that we/our side should
# act", like "agree to act", a commitment (030).
AGREEMENTS = [
    ("Chile and Peru agreed that the border dispute should be settled by the court.", "050"),
    ("Japan and Vietnam agree that maritime disputes must be resolved peacefully.", "050"),
    ("Senior Chilean and Peruvian officials agreed that both sides must reopen the border.", "030"),
    ("Kenya and Uganda agreed to reopen their shared border.", "030"),
    ("Japan agreed with Vietnam that maritime disputes must be resolved peacefully.", "050"),
    ("Iran agreed with Russia to extend the fuel deal for two years.", "030"),
]


@pytest.mark.parametrize(("text", "code"), AGREEMENTS, ids=[c[0][:40] for c in AGREEMENTS])
def test_what_is_agreed_sets_the_code(text: str, code: str, mentions_of) -> None:  # type: ignore[no-untyped-def]
    mentions = [m for m in mentions_of(text) if m.trigger.text.lower().startswith("agree")]
    found = [m.kind.cameo_code for m in mentions]
    assert found == [code], found


# "A, B and the embattled C": the parser may fold the earlier members into the last one's
# phrase (before an adjective); each is a party of its own, and C's phrase is its own.
FOLDED_LISTS = [
    (
        "France, Italy and the embattled, isolated Spain welcomed new talks with Kenya.",
        ("SUPPORT", "ESP,FRA,ITA", "KEN", "asserted"),
    ),
    (
        "Ghana, Togo and the ever cautious Benin welcomed a resumption of ties with Mali.",
        ("SUPPORT", "BEN,GHA,TGO", "MLI", "asserted"),
    ),
    (
        "Chile, Peru and the troubled Bolivia criticized Brazil.",
        ("ACCUSE", "BOL,CHL,PER", "BRA", "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOLDED_LISTS, ids=[c[0][:40] for c in FOLDED_LISTS])
def test_every_folded_list_member_acts(summaries, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in summaries(text), summaries(text)


def test_the_last_member_keeps_only_its_own_phrase(mentions_of) -> None:  # type: ignore[no-untyped-def]
    (mention,) = [m for m in mentions_of(FOLDED_LISTS[0][0]) if m.kind.event_type == "SUPPORT"]
    assert [a.text for a in mention.actors] == [
        "France",
        "Italy",
        "the embattled, isolated Spain",
    ]


# "The civilians imprisoned for X were released by Y": the parser may make the participle the
# main verb; the civilians are who was imprisoned and released, never who imprisoned.
REDUCED_RELATIVES = [
    (
        "Protesters arrested in May for acting against Beijing were freed by the court on Monday.",
        "RETREAT",
        ["Protesters"],
        ["the court"],
    ),
    (
        "The soldiers captured last week were released by the rebels.",
        "RETREAT",
        ["The soldiers"],
        ["the rebels"],
    ),
    # with the participle hung on the noun, its agent is no party of the release
    (
        "The soldiers captured by the rebels last week were released on Sunday.",
        "RETREAT",
        ["The soldiers"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("text", "event_type", "recipients", "actors"),
    REDUCED_RELATIVES,
    ids=[c[0][:40] for c in REDUCED_RELATIVES],
)
def test_a_reduced_relative_noun_is_acted_upon(  # type: ignore[no-untyped-def]
    mentions_of, text: str, event_type: str, recipients: list[str], actors: list[str]
) -> None:
    mentions = mentions_of(text)
    (main,) = [m for m in mentions if m.kind.event_type == event_type]
    assert [r.text for r in main.recipients] == recipients
    assert [a.text for a in main.actors] == actors
    first = recipients[0]
    assert all(first not in [a.text for a in m.actors] for m in mentions), mentions


# A "by" of means ("by courier", "by air") is neither the object's end nor an agent.
MEANS = [
    ("Haiti has received by courier money from Canada.", ("AID", "CAN", "HTI", "asserted")),
    ("Haiti received funds from Canada.", ("AID", "CAN", "HTI", "asserted")),
    ("The rebel camps were attacked by air on Monday.", ("ASSAULT", "", "?", "asserted")),
]


@pytest.mark.parametrize(("text", "expected"), MEANS, ids=[c[0][:40] for c in MEANS])
def test_a_by_phrase_of_means_is_no_party(summaries, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in summaries(text), summaries(text)


# Whoever claims responsibility for an act did it; denying it names no one.
CLAIMS = [
    (
        "Al-Shabaab fighters claimed responsibility on Sunday for the assault on a Nairobi mall.",
        "SOM",
    ),
    ("The Taliban have claimed responsibility for the bombing in Kabul.", "AFG"),
    ("Boko Haram accepted responsibility for the attack on the barracks in Maiduguri.", "NGA"),
]


@pytest.mark.parametrize(("text", "country"), CLAIMS, ids=[c[0][:40] for c in CLAIMS])
def test_the_claimant_did_the_act(mentions_of, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assaults = [m for m in mentions_of(text) if m.kind.event_type == "ASSAULT"]
    assert [[a.country for a in m.actors] for m in assaults] == [[country]]


def test_a_denial_names_no_actor(mentions_of) -> None:  # type: ignore[no-untyped-def]
    text = "The army denied responsibility for the shelling of the market in Aleppo."
    assaults = [m for m in mentions_of(text) if m.kind.event_type == "ASSAULT"]
    assert all(not m.actors for m in assaults), assaults


# An event noun's "targeting X" / "aimed at X" clause names its recipient.
AIMED = [
    ("Two soldiers died in an attack targeting a Malian army base.", "MLI"),
    ("Police reported a raid aimed at Palestinian fighters in Jenin.", "PSE"),
]


@pytest.mark.parametrize(("text", "country"), AIMED, ids=[c[0][:40] for c in AIMED])
def test_whom_an_act_targets_receives_it(mentions_of, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    found = [[r.country for r in m.recipients] for m in mentions_of(text)]
    assert [country] in found, found


# A weapon named as the agent of a passive is no actor: whoever fired it is, or whoever a
# name or demonym on it says it belongs to; else the act has no actor.
WEAPONS = [
    ("The village was struck by rockets fired by Hezbollah.", ["LBN"]),
    ("The jet was shot down by a missile believed to be fired by Houthi rebels.", ["YEM"]),
    ("Two soldiers were killed by an Israeli missile near Rafah.", ["ISR"]),
    ("Two children were killed by a mortar shell in Aleppo.", []),
]


@pytest.mark.parametrize(("text", "countries"), WEAPONS, ids=[c[0][:40] for c in WEAPONS])
def test_a_weapon_is_no_actor(mentions_of, text: str, countries: list[str]) -> None:  # type: ignore[no-untyped-def]
    (assault,) = [m for m in mentions_of(text) if m.kind.event_type == "ASSAULT"]
    assert [a.country for a in assault.actors] == countries, assault.actors


# "The envoys of A, B and C presented credentials to D": one meeting of each envoy with D.
CREDENTIALS = [
    (
        "The ambassadors of France, Italy and Spain presented their credentials to Kenya's "
        "president on Wednesday.",
        ("CONSULT", "ESP,FRA,ITA", "KEN", "asserted"),
    ),
    (
        "The new Kenyan ambassador presented his credentials to the Peruvian president.",
        ("CONSULT", "KEN", "PER", "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CREDENTIALS, ids=[c[0][:40] for c in CREDENTIALS])
def test_presenting_credentials_is_a_meeting(summaries, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in summaries(text), summaries(text)


# Sealing off an area restricts movement (191); the named place of an unnamed object
# ("the roads leading into X") receives it.
CORDONS = [
    (
        "Chilean troops cordoned off two mountain roads leading into Bolivia near Arica.",
        ("COERCE", "CHL", "BOL", "asserted"),
    ),
    (
        "Chilean police cordoned off the main roads leading into Bolivia on Friday.",
        ("COERCE", "CHL", "BOL", "asserted"),
    ),
    (
        "Police cordoned off the streets around the parliament in Lima.",
        ("COERCE", "PER", "PER", "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CORDONS, ids=[c[0][:40] for c in CORDONS])
def test_a_cordoned_place_receives_the_restriction(summaries, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in summaries(text), summaries(text)


def test_where_a_road_leads_is_a_place_whatever_its_tag(mentions_of) -> None:  # type: ignore[no-untyped-def]
    text = "Chilean troops cordoned off two mountain roads leading into Eastmarch."
    (cordon,) = [m for m in mentions_of(text) if m.kind.event_type == "COERCE"]
    assert [r.text for r in cordon.recipients] == ["Eastmarch"]


def test_plural_attacks_targeting_someone_are_a_series_not_an_act(mentions_of) -> None:  # type: ignore[no-untyped-def]
    text = "The commander is responsible for roadside bomb attacks targeting Afghan police."
    assert not [m for m in mentions_of(text) if m.kind.event_type == "ASSAULT" and m.recipients]


def test_a_folded_members_words_are_no_party_of_their_own(mentions_of) -> None:  # type: ignore[no-untyped-def]
    text = "Chile, Peru and the evil awful Bolivia welcomed a resumption of ties with Cuba."
    (welcome,) = [m for m in mentions_of(text) if m.kind.event_type == "SUPPORT"]
    assert [a.country for a in welcome.actors] == ["CHL", "PER", "BOL"], welcome.actors


def test_two_clauses_joined_by_a_comma_keep_their_subject(summaries) -> None:  # type: ignore[no-untyped-def]
    found = summaries("Protesters marched through Lima, were dispersed by police.")
    assert ("PROTEST", "PER", "PER", "asserted") in found, found
