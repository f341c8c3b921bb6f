"""How a story's place names place one another (story lists we made up)."""

from __future__ import annotations

import pytest

from whimbrel.resolve.place_candidates import candidates
from whimbrel.resolve.place_cohesion import nearby_support, shared_districts, shared_regions
from whimbrel.resolve.places import Gazetteer, resolve_story_places


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def readings(names: list[str], gazetteer: Gazetteer):  # type: ignore[no-untyped-def]
    return {name: candidates(name, gazetteer)[0] for name in names}


@pytest.mark.parametrize(
    ("names", "district"),
    [
        (["Paris", "Henry County"], ("Tennessee", "Henry County")),
        (["Athens", "Henderson County", "Dallas"], ("Texas", "Henderson County")),
        # Two towns of one county, but no county named: nothing is shared.
        (["Norway", "Mexico"], None),
        (["Washington", "Fairfax"], None),
    ],
)
def test_shared_district(gazetteer, names, district):
    found = shared_districts(readings(names, gazetteer))
    assert found == ([district] if district else [])


def test_town_and_its_county_resolve_together(gazetteer):
    places = resolve_story_places(["Paris", "Henry County", "Paris"], gazetteer=gazetteer)
    assert [p.admin1 for p in places if p] == ["Tennessee"] * 3


def test_shared_region_needs_two_names(gazetteer):
    both = readings(["Columbus", "Dublin", "Westerville"], gazetteer)
    assert shared_regions(both) == ["Ohio"]
    assert shared_regions(readings(["Columbus"], gazetteer)) == []


def test_rare_neighbour_supports_the_near_sense(gazetteer):
    support = nearby_support(readings(["Alexandria", "Pineville"], gazetteer))
    (louisiana,) = [
        n.entry.geonameid
        for n in candidates("Alexandria", gazetteer)[0]
        if n.entry.admin1 == "Louisiana" and n.entry.resolution == 4
    ]
    assert support["Alexandria"].get(louisiana, 0.0) > 0
    assert max(support["Alexandria"].values()) == support["Alexandria"][louisiana]


@pytest.mark.parametrize(
    ("names", "ambiguous", "country"),
    [
        (["Alabama", "Iowa", "Georgia"], "Georgia", "USA"),
        (["Ohio", "Texas", "Wyoming"], "Wyoming", "USA"),
        (["Tbilisi", "Georgia"], "Georgia", "GEO"),
    ],
)
def test_regions_listed_together_are_of_one_country(gazetteer, names, ambiguous, country):
    places = dict(zip(names, resolve_story_places(names, gazetteer=gazetteer), strict=True))
    place = places[ambiguous]
    assert place is not None and place.country == country


@pytest.mark.parametrize(
    ("names", "given", "name", "country"),
    [
        # "Jordan" alone is the country, but only its own reading put JOR in the context.
        (["Jordan", "Shakopee"], ["JOR", "USA"], "Jordan", "USA"),
        # Context the name did not bring stays: a Pakistani story's Hyderabad is in Sindh.
        (["Hyderabad"], ["PAK"], "Hyderabad", "PAK"),
        (["Pakistan"], ["PAK"], "Pakistan", "PAK"),
    ],
)
def test_a_name_is_no_evidence_for_itself(gazetteer, names, given, name, country):
    places = resolve_story_places(names, gazetteer=gazetteer, context_countries=given)
    place = dict(zip(names, places, strict=True))[name]
    assert place is not None and place.country == country


def test_a_name_made_sure_by_context_places_the_others(gazetteer):
    # Round one makes "Georgia" the state (beside Texas and America); round two puts Atlanta
    # in it rather than in Texas.
    names = ["Georgia", "Atlanta", "America", "Texas"]
    places = dict(zip(names, resolve_story_places(names, gazetteer=gazetteer), strict=True))
    assert places["Atlanta"] is not None and places["Atlanta"].admin1 == "Georgia"
