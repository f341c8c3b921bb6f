"""Story places the small model labels as organisations or persons (resolve/story_places.py):
a name followed by a noun of area is a place. Stories are ours."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.extract.attach import find_dateline
from whimbrel.records import Article, EntityMention, ParsedStory, Span
from whimbrel.resolve.places import Gazetteer
from whimbrel.resolve.story_places import dominant_place, framed_names, story_places


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
            "Troops searched for a bomb maker in Nadir Shah Kot district, Khost province.",
            [("Nadir Shah Kot", "PERSON"), ("Khost", "ORG")],
            ["Nadir Shah Kot district", "Khost province"],
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
    places = story_places(story, gazetteer, ["AFG"], main="AFG", dateline=find_dateline(text))
    place = dominant_place(places)
    assert place is not None and place.text == "Khost province" and place.method == "story-dominant"
