"""Which sense of a name the text means (priors and context weights; names we chose)."""

from __future__ import annotations

import pytest

from whimbrel.resolve.place_candidates import candidates
from whimbrel.resolve.place_ranking import RankingContext, distance_km, ranked
from whimbrel.resolve.places import Gazetteer, resolve_place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(("text", "name"), [("Atlantic", "Atlantic Ocean"), ("Pacific", "Pacific")])
def test_ocean_outranks_a_town_named_after_it(gazetteer, text, name):
    place = resolve_place(text, gazetteer=gazetteer, context_countries=("USA",))
    assert place is not None and place.resolution == 0 and name in (place.name or "")


def test_context_district_outranks_population(gazetteer):
    found, _ = candidates("Paris", gazetteer)
    plain = ranked(found, gazetteer, RankingContext(countries=("USA",)))
    local = ranked(
        found,
        gazetteer,
        RankingContext(
            countries=("USA",),
            region_keys=frozenset({"tennessee"}),
            district_keys=frozenset({("tennessee", "henry county")}),
        ),
    )
    assert plain[0].named.entry.country == "FRA"
    assert local[0].named.entry.admin1 == "Tennessee"


def test_support_of_other_names_breaks_a_tie(gazetteer):
    found, _ = candidates("Springfield", gazetteer)
    plain = ranked(found, gazetteer, RankingContext(countries=("USA",)))
    illinois = next(n.entry for n in found if n.entry.admin1 == "Illinois")
    assert plain[0].named.entry.geonameid != illinois.geonameid  # not first on its own
    supported = ranked(
        found,
        gazetteer,
        RankingContext(countries=("USA",), sense_support={illinois.geonameid: 2.0}),
    )
    assert supported[0].named.entry.geonameid == illinois.geonameid


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [((33.72, 73.04), (34.53, 69.17), 367.0), ((0.0, 0.0), (0.0, 1.0), 111.2)],
)
def test_distance_km(a, b, km):
    assert abs(distance_km(*a, *b) - km) < 2.0


def test_the_dateline_country_breaks_a_close_call(gazetteer):
    # "San Benito" is a Guatemalan and a Texan town of similar size: a story filed from a
    # Texan town means the Texan one.
    found, _ = candidates("San Benito", gazetteer)
    plain = ranked(found, gazetteer, RankingContext())
    filed = ranked(found, gazetteer, RankingContext(home_country="USA"))
    assert plain[0].named.entry.country != "USA"
    assert filed[0].named.entry.country == "USA"


@pytest.mark.parametrize(("name", "country"), [("Cairo", "EGY"), ("Lima", "PER")])
def test_a_national_capital_outranks_a_small_namesake_in_a_story_filed_at_home(
    gazetteer, name, country
):
    # "WASHINGTON - ... Oman urged restraint at talks in Cairo": the US framing and dateline do
    # not make the capital of Egypt a town in Georgia.
    found, _ = candidates(name, gazetteer)
    best = ranked(found, gazetteer, RankingContext(countries=("USA",), home_country="USA"))
    assert best[0].named.entry.country == country
