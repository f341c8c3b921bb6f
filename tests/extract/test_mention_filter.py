"""The optional mention filter: its features, its scoring, its keep rule and its data file."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from whimbrel.extract.mention_filter import MentionFilter, StoryView, draft_features
from whimbrel.lexicon import mention_filter as table_module
from whimbrel.records import Article, ParsedStory

DATE = dt.date(2024, 5, 12)
TWO_ACTS = (
    "Police in Ruvania arrested four opposition organisers on Tuesday. "
    "The interior minister later met the organisers' lawyers in Velmar."
)


@pytest.fixture(scope="module")
def parse(pipeline):  # type: ignore[no-untyped-def]
    def parsed(text: str) -> tuple[ParsedStory, object]:
        article = Article(id="t", date=DATE, text=text)
        doc = pipeline.model.nlp(text)
        return pipeline.extractor.extract(doc, article), doc

    return parsed


def features_of(parse, text: str) -> list[dict[str, float]]:  # type: ignore[no-untyped-def]
    story, doc = parse(text)
    view = StoryView.of(doc, story.drafts)
    return [draft_features(d, story=view) for d in story.drafts]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Soldiers from Ruvania shelled the border town of Kessa on Friday.",
            {"pos=VERB", "dep=ROOT", "sentence=0", "type=ASSAULT", "has_date", "top_type"},
        ),
        (
            "The foreign ministers of Ruvania and Doldavia held talks in Velmar.",
            {"sentence=0", "type=CONSULT", "has_place"},
        ),
        (
            "Opposition leaders said police had detained dozens of students in the capital.",
            {"attributed", "type=COERCE", "pos=VERB"},
        ),
    ],
)
def test_features_describe_the_trigger_and_its_record(parse, text, expected) -> None:  # type: ignore[no-untyped-def]
    (features,) = features_of(parse, text)
    assert expected <= set(features)
    assert all(v == 1.0 for v in features.values())


@pytest.mark.slow
def test_position_and_repetition_are_features(parse) -> None:  # type: ignore[no-untyped-def]
    first, second = features_of(parse, TWO_ACTS)
    assert {"sentence=0", "type=COERCE", "type_count=1"} <= set(first)
    assert {"sentence=1", "type=CONSULT"} <= set(second)


def tiny_filter(*, threshold: float, weights: dict[str, float]) -> MentionFilter:
    return MentionFilter(weights=weights, bias=0.0, threshold=threshold)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("threshold", "kept_types"),
    [
        (0.01, ["COERCE", "CONSULT"]),  # everything clears a low bar
        (0.99, ["COERCE"]),  # nothing does: the best-scored draft still stays
    ],
)
def test_the_threshold_drops_low_drafts_but_keeps_the_best(parse, threshold, kept_types) -> None:  # type: ignore[no-untyped-def]
    story, doc = parse(TWO_ACTS)
    model = tiny_filter(threshold=threshold, weights={"type=COERCE": 2.0, "type=CONSULT": -1.0})
    kept = model.filter_story(story, doc)
    assert [d.kind.event_type for d in kept.drafts] == kept_types


@pytest.mark.slow
def test_a_story_without_drafts_is_unchanged(parse) -> None:  # type: ignore[no-untyped-def]
    story, doc = parse("The weather in Velmar was mild for the season.")
    assert tiny_filter(threshold=0.5, weights={"pos=VERB": 1.0}).filter_story(story, doc) == story


def test_probability_is_the_logistic_of_the_summed_weights() -> None:
    model = MentionFilter(weights={"pos=VERB": 2.0, "hedged": -1.0}, bias=-1.0, threshold=0.5)
    assert model.probability({"pos=VERB": 1.0}) == pytest.approx(1 / (1 + 2.718281828**-1.0))
    assert model.probability({"pos=VERB": 1.0, "hedged": 1.0}) == pytest.approx(0.5)
    assert model.probability({"unknown=feature": 1.0}) < 0.5


def test_the_shipped_table_loads() -> None:
    model = MentionFilter.default()
    assert 0.0 < model.threshold < 1.0
    assert model.weights


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"bias": 0.1, "threshold": 1.5, "weights": {"pos=VERB": 1.0}}, "threshold: 1.5"),
        ({"bias": "x", "threshold": 0.3, "weights": {"pos=VERB": 1.0}}, "bias: 'x'"),
        ({"bias": 0.1, "threshold": 0.3, "weights": {"colour=red": 1.0}}, "'colour=red'"),
        ({"bias": 0.1, "threshold": 0.3, "weights": {"pos=VERB": "high"}}, "'high'"),
        ({"bias": 0.1, "threshold": 0.3, "weights": {}}, "non-empty mapping"),
        (["not", "a", "mapping"], "top level must be a mapping"),
    ],
)
def test_the_validator_names_the_bad_value(raw: object, problem: str) -> None:
    _, problems = table_module.compile(raw)
    assert any(problem in p for p in problems), problems


def test_the_validator_lists_every_problem() -> None:
    raw = {"bias": None, "threshold": 0, "weights": {"shade=x": 1.0, "hedged": float("nan")}}
    _, problems = table_module.compile(raw)
    assert len(problems) == 4, problems


@pytest.mark.slow
def test_the_pipeline_runs_the_filter_when_asked(pipeline) -> None:  # type: ignore[no-untyped-def]
    strict = dataclasses.replace(
        pipeline, mention_filter=tiny_filter(threshold=0.99, weights={"type=COERCE": 2.0})
    )
    (result,) = strict.code([Article(id="t", date=DATE, text=TWO_ACTS)])
    assert [m.kind.event_type for m in result.mentions] == ["COERCE"]


@pytest.mark.slow
@pytest.mark.parametrize("enabled", [True, False])
def test_the_setting_turns_the_filter_on(enabled: bool) -> None:
    from whimbrel.config import Settings
    from whimbrel.pipeline import Pipeline

    loaded = Pipeline.load(Settings(mention_filter=enabled))
    assert (loaded.mention_filter is not None) is enabled


def test_a_table_without_a_weights_mapping_is_a_data_error() -> None:
    from whimbrel.errors import DataFileError

    with pytest.raises(DataFileError, match="weights must be a mapping"):
        MentionFilter.from_table({"bias": 0.0, "threshold": 0.5, "weights": [1.0]})
