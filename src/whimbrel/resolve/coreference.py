"""In-story coreference of actors: surnames, titles and pronouns.

A story names its people once in full ("Afghanistan's Interim Foreign Minister, Amir Khan
Muttaqi") and then shortens them: "Muttaqi", "the Afghan foreign minister", "he". The
:class:`ActorMemory` files each person under their resolved name with every title their own
descriptions gave them, and where each mention stood (subject of its sentence or not, inside a
quotation or not), so that

- a surname goes to the person whose name ends in it (``coreference:name``);
- a definite title-only description ("the foreign minister", "Pakistan's FM", "the minister")
  goes to the one person whose titles and country fit it best (``coreference:title``), and to
  nobody when two people fit equally, or when it is indefinite or plural ("a minister",
  "ministers");
- "he", "she", "his", "her" go to the latest person in subject position before them, else to
  the latest person named (``coreference:pronoun``), never to someone named only inside a
  quotation the pronoun stands outside of.

Titles are read with the actor lexicon's own forms (``data_sources/sectors.yaml``), so a title
the resolver knows is a title coreference knows.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from whimbrel.lexicon import load
from whimbrel.records import ActorRef, Span
from whimbrel.resolve.actor_lexicon import COUNTRY_KINDS, ActorLexicon, Candidate
from whimbrel.resolve.actor_text import Token, tokenize

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
OBJECT_PRONOUNS = frozenset({"him"})


@cache
def indefinite_words() -> frozenset[str]:
    """Determiners that make a description indefinite or a quantity, never one known person
    (coreference.yaml ``indefinite``)."""
    return frozenset(load("coreference")["indefinite"])


@cache
def _time_intro() -> re.Pattern[str]:
    """ "Later on Tuesday", "On Monday", "Yesterday": a time phrase opening a sentence with no
    comma before its subject (dates.yaml weekdays)."""
    days = "|".join(sorted(w for w in load("dates")["weekdays"] if len(w) > 3))
    return re.compile(
        rf"^\s*(?:(?:later|earlier)\s+)?(?:on\s+)?(?:{days}|yesterday|today)\s+(?:the\s+)?$",
        re.I,
    )


@cache
def rank_words() -> frozenset[str]:
    """Qualifiers that name a different office ("the deputy PM" is not "the PM"):
    coreference.yaml ``rank_words``."""
    return frozenset(load("coreference")["rank_words"])


TITLE_KINDS = frozenset({"role", "weak"})
EXACT_TITLE_FIT, GENERAL_TITLE_FIT = 2, 1
QUOTE_PAIRS = re.compile(r"“[^”]*”|\"[^\"]*\"")
# What may stand before a sentence's subject: an opening quote, a short introduction closed by a
# comma ("Meanwhile,", "On Saturday,") and "the".
INTRO_BEFORE_SUBJECT = re.compile(
    r"^\s*[“\"]?\s*(?:[A-Z][\w’']*(?:\s+[\w’']+){0,4}\s*,)?\s*(?:the\s+)?$", re.I
)


@dataclass(frozen=True, slots=True)
class Title:
    """An office as folded words ("foreign", "minister") with the rank words that change it."""

    words: tuple[str, ...]
    rank: frozenset[str] = frozenset()

    def fit(self, held: Title) -> int:
        """How well this title, used alone, describes the holder of ``held``: the same office
        (2), a more general one ("minister" for "foreign minister", 1), or not at all (0)."""
        if self.rank != held.rank:
            return 0
        if self.words == held.words:
            return EXACT_TITLE_FIT
        tail = held.words[len(held.words) - len(self.words) :]
        return GENERAL_TITLE_FIT if tail == self.words else 0


@dataclass(frozen=True, slots=True)
class Description:
    """What an actor phrase says as titles: its office titles, its country, whether it names
    someone, and whether it can point at one known person (definite and singular)."""

    titles: tuple[Title, ...]
    country: str | None
    named: bool
    bodies: frozenset[str]
    definite: bool
    plural: bool
    tail_clean: bool
    heads_a_body: bool = False

    @property
    def title_only(self) -> bool:
        """ "the Afghan foreign minister": a definite singular title and nothing else."""
        return (
            bool(self.titles)
            and not self.named
            and self.definite
            and not self.plural
            and self.tail_clean
            and not self.heads_a_body
        )


def describe(text: str, lexicon: ActorLexicon) -> Description:
    """Read ``text`` as determiners, countries, titles and names."""
    reading = _Reading()
    for kind, key, lead in _pieces(tokenize(text), lexicon):
        if key in lexicon.relational:
            break  # "ambassador to Poland": what follows is the other side, not the holder's
        reading.take(kind, key, lead, lexicon)
    return reading.description(lexicon)


def _pieces(
    tokens: list[Token], lexicon: ActorLexicon
) -> Iterator[tuple[str, tuple[str, ...], Candidate | None]]:
    """(kind, folded words, leading meaning) of each longest lexicon match or lone word; an
    unknown capitalised word is a "name", an unknown lowercase one a "word"."""
    i = 0
    while i < len(tokens):
        length, candidates = lexicon.longest_match(tokens, i)
        key = tuple(t.key for t in tokens[i : i + max(length, 1)])
        lead = candidates[0] if candidates else None
        kind = lead.kind if lead else ("name" if tokens[i].is_capitalised else "word")
        yield kind, key, lead
        i += max(length, 1)


@dataclass(slots=True)
class _Reading:
    """What :func:`describe` has read so far."""

    titles: list[Title] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    rank: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)
    named: bool = False
    indefinite: bool = False
    plural: bool = False
    tail_clean: bool = True

    def take(
        self, kind: str, key: tuple[str, ...], lead: Candidate | None, lexicon: ActorLexicon
    ) -> None:
        if self.titles and kind not in ("function", *COUNTRY_KINDS):
            self.tail_clean = False
        if kind == "function" and key[0] in indefinite_words():
            self.indefinite = True
        elif kind in COUNTRY_KINDS and lead is not None and lead.country:
            self.countries.add(lead.country)
        elif kind in ("qualifier", "modifier") and key[-1] in rank_words():
            self.rank.add(key[-1])
        elif kind in TITLE_KINDS:
            self._title(key, lexicon)
        elif kind == "organisation" and lead is not None and lead.name:
            self.bodies.add(lead.name)  # "the ISI chief": the office's body, not a name
            self.countries.update({lead.country} if lead.country else set())
        elif kind in ("person", "user", "name"):
            self.named = True

    def _title(self, key: tuple[str, ...], lexicon: ActorLexicon) -> None:
        words, self.plural = _title_words(key, lexicon)
        ranks = rank_words()
        rank = frozenset(self.rank | ({words[0]} & ranks))
        office = tuple(w for w in words if w not in ranks)
        if office:
            self.titles.append(Title(office, rank))
        self.rank, self.tail_clean = set(), True

    def description(self, lexicon: ActorLexicon) -> Description:
        return Description(
            titles=tuple(self.titles),
            country=next(iter(self.countries)) if len(self.countries) == 1 else None,
            named=self.named,
            bodies=frozenset(self.bodies),
            definite=not self.indefinite,
            plural=self.plural,
            tail_clean=self.tail_clean,
            heads_a_body=bool(self.titles) and self.titles[-1].words[-1] in lexicon.body_heads,
        )


def _title_words(key: tuple[str, ...], lexicon: ActorLexicon) -> tuple[tuple[str, ...], bool]:
    """The canonical singular words of a title form, and whether the form was plural."""
    singular = _singular(key, lexicon)
    words = singular or key
    return lexicon.title_aliases.get(words, words), singular is not None


def _singular(key: tuple[str, ...], lexicon: ActorLexicon) -> tuple[str, ...] | None:
    last = key[-1]
    stems = []
    if last.endswith("ies"):
        stems.append(last[:-3] + "y")
    if last.endswith("men"):
        stems.append(last[:-3] + "man")
    if last.endswith("s") and not last.endswith("ss"):
        stems.append(last[:-1])
    for stem in stems:
        form = (*key[:-1], stem)
        if any(c.kind in TITLE_KINDS for c in lexicon.folded.get(form, ())):
            return form
    return None


@dataclass(frozen=True, slots=True)
class Sighting:
    """One mention of a person, where it stands in the article."""

    name: str
    start: int
    subject: bool
    quote: tuple[int, int] | None
    sentence: int | None = None


@dataclass(slots=True)
class PersonFile:
    """Everything the story has said about one person: the fullest reference and titles."""

    best: ActorRef
    titles: set[Title] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)


@dataclass(slots=True)
class ActorMemory:
    """Actors named so far in one story, for coreference (see the module docstring).

    ``persons`` are the character spans of PERSON entities (a titled phrase holding one names
    a person); ``text`` is the article's text, for subject positions and quotations.
    """

    lexicon: ActorLexicon
    persons: tuple[Span, ...] = ()
    text: str = ""
    by_word: dict[str, ActorRef] = field(default_factory=dict)
    people: dict[str, PersonFile] = field(default_factory=dict)
    sightings: list[Sighting] = field(default_factory=list)
    # (start, sentence start, country) of every party remembered with a country.
    states: list[tuple[int, int, str]] = field(default_factory=list)
    quotes: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        self.quotes = tuple(m.span() for m in QUOTE_PAIRS.finditer(self.text))

    def remember(self, ref: ActorRef, *, sentence: Span | None = None) -> None:
        """Note a resolved actor of ``sentence``: its surname, and, for a person, its titles
        and where it stood."""
        if ref.country and ref.span is not None and sentence is not None:
            self.states.append((ref.span.start, sentence.start, ref.country))
        if not ref.name or not ref.country:
            return
        surname = ref.name.replace("-", " ").split()[-1]
        # Only the last word of a name: "Khan" in "Amir Khan Muttaqi" is no surname.
        if not ref.method.startswith("coreference") and len(surname) > 2 and surname[0].isupper():
            self.by_word[surname.lower().rstrip("s")] = ref
        if ref.name not in self.people and not self.is_person(ref):
            return
        self._file(ref.name, ref)
        if ref.span is not None:
            subject = sentence is not None and self._is_subject(ref.span, sentence)
            quote = self._quote_of(ref.span.start)
            at = sentence.start if sentence is not None else None
            self.sightings.append(Sighting(ref.name, ref.span.start, subject, quote, at))

    def is_person(self, ref: ActorRef) -> bool:
        """A person from the people list, or a titled phrase with a PERSON entity in it."""
        if ref.name and self.lexicon.is_person_name(ref.name):
            return True
        return (
            ref.sector is not None
            and ref.span is not None
            and any(ref.span.start <= p.start and p.end <= ref.span.end for p in self.persons)
        )

    def recall(self, text: str, *, start: int | None = None) -> ActorRef | None:
        """The known actor ``text`` (standing at ``start``) refers back to, linked."""
        if text.lower().strip() in PRONOUNS:
            return self.recall_pronoun(text, start=start)
        for word in reversed(text.replace("’", "'").split()):
            key = word.lower().strip(".,'").removesuffix("'s").rstrip("s")
            if key in self.by_word:
                return linked(self.by_word[key], text, "coreference:name", 0.8)
        return None

    def recall_pronoun(
        self, text: str, *, start: int | None = None, sentence: Span | None = None
    ) -> ActorRef | None:
        """The latest subject-position person before ``start``, else the latest person. An
        object "him" is never the subject of its own sentence ("X refused to meet Y, saying he
        would only welcome him": "him" is Y)."""
        limit = len(self.text) + 1 if start is None else start
        here = None if start is None else self._quote_of(start)
        seen = sorted(
            (s for s in self.sightings if s.start < limit and s.quote in (None, here)),
            key=lambda s: s.start,
        )
        if text.lower().strip() in OBJECT_PRONOUNS and sentence is not None:
            own = {s.name for s in seen if s.subject and s.start >= sentence.start}
            others = [s for s in seen if s.name not in own]
            return self._pronoun_link(others[-1:], text, 0.6)
        subjects = [s for s in seen if s.subject]
        return self._pronoun_link(subjects[-1:] or seen[-1:], text, 0.75 if subjects else 0.6)

    def _pronoun_link(
        self, chosen: list[Sighting], text: str, confidence: float
    ) -> ActorRef | None:
        if not chosen:
            return None
        return linked(self.people[chosen[0].name].best, text, "coreference:pronoun", confidence)

    def recall_title(self, description: Description, text: str, *, start: int) -> ActorRef | None:
        """The one person named before ``start`` whose titles and country fit ``description``
        best; None when nobody fits or two people fit equally."""
        before = {s.name for s in self.sightings if s.start < start}
        scored = sorted(
            ((self._fit(description, self.people[name]), name) for name in before),
            reverse=True,
        )
        scored = [(score, name) for score, name in scored if score > 0]
        if not scored or len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None
        score, name = scored[0]
        confidence = 0.75 if score >= 2 * EXACT_TITLE_FIT else 0.65
        return linked(self.people[name].best, text, "coreference:title", confidence)

    def _fit(self, description: Description, person: PersonFile) -> int:
        country = person.best.country
        if description.country and country and description.country != country:
            return 0
        if not description.bodies <= person.bodies:
            return 0
        head = description.titles[-1]
        fit = max((head.fit(held) for held in person.titles), default=0)
        return fit * 2 + (fit > 0 and description.country is not None)

    def _file(self, name: str, ref: ActorRef) -> None:
        """File ``ref`` under ``name``: its titles join the person's; a better-evidenced
        reference of their own (not a link back) becomes the one links copy."""
        person = self.people.get(name)
        if person is None:
            person = self.people[name] = PersonFile(best=ref)
        elif not ref.method.startswith("coreference") and ref.confidence > person.best.confidence:
            person.best = ref
        description = describe(ref.text, self.lexicon)
        person.titles.update(description.titles)
        person.bodies.update(description.bodies)

    def _is_subject(self, span: Span, sentence: Span) -> bool:
        """Whether ``span`` opens its sentence, after at most a short introduction
        ("Meanwhile,", "On Saturday,"): in news prose that is the sentence's subject."""
        if not sentence.start <= span.start <= sentence.end:
            return False
        before = self.text[sentence.start : span.start]
        return bool(INTRO_BEFORE_SUBJECT.match(before) or _time_intro().match(before))

    def word_before(self, start: int) -> str:
        """The word just before ``start`` in the article ("a" before "minister"), folded."""
        words = self.text[max(0, start - 40) : start].split()
        return words[-1].lower() if words else ""

    def _quote_of(self, start: int) -> tuple[int, int] | None:
        return next((q for q in self.quotes if q[0] <= start < q[1]), None)


def linked(known: ActorRef, text: str, method: str, confidence: float) -> ActorRef:
    """``known`` as the party ``text`` refers to, found by ``method``."""
    return dataclasses.replace(
        known, text=text, method=method, confidence=round(min(known.confidence, confidence), 2)
    )
