"""Fixtures shared by the whole suite: the ../shared data folder and one loaded pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_root() -> Path:
    return Path(os.environ.get("WHIMBREL_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    root = shared_root()
    if not root.is_dir():
        pytest.skip(f"{root} is absent: the public gold data tier is skipped")
    return root


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from whimbrel.pipeline import Pipeline

    return Pipeline.load()
