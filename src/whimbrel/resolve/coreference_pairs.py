"""Plural coreference: "the two leaders", "both sides", "the two countries".

A story names two parties ("Kenyan President William Ruto met Ethiopian Prime Minister Abiy
Ahmed") and then speaks of them together. Such a phrase is both of them (``coreference:plural``)
when the phrase's own sentence, before it, or else the latest earlier sentence naming anyone,
names exactly two persons (or, for "the two countries", two states) of the kind it says; it is
nobody when that sentence names one or three, or when a titled phrase ("the two ministers") does
not fit both persons' titles. Persons and states come from :class:`ActorMemory`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from whimbrel.lexicon import load
from whimbrel.records import ActorRef, Span
from whimbrel.resolve.coreference import ActorMemory, Title, describe, linked

__all__ = ["PAIR", "is_pair_phrase", "recall_pair"]

PAIR = re.compile(r"^(?:the\s+)?(?:two|both)(?:\s+the)?\s+(?P<noun>[^\W\d_][\w\s'’-]*)$", re.I)
# Plural nouns of states with the sector the pair is given ("the two countries"), of the sides
# of a dispute ("both sides"), and titles any titled person holds ("the two leaders"):
# coreference.yaml ``state_nouns``, ``side_nouns`` and ``general_titles``.
PERSON_CONFIDENCE, STATE_CONFIDENCE = 0.6, 0.55


def is_pair_phrase(text: str) -> bool:
    return PAIR.match(text.strip()) is not None


def recall_pair(
    memory: ActorMemory, text: str, *, start: int, sentence: Span | None
) -> tuple[ActorRef, ...]:
    """The two parties ``text`` (standing at ``start`` in ``sentence``) speaks of together;
    () when it is no pair phrase or no single pair fits (see the module docstring)."""
    pair = PAIR.match(text.strip())
    if pair is None or sentence is None:
        return ()
    noun = pair["noun"].lower().split()[-1]
    words = load("coreference")
    state_nouns, side_nouns = words["state_nouns"], frozenset(words["side_nouns"])
    if noun in state_nouns:
        return _state_pair(memory, text, start, sentence.start, sector=state_nouns[noun])
    persons = _person_pair(memory, text, start, sentence.start, any_title=noun in side_nouns)
    if persons or noun not in side_nouns:
        return persons
    return _state_pair(memory, text, start, sentence.start, sector=None)


def _person_pair(
    memory: ActorMemory, text: str, start: int, sentence: int, *, any_title: bool
) -> tuple[ActorRef, ...]:
    sightings = [(s.start, s.sentence, s.name) for s in memory.sightings]
    named = _latest_group(sightings, start, sentence)
    if len(named) != 2:
        return ()
    if not any_title:
        head = describe(text, memory.lexicon).titles[-1:]
        if not head or not all(_holds(memory, head[0], name) for name in named):
            return ()
    return tuple(
        linked(memory.people[name].best, text, "coreference:plural", PERSON_CONFIDENCE)
        for name in named
    )


def _holds(memory: ActorMemory, title: Title, name: str) -> bool:
    """Whether the person filed under ``name`` holds ``title`` ("leader": anyone titled)."""
    held = memory.people[name].titles
    general = title.words[-1] in load("coreference")["general_titles"]
    return bool(held) and (general or any(map(title.fit, held)))


def _state_pair(
    memory: ActorMemory, text: str, start: int, sentence: int, *, sector: str | None
) -> tuple[ActorRef, ...]:
    codes = _latest_group(memory.states, start, sentence)
    if len(codes) != 2:
        return ()
    names = memory.lexicon.country_names
    return tuple(
        ActorRef(text=text, name=names.get(code, code), country=code, sector=sector,
                 method="coreference:plural", confidence=STATE_CONFIDENCE)
        for code in codes
    )  # fmt: skip


def _latest_group(
    seen: Sequence[tuple[int, int | None, str]], start: int, sentence: int
) -> list[str]:
    """The distinct values seen before ``start`` in the sentence opening at ``sentence``, or,
    when it has none, in the latest earlier sentence that has any, in text order."""
    own = [(at, value) for at, opening, value in seen if opening == sentence and at < start]
    if not own:
        earlier = [opening for _, opening, _ in seen if opening is not None and opening < sentence]
        latest = max(earlier, default=None)
        own = [
            (at, value) for at, opening, value in seen if latest is not None and opening == latest
        ]
    return list(dict.fromkeys(value for _, value in sorted(own)))
