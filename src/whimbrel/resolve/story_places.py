"""Where a story's events happened: the story's places resolved together, each event's own
place, and the story's dominant place as a flagged fallback.

An event's place is the first attached place the gazetteer knows, or a finer named place
before it that the gazetteer lacks (:func:`choose_event_place`); a place read in another
country or region than the one the text writes right after it is read inside that one. An
event with none falls back, flagged, to the story's most-mentioned place in its frame country
(:func:`dominant_place`): the dateline's place only when the story names no other there.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from whimbrel.extract.clauses import Dateline
from whimbrel.extract.parties import PLACE_LABELS
from whimbrel.records import ActorRef, EventTypeInfo, MentionDraft, ParsedStory, PlaceRef, Span
from whimbrel.resolve.actor_lexicon import ActorLexicon
from whimbrel.resolve.gazetteer import REGION_RESOLUTION, fold
from whimbrel.resolve.place_ranking import to_place_ref
from whimbrel.resolve.places import Gazetteer, names_a_kind_of_place, resolve_story_places

# What stands between a place and the container written after it: "X district, Helmand
# province", "X district of Kunar province", "X in Kandahar".
CONTAINER_WORDS = re.compile(r"\s*(?:,|of|in)\s+(?:the\s+)?", re.IGNORECASE)
# Capitalised words that open a sentence or title before a name ("In Nawa district").
OPENING_WORDS = frozenset({"in", "at", "near", "on", "of", "from", "during", "the", "a", "and"})
# Labels the small model often gives a town or district ("Paktiya" ORG, "Sangin" PERSON).
MISLABELLED_PLACE_LABELS = frozenset({"ORG", "PERSON"})
_SLASHED_NAMES = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*/[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b")
# At most this many characters between a place the gazetteer lacks and the known place that
# contains it ("the village of Qaryat near Aleppo", "al-Tijara neighbourhood in central ").
CONTAINER_GAP_CHARS = 24
# PLOVER's quad classes of saying rather than doing: verbal cooperation and verbal conflict.
VERBAL_QUAD_CLASSES = frozenset({1, 3})
# How an actor with a country and no sector was read from a state's name: the actor lexicon's
# country names ("Russia"), or a later mention of one ("Russia ... Russia requested").
NAMED_STATE_METHODS = frozenset({"dictionary", "coreference:name"})
# PLOVER's quad class of deeds of violence (material conflict).
MATERIAL_CONFLICT = 4


@dataclass(frozen=True, slots=True)
class StoryPlaces:
    """The story's resolved places by character span, and its countries."""

    context: tuple[str, ...]
    main_country: str | None
    by_span: dict[tuple[int, int], PlaceRef]
    named: frozenset[tuple[int, int]] = frozenset()
    # The dateline's place span, when the story opens with one.
    dateline: Span | None = None
    # The own places of the story's violent deeds (material conflict), in text order.
    deed_places: tuple[PlaceRef, ...] = ()


def story_places(
    story: ParsedStory,
    gazetteer: Gazetteer,
    context: Sequence[str],
    *,
    main: str | None,
    actors: ActorLexicon,
    dateline: Dateline | None = None,
) -> StoryPlaces:
    """Every place the story names, resolved together so each informs the others, with the
    dateline's place among them: its country is the one the story's names are first read in
    ("SAN SALVADOR, ... in Santa Ana" is the Salvadoran town)."""
    spans = [e.span for e in story.entities if e.label in PLACE_LABELS]
    spans.extend(framed_names(story, gazetteer))
    spans.extend(untagged_areas(story, gazetteer, known=spans))
    spans.extend(s for d in story.drafts for s in d.place_spans)
    if dateline is not None:
        spans.append(dateline.place)
    spans = list({(s.start, s.end): s for s in spans}.values())
    refs = resolve_story_places(
        [s.text for s in spans],
        gazetteer=gazetteer,
        spans=spans,
        context_countries=context,
        home=dateline.place.text if dateline is not None else None,
    )
    named = frozenset(
        (e.span.start, e.span.end)
        for e in story.entities
        # "talks at the United Nations": a known organisation the model tagged as a place
        # is no place the gazetteer merely lacks
        if e.label in PLACE_LABELS
        and not actors.is_organisation_name(re.sub(r"^the\s+", "", e.span.text, flags=re.I))
    )
    named |= {(s.start, s.end) for s in spans if names_a_kind_of_place(s.text, gazetteer)}
    resolved = sorted(
        ((s, ref) for s, ref in zip(spans, refs, strict=True) if ref is not None),
        key=lambda item: (item[0].start, item[0].end),
    )
    places = StoryPlaces(
        context=tuple(context),
        main_country=main,
        by_span=dict(_read_in_containers(resolved, story.article.text)),
        named=named,
        dateline=dateline.place if dateline is not None else None,
    )
    deeds = (event_place(d, places=places) for d in story.drafts if _is_deed(d))
    return dataclasses.replace(
        places, deed_places=tuple(p for p in deeds if p is not None and p.geonameid is not None)
    )


