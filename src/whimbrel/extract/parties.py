"""Noun phrases that name the parties of an event: lists and distribution (the bounds of
one party's phrase are in phrases.py).

"Ghana, Togo, Benin and Niger" is four parties even where the parser took "Togo" for an
apposition; "lawmakers in Chile and Peru" and "Dutch and Belgian officials" are one party
per name; "President Joe Biden Tuesday" is headed by the name, not the date. The
phrase of a party keeps its titles, appositions and "of"/"from"/"in" phrases, where the
resolver reads country and sector.

Also the parties inside an event-noun object ("condemned an attack *by Y*"); other hidden
targets are in hidden_targets.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Token

from whimbrel import lexicon
from whimbrel.extract.clauses import in_dateline_place

# "lawmakers in A and B", "soldiers from A and B": one party per place.
DISTRIBUTING_PREPS = frozenset({"in", "from", "of"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"})
# Not CARDINAL: "dozens of protesters" is headed by "dozens".
NOT_PARTY_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT"})

# Names compounded with an event noun that say whose act it is ("a Security Council resolution").
ISSUER_LABELS = frozenset({"ORG", "GPE"})
# Where the parties of an event noun sit: its agent, then its counterparts.
EVENT_AGENT_PREPS = frozenset({"by", "from"})
EVENT_PARTY_PREPS = frozenset({"with", "between", "among", "against", "to", "toward", "towards"})
MAX_CLIMB = 4
# How far after a bare preposition its lost object may end ("to five Panamanian army officers").
MAX_DANGLING = 8
# Whom an aid programme, a plan or a fund is for ("suspended an aid program *for Bosnia*").
BENEFICIARY_PREPS = frozenset({"for"})
# Prepositions that, on a noun, describe it rather than an act done to it.
OWN_RELATION_PREPS = frozenset({"with", "between", "among"})


def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(token: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    found = []
    for prep in children(token, "prep", "agent", "dative"):
        if prep.lemma_.lower() in preps:
            found.extend(children(prep, "pobj") or dangling_object(prep))
            for inner in children(prep, "prep"):  # "along with", "together with"
                found.extend(children(inner, "pobj"))
        elif prep.lower_ == "out":  # "were shipped *out of* X": the parser hangs "of" on "out"
            found.extend(prep_objects(prep, preps))
    return found


def dangling_object(prep: Token) -> list[Token]:
    """ "granted asylum to *five officers* holed up in ...": a preposition left without its
    object, which the parser made the subject of a clause that opens right after it (also one
    it hung on the preposition: "to four officers *camped* in ...")."""
    if prep.i + 1 >= len(prep.doc):
        return []
    if prep.doc[prep.i + 1].dep_ == "cc":
        return shared_object(prep)
    opening = prep.doc[prep.i + 1].left_edge
    for token in prep.doc[prep.i + 1 : prep.i + MAX_DANGLING]:
        if token.left_edge.i == opening.i == prep.i + 1 and token.dep_ in ("nsubj", "nsubjpass"):
            return [token] if token.pos_ in ("NOUN", "PROPN") else []
    return []


def shared_object(prep: Token) -> list[Token]:
    """ "restored relations with *and* reopened a consulate in Accra": a preposition coordinated
    with a later one shares its object, the first preposition object after the conjunction."""
    for token in prep.doc[prep.i + 2 : prep.i + MAX_DANGLING]:
        if token.pos_ == "ADP" and token.dep_ == "prep":
            return children(token, "pobj")
    return []


def first_prep_objects(token: Token, preps: Sequence[str]) -> list[Token]:
    """The objects of the first of ``preps``, in their order, attached to ``token`` with an
    object: a trigger's recipient prepositions are tried in order ("talks with Iran on its
    programme": Iran), not all taken at once. Dates and amounts do not count ("fired shells
    on Thursday at Seoul")."""
    return first_source([prep_source(token, prep) for prep in preps])


def prep_source(token: Token, prep: str) -> list[Token]:
    """The objects of one preposition attached to ``token``, dates and amounts left out; else
    attached to its object, where the parser often hangs it ("fired shells *at Seoul*",
    "blamed the blast *on X*"); "of" is the object's own."""
    heads = [party_head(o) for o in prep_objects(token, {prep})]
    found = [o for o in heads if o.ent_type_ not in NOT_PARTY_LABELS]
    if found or prep == "of" or token.pos_ not in ("VERB", "NOUN"):
        return found
    # a noun's "of" object plays the part of a verb's object ("the withdrawal of troops *from
    # Panama*"), but "with" there tells who the object is ("meetings of the committee with X")
    if token.pos_ == "NOUN" and prep in OWN_RELATION_PREPS:
        return found
    objects = children(token, "dobj") if token.pos_ == "VERB" else prep_objects(token, {"of"})
    # "pledged 10 million euros *in aid* to X": an amount stands for what its "in" names
    objects += [k for o in objects if is_amount(o) for k in prep_objects(o, {"in"})]
    return [o for obj in objects for o in prep_source(obj, prep)]


