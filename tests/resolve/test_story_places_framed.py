"""Story places the small model labels as organisations or persons (resolve/story_places.py):
a name followed by a noun of area is a place. Stories are ours."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.extract.clauses import find_dateline
from whimbrel.records import Article, EntityMention, ParsedStory, Span
from whimbrel.resolve.actor_lexicon import ActorLexicon
from whimbrel.resolve.places import Gazetteer
from whimbrel.resolve.story_places import (
    dominant_place,
    framed_names,
    story_places,
    untagged_areas,
)

ACTORS = ActorLexicon.default()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def story_with(text: str, labelled: list[tuple[str, str]]) -> ParsedStory:
    entities = []
    for name, label in labelled:
        start = text.index(name)
        entities.append(EntityMention(Span(start, start + len(name), name), label))
    article = Article(id="s", date=dt.date(2024, 5, 4), text=text)
    return ParsedStory(article=article, drafts=(), entities=tuple(entities))


@pytest.mark.parametrize(
    ("text", "labelled", "places"),
    [
        (
            "A bomb maker was held near Sabari Tani district, Khost province, on Monday.",
            [("Sabari Tani", "PERSON"), ("Khost", "ORG")],
            ["Sabari Tani district", "Khost province"],
        ),
        # A heading of a town and its province joined by a slash.
        (
            "Nawa/Helmand A patrol found a cache of rockets.",
            [("Nawa/Helmand", "PERSON")],
            ["Nawa/Helmand"],
        ),
        # An organisation followed by another noun is no place.
        ("The Taliban network claimed the attack.", [("Taliban", "ORG")], []),
        # A place entity is a place already; it is not listed again.
        ("Aid reached Herat province.", [("Herat", "GPE")], []),
    ],
)
def test_names_framed_by_a_noun_of_area_are_places(gazetteer, text, labelled, places):
    assert [s.text for s in framed_names(story_with(text, labelled), gazetteer)] == places


def test_a_mislabelled_province_is_the_story_fallback_place(gazetteer):
    text = "KABUL, Afghanistan (May 3, 2024) - Troops searched a compound in Khost province."
    story = story_with(text, [("Khost", "ORG")])
    places = story_places(
        story, gazetteer, ["AFG"], main="AFG", actors=ACTORS, dateline=find_dateline(text)
    )
    place = dominant_place(places)
    assert place is not None and place.text == "Khost province" and place.method == "story-dominant"


@pytest.mark.parametrize(
    ("text", "known", "areas"),
    [
        (
            "In Garmsir district, a patrol came under fire. Two insurgents were killed.",
            [],
            ["Garmsir district"],
        ),
        # Covered by an entity already: not listed twice.
        ("Aid reached Herat province on Monday.", [Span(12, 17, "Herat")], []),
        # A lower-case word before the noun is no name.
        ("Officials in the district said nothing.", [], []),
    ],
)
def test_untagged_areas_are_capitalised_names_before_a_word_of_area(gazetteer, text, known, areas):
    story = story_with(text, [])
    assert [s.text for s in untagged_areas(story, gazetteer, known=known)] == areas


@pytest.mark.parametrize(
    ("text", "admin1", "method"),
    [
        # The district's own reading lies in Ghazni; the text puts it in Helmand.
        ("Troops cleared compounds in Nawa district, Helmand province.", "Helmand", "within:"),
        # The text agrees with the reading.
        ("Troops cleared compounds in Nawa district, Ghazni province.", "Ghaznī", "gazetteer"),
        # Not written as its container ("and"): the reading stands.
        ("Troops cleared Nawa district and Helmand province.", "Ghaznī", "gazetteer"),
    ],
)
def test_story_places_are_read_in_the_region_written_after_them(gazetteer, text, admin1, method):
    province = text.split()[-2]
    story = story_with(text, [("Nawa district", "GPE"), (f"{province} province", "GPE")])
    places = story_places(story, gazetteer, ["AFG"], main="AFG", actors=ACTORS)
    start = text.index("Nawa")
    place = places.by_span[(start, start + len("Nawa district"))]
    assert place.admin1 == admin1 and place.method.startswith(method)
