"""Modality of a mention: asserted, planned, negated or hypothetical, plus a hedge flag.

The cue words live in ``data_sources/modality.yaml``. We walk from the trigger up through the
clauses that embed it ("is expected to make a visit", "will not imply the recognition") and
read auxiliaries, negations, subordinators and governing verbs on the way. Priority when cues
compete: negated, then hypothetical, then planned.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Token

from whimbrel import lexicon
from whimbrel.records import Modality

# Dependencies through which a governing clause's modality reaches the embedded event.
# Not advcl: "While X will visit, it will not imply ..." does not negate the visit.
# acl: a noun's infinitive complement ("the refusal to talk", "his plan to visit").
EMBEDDING_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "attr", "conj", "pcomp", "pobj", "prep", "acomp", "oprd", "acl"}
)
MAX_DEPTH = 5
# "is going to visit" is a plan; "went on strike", "goes to the polls" are not.
ONLY_AS_GOING_TO = frozenset({"go"})
# "Serbia announced it would free ...": under a reporting verb "would" is the future of the
# past, a plan, not a condition.
FUTURE_IN_PAST = frozenset({"would", "'d"})
# Determiners of a subject that negate its clause ("Neither Chile nor Peru attacked", "No soldier
# was hurt").
NEGATING_SUBJECT_WORDS = frozenset({"neither", "no"})


@dataclass(frozen=True, slots=True)
class ModalityCues:
    planned_governors: frozenset[str]
    planned_aux: frozenset[str]
    planned_modifiers: frozenset[str]
    planned_phrases: tuple[str, ...]
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_governors: frozenset[str]
    negation_words: frozenset[str]
    negating_governors: frozenset[str]
    hedges: frozenset[str]
    reporting_verbs: frozenset[str]
    background_prepositions: frozenset[str] = frozenset()

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> ModalityCues:
        def words(key: str) -> frozenset[str]:
            return frozenset(table[key])

        return cls(
            planned_governors=words("planned_governors"),
            planned_aux=words("planned_aux"),
            planned_modifiers=words("planned_modifiers"),
            planned_phrases=tuple(table["planned_phrases"]),
            hypothetical_aux=words("hypothetical_aux"),
            hypothetical_marks=words("hypothetical_marks"),
            hypothetical_governors=words("hypothetical_governors"),
            negation_words=words("negation_words"),
            negating_governors=words("negating_governors"),
            hedges=words("hedges"),
            reporting_verbs=words("reporting_verbs"),
            background_prepositions=words("background_prepositions"),
        )


def governing_chain(
    trigger: Token, *, reporting: frozenset[str], background: frozenset[str] = frozenset()
) -> Iterator[Token]:
    """The trigger, then each clause head that embeds it, stopping at reporting verbs and at
    prepositions of a ``background`` happening ("following the invasion")."""
    current = trigger
    yield current
    for _ in range(MAX_DEPTH):
        if current.head.i == current.i or not (
            current.dep_ in EMBEDDING_DEPS
            or is_purpose_clause(current)
            or (current.dep_ == "relcl" and is_infinitive(current))  # "a call for X to be sent"
        ):
            return
        if current.dep_ == "acl" and current.tag_ == "VBN" and not is_infinitive(current):
            return  # "agreed to a ceasefire *brokered* by X": the participle is done already
        if current.dep_ == "pobj" and is_background(current.head, background):
            return
        current = current.head
        if current.lemma_.lower() in reporting:
            return
        yield current


def is_background(preposition: Token, background: frozenset[str]) -> bool:
    """ "*following* the invasion", "in the *wake of* the execution"."""
    of_noun = preposition.lower_ == "of" and preposition.head.lower_ in background
    return preposition.lower_ in background or of_noun


def is_infinitive(verb: Token) -> bool:
    """ "(a proposal for troops) *to be sent*": a noun's infinitive complement, not yet done."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "TO" for c in verb.children)


