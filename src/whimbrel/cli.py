"""The ``whimbrel`` command: thin wrappers over importable functions.

Exit codes: 0 all good; 1 an error stopped the command; 3 coded, but some input was rejected
(see the rejects report).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from whimbrel import __version__
from whimbrel.config import DEFAULT_MODEL, Settings
from whimbrel.errors import WhimbrelError
from whimbrel.records import StoryResult

EXIT_REJECTS = 3
WRITE_CHUNK = 256


def fail(error: WhimbrelError) -> None:
    click.echo(f"whimbrel: {error}", err=True)
    sys.exit(1)


@click.group()
@click.version_option(__version__, prog_name="whimbrel")
def main() -> None:
    """whimbrel: dated news articles in, PLOVER/CAMEO political events out."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--db",
    default="whimbrel.duckdb",
    show_default=True,
    type=click.Path(),
    help="DuckDB store to write.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["seed", "jsonl", "csv", "xml"]),
    help="Input format (default: by file extension).",
)
@click.option(
    "--model",
    default=DEFAULT_MODEL,
    show_default=True,
    help="Installed spaCy pipeline (name or path).",
)
@click.option("--batch-size", default=32, show_default=True, help="Articles per spaCy batch.")
@click.option(
    "--max-bytes",
    default=2_000_000,
    show_default=True,
    help="Reject articles larger than this many UTF-8 bytes.",
)
@click.option("--rejects", type=click.Path(), help="Rejects report (default: DB.rejects.jsonl).")
@click.option(
    "--user-dict",
    multiple=True,
    type=click.Path(),
    help="User actor dictionary (YAML/CSV or PETRARCH .txt); repeatable.",
)
@click.option(
    "--mention-filter",
    is_flag=True,
    help="Experimental: drop event mentions a learned filter scores unlikely (each story keeps"
    " its best one); fewer wrong-type events, but some real ones are lost too.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: on when stderr is a terminal).",
)
def code(
    inputs: tuple[str, ...],
    db: str,
    fmt: str | None,
    model: str,
    batch_size: int,
    max_bytes: int,
    rejects: str | None,
    user_dict: tuple[str, ...],
    mention_filter: bool,
    progress: bool | None,
) -> None:
    """Code INPUT files, directories or - (stdin) into events in the DuckDB store."""
    from whimbrel.pipeline import Pipeline
    from whimbrel.readers import read_inputs
    from whimbrel.store.duckdb import Store

    started = time.perf_counter()
    try:
        settings = Settings(
            model=model,
            batch_size=batch_size,
            max_bytes=max_bytes,
            user_dict=tuple(Path(p) for p in user_dict),
            mention_filter=mention_filter,
        )
        pipeline = Pipeline.load(settings)
        items = read_inputs(list(inputs), fmt=fmt, max_bytes=max_bytes)
        results = with_progress(pipeline.code(items), enabled=progress)
        rejects_path = Path(rejects) if rejects else Path(f"{db}.rejects.jsonl")
        with Store.open(Path(db)) as store:
            summary = write_results(
                store, results, versions=pipeline.versions, rejects_path=rejects_path
            )
    except WhimbrelError as e:
        fail(e)
    elapsed = time.perf_counter() - started
    click.echo(
        f"articles read {summary['articles']}, rejected {summary['rejected']}, "
        f"mentions {summary['mentions']}, events {summary['events']}, "
        f"unresolved actors {summary['unresolved']}, time {elapsed:.1f}s -> {db}"
    )
    if summary["rejected"]:
        click.echo(f"rejects report: {rejects_path}", err=True)
        sys.exit(EXIT_REJECTS)


def with_progress(results: Iterator[StoryResult], *, enabled: bool | None) -> Iterator[StoryResult]:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield from results
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("coded {task.completed} articles"), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("coding", total=None)
        for result in results:
            bar.advance(task)
            yield result


