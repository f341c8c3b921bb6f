"""Weigh the pieces of an actor phrase into one country and one sector.

Each matched piece is evidence. For the country, organisations outweigh country names and
demonyms, which outweigh capitals, places and ethnic groups; a place after "in" only locates
the actor. For the sector, modifiers such as "former" override; an organisation's own sector
outweighs a role noun, which outweighs weak titles and people nouns. The weights live in the
tables below; the words live in ``data_sources/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from whimbrel.resolve.actor_lexicon import COUNTRY_KINDS, Candidate
from whimbrel.resolve.actor_pieces import Piece
from whimbrel.resolve.actor_text import Token

__all__ = ["Evidence", "choose_country", "choose_sector", "people_sector"]

COUNTRY_WEIGHT = {
    "user": 10.0,
    "organisation": 8.0,
    "person": 7.0,
    "name": 6.0,
    "abbreviation": 6.0,
    "demonym": 6.0,
    "breakaway": 6.0,
    "seat": 6.0,
    "capital": 5.0,
    "place": 4.0,
    "family": 4.0,
    "group": 3.0,
}
LOCATED_WEIGHT = 1.0
# "ethnic Albanians" names an ethnicity, not a state: the place they live in (the phrase's own
# "in Serbia", else the event's country) is their country (PLOVER/CAMEO code the country of
# residence, the ethnicity being secondary), and the demonym only decides when nothing else does.
ETHNIC_WEIGHT = 0.5
ZONE_WEIGHT = {"located": LOCATED_WEIGHT, "ethnic": ETHNIC_WEIGHT}
# The article's country lifts its own reading of an ambiguous word ("Tajik" in a story about
# Afghanistan) above a demonym, but not above a country the phrase names outright. A group
# "chiefly of" one country keeps it in a border story ("Karen rebels" near the Thai border).
CONTEXT_BONUS = 3.5
# A person's recorded office weighs less than a title the article itself gives them, even a
# weak one ("President Bush" is GOV though the file dates Bush's office).
SECTOR_WEIGHT = {
    "modifier": 100.0,
    "user": 5.0,
    "organisation": 4.0,
    "role": 3.0,
    "seat": 3.0,
    "person": 1.9,
    "breakaway": 2.5,
    "weak": 2.0,
    "capital": 1.5,
    "place": 1.0,
}
HEAD_ONLY_SECTOR = {"capital": "GOV", "seat": "GOV", "place": "CVL"}
# "Nigerians marched", "ethnic Albanians protested": a people named by a plural demonym, with
# no role word, are civilians (PLOVER codes such crowds CVL). A singular demonym alone ("the
# Afghan") or a country's name says nothing about the sector.
PEOPLE_KINDS = frozenset({"demonym", "group"})
PEOPLE_SECTOR = "CVL"
PEOPLE_WEIGHT = 0.5
PEOPLE_OF = frozenset({"of"})
UNMEANING_KINDS = frozenset({"function", "qualifier"})
# A party's sector yields to an office its members hold (see _party_in_office).
PARTY_SECTORS = frozenset({"PTY", "OPP"})
OFFICE_SECTORS = frozenset({"GOV", "LEG"})
DEMOTION = 1.5  # a role that only modifies ("schoolchildren's parents", "at the University")


@dataclass(frozen=True, slots=True)
class Evidence:
    value: str
    weight: float
    position: int
    candidate: Candidate


def _piece_countries(piece: Piece) -> dict[str, Evidence]:
    """Each country a piece can stand for, at its weight. Alternative readings of one word
    ("Tajik": Tajikistan, or a people of Afghanistan) all count; a named entry counts only
    in its chosen reading."""
    readings = [piece.lead, *(c for c in piece.candidates[1:] if c.kind in COUNTRY_KINDS)]
    best: dict[str, Evidence] = {}
    for c in readings:
        if c.country and c.kind in COUNTRY_WEIGHT:
            weight = ZONE_WEIGHT.get(piece.zone, COUNTRY_WEIGHT[c.kind])
            if c.country not in best or weight > best[c.country].weight:
                best[c.country] = Evidence(c.country, weight, piece.start, c)
    return best


def choose_country(pieces: list[Piece], context_country: str | None) -> Evidence | None:
    """The country with the most weight over the phrase; ties go to the article's country,
    then to the earliest mention. An ethnicity alone ("ethnic Albanians") gives no country
    without the event's: its residence is unknown, and the caller may retry with context."""
    first: dict[str, Evidence] = {}
    totals: dict[str, float] = {}
    for piece in pieces:
        for code, evidence in _piece_countries(piece).items():
            totals[code] = totals.get(code, 0.0) + evidence.weight
            first.setdefault(code, evidence)
    if not totals or _ethnicity_only(pieces) and not context_country:
        return None
    ethnic = any(p.zone == "ethnic" for p in pieces)
    if context_country in totals or (ethnic and context_country):
        totals[context_country] = totals.get(context_country, 0.0) + CONTEXT_BONUS
        first.setdefault(context_country, Evidence(context_country, 0.0, 0, Candidate("context")))
    top = max(totals.values())
    tied = [code for code, total in totals.items() if total == top]
    if context_country in tied:
        return first[context_country]
    if len(tied) > 1 and all(first[code].candidate.kind == "group" for code in tied):
        return None  # "Kurds" alone: a people of several states names none of them
    return min((first[code] for code in tied), key=lambda e: e.position)


