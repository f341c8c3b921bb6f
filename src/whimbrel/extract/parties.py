"""Noun phrases that name the parties of an event: lists, distribution and phrase bounds.

"Ghana, Togo, Benin and Niger" is four parties even where the parser took "Togo" for an
apposition; "lawmakers in Chile and Peru" and "Dutch and Belgian officials" are one party
per name; "President Joe Biden Tuesday" is headed by the name, not the date. The
phrase of a party keeps its titles, appositions and "of"/"from"/"in" phrases, where the
resolver reads country and sector.
"""

from __future__ import annotations

from spacy.tokens import Token

# Dependents that end a noun phrase: clauses, coordination and prepositions other than these.
PHRASE_CUT = frozenset(
    {"relcl", "acl", "advcl", "conj", "cc", "punct", "prep", "ccomp", "parataxis"}
)
PHRASE_KEEP_PREPS = frozenset({"of", "from", "in"})
# "lawmakers in A and B", "soldiers from A and B": one party per place.
DISTRIBUTING_PREPS = frozenset({"in", "from", "of"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"})
# Words opening a paired coordination, not part of the first name ("Neither Chile nor Peru").
PAIRING_WORDS = frozenset({"neither", "either", "both"})
# Not CARDINAL: "dozens of protesters" is headed by "dozens".
NOT_PARTY_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT"})


def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(token: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    found = []
    for prep in children(token, "prep", "agent", "dative"):
        if prep.lemma_.lower() in preps:
            found.extend(children(prep, "pobj"))
            for inner in children(prep, "prep"):  # "along with", "together with"
                found.extend(children(inner, "pobj"))
    return found


def is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in NAME_LABELS


def names_someone(token: Token) -> bool:
    """A name, or a phrase with a name or demonym in it ("Sudanese soldiers")."""
    return is_name(token) or any(is_name(c) for c in token.children if c.dep_ != "prep")


def is_list_apposition(token: Token) -> bool:
    """ "Ghana, Togo, Benin and Niger": the parser may attach "Togo" to "Ghana" as
    an apposition. A named apposition inside a list (it or its head has conjuncts) is a
    list member, not a second name for its head."""
    if token.dep_ != "appos" or not is_name(token):
        return False
    return bool(children(token, "conj") or children(token.head, "conj"))


def with_conjuncts(tokens: list[Token]) -> tuple[Token, ...]:
    """The tokens, their conjuncts and the members of lists parsed as appositions."""
    seen: dict[int, Token] = {}
    for token in tokens:
        for item in (token, *token.conjuncts):
            members = [a for a in children(item, "appos") if is_list_apposition(a)]
            for member in (item, *members, *(c for m in members for c in m.conjuncts)):
                if member.pos_ not in ("VERB", "AUX", "CCONJ"):
                    seen.setdefault(member.i, member)
    return tuple(seen[i] for i in sorted(seen))


def distributed(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """ "Lawmakers in Chile and Peru", "Dutch and Belgian officials": a common noun
    of several named places or peoples is one party per name; the names after the first
    stand for their own party."""
    found = {t.i: t for t in tokens}
    for token in tokens:
        if token.pos_ != "NOUN":
            continue
        names = [m for m in children(token, "compound", "amod", "nmod") if is_name(m)]
        for prep in children(token, "prep"):
            if prep.lemma_.lower() in DISTRIBUTING_PREPS:
                names += [p for p in children(prep, "pobj") if is_name(p)]
        for name in names:
            found.update({c.i: c for c in name.conjuncts if is_name(c)})
    return tuple(found[i] for i in sorted(found))


def is_party(token: Token, trigger: Token) -> bool:
    """Dates, numbers and amounts are never actors ("marched on Thursday")."""
    return token.i != trigger.i and token.ent_type_ not in NOT_PARTY_LABELS


def party_head(token: Token) -> Token:
    """ "met with President Joe Biden Tuesday": the parser may head the name with the date
    that follows it; the name is the party."""
    if token.ent_type_ not in NOT_PARTY_LABELS:
        return token
    names = [c for c in children(token, "compound") if c.ent_type_ in NAME_LABELS]
    return names[-1] if names else token


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by ``head``, appositions included (but
    not list members parsed as appositions)."""
    kept = [head]
    stack = list(head.children)
    while stack:
        child = stack.pop()
        if child.dep_ in PHRASE_CUT and not (
            child.dep_ == "prep" and child.lemma_.lower() in PHRASE_KEEP_PREPS
        ):
            continue
        if is_list_apposition(child):
            continue
        kept.append(child)
        stack.extend(child.children)
    first = min(kept, key=lambda t: t.i)
    last = max(kept, key=lambda t: t.i)
    while last.i > first.i and (last.is_punct or last.dep_ == "case" and last.i > head.i):
        last = last.doc[last.i - 1]
    while first.i < last.i and (
        first.is_punct
        or first.dep_ in ("preconj", "cc")  # "Neither Chile nor Peru", "Both X and Y"
        or first.lower_ in PAIRING_WORDS
        or first.dep_ == "det"
        and first.i < head.i
        and first.lower_ in ("a", "an")
    ):
        first = first.doc[first.i + 1]
    return first.idx, last.idx + len(last.text)
