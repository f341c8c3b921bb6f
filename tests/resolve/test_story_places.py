"""The story's fallback place (resolve/story_places.py) through the real pipeline: the
dateline says where a story was filed, so it is the fallback only when the story names no
other place. Stories are ours."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.records import Article

pytestmark = pytest.mark.slow


def fallback_of(pipeline, text: str) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    (result,) = pipeline.code([Article(id="s", date=dt.date(2024, 5, 4), text=text)])
    (event,) = [e for e in result.events if e.lead.kind.event_type == "PROTEST"]
    place = event.location
    return (place.name, place.method) if place else (None, None)


@pytest.mark.parametrize(
    ("text", "place", "method"),
    [
        (
            "NAIROBI, Kenya (May 3, 2024) - Hundreds of Kenyan teachers protested against pay cuts"
            " on Friday, the union said.",
            "Nairobi",
            "dateline",
        ),
        (
            "NAIROBI, Kenya (May 3, 2024) - Hundreds of Kenyan teachers protested against pay cuts"
            " on Friday, the union said. Schools in Kisumu stayed shut. Parents in Kisumu"
            " were told to keep children at home.",
            "Kisumu",
            "story-dominant",
        ),
    ],
)
def test_the_dateline_is_the_fallback_only_when_nothing_else_is_named(
    pipeline, text: str, place: str, method: str
) -> None:  # type: ignore[no-untyped-def]
    assert fallback_of(pipeline, text) == (place, method)


@pytest.mark.parametrize(
    ("text", "place", "method"),
    [
        # A city abroad named in passing is no place of the story's: the dateline is.
        (
            "NAIROBI, Kenya (May 3, 2024) - Hundreds of Kenyan teachers protested against pay"
            " cuts on Friday, the union said. Its leaders had met donors in Geneva last month.",
            "Nairobi",
            "dateline",
        ),
        # The names dominate another country than the dateline's: its town is the place.
        (
            "LONDON, May 3 (Reuters) - Hundreds of Kenyan teachers protested against pay cuts"
            " on Friday, Kenyan officials said. Schools in Kisumu stayed shut. Parents in Kisumu"
            " were told to keep children at home.",
            "Kisumu",
            "story-dominant",
        ),
        # Without a town of the frame country, the country itself.
        (
            "LONDON, May 3 (Reuters) - Hundreds of Kenyan teachers protested against pay cuts"
            " on Friday, Kenyan officials said. Kenya's education ministry called for talks.",
            "Kenya",
            "story-country",
        ),
    ],
)
def test_the_fallback_place_lies_in_the_story_frame_country(
    pipeline, text: str, place: str, method: str
) -> None:  # type: ignore[no-untyped-def]
    assert fallback_of(pipeline, text) == (place, method)


def places_by_trigger(pipeline, text: str) -> dict[str, tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    (result,) = pipeline.code([Article(id="s", date=dt.date(2024, 5, 4), text=text)])
    return {
        m.trigger.text: (m.location.country, m.location.method) if m.location else (None, None)
        for m in result.mentions
    }


US_STRIKES = (
    "WASHINGTON, May 3 (Reuters) - US warplanes struck rebel targets in Yemen on Friday,"
    " American officials said. US President Joe Biden said the strikes were a warning."
    " American officials said more strikes could follow. "
)


@pytest.mark.parametrize(
    ("text", "trigger", "country", "method"),
    [
        # A state speaking for itself, with no place of its own, speaks from home, not from
        # the country the story's names dominate.
        (US_STRIKES + "Oman urged all parties to show restraint.", "urged", "OMN", "actor-country"),
        # an organisation the model tagged as a place is no place of the event's
        (
            US_STRIKES + "Russia rejected the strikes and requested talks at the United Nations.",
            "requested",
            "RUS",
            "actor-country",
        ),
        # its gazetteer name need not be the one written ("Russian Federation")
        (
            US_STRIKES + "Russia rejected the strikes as unlawful.",
            "rejected",
            "RUS",
            "actor-country",
        ),
        (
            US_STRIKES + "The Omani government condemned the escalation.",
            "condemned",
            "OMN",
            "actor-country",
        ),
        # The event names its own place: that stands.
        (
            US_STRIKES + "Oman urged restraint at talks in Riyadh.",
            "urged",
            "SAU",
            "gazetteer:name",
        ),
        # An unplaced deed of a story whose deeds happen in one country it names, and which
        # names no place in the country its names dominate (only the dateline): it happened
        # where the other deeds did, not in Washington.
        (
            US_STRIKES + "Rebel fighters shot down a drone on Saturday.",
            "shot",
            "YEM",
            "story-country",
        ),
        # The event's place is the dateline's, not a frame of names.
        (US_STRIKES, "struck", "YEM", "gazetteer:country"),
    ],
)
def test_a_state_speaking_for_itself_speaks_from_home(
    pipeline, text: str, trigger: str, country: str, method: str
) -> None:  # type: ignore[no-untyped-def]
    assert places_by_trigger(pipeline, text)[trigger] == (country, method)
