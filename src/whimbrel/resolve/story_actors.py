"""Story-level actor rules: what a party's own words leave open, the story around it fills.

A bare name takes the title written right before it ("..., deputy PM <name> and ..."); a
pronoun nobody was remembered for takes the person named just before it in its sentence; a
people with no state of its own ("Kurds", "Shona villagers") lives in the story's country; an
official with no country serves the one country their sentence names. Each says how it was
found in ``method``, with a lower confidence than the phrase's own words would give.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from whimbrel import lexicon
from whimbrel.records import ActorRef, Span
from whimbrel.resolve.actor_phrases import is_outsider_phrase
from whimbrel.resolve.actor_pieces import chosen_meanings, match_pieces, scan_pieces
from whimbrel.resolve.actor_text import tokenize
from whimbrel.resolve.actors import (
    NAMING_KINDS,
    ActorLexicon,
    countries_in_text,
    is_title_phrase,
    names_a_people,
    resolve_actor_text,
)
from whimbrel.resolve.coreference import ActorMemory

__all__ = [
    "CountryContext",
    "from_story_countries",
    "objects_of_verbs",
    "person_in_sentence",
    "resolve_in_context",
    "title_before",
    "with_title_before",
]

# Officials whose country the sentence may give ("the interior minister ... Kenya").
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
SENTENCE_CONFIDENCE = 0.45
# A title written just before a bare name: at most this many words, this many characters back.
MAX_TITLE_WORDS = 4
TITLE_LOOKBACK = 60
SUBJECT_PRONOUNS = frozenset({"he", "she"})
PERSON_CONFIDENCE = 0.6
OF_COUNTRY = re.compile(r" of (?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}")
# "a UK-based group": where another body sits, never the official's own country.
BASED_IN = re.compile(r"\b[\w.'’-]+-based\b")
# Words after which a country is a setting or a modifier, not a verb's object, are places.yaml's
# ``not_after_verb``.
POSSESSIVE = frozenset({"'s", "’s"})
TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*\.?")


@cache
def _not_after_verb() -> frozenset[str]:
    return frozenset(lexicon.load("places")["not_after_verb"])


@dataclass(frozen=True, slots=True)
class CountryContext:
    """The story's own country, for parties whose own words name none: the most named
    place or people, when one leads."""

    story_country: str | None = None

    @staticmethod
    def of(counts: Counter[str]) -> CountryContext:
        ranked = counts.most_common(2)
        leads = bool(ranked) and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
        return CountryContext(ranked[0][0] if leads else None)


def objects_of_verbs(text: str, lexicon: ActorLexicon, *, date: dt.date) -> set[str]:
    """The states ``text`` names right after a lowercase word other than a preposition or
    article: the object of a verb ("pressure from Congress to help Iran"), a party of the
    sentence rather than where it happens."""
    tokens = tokenize(text)
    found = set()
    for piece in scan_pieces(tokens, lexicon):
        lead = chosen_meanings(piece, date, None).lead
        before = tokens[piece.start - 1].text if piece.start else ""
        after = tokens[piece.end].key if piece.end < len(tokens) else ""
        verb_like = before.isalpha() and before.islower() and before not in _not_after_verb()
        verb_like = verb_like and after not in POSSESSIVE  # "boycott Algeria's elections"
        if verb_like and lead.country and lead.kind in NAMING_KINDS and lead.kind != "demonym":
            found.add(lead.country)
    return found


def is_after_verb(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is a lowercase word other than a preposition
    or article ("help *Iran*"), as :func:`objects_of_verbs` reads a verb's object."""
    words = text[max(0, start - 40) : start].split()
    before = words[-1] if words and text[start - 1 : start].isspace() else ""
    return before.isalpha() and before.islower() and before not in _not_after_verb()