def is_amount(token: Token) -> bool:
    """ "10 million euros", "$5 million", "2,000 tonnes": a counted quantity, not a party."""
    return token.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY") or any(
        c.dep_ == "nummod" or c.like_num for c in token.children
    )


def first_source(sources: Sequence[list[Token]]) -> list[Token]:
    """The first source (in the lexicon's order) that names someone, else the first with any
    object: "signed the agreement with Argentina" passes over the unnamed object for the
    named counterpart, "arrested dozens of protesters" keeps its unnamed one."""
    named = next((s for s in sources if any(names_someone(t) for t in s)), None)
    return named or next((s for s in sources if s), [])


def is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in NAME_LABELS


def names_someone(token: Token) -> bool:
    """A name, or a phrase with a name or demonym in it ("Sudanese soldiers"), also in a
    compound modifier ("the *US*-led war", "a *Saudi*-backed militia")."""
    modifiers = [c for c in token.children if c.dep_ != "prep"]
    return is_name(token) or any(is_name(c) or is_named_compound(c) for c in modifiers)


def is_named_compound(modifier: Token) -> bool:
    """ "US-led", "Iranian-backed": a participle modifier whose own modifier is a name."""
    if modifier.dep_ != "amod" or modifier.tag_ not in ("VBN", "VBD"):
        return False
    return any(is_name(c) for c in children(modifier, "npadvmod", "compound", "amod", "nmod"))


def is_list_apposition(token: Token) -> bool:
    """ "Ghana, Togo, Benin and Niger": the parser may attach "Togo" to "Ghana" as
    an apposition. A named apposition inside a list (it or its head has conjuncts) is a
    list member, not a second name for its head."""
    if token.dep_ != "appos" or not is_name(token):
        return False
    return bool(children(token, "conj") or children(token.head, "conj"))


def is_dangling_apposition(token: Token) -> bool:
    """ "A, deputy PM B and C": a bare title the parser cut off from the list member it opens
    (the word after it is hung elsewhere) is no second name of its head."""
    if token.dep_ != "appos" or token.pos_ != "NOUN" or list(token.children):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and not following.is_punct and following.head.i != token.i


def with_conjuncts(tokens: list[Token]) -> tuple[Token, ...]:
    """The tokens, their conjuncts and the members of lists parsed as appositions."""
    seen: dict[int, Token] = {}
    for token in tokens:
        for item in (token, *token.conjuncts):
            members = [a for a in children(item, "appos") if is_list_apposition(a)]
            # "Ruto, the president of Kenya, and Museveni": a name coordinated with a
            # description is the next list member, not a second description
            named = [
                c
                for a in children(item, "appos")
                if not is_name(a)
                for c in a.conjuncts
                if is_name(c)
            ]
            for member in (item, *members, *(c for m in members for c in m.conjuncts), *named):
                if member.pos_ not in ("VERB", "AUX", "CCONJ") or is_nominal_participle(member):
                    seen.setdefault(member.i, member)
    return tuple(seen[i] for i in sorted(seen))


def is_nominal_participle(token: Token) -> bool:
    """ "evacuated *the wounded*", "fed the displaced": a participle used as a noun (an object
    or subject with its article and no object of its own) names people."""
    return (
        token.pos_ == "VERB"
        and token.tag_ in ("VBN", "VBG")
        and token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")
        and any(d.lower_ == "the" for d in children(token, "det"))
        and not children(token, "dobj", "nsubj", "aux")
    )


