"""The coreference word lists moved from code to data_sources/coreference.yaml: the shipped
data loads, and a broken file is refused with every problem listed, naming the list and value."""

from __future__ import annotations

from typing import Any

import yaml

from whimbrel import lexicon
from whimbrel.lexicon import coreference
from whimbrel.lexicon.build import SOURCES_DIR


def _source() -> dict[str, Any]:
    return yaml.safe_load((SOURCES_DIR / "coreference.yaml").read_text(encoding="utf-8"))


def test_shipped_lists_load() -> None:
    words = lexicon.load("coreference")
    assert {"a", "several", "their"} <= set(words["indefinite"])
    assert "deputy" in words["rank_words"] and "acting" not in words["rank_words"]
    assert words["state_nouns"]["governments"] == "GOV"
    assert words["state_nouns"]["countries"] is None
    assert "sides" in words["side_nouns"]
    assert "leader" in words["general_titles"]


def test_every_problem_is_listed() -> None:
    raw = _source()
    raw["indefinite"] = [*raw["indefinite"], "Some", "a"]
    raw["rank_words"] = []
    raw["state_nouns"] = {"countries": None, "cabinets": "gov", "Nations": None}
    raw["pronouns"] = ["he"]
    del raw["general_titles"]
    _, problems = coreference.compile(raw)
    joined = "\n".join(problems)
    assert "indefinite: values ['Some']" in joined
    assert "indefinite: repeats ['a']" in joined
    assert "rank_words: must be a non-empty list" in joined
    assert "state_nouns.cabinets: sector 'gov'" in joined
    assert "state_nouns: key 'Nations'" in joined
    assert "unknown keys ['pronouns']" in joined
    assert "general_titles: must be a non-empty list" in joined


def test_wrong_top_level_is_reported() -> None:
    compiled, problems = coreference.compile(["indefinite"])
    assert compiled is None
    assert problems == ["top level must be a mapping, got list"]


def test_side_words_are_validated() -> None:
    assert {"all", "warring"} <= set(lexicon.load("coreference")["side_words"])
    raw = _source()
    raw["side_words"] = ["all", "Warring"]
    _, problems = coreference.compile(raw)
    assert any(p.startswith("side_words:") and "Warring" in p for p in problems), problems