def _is_deed(draft: MentionDraft) -> bool:
    return draft.kind.quad_class == MATERIAL_CONFLICT and draft.modality == "asserted"


def _read_in_containers(
    resolved: Sequence[tuple[Span, PlaceRef]], text: str
) -> Iterator[tuple[tuple[int, int], PlaceRef]]:
    """Each place by its span (``resolved`` in text order), read inside the region the text
    writes right after it when its own reading lies outside (:func:`_within_own_country`)."""
    for number, (span, place) in enumerate(resolved):
        following = resolved[number + 1] if number + 1 < len(resolved) else None
        container = None
        if following is not None and CONTAINER_WORDS.fullmatch(text[span.end : following[0].start]):
            container = following[1]
        yield (span.start, span.end), _within_own_country(place, span, container)


def framed_names(story: ParsedStory, gazetteer: Gazetteer) -> list[Span]:
    """ "Tsamkani district", "Paktiya province": a name the small model labelled an
    organisation or a person, followed by a noun of area, is a place of the story (with the
    noun, so resolution knows its kind); so is a heading of two names joined by a slash
    ("Sangin/Helmand": a town and its province)."""
    text = story.article.text
    found = []
    for entity in story.entities:
        if entity.label not in MISLABELLED_PLACE_LABELS:
            continue
        if _SLASHED_NAMES.fullmatch(entity.span.text):
            found.append(entity.span)
            continue
        after = _NEXT_WORD.match(text, entity.span.end)
        if after is not None and after.group(1).lower() in gazetteer.place_nouns:
            end = after.end(1)
            found.append(Span(entity.span.start, end, text[entity.span.start : end]))
    return found


def untagged_areas(
    story: ParsedStory, gazetteer: Gazetteer, *, known: Sequence[Span]
) -> list[Span]:
    """ "In Musa Qal'ah district, a patrol was attacked": capitalised words followed by a word
    of administrative area (``admin_suffixes`` in places.yaml) that no entity covers, found by
    one search of the story's text."""
    text = story.article.text
    found = []
    for match in _area_pattern(tuple(sorted(gazetteer.overrides["admin_suffixes"]))).finditer(text):
        words = match.group(1).split()
        while words and words[0].lower() in OPENING_WORDS:
            words = words[1:]
        if not words:
            continue
        end = match.end()
        start = end - len(" ".join(words)) - len(match.group(2)) - 1
        if text[start:end] != " ".join(words) + " " + match.group(2):
            continue  # the name ran over a line break: leave it
        if not any(k.start < end and start < k.end for k in known):
            found.append(Span(start, end, text[start:end]))
    return found


@cache
def _area_pattern(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, suffixes))
    return re.compile(rf"\b((?:[A-Z][\w'’-]*[ ]){{1,3}})({nouns})\b")


def event_place(draft: MentionDraft, *, places: StoryPlaces) -> PlaceRef | None:
    return choose_event_place(
        draft.place_spans,
        resolved=lambda span: places.by_span.get((span.start, span.end)),
        named=lambda span: (span.start, span.end) in places.named,
        next_place=lambda span: _next_place(span, places, sentence=draft.sentence),
    )


