"""The bounds of a party's noun phrase: what it keeps and where it ends.

A party's phrase keeps its titles, appositions and "of"/"from"/"in" phrases, where the resolver
reads country and sector; it ends before clauses, coordination, other prepositions, a trailing
locative ("the Ethiopian prime minister *in Nairobi*"), list members the parser took for
appositions, and dependents hung on the noun across its own verb.
"""

from __future__ import annotations

from spacy.tokens import Token

from whimbrel.extract.clauses import in_dateline_place
from whimbrel.extract.leading_lists import own_segment_start
from whimbrel.extract.parties import (
    PLACE_LABELS,
    children,
    is_comma_list_member,
    is_dangling_apposition,
    is_list_apposition,
    is_mistagged_first_name,
    is_name,
)

__all__ = ["is_trailing_locative", "modified_noun", "phrase_bounds"]

# Dependents that end a noun phrase: clauses, coordination and prepositions other than these.
PHRASE_CUT = frozenset(
    {"relcl", "acl", "advcl", "conj", "cc", "punct", "prep", "ccomp", "parataxis"}
)
PHRASE_KEEP_PREPS = frozenset({"of", "from", "in"})
# Words opening a paired coordination, not part of the first name ("Neither Chile nor Peru").
PAIRING_WORDS = frozenset({"neither", "either", "both"})


def is_trailing_locative(prep: Token) -> bool:
    """ "the Ethiopian prime minister *in Nairobi*": where a party already named by a name or
    demonym is, not who it is (the place is attached separately); "lawmakers in Chile" keeps
    its place, which names whose lawmakers they are."""
    if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i < prep.head.i:
        return False
    places = [p for p in children(prep, "pobj") if p.ent_type_ in PLACE_LABELS]
    head = prep.head
    modifiers = children(head, "amod", "compound", "nmod", "poss")
    # a group's demonym may be a faith ("Moslem forces in east Bosnia"): its place tells more
    named = is_name(head) or any(
        m.ent_type_ != "NORP" or head.tag_ != "NNS" for m in modifiers if is_name(m)
    )
    return bool(places) and named


def modified_noun(token: Token) -> Token | None:
    """ "US and *British* warplanes": the common noun a later member of a list of names
    modifies (the member is a party of that noun's kind, :func:`distributed`), else None."""
    if is_comma_list_member(token):
        return token.head
    if token.dep_ != "conj" or not is_name(token):
        return None
    first = token.head
    while first.dep_ == "conj":
        first = first.head
    noun = first.head
    if first.dep_ not in ("compound", "amod", "nmod") or noun.pos_ != "NOUN" or noun.i < token.i:
        return None
    return noun


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by ``head``, appositions included (but
    not list members parsed as appositions); a later member of a list of names modifying a
    noun runs to that noun ("*British warplanes*" in "US and British warplanes")."""
    noun = modified_noun(head)
    if noun is not None:
        return head.idx, noun.idx + len(noun.text)
    kept = [head]
    stack = list(head.children)
    while stack:
        child = stack.pop()
        if child.dep_ in PHRASE_CUT and not (
            child.dep_ == "prep" and child.lemma_.lower() in PHRASE_KEEP_PREPS
        ):
            continue
        if child.head.i == head.i and is_trailing_locative(child):
            continue
        if child.head.i == head.i and _across_governor(head, child):
            continue
        if is_list_apposition(child) or is_dangling_apposition(child):
            continue
        kept.append(child)
        stack.extend(child.children)
    first = min(kept, key=lambda t: t.i)
    last = max(kept, key=lambda t: t.i)
    if head.dep_ == "pobj" and is_mistagged_first_name(head.head):
        first = min(first, head.head, key=lambda t: t.i)
    own_start = own_segment_start(head)  # "A, B and the embattled C": C's own member
    if own_start is not None and own_start > first.i:
        first = head.doc[own_start]
    while last.i > first.i and (
        last.is_punct or last.is_space or last.dep_ == "case" and last.i > head.i
    ):
        last = last.doc[last.i - 1]
    while first.i < last.i and (
        first.is_punct
        or first.is_space
        or first.dep_ in ("preconj", "cc")  # "Neither Chile nor Peru", "Both X and Y"
        or first.lower_ in PAIRING_WORDS
        or in_dateline_place(first)  # "Nairobi, Kenya - Riot police": the parser joined them
        or first.dep_ == "det"
        and first.i < head.i
        and first.lower_ in ("a", "an")
    ):
        first = first.doc[first.i + 1]
    return first.idx, last.idx + len(last.text)


def _across_governor(head: Token, child: Token) -> bool:
    """ "Kenyan nurses try to storm the Senate; fourth day of strikes": a dependent the parser
    hung on the noun across the noun's own verb (here "day" as an apposition of "nurses") is
    no part of the noun's phrase."""
    governor = head.head.i
    return governor != head.i and (head.i < governor < child.i or child.i < governor < head.i)
