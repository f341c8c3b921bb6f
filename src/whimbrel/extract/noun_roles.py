"""Actor and recipient of a nominal event ("Muttaqi's visit to Islamabad", "talks between A
and B", "X held talks with Y", "Iran faces pressure from the West", "Norway condemned the
attack": not its doer).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from whimbrel import lexicon
from whimbrel.extract.parties import (
    children,
    first_prep_objects,
    names_someone,
    prep_objects,
    with_conjuncts,
)
from whimbrel.extract.party_lists import relative_possessor
from whimbrel.extract.subjects import clause_subject, is_passive

# Verbs that cause, react to or receive the act their object noun names are the word classes
# cause_verbs, reaction_verbs and converse_light_verbs of triggers.yaml.


@cache
def _causing_verbs() -> frozenset[str]:
    return lexicon.word_class("cause_verbs") | lexicon.word_class("reaction_verbs")


def verb_taking_object(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through one preposition."""
    if noun.dep_ not in ("dobj", "pobj", "attr", "oprd"):
        return None
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    return head if head.i != noun.i and head.pos_ in ("VERB", "AUX") else None


def nominal_actors(noun: Token, *, travel: bool) -> list[Token]:
    """A nominal event's own actor: a named possessor, a by-agent, a demonym ("Israeli
    shelling"). A pronoun possessor ("postponed *their* meeting", "arrived on *his* visit"),
    for travel the traveller ("arrived in Kampala on a visit") and for a purpose ("left for
    talks") is the subject of the verb the noun depends on."""
    possessors = [relative_possessor(p) for p in children(noun, "poss")]
    named = [p for p in possessors if p.pos_ != "PRON"] or prep_objects(noun, {"by"})
    named = named or [m for m in children(noun, "amod", "compound") if m.ent_type_ == "NORP"]
    if named:
        return named
    claimants = responsibility_claimants(noun)
    if claimants:
        return claimants
    verb = verb_taking_object(noun)
    purpose = noun.dep_ == "pobj" and noun.head.lemma_.lower() == "for"  # "left for talks"
    if verb is not None and (possessors or travel or purpose) and not is_passive(verb):
        return clause_subject(verb) or possessors
    return possessors


# Who "claims responsibility for" an act says it did it; denying it says nothing of who did.
CLAIMING_VERBS = frozenset({"claim", "accept", "admit", "take", "acknowledge", "assume"})


def responsibility_claimants(noun: Token) -> list[Token]:
    """ "The Taliban claim responsibility for a bombing": whoever claims responsibility for an
    act is its actor."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return []
    responsibility = noun.head.head
    verb = responsibility.head
    if responsibility.lemma_.lower() != "responsibility" or responsibility.dep_ != "dobj":
        return []
    if verb.lemma_.lower() not in CLAIMING_VERBS or is_passive(verb):
        return []
    return clause_subject(verb)


# Participles that say at whom an act is aimed ("an attack *targeting* shoppers").
AIMING_VERBS = frozenset({"target", "aim", "direct"})


def aimed_at_parties(noun: Token) -> list[Token]:
    """ "an attack targeting shoppers", "a raid aimed at rebels": whom a participle clause on
    the event noun says the act is aimed at. Not for a plural ("responsible for IED attacks
    targeting civilians"), which tells of a series or a habit rather than one act."""
    if noun.tag_ == "NNS":
        return []
    clauses = [c for c in children(noun, "acl") if c.lemma_.lower() in AIMING_VERBS]
    return [p for c in clauses for p in children(c, "dobj") or prep_objects(c, {"at"})]


def converse_noun_roles(noun: Token, verb: Token) -> tuple[list[Token], list[Token]]:
    """ "Iran faces pressure from the West", "X came under criticism from Y": the subject
    receives the act, the "from" (or "by") party does it."""
    actors = prep_objects(noun, {"from", "by"}) or prep_objects(verb, {"from", "by"})
    receivers = clause_subject(verb) if not is_passive(verb) else []
    return actors, receivers


def noun_roles(
    noun: Token,
    roles: tuple[str, ...],
    light_verbs: frozenset[str],
    *,
    travel: bool = False,
    mediation: bool = False,
) -> tuple[list[Token], list[Token]]:
    actors = nominal_actors(noun, travel=travel)
    recipients = first_prep_objects(noun, [r for r in roles if r != "between"])
    recipients = recipients or aimed_at_parties(noun)
    between = prep_objects(noun, {"between", "among"}) if "between" in roles or mediation else []
    if between and mediation:  # "mediation between Syria and Iraq": both sides receive it
        recipients = list(with_conjuncts(between))
    elif between:
        sides = with_conjuncts(between)
        return [sides[0]], list(sides[1:])
    governor = noun.head
    # "remained *on alert*", "went *on strike*": a light verb through its preposition
    if (
        noun.dep_ == "pobj"
        and governor.dep_ == "prep"
        and governor.head.pos_ in ("VERB", "AUX")
        and governor.head.lemma_.lower() in light_verbs
    ):
        governor = governor.head
    received = noun.dep_ in ("dobj", "pobj") and governor.pos_ == "VERB"
    if received and governor.lemma_.lower() in lexicon.word_class("converse_light_verbs"):
        return converse_noun_roles(noun, governor)
    if noun.dep_ in ("dobj", "attr", "pobj", "nsubjpass") and governor.pos_ in ("VERB", "AUX"):
        # "the arrest sparked protests", "Norway condemned the attack": not their doers
        caused = governor.lemma_.lower() in _causing_verbs()
        if (
            not actors
            and not caused
            and (not light_verbs or governor.lemma_.lower() in light_verbs or noun.dep_ == "dobj")
        ):
            actors = (
                clause_subject(governor)
                if not is_passive(governor)
                else prep_objects(governor, {"by"})
            )
        if not any(map(names_someone, recipients)):
            # "imposed restrictions on its job market *for Romanian workers*": a named party
            # the light verb's preposition gives beats an unnamed one on the noun
            on_verb = first_prep_objects(governor, [r for r in roles if r != "between"])
            if not recipients or any(map(names_someone, on_verb)):
                recipients = on_verb
        if not recipients and noun.dep_ == "pobj" and noun.head.lower_ == "as":
            recipients = children(governor, "dobj")  # "held refugees *as* human shields"
    return actors, recipients