def _next_place(span: Span, places: StoryPlaces, *, sentence: Span) -> PlaceRef | None:
    """The story's known place written right after ``span`` as its container ("Daman
    district, Kandahar province" when the parse attached only the district; not "a bomb near
    Tikrit on Friday wounded two U.S. marines")."""
    following = [
        (start, place)
        for (start, _), place in places.by_span.items()
        if 0 <= start - span.end <= CONTAINER_GAP_CHARS
    ]
    if not following:
        return None
    start, place = min(following, key=lambda item: item[0])
    gap = sentence.text[span.end - sentence.start : start - sentence.start]
    return place if CONTAINER_WORDS.fullmatch(gap) else None


def choose_event_place(
    spans: Sequence[Span],
    *,
    resolved: Callable[[Span], PlaceRef | None],
    named: Callable[[Span], bool],
    next_place: Callable[[Span], PlaceRef | None] | None = None,
) -> PlaceRef | None:
    """The first attached place the gazetteer knows. A place entity before it that the
    gazetteer lacks ("in the Kibera slum of Nairobi") is the finer one: it
    keeps its own text and takes the position and regions of the known place right after it
    in the text. A known place further on is another place, not its container: the unknown
    one stays unresolved. ``next_place`` gives the known place the text writes right after a
    span, when the parse did not attach it (:func:`_within_own_country`)."""
    unknown: Span | None = None
    for number, span in enumerate(spans):
        place = resolved(span)
        if place is not None and unknown is None:
            after = spans[number + 1 :]
            if after and _contains(after[0], span):
                return _within_own_country(place, span, resolved(after[0]))
            return _within_own_country(place, span, next_place and next_place(span))
        if place is not None and unknown is not None:
            if not _contains(span, unknown):
                break
            return inside(place, unknown.text, unknown)
        if unknown is None and named(span):
            unknown = span
    if unknown is None:
        return None
    return PlaceRef(text=unknown.text, span=unknown, method="unresolved", confidence=0.2)


def _within_own_country(place: PlaceRef, span: Span, container: PlaceRef | None) -> PlaceRef:
    """``place``, unless the text names its ``container`` right after it in another country:
    then the name is one the gazetteer lacks and read as a namesake abroad ("the Sar Kani
    district of Kunar province" is no Japanese town), placed in that container; so in
    another region of its own country ("Chahar Darah district, Kunduz province" is not the
    Darah district of Panjshir)."""
    if container is None or container.country is None:
        return place
    if container.country == place.country and not _other_region(place, container):
        return place
    if (container.resolution or 0) > REGION_RESOLUTION:
        return place  # a town beside a town: one is no container of the other
    # "Peru and Bolivia": a place listed beside another of its kind contains nothing; a name
    # framed by its noun of area ("Daman district, Kandahar province") is the finer one.
    framed = span.text.split()[-1].islower()
    finer = (container.resolution or 0) < (place.resolution or 0)
    if not finer and not (framed and container.resolution == place.resolution):
        return place
    return inside(container, span.text, span)


def _other_region(place: PlaceRef, region: PlaceRef) -> bool:
    """Whether ``region`` is a first-level region and ``place`` a finer place outside it."""
    if region.resolution != REGION_RESOLUTION or (place.resolution or 0) <= REGION_RESOLUTION:
        return False
    if not place.admin1 or not region.admin1:
        return False
    return fold(place.admin1) != fold(region.admin1)


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


