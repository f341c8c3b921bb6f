"""Tokens of an actor phrase, as the actor lexicon and the resolver both see them.

A token keeps its character offsets into the phrase, its text with accents and curly quotes
made plain (for forms that match only as written, like "US") and its folded key (for every
other form). A possessive ``'s`` and a bare trailing apostrophe ("US’") are tokens of their
own; hyphens only separate words, so "self-defense" and "self defense" are the same tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from whimbrel.lexicon.actor_forms import fold, plain

_TOKEN = re.compile(r"[^\W_]+(?:'(?!s\b)[^\W_]+)*|'s\b|[^\w\s-]")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark of a phrase; ``start``/``end`` index the original text."""

    start: int
    end: int
    text: str
    plain: str
    key: str

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; quotes and dashes are made ASCII before matching."""
    normalised = plain_same_length(text)
    return [
        Token(m.start(), m.end(), text[m.start() : m.end()], *_keys(m.group()))
        for m in _TOKEN.finditer(normalised)
    ]


@lru_cache(maxsize=1 << 16)
def _keys(word: str) -> tuple[str, str]:
    """(plain, folded) keys of a word: news repeats its words, so they are made once."""
    return plain(word), fold(word)


def plain_same_length(text: str) -> str:
    """``text`` with curly quotes and dashes replaced one for one, so offsets still hold."""
    return "".join(map(_plain_char, text))


@cache
def _plain_char(ch: str) -> str:
    """``ch`` made plain when that keeps it one character (accents, quotes, dashes)."""
    made = plain(ch)
    return made if len(made) == 1 else ch


def token_keys(text: str) -> tuple[str, ...]:
    """Folded keys of a lexicon phrase, the way an article's tokens are keyed."""
    return tuple(token.key for token in tokenize(text))


def token_plains(text: str) -> tuple[str, ...]:
    """Case-kept keys of a phrase that matches only as written."""
    return tuple(token.plain for token in tokenize(text))
