"""Score whimbrel on every public gold set in ../shared and print one table.

    .venv/bin/python benchmarks/run_eval.py [--shared ../shared] [--sets a,b] [--fast] [--out DIR]

One row per set (headline metrics, items scored, published peer figure). Writes
``benchmarks/results/latest.json`` (``{set: {metric: value, "n": items}}``; ``--fast`` runs
write ``latest-fast.json``; a ``--sets`` run updates only its sets there) and one Markdown report
per set, with its misses, beside it.
``--sets`` takes adapter names (``muc4``) or row names (``muc4_tst3``). A set whose gold is
missing, or whose adapter fails, gets a row saying so and the others still run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from adapters import ADAPTERS  # noqa: E402
from adapters.common import EvalContext, SetResult, shared_dir  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def selected_adapters(names: str | None) -> list[tuple[ModuleType, set[str] | None]]:
    """Adapter modules to run, each with the row names asked for (None: all its rows)."""
    wanted = {n.strip() for n in names.split(",") if n.strip()} if names else None
    chosen: list[tuple[ModuleType, set[str] | None]] = []
    for adapter in ADAPTERS:
        module = importlib.import_module(f"adapters.{adapter}")
        rows = set(module.SETS)
        if wanted is None or adapter in wanted:
            chosen.append((module, None))
        elif rows & wanted:
            chosen.append((module, rows & wanted))
    if wanted:
        known = set(ADAPTERS).union(
            *(set(importlib.import_module(f"adapters.{a}").SETS) for a in ADAPTERS)
        )
        unknown = sorted(wanted - known)
        if unknown:
            raise SystemExit(f"unknown set(s) {unknown}; choose from {sorted(known)}")
    return chosen


def run_adapter(module: ModuleType, ctx: EvalContext, rows: set[str] | None) -> list[SetResult]:
    started = time.perf_counter()
    try:
        results = module.run(ctx)
    except Exception as e:  # noqa: BLE001 - one broken set must not hide the others' numbers
        detail = "".join(traceback.format_exception_only(type(e), e)).strip()
        sys.stderr.write(f"{module.__name__} failed:\n{traceback.format_exc()}\n")
        return [
            SetResult(
                name,
                {},
                0,
                module.PEER,
                f"# {name}\n\nFailed: {detail}\n",
                time.perf_counter() - started,
            )
            for name in module.SETS
            if rows is None or name in rows
        ]
    return [r for r in results if rows is None or r.name in rows]


def table(results: list[SetResult]) -> str:
    lines = ["| set | metrics | n | peer | s |", "|---|---|---|---|---|"]
    for r in results:
        metrics = r.metrics_cell() or "FAILED (see report)"
        n = f"{r.n} ({r.rejected} rejected)" if r.rejected else str(r.n)
        lines.append(f"| {r.name} | {metrics} | {n} | {r.peer or '–'} | {r.seconds:.0f} |")
    return "\n".join(lines) + "\n"


def write_results(results: list[SetResult], *, out: Path, fast: bool, partial: bool) -> Path:
    """Reports per set, and the JSON summary (a partial run updates only its own sets)."""
    out.mkdir(parents=True, exist_ok=True)
    for r in results:
        (out / f"{r.name}.md").write_text(r.report, encoding="utf-8")
    target = out / ("latest-fast.json" if fast else "latest.json")
    payload = json.loads(target.read_text(encoding="utf-8")) if partial and target.is_file() else {}
    payload.update({r.name: r.to_json() for r in results if r.metrics})
    target.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", help="the shared folder (default ../shared)")
    parser.add_argument("--sets", help="comma-separated adapters or rows to run (default all)")
    parser.add_argument("--fast", action="store_true", help="first items of each set only")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for JSON and reports")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    if not shared.is_dir():
        sys.stderr.write(f"no shared folder at {shared}: pass --shared PATH\n")
        return 2
    ctx = EvalContext(shared=shared.resolve(), fast=args.fast)
    results: list[SetResult] = []
    for module, rows in selected_adapters(args.sets):
        results.extend(run_adapter(module, ctx, rows))
    sys.stdout.write(table(results))
    target = write_results(results, out=args.out, fast=args.fast, partial=bool(args.sets))
    sys.stdout.write(f"\nwrote {target} and one report per set beside it\n")
    return 1 if any(not r.metrics for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
