"""MEANTIME English (NewsReader CAT XML): TIMEX3 DATE/TIME values given the span and the DCT."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from adapters.common import EvalContext, SetResult
from adapters.timex import MAPPING, SCORED_TYPES, GoldTimex, TimexDoc, evaluate
from whimbrel.errors import GoldError

SETS = ("meantime",)
PEER = None
FOLDER = ("corpora", "meantime-en", "intra_cross-doc_annotation")
# 120 documents; the fast subset keeps the first 12 of the sorted list.
FAST_DOCS = 12

__all__ = ["MAPPING", "PEER", "SETS", "read_cat", "run"]


def read_cat(path: Path) -> TimexDoc | None:
    """A CAT document: tokens joined by spaces (one line per sentence) and its timexes.

    None for a document without a usable creation time (none, or not ISO): nothing anchors it.
    """
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise GoldError(f"{path}: cannot read the CAT XML file ({e})") from e
    text, offsets = _text_and_offsets(root)
    dct: dt.date | None = None
    timexes = []
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _iso_date(timex.get("value", ""))
            continue
        anchors = [offsets[a.get("t_id", "")] for a in timex.iter("token_anchor")]
        if timex.get("type") in SCORED_TYPES and anchors:
            start, end = anchors[0][0], anchors[-1][1]
            timexes.append(
                GoldTimex(
                    timex.get("type", ""), timex.get("value", ""), text[start:end], start, end
                )
            )
    if dct is None:
        return None
    return TimexDoc(Path(path).name, dct, text, tuple(timexes))


def _iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _text_and_offsets(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    position, sentence = 0, None
    for token in root.iter("token"):
        if parts:
            separator = " " if token.get("sentence") == sentence else "\n"
            parts.append(separator)
            position += 1
        word = token.text or ""
        offsets[token.get("t_id", "")] = (position, position + len(word))
        parts.append(word)
        position += len(word)
        sentence = token.get("sentence")
    return "".join(parts), offsets


def run(ctx: EvalContext) -> list[SetResult]:
    paths = sorted(ctx.path(*FOLDER).glob("*/*.xml"))
    docs = ctx.subset([d for d in map(read_cat, paths) if d is not None], fast_items=FAST_DOCS)
    return [evaluate(ctx, name="meantime", docs=docs, peer=PEER, source="MEANTIME English")]
