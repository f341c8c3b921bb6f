"""The function behind ``whimbrel eval GOLD --pred PRED``: load, score, write reports."""

from __future__ import annotations

from pathlib import Path

from whimbrel.errors import GoldError
from whimbrel.eval.gold import load_records
from whimbrel.eval.report import markdown, to_json
from whimbrel.eval.score import DEFAULT_KM_THRESHOLD, Scores, score


def run_eval(
    gold_path: Path,
    pred_path: Path,
    *,
    out_md: Path | None = None,
    out_json: Path | None = None,
    km_threshold: float = DEFAULT_KM_THRESHOLD,
) -> Scores:
    """Score the records in ``pred_path`` against ``gold_path``; write the reports asked for.

    Raises :class:`~whimbrel.errors.GoldError` when either file cannot be read or scored,
    or a report cannot be written.
    """
    gold_path, pred_path = Path(gold_path), Path(pred_path)
    scores = score(load_records(gold_path), load_records(pred_path), km_threshold=km_threshold)
    title = f"whimbrel eval: {pred_path.name} against {gold_path.name}"
    if out_md is not None:
        _write(Path(out_md), markdown(scores, title=title))
    if out_json is not None:
        _write(Path(out_json), to_json(scores))
    return scores


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise GoldError(f"{path}: cannot write the report ({e}); check the folder") from e
