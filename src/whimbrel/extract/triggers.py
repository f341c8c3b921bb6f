"""Find event triggers in a parsed sentence by looking their lemmas up in the trigger lexicon.

The lexicon (``data_sources/triggers.yaml``, whose header documents every field) says, for
each head lemma, which parts of speech it may have, which dependents it needs ("call" +
"for"), which context it requires (the object, subject, governing verb, clausal complement or
any word of the sentence), which CAMEO code it carries and where its recipient comes from.
Entries sharing a head are tried most specific first; an entry without a code is a blocker
("fire the minister"). The CAMEO table gives each code's PLOVER type, mode, quad class and
intensity.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whimbrel import lexicon
from whimbrel.lexicon.cameo import type_info
from whimbrel.records import EventTypeInfo

TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})
# Quantity, measure and collective words an object is read through ("thousands of
# reservists") are the word class quantity_words of triggers.yaml.
CLAUSAL_COMPLEMENTS = ("xcomp", "ccomp")
# A context value that any word satisfies ("the complement has a subject").
ANY_LEMMA = "*"


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon row, as the extractor uses it. ``kind`` is None for a blocker."""

    head: str
    pos: frozenset[str]
    needs: tuple[str, ...]
    kind: EventTypeInfo | None
    recipient: tuple[str, ...]
    place_object: bool
    light_verbs: frozenset[str]
    standalone: bool
    context: tuple[tuple[str, frozenset[str]], ...]


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    token: Token
    entry: TriggerEntry

    @property
    def kind(self) -> EventTypeInfo:
        assert self.entry.kind is not None  # blockers never become matches
        return self.entry.kind


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def entry_from_row(row: Mapping[str, Any], cameo: Mapping[str, Any]) -> TriggerEntry:
    code = row.get("cameo")
    return TriggerEntry(
        head=row["head"],
        pos=frozenset(row["pos"]),
        needs=tuple(row.get("needs") or ()),
        kind=type_info(cameo, code, mode=row.get("mode")) if code else None,
        recipient=tuple(row.get("recipient") or ()),
        place_object=bool(row.get("place_object")),
        light_verbs=frozenset(row.get("light_verbs") or ()),
        standalone=bool(row.get("standalone", True)),
        context=tuple(
            (key, frozenset(values))
            for key, values in sorted((row.get("context") or {}).items())
            if values
        ),
    )


class TriggerIndex:
    """Lexicon entries by head lemma, most specific first, built once per pipeline."""

    def __init__(self, by_head: Mapping[str, Sequence[TriggerEntry]], *, version: str) -> None:
        self.version = version
        self._by_head = dict(by_head)

    @classmethod
    def from_tables(cls, triggers: Mapping[str, Any], cameo: Mapping[str, Any]) -> TriggerIndex:
        rows = triggers["entries"]
        by_head = {
            head: [entry_from_row(rows[i], cameo) for i in indices]
            for head, indices in triggers["index"].items()
        }
        return cls(by_head, version=f"{triggers.get('version')}/{cameo.get('version')}")

    def match_token(self, token: Token) -> TriggerEntry | None:
        """The first (most specific) entry whose conditions the token meets; None when there
        is none or when that entry is a blocker."""
        rows = self._by_head.get(lemma(token))
        if not rows:
            return None
        children = needable_lemmas(token)
        for entry in rows:
            if token.pos_ not in entry.pos or not all(n in children for n in entry.needs):
                continue
            if not entry.standalone and not governor_lemmas(token) & entry.light_verbs:
                continue
            blocker = entry.kind is None
            if all(
                context_holds(token, key, wanted, entry.needs, blocker=blocker)
                for key, wanted in entry.context
            ):
                return None if blocker else entry
        return None


def context_holds(
    token: Token, key: str, wanted: frozenset[str], needs: Sequence[str], *, blocker: bool = False
) -> bool:
    """One context condition: a wanted lemma is there, or for ``*`` any word at all is. A
    blocker's objects also count the noun a past participle describes ("a study released by
    the museum" is no release of people); a coding entry's do not, as such a participle
    often tells of a background act ("the deals reached with Israel"). A blocker's objects
    also count their conjuncts."""
    found = context_lemmas(token, key, needs)
    if blocker and key == "object_lemmas" and token.dep_ == "acl" and token.tag_ == "VBN":
        found = found | {lemma(token.head)}
    if blocker and key == "object_lemmas":  # "the fight against Zika and other *epidemics*"
        found = found | conjoined_objects(token, needs)
    return bool(found) if ANY_LEMMA in wanted else bool(wanted & found)


def conjoined_objects(token: Token, needs: Sequence[str]) -> set[str]:
    """Lemmas of the words conjoined to the head's objects ("Zika and other epidemics")."""
    return {lemma(c) for o in object_tokens(token, needs) for c in o.conjuncts}


def needable_lemmas(token: Token) -> set[str]:
    """Lemmas of the dependents that can satisfy ``needs``; a preposition whose object is a
    date does not ("fired shells at Seoul on Thursday" is not "fire on")."""
    return {
        lemma(child)
        for child in token.children
        if not (
            child.dep_ == "prep"
            and any(g.ent_type_ in ("DATE", "TIME") for g in child.children if g.dep_ == "pobj")
        )
    }


