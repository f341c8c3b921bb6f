"""NGEC's LM-written synthetic stories, each labelled with the PLOVER type it was asked to show.

The labels are NOISY INTENDED TYPES: a language model was prompted with a headline for a type
and wrote a story; many stories drift to other acts or report several. So this set measures
trigger coverage per type (does the story yield any event of its intended type?) and how many
events of other types we add, not accuracy against a checked gold.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from adapters.common import (
    EvalContext,
    Record,
    SetResult,
    code_records,
    count_rejects,
    fmt,
    markdown_report,
    ratio,
    rejects_line,
)
from whimbrel.errors import GoldError

SETS = ("ngec_synthetic",)
MAPPING = (
    "NOISY LABELS: each story's label is the PLOVER type the story generator was asked for, "
    "not a checked annotation; a fixed sample of up to 60 stories per type (the first by "
    "SHA-1 of the text); recall = share of a type's stories in which we output an event of "
    "that type (its own type or its PLOVER reading: a planned cooperative act as AGREE, a "
    "planned conflict act as THREATEN); other = mean number of our events of other types per "
    "story (not errors as such: stories often report several acts)."
)
PEER = None
RELATIVE_PATH = ("peers", "NGEC-2025", "gpt_synthetic_events_2023-10-19_19.csv.zip")
PER_TYPE = 60
# The generator's run date; the stories carry no dateline of their own.
STORY_DATE = dt.date(2023, 10, 19)


@dataclass(frozen=True)
class SyntheticStory:
    id: str
    text: str
    label: str


def read_stories(path: Path) -> list[SyntheticStory]:
    """Every story of the zipped CSV (columns text and label), with a content-hash id."""
    try:
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".csv"))
            with archive.open(name) as raw:
                rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    except (OSError, zipfile.BadZipFile, StopIteration, csv.Error) as e:
        raise GoldError(f"{path}: cannot read the synthetic-story CSV in the zip ({e})") from e
    return [_story(row) for row in rows if (row.get("text") or "").strip() and row.get("label")]


def _story(row: dict[str, str]) -> SyntheticStory:
    text = row["text"].strip()
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    return SyntheticStory(id=f"ngec-syn-{digest}", text=text, label=row["label"].strip().upper())


def sample(stories: Sequence[SyntheticStory], *, per_type: int) -> list[SyntheticStory]:
    """Up to ``per_type`` stories of each label, the first by id (a content hash), so the
    sample does not depend on the file's order; duplicates of a text count once."""
    chosen: dict[str, list[SyntheticStory]] = {}
    for story in sorted({s.id: s for s in stories}.values(), key=lambda s: s.id):
        picked = chosen.setdefault(story.label, [])
        if len(picked) < per_type:
            picked.append(story)
    return [s for label in sorted(chosen) for s in chosen[label]]


def event_types(record: Record) -> set[str]:
    """The record's own type and the type PLOVER would code it as (planned acts)."""
    from adapters.plover_gsr import plover_reading

    reading, _ = plover_reading(record)
    return {str(record.get("event_type")), *([reading] if reading else [])}


def type_rows(
    stories: Sequence[SyntheticStory], by_story: dict[str, list[Record]]
) -> list[tuple[str, int, float | None, float | None]]:
    """(label, stories, recall, mean events of other types per story) per label."""
    rows = []
    for label in sorted({s.label for s in stories}):
        mine = [s for s in stories if s.label == label]
        hits = sum(any(label in event_types(r) for r in by_story.get(s.id, [])) for s in mine)
        others = sum(sum(label not in event_types(r) for r in by_story.get(s.id, [])) for s in mine)
        rows.append((label, len(mine), ratio(hits, len(mine)), ratio(others, len(mine))))
    return rows


def run(ctx: EvalContext) -> list[SetResult]:
    from whimbrel.records import Article

    started = time.perf_counter()
    per_type = 3 if ctx.fast else PER_TYPE
    stories = sample(read_stories(ctx.path(*RELATIVE_PATH)), per_type=per_type)
    articles = [
        Article(id=s.id, date=STORY_DATE, text=s.text, origin=f"ngec_synthetic:{s.id}")
        for s in stories
    ]
    by_story, results = code_records(ctx.pipeline(), articles)
    rows = type_rows(stories, by_story)
    recalls = [r for _, _, r, _ in rows if r is not None]
    hits = sum(round((r or 0) * n) for _, n, r, _ in rows)
    others = sum((o or 0) * n for _, n, _, o in rows)
    metrics = {
        "macro_recall": sum(recalls) / len(recalls) if recalls else None,
        "recall": ratio(hits, len(stories)),
        "other_per_story": others / len(stories) if stories else None,
    }
    report = _report(rows, metrics) + rejects_line(results)
    seconds = time.perf_counter() - started
    return [
        SetResult(
            "ngec_synthetic", metrics, len(stories), PEER, report, seconds, count_rejects(results)
        )
    ]


def _report(
    rows: Sequence[tuple[str, int, float | None, float | None]],
    metrics: dict[str, float | None],
) -> str:
    lines = ["## Per intended type (noisy labels)\n", "| type | stories | recall | other/story |"]
    lines.append("|---|---|---|---|")
    lines += [f"| {label} | {n} | {fmt(rec)} | {fmt(oth)} |" for label, n, rec, oth in rows]
    body = "\n".join(lines) + "\n"
    return markdown_report(
        title="NGEC synthetic stories (labels are noisy intended types)",
        mapping=MAPPING,
        result_rows=list(metrics.items()),
        body=body,
    )
