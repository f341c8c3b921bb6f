"""Halterman's event-location data (adjudicated RELABEL records): which place is the event's?"""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from adapters.common import EvalContext, SetResult, markdown_report, misses_section, ratio
from whimbrel.errors import GoldError

SETS = ("event_location",)
MAPPING = (
    "RELABEL records with one VERB span (494 of 496; spans located by their token numbers, "
    "since 215 LOCATION spans carry the verb's character offsets); the verb token = the "
    "parse's head of that span; ours = what the pipeline keeps as the event's place: "
    "choose_event_place over attached_places(verb) (reporting verbs from the modality "
    "lexicon, nothing excluded): the first place the gazetteer resolves, or a GPE/LOC/FAC "
    "entity or a name framed by a noun of place ('the village of X') before it that the "
    "gazetteer lacks; right when it overlaps a gold LOCATION span, or when both are empty. "
    "acc_any: right when any attached place overlaps (lenient)."
)
PEER = None
PATH = ("corpora", "event-location", "labeled_text.jsonl.zip")
GOLD_SOURCE = "RELABEL"


@dataclass(frozen=True)
class LocationCase:
    id: str
    text: str
    verb: tuple[int, int]
    locations: tuple[tuple[int, int], ...]


def read_cases(path: Path, *, source: str = GOLD_SOURCE) -> list[LocationCase]:
    """Records of ``source`` with exactly one VERB span, from the zip's one JSON array."""
    try:
        with zipfile.ZipFile(path) as archive:
            name = next(
                n
                for n in archive.namelist()
                if n.endswith(".jsonl") and not n.startswith("__MACOSX")
            )
            records = json.loads(archive.read(name))
    except (OSError, zipfile.BadZipFile, StopIteration, json.JSONDecodeError) as e:
        raise GoldError(f"{path}: cannot read the event-location array ({e})") from e
    return [case for r in records if r.get("source") == source and (case := _case(r)) is not None]


def _case(record: dict) -> LocationCase | None:
    spans = record.get("spans") or []
    verbs = [_chars(record, s) for s in spans if s.get("label") == "VERB"]
    if len(verbs) != 1:
        return None
    locations = tuple(_chars(record, s) for s in spans if s.get("label") == "LOCATION")
    return LocationCase(
        str(record.get("_id") or record.get("doc_id")), record["text"], verbs[0], locations
    )


def _chars(record: dict, span: dict) -> tuple[int, int]:
    """A span's character offsets, taken from its tokens: many LOCATION spans in the file
    carry a wrong ``start``/``end`` (the verb's) but the right token numbers."""
    tokens = {t["id"]: t for t in record.get("tokens") or []}
    first, last = tokens.get(span.get("token_start")), tokens.get(span.get("token_end"))
    if first is None or last is None:
        return span["start"], span["end"]
    return first["start"], last["end"]


@dataclass(frozen=True)
class Located:
    case: LocationCase
    found: tuple[tuple[int, int], ...]
    chosen: tuple[int, int] | None = None
    # True when ``chosen`` is the pipeline's pick; otherwise the first place found counts.
    picked: bool = False

    @property
    def right(self) -> bool:
        chosen = self.chosen if self.picked else (self.found[0] if self.found else None)
        if not self.case.locations:
            return chosen is None
        return chosen is not None and any(_overlap(chosen, b) for b in self.case.locations)

    @property
    def right_any(self) -> bool:
        if not self.case.locations:
            return not self.found
        return any(_overlap(a, b) for a in self.found for b in self.case.locations)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def locate(
    doc: object, case: LocationCase, *, reporting: frozenset[str], gazetteer: object
) -> Located:
    from whimbrel.extract.attach_places import attached_places
    from whimbrel.extract.roles import PLACE_LABELS
    from whimbrel.resolve.places import names_a_kind_of_place, resolve_place
    from whimbrel.resolve.story_places import choose_event_place

    verb = doc.char_span(*case.verb, alignment_mode="expand")  # type: ignore[attr-defined]
    if verb is None or len(verb) == 0:
        return Located(case, (), None, picked=True)
    places = attached_places(verb.root, reporting=reporting, exclude=frozenset())
    named = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_LABELS}  # type: ignore[attr-defined]
    chosen = choose_event_place(
        places,
        resolved=lambda s: resolve_place(s.text, gazetteer=gazetteer, span=s),  # type: ignore[arg-type]
        named=lambda s: (s.start, s.end) in named or names_a_kind_of_place(s.text, gazetteer),  # type: ignore[arg-type]
    )
    span = None if chosen is None else chosen.span
    return Located(
        case,
        tuple((p.start, p.end) for p in places),
        None if span is None else (span.start, span.end),
        picked=True,
    )


def run(ctx: EvalContext) -> list[SetResult]:
    from whimbrel.extract.mentions import Extractor
    from whimbrel.resolve.places import Gazetteer

    started = time.perf_counter()
    cases = ctx.subset(read_cases(ctx.path(*PATH)))
    reporting = Extractor.default().modality.reporting_verbs
    gazetteer = Gazetteer.load()
    docs = ctx.nlp().pipe(c.text for c in cases)
    outcomes = [
        locate(doc, case, reporting=reporting, gazetteer=gazetteer)
        for doc, case in zip(docs, cases, strict=True)
    ]
    return [_result(outcomes, seconds=time.perf_counter() - started)]


def _result(outcomes: Sequence[Located], *, seconds: float) -> SetResult:
    with_place = [o for o in outcomes if o.case.locations]
    without = [o for o in outcomes if not o.case.locations]
    metrics = {
        "accuracy": ratio(sum(o.right for o in outcomes), len(outcomes)),
        "acc_with_place": ratio(sum(o.right for o in with_place), len(with_place)),
        "acc_no_place": ratio(sum(o.right for o in without), len(without)),
        "acc_any": ratio(sum(o.right_any for o in outcomes), len(outcomes)),
    }
    misses = [
        f"{o.case.id}: verb {_cut(o.case, o.case.verb)!r}, gold "
        f"{[_cut(o.case, s) for s in o.case.locations]}, ours "
        f"{[_cut(o.case, s) for s in o.found]}, chosen "
        f"{_cut(o.case, o.chosen) if o.chosen else None!r}"
        for o in outcomes
        if not o.right
    ]
    report = markdown_report(
        title="event location (RELABEL)",
        mapping=MAPPING,
        result_rows=list(metrics.items()),
        body=misses_section("Records wrong", misses, limit=200),
    )
    return SetResult("event_location", metrics, len(outcomes), PEER, report, seconds)


def _cut(case: LocationCase, span: tuple[int, int]) -> str:
    return case.text[span[0] : span[1]]
