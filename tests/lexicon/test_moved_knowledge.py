"""Word lists and code sets that moved from code into data_sources/: the shipped data loads,
and a broken section is refused with every problem listed, naming the list and bad value."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from whimbrel import lexicon
from whimbrel.errors import DataFileError
from whimbrel.lexicon import cameo, modality, people, places, triggers
from whimbrel.lexicon.build import SOURCES_DIR


def _source(name: str) -> dict[str, Any]:
    return yaml.safe_load((SOURCES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("cause_verbs", "spark"),
        ("reaction_verbs", "condemn"),
        ("converse_light_verbs", "face"),
        ("attack_nouns", "airstrike"),
        ("non_agent_causes", "earthquake"),
        ("quantity_words", "thousand"),
    ],
)
def test_shipped_word_classes_load(name: str, word: str) -> None:
    assert word in lexicon.word_class(name)


def test_shipped_sections_load() -> None:
    rules = lexicon.load("cameo")["party_rules"]
    assert set(rules["state_act_codes"]) == {"173", "174", "090", "091"}
    assert "THREATEN" in rules["intent_types"]
    assert "ought" in lexicon.load("modality")["prospective_modals"]
    assert "can" not in lexicon.load("modality")["prospective_modals"]
    assert "von" in lexicon.load("people")["name_particles"]
    assert "throughout" in lexicon.load("places")["not_after_verb"]


def test_unknown_word_class_is_refused() -> None:
    with pytest.raises(DataFileError, match="no word class 'bogus_nouns'"):
        lexicon.word_class("bogus_nouns")


def test_broken_word_classes_list_every_problem() -> None:
    raw = _source("triggers")
    classes = raw["word_classes"]
    classes["reaction_verbs"] = [*classes["reaction_verbs"], "Condemn", "praise", True]
    classes["attack_nouns"] = []
    del classes["quantity_words"]
    classes["weather_nouns"] = ["storm"]
    _, problems = triggers.compile(raw)
    joined = "\n".join(problems)
    assert "word_classes.reaction_verbs: values ['Condemn', True]" in joined
    assert "word_classes.reaction_verbs: repeats ['praise']" in joined
    assert "word_classes.attack_nouns: must be a non-empty list" in joined
    assert "lacks the lists ['quantity_words']" in joined
    assert "unknown lists ['weather_nouns']" in joined
    assert len(problems) == 5


def test_broken_party_rules_list_every_problem() -> None:
    raw = _source("cameo")
    rules = raw["party_rules"]
    rules["intent_types"] = ["AGREE", "PROMISE"]
    rules["state_act_codes"] = ["173", 174, "999"]
    del rules["crowd_types"]
    _, problems = cameo.compile(raw)
    assert problems == [
        "'party_rules' lacks ['crowd_types']; add them",
        "'party_rules' intent_types: ['PROMISE'] are not PLOVER types",
        "'party_rules' state_act_codes: [174, '999'] are not codes of the table "
        '(quote codes: "057")',
    ]


@pytest.mark.parametrize(
    ("module", "name", "key", "bad", "expected"),
    [
        (modality, "modality", "prospective_modals", ["should", ""], "non-string or empty"),
        (modality, "modality", "prospective_modals", [], "must be a non-empty list"),
        (places, "places", "not_after_verb", ["in", "In"], "not lower-case text: ['In']"),
        (places, "places", "not_after_verb", ["in", "in"], "repeats ['in']"),
        (people, "people", "name_particles", ["bin", "Bin"], "values ['Bin']"),
    ],
)
def test_broken_list_sections_are_refused(
    module: Any, name: str, key: str, bad: list[Any], expected: str
) -> None:
    raw = copy.deepcopy(_source(name))
    raw[key] = bad
    _, problems = module.compile(raw)
    assert any(key in p and expected in p for p in problems), problems
