"""The places attached to an event in the parse, best first.

Places are searched in the event's clause, cheapest path first: its locative phrases and its
object ("killed in Kabul", "captured Badme"), then places nested in them ("in the city of
Homs", "during the offensive in Afghanistan", "near the border town of Chaman"), then the
clauses that share its subject ("shot one and wounded five in Fallujah"), its time clauses
("killed when rebels hit the villages of ...") and its subject's own locatives ("a policeman
in Amara was killed"). Within one phrase the finer place comes first ("in Marjeh district,
Helmand province"). The small parser often labels an Arabic or Afghan town PERSON or ORG,
so a proper noun also counts in a frame that only a place fills ("the Aziziyah district",
"the town of Bakwa", "in Sanaa"); the gazetteer later keeps only names it knows. A dateline's
place, a source's ("according to officials in Kabul") and a reporter's are not the event's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from whimbrel import lexicon
from whimbrel.extract.clauses import (
    PERSON_LABELS,
    as_span,
    climb,
    doc_text,
    entity_at,
    in_dateline,
)
from whimbrel.extract.roles import PLACE_LABELS
from whimbrel.records import Span

# Cost of reaching a place through a preposition of the event's clause: where it happened
# first, then where it went, then where it came from.
LOCATIVE_PREPS = {
    **dict.fromkeys(
        (
            "in",
            "at",
            "near",
            "outside",
            "inside",
            "across",
            "throughout",
            "around",
            "on",
            "within",
            "off",
            "through",
            "along",
            "over",
            "between",
            "beside",
            "among",
            "amid",
            "behind",
            "beyond",
            "across",
            "underneath",
            "under",
        ),
        0.0,
    ),
    **dict.fromkeys(("to", "into", "toward", "towards", "onto"), 1.0),
    "from": 2.0,
}
# Prepositions whose object is an occasion, not a place, but may hold one ("captured during
# the offensive in Afghanistan", "killed by a mine in Helmand").
CARRIER_PREPS = frozenset(
    {
        "during",
        "after",
        "before",
        "since",
        "with",
        "by",
        "following",
        "amidst",
        "despite",
        "of",
        "for",
        "as",
    }
)
# Not places, whatever the frame: a proper noun with one of these labels is a date or number.
NOT_PLACE_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "QUANTITY",
        "MONEY",
        "PERCENT",
        "LANGUAGE",
        "LAW",
        "EVENT",
    }
)
SOURCE_PREPS = frozenset({"according", "per", "citing", "quoting"})
SUBJECT_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on"})
TIME_MARKERS = frozenset({"when", "while", "as", "after", "before", "during", "until"})
OBJECT_DEPS = frozenset({"dobj", "attr", "npadvmod", "oprd"})
MAX_NESTING = 4
NESTED_COST = 0.5
CARRIER_COST = 1.0
CONJUNCT_COST = 1.0
TIME_CLAUSE_COST = 2.0
SUBJECT_COST = 2.0
OWN_SUBJECT_COST = 1.0
MAX_CLAUSE_DEPTH = 2
POSSESSOR_COST = 1.0
ATTRIBUTE_COST = 1.5


@dataclass(frozen=True, slots=True)
class _Candidate:
    cost: float
    span: Span
    root: int


def attached_places(
    trigger: Token, *, reporting: frozenset[str], exclude: frozenset[int]
) -> list[Span]:
    """Places where the event happened, best first (the nearest clause level that has any)."""
    for token, on_report in climb(trigger, reporting=reporting):
        if on_report:
            break
        found = [c for c in _clause_places(token, depth=0) if c.root not in exclude]
        if found:
            return _best_first(found)
    return []


def _best_first(found: list[_Candidate]) -> list[Span]:
    ranked = sorted(enumerate(found), key=lambda item: (item[1].cost, item[0]))
    kept: list[Span] = []
    for _, candidate in ranked:
        span = candidate.span
        if not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    return kept


def _clause_places(head: Token, *, depth: int, sibling: bool = False) -> Iterator[_Candidate]:
    """Places in ``head``'s own phrases, then in the clauses and subject that share its event.
    A ``sibling`` act (a verb coordinated with the event's) shares its places ("shot one and
    wounded five in Fallujah") but not those of what it sets out to do ("condemned the raids
    and vowed to strike tankers in the Red Sea")."""
    object_frame = "taken" if head.lemma_.lower() in _place_words().object_verbs else "object"
    for child in head.children:
        if child.dep_ in OBJECT_DEPS:
            yield from _phrase_places(child, cost=0.0, frame=object_frame)
    for child in head.children:
        if child.dep_ in ("prep", "agent"):
            yield from _prep_places(child, cost=0.0)
    if depth >= MAX_CLAUSE_DEPTH:
        return
    for child in head.children:
        step = _clause_step(child)
        if step is not None and not (sibling and child.dep_ == "xcomp"):
            places = _clause_places(child, depth=depth + 1, sibling=child.dep_ == "conj")
            yield from _shifted(places, step)
        elif child.dep_ in ("nsubj", "nsubjpass") and not depth:
            yield from _subject_places(child)


def _clause_step(child: Token) -> float | None:
    """The cost of a place in a clause joined to the event's: one sharing its subject ("shot
    one and wounded five in Fallujah", "killed fighting in Qusayr"), one of the same moment
    ("killed when rebels hit ..."), or a coordinated clause of its own ("a soldier was shot
    and a woman was wounded in Nuevo Laredo")."""
    dep = child.dep_
    if dep == "xcomp" or (dep == "conj" and child.pos_ in ("VERB", "AUX")):
        return CONJUNCT_COST + (OWN_SUBJECT_COST if _has_subject(child) else 0.0)
    if dep == "advcl" and _is_time_clause(child):
        return TIME_CLAUSE_COST
    return None


def _prep_places(prep: Token, *, cost: float) -> Iterator[_Candidate]:
    word = prep.lower_
    if word in SOURCE_PREPS:
        # "according to officials in Kabul": where the source is, not the event.
        return
    for pobj in prep.children:
        if pobj.dep_ == "prep":
            # "on Wednesday in the city of Kandahar": a phrase the parser hung on another.
            yield from _prep_places(pobj, cost=cost)
            continue
        if pobj.dep_ != "pobj":
            continue
        if word in LOCATIVE_PREPS:
            yield from _phrase_places(pobj, cost=cost + LOCATIVE_PREPS[word], frame="locative")
        elif word in CARRIER_PREPS or prep.dep_ == "agent":
            yield from _phrase_places(pobj, cost=cost + CARRIER_COST, frame="carrier")


def _subject_places(subject: Token) -> Iterator[_Candidate]:
    """ "A policeman in Amara was killed", "Grozny's streets are patrolled", "the Gulf of Aden
    is patrolled": the subject's own locative phrase, or the subject when it is a place."""
    place = _strict_place(subject)
    if place is not None and subject.dep_ == "nsubjpass":
        yield _Candidate(SUBJECT_COST, place, subject.i)
        return
    if is_place_noun(subject, sites=True):
        yield from _phrase_places(subject, cost=SUBJECT_COST, frame="object")
        return
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in SUBJECT_PREPS:
            yield from _prep_places(prep, cost=SUBJECT_COST)


def _shifted(found: Iterator[_Candidate], extra: float) -> Iterator[_Candidate]:
    for candidate in found:
        yield _Candidate(candidate.cost + extra, candidate.span, candidate.root)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _is_time_clause(verb: Token) -> bool:
    """ "killed when militants hit the villages": a clause of the same moment and place."""
    marked = any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKERS for c in verb.children)
    return marked or (verb.tag_ == "VBG" and not _has_subject(verb))


