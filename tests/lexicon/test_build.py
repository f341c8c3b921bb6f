"""Every lexicon module: shipped JSON is current, sources exist, bad input yields problems."""

from __future__ import annotations

import json
from types import ModuleType

import pytest

from whimbrel.lexicon.build import (
    DATA_DIR,
    SOURCES_DIR,
    compile_source,
    compiled_text,
    validator_modules,
)

MODULES = validator_modules()


def module_name(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[1]


def test_the_core_lexicons_are_registered() -> None:
    names = {module_name(m) for m in MODULES}
    assert {"cameo", "triggers"} <= names


@pytest.mark.parametrize("module", MODULES, ids=module_name)
def test_source_file_exists(module: ModuleType) -> None:
    assert (SOURCES_DIR / module.SOURCE).is_file(), f"data_sources/{module.SOURCE} is missing"


@pytest.mark.parametrize("module", MODULES, ids=module_name)
def test_shipped_json_matches_a_fresh_build(module: ModuleType) -> None:
    name = module_name(module)
    shipped = DATA_DIR / f"{name}.json"
    assert shipped.is_file(), f"data/{name}.json is missing: run `python -m whimbrel.lexicon`"
    fresh = compiled_text(compile_source(module))
    assert shipped.read_text(encoding="utf-8") == fresh, (
        f"data/{name}.json is stale: run `python -m whimbrel.lexicon`"
    )


@pytest.mark.parametrize("module", MODULES, ids=module_name)
def test_compiled_form_is_plain_json(module: ModuleType) -> None:
    compiled = compile_source(module)
    assert json.loads(compiled_text(compiled)) == json.loads(json.dumps(compiled))


@pytest.mark.parametrize("module", MODULES, ids=module_name)
@pytest.mark.parametrize("raw", [None, [], {}, "text"], ids=["null", "list", "empty", "str"])
def test_wrong_top_level_is_reported_not_raised(module: ModuleType, raw: object) -> None:
    _, problems = module.compile(raw)
    assert problems, f"{module_name(module)} accepted {raw!r} without a problem"
    assert all(isinstance(p, str) and p for p in problems)
