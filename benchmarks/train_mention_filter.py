"""Train the optional mention filter on NGEC's synthetic stories and write its weights as data.

    .venv/bin/python benchmarks/train_mention_filter.py [--shared ../shared] [--cache F]
        [--out data_sources/mention_filter.yaml] [--design lead|all|structural]

Data: NGEC's 4,500 LM-written stories (MIT), each labelled with the PLOVER type the generator
was asked for. The stories the ``ngec_synthetic`` eval scores (60 per type, the first by
content hash) are HELD OUT; the filter trains on the rest only.

Weak labels, per draft the extractor outputs for a training story: positive when the draft's
type (or its PLOVER reading: a planned cooperative act is AGREE, a planned conflict act
THREATEN) is the story's intended type; negative otherwise. The negatives are noisy: stories
often report real side acts of other types (an audit of 40 found ~70% of them real acts).

Designs (``--design``; all three were measured, see the note of issue 4):
``lead`` (shipped): only drafts of a story's first two sentences, where the story states its
intended act, and no position or story-size features, so the model learns which parse and
trigger readings are a wrong type, not which acts are a story's main one;
``all``: every draft, every feature; ``structural``: every draft, no type, lemma, tag or quad
features (position, parties, modality, dependency only).

Model: L2-regularised logistic regression fitted by Newton's method in numpy, over the binary
features of :func:`whimbrel.extract.mention_filter.draft_features`; lemma features are kept
only for lemmas seen ``MIN_LEMMA`` times. A deterministic fifth of the training stories (by
hash) picks the threshold: the highest one that drops at most ``MAX_POSITIVE_LOSS`` of that
fifth's positive drafts. The final weights are refitted on all training stories.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from adapters.common import shared_dir  # noqa: E402
from adapters.ngec_synthetic import (  # noqa: E402
    PER_TYPE,
    RELATIVE_PATH,
    STORY_DATE,
    SyntheticStory,
    read_stories,
    sample,
)

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "data_sources" / "mention_filter.yaml"
L2 = 1.0
MIN_LEMMA = 15
MAX_POSITIVE_LOSS = 0.05
LEAD_SENTENCES = ("sentence=0", "sentence=1")
# Feature fields each design leaves out.
EXCLUDED = {
    "lead": ("sentence", "story_drafts", "type_count", "top_type"),
    "all": (),
    "structural": ("type", "lemma", "tag", "quad"),
}
Row = tuple[str, str, int, dict[str, float]]  # story id, story label, weak label, features


def training_stories(shared: Path) -> list[SyntheticStory]:
    """Every story except those the ngec_synthetic eval scores."""
    stories = list({s.id: s for s in read_stories(shared.joinpath(*RELATIVE_PATH))}.values())
    held_out = {s.id for s in sample(stories, per_type=PER_TYPE)}
    return sorted((s for s in stories if s.id not in held_out), key=lambda s: s.id)


def draft_rows(stories: Sequence[SyntheticStory]) -> list[Row]:
    """(story, label, weak label, features) of every draft the extractor finds."""
    from whimbrel.config import Settings
    from whimbrel.extract.mention_filter import StoryView, draft_features
    from whimbrel.lexicon import load
    from whimbrel.lexicon.cameo import future_reading
    from whimbrel.pipeline import Pipeline
    from whimbrel.records import Article

    pipeline = Pipeline.load(Settings())
    cameo = load("cameo")
    by_id = {s.id: s for s in stories}
    texts = ((s.text, Article(id=s.id, date=STORY_DATE, text=s.text)) for s in stories)
    rows: list[Row] = []
    for doc, article in pipeline.model.nlp.pipe(texts, as_tuples=True, batch_size=32):
        story = pipeline.extractor.extract(doc, article)
        view = StoryView.of(doc, story.drafts)
        label = by_id[article.id].label
        for draft in story.drafts:
            reading = future_reading(cameo, draft.kind, modality=draft.modality).event_type
            positive = label in (draft.kind.event_type, reading)
            rows.append((article.id, label, int(positive), draft_features(draft, story=view)))
    return rows


def vocabulary(rows: Sequence[Row], *, exclude: Sequence[str] = ()) -> list[str]:
    """Feature names seen often enough, less the fields ``exclude`` names (``type``...)."""
    counts = Counter(name for *_, features in rows for name in features)
    return sorted(
        n
        for n, c in counts.items()
        if c >= (MIN_LEMMA if n.startswith("lemma=") else 3) and n.split("=", 1)[0] not in exclude
    )


def label_balance(rows: Sequence[Row]) -> np.ndarray:
    """Row weights by how rare a story's intended type is (1 / its number of stories), so
    each type's stories weigh about the same in all: the stories are 780 CONCEDE but 84 AID,
    and unweighted a type's prior would learn that count, not whether a draft is right."""
    stories = Counter(label for label in {r[0]: r[1] for r in rows}.values())
    weights = np.array([1.0 / stories[r[1]] for r in rows])
    return weights * len(rows) / weights.sum()


