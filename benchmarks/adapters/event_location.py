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
    "RELABEL records with one VERB span (spans located by their token numbers); the verb "
    "token = the parse's head of that span; ours = attached_places(verb) (reporting verbs "
    "from the modality lexicon, nothing excluded); right when a place of ours overlaps a gold "
    "LOCATION span, or when both are empty."
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

    @property
    def right(self) -> bool:
        if not self.case.locations:
            return not self.found
        return any(_overlap(a, b) for a in self.found for b in self.case.locations)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def locate(doc: object, case: LocationCase, *, reporting: frozenset[str]) -> Located:
    from whimbrel.extract.attach import attached_places

    span = doc.char_span(*case.verb, alignment_mode="expand")  # type: ignore[attr-defined]
    if span is None or len(span) == 0:
        return Located(case, ())
    places = attached_places(span.root, reporting=reporting, exclude=frozenset())
    return Located(case, tuple((p.start, p.end) for p in places))


def run(ctx: EvalContext) -> list[SetResult]:
    from whimbrel.extract.mentions import Extractor

    started = time.perf_counter()
    cases = ctx.subset(read_cases(ctx.path(*PATH)))
    reporting = Extractor.default().modality.reporting_verbs
    docs = ctx.nlp().pipe(c.text for c in cases)
    outcomes = [
        locate(doc, case, reporting=reporting) for doc, case in zip(docs, cases, strict=True)
    ]
    return [_result(outcomes, seconds=time.perf_counter() - started)]


def _result(outcomes: Sequence[Located], *, seconds: float) -> SetResult:
    with_place = [o for o in outcomes if o.case.locations]
    without = [o for o in outcomes if not o.case.locations]
    metrics = {
        "accuracy": ratio(sum(o.right for o in outcomes), len(outcomes)),
        "acc_with_place": ratio(sum(o.right for o in with_place), len(with_place)),
        "acc_no_place": ratio(sum(o.right for o in without), len(without)),
    }
    misses = [
        f"{o.case.id}: verb {_cut(o.case, o.case.verb)!r}, gold "
        f"{[_cut(o.case, s) for s in o.case.locations]}, ours "
        f"{[_cut(o.case, s) for s in o.found]}"
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
