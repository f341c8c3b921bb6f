"""TempEval-3 platinum (TimeML): TIMEX3 DATE/TIME values given the gold span and the DCT."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from adapters.common import EvalContext, SetResult
from adapters.timex import MAPPING, SCORED_TYPES, GoldTimex, TimexDoc, evaluate
from whimbrel.errors import GoldError

SETS = ("tempeval",)
PEER = "HeidelTime ~0.78 value F1 (TE3, own spans)"
FOLDER = ("corpora", "te3-platinum")
# 20 documents; the fast subset keeps the first 8 (about 40 expressions).
FAST_DOCS = 8

__all__ = ["MAPPING", "PEER", "SETS", "read_tml", "run"]


def read_tml(path: Path) -> TimexDoc:
    """The text inside ``<TEXT>`` and its DATE/TIME timexes with character offsets into it."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise GoldError(f"{path}: cannot read the TimeML file ({e})") from e
    dct_timex, text_element = root.find("DCT/TIMEX3"), root.find("TEXT")
    if dct_timex is None or text_element is None:
        raise GoldError(f"{path}: no <DCT><TIMEX3> or no <TEXT>; is this a TimeML file?")
    pieces: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(text_element, pieces, timexes)
    dct = dt.date.fromisoformat(dct_timex.get("value", "")[:10])
    return TimexDoc(Path(path).name, dct, "".join(pieces), tuple(timexes))


def _walk(element: ET.Element, pieces: list[str], timexes: list[GoldTimex]) -> None:
    start = sum(map(len, pieces))
    pieces.append(element.text or "")
    for child in element:
        _walk(child, pieces, timexes)
        pieces.append(child.tail or "")
    kind = element.get("type", "")
    if element.tag == "TIMEX3" and kind in SCORED_TYPES:
        text = "".join(element.itertext())
        timexes.append(GoldTimex(kind, element.get("value", ""), text, start, start + len(text)))


def run(ctx: EvalContext) -> list[SetResult]:
    paths = sorted(ctx.path(*FOLDER).glob("*.tml"))
    docs = ctx.subset([read_tml(p) for p in paths], fast_items=FAST_DOCS)
    return [evaluate(ctx, name="tempeval", docs=docs, peer=PEER, source="TE3 platinum")]
