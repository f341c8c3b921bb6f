"""Lemma repairs: forms the rule lemmatizer reads as another verb get their own lemma back."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.lexicon.lemmas import compile as compile_lemmas
from whimbrel.records import Article


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("Dock workers staged a walkout at the port of Durban.", "staged", "stage"),
        ("The junta has waged a campaign against the northern militias.", "waged", "wage"),
        ("A district court fined the mayor for contempt.", "fined", "fine"),
        ("The regulator is fining banks that broke the rules.", "fining", "fine"),
        # Untouched: forms the lemmatizer already gets right, and nouns.
        ("The ministers met in Accra.", "met", "meet"),
        ("The fines were paid in May.", "fines", "fine"),
    ],
)
def test_repaired_lemma(pipeline, text: str, form: str, lemma: str) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.model.nlp(text)
    assert [t.lemma_ for t in doc if t.text == form] == [lemma]


@pytest.mark.slow
def test_fined_is_coded_as_a_sanction(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "A district court in Mombasa fined the opposition leader on Friday."
    article = Article(id="fine", date=dt.date(2024, 5, 5), text=text, origin="test")
    result = pipeline.code_doc(pipeline.model.nlp(text), article)
    assert [m.trigger.text for m in result.mentions] == ["fined"]
    assert result.mentions[0].kind.event_type == "SANCTION"


def test_validator_reports_every_problem() -> None:
    raw = {
        "version": "t",
        "verb": {"stage": ["staged", "Staging"], "stag": ["staged"]},
        "adverb": {"fast": ["faster"]},
    }
    compiled, problems = compile_lemmas(raw)
    assert any("'Staging'" in p for p in problems)
    assert any("'staged' is listed under 'stage' and 'stag'" in p for p in problems)
    assert any("unknown keys ['adverb']" in p for p in problems)
    assert compiled["exceptions"]["verb"]["staged"] == "stag"  # type: ignore[index]


def test_shipped_table_is_clean() -> None:
    import yaml

    from whimbrel.lexicon.build import SOURCES_DIR

    raw = yaml.safe_load((SOURCES_DIR / "lemmas.yaml").read_text(encoding="utf-8"))
    compiled, problems = compile_lemmas(raw)
    assert problems == []
    assert compiled["exceptions"]["verb"]["waging"] == "wage"  # type: ignore[index]
