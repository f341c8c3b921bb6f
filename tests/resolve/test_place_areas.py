"""Well-known areas, region demonyms and region points: places.yaml's areas and region_demonyms
sections, and how the gazetteer builder places regions."""

from __future__ import annotations

import pytest

from whimbrel.lexicon import places as places_validator
from whimbrel.resolve.gazetteer_areas import area_id
from whimbrel.resolve.gazetteer_build import _Members
from whimbrel.resolve.places import Gazetteer, resolve_place, resolve_story_places


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("text", "name", "country", "resolution", "feature_class"),
    [
        ("Darfur", "Darfur", "SDN", 2, "L"),
        ("Siberia", "Siberia", "RUS", 2, "L"),
        ("western Siberia", "Siberia", "RUS", 2, "L"),
        ("the Balkans", "Balkans", None, 0, "L"),
        ("the Sahel", "Sahel", None, 0, "L"),
        ("Patagonia", "Patagonia", None, 0, "L"),
        ("the Black Sea", "Black Sea", None, 0, "H"),
        ("Gulf of Mexico", "Gulf of Mexico", None, 0, "H"),
        ("the Urals", "Ural Mountains", "RUS", 2, "T"),
        ("Eastern Europe", "Eastern Europe", None, 0, "L"),
        ("Java", "Java", "IDN", 2, "L"),
        ("the Korean peninsula", "Korean Peninsula", None, 0, "L"),
    ],
)
def test_well_known_area_outranks_a_homonym(
    gazetteer, text, name, country, resolution, feature_class
):
    place = resolve_place(text, gazetteer=gazetteer)
    assert place is not None, text
    assert (place.name, place.country, place.resolution, place.feature_class) == (
        name,
        country,
        resolution,
        feature_class,
    )
    assert place.geonameid == area_id(name) < 0


def test_area_demonym_names_the_area(gazetteer):
    place = resolve_place("Central American", gazetteer=gazetteer)
    assert place is not None and place.name == "Central America"


def test_area_ids_are_stable_and_distinct():
    assert area_id("Darfur") == area_id("darfur") < 0
    assert area_id("Darfur") != area_id("Siberia")


@pytest.mark.parametrize(
    ("word", "region", "country"),
    [
        ("English", "England", "GBR"),
        ("Scottish", "Scotland", "GBR"),
        ("Welsh", "Wales", "GBR"),
        ("Abkhaz", "Abkhazia", "GEO"),
    ],
)
def test_region_demonym_names_the_region(gazetteer, word, region, country):
    place = resolve_place(word, gazetteer=gazetteer)
    assert place is not None, word
    assert (place.name, place.country, place.resolution) == (region, country, 2)


def test_british_still_names_the_kingdom(gazetteer):
    place = resolve_place("British", gazetteer=gazetteer)
    assert place is not None and (place.country, place.resolution) == ("GBR", 1)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [("Platte Co.", "Platte County", "USA"), ("Co. Cork", "Cork", "IRL")],
)
def test_co_abbreviates_county(gazetteer, text, name, country):
    place = resolve_place(text, gazetteer=gazetteer)
    assert place is not None and (place.name, place.country) == (name, country)


@pytest.mark.parametrize(
    ("text", "city"), [("White House", "Washington"), ("the Kremlin", "Moscow")]
)
def test_seat_of_government_is_its_city(gazetteer, text, city):
    place = resolve_place(text, gazetteer=gazetteer)
    assert place is not None and place.name == city


def test_people_of_a_big_city_named_with_ites(gazetteer):
    place = resolve_place("Denverites", gazetteer=gazetteer)
    assert place is not None and (place.name, place.method) == ("Denver", "gazetteer:demonym")


def test_kosovo_has_a_position(gazetteer):
    place = resolve_place("Kosovo", gazetteer=gazetteer)
    assert place is not None and place.lat is not None and place.lon is not None


def test_far_town_of_a_region_makes_its_eponymous_name_the_region(gazetteer):
    # Gatineau lies in Quebec far from Quebec City: "Quebec" beside it is the province.
    _, quebec = resolve_story_places(["Gatineau", "Quebec"], gazetteer=gazetteer)
    assert quebec is not None and (quebec.country, quebec.resolution) == ("CAN", 2)
    # A town near the eponymous city keeps the city: Ikeja is in Lagos.
    _, lagos = resolve_story_places(["Ikeja", "Lagos"], gazetteer=gazetteer)
    assert lagos is not None and lagos.resolution == 4


