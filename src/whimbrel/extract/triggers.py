"""Find event triggers in a parsed sentence by looking their lemmas up in the trigger lexicon.

The lexicon (``data_sources/triggers.yaml``) says, for each head lemma, which parts of speech
it may have, which dependents it needs ("call" + "for"), which CAMEO code it carries and where
its recipient comes from. The CAMEO table (``data_sources/cameo.yaml``) gives the PLOVER type,
mode, quad class and intensity of each code.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whimbrel.records import EventTypeInfo


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon row, as the extractor uses it."""

    head: str
    pos: frozenset[str]
    needs: tuple[str, ...]
    kind: EventTypeInfo
    recipient: tuple[str, ...]
    place_object: bool
    light_verbs: frozenset[str]
    object_lemmas: frozenset[str]
    not_object_lemmas: frozenset[str]

    @property
    def specificity(self) -> int:
        return len(self.needs) * 2 + bool(self.object_lemmas)


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    token: Token
    entry: TriggerEntry


def event_kind(code: str, codes: Mapping[str, Mapping[str, Any]]) -> EventTypeInfo | None:
    """The PLOVER view of a CAMEO code, or None when the code is not one we output."""
    row = codes.get(code)
    if row is None or not row.get("plover"):
        return None
    return EventTypeInfo(
        event_type=row["plover"],
        mode=row.get("mode"),
        cameo_code=code,
        quad_class=int(row["quad"]),
        intensity=float(row["intensity"]),
    )


class TriggerIndex:
    """Lexicon entries indexed by head lemma, built once per pipeline."""

    def __init__(self, entries: Sequence[TriggerEntry], *, version: str) -> None:
        self.version = version
        self._by_head: dict[str, list[TriggerEntry]] = {}
        for entry in entries:
            self._by_head.setdefault(entry.head, []).append(entry)
        for rows in self._by_head.values():
            rows.sort(key=lambda e: -e.specificity)

    @classmethod
    def from_tables(cls, triggers: Mapping[str, Any], cameo: Mapping[str, Any]) -> TriggerIndex:
        entries = []
        for row in triggers["entries"]:
            kind = event_kind(row["cameo"], cameo["codes"])
            if kind is None:
                continue
            entries.append(
                TriggerEntry(
                    head=row["head"],
                    pos=frozenset(row["pos"]),
                    needs=tuple(row.get("needs") or ()),
                    kind=kind,
                    recipient=tuple(row.get("recipient") or ()),
                    place_object=bool(row.get("place_object")),
                    light_verbs=frozenset(row.get("light_verbs") or ()),
                    object_lemmas=frozenset(row.get("object_lemmas") or ()),
                    not_object_lemmas=frozenset(row.get("not_object_lemmas") or ()),
                )
            )
        return cls(entries, version=f"{triggers.get('version')}/{cameo.get('version')}")

    def candidates(self, lemma: str) -> Sequence[TriggerEntry]:
        return self._by_head.get(lemma, ())

    def match_token(self, token: Token) -> TriggerEntry | None:
        """The most specific entry whose conditions the token meets."""
        rows = self.candidates(token.lemma_.lower())
        if not rows:
            return None
        child_lemmas = {child.lemma_.lower() for child in token.children}
        objects = _object_lemmas(token)
        for entry in rows:
            if token.pos_ not in entry.pos:
                continue
            if any(need not in child_lemmas for need in entry.needs):
                continue
            if entry.object_lemmas and not (objects & entry.object_lemmas):
                continue
            if objects & entry.not_object_lemmas:
                continue
            return entry
        return None


def _object_lemmas(token: Token) -> set[str]:
    """Lemmas of the token's objects and of its prepositions' objects (for sense choice)."""
    lemmas = set()
    for child in token.children:
        if child.dep_ in ("dobj", "pobj", "nsubjpass", "attr", "compound", "amod"):
            lemmas.add(child.lemma_.lower())
        elif child.dep_ == "prep":
            lemmas.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    if token.dep_ in ("dobj", "nsubjpass", "pobj"):
        lemmas.add(token.head.lemma_.lower())
    return lemmas


def find_triggers(sent: SpacySpan, index: TriggerIndex) -> Iterator[TriggerMatch]:
    for token in sent:
        if token.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
            continue
        entry = index.match_token(token)
        if entry is not None:
            yield TriggerMatch(token=token, entry=entry)