def object_lemmas(token: Token, needs: Sequence[str]) -> set[str]:
    """The head's objects: dobj, passive subject, object of a needed preposition (also
    through "out of"), a noun's "of" object; read through quantity words."""
    return {lemma(o) for o in object_tokens(token, needs)}


def object_tokens(token: Token, needs: Sequence[str]) -> list[Token]:
    """The tokens ``object_lemmas`` reads."""
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    found = found or means_swallowed_objects(token)
    for child in token.children:
        if child.dep_ in ("prep", "prt") and lemma(child) in needs:
            found += [g for g in child.children if g.dep_ == "pobj"]
            found += [
                g
                for p in child.children
                if p.dep_ == "prep"
                for g in p.children
                if g.dep_ == "pobj"
            ]
        if token.pos_ in ("NOUN", "PROPN") and child.dep_ == "prep" and lemma(child) == "of":
            found += [g for g in child.children if g.dep_ == "pobj"]
    return found + through_quantities(found)


# How a thing is carried ("sent *by courier* money to X"): a "by" of means, not an agent.
MEANS_NOUNS = frozenset(
    {"courier", "air", "sea", "road", "rail", "truck", "lorry", "plane", "ship", "boat"}
    | {"helicopter", "mail", "post", "hand", "convoy", "airlift"}
)


def means_swallowed_objects(verb: Token) -> list[Token]:
    """ "received by courier money from X": an active verb with no object whose "by" phrase of
    means the parser ran into the object ("courier money"): the object is that phrase's head."""
    if verb.pos_ != "VERB":
        return []
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and lemma(c) == "by"
        for g in c.children
        if g.dep_ == "pobj" and any(lemma(m) in MEANS_NOUNS for m in g.children if m.i < g.i)
    ]


def through_quantities(tokens: list[Token]) -> list[Token]:
    """What quantity words count ("thousands of *reservists*", "hundreds of UN *troops*")."""
    return [
        g
        for o in tokens
        if lemma(o) in lexicon.word_class("quantity_words")
        for p in o.children
        if lemma(p) == "of"
        for g in p.children
    ]


def actor_lemmas(token: Token) -> set[str]:
    """Who does the act: the active subject or the passive "by" agent, read through quantity
    words ("hundreds of rioters")."""
    found = [c for c in token.children if c.dep_ == "nsubj"]
    found += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    return {lemma(a) for a in found + through_quantities(found)}


def governor_lemmas(token: Token) -> set[str]:
    """The nearest verb above the head ("custody" under "take")."""
    governor = nearest_verb_above(token)
    return {lemma(governor)} if governor is not None else set()


def nearest_verb_above(token: Token) -> Token | None:
    """The first verb up the token's chain of heads, however far ("custody" under "take")."""
    head = token.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head if head.i != token.i and head.pos_ in ("VERB", "AUX") else None


def preposition_lemmas(token: Token) -> set[str]:
    """Prepositions on the head or on the verb that governs it ("held drills *with* Peru")."""
    governor = nearest_verb_above(token)
    heads = [token] if governor is None else [token, governor]
    return {lemma(c) for h in heads for c in h.children if c.dep_ == "prep"}


def complements(token: Token) -> list[Token]:
    """Heads of the token's clausal complements ("said that Sudan must return" -> return)."""
    return [c for c in token.children if c.dep_ in CLAUSAL_COMPLEMENTS]


def context_lemmas(token: Token, key: str, needs: Sequence[str]) -> set[str]:
    if key == "object_lemmas":
        return object_lemmas(token, needs)
    if key == "subject_lemmas":
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        return {lemma(s) for s in subjects + through_quantities(subjects)}
    if key == "actor_lemmas":
        return actor_lemmas(token)
    if key == "governor_lemmas":
        return governor_lemmas(token)
    if key == "complement_lemmas":
        return {lemma(c) for c in complements(token)}
    if key == "complement_aux":
        return {
            lemma(a) for c in complements(token) for a in c.children if a.dep_ in ("aux", "auxpass")
        }
    if key == "complement_subject_lemmas":
        return {
            lemma(s)
            for c in complements(token)
            for s in c.children
            if s.dep_ in ("nsubj", "nsubjpass")
        }
    if key == "complement_marks":
        return {lemma(m) for c in complements(token) for m in c.children if m.dep_ == "mark"}
    if key == "preposition_lemmas":
        return preposition_lemmas(token)
    if key == "sentence_lemmas":
        return {lemma(t) for t in token.sent}
    raise KeyError(f"unknown trigger context key {key!r}")


def find_triggers(sent: SpacySpan, index: TriggerIndex) -> Iterator[TriggerMatch]:
    """Matches in the sentence; a compound modifier of another trigger ("arrest" in "arrest
    warrant", "suicide" in "suicide bombing") belongs to that trigger."""
    matches = {}
    for token in sent:
        if token.pos_ in TRIGGER_POS:
            entry = index.match_token(token)
            if entry is not None:
                matches[token.i] = TriggerMatch(token=token, entry=entry)
    for match in matches.values():
        if not (match.token.dep_ == "compound" and match.token.head.i in matches):
            yield match
