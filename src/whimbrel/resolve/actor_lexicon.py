"""The actor lexicon: every known surface form, indexed by its tokens for longest-match lookup.

Built once from the compiled ``countries``, ``organisations``, ``people`` and ``sectors``
tables (and any user dictionary), then shared read-only. Lookup is a dictionary probe per
(position, length), so resolving a phrase costs a handful of hash lookups, never a regular
expression per entry.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from whimbrel import lexicon
from whimbrel.resolve.actor_text import Token, token_keys, token_plains

if TYPE_CHECKING:
    from whimbrel.resolve.user_dict import UserEntry

COUNTRY_KINDS = frozenset(
    {"name", "abbreviation", "demonym", "capital", "seat", "place", "group", "family", "breakaway"}
)
NAMED_KINDS = frozenset({"organisation", "person"})
PRIORITY = {
    "user": 0,
    "organisation": 1,
    "person": 1,
    **dict.fromkeys(COUNTRY_KINDS, 2),
    "modifier": 3,
    "role": 3,
    "weak": 4,
    "qualifier": 5,
    "function": 6,
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One meaning of a surface form: what it says about country and sector, and when."""

    kind: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    ids: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    reporter: bool = False

    @property
    def dated(self) -> bool:
        return self.valid_from is not None or self.valid_to is not None

    def valid_on(self, date: dt.date | None) -> bool:
        """Whether a dated candidate applies on ``date``; with no date, the open period does."""
        if date is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= date) and (
            self.valid_to is None or date <= self.valid_to
        )


Index = dict[tuple[str, ...], list[Candidate]]


