"""TIMEX3 value accuracy given the gold span and the document creation time (DCT).

Shared by the ``tempeval`` (TempEval-3 platinum, TimeML) and ``meantime`` (MEANTIME, CAT XML)
adapters: each reads documents into :class:`TimexDoc`; :func:`evaluate` resolves every gold
DATE/TIME expression with :func:`whimbrel.resolve.dates.resolve_date` against the DCT, with the
tense of its governing verb as the pipeline computes it, and compares TIMEX3 values.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from adapters.common import EvalContext, SetResult, markdown_report, misses_section, ratio

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SCORED_TYPES = frozenset({"DATE", "TIME"})
# A TIMEX3 value that starts with a year (digits or X placeholders): "2009-06-01T16:15".
_CALENDAR_VALUE = re.compile(r"[\dX]{4}")
MAPPING = (
    "gold DATE/TIME TIMEX3 spans (DURATION/SET and the DCT skipped) resolved against the DCT "
    "with the governing verb's tense; value_acc compares TIME values on their date part (a "
    "DateRef has no time of day), strict_acc the whole value; NONE when we resolve nothing."
)


@dataclass(frozen=True)
class GoldTimex:
    kind: str
    value: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TimexDoc:
    name: str
    dct: dt.date
    text: str
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True)
class TimexOutcome:
    doc: str
    gold: GoldTimex
    predicted: str
    tense: str | None

    @property
    def strict(self) -> bool:
        return self.predicted == self.gold.value

    @property
    def date_part(self) -> bool:
        return self.predicted == date_part_of(self.gold)


def date_part_of(timex: GoldTimex) -> str:
    """A TIME value without its time of day ("2009-06-01T16:15Z" → "2009-06-01"); a value that
    is no calendar date ("FUTURE_REF", "PRESENT_REF") is kept whole, not cut at its "T"."""
    if timex.kind == "TIME" and _CALENDAR_VALUE.match(timex.value):
        return timex.value.split("T")[0]
    return timex.value


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The nearest verb at or above the expression's head in the parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(len(doc)):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def resolve_doc(doc: Doc, timex_doc: TimexDoc, *, cues: object) -> list[TimexOutcome]:
    from whimbrel.extract.modality import tense_of
    from whimbrel.resolve.dates import resolve_date, timex_value

    outcomes = []
    for timex in timex_doc.timexes:
        verb = governing_verb(doc, timex.start, timex.end)
        tense = tense_of(verb, cues=cues) if verb is not None else None  # type: ignore[arg-type]
        ref = resolve_date(timex.text, article_date=timex_doc.dct, tense=tense)  # type: ignore[arg-type]
        value = "NONE" if ref is None else timex_value(ref)
        outcomes.append(TimexOutcome(timex_doc.name, timex, value, tense))
    return outcomes


def evaluate(
    ctx: EvalContext, *, name: str, docs: Sequence[TimexDoc], peer: str | None, source: str
) -> SetResult:
    from whimbrel.extract.mentions import Extractor

    started = time.perf_counter()
    cues = Extractor.default().modality
    nlp = ctx.nlp()
    outcomes: list[TimexOutcome] = []
    for doc, timex_doc in zip(nlp.pipe(d.text for d in docs), docs, strict=True):
        outcomes.extend(resolve_doc(doc, timex_doc, cues=cues))
    metrics = {
        "value_acc": ratio(sum(o.date_part for o in outcomes), len(outcomes)),
        "strict_acc": ratio(sum(o.strict for o in outcomes), len(outcomes)),
    }
    misses = [
        f"{o.doc[:32]} {o.gold.text!r} (tense {o.tense}): gold {o.gold.value}, ours {o.predicted}"
        for o in outcomes
        if not o.date_part
    ]
    report = markdown_report(
        title=f"{name}: {source}",
        mapping=MAPPING,
        result_rows=list(metrics.items()),
        body=misses_section("Values wrong", misses, limit=300),
    )
    return SetResult(name, metrics, len(outcomes), peer, report, time.perf_counter() - started)
