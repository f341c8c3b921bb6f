"""Wire-service datelines in their looser forms (extract/clauses.py); lines are ours."""

from __future__ import annotations

import pytest

from whimbrel.extract.clauses import find_dateline


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        (
            "Quito (Ecuador), 4 Mar 91 (Radio Quito) -- [Text] Farmers blocked roads.",
            "Quito",
            "4 Mar 91",
        ),
        (
            "Ciudad del Este, 9 Jun 90 (ABC Color) -- [Report] The strike went on.",
            "Ciudad del Este",
            "9 Jun 90",
        ),
        ("Santa cruz, 2 feb 90 (efe) -- [text] two guards were hurt.", "Santa cruz", "2 feb 90"),
        (
            "Rio de janeiro (brazil), 5 may 90 (efe) -- [text] a bus was burned.",
            "Rio de janeiro",
            "5 may 90",
        ),
        ("Caracas, no date (radio rumbos) -- [text] the minister spoke.", "Caracas", None),
    ],
)
def test_wire_datelines_in_looser_forms(text, place, date):
    found = find_dateline(text)
    assert found is not None and found.place.text == place
    assert (found.date.text if found.date else None) == date


@pytest.mark.parametrize(
    "text",
    [
        "Talks in Quito, 4 Mar (Monday) - ended without a deal.",
        "Officials said on 4 Mar 91 -- before the vote -- that ballots were ready.",
        # Without the agency in brackets a line is not taken for a wire dateline.
        "Quito, 4 Mar 91 -- the talks resumed.",
    ],
)
def test_sentences_are_not_wire_datelines(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Nairobi, Kenya - Riot police fired tear gas at students on Friday.", "Nairobi, Kenya"),
        ("Gaza City, Gaza Strip — Shelling resumed overnight.", "Gaza City, Gaza Strip"),
        ("Kano, Nigeria – Gunmen seized a bus.\n\nThe army gave chase.", "Kano, Nigeria"),
        # a real place written so is a dateline, as wire style has it
        ("Paris, Texas - A tornado flattened two barns.", "Paris, Texas"),
    ],
)
def test_mixed_case_datelines(text, place):
    found = find_dateline(text)
    assert found is not None and found.place.text == place and found.date is None


@pytest.mark.parametrize(
    "text",
    [
        # no region: a name and a dash open ordinary sentences too
        "Nairobi - the capital - saw more protests.",
        "Meanwhile, Kenya - which hosts the talks - urged calm.",
        "The talks in Nairobi, Kenya - a regional hub - went on.",
        "Odinga, Ruto and Kalonzo met on Friday.",
    ],
)
def test_sentences_are_not_mixed_case_datelines(text):
    assert find_dateline(text) is None
