"""Fixtures shared by the whole suite: the ../shared data folder and one loaded pipeline."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_root() -> Path:
    """``$WHIMBREL_SHARED`` when set and not empty, else ``<repo>/../shared``: the one place
    the suite locates the shared data folder (tests reach it through the fixtures below)."""
    return Path(os.environ.get("WHIMBREL_SHARED") or REPO.parent / "shared")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    root = shared_root()
    if not root.is_dir():
        pytest.skip(f"{root} is absent: the public gold data tier is skipped")
    return root


@pytest.fixture(scope="session")
def shared_path(shared_dir: Path) -> Callable[[str], Path]:
    """A path under ../shared by its relative name; the test skips when that file is absent."""

    def find(relative: str) -> Path:
        path = shared_dir / relative
        if not path.exists():
            pytest.skip(f"{path} is absent")
        return path

    return find


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from whimbrel.pipeline import Pipeline

    return Pipeline.load()
