"""Resolve an actor phrase ("Pakistan's Foreign Minister Shah Mehmood Qureshi", "US troops",
"the Kremlin") to a country, a PLOVER sector and a name.

The phrase is matched into lexicon pieces (:mod:`whimbrel.resolve.actor_pieces`), the pieces
are weighed into a country and a sector (:mod:`whimbrel.resolve.actor_weighing`), and the
actor is named here: a known person or organisation, else the unmatched capitalised words
(a person's name, particles such as "bin" or "de" included), else the title as written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache

from whimbrel import lexicon
from whimbrel.errors import DataFileError
from whimbrel.records import ActorRef
from whimbrel.resolve.actor_lexicon import ActorLexicon, Candidate
from whimbrel.resolve.actor_phrases import (
    first_of_modifier_list,
    is_outsider_phrase,
    is_sides_phrase,
    locative_start,
)
from whimbrel.resolve.actor_pieces import (
    Piece,
    chosen_meanings,
    match_pieces,
    scan_pieces,
    zoned_pieces,
)
from whimbrel.resolve.actor_text import Token, tokenize
from whimbrel.resolve.actor_weighing import (
    Evidence,
    choose_country,
    choose_sector,
    people_sector,
)

__all__ = [
    "ActorLexicon",
    "countries_in_text",
    "is_reporter",
    "is_title_phrase",
    "names_a_people",
    "resolve_actor_text",
]

METHOD_OF_KIND = {
    "user": "user-dictionary",
    "organisation": "organisation",
    "person": "dictionary",
    "name": "dictionary",
    "abbreviation": "dictionary",
    "place": "dictionary",
    "breakaway": "dictionary",
    "family": "dictionary",
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
# An unknown body with an international name ("World Water Forum") and no country.
INTERNATIONAL_CODE = "NGO"
NAME_JOINERS = frozenset({"of", "for", "the", "and", "on", "&"})
NAME_OPENERS = frozenset({"the", "members", "member"})
PEOPLE_KINDS = frozenset({"demonym", "group"})
NAMING_KINDS = frozenset({"name", "abbreviation", "demonym", "capital", "organisation"})
TITLE_PIECE_KINDS = frozenset({"role", "weak", "modifier", "qualifier", "function"})
OFFICE_PIECE_KINDS = frozenset({"role", "weak"})


@cache
def name_particles() -> frozenset[str]:
    """Lower-case particles inside a person's name ("bin", "de", "von"): people.yaml's
    ``name_particles``."""
    particles = lexicon.load("people").get("name_particles")
    if not particles:
        raise DataFileError(
            "whimbrel/data/people.json",
            ["'name_particles' is missing or empty: add it to people.yaml and recompile"],
        )
    return frozenset(particles)


def resolve_actor_text(
    text: str,
    *,
    lexicon: ActorLexicon,
    date: dt.date | None = None,
    context_country: str | None = None,
) -> ActorRef:
    """Resolve ``text`` to an :class:`ActorRef`; unknown text comes back ``unresolved``."""
    tokens = tokenize(text)
    if is_sides_phrase(tokens):  # "all parties": the sides of a dispute, no sector of theirs
        return ActorRef(text=text, method="unresolved", confidence=0.0)
    pieces, unmatched = match_pieces(tokens, lexicon)
    if is_outsider_phrase(tokens, pieces):  # "Western governments" are not the setting's
        context_country = None
    head_text = first_of_modifier_list(tokens, pieces, text)
    if head_text != text:  # "US and British warplanes" is read as "US warplanes"
        return dataclasses.replace(
            resolve_actor_text(
                head_text, lexicon=lexicon, date=date, context_country=context_country
            ),
            text=text,
        )
    locative = locative_start(tokens)
    if locative is not None:  # "ships in the Red Sea": no name from where they are
        unmatched = [i for i in unmatched if i < locative]
    chosen = [chosen_meanings(p, date, context_country) for p in pieces]
    pieces = [p for p in zoned_pieces(chosen, tokens, lexicon) if p.candidates]
    country = choose_country(pieces, context_country)
    person = _unknown_name(tokens, unmatched, pieces, text)
    sector = choose_sector(pieces, has_holder=country is not None or person is not None)
    if sector is None and person is None:
        sector = people_sector(pieces, tokens)
    if country is None:
        has_holder = sector is not None or bool(person)
        country = _fallback_country(tokens, lexicon, context_country, has_holder=has_holder)
    method = _method(country, sector)
    if method == "unresolved":
        return ActorRef(text=text, name=person, method="unresolved", confidence=0.0)
    name = _name(pieces, person, country, tokens, text, lexicon)
    own = tokens[:locative]
    if (
        country is not None
        and person is None
        and name in (None, lexicon.country_names.get(country.value))
        and (locative is not None or _has_common_head(own, unmatched))
    ):  # "American ships (in the Red Sea)" is named by its own words, not its country's name
        name = _head_text(own, text)
    return ActorRef(
        text=text,
        name=name,
        country=country.value if country else None,
        sector=sector.value if sector else None,
        ids=_ids(country, sector),
        method=method,
        confidence=_confidence(method, country, pieces),
    )


def is_reporter(text: str, lexicon: ActorLexicon) -> bool:
    """Whether ``text`` names a news organisation ("PTI", "news agency ANI", "Dawn")."""
    pieces, _ = match_pieces(tokenize(text), lexicon)
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


def is_title_phrase(text: str, lexicon: ActorLexicon) -> bool:
    """Whether every word of ``text`` is a title word and one names an office ("deputy PM",
    "Lt Gen", "the interior minister"); "police arrested" is not a title."""
    tokens = tokenize(text)
    pieces, unmatched = match_pieces(tokens, lexicon)
    kinds = {p.lead.kind for p in pieces}
    return (
        bool(tokens)
        and not unmatched
        and kinds <= TITLE_PIECE_KINDS
        and bool(kinds & OFFICE_PIECE_KINDS)
    )


def countries_in_text(text: str, lexicon: ActorLexicon, *, date: dt.date | None = None) -> set[str]:
    """The states a stretch of text names by a capitalised name, abbreviation, demonym,
    capital or national body ("... pressure by the Kenya Anti-Corruption Commission" names
    Kenya, "UNITA" Angola); international bodies such as the UN name none."""
    tokens = tokenize(text)
    found: set[str] = set()
    for piece in scan_pieces(tokens, lexicon):
        lead = chosen_meanings(piece, date, None).lead
        country = lead.country
        states = country is not None and country in lexicon.country_names
        naming = lead.kind in NAMING_KINDS and not lead.reporter  # "told Reuters": no
        if country and naming and states and tokens[piece.start].is_capitalised:
            found.add(country)
    return found


def names_a_people(text: str, lexicon: ActorLexicon) -> bool:
    """Whether the phrase's only country evidence is a people: an ethnicity ("ethnic Turks",
    "Albanians of Serbia") or a group ("Shona rebels", "Kurds")."""
    tokens = tokenize(text)
    pieces, _ = match_pieces(tokens, lexicon)
    pieces = zoned_pieces(pieces, tokens, lexicon)
    naming = [p for p in pieces if any(c.country for c in p.candidates)]
    return bool(naming) and all(p.zone == "ethnic" or p.lead.kind == "group" for p in naming)


def _fallback_country(
    tokens: list[Token], lexicon: ActorLexicon, context_country: str | None, *, has_holder: bool
) -> Evidence | None:
    """For a phrase naming no country: NGO for a body with an international name, else the
    event's country for a title or a name ("police" in Nairobi), else none."""
    if _names_international_body(tokens, lexicon):
        return Evidence(INTERNATIONAL_CODE, 0.0, 0, Candidate(kind="international"))
    if context_country and has_holder:
        return Evidence(context_country, 0.0, len(tokens), Candidate(kind="context"))
    return None


