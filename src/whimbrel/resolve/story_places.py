"""Where a story's events happened: the story's places resolved together, each event's own
place, and the story's dominant place as a flagged fallback.

An event's place is the first attached place the gazetteer knows, or a finer named place
before it that the gazetteer lacks (:func:`choose_event_place`); an event with none falls back,
flagged, to the story's most-mentioned place, never to its dateline.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from whimbrel.extract.attach import find_dateline
from whimbrel.extract.parties import PLACE_LABELS
from whimbrel.records import MentionDraft, ParsedStory, PlaceRef, Span
from whimbrel.resolve.gazetteer import REGION_RESOLUTION
from whimbrel.resolve.places import Gazetteer, names_a_kind_of_place, resolve_story_places

# At most this many characters between a place the gazetteer lacks and the known place that
# contains it ("the village of Qaryat near Aleppo", "al-Tijara neighbourhood in central ").
CONTAINER_GAP_CHARS = 24


@dataclass(frozen=True, slots=True)
class StoryPlaces:
    """The story's resolved places by character span, and its countries."""

    context: tuple[str, ...]
    main_country: str | None
    by_span: dict[tuple[int, int], PlaceRef]
    named: frozenset[tuple[int, int]] = frozenset()


def story_places(
    story: ParsedStory, gazetteer: Gazetteer, context: Sequence[str], *, main: str | None
) -> StoryPlaces:
    """Every place the story names, resolved together so each informs the others."""
    spans = [e.span for e in story.entities if e.label in PLACE_LABELS]
    spans.extend(s for d in story.drafts for s in d.place_spans)
    spans = list({(s.start, s.end): s for s in spans}.values())
    refs = resolve_story_places(
        [s.text for s in spans],
        gazetteer=gazetteer,
        spans=spans,
        context_countries=context,
    )
    named = frozenset((e.span.start, e.span.end) for e in story.entities if e.label in PLACE_LABELS)
    named |= {(s.start, s.end) for s in spans if names_a_kind_of_place(s.text, gazetteer)}
    return StoryPlaces(
        context=tuple(context),
        main_country=main,
        by_span={
            (s.start, s.end): ref for s, ref in zip(spans, refs, strict=True) if ref is not None
        },
        named=named,
    )


def event_place(draft: MentionDraft, *, places: StoryPlaces) -> PlaceRef | None:
    return choose_event_place(
        draft.place_spans,
        resolved=lambda span: places.by_span.get((span.start, span.end)),
        named=lambda span: (span.start, span.end) in places.named,
    )


def choose_event_place(
    spans: Sequence[Span],
    *,
    resolved: Callable[[Span], PlaceRef | None],
    named: Callable[[Span], bool],
) -> PlaceRef | None:
    """The first attached place the gazetteer knows. A place entity before it that the
    gazetteer lacks ("in the Kibera slum of Nairobi") is the finer one: it
    keeps its own text and takes the position and regions of the known place right after it
    in the text. A known place further on is another place, not its container: the unknown
    one stays unresolved."""
    unknown: Span | None = None
    for span in spans:
        place = resolved(span)
        if place is not None and unknown is None:
            return place
        if place is not None and unknown is not None:
            if not _contains(span, unknown):
                break
            return inside(place, unknown.text, unknown)
        if unknown is None and named(span):
            unknown = span
    if unknown is None:
        return None
    return PlaceRef(text=unknown.text, span=unknown, method="unresolved", confidence=0.2)


def _contains(known: Span, unknown: Span) -> bool:
    """Whether the text presents ``known`` as the container of ``unknown``: it follows close
    behind ("X district, Helmand", "X in central Damascus", "X of Nuwakot")."""
    return 0 <= known.start - unknown.end <= CONTAINER_GAP_CHARS


def inside(container: PlaceRef, text: str, span: Span | None) -> PlaceRef:
    """A named place the gazetteer lacks, placed at the known place that contains it."""
    return dataclasses.replace(
        container,
        text=text,
        span=span,
        method=f"within:{container.method}",
        confidence=round(container.confidence * 0.8, 3),
    )


def within_story_place(place: PlaceRef | None, dominant: PlaceRef | None) -> PlaceRef | None:
    """The event's place, else the story's; a named place the gazetteer lacks ("the village of
    Qaryat") keeps its text and takes the story's place as its container."""
    if place is None or dominant is None or place.geonameid is not None:
        return place or dominant
    return inside(dominant, place.text, place.span)


def dominant_place(story: ParsedStory, places: StoryPlaces) -> PlaceRef | None:
    """The story's most-mentioned place below a country (a town before a region at equal
    counts), as a flagged fallback location. The dateline ("KABUL, Afghanistan (Jan. 22,
    2013)") says where the story was filed, which is not always where its events happened
    (a press office reports from the capital): it counts only when the story names no other
    place."""
    dateline = find_dateline(story.article.text)
    counts: Counter[int] = Counter()
    first: dict[int, PlaceRef] = {}
    filed_from: PlaceRef | None = None
    for (start, end), place in sorted(places.by_span.items()):
        if place.geonameid is None or (place.resolution or 0) < REGION_RESOLUTION:
            continue
        if dateline is not None and dateline.place.start <= start and end <= dateline.place.end:
            filed_from = filed_from or place
            continue
        counts[place.geonameid] += 1
        first.setdefault(place.geonameid, place)
    if not counts:
        return filed_from and dataclasses.replace(
            filed_from, method="dateline", confidence=filed_from.confidence * 0.4
        )
    best = max(first.values(), key=lambda p: (counts[p.geonameid or 0], p.resolution or 0))
    return dataclasses.replace(best, method="story-dominant", confidence=best.confidence * 0.5)
