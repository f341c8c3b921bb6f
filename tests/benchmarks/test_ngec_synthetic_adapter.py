"""The synthetic-story adapter's reader and sample, on a small zip we write here."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from adapters.ngec_synthetic import read_stories, sample, type_rows


def _zip(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["text", "title", "label", "mode"])
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "stories.csv.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("stories.csv", buffer.getvalue())
    return path


def test_sample_is_per_label_and_independent_of_file_order(tmp_path: Path) -> None:
    rows = [
        {"text": f"Story number {i} about a harbour.", "title": "t", "label": label, "mode": ""}
        for i, label in enumerate(["AID", "AID", "AID", "REJECT", "REJECT", "AID"])
    ]
    forward = sample(read_stories(_zip(tmp_path, rows)), per_type=2)
    backward = sample(read_stories(_zip(tmp_path, rows[::-1])), per_type=2)
    assert forward == backward
    assert [s.label for s in forward] == ["AID", "AID", "REJECT", "REJECT"]


def test_type_rows_count_recall_and_other_events(tmp_path: Path) -> None:
    rows = [
        {"text": "Relief flights landed.", "title": "", "label": "AID", "mode": ""},
        {"text": "Nothing happened today.", "title": "", "label": "AID", "mode": ""},
    ]
    first, second = read_stories(_zip(tmp_path, rows))
    by_story = {
        first.id: [{"event_type": "AID", "modality": "asserted"}],
        second.id: [{"event_type": "CONSULT", "modality": "asserted"}],
    }
    assert type_rows([first, second], by_story) == [("AID", 2, 0.5, 0.5)]
