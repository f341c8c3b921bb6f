"""Fixtures for store tests, built from ``store_factory`` (hand-written stories)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_factory import VERSIONS, all_stories

from whimbrel.records import StoryResult
from whimbrel.store import Store


@pytest.fixture
def stories() -> list[StoryResult]:
    return all_stories()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "events.duckdb"


@pytest.fixture
def filled_store(store_path: Path, stories: list[StoryResult]) -> Iterator[Store]:
    with Store.open(store_path) as store:
        store.write(stories, versions=VERSIONS)
    reopened = Store.open(store_path)
    yield reopened
    reopened.close()
