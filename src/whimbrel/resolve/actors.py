"""Resolve an actor phrase ("Pakistan's Foreign Minister Shah Mehmood Qureshi", "US troops",
"the Kremlin") to a country, a PLOVER sector and a name.

The phrase is tokenised and matched left to right against the :class:`ActorLexicon`, longest
form first. Each matched piece is evidence: for the country (organisations outweigh country
names and demonyms, which outweigh capitals, places and ethnic groups) and for the sector
(modifiers such as "former" override; an organisation's own sector outweighs a role noun,
which outweighs weak titles and people nouns). Pieces after a relational preposition
("ambassador *to* Poland") are ignored; pieces after a locative one ("police *in* Lahore")
only locate the actor. Unmatched capitalised words are taken as the person's name. The
weights live in the tables below; the words live in ``data_sources/``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from whimbrel.records import ActorRef
from whimbrel.resolve.actor_lexicon import COUNTRY_KINDS, NAMED_KINDS, ActorLexicon, Candidate
from whimbrel.resolve.actor_text import Token, tokenize

__all__ = ["ActorLexicon", "is_reporter", "resolve_actor_text"]

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
    "group": 3.0,
}
LOCATED_WEIGHT = 1.0
# "ethnic Albanians" names an ethnicity, not a state: the place they live in (the phrase's own
# "in Serbia", else the event's country) is their country (PLOVER/CAMEO code the country of
# residence, the ethnicity being secondary), and the demonym only decides when nothing else does.
ETHNIC_MARKERS = frozenset({"ethnic"})
ETHNIC_WEIGHT = 0.5
# "NATO-member Norway", "EU member Poland": the organisation describes the country.
MEMBERSHIP_WORDS = frozenset({"member", "members"})
ZONE_WEIGHT = {"located": LOCATED_WEIGHT, "ethnic": ETHNIC_WEIGHT}
# "anti-Syria journalist", "pro-Russian separatists": a stance towards a country, not its people.
STANCE_PREFIXES = frozenset({"anti", "pro"})
# The article's country lifts its own reading of an ambiguous word ("Tajik" in a story about
# Afghanistan) above a demonym, but not above a country the phrase names outright.
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
DEMOTION = 1.5  # a role that only modifies ("schoolchildren's parents", "at the University")
METHOD_OF_KIND = {
    "user": "user-dictionary",
    "organisation": "organisation",
    "person": "dictionary",
    "name": "dictionary",
    "abbreviation": "dictionary",
    "place": "dictionary",
    "breakaway": "dictionary",
    "demonym": "demonym",
    "group": "demonym",
    "capital": "capital-metonym",
    "seat": "capital-metonym",
}
CONFIDENCE = {
    "user-dictionary": 0.95,
    "organisation": 0.9,
    "dictionary": 0.9,
    "demonym": 0.85,
    "capital-metonym": 0.8,
    "title": 0.6,
    "unresolved": 0.0,
}
NAME_BREAKERS = frozenset({"name", "capital", "place"})
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


@dataclass(frozen=True, slots=True)
class Evidence:
    value: str
    weight: float
    position: int
    candidate: Candidate


def resolve_actor_text(
    text: str,
    *,
    lexicon: ActorLexicon,
    date: dt.date | None = None,
    context_country: str | None = None,
) -> ActorRef:
    """Resolve ``text`` to an :class:`ActorRef`; unknown text comes back ``unresolved``."""
    tokens = tokenize(text)
    pieces, unmatched = _match(tokens, lexicon)
    pieces = _zoned([_chosen(p, date, context_country) for p in pieces], tokens, lexicon)
    pieces = [p for p in pieces if p.candidates]
    country = _country(pieces, context_country)
    person = _unknown_name(tokens, unmatched, text)
    sector = _sector(pieces, has_holder=country is not None or person is not None)
    if country is None and context_country and (sector is not None or person):
        country = Evidence(context_country, 0.0, len(tokens), Candidate(kind="context"))
    method = _method(country, sector)
    if method == "unresolved":
        return ActorRef(text=text, name=person, method="unresolved", confidence=0.0)
    return ActorRef(
        text=text,
        name=_name(pieces, person, country, tokens, text, lexicon),
        country=country.value if country else None,
        sector=sector.value if sector else None,
        ids=_ids(country, sector),
        method=method,
        confidence=_confidence(method, country, pieces),
    )


def is_reporter(text: str, lexicon: ActorLexicon) -> bool:
    """Whether ``text`` names a news organisation ("PTI", "news agency ANI", "Dawn")."""
    pieces, _ = _match(tokenize(text), lexicon)
    reporters = [
        p for p in pieces if p.lead.kind == "organisation" and any(c.reporter for c in p.candidates)
    ]
    others = [
        p
        for p in pieces
        if p.lead.kind in ("organisation", "user", "role", "modifier")
        and p not in reporters
        and p.lead.sector != "JRN"
    ]
    return bool(reporters) and not others


def _match(tokens: list[Token], lexicon: ActorLexicon) -> tuple[list[Piece], list[int]]:
    """Greedy longest match, left to right; returns pieces and unmatched token indices."""
    tokens = _respelt(tokens, lexicon)
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
    return _names_over_places(pieces, unmatched, tokens)


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
    for length in range(min(lexicon.max_length, len(tokens) - i), 0, -1):
        window = tokens[i : i + length]
        found = (
            *lexicon.exact.get(tuple(t.plain for t in window), ()),
            *lexicon.folded.get(tuple(t.key for t in window), ()),
        )
        if found:
            return Piece(i, i + length, found)
    return None


def _names_over_places(
    pieces: list[Piece], unmatched: list[int], tokens: list[Token]
) -> tuple[list[Piece], list[int]]:
    """A place name beside an unknown capitalised word is part of a name ("Chad Whitfield",
    "Paris Hilton"), unless a capitalised title or body follows ("Kabul Cricket Board")."""
    loose = {i for i in unmatched if tokens[i].is_capitalised}
    kept = []
    for piece in pieces:
        after = piece.end
        while after in loose:
            after += 1
        body_follows = after < len(tokens) and after not in loose and tokens[after].is_capitalised
        beside = piece.start - 1 in loose or (after > piece.end and not body_follows)
        if piece.lead.kind in NAME_BREAKERS and beside:
            unmatched.extend(range(piece.start, piece.end))
        else:
            kept.append(piece)
    return kept, sorted(unmatched)


def _chosen(piece: Piece, date: dt.date | None, context_country: str | None) -> Piece:
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
    users = [c for c in valid if c.kind == "user"]
    ranked = users or valid
    if context_country:
        ranked = sorted(ranked, key=lambda c: c.country != context_country)
    return Piece(piece.start, piece.end, tuple(ranked), piece.zone)


def _zoned(pieces: list[Piece], tokens: list[Token], lexicon: ActorLexicon) -> list[Piece]:
    """Mark pieces as head, possessor, located (after "in"), ethnic (after "ethnic") or
    relational (after "to", "anti-", "pro-"; an organisation a country is a member of)."""
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
    if before in STANCE_PREFIXES or _describes_member(piece, later, tokens):
        return "relational"
    if before in ETHNIC_MARKERS:
        return "ethnic"
    possessor = bool(later) and later[0].start == piece.end
    return "possessor" if possessor and tokens[piece.end].plain in POSSESSIVE else "head"


def _describes_member(piece: Piece, later: list[Piece], tokens: list[Token]) -> bool:
    """An organisation right before "member" with a country after it: "NATO-member Norway"."""
    if piece.lead.kind != "organisation" or piece.end >= len(tokens):
        return False
    if tokens[piece.end].key not in MEMBERSHIP_WORDS:
        return False
    return any(p.lead.kind in ("name", "abbreviation") for p in later)


def _names_identity(piece: Piece) -> bool:
    return bool(piece.candidates) and piece.lead.country is not None


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


def _country(pieces: list[Piece], context_country: str | None) -> Evidence | None:
    """The country with the most weight over the phrase; ties go to the article's country,
    then to the earliest mention."""
    first: dict[str, Evidence] = {}
    totals: dict[str, float] = {}
    for piece in pieces:
        for code, evidence in _piece_countries(piece).items():
            totals[code] = totals.get(code, 0.0) + evidence.weight
            first.setdefault(code, evidence)
    if not totals:
        return None
    ethnic = any(p.zone == "ethnic" for p in pieces)
    if context_country in totals or (ethnic and context_country):
        totals[context_country] = totals.get(context_country, 0.0) + CONTEXT_BONUS
        first.setdefault(context_country, Evidence(context_country, 0.0, 0, Candidate("context")))
    top = max(totals.values())
    tied = [code for code, total in totals.items() if total == top]
    if context_country in tied:
        return first[context_country]
    return min((first[code] for code in tied), key=lambda e: e.position)


def _sector(pieces: list[Piece], *, has_holder: bool) -> Evidence | None:
    """The heaviest sector evidence, the head (last) winning ties. A modifier needs someone
    to modify: "the former" alone is a pronoun, not a former official."""
    best: Evidence | None = None
    for piece in pieces:
        evidence = _piece_sector(piece)
        if evidence and (best is None or evidence.weight >= best.weight):
            best = evidence
    holders = has_holder or any(p.lead.kind in ("role", "weak") for p in pieces)
    if best is not None and best.candidate.kind == "modifier" and not holders:
        return None
    return best


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


def _unknown_name(tokens: list[Token], unmatched: list[int], text: str) -> str | None:
    """The longest run of unmatched capitalised tokens: a person's or an unknown body's name."""
    runs: list[list[int]] = []
    for i in unmatched:
        if not tokens[i].is_capitalised:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    if not runs:
        return None
    run = max(runs, key=len)
    return text[tokens[run[0]].start : tokens[run[-1]].end]


def _method(country: Evidence | None, sector: Evidence | None) -> str:
    sources = [e.candidate.kind for e in (country, sector) if e is not None]
    if not sources:
        return "unresolved"
    for kind in ("user", "organisation"):
        if kind in sources:
            return METHOD_OF_KIND[kind]
    if country is not None and country.candidate.kind in METHOD_OF_KIND:
        return METHOD_OF_KIND[country.candidate.kind]
    return "title"


def _name(
    pieces: list[Piece],
    person: str | None,
    country: Evidence | None,
    tokens: list[Token],
    text: str,
    lexicon: ActorLexicon,
) -> str | None:
    """A known person, else an unknown capitalised name, else the organisation standing as
    the head of the phrase, else the title as written, else the country."""
    heads = [p for p in pieces if p.zone == "head" and p.lead.kind not in ("function", "qualifier")]
    named = [p.lead.name for p in heads if p.lead.kind in ("person", "user") and p.lead.name]
    if named or person:
        return named[0] if named else person
    if heads and heads[-1].lead.kind in ("organisation", "user") and heads[-1].lead.name:
        return heads[-1].lead.name
    if any(p.lead.kind in ("role", "weak", "modifier") for p in pieces):
        return _title_text(pieces, tokens, text)
    if country is not None:
        return lexicon.country_names.get(country.value, country.value)
    return None


def _title_text(pieces: list[Piece], tokens: list[Token], text: str) -> str:
    """The phrase from its first meaningful word to its last: "Afghan foreign minister"."""
    meaningful = [p for p in pieces if p.lead.kind not in ("function",)]
    start = tokens[meaningful[0].start].start
    end = tokens[meaningful[-1].end - 1].end
    return text[start:end]


def _ids(country: Evidence | None, sector: Evidence | None) -> tuple[str, ...]:
    ids: list[str] = []
    for evidence in (country, sector):
        if evidence is not None:
            ids.extend(i for i in evidence.candidate.ids if i not in ids)
    return tuple(ids)


def _confidence(method: str, country: Evidence | None, pieces: list[Piece]) -> float:
    confidence = CONFIDENCE[method]
    if country is None or country.candidate.kind == "context":
        confidence -= 0.1
    countries = {c.country for p in pieces for c in p.candidates[:1] if c.country}
    if len(countries) > 1:
        confidence -= 0.1
    return round(max(confidence, 0.05), 2)