def is_purpose_clause(verb: Token) -> bool:
    """ "will meet in Zurich *to discuss* trade": an infinitive of purpose shares the plan,
    negation or condition of the act it serves (unlike "While X will visit, ...")."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "mark") for c in verb.children)
    )


def mention_modality(trigger: Token, *, cues: ModalityCues) -> tuple[Modality, bool]:
    """(modality, hedged) for the event that ``trigger`` names."""
    found: set[str] = set()
    hedged = False
    below: Token | None = None
    chain = governing_chain(
        trigger, reporting=cues.reporting_verbs, background=cues.background_prepositions
    )
    for level, token in enumerate(chain):
        lemma = token.lemma_.lower()
        # "denies the massacre and accuses X", "refused to X and urged Y": a conjoined verb
        # is the sibling of the one it joins, not governed by it (their shared auxiliaries and
        # negation still reach it, below)
        sibling = below is not None and below.dep_ == "conj"
        if level > 0 and not sibling and not (lemma in ONLY_AS_GOING_TO and token.tag_ != "VBG"):
            found |= _governor_cues(lemma, cues)
        below = token
        if level == 1 and token.dep_ == "prep" and token.lower_ in cues.negation_words:
            found.add("negated")  # "searched the house *without* firing a shot"
        reported = _is_reported(token, cues)
        for child in token.children:
            cues_found = _child_cues(child, cues)
            if reported and cues_found == {"hypothetical"} and child.lower_ in FUTURE_IN_PAST:
                cues_found = {"planned"}
            found |= cues_found | _subject_cues(child)
            hedged = hedged or child.lower_ in cues.hedges
    # "his visit will not imply ...": the predicate's future reaches its subject event,
    # its negation does not.
    # "talks are expected to resume": so is its planning predicate's
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ in ("nsubj", "nsubjpass")
        and (
            any(_child_cues(c, cues) == {"planned"} for c in trigger.head.children)
            or trigger.head.lemma_.lower() in cues.planned_governors - ONLY_AS_GOING_TO
        )
    ):
        found.add("planned")
    clause = trigger.sent.text.lower()
    if any(phrase in clause for phrase in cues.planned_phrases):
        found.add("planned")
    for modality in ("negated", "hypothetical", "planned"):
        if modality in found:
            return modality, hedged  # type: ignore[return-value]
    return "asserted", hedged


def _is_reported(clause: Token, cues: ModalityCues) -> bool:
    """A clause reported by a reporting verb ("announced it would ...")."""
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in cues.reporting_verbs


def _subject_cues(child: Token) -> set[str]:
    if child.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    words = {g.lower_ for g in child.children if g.dep_ in ("det", "preconj")}
    return {"negated"} if words & NEGATING_SUBJECT_WORDS else set()


def _governor_cues(lemma: str, cues: ModalityCues) -> set[str]:
    found = set()
    if lemma in cues.negating_governors:
        found.add("negated")
    if lemma in cues.hypothetical_governors:
        found.add("hypothetical")
    if lemma in cues.planned_governors:
        found.add("planned")
    return found


def _child_cues(child: Token, cues: ModalityCues) -> set[str]:
    word = child.lower_
    dep = child.dep_
    if dep == "neg" or (dep in ("det", "advmod") and word in cues.negation_words):
        return {"negated"}
    if dep == "advmod" and any(g.dep_ == "neg" for g in child.children):  # "not even ever"
        return {"negated"}
    if dep in ("aux", "auxpass") and word in cues.hypothetical_aux:
        return {"hypothetical"}
    if dep == "mark" and word in cues.hypothetical_marks:
        return {"hypothetical"}
    if dep in ("aux", "auxpass") and word in cues.planned_aux:
        return {"planned"}
    if dep == "amod" and word in cues.planned_modifiers:
        return {"planned"}
    return set()


@cache
def prospective_modals() -> frozenset[str]:
    """Modals that put the act ahead of now ("should be completed", "must hold talks"):
    modality.yaml's ``prospective_modals`` (why it differs from ``hypothetical_aux`` is
    written there)."""
    return frozenset(lexicon.load("modality")["prospective_modals"])


def is_prospective_modal(aux: Token) -> bool:
    return aux.tag_ == "MD" and aux.lower_ in prospective_modals()


def tense_of(trigger: Token, *, cues: ModalityCues) -> str | None:
    """past, present or future for the clause that carries the trigger."""
    for token in governing_chain(trigger, reporting=cues.reporting_verbs):
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in cues.planned_aux for a in auxes):
            return "future"
        # "should be completed" is ahead; "could have killed" is not
        perfect = any(a.lemma_.lower() == "have" for a in auxes)
        if not perfect and any(is_prospective_modal(a) for a in auxes):
            return "future"
        if token.lemma_.lower() in cues.planned_governors and token.i != trigger.i:
            return "future"
        if any(a.tag_ == "TO" for a in auxes):
            # "is to be held": a plan; "is due to be published": the governor tells
            if token.dep_ == "xcomp" and token.head.lemma_.lower() == "be":
                return "future"
            if is_headline_infinitive(token):
                return "future"
            continue  # an infinitive has no tense of its own, its "been"/"be" neither
        if perfect and reaches_until(token):
            return "future"
        if token.tag_ in ("VBD", "VBN"):
            return "past"
        if token.tag_ in ("VBZ", "VBP"):
            return "present"
    return None


# Prepositions that carry a present-perfect act forward to a date ("has shut the border *until*
# Friday"): the act lasts to that date.
EXTENDING_PREPOSITIONS = frozenset({"until", "till", "til", "through"})
# Where the parser hangs the lasting state: "has kept markets *closed* until Friday".
EXTENDED_PARTS = frozenset({"acl", "acomp", "oprd", "xcomp", "ccomp"})


def is_headline_infinitive(verb: Token) -> bool:
    """ "Banks to remain closed until Friday": a headline's main verb in the infinitive, with
    its subject, announces what is to come. The parser may make the subject the root and hang
    the infinitive on it ("Nurses to strike next week")."""
    if verb.dep_ == "ROOT":
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    head = verb.head
    return (
        verb.dep_ in ("acl", "advcl", "relcl")
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and head.i < verb.i
    )


def reaches_until(verb: Token) -> bool:
    """ "has kept markets closed until Friday": an "until" phrase on the present perfect verb
    or on its complement or participle (not on a past perfect "had")."""
    if not any(a.lower_ in ("has", "have", "'ve", "'s") for a in verb.children if a.dep_ == "aux"):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    heads = [
        verb,
        *(c for h in (verb, *objects) for c in h.children if c.dep_ in EXTENDED_PARTS),
    ]
    return any(
        c.dep_ == "prep"
        and c.lower_ in EXTENDING_PREPOSITIONS
        and any(g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children)
        for h in heads
        for c in h.children
    )