def _names_international_body(tokens: list[Token], lexicon: ActorLexicon) -> bool:
    """Whether the phrase's written name holds an international word and a body noun
    ("the World Water Forum", "Association of African Jurists"); see sectors.yaml."""
    written = {t.key for t in tokens if t.is_capitalised}
    return bool(written & lexicon.international_words) and bool(written & lexicon.body_words)


def _written_name(tokens: list[Token], text: str, lexicon: ActorLexicon) -> str:
    """The capitalised run, joined by small words ("of", "for"), that holds the international
    word: "Association of African Jurists", "World Water Forum"."""
    runs: list[list[int]] = []
    for i, token in enumerate(tokens):
        if not token.is_capitalised or token.key in NAME_OPENERS:
            continue
        gap = range(runs[-1][-1] + 1, i) if runs else range(0)
        if runs and all(tokens[j].key in NAME_JOINERS for j in gap):
            runs[-1].append(i)
        else:
            runs.append([i])
    run = next(r for r in runs if any(tokens[i].key in lexicon.international_words for i in r))
    return text[tokens[run[0]].start : tokens[run[-1]].end]


def _unknown_name(
    tokens: list[Token], unmatched: list[int], pieces: list[Piece], text: str
) -> str | None:
    """The longest run of unmatched capitalised tokens: a person's or an unknown body's name.
    A name particle between two name words ("bin", "de") and a ruling family's name right
    after one ("... bin Khalifa al-Thani") belong to the run."""
    families = {i for p in pieces if p.lead.kind == "family" for i in range(p.start, p.end)}
    runs: list[list[int]] = []
    for i in sorted({*unmatched, *families}):
        joins = bool(runs) and runs[-1][-1] == i - 1
        name_word = tokens[i].is_capitalised or i in families
        if joins and (name_word or tokens[i].key in name_particles()):
            runs[-1].append(i)
        elif name_word:
            runs.append([i])
    runs = [_trimmed(run, tokens, families) for run in runs]
    peoples = {p.start for p in pieces if p.lead.kind in PEOPLE_KINDS and _is_plural(tokens, p)}
    runs = [
        run
        for run in runs
        if run and any(i not in families for i in run) and run[-1] + 1 not in peoples
    ]
    if not runs:
        return None
    run = max(runs, key=len)
    return text[tokens[run[0]].start : tokens[run[-1]].end]