def write_results(
    store: object, results: Iterable[StoryResult], *, versions: dict[str, str], rejects_path: Path
) -> dict[str, int]:
    """Write results to the store in bulk chunks; every reject to stderr and the report."""
    summary = {"articles": 0, "rejected": 0, "mentions": 0, "events": 0, "unresolved": 0}
    chunk: list[StoryResult] = []
    with rejects_path.open("w", encoding="utf-8") as report:
        for result in results:
            count_result(summary, result)
            if result.reject is not None:
                click.echo(f"rejected: {result.reject.origin}: {result.reject.reason}", err=True)
                report.write(
                    json.dumps(
                        {
                            "origin": result.reject.origin,
                            "stage": result.reject.stage,
                            "reason": result.reject.reason,
                            "story_id": result.reject.story_id,
                        }
                    )
                    + "\n"
                )
            chunk.append(result)
            if len(chunk) >= WRITE_CHUNK:
                store.write(chunk, versions=versions)  # type: ignore[attr-defined]
                chunk = []
        if chunk:
            store.write(chunk, versions=versions)  # type: ignore[attr-defined]
    return summary


def count_result(summary: dict[str, int], result: StoryResult) -> None:
    summary["articles"] += result.article is not None or result.reject is not None
    summary["rejected"] += result.reject is not None
    summary["mentions"] += len(result.mentions)
    summary["events"] += len(result.events)
    summary["unresolved"] += sum(
        1
        for m in result.mentions
        for a in (*m.actors, *m.recipients)
        if not (a.country or a.sector)
    )


@main.command()
@click.option("--db", default="whimbrel.duckdb", show_default=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    default="plover-jsonl",
    show_default=True,
    type=click.Choice(["plover-jsonl", "csv", "parquet"]),
)
@click.option("--out", type=click.Path(), help="Output file (default: standard output).")
@click.option(
    "--include-modality",
    multiple=True,
    help="Modalities to export (default: asserted and planned); repeatable.",
)
def export(db: str, fmt: str, out: str | None, include_modality: tuple[str, ...]) -> None:
    """Export events from the store in a layout other tools read."""
    from whimbrel.export import export_events
    from whimbrel.store.duckdb import Store

    try:
        modalities = Settings(
            include_modality=include_modality or Settings().include_modality
        ).include_modality
        with Store.open(Path(db), read_only=True) as store:
            target = Path(out) if out else sys.stdout
            count = export_events(store, fmt=fmt, out=target, include_modality=modalities)
    except WhimbrelError as e:
        fail(e)
    click.echo(f"exported {count} events ({fmt})", err=True)


@main.command()
@click.option("--db", default="whimbrel.duckdb", show_default=True, type=click.Path())
@click.option("--limit", default=50, show_default=True, help="Most events to show.")
@click.option("--all-modalities", is_flag=True, help="Also show negated and hypothetical.")
def show(db: str, limit: int, all_modalities: bool) -> None:
    """Print the store's events as a table."""
    from whimbrel.show import events_table
    from whimbrel.store.duckdb import Store

    modalities = None if all_modalities else Settings().include_modality
    try:
        with Store.open(Path(db), read_only=True) as store:
            records = store.events(modality=modalities)
    except WhimbrelError as e:
        fail(e)
    events_table(records[:limit], total=len(records))


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--pred",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Predicted events, PLOVER JSONL (e.g. from `whimbrel export`).",
)
@click.option("--md", "out_md", type=click.Path(), help="Write a Markdown report here.")
@click.option("--json", "out_json", type=click.Path(), help="Write a JSON report here.")
def evaluate(gold: str, pred: str, out_md: str | None, out_json: str | None) -> None:
    """Score predicted events against GOLD events (both PLOVER JSONL)."""
    from whimbrel.eval import report, run_eval

    try:
        scores = run_eval(
            Path(gold),
            Path(pred),
            out_md=Path(out_md) if out_md else None,
            out_json=Path(out_json) if out_json else None,
        )
    except WhimbrelError as e:
        fail(e)
    click.echo(report.markdown(scores, title=f"{Path(pred).name} vs {Path(gold).name}"))
