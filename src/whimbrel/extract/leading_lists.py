"""List members the parser folded into the last member's phrase.

"Chile, Peru and the embattled, isolated Bolivia welcomed ...": before an adjective the
parser may hang the earlier members on the last one's modifiers (as a noun modifier, or as a
subject or conjunct of an adjective), so the subject's phrase runs from "Chile" and its other
members are no conjuncts. Read off the words: a name heading a phrase whose words before it
hold a list closed by "and"/"or", each segment before the last naming someone, is the last
member; the others are parties of their own.
"""

from __future__ import annotations

from spacy.tokens import Token

NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"})
CLOSING_WORDS = frozenset({"and", "or"})
# Words a misparsed list may hold before its last member ("the embattled, isolated").
LIST_WORD_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART", "VERB", "ADV"})


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in NAME_LABELS


def _is_entity(token: Token) -> bool:
    return token.ent_type_ in NAME_LABELS


def leading_segments(head: Token) -> list[list[Token]]:
    """The segments of the list before ``head``'s own, each naming an entity (empty if the
    words before it are no such list), and ``head``'s own segment last."""
    if not _is_name(head) or head.left_edge.i >= head.i:
        return []
    segments: list[list[Token]] = [[]]
    closed = False
    for token in head.doc[head.left_edge.i : head.i]:
        if token.text == "," or token.lower_ in CLOSING_WORDS:
            closed = closed or token.lower_ in CLOSING_WORDS
            segments.append([])
        elif token.pos_ in LIST_WORD_POS:
            segments[-1].append(token)
        else:
            return []
    named = [s for s in segments[:-1] if any(map(_is_entity, s))]
    if not closed or not named:
        return []
    # what follows the last named segment is the head's own ("the embattled, isolated")
    after = head.doc[named[-1][-1].i + 1 : head.i + 1]
    own = [t for t in after if not (t.text == "," or t.lower_ in CLOSING_WORDS)]
    return [*named, own]


def leading_list_members(head: Token) -> list[Token]:
    """The earlier members of a list folded into ``head``'s phrase, each by its last name."""
    segments = leading_segments(head)
    return [[t for t in segment if _is_entity(t)][-1] for segment in segments[:-1]]


def own_segment_start(head: Token) -> int | None:
    """Where ``head``'s own member of such a list starts (a token index), else None."""
    segments = leading_segments(head)
    return segments[-1][0].i if segments else None


def without_folded_words(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The parties, less words of another party's own list member that the parse hung on an
    earlier member ("the evil *awful* Gondor": "awful" as a conjunct of "Calenardhon")."""
    folded: set[int] = set()
    for token in tokens:
        segments = leading_segments(token)
        if segments:
            folded |= {t.i for t in segments[-1] if t.i != token.i}
    return tuple(t for t in tokens if t.i not in folded)