def _phrase_places(
    head: Token, *, cost: float, frame: str, nesting: int = 0
) -> Iterator[_Candidate]:
    """Places a noun phrase names or holds, the finer first: the head itself, its "of" phrase
    ("the Baghdad neighbourhood of Al-Bayaa"; after the modifiers when it is their container,
    "the Ghat area of Doda district"), its proper-noun modifiers ("the Teba
    neighbourhood"), the places listed with it, then the places around it ("in Marjeh
    district, Helmand province")."""
    place = _place_named_by(head, frame=frame)
    if place is not None:
        yield _Candidate(cost, place, head.i)
    if nesting >= MAX_NESTING:
        return
    place_noun = is_place_noun(head)
    named_in = (
        list(_nested_places(head, cost=cost, nesting=nesting, words=("of",)))
        if place is None and place_noun
        else []
    )
    container = bool(named_in) and _of_container(head)
    if not container:
        yield from named_in
    if place is None and (place_noun or frame == "locative" or is_place_noun(head, sites=True)):
        yield from _modifier_places(head, cost=cost)
    if container:
        yield from named_in
    framed = "named" if place is not None or place_noun else frame
    for child in head.children:
        if child.dep_ in ("conj", "appos"):
            yield from _phrase_places(child, cost=cost, frame=framed, nesting=nesting + 1)
    skip = ("of",) if place is None and place_noun else ()
    yield from _nested_places(head, cost=cost, nesting=nesting, skip=skip)
    # "England's Dan Wheldon" names a person's country, not a place of the event.
    owner_counts = place is not None or head.pos_ != "PROPN"
    for child in head.children:
        strict = _strict_place(child) if child.dep_ == "poss" and owner_counts else None
        if strict is not None:
            step = NESTED_COST if place_noun else POSSESSOR_COST
            yield _Candidate(cost + step, strict, child.i)


