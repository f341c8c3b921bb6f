"""The mention filter's trainer: it never trains on the stories the ngec_synthetic eval scores,
and its pieces (weighting, fitting, threshold) do what they say on small arrays."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from adapters.ngec_synthetic import PER_TYPE, RELATIVE_PATH, read_stories, sample
from train_mention_filter import fit, label_balance, pick_threshold, training_stories


def _shared_with(tmp_path: Path, labels: list[str]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["text", "label"])
    writer.writeheader()
    writer.writerows(
        {"text": f"Report {i}: the council met the envoy.", "label": label}
        for i, label in enumerate(labels)
    )
    path = tmp_path.joinpath(*RELATIVE_PATH)
    path.parent.mkdir(parents=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("stories.csv", buffer.getvalue())
    return tmp_path


def test_training_leaves_out_the_eval_sample(tmp_path: Path) -> None:
    shared = _shared_with(tmp_path, ["AID"] * (PER_TYPE + 5) + ["REJECT"] * 3)
    held_out = {s.id for s in sample(read_stories(shared.joinpath(*RELATIVE_PATH)), per_type=60)}
    trained = {s.id for s in training_stories(shared)}
    assert not trained & held_out
    assert len(trained) == 5  # the five AID stories past the sample; every REJECT is held out


@pytest.mark.shared
def test_training_leaves_out_the_eval_sample_of_the_real_file(shared_dir: Path) -> None:
    path = shared_dir.joinpath(*RELATIVE_PATH)
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    held_out = {s.id for s in sample(read_stories(path), per_type=PER_TYPE)}
    trained = {s.id for s in training_stories(shared_dir)}
    assert not trained & held_out and len(trained) + len(held_out) == 4500


def test_label_balance_weighs_a_story_by_how_rare_its_label_is() -> None:
    rows = [("a", "AID", 1, {}), ("a", "AID", 0, {}), ("b", "AID", 1, {}), ("c", "REJECT", 0, {})]
    weights = label_balance(rows)
    assert weights[0] == weights[1] == weights[2] == pytest.approx(weights[3] / 2)
    assert weights.sum() == pytest.approx(len(rows))


def test_fit_learns_a_separating_feature_and_threshold_keeps_positives() -> None:
    x = np.array([[1.0, 1.0], [1.0, 1.0], [0.0, 1.0], [0.0, 1.0]])  # feature, bias
    y = np.array([1.0, 1.0, 0.0, 0.0])
    w = fit(x, y, weights=np.ones(4))
    assert w[0] > 0.5 and w[0] > abs(w[1])
    p = 1 / (1 + np.exp(-(x @ w)))
    assert pick_threshold(p, y) <= p[y == 1].min()