def design(rows: Sequence[Row], names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0  # the bias column
    for r, (*_, features) in enumerate(rows):
        for name, value in features.items():
            if name in index:
                x[r, index[name]] = value
    return x, np.array([row[2] for row in rows], dtype=float)


def fit(
    x: np.ndarray, y: np.ndarray, *, weights: np.ndarray, l2: float = L2, steps: int = 25
) -> np.ndarray:
    """Newton's method on the weighted, L2-penalised log loss (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (weights * (p - y)) + penalty * w
        hessian = (x * (weights * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def is_dev(story_id: str) -> bool:
    return int(hashlib.sha1(story_id.encode()).hexdigest(), 16) % 5 == 0


def pick_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The highest threshold that drops at most MAX_POSITIVE_LOSS of the positives."""
    positives = np.sort(p[y == 1])
    return float(positives[int(len(positives) * MAX_POSITIVE_LOSS)])


def dev_report(p: np.ndarray, y: np.ndarray, threshold: float) -> dict[str, float]:
    kept = p >= threshold
    auc_pairs = (p[y == 1][:, None] > p[y == 0][None, :]).mean()
    return {
        "dev_drafts": float(len(y)),
        "dev_positive_share": float(y.mean()),
        "dev_auc": float(auc_pairs),
        "dev_kept_share": float(kept.mean()),
        "dev_kept_positive_share": float(y[kept].mean()),
        "dev_positives_lost": float(1 - kept[y == 1].mean()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", help="the shared folder (default ../shared)")
    parser.add_argument("--cache", type=Path, help="JSON file of extracted rows (reused)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--design", choices=sorted(EXCLUDED), default="lead")
    args = parser.parse_args(argv)
    if args.cache and args.cache.is_file():
        rows = [tuple(r) for r in json.loads(args.cache.read_text(encoding="utf-8"))]
    else:
        rows = draft_rows(training_stories(shared_dir(args.shared)))
        if args.cache:
            args.cache.write_text(json.dumps(rows), encoding="utf-8")
    if args.design == "lead":
        rows = [r for r in rows if any(s in r[3] for s in LEAD_SENTENCES)]
    names = vocabulary(rows, exclude=EXCLUDED[args.design])
    dev = np.array([is_dev(r[0]) for r in rows])
    x, y = design(rows, names)
    balance = label_balance(rows)
    w_dev = fit(x[~dev], y[~dev], weights=balance[~dev])
    p_dev = 1.0 / (1.0 + np.exp(-(x[dev] @ w_dev)))
    threshold = pick_threshold(p_dev, y[dev])
    stats = dev_report(p_dev, y[dev], threshold)
    w = fit(x, y, weights=balance)
    text = weights_yaml(names, w, threshold, rows, {"design": args.design, **stats})
    args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(json.dumps({"threshold": threshold, **stats}, indent=1) + "\n")
    return 0


def weights_yaml(
    names: Sequence[str], w: np.ndarray, threshold: float, rows: Sequence[Row], stats: dict
) -> str:
    """The weights file: a header saying how it was made, then bias, threshold, weights."""
    stories = len({r[0] for r in rows})
    header = [
        "# GENERATED by benchmarks/train_mention_filter.py: do not hand-edit; rerun the script.",
        "# Logistic-regression weights of the optional mention filter",
        "# (whimbrel.extract.mention_filter); features are draft_features() names.",
        f"# Trained on {len(rows)} drafts of {stories} NGEC synthetic stories (MIT), the",
        "# ngec_synthetic eval sample held out. Weak labels: draft type == intended type.",
        *(f"# {k}: {v:.4f}" if isinstance(v, float) else f"# {k}: {v}" for k, v in stats.items()),
    ]
    weights = {n: round(float(v), 4) for n, v in zip(names, w[:-1], strict=True) if abs(v) >= 1e-3}
    body = {
        "bias": round(float(w[-1]), 4),
        "threshold": round(threshold, 4),
        "weights": weights,
    }
    import yaml

    return "\n".join(header) + "\n" + yaml.safe_dump(body, sort_keys=True, width=100)


if __name__ == "__main__":
    sys.exit(main())