def _of_container(head: Token) -> bool:
    """ "the Ghat area of Doda district", "the Sangin area of Helmand province": an "of"
    phrase framed by a noun of area of its own is the container, so the name before the
    noun is the finer place; in "the Baghdad neighbourhood of Al-Bayaa" the "of" phrase is
    the name itself."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(pobj.dep_ == "pobj" and is_place_noun(pobj) for pobj in child.children)
        for child in head.children
    )


def _nested_places(
    head: Token,
    *,
    cost: float,
    nesting: int,
    words: tuple[str, ...] = (),
    skip: tuple[str, ...] = (),
) -> Iterator[_Candidate]:
    for child in head.children:
        word = child.lower_
        if child.dep_ == "prep" and (not words or word in words) and word not in skip:
            yield from _nested_prep_places(child, cost=cost, head=head, nesting=nesting)


def _nested_prep_places(
    prep: Token, *, cost: float, head: Token, nesting: int
) -> Iterator[_Candidate]:
    word = prep.lower_
    if word != "of" and word not in LOCATIVE_PREPS and word not in CARRIER_PREPS:
        return
    frame = (
        "named"
        if word == "of" and is_place_noun(head)
        else ("locative" if word in LOCATIVE_PREPS else "carrier")
    )
    step = 0.0 if frame == "named" else NESTED_COST
    for pobj in prep.children:
        if pobj.dep_ == "pobj":
            yield from _phrase_places(pobj, cost=cost + step, frame=frame, nesting=nesting + 1)


def _modifier_places(head: Token, *, cost: float) -> Iterator[_Candidate]:
    """ "the Aziziyah district", "Sinjar town", "the Tuwaitha plant": a proper-noun modifier.
    Of another noun a place name is more often who than where ("a U.S. airstrike")."""
    place_noun = is_place_noun(head, sites=True)
    for child in head.children:
        if child.dep_ not in ("compound", "nmod", "amod") or child.i > head.i:
            continue
        place = _strict_place(child)
        if (
            place is None
            and place_noun
            and child.pos_ == "PROPN"
            and (child.ent_type_ not in NOT_PLACE_LABELS)
        ):
            place = _with_place_noun(_proper_name(child), head)
        if place is not None:
            yield _Candidate(cost if place_noun else cost + ATTRIBUTE_COST, place, child.i)


def _place_named_by(token: Token, *, frame: str) -> Span | None:
    """The place ``token`` names: a place entity anywhere, a proper noun only where its frame
    wants a place (the object of "in", "the town of", listed with a place)."""
    strict = _strict_place(token)
    if strict is not None or frame not in ("locative", "named", "taken"):
        return strict
    if token.pos_ != "PROPN" or token.ent_type_ in NOT_PLACE_LABELS:
        return None
    if frame == "taken" and (token.ent_type_ == "NORP" or _is_personal_name(token)):
        return None
    name = _proper_name(token)
    framing = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return (
        _with_place_noun(name, framing) if framing is not None and is_place_noun(framing) else name
    )


def _with_place_noun(name: Span, noun: Token) -> Span:
    """ "the Aziziyah district", "the village of Ashmi": the name with the noun that frames it,
    so that resolution knows what kind of place it is."""
    doc = noun.doc
    start, end = min(name.start, noun.idx), max(name.end, noun.idx + len(noun.text))
    return Span(start, end, doc_text(doc)[start:end])


def _strict_place(token: Token) -> Span | None:
    ent = entity_at(token, PLACE_LABELS)
    return as_span(ent) if ent is not None and not in_dateline(ent) else None


def _proper_name(token: Token) -> Span:
    """The name a proper noun heads: its entity, else the run of proper nouns ending with it."""
    ent = entity_at(token)
    if ent is not None:
        return as_span(ent)
    start = token.i
    doc = token.doc
    while start > 0 and (
        (
            doc[start - 1].pos_ == "PROPN"
            and (doc[start - 1].head.i == token.i or doc[start - 1].dep_ == "compound")
        )
        # "Mazar-e-Sharif", "Brest-Litovsk": parts written together are one name.
        or (
            not doc[start - 1].whitespace_
            and (doc[start - 1].is_alpha or doc[start - 1].text == "-")
        )
    ):
        start -= 1
    words = doc[start : token.i + 1]
    return Span(words.start_char, words.end_char, words.text)


def is_place_noun(token: Token, *, sites: bool = False) -> bool:
    """A noun of area ("district", "the town of"), or with ``sites`` also of a site ("plant")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    words = _place_words()
    return token.lower_ in words.areas or (sites and token.lower_ in words.sites)


@dataclass(frozen=True, slots=True)
class _PlaceWords:
    areas: frozenset[str]
    sites: frozenset[str]
    object_verbs: frozenset[str]


@cache
def _place_words() -> _PlaceWords:
    words = lexicon.load("places")
    return _PlaceWords(
        frozenset(words["place_nouns"]),
        frozenset(words["site_nouns"]),
        frozenset(words["place_object_verbs"]),
    )


def _is_personal_name(token: Token) -> bool:
    """A PERSON entity of two words or more ("captured Abu Zubaydah"); the small parser labels
    many one-word towns PERSON ("captured Jaffna"), which the gazetteer then has to know."""
    if token.ent_type_ != "PERSON":
        return False
    ent = entity_at(token, PERSON_LABELS)
    return ent is None or len(ent) > 1
