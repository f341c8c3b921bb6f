"""Subjects the parser hung in the wrong place, on parses built as the small model gives them
(spaCy Doc objects with those heads and labels; sentences we wrote)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from whimbrel.extract.subjects import clause_subject


def test_a_subject_hung_on_after_is_its_clauses() -> None:
    # "May" read as a month: the model made "Theresa May" the object of "after"
    words = ["Hunt", "became", "premier", "after", "Theresa", "May", "stepped", "down", "."]
    heads = [1, 1, 1, 6, 5, 3, 1, 6, 1]
    deps = ["nsubj", "ROOT", "attr", "mark", "compound", "pobj", "advcl", "advmod", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    stepped = doc[6]
    assert [t.text for t in clause_subject(stepped)] == ["May"]


def test_a_clause_without_a_subject_takes_the_main_clauses() -> None:
    words = ["Hunt", "resigned", "after", "losing", "the", "vote", "."]
    heads = [1, 1, 3, 1, 5, 3, 1]
    deps = ["nsubj", "ROOT", "mark", "advcl", "det", "dobj", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert [t.text for t in clause_subject(doc[3])] == ["Hunt"]