def _is_plural(tokens: list[Token], piece: Piece) -> bool:
    """A people named in the plural ("Algerians", "Kurds"): a capitalised word before it
    describes them ("Young Algerians", "Syrian Kurds"); it is not a person's name."""
    word = tokens[piece.end - 1].key
    return word.endswith("s") and not word.endswith("ss")


def _trimmed(run: list[int], tokens: list[Token], families: set[int]) -> list[int]:
    """A run ends on a capitalised word: no trailing particle ("Hamad bin")."""
    while run and not tokens[run[-1]].is_capitalised:
        run = run[:-1]
    while run and run[0] in families:
        run = run[1:]
    return run


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
    """A known person, else an international body's written name, else an unknown
    capitalised name, else the organisation standing as the head of the phrase, else the
    title as written, else the country."""
    if country is not None and country.candidate.kind == "international":
        return _written_name(tokens, text, lexicon)
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


def _has_common_head(tokens: list[Token], unmatched: list[int]) -> bool:
    """The phrase ends in a lower-case word the lexicon does not know ("Turkish *tankers*")."""
    last = len(tokens) - 1
    return (
        last > 0
        and last in unmatched
        and tokens[last].text.isalpha()
        and tokens[last].text.islower()
    )


def _head_text(tokens: list[Token], text: str) -> str:
    """The phrase's words before its locative, without a leading article: "American ships"."""
    kept = tokens[1:] if len(tokens) > 1 and tokens[0].key == "the" else tokens
    return text[kept[0].start : kept[-1].end]


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