def test_region_centre_is_the_middle_of_its_towns_extent():
    members = _Members()
    for lat, lon in ((10.0, 20.0), (12.0, 24.0), (11.0, 21.0)):
        members.add(lat, lon, 1000)
    assert members.centre() == (11.0, 22.0)
    assert _Members().centre() is None


def test_region_across_the_antimeridian_sits_between_its_towns():
    # Towns at 175 E and 175 W: the region lies at 180, not at the Greenwich meridian.
    members = _Members()
    members.add(65.0, 175.0, 1000)
    members.add(67.0, -175.0, 1000)
    lat, lon = members.centre() or (None, None)
    assert lat == 66.0 and abs(abs(lon) - 180.0) < 1e-9


def test_validator_lists_every_area_problem():
    raw = {
        "areas": [
            {"names": ["Somewhere"], "lat": 95.0, "lon": 0.0},
            {"names": [], "lat": 1.0, "lon": 1.0},
            {"names": ["Elsewhere"], "lat": 1.0, "lon": 1.0, "feature_class": "Q"},
            {"names": ["Yonder"], "lat": 1.0, "lon": 1.0, "country": "xx"},
            {"names": ["Thither"], "lat": 1.0, "lon": 1.0, "colour": "red"},
        ],
        "region_demonyms": {"gbr": {"England": ["English"]}, "FRA": {"Bretagne": []}},
    }
    _, problems = places_validator.compile(raw)
    joined = "\n".join(problems)
    for fragment in ("95.0", "at least one name", "'Q'", "'xx'", "colour", "gbr", "Bretagne"):
        assert fragment in joined, fragment


@pytest.mark.parametrize(
    ("text", "name"),
    [("Kharbet of Nuwakot", "Nuwakot"), ("Qala Tamsin of Kabul", "Kabul")],
)
def test_unknown_place_of_a_known_area_takes_the_area(gazetteer, text, name):
    place = resolve_place(text, gazetteer=gazetteer)
    assert place is not None and place.name == name, place


@pytest.mark.parametrize("text", ["Bay of Tumbrel", "the Duke of Nuwakot", "Gulf of Kabul"])
def test_water_or_title_of_an_area_is_not_in_it(gazetteer, text):
    assert resolve_place(text, gazetteer=gazetteer) is None


@pytest.mark.parametrize(
    ("text", "name"), [("Bay of Bengal", "Bay of Bengal"), ("Sea of Japan", "Sea of Japan")]
)
def test_named_waters_are_areas(gazetteer, text, name):
    place = resolve_place(text, gazetteer=gazetteer)
    assert place is not None and (place.name, place.feature_class) == (name, "H")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("N. Korea", "North Korea"),
        ("W. Columbia, S.C.", "West Columbia"),
        ("W. Va.", "West Virginia"),
        ("W.Va.", "West Virginia"),
    ],
)
def test_abbreviated_compass_words(gazetteer, text, name):
    place = resolve_place(text, gazetteer=gazetteer)
    assert place is not None and place.name == name, place


@pytest.mark.parametrize(
    ("text", "name"),
    [("WA", "Washington"), ("PA", "Pennsylvania"), ("MO", "Missouri"), ("LA", "Los Angeles")],
)
def test_capital_code_is_a_region_abbreviation_not_a_town(gazetteer, text, name):
    place = resolve_place(text, gazetteer=gazetteer, context_countries=("USA",))
    assert place is not None and place.name == name, place


@pytest.mark.parametrize(("text", "city"), [("Heathrow", "London"), ("O'Hare", "Chicago")])
def test_major_airport_is_its_city(gazetteer, text, city):
    place = resolve_place(text, gazetteer=gazetteer)
    assert place is not None and place.name == city


@pytest.mark.parametrize("text", ["san", "Santa", "St."])
def test_first_word_of_a_name_alone_is_no_place(gazetteer, text):
    assert resolve_place(text, gazetteer=gazetteer) is None


def test_name_with_its_first_word_still_resolves(gazetteer):
    place = resolve_place("san salvador", gazetteer=gazetteer)
    assert place is not None and place.country == "SLV"
