"""Security-news vocabulary and rules (issues #4, #6), each on a sentence we wrote (real
pipeline): arrests and killings named by a noun under a reporting or result verb, surrenders,
called-in strikes, forces engaging an enemy, and arrests whose agent the story implies."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# (sentence, PLOVER type and CAMEO code that must be among its mentions)
FOUND = [
    ("The army confirmed the capture of a rebel commander.", ("COERCE", "173")),
    ("Police apprehended three smugglers near the border.", ("COERCE", "173")),
    ("The raid resulted in the detention of four suspects.", ("COERCE", "173")),
    ("The night raid resulted in the death of a militant leader.", ("ASSAULT", "190")),
    ("A wanted commander turned himself in to the police on Sunday.", ("RETREAT", "0874")),
    ("Guerrillas dynamited a power pylon near the town.", ("ASSAULT", "183")),
    ("Troops engaged the militants near the village.", ("ASSAULT", "190")),
    ("The patrol called in a strike on the enemy position.", ("ASSAULT", "190")),
    ("The army launched an air strike targeting a rebel camp.", ("ASSAULT", "195")),
    # the captured are not the capturers: an arrest, not an abduction
    ("Four suspected rebels were captured by the police in Gulu.", ("COERCE", "173")),
    ("Rebels captured two soldiers near the border.", ("ASSAULT", "181")),
    # "called in" fire is no request, but "called on" still is one
    ("In a video message, the union called on Peru to free the miners.", ("REQUEST", "020")),
]

# (sentence, event type that must not be found): no labour strike, no request, no bare death
ABSENT = [
    ("Two air strikes were called in on the ridge near Herat.", "PROTEST"),
    ("Two air strikes were called in on the ridge near Herat.", "REQUEST"),
    ("Troops engaged in talks with the village elders.", "ASSAULT"),
    ("The death of the former president saddened Ghana.", "ASSAULT"),
    ("Since his capture in 2009 the commander has been in prison.", "COERCE"),
    # destroying seized arms or drugs disposes of them
    ("Customs officers destroyed two tonnes of seized cocaine in Durban.", "ASSAULT"),
    ("The patrol destroyed the weapons cache on site.", "ASSAULT"),
    # fighting a problem or a legal act is no armed fight
    ("Brazil and Peru signed a pact to fight global warming.", "ASSAULT"),
    ("The farmers vowed to fight the eviction in court.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "event"), FOUND, ids=[c[0][:30] for c in FOUND])
def test_security_vocabulary_codes_the_event(
    text: str,
    event: tuple[str, str],
    mentions_of,  # type: ignore[no-untyped-def]
) -> None:
    found = [(m.kind.event_type, m.kind.cameo_code) for m in mentions_of(text)]
    assert event in found, found


@pytest.mark.parametrize(("text", "absent"), ABSENT, ids=[f"{c[0][:30]}-{c[1]}" for c in ABSENT])
def test_security_vocabulary_leaves_other_readings(text: str, absent: str, mentions_of) -> None:  # type: ignore[no-untyped-def]
    found = [m.kind.event_type for m in mentions_of(text)]
    assert absent not in found, found


def test_acting_without_firing_is_no_firing(mentions_of) -> None:  # type: ignore[no-untyped-def]
    text = "Kenyan police searched the compound in Garissa without firing a shot."
    firing = [m for m in mentions_of(text) if m.trigger.text == "firing"]
    assert all(m.modality == "negated" for m in firing), firing


def test_agentless_arrest_is_by_the_state_the_story_last_named(summaries) -> None:  # type: ignore[no-untyped-def]
    text = "Soldiers searched a market in Peshawar on Friday. Two men were detained."
    assert ("COERCE", "PAK", "?", "asserted") in summaries(text)


def test_without_negates_only_the_act_it_governs(mentions_of) -> None:  # type: ignore[no-untyped-def]
    text = "A week passed without progress in the talks between Ghana and Togo."
    talks = [m for m in mentions_of(text) if m.trigger.text == "talks"]
    assert talks and all(m.modality != "negated" for m in talks), talks


def test_an_arrest_that_did_not_happen_takes_no_state_from_the_story(summaries) -> None:  # type: ignore[no-untyped-def]
    text = "Rioters burned cars in Nairobi on Monday. Those who loot should be arrested."
    assert not [s for s in summaries(text) if s[0] == "COERCE" and s[1] == "KEN"]


def test_an_agentless_inquiry_takes_no_state_from_the_story(summaries) -> None:  # type: ignore[no-untyped-def]
    text = "Rioters burned cars in Nairobi on Monday. The fires were investigated."
    assert not [s for s in summaries(text) if s[0] == "ACCUSE" and s[1] == "KEN"]
