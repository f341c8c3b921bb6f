"""Match an actor phrase against the :class:`ActorLexicon` and mark where each match stands.

The phrase is tokenised and matched left to right, longest form first. Each match is a
:class:`Piece` with every meaning its form has (kept valid on the article's date) and a zone:
the head of the phrase, a possessor ("Pakistan's"), a place that only locates the actor
("police *in* Lahore"), an ethnicity ("*ethnic* Albanians", "Albanians *of* Serbia"), or a
relation that says nothing about the actor's own identity ("ambassador *to* Poland",
"*anti*-Syria", "NATO-*member* Norway"); relational pieces are dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import cache

from whimbrel import lexicon
from whimbrel.resolve.actor_lexicon import COUNTRY_KINDS, NAMED_KINDS, ActorLexicon, Candidate
from whimbrel.resolve.actor_text import Token

__all__ = ["Piece", "chosen_meanings", "match_pieces", "scan_pieces", "zoned_pieces"]

# "ethnic Albanians" names an ethnicity, not a state (see actor_weighing).
ETHNIC_MARKERS = frozenset({"ethnic"})
# "Albanians of southern Serbia", "the Hazaras of Quetta": a people of a place is an ethnicity
# living there, like "ethnic Albanians in Serbia".
PEOPLE_KINDS = frozenset({"demonym", "group"})
PEOPLE_OF = frozenset({"of"})
# "the Albanian minority", "the Serb population of the province": a people as a minority
# within a state.
MINORITY_WORDS = frozenset({"minority", "minorities", "population", "populations"})
WHERE_KINDS = frozenset({"name", "abbreviation", "capital", "place", "breakaway"})
# "NATO-member Norway", "EU member Poland": the organisation describes the country.
MEMBERSHIP_WORDS = frozenset({"member", "members"})
# "anti-Syria journalist", "pro-Russian separatists": a stance towards a country, not its people.
STANCE_PREFIXES = frozenset({"anti", "pro"})
# "UN-backed government", "Iranian-funded militia": the backer, not who the actor is ("US-led"
# keeps its leader, who is one of the actor).
BACKER_WORDS = frozenset({"backed", "supported", "sponsored", "funded", "financed", "trained"})
# How many words after a possessor its partner word may come ("Iran's *militia allies*").
MAX_PARTNER_GAP = 3
NAME_BREAKERS = frozenset({"name", "capital", "place", "group"})
# "Foreign Minister of Chile Ana Pereira Soto": a country's name after "of" ends the
# title it completes; it does not open the name that follows.
TITLE_OF = frozenset({"of"})
TITLE_KINDS = frozenset({"role", "weak"})
POSSESSIVE = frozenset({"'s", "'"})


@dataclass(frozen=True, slots=True)
class Piece:
    """Tokens ``[start, end)`` matched to a lexicon form; ``zone`` is its place in the phrase."""

    start: int
    end: int
    candidates: tuple[Candidate, ...]
    zone: str = "head"

    @property
    def lead(self) -> Candidate:
        return self.candidates[0]


def match_pieces(tokens: list[Token], lexicon: ActorLexicon) -> tuple[list[Piece], list[int]]:
    """Greedy longest match, left to right; returns pieces and unmatched token indices."""
    tokens = _respelt(tokens, lexicon)
    pieces, unmatched = _greedy(tokens, lexicon)
    return _names_over_places(pieces, unmatched, tokens)


def scan_pieces(tokens: list[Token], lexicon: ActorLexicon) -> list[Piece]:
    """Every lexicon form in a stretch of text (a sentence, not one actor's phrase), matched
    as written: no respelling, and a place beside a capitalised word stays a place."""
    return _greedy(tokens, lexicon)[0]


def _greedy(tokens: list[Token], lexicon: ActorLexicon) -> tuple[list[Piece], list[int]]:
    pieces: list[Piece] = []
    unmatched: list[int] = []
    i = 0
    while i < len(tokens):
        piece = _longest_at(tokens, i, lexicon)
        if piece is None:
            unmatched.append(i)
            i += 1
        else:
            pieces.append(piece)
            i = piece.end
    return pieces, unmatched


def _respelt(tokens: list[Token], lexicon: ActorLexicon) -> list[Token]:
    """Capitalised words one letter off a country's or person's name word take that word's
    key ("Afganistan", "Bosnia-Herzogovina", "Mitterand"): wire copy misspells names, and an unknown
    capitalised word would otherwise be read as a person's name."""
    out = []
    for token in tokens:
        word = lexicon.respelt(token.key) if token.is_capitalised else None
        out.append(dataclasses.replace(token, key=word) if word else token)
    return out


def _longest_at(tokens: list[Token], i: int, lexicon: ActorLexicon) -> Piece | None:
    length, found = lexicon.longest_match(tokens, i)
    return Piece(i, i + length, found) if length else None


def _names_over_places(
    pieces: list[Piece], unmatched: list[int], tokens: list[Token]
) -> tuple[list[Piece], list[int]]:
    """A place name beside an unknown capitalised word is part of a name ("Chad Whitfield",
    "Paris Hilton"), unless a capitalised title or body follows ("Kabul Cricket Board")."""
    loose = {i for i in unmatched if tokens[i].is_capitalised}
    kept: list[Piece] = []
    for piece in pieces:
        after = piece.end
        while after in loose:
            after += 1
        body_follows = after < len(tokens) and after not in loose and tokens[after].is_capitalised
        beside = piece.start - 1 in loose or (after > piece.end and not body_follows)
        completes = _completes_title(piece, kept, tokens)
        if piece.lead.kind in NAME_BREAKERS and beside and not completes:
            unmatched.extend(range(piece.start, piece.end))
        else:
            kept.append(piece)
    return kept, sorted(unmatched)


def _completes_title(piece: Piece, before: list[Piece], tokens: list[Token]) -> bool:
    """A country or city right after "<title> of": "President of France Emmanuel Macron",
    "the mayor of Paris Anne Hidalgo" (the place completes the title, the name follows)."""
    if piece.lead.kind == "group" or piece.start < 2 or tokens[piece.start - 1].key not in TITLE_OF:
        return False
    title = [p for p in before if p.end == piece.start - 1]
    return bool(title) and title[0].lead.kind in TITLE_KINDS


def chosen_meanings(piece: Piece, date: dt.date | None, context_country: str | None) -> Piece:
    """Keep the candidates valid on ``date``; user entries shadow built-ins; context first."""
    # A dated meaning replaces the undated default of the same entry while it applies: an
    # organisation's or person's period, or a user pattern's date-restricted code.
    current = [c for c in piece.candidates if c.dated and c.valid_on(date)]
    shadowed = {c.name for c in current if c.kind in NAMED_KINDS}
    user_dated = any(c.kind == "user" for c in current)
    valid = [
        c
        for c in piece.candidates
        if (
            c.valid_on(date)
            if c.dated
            else not (
                c.kind in NAMED_KINDS and c.name in shadowed or c.kind == "user" and user_dated
            )
        )
    ]
    # A country's name out of its period ("Congo" for the Brazzaville state after 1997) stays
    # an alternative reading, after the current one, that the article's country can pick.
    dated_out = [c for c in piece.candidates if c.dated and c.kind in COUNTRY_KINDS]
    valid += [c for c in dated_out if c not in valid]
    users = [c for c in valid if c.kind == "user"]
    ranked = users or valid
    if context_country:
        ranked = sorted(ranked, key=lambda c: c.country != context_country)
    return Piece(piece.start, piece.end, tuple(ranked), piece.zone)


def zoned_pieces(pieces: list[Piece], tokens: list[Token], lexicon: ActorLexicon) -> list[Piece]:
    """Mark pieces as head, possessor, located (after "in"), ethnic (after "ethnic", or a
    people "of" a place) or relational (after "to", "anti-", "pro-"; an organisation a country
    is a member of). Relational pieces are dropped."""
    zoned: list[Piece] = []
    zone = "head"
    for index, piece in enumerate(pieces):
        key = tuple(t.key for t in tokens[piece.start : piece.end])
        if key in lexicon.relational and any(_names_identity(p) for p in zoned):
            zone = "relational"
        elif key in lexicon.locative and zone == "head":
            zone = "located"
        own_zone = _own_zone(piece, pieces[index + 1 :], tokens) if zone == "head" else zone
        zoned.append(Piece(piece.start, piece.end, piece.candidates, own_zone))
    return [p for p in zoned if p.zone != "relational"]


def _own_zone(piece: Piece, later: list[Piece], tokens: list[Token]) -> str:
    before = tokens[piece.start - 1].key if piece.start > 0 else None
    after = tokens[piece.end].key if piece.end < len(tokens) else None
    if before in STANCE_PREFIXES or after in BACKER_WORDS:
        return "relational"
    if _describes_member(piece, later, tokens) or _possesses_partner(piece, tokens):
        return "relational"
    if before in ETHNIC_MARKERS or _names_an_ethnicity(piece, later, tokens):
        return "ethnic"
    possessor = bool(later) and later[0].start == piece.end
    return "possessor" if possessor and tokens[piece.end].plain in POSSESSIVE else "head"


def _names_an_ethnicity(piece: Piece, later: list[Piece], tokens: list[Token]) -> bool:
    """A people followed by "of" and a place of another country ("Albanians of Serbia"), or
    named as a minority ("the Hungarian minority")."""
    if piece.lead.kind not in PEOPLE_KINDS or piece.end >= len(tokens):
        return False
    if tokens[piece.end].key in MINORITY_WORDS:
        return True
    if tokens[piece.end].key not in PEOPLE_OF:
        return False
    return any(
        p.lead.kind in WHERE_KINDS and p.lead.country not in (None, piece.lead.country)
        for p in later
    )


def _describes_member(piece: Piece, later: list[Piece], tokens: list[Token]) -> bool:
    """An organisation right before "member" with a country after it: "NATO-member Norway"."""
    if piece.lead.kind != "organisation" or piece.end >= len(tokens):
        return False
    if tokens[piece.end].key not in MEMBERSHIP_WORDS:
        return False
    return any(p.lead.kind in ("name", "abbreviation") for p in later)


def _possesses_partner(piece: Piece, tokens: list[Token]) -> bool:
    """A country whose ally or proxy the actor is: "Iran's militia allies in Syria"."""
    if piece.end >= len(tokens) or tokens[piece.end].plain not in POSSESSIVE:
        return False
    following = tokens[piece.end + 1 : piece.end + 1 + MAX_PARTNER_GAP]
    return any(t.key in partner_words() for t in following)


@cache
def partner_words() -> frozenset[str]:
    """ "Iran's militia allies in Syria", "Russia's proxies": whose ally the actor is, not its
    country; triggers.yaml's partner nouns and their plurals."""
    nouns = lexicon.word_class("partner_nouns")
    return nouns | {n[:-1] + "ies" if n.endswith("y") else n + "s" for n in nouns}


def _names_identity(piece: Piece) -> bool:
    return bool(piece.candidates) and piece.lead.country is not None
