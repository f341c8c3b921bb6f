"""Which gazetteer entries a place name may mean: compass words, nouns of area, demonyms of
regions and cities, abbreviations against aliases (names and places we chose)."""

from __future__ import annotations

import pytest

from whimbrel.resolve.place_candidates import candidates, names_a_kind_of_place
from whimbrel.resolve.places import Gazetteer, resolve_place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


# (name, country, resolution, method): a compass word before a country or region keeps that
# area; a name that is itself a country or region keeps its own sense.
COMPASS_CASES = [
    ("South Lebanon", "LBN", 1, "gazetteer:compass"),
    ("southern Lebanon", "LBN", 1, "gazetteer:compass"),
    ("northern Afghanistan", "AFG", 1, "gazetteer:compass"),
    ("north-east Nigeria", "NGA", 1, "gazetteer:compass"),
    ("Southern California", "USA", 2, "gazetteer:compass"),
    ("North London", "GBR", 4, "gazetteer:compass"),
    ("South Africa", "ZAF", 1, "gazetteer:country"),
    ("West Virginia", "USA", 2, "gazetteer:region"),
    ("North Korea", "PRK", 1, "gazetteer:country"),
]


@pytest.mark.parametrize(("text", "country", "resolution", "method"), COMPASS_CASES)
def test_compass_word_keeps_the_area(gazetteer, text, country, resolution, method):
    place = resolve_place(text, gazetteer=gazetteer)
    assert place is not None, text
    assert (place.country, place.resolution, place.method) == (country, resolution, method)


def test_compass_word_does_not_make_a_village_of_a_building(gazetteer):
    # "Wing" is an English village; "the West Wing" is part of a building.
    assert resolve_place("West Wing", gazetteer=gazetteer) is None


@pytest.mark.parametrize(
    ("text", "country", "resolution"),
    [
        ("Montenegro province", "MNE", 1),
        ("Lebanon region", "LBN", 1),
        ("Aleppo Governorate", "SYR", 2),
        ("Punjab province", "PAK", 2),
    ],
)
def test_noun_of_area_after_a_country_keeps_the_country(gazetteer, text, country, resolution):
    place = resolve_place(text, gazetteer=gazetteer, context_countries=(country,))
    assert place is not None and (place.country, place.resolution) == (country, resolution)


@pytest.mark.parametrize(
    ("word", "country", "resolution"),
    [
        ("Ontarians", "CAN", 2),
        ("Ohioans", "USA", 2),
        ("Texan", "USA", 2),
        ("Dagestani", "RUS", 2),
        ("Punjabi", "PAK", 2),
        ("Sicilian", "ITA", 2),
        ("Londoners", "GBR", 4),
        ("New Yorkers", "USA", 2),
    ],
)
def test_demonym_of_a_region_or_city(gazetteer, word, country, resolution):
    place = resolve_place(word, gazetteer=gazetteer)
    assert place is not None, word
    assert (place.country, place.resolution, place.method) == (
        country,
        resolution,
        "gazetteer:demonym",
    )


@pytest.mark.parametrize(
    "word",
    ["Republicans", "Sunnis", "Christians", "Maoists", "Democrats", "Mohammad", "Further", "Nad"],
)
def test_words_for_groups_are_not_demonyms_of_places(gazetteer, word):
    assert resolve_place(word, gazetteer=gazetteer) is None


def test_country_demonym_keeps_its_country(gazetteer):
    # "Georgian" is Georgia's demonym, not a stem of the US state.
    place = resolve_place("Georgian", gazetteer=gazetteer)
    assert place is not None and place.country == "GEO"


@pytest.mark.parametrize(
    ("text", "name_fragment", "how"),
    [("L.A.", "Los Angeles", "alias"), ("Kan.", "Kansas", "abbreviation")],
)
def test_alias_wins_over_a_region_abbreviation(gazetteer, text, name_fragment, how):
    found, method = candidates(text, gazetteer)
    assert found and any(name_fragment in n.entry.name for n in found)
    place = resolve_place(text, gazetteer=gazetteer)
    assert place is not None and name_fragment in (place.name or "")
    assert place.method == f"gazetteer:{how}"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Hamilton Township", "USA"),
        ("Readington Twp.", None),
        ("T&T", "TTO"),
        ("the Yemeni coast", "YEM"),
    ],
)
def test_township_and_short_country_names(gazetteer, text, country):
    place = resolve_place(text, gazetteer=gazetteer, context_countries=("USA",))
    assert (place.country if place is not None else None) == country


@pytest.mark.parametrize(
    ("text", "framed"),
    [
        ("the village of Qaryat", True),
        ("Zarghun district", True),
        ("Dunmore Township", True),
        ("Qalat district headquarters", True),
        ("the ICRC offices", False),
        ("the Nour mosque", False),
        ("Kabul", False),
    ],
)
def test_only_nouns_of_area_name_a_kind_of_place(gazetteer, text, framed):
    assert names_a_kind_of_place(text, gazetteer) is framed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A compass word before a noun of area says where in a place named after it.
        ("the western department", None),
        ("the eastern department", None),
        # An area so named is found under its own name.
        ("Eastern Province", "Eastern Province"),
    ],
)
def test_a_compass_word_and_a_noun_of_area_name_no_area(gazetteer, text, expected):
    place = resolve_place(text, gazetteer=gazetteer)
    assert (place.name if place else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A body's name before a noun of site is its owner, and no word of it is a place.
        ("the Liberal Reform Party headquarters", None),
        ("the National Unity Front offices", None),
        # A town before a noun of site stays the town.
        ("Kandahar army base", "AFG"),
        ("Bagram air base", "AFG"),
    ],
)
def test_a_body_before_a_noun_of_site_is_no_place(gazetteer, text, expected):
    place = resolve_place(text, gazetteer=gazetteer)
    assert (place.country if place else None) == expected
