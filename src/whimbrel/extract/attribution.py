"""Who reported a sentence's events, and via whom.

"ANI reported on Saturday, citing The Express Tribune" gives (ANI via The Express Tribune);
"sources told The Express Tribune" gives (The Express Tribune via sources); "according to the
foreign office" gives (the foreign office). The cue verbs live in data_sources/modality.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whimbrel.extract.clauses import doc_text
from whimbrel.extract.parties import children
from whimbrel.extract.phrases import phrase_bounds
from whimbrel.records import Attribution, Span

NAME_LABELS = frozenset({"ORG", "PERSON", "NORP", "GPE"})


@dataclass(frozen=True, slots=True)
class AttributionCues:
    reporting_verbs: frozenset[str]
    citing_verbs: frozenset[str]
    informant_verbs: frozenset[str]
    source_phrases: tuple[str, ...]

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> AttributionCues:
        return cls(
            reporting_verbs=frozenset(table["reporting_verbs"]),
            citing_verbs=frozenset(table["citing_verbs"]),
            informant_verbs=frozenset(table["informant_verbs"]),
            source_phrases=tuple(table["source_phrases"]),
        )


def token_span(head: Token) -> Span:
    """The reporter's name: a named entity inside the phrase if any, else the phrase."""
    doc = head.doc
    start, end = phrase_bounds(head)
    phrase = doc.char_span(start, end, alignment_mode="expand")
    for ent in phrase.ents if phrase is not None else ():
        if ent.label_ in NAME_LABELS and ent.root.dep_ in ("appos", "pobj", "dobj", "nsubj"):
            start, end = ent.start_char, ent.end_char
    return Span(start, end, doc_text(doc)[start:end])


def sentence_attribution(sent: SpacySpan, *, cues: AttributionCues) -> tuple[Attribution, ...]:
    chain: list[Attribution] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in cues.reporting_verbs:
            continue
        link = _report_link(token, lemma, cues)
        if link is not None:
            chain.append(link)
    chain.extend(_phrase_sources(sent, cues))
    return tuple(chain)


def _report_link(verb: Token, lemma: str, cues: AttributionCues) -> Attribution | None:
    subjects = children(verb, "nsubj")
    if lemma in cues.informant_verbs:
        told = children(verb, "dobj", "dative")
        if told:
            via = token_span(subjects[0]) if subjects else None
            source = token_span(told[0])
            return Attribution(
                source=source.text, span=source, via=via.text if via else None, via_span=via
            )
    if not subjects:
        return None
    source = token_span(subjects[0])
    via = None
    for clause in children(verb, "advcl", "xcomp", "conj"):
        if clause.lemma_.lower() in cues.citing_verbs:
            cited = children(clause, "dobj")
            via = token_span(cited[0]) if cited else None
    return Attribution(source=source.text, span=source, via=via.text if via else None, via_span=via)


def _phrase_sources(sent: SpacySpan, cues: AttributionCues) -> list[Attribution]:
    found = []
    for token in sent:
        if token.dep_ != "pobj" or token.head.i == 0:
            continue
        prep = token.head
        pair = f"{sent.doc[prep.i - 1].lower_} {prep.lower_}"
        if pair in cues.source_phrases:
            source = token_span(token)
            found.append(Attribution(source=source.text, span=source))
    return found
