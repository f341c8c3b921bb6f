"""Where an event happened: places attached to its trigger in the parse (real spaCy model)."""

from __future__ import annotations

import pytest

from whimbrel.extract.attach_places import attached_places

pytestmark = pytest.mark.slow
REPORTING = frozenset({"say", "report", "tell", "confirm"})


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from whimbrel.config import Settings
    from whimbrel.nlp.model import load_model

    return load_model(Settings().model).nlp


def places_of(nlp, text: str, trigger: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return [s.text for s in attached_places(token, reporting=REPORTING, exclude=frozenset())]


# (sentence, trigger word, the place that must come first)
CASES = [
    ("Gunmen killed three farmers in Kano on Tuesday.", "killed", "Kano"),
    (
        "Insurgents overran the lakeside town of Goma following days of clashes.",
        "overran",
        "Goma",
    ),
    ("Two policemen were shot dead in the city of Peshawar.", "shot", "Peshawar"),
    ("The activist was arrested during a protest in Minsk.", "arrested", "Minsk"),
    ("Troops killed two militants and wounded four in Mosul.", "killed", "Mosul"),
    (
        "A roadside blast killed six travellers close to the frontier town of Chaman.",
        "killed",
        "Chaman",
    ),
    ("Police detained the suspect at a checkpoint outside Lagos.", "detained", "Lagos"),
    ("On Sunday troops patrolled the empty streets of Bamako.", "patrolled", "Bamako"),
    ("Protesters marched through Santiago to the presidential palace.", "marched", "Santiago"),
    ("A car bomb in Kirkuk killed four soldiers.", "killed", "Kirkuk"),
    (
        "Three traders were killed as gunmen stormed a crowded market in Maiduguri.",
        "killed",
        "Maiduguri",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "place"), CASES)
def test_first_attached_place(nlp, text, trigger, place):  # type: ignore[no-untyped-def]
    found = places_of(nlp, text, trigger)
    assert found and place in found[0], found


def test_finer_place_comes_before_its_region(nlp):  # type: ignore[no-untyped-def]
    found = places_of(
        nlp, "Forces arrested two men in Marjah district, Helmand province.", "arrested"
    )
    assert found[0].startswith("Marjah") and "Helmand" in found[1], found


def test_places_of_the_reporter_are_not_the_event_s(nlp):  # type: ignore[no-untyped-def]
    found = places_of(
        nlp,
        "The minister told reporters in Paris that troops had attacked a base near Gao.",
        "attacked",
    )
    assert found[:1] == ["Gao"] and "Paris" not in found, found


def test_origin_of_the_subject_is_not_the_event_place(nlp):  # type: ignore[no-untyped-def]
    found = places_of(nlp, "A trader from Accra was robbed last week in Kumasi.", "robbed")
    assert found[:1] == ["Kumasi"] and "Accra" not in found, found


@pytest.mark.parametrize(
    ("text", "trigger", "first"),
    [
        (
            "NAIROBI, Kenya (March 3, 2021) - Police arrested a journalist in Mombasa.",
            "arrested",
            "Mombasa",
        ),
        # The parser hangs a wire dateline on the first verb; it is where the story was filed.
        (
            "WASHINGTON, May 3 (Reuters) - US warplanes struck rebel targets in Yemen on Friday.",
            "struck",
            "Yemen",
        ),
        (
            "ROME, June 9 (AP) - Border guards turned back two boats near Lampedusa on Sunday.",
            "turned",
            "Lampedusa",
        ),
    ],
)
def test_dateline_place_is_not_attached(nlp, text, trigger, first):  # type: ignore[no-untyped-def]
    assert places_of(nlp, text, trigger)[:1] == [first]


# A place only deep in the event's clause is still its place when nothing nearer names one.
DEEP_CASES = [
    ("One guard was shot while escorting aid trucks to a camp in Dadaab.", "shot", "Dadaab"),
    (
        "A cyclist was killed and his son hurt while crossing a bridge in Kisumu.",
        "killed",
        "Kisumu",
    ),
    # The small model labels these towns PERSON or NORP; a one-word name in a phrase of where
    # still counts (the gazetteer later keeps only the names it knows).
    (
        "A farmer was killed on Friday while planting mines to kill soldiers in Taji.",
        "killed",
        "Taji",
    ),
    (
        "A pickup rigged with dynamite and abandoned in the centre of Florencia was detonated "
        "at noon.",
        "detonated",
        "Florencia",
    ),
    ("A driver was killed while placing a bomb to kill police in Samarra.", "killed", "Samarra"),
    # A direction places the town it names relative to the phrase of where.
    ("A grocer was shot at his stall in a village northeast of Kirkuk.", "shot", "Kirkuk"),
    ("Gunmen fatally shot two guards in a hamlet southwest of Mosul on Monday.", "shot", "Mosul"),
]


@pytest.mark.parametrize(("text", "trigger", "place"), DEEP_CASES)
def test_place_deep_in_the_clause_is_a_fallback(nlp, text, trigger, place):  # type: ignore[no-untyped-def]
    found = places_of(nlp, text, trigger)
    assert found and place in found[0], found


@pytest.mark.parametrize(
    ("text", "trigger", "place", "absent"),
    [
        (
            "Two men who had bought weapons in Tripoli were arrested at a checkpoint in Sabha.",
            "arrested",
            "Sabha",
            "Tripoli",
        ),
        (
            "Officials in Geneva said that soldiers had been killed while guarding a convoy in "
            "Juba.",
            "killed",
            "Juba",
            "Geneva",
        ),
    ],
)
def test_fallback_skips_relative_and_source_clauses(nlp, text, trigger, place, absent):  # type: ignore[no-untyped-def]
    found = places_of(nlp, text, trigger)
    assert found[:1] == [place] and absent not in " ".join(found), found


# A phrase opening the sentence frames its events; the "of" phrase with its own noun of area
# is the container of the name before the noun. Sentences are ours.
OPENING_AND_CONTAINER_CASES = [
    (
        "In Lisbon, some 5,000 nurses, many wearing their white uniforms, marched to demand"
        " better pay.",
        "marched",
        "Lisbon",
    ),
    (
        "Soldiers shot dead two smugglers near the Tork area of Khyber district on Monday.",
        "shot",
        "Tork",
    ),
    (
        "Rebels shelled the Aleppo district of Salaheddine overnight.",
        "shelled",
        "Salaheddine",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "place"), OPENING_AND_CONTAINER_CASES)
def test_opening_place_and_of_container(nlp, text, trigger, place):  # type: ignore[no-untyped-def]
    found = places_of(nlp, text, trigger)
    assert found and place in found[0], found


def test_an_opening_place_does_not_place_a_reported_event(nlp):  # type: ignore[no-untyped-def]
    text = "In Geneva, the agency's spokeswoman said gunmen had killed four aid workers."
    assert places_of(nlp, text, "killed") == []


@pytest.mark.parametrize(
    ("text", "trigger", "places"),
    [
        # the sea places the boats of the act beside it, not the condemnation
        (
            "The rebels condemned the raids and vowed to strike Saudi tankers in the Red Sea.",
            "condemned",
            [],
        ),
        # a place hung on the coordinated verb itself places both acts
        ("Police detained two men and seized rifles in Mombasa.", "detained", ["Mombasa"]),
    ],
)
def test_a_coordinated_act_keeps_its_objects_places(nlp, text, trigger, places):  # type: ignore[no-untyped-def]
    assert places_of(nlp, text, trigger) == places