def dominant_place(places: StoryPlaces) -> PlaceRef | None:
    """The story's most-mentioned place below a country (a town before a region at equal
    counts), as a flagged fallback location, within the story's frame country
    (:func:`frame_country`): a place abroad named in passing ("talks held in Caracas", "a
    visitor from Modesto") is not where an unplaced event happened. The dateline ("KABUL,
    Afghanistan (Jan. 22, 2013)") says where the story was filed, which is not always where
    its events happened (a press office reports from the capital): it counts only when the
    story names no other place in the frame country. Without any, the frame country itself."""
    dateline = places.dateline
    filed_from: PlaceRef | None = None
    named: list[PlaceRef] = []
    for (start, end), place in sorted(places.by_span.items()):
        if place.geonameid is None:
            continue
        if dateline is not None and dateline.start <= start and end <= dateline.end:
            filed_from = filed_from or place
        else:
            named.append(place)
    frame = _where_deeds_are(places, frame_country(places, filed_from), named=named)
    framed = [p for p in named if frame is None or p.country == frame]
    best = _most_mentioned([p for p in framed if (p.resolution or 0) >= REGION_RESOLUTION])
    if best is not None:
        return dataclasses.replace(best, method="story-dominant", confidence=best.confidence * 0.5)
    if filed_from is not None and filed_from.country == frame:
        return dataclasses.replace(
            filed_from, method="dateline", confidence=filed_from.confidence * 0.4
        )
    country = next((p for p in framed if p.resolution == 1), None) if frame else None
    if country is not None:
        return dataclasses.replace(
            country, method="story-country", confidence=country.confidence * 0.4
        )
    best = _most_mentioned([p for p in named if (p.resolution or 0) >= REGION_RESOLUTION])
    return best and dataclasses.replace(
        best, method="story-dominant", confidence=best.confidence * 0.5
    )


def frame_country(places: StoryPlaces, filed_from: PlaceRef | None) -> str | None:
    """The country the story is about: the one its names clearly dominate, else its
    dateline's (a wire story tells of the country it was filed from unless it says
    otherwise)."""
    if places.main_country is not None:
        return places.main_country
    return filed_from.country if filed_from is not None else None


def _where_deeds_are(
    places: StoryPlaces, frame: str | None, *, named: Sequence[PlaceRef]
) -> str | None:
    """The frame country, unless the story names no place in it below the country (only its
    dateline: "WASHINGTON - US warplanes struck targets in Yemen") while its violent deeds
    all have places in one other country it names: there its unplaced deeds happened too. A country
    named through its people or its government ("US officials") acts; it is no setting."""
    if frame is None or any(
        p.country == frame and (p.resolution or 0) >= REGION_RESOLUTION for p in named
    ):
        return frame
    countries = {p.country for p in places.deed_places}
    # A deed's place in a country the story never names is more likely a namesake abroad.
    named_there = countries <= set(places.context)
    return countries.pop() if len(countries) == 1 and named_there else frame


def _most_mentioned(found: Sequence[PlaceRef]) -> PlaceRef | None:
    """The place named most often, a finer one first at equal counts, else the first named."""
    counts = Counter(p.geonameid for p in found)
    first: dict[int | None, PlaceRef] = {}
    for place in found:
        first.setdefault(place.geonameid, place)
    if not first:
        return None
    return max(first.values(), key=lambda p: (counts[p.geonameid], p.resolution or 0))


def speaker_home(
    actors: Sequence[ActorRef],
    *,
    kind: EventTypeInfo,
    fallback: PlaceRef | None,
    gazetteer: Gazetteer,
) -> PlaceRef | None:
    """Where an unplaced statement was made. A state speaking for itself ("Oman urged all
    parties to show restraint", "the Omani government condemned ...") speaks from home, not
    from where the story's other events happened (US strikes on Yemen, filed in Washington);
    a deed, a group of people or a state of the story's own country keep ``fallback``."""
    if kind.quad_class not in VERBAL_QUAD_CLASSES:
        return fallback
    states = [actor for actor in actors if _speaks_as_state(actor, gazetteer)]
    if not states or len(states) != len(actors) or len({a.country for a in states}) != 1:
        return fallback
    speaker = states[0]
    home = gazetteer.country(speaker.country) if speaker.country else None
    if home is None or (fallback is not None and fallback.country == speaker.country):
        return fallback
    # The speaker's words are the evidence of where it spoke from.
    return to_place_ref(speaker.text, speaker.span, home, method="actor-country", confidence=0.3)


def _speaks_as_state(actor: ActorRef, gazetteer: Gazetteer) -> bool:
    """A state's government, or the state by its name ("Oman", "the United States", "Russia",
    whose gazetteer name is "Russian Federation": a country name the actor lexicon read)."""
    if actor.country is None or len(actor.country) != 3:
        return False
    if actor.sector == "GOV":
        return True
    home = gazetteer.country(actor.country)
    if actor.sector is not None or home is None:
        return False
    return actor.method in NAMED_STATE_METHODS or fold(home.name) in fold(actor.text)
