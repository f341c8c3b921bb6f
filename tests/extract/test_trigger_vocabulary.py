"""Trigger rows and rules added for coverage, each on a sentence we wrote (real pipeline).

Each row: (sentence, PLOVER type and CAMEO code that must be among its mentions).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

FOUND = [
    # joint exercises and training are military cooperation; intelligence sharing is 064
    ("Peru and Chile held joint maneuvers along the Pacific coast.", ("COOPERATE", "062")),
    ("Norway and Sweden staged joint manoeuvres near Tromso.", ("COOPERATE", "062")),
    ("Ghanaian and Nigerian marines began joint training in Lagos.", ("COOPERATE", "062")),
    ("Spain and Morocco expanded intelligence sharing last year.", ("COOPERATE", "064")),
    # aid packages signed or unveiled, debt relief granted, aid transferred
    ("Japan approved an aid package for Bangladesh on Monday.", ("AID", "070")),
    ("The World Bank unveiled a relief package for Haiti.", ("AID", "070")),
    ("The creditors granted debt relief to Zambia.", ("AID", "071")),
    ("Qatar transferred ten million dollars in aid to Sudan.", ("AID", "070")),
    # halting one's own attacks is a ceasefire
    ("The insurgents halted their attacks on Kandahar.", ("RETREAT", "0871")),
    ("The rebels suspended their offensive against Goma.", ("RETREAT", "0871")),
    ("The Ethiopian army stopped the shelling of Eritrean villages.", ("RETREAT", "0871")),
    ("The militia ceased hostilities against Chad.", ("RETREAT", "0871")),
    ("Armenia and Azerbaijan ended the fighting along the border.", ("RETREAT", "0871")),
]

# An act named as what another trigger ends is no event of its own (sentence, absent type).
ENDED = [
    ("The insurgents halted their attacks on Kandahar.", "ASSAULT"),
    ("Israel lifted the blockade of Gaza on Friday.", "COERCE"),
    ("Ghana broke off the talks with the Togolese government.", "CONSULT"),
]


@pytest.mark.parametrize(("text", "event"), FOUND, ids=[c[0][:30] for c in FOUND])
def test_added_vocabulary_codes_the_event(text: str, event: tuple[str, str], mentions_of) -> None:
    found = [(m.kind.event_type, m.kind.cameo_code) for m in mentions_of(text)]
    assert event in found, found


@pytest.mark.parametrize(("text", "absent"), ENDED, ids=[c[0][:30] for c in ENDED])
def test_an_ended_act_is_no_event_of_its_own(text: str, absent: str, mentions_of) -> None:
    found = [m.kind.event_type for m in mentions_of(text)]
    assert found and absent not in found, found


# Fighting an abuse, a disease or a crime wave is no armed fight (sentence with no ASSAULT).
NOT_FIGHTS = [
    "The new commission was set up to fight human rights violations in the mines.",
    "Kenya asked donors for money for the fight against malaria.",
    "The two banks joined the fight against unemployment in Ghana.",
]


@pytest.mark.parametrize("text", NOT_FIGHTS, ids=[c[:30] for c in NOT_FIGHTS])
def test_fighting_an_abuse_is_no_assault(text: str, mentions_of) -> None:
    assert "ASSAULT" not in [m.kind.event_type for m in mentions_of(text)]


MORE_FOUND = [
    # joint inquiries are judicial cooperation; alliances are cooperation
    (
        "Mexico and Guatemala launched a joint investigation into arms smuggling.",
        ("COOPERATE", "063"),
    ),
    ("Mali and Niger forged a military alliance against the insurgents.", ("COOPERATE", "062")),
    ("The Libyan rebel groups formed an alliance with Chad.", ("COOPERATE", "060")),
    # bailouts and disbursed funds are economic aid
    ("The IMF approved a bailout for Sri Lanka.", ("AID", "071")),
    ("The World Bank disbursed funds to Malawi for drought relief.", ("AID", "071")),
]


@pytest.mark.parametrize(("text", "event"), MORE_FOUND, ids=[c[0][:30] for c in MORE_FOUND])
def test_more_vocabulary_codes_the_event(text: str, event: tuple[str, str], mentions_of) -> None:
    found = [(m.kind.event_type, m.kind.cameo_code) for m in mentions_of(text)]
    assert event in found, found


# Exercises held with another state's forces are military cooperation; alone, mobilisation.
EXERCISES = [
    ("Peru held military drills with Chilean troops.", ("COOPERATE", "062")),
    ("Egypt held naval exercises with Greece off Crete.", ("COOPERATE", "062")),
    ("Finland held manoeuvres alongside Swedish units in Lapland.", ("COOPERATE", "062")),
    ("Iran held military exercises near the Strait of Hormuz.", ("MOBILIZE", "150")),
]


@pytest.mark.parametrize(("text", "event"), EXERCISES, ids=[c[0][:30] for c in EXERCISES])
def test_exercises_with_a_partner_are_cooperation(
    text: str, event: tuple[str, str], mentions_of
) -> None:
    found = [(m.kind.event_type, m.kind.cameo_code) for m in mentions_of(text)]
    assert event in found, found


# Amassing is a mobilization only of forces or arms (sentence, whether MOBILIZE 154 is coded).
AMASSED = [
    ("Russia amassed troops and tanks along the Ukrainian border.", True),
    ("The senator amassed more delegates than her rival in Ohio.", False),
]


@pytest.mark.parametrize(("text", "coded"), AMASSED, ids=[c[0][:30] for c in AMASSED])
def test_amassing_is_mobilizing_only_forces(text: str, coded: bool, mentions_of) -> None:
    found = [(m.kind.event_type, m.kind.cameo_code) for m in mentions_of(text)]
    assert (("MOBILIZE", "154") in found) is coded, found


# A blocker reads the noun a past participle describes: a study released by a museum is no
# release of people; prisoners released by rebels are (sentence, whether RETREAT 0841 is coded).
RELEASED = [
    ("In a report released by the museum on Monday, biologists described a new frog.", False),
    ("Prisoners released by the rebels reached Goma on Monday.", True),
]


@pytest.mark.parametrize(("text", "coded"), RELEASED, ids=[c[0][:30] for c in RELEASED])
def test_a_blocker_reads_the_described_noun(text: str, coded: bool, mentions_of) -> None:
    found = [(m.kind.event_type, m.kind.cameo_code) for m in mentions_of(text)]
    assert (("RETREAT", "0841") in found) is coded, found


CONFERRED = [
    ("She holds the Order of the Star, an honour conferred by the president of Ghana.", False),
    ("The king conferred a knighthood on the retired general.", False),
    ("The Kenyan president conferred with Ugandan envoys on Monday.", True),
]


@pytest.mark.parametrize(("text", "coded"), CONFERRED, ids=[c[0][:30] for c in CONFERRED])
def test_conferring_an_honour_is_no_consultation(text: str, coded: bool, mentions_of) -> None:
    found = [m.kind.event_type for m in mentions_of(text)]
    assert ("CONSULT" in found) is coded, found