@dataclass(frozen=True)
class ActorLexicon:
    """Surface forms -> candidates, for exact (as-written) and folded (case-blind) matching."""

    exact: Mapping[tuple[str, ...], Sequence[Candidate]]
    folded: Mapping[tuple[str, ...], Sequence[Candidate]]
    country_names: Mapping[str, str]
    locative: frozenset[tuple[str, ...]]
    relational: frozenset[tuple[str, ...]]
    # Per first word (as written, and folded), the longest form starting with it.
    longest: Mapping[str, int] = field(default_factory=dict)
    # One-edit variants of long country-name words -> the word ("" when two words share a
    # variant), and every word of every form: see :meth:`respelt`.
    near_names: Mapping[str, str] = field(default_factory=dict)
    known_words: frozenset[str] = field(default_factory=frozenset)
    # Words that make a body's proper name international, and the nouns naming a body.
    international_words: frozenset[str] = field(default_factory=frozenset)
    body_words: frozenset[str] = field(default_factory=frozenset)
    # Coreference: forms of one office -> the form people are compared by, and head nouns of
    # bodies that never stand for one office holder.
    title_aliases: Mapping[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    body_heads: frozenset[str] = field(default_factory=frozenset)

    @staticmethod
    def default() -> ActorLexicon:
        """The lexicon built from whimbrel's compiled data (built once, then shared)."""
        return _default_lexicon()

    @staticmethod
    def from_tables(
        *, countries: Any, organisations: Any, sectors: Any, people: Any = None
    ) -> ActorLexicon:
        """Build a lexicon from compiled tables (the JSON ``whimbrel.lexicon.load`` returns)."""
        exact: Index = {}
        folded: Index = {}
        named = [
            ("organisation", organisations["organisations"]),
            ("person", (people or {"people": []})["people"]),
        ]
        for text, is_exact, candidate in _all_forms(countries, named, sectors):
            _add(exact if is_exact else folded, text, is_exact, candidate)
        return ActorLexicon._assemble(exact, folded, countries, sectors)

    def is_person_name(self, name: str) -> bool:
        """Whether ``name`` is a person in the people list (for pronoun coreference)."""
        return self._names_a(name, "person")

    def is_organisation_name(self, name: str) -> bool:
        """Whether ``name`` is an organisation of the list ("United Nations", "UN")."""
        return self._names_a(name, "organisation")

    def _names_a(self, name: str, kind: str) -> bool:
        candidates = (
            *self.exact.get(token_plains(name), ()),
            *self.folded.get(token_keys(name), ()),
        )
        return any(c.kind == kind for c in candidates)

    def respelt(self, key: str) -> str | None:
        """The country- or person-name word ``key`` misspells by one letter ("afganistan" ->
        "afghanistan", "herzogovina" -> "herzegovina"), or None. Only long unknown words are
        tried, so short names ("Oman", "Holland") and known words never change."""
        if len(key) < MIN_RESPELT_LENGTH or key in self.known_words:
            return None
        found = {self.near_names.get(v) for v in _one_deletions(key)} - {None}
        return found.pop() if len(found) == 1 and "" not in found else None

    def longest_match(self, tokens: Sequence[Token], i: int) -> tuple[int, tuple[Candidate, ...]]:
        """The longest form starting at ``tokens[i]`` (as written or folded) and its meanings;
        (0, ()) when none does."""
        first = tokens[i]
        limit = max(self.longest.get(first.plain, 0), self.longest.get(first.key, 0))
        for length in range(min(limit, len(tokens) - i), 0, -1):
            window = tokens[i : i + length]
            found = (
                *self.exact.get(tuple(t.plain for t in window), ()),
                *self.folded.get(tuple(t.key for t in window), ()),
            )
            if found:
                return length, tuple(found)
        return 0, ()

    def with_user_entries(self, entries: Sequence[UserEntry]) -> ActorLexicon:
        """A copy where ``entries`` come before every built-in meaning of the same form."""
        exact = {key: list(values) for key, values in self.exact.items()}
        folded = {key: list(values) for key, values in self.folded.items()}
        for entry in entries:
            _add(
                exact if entry.exact else folded, entry.pattern, entry.exact, user_candidate(entry)
            )
        return dataclasses.replace(
            self,
            exact=_sorted(exact),
            folded=_sorted(folded),
            longest=_longest_forms(exact, folded),
            known_words=self.known_words | {w.lower() for k in [*exact, *folded] for w in k},
        )

    @staticmethod
    def _assemble(exact: Index, folded: Index, countries: Any, sectors: Any) -> ActorLexicon:
        names = {code: entry["name"] for code, entry in countries["countries"].items()}
        return ActorLexicon(
            exact=_sorted(exact),
            folded=_sorted(folded),
            country_names=names,
            locative=frozenset(token_keys(p) for p in sectors["locative"]),
            relational=frozenset(token_keys(p) for p in sectors["relational"]),
            longest=_longest_forms(exact, folded),
            near_names=_near_names(folded),
            known_words=frozenset(w.lower() for k in [*exact, *folded] for w in k),
            international_words=_word_keys(sectors.get("international_words", [])),
            body_words=_word_keys(sectors.get("body_words", [])),
            title_aliases={
                token_keys(form): token_keys(canonical)
                for form, canonical in sectors.get("title_aliases", {}).items()
            },
            body_heads=_word_keys(sectors.get("body_heads", [])),
        )


def _longest_forms(exact: Index, folded: Index) -> dict[str, int]:
    longest: dict[str, int] = {}
    for key in [*exact, *folded]:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return longest


# A misspelt word must be at least this long, and the name word it respells longer still
# (a one-letter slip in a 7-letter word is "Ethopia"; shorter words collide with names).
# People's names are many and alike, so only their long words are respelt ("Mitterand").
MIN_RESPELT_LENGTH = 7
MIN_RESPELT_TARGET = {"name": 8, "person": 9}


def _word_keys(words: Iterable[str]) -> frozenset[str]:
    """Folded token keys of single words; a hyphenated word ("pan-african") keeps its parts'
    joined key too, as the tokenizer splits it."""
    return frozenset(
        key for word in words for key in (*token_keys(word), "".join(token_keys(word)))
    )


def _one_deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _near_names(folded: Index) -> dict[str, str]:
    """Symmetric-deletion index of the long words in country and people's names: two words
    one edit apart (a letter dropped, added or changed) share a one-deletion variant."""
    words = {
        word
        for key, candidates in folded.items()
        for kind in {c.kind for c in candidates} & MIN_RESPELT_TARGET.keys()
        for word in key
        if len(word) >= MIN_RESPELT_TARGET[kind] and word.isalpha()
    }
    near: dict[str, str] = {}
    for word in sorted(words):
        for variant in _one_deletions(word):
            near[variant] = word if near.get(variant, word) == word else ""
    return near


def user_candidate(entry: UserEntry) -> Candidate:
    return Candidate(
        kind="user",
        country=entry.country,
        sector=entry.sector,
        name=entry.name,
        ids=entry.ids,
        valid_from=entry.valid_from,
        valid_to=entry.valid_to,
    )


def _add(index: Index, text: str, is_exact: bool, candidate: Candidate) -> None:
    key = token_plains(text) if is_exact else token_keys(text)
    if key:
        index.setdefault(key, []).append(candidate)


def _sorted(index: Index) -> dict[tuple[str, ...], tuple[Candidate, ...]]:
    return {
        key: tuple(sorted(values, key=lambda c: PRIORITY[c.kind])) for key, values in index.items()
    }


def _iso(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _country_forms(countries: Any) -> Iterable[tuple[str, bool, Candidate]]:
    names = {code: entry["name"] for code, entry in countries["countries"].items()}
    for form in countries["forms"]:
        code = form["country"]
        sector = "PRE" if form["kind"] == "breakaway" else None
        yield (
            form["text"],
            form["exact"],
            Candidate(
                kind=form["kind"],
                country=code,
                sector=sector,
                name=names.get(code),
                valid_from=_iso(form.get("from")),
                valid_to=_iso(form.get("to")),
            ),
        )


def _named_forms(kind: str, entries: Any) -> Iterable[tuple[str, bool, Candidate]]:
    """Organisations and people: an undated default plus one candidate per period."""
    for entry in entries:
        reporter = entry.get("reporter", False)
        meanings = [
            Candidate(
                kind=kind,
                country=entry["country"],
                sector=entry["sector"],
                name=entry["name"],
                reporter=reporter,
            )
        ]
        meanings += [
            Candidate(
                kind=kind,
                country=p["country"],
                sector=p["sector"],
                name=entry["name"],
                reporter=reporter,
                valid_from=_iso(p["from"]),
                valid_to=_iso(p["to"]),
            )
            for p in entry["periods"]
        ]
        for form in entry["forms"]:
            for meaning in meanings:
                yield form["text"], form["exact"], meaning


def _sector_forms(sectors: Any) -> Iterable[tuple[str, bool, Candidate]]:
    for phrase in sectors["phrases"]:
        yield (
            phrase["text"],
            phrase["exact"],
            Candidate(kind=phrase["tier"], sector=phrase["sector"]),
        )


def _all_forms(
    countries: Any, named: list[tuple[str, Any]], sectors: Any
) -> Iterable[tuple[str, bool, Candidate]]:
    for kind, entries in named:
        yield from _named_forms(kind, entries)
    yield from _country_forms(countries)
    yield from _sector_forms(sectors)


@cache
def _default_lexicon() -> ActorLexicon:
    return ActorLexicon.from_tables(
        countries=lexicon.load("countries"),
        organisations=lexicon.load("organisations"),
        sectors=lexicon.load("sectors"),
        people=lexicon.load("people"),
    )
