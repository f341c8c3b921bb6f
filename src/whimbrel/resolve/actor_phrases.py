"""Shapes of an actor phrase that change how its words are read.

- "US and British warplanes": a list of countries or peoples modifying one head noun is one
  party per member; the phrase as a whole stands for its first member ("US warplanes"), the
  others are parties of their own (extract/parties.py gives them "British warplanes").
- "all parties", "the warring sides": the sides of a dispute, not political parties.
- "American ships in the Red Sea": a trailing locative says where the party is, not its name.
- "Western governments", "foreign troops": parties from outside the story's setting, whose
  country is not the setting's.
"""

from __future__ import annotations

from functools import cache

from whimbrel.lexicon import load
from whimbrel.resolve.actor_pieces import Piece
from whimbrel.resolve.actor_text import Token

__all__ = ["first_of_modifier_list", "is_outsider_phrase", "is_sides_phrase", "locative_start"]

LIST_SEPARATORS = frozenset({",", "and", "or", "&"})
# "protesters *in* Tahrir Square", "ships *off* the coast": where the party stands.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "off", "outside", "inside", "along", "across"})
LEADING_WORDS = frozenset({"the"})


def _is_member(piece: Piece) -> bool:
    return piece.lead.country is not None and piece.lead.kind != "function"


def first_of_modifier_list(tokens: list[Token], pieces: list[Piece], text: str) -> str:
    """``text`` with the list members after the first cut out when it opens with a list of
    countries or peoples ("US and British", "Dutch, Belgian and French") that modifies a
    head written after it; ``text`` itself otherwise ("Chile and Peru" has no head)."""
    by_start = {p.start: p for p in pieces if _is_member(p)}
    i = 1 if tokens and tokens[0].key in LEADING_WORDS else 0
    members: list[Piece] = []
    while i in by_start:
        members.append(by_start[i])
        i = by_start[i].end
        if i + 1 >= len(tokens) or tokens[i].key not in LIST_SEPARATORS:
            break
        i += 1
    last = members[-1].end if members else 0
    if len(members) < 2 or last >= len(tokens) or last in by_start:
        return text
    if tokens[last].key in LIST_SEPARATORS or tokens[last].key in LOCATIVE_PREPS:
        return text
    first_end = tokens[members[0].end - 1].end
    return text[:first_end] + text[tokens[last - 1].end :]


def is_sides_phrase(tokens: list[Token]) -> bool:
    """ "all parties", "both sides", "the two warring parties": a plural side noun with only
    quantifiers or dispute words before it names the sides of a dispute; "all political
    parties" and "opposition parties" name political parties."""
    words = load("coreference")
    if not tokens or tokens[-1].key not in words["side_nouns"]:
        return False
    before = [t.key for t in tokens[:-1] if t.key not in LEADING_WORDS]
    allowed = set(words["side_words"])
    return bool(before) and all(word in allowed for word in before)


def is_outsider_phrase(tokens: list[Token], pieces: list[Piece]) -> bool:
    """ "Western governments", "a foreign diplomat": the word right before the head sets the
    party outside the setting (coreference.yaml ``outsider_words``), unless the two make one
    lexicon form ("foreign minister", among the ``pieces`` matched in ``tokens``); "the
    foreign affairs ministry" is the setting's."""
    if len(tokens) < 2 or tokens[-2].key not in _outsider_words():
        return False
    return not any(p.start <= len(tokens) - 2 and p.end == len(tokens) for p in pieces)


@cache
def _outsider_words() -> frozenset[str]:
    return frozenset(load("coreference")["outsider_words"])


def locative_start(tokens: list[Token]) -> int | None:
    """The index of a trailing locative preposition after the phrase's own words ("American
    ships *in* the Red Sea"), or None; a phrase going on after a comma ("a woman at the
    airport, <name>") names its party again there."""
    for i, token in enumerate(tokens[1:], start=1):
        if token.key in LOCATIVE_PREPS:
            return None if any(t.text in (",", ";", "(") for t in tokens[i:]) else i
    return None
