"""What every evaluation adapter shares: where the gold lives, the run context, one result shape.

An adapter module defines ``SETS`` (the row names it produces), ``MAPPING`` (one line: how the
set's labels map to ours), ``PEER`` (the published peer figure, or None) and
``run(ctx) -> list[SetResult]``. Gold readers are plain functions of a path, so they can be
tested on small files without the shared corpora.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from whimbrel.errors import GoldError

if TYPE_CHECKING:
    from spacy.language import Language

    from whimbrel.pipeline import Pipeline
    from whimbrel.records import Article, StoryResult

# The --fast subset: the first items of each set, enough to catch a regression in CI.
FAST_ITEMS = 40
Item = TypeVar("Item")
Record = dict[str, Any]


def shared_dir(cli_path: str | Path | None = None) -> Path:
    """The shared folder: ``--shared``, else ``$WHIMBREL_SHARED``, else ``<repo>/../shared``."""
    if cli_path:
        return Path(cli_path)
    if os.environ.get("WHIMBREL_SHARED"):
        return Path(os.environ["WHIMBREL_SHARED"])
    return Path(__file__).resolve().parents[2] / ".." / "shared"


def require_file(path: Path) -> Path:
    """``path`` if it exists, else a :class:`GoldError` saying which set is missing."""
    if not path.exists():
        raise GoldError(f"{path}: gold file not found; pass --shared PATH to the shared folder")
    return path


@dataclass(frozen=True)
class SetResult:
    """One row of the eval table: headline metrics of one gold set, and its Markdown report."""

    name: str
    metrics: Mapping[str, float | None]
    n: int
    peer: str | None = None
    report: str = ""
    seconds: float = 0.0
    rejected: int = 0

    def to_json(self) -> dict[str, float | int | None]:
        values = {k: (None if v is None else round(float(v), 4)) for k, v in self.metrics.items()}
        return {**values, "n": self.n}

    def metrics_cell(self) -> str:
        return " · ".join(f"{name} {fmt(value)}" for name, value in self.metrics.items())


def fmt(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def ratio(correct: int, total: int) -> float | None:
    return correct / total if total else None


# Codes that are not countries but that gold sets keep as their own group.
NON_STATE_GROUPS = frozenset({"IGO", "NGO", "IMG"})


def country_group(code: object) -> str | None:
    """An ISO alpha-3 country as is; any other actor code (UNO, NAT, EUR...) as ``IGO``.

    Gold sets built on the PLOVER/NGEC conventions code international organisations as
    ``IGO`` where our lexicon names the organisation (``UNO``, ``NAT``), so only the group is
    comparable. ``NGO`` and ``IMG`` stay themselves.
    """
    import pycountry

    text = str(code or "").strip().upper()[:3]
    if not text:
        return None
    if text in NON_STATE_GROUPS or pycountry.countries.get(alpha_3=text) is not None:
        return text
    return "IGO"


@dataclass
class EvalContext:
    """The run's options and its expensive shared objects, each built once on first use."""

    shared: Path
    fast: bool = False
    _pipeline: Pipeline | None = field(default=None, repr=False)

    def subset(self, items: Sequence[Item], *, fast_items: int = FAST_ITEMS) -> list[Item]:
        """All items, or the first ``fast_items`` of them under ``--fast``."""
        return list(items[:fast_items]) if self.fast else list(items)

    def path(self, *parts: str) -> Path:
        return require_file(self.shared.joinpath(*parts))

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from whimbrel.config import Settings
            from whimbrel.pipeline import Pipeline

            self._pipeline = Pipeline.load(Settings())
        return self._pipeline

    def nlp(self) -> Language:
        """The pipeline's spaCy model (``load_model`` is cached, so this loads it once)."""
        from whimbrel.config import Settings
        from whimbrel.nlp.model import load_model

        return load_model(Settings().model).nlp


def code_records(
    pipeline: Pipeline, articles: Iterable[Article]
) -> tuple[dict[str, list[Record]], list[StoryResult]]:
    """PLOVER-JSONL records of each article's events by story id, and the raw results."""
    from whimbrel.export.plover import event_record

    by_story: dict[str, list[Record]] = {}
    results = []
    for result in pipeline.code(articles):
        results.append(result)
        if result.article is None:
            continue
        by_story[result.article.id] = [
            event_record(event, article=result.article, versions=pipeline.versions)
            for event in result.events
        ]
    return by_story, results


def count_rejects(results: Sequence[StoryResult]) -> int:
    return sum(r.reject is not None for r in results)


def rejects_line(results: Sequence[StoryResult]) -> str:
    rejected = [r.reject for r in results if r.reject is not None]
    if not rejected:
        return ""
    reasons = "; ".join(f"{r.story_id or r.origin}: {r.reason}" for r in rejected[:5])
    return f"\n{len(rejected)} article(s) rejected by the pipeline (first: {reasons}).\n"


def by_trigger(records: Sequence[Record]) -> list[Record]:
    """Records in text order of their trigger (the order a reader meets the events)."""
    return sorted(records, key=lambda r: (r.get("spans") or {}).get("trigger") or [0, 0])


def first_of_types(records: Sequence[Record], types: Iterable[str]) -> Record | None:
    wanted = set(types)
    return next((r for r in by_trigger(records) if r.get("event_type") in wanted), None)


def role_texts(record: Record, role: str) -> list[str]:
    return [str(a.get("text") or "") for a in record.get(role) or []]


def role_values(record: Record | None, role: str, key: str) -> list[str]:
    if record is None:
        return []
    return [str(a[key]) for a in record.get(role) or [] if a.get(key)]


def markdown_report(
    *, title: str, mapping: str, result_rows: Sequence[tuple[str, object]], body: str = ""
) -> str:
    lines = [f"# {title}\n", f"Mapping: {mapping}\n", "| metric | value |", "|---|---|"]
    lines += [f"| {name} | {fmt(value)} |" for name, value in result_rows]
    return "\n".join(lines) + "\n\n" + body


def misses_section(heading: str, rows: Sequence[str], *, limit: int = 60) -> str:
    if not rows:
        return f"## {heading}\n\nNone.\n\n"
    more = f"\n... and {len(rows) - limit} more\n" if len(rows) > limit else "\n"
    return f"## {heading} ({len(rows)})\n\n" + "\n".join(f"- {r}" for r in rows[:limit]) + more