def _ethnicity_only(pieces: list[Piece]) -> bool:
    """Whether every piece that names a country is in the ethnic zone."""
    naming = [p for p in pieces if any(c.country for c in p.candidates)]
    return bool(naming) and all(p.zone == "ethnic" for p in naming)


def choose_sector(pieces: list[Piece], *, has_holder: bool) -> Evidence | None:
    """The heaviest sector evidence, the head (last) winning ties. A modifier needs someone
    to modify: "the former" alone is a pronoun, not a former official."""
    best: Evidence | None = None
    for piece in pieces:
        evidence = _piece_sector(piece)
        if evidence and (best is None or evidence.weight >= best.weight):
            best = evidence
    best = _party_in_office(best, pieces)
    holders = has_holder or any(p.lead.kind in ("role", "weak") for p in pieces)
    if best is not None and best.candidate.kind == "modifier" and not holders:
        return None
    return best


def _party_in_office(best: Evidence | None, pieces: list[Piece]) -> Evidence | None:
    """A party's government or lawmakers hold office: "the Sandinista government" is GOV and
    "Likud legislators" LEG, though the party alone is PTY or OPP."""
    if best is None or best.candidate.kind != "organisation" or best.value not in PARTY_SECTORS:
        return best
    offices = [
        evidence
        for p in pieces
        if p.start > best.position and p.lead.kind == "role" and p.lead.sector in OFFICE_SECTORS
        for evidence in (_piece_sector(p),)
        if evidence is not None
    ]
    return offices[-1] if offices else best


def _piece_sector(piece: Piece) -> Evidence | None:
    lead = piece.lead
    if lead.kind in HEAD_ONLY_SECTOR:
        if piece.zone != "head":
            return None
        sector: str | None = HEAD_ONLY_SECTOR[lead.kind]
    else:
        sector = lead.sector
    if sector is None or lead.kind not in SECTOR_WEIGHT:
        return None
    weight = SECTOR_WEIGHT[lead.kind]
    if piece.zone in ("possessor", "located") and lead.kind in ("role", "weak"):
        weight -= DEMOTION
    return Evidence(sector, weight, piece.start, lead)


def _word_at(tokens: list[Token], index: int) -> str | None:
    return tokens[index].key if index < len(tokens) else None


def people_sector(pieces: list[Piece], tokens: list[Token]) -> Evidence | None:
    """CVL for a phrase whose head is a plural demonym ("Up to 100 ethnic Albanians in
    Serbia"), else None. The head is the last piece that means something before any place
    that only locates it, and no word may follow it but that place."""
    located = [p.start for p in pieces if p.zone == "located"]
    # "the Kurds of northern Iraq": what follows "of" after a people is where they live.
    lives_in = [
        p.end
        for p in pieces
        if p.lead.kind in PEOPLE_KINDS and _word_at(tokens, p.end) in PEOPLE_OF
    ]
    stop = min([*located, *lives_in], default=len(tokens))
    meaningful = [p for p in pieces if p.lead.kind not in UNMEANING_KINDS and p.end <= stop]
    if not meaningful or meaningful[-1].zone not in ("head", "ethnic"):
        return None
    head = meaningful[-1]
    word = tokens[head.end - 1]
    trailing = [t for t in tokens[head.end : stop] if t.key.isalpha()]
    if head.lead.kind not in PEOPLE_KINDS or trailing or not word.key.endswith("s"):
        return None
    return Evidence(PEOPLE_SECTOR, PEOPLE_WEIGHT, head.start, Candidate("weak", sector="CVL"))