def resolve_in_context(
    ref: ActorRef, phrase: str, country: str, lexicon: ActorLexicon, date: dt.date
) -> ActorRef:
    """The phrase read again with ``country`` as its context; a title found before it stays."""
    again = resolve_actor_text(phrase, lexicon=lexicon, date=date, context_country=country)
    if not again.country:
        return ref
    if ref.sector and not again.sector:
        return dataclasses.replace(again, sector=ref.sector, name=ref.name or again.name)
    return again


def with_title_before(
    ref: ActorRef, span: Span, *, text: str, lexicon: ActorLexicon, date: dt.date
) -> ActorRef:
    """A bare name whose title the phrase left out ("..., deputy PM <name> and ..."): the
    title words written right before it, read with it."""
    title = title_before(span.start, text, lexicon)
    if title is None:
        return ref
    titled = resolve_actor_text(f"{title} {span.text}", lexicon=lexicon, date=date)
    if not titled.sector or titled.name != ref.name:
        return ref
    return dataclasses.replace(titled, text=ref.text, method=f"{titled.method}:title-before")


def title_before(start: int, text: str, lexicon: ActorLexicon) -> str | None:
    """The longest run of words ending right before ``start`` that is all title words
    ("deputy PM", "King"); "police arrested" is none, and punctuation ends the run."""
    before = text[max(0, start - TITLE_LOOKBACK) : start]
    words: list[str] = []
    for part in reversed(before.split() if before[-1:].isspace() else []):
        if not TITLE_WORD.fullmatch(part) or len(words) == MAX_TITLE_WORDS:
            break
        words.insert(0, part)
    titles = [
        " ".join(words[-n:])
        for n in range(1, len(words) + 1)
        if is_title_phrase(" ".join(words[-n:]), lexicon)
    ]
    return titles[-1] if titles else None


def person_in_sentence(
    span: Span, *, sentence: Span | None, memory: ActorMemory, lexicon: ActorLexicon, date: dt.date
) -> ActorRef | None:
    """ "King <name> of <country> said he would ...": a pronoun with nobody remembered is the
    person named just before it in its own sentence, read with the title before the name and
    the "of <country>" after it; None when that gives no country."""
    if sentence is None or span.text.lower().strip() not in SUBJECT_PRONOUNS:
        return None
    named = [p for p in memory.persons if sentence.start <= p.start and p.end <= span.start]
    if not named:
        return None
    person, text = named[-1], memory.text
    title = title_before(person.start, text, lexicon)
    of_country = OF_COUNTRY.match(text, person.end)
    phrase = " ".join(
        part for part in (title, person.text, of_country and of_country.group(0).strip()) if part
    )
    ref = resolve_actor_text(phrase, lexicon=lexicon, date=date)
    if not ref.country:
        return None
    return dataclasses.replace(
        ref, text=span.text, method="coreference:sentence-person", confidence=PERSON_CONFIDENCE
    )


def from_story_countries(
    ref: ActorRef,
    phrase: str,
    countries: CountryContext,
    sentence: Span | None,
    lexicon: ActorLexicon,
    date: dt.date,
    *,
    claimed: frozenset[str] = frozenset(),
) -> ActorRef:
    """A people with no country of their own ("Shona rebels", "ethnic Turks") lives where the
    story is; an official with no country ("the interior minister") serves the one country
    their sentence names, if it names exactly one and no party on the other side is of it.
    A party from outside ("Western governments") takes neither."""
    tokens = tokenize(phrase)
    if is_outsider_phrase(tokens, match_pieces(tokens, lexicon)[0]):
        return ref
    if names_a_people(phrase, lexicon) and countries.story_country:
        return resolve_in_context(ref, phrase, countries.story_country, lexicon, date)
    if sentence is None or ref.sector not in STATE_SECTORS:
        return ref
    named = countries_in_text(BASED_IN.sub("", sentence.text), lexicon, date=date)
    if len(named) == 1 and not named & claimed:
        return dataclasses.replace(
            ref, country=named.pop(), method="sentence-country", confidence=SENTENCE_CONFIDENCE
        )
    return ref
