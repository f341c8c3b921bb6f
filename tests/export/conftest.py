"""Export tests read a real store filled with the store tests' hand-written stories."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from whimbrel.store import Store

STORE_TESTS = Path(__file__).resolve().parents[1] / "store"


def load_store_factory() -> ModuleType:
    """``tests/store/store_factory.py``, imported once under its own name."""
    if "store_factory" in sys.modules:
        return sys.modules["store_factory"]
    spec = importlib.util.spec_from_file_location("store_factory", STORE_TESTS / "store_factory.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["store_factory"] = module
    spec.loader.exec_module(module)
    return module


store_factory = load_store_factory()


@pytest.fixture
def filled_store(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as store:
        store.write(store_factory.all_stories(), versions=store_factory.VERSIONS)
    with Store.open(path, read_only=True) as store:
        yield store