def distributed(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """ "Lawmakers in Chile and Peru", "Dutch and Belgian officials": a common noun
    of several named places or peoples is one party per name; the names after the first
    stand for their own party."""
    found = {t.i: t for t in tokens}
    for token in tokens:
        if token.pos_ != "NOUN":
            continue
        names = [m for m in children(token, "compound", "amod", "nmod") if is_name(m)]
        for prep in children(token, "prep"):
            if prep.lemma_.lower() in DISTRIBUTING_PREPS:
                names += [p for p in children(prep, "pobj") if is_name(p)]
        for name in names:
            found.update({c.i: c for c in name.conjuncts if is_name(c)})
        found.update({m.i: m for m in names if is_comma_list_member(m)})
    return tuple(found[i] for i in sorted(found))


def is_comma_list_member(modifier: Token) -> bool:
    """ "Dutch, *Belgian* and German officials": the parser may hang a list's middle member
    on the noun beside the first; a name modifier right after a comma that follows another
    name modifier of the same noun, in a list closed by a conjunction, is a member."""
    doc, noun = modifier.doc, modifier.head
    if modifier.dep_ not in ("amod", "compound", "nmod") or modifier.i < 2:
        return False
    before = doc[modifier.i - 2]
    return (
        doc[modifier.i - 1].text == ","
        and before.head.i == noun.i
        and is_name(before)
        and any(c.dep_ == "cc" for c in modifier.subtree)
    )


def without_shared_demonym_conjuncts(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """ "Israeli helicopters and tanks": the demonym of the first conjunct covers the bare
    nouns coordinated with it, which are then not parties of their own."""
    return tuple(t for t in tokens if not is_covered_conjunct(t))


def is_covered_conjunct(token: Token) -> bool:
    first = token.head
    if token.dep_ != "conj" or token.pos_ != "NOUN" or names_someone(token):
        return False
    return first.pos_ == "NOUN" and any(
        m.ent_type_ == "NORP" for m in children(first, "amod", "compound")
    )


def is_party(token: Token, trigger: Token) -> bool:
    """Dates, numbers and amounts are never actors ("marched on Thursday"), nor is the place
    of the story's dateline (:func:`whimbrel.extract.clauses.find_dateline`)."""
    return (
        token.i != trigger.i
        and token.ent_type_ not in NOT_PARTY_LABELS
        and not (token.ent_type_ in PLACE_LABELS and in_dateline_place(token))
    )


def is_mistagged_first_name(token: Token) -> bool:
    """ "Barack Obama and X met": a first name the tagger took for a preposition; the rest of
    the name hangs on it as its object."""
    return token.pos_ == "ADP" and token.ent_type_ == "PERSON"


def first_name_objects(token: Token) -> list[Token]:
    """The rest of the name a mistagged first name heads ("*Barack* Obama" -> Obama)."""
    if not is_mistagged_first_name(token):
        return []
    return [c for c in children(token, "pobj") if c.ent_type_ == "PERSON"]


def party_head(token: Token) -> Token:
    """ "met with President Joe Biden Tuesday": the parser may head the name with the date
    that follows it; the name is the party."""
    if is_mistagged_first_name(token):
        names = first_name_objects(token)
        return names[0] if names else token
    if token.ent_type_ not in NOT_PARTY_LABELS:
        return token
    names = [c for c in children(token, "compound") if c.ent_type_ in NAME_LABELS]
    return names[-1] if names else token


def event_object_parties(obj: Token) -> list[Token]:
    """The parties inside an object that is an event or a relation rather than a party:
    its agent ("condemned an attack *by Sudanese soldiers*", "welcomed proposals *from
    Kenya*", "... proposals sent *by Kenya*"), its possessor ("rejected *Iran's* proposal")
    or its counterparts ("welcomed the resumption of ties *with Somalia*", "... *between Iran
    and Saudi Arabia*"), read through "of" chains. Empty when the object is a name or holds
    none of these; a counterpart other than a "by" agent must name someone."""
    if any(is_name(a) for a in children(obj, "appos")):
        return []  # "met Kenya's president, William Ruto": a person, not an act of Kenya's
    current = obj
    for _ in range(MAX_CLIMB):
        if is_name(current) or current.pos_ != "NOUN":
            # "allowed the return of U.N. inspectors": the named party the event is about
            return [current] if current is not obj and names_someone(current) else []
        found = prep_objects(current, {"by"}) + [
            agent
            for clause in children(current, "acl")
            # "freed the soldiers captured by X": people are no act of X's
            if not is_people_noun(current)
            for agent in prep_objects(clause, {"by"})
        ]
        # "Iran's militia allies": the possessor of an ally is the other side, not its doer
        if current.lemma_.lower() not in lexicon.word_class("partner_nouns"):
            found = found or [p for p in children(current, "poss") if p.pos_ != "PRON"]
        # "rejected proposed *Israeli* changes to the deal": the demonym names the agent
        demonyms = [m for m in children(current, "amod", "compound") if m.ent_type_ == "NORP"]
        # "vetoed a *Security Council* resolution": a named issuer compounded with the act
        issuers = [m for m in children(current, "compound") if m.ent_type_ in ISSUER_LABELS]
        found = found or ([current] if demonyms or issuers else [])
        found = found or [
            p
            for p in prep_objects(
                current, EVENT_AGENT_PREPS | EVENT_PARTY_PREPS | BENEFICIARY_PREPS - {"by"}
            )
            if names_someone(p)
        ]
        if found:
            return found
        inner = prep_objects(current, {"of"})
        if not inner:
            return []
        current = inner[0]
    return []


def is_people_noun(token: Token) -> bool:
    """A noun for people or a group of them ("soldiers", "protesters"): sectors.yaml's role
    and weak words of one word."""
    return token.lower_ in people_nouns() or token.lemma_.lower() in people_nouns()


@cache
def people_nouns() -> frozenset[str]:
    phrases = lexicon.load("sectors")["phrases"]
    return frozenset(
        p["text"].lower() for p in phrases if p["tier"] in ("role", "weak") and " " not in p["text"]
    )
