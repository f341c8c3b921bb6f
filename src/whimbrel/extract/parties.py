"""Noun phrases that name the parties of an event: lists, distribution and phrase bounds.

"Ghana, Togo, Benin and Niger" is four parties even where the parser took "Togo" for an
apposition; "lawmakers in Chile and Peru" and "Dutch and Belgian officials" are one party
per name; "President Joe Biden Tuesday" is headed by the name, not the date. The
phrase of a party keeps its titles, appositions and "of"/"from"/"in" phrases, where the
resolver reads country and sector.

Also where the party hides when an event's head names none: inside an event-noun object
("condemned an attack *by Y*"), in the act a threat, refusal or pledge announces
("threatened to impose sanctions *on X*"), in a threat's condition ("unless *X* withdraws"),
in a protest's purpose ("to demand the resignation *of President X*") and in what a request
asks for ("its demand that *X* ease ...").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

# Dependents that end a noun phrase: clauses, coordination and prepositions other than these.
PHRASE_CUT = frozenset(
    {"relcl", "acl", "advcl", "conj", "cc", "punct", "prep", "ccomp", "parataxis"}
)
PHRASE_KEEP_PREPS = frozenset({"of", "from", "in"})
# "lawmakers in A and B", "soldiers from A and B": one party per place.
DISTRIBUTING_PREPS = frozenset({"in", "from", "of"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"})
# Words opening a paired coordination, not part of the first name ("Neither Chile nor Peru").
PAIRING_WORDS = frozenset({"neither", "either", "both"})
# Not CARDINAL: "dozens of protesters" is headed by "dozens".
NOT_PARTY_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT"})
# Punctuation that closes a dateline ("NAIROBI, Kenya: ...", "KABUL -- ...").
MAX_DATELINE = 12
DATELINE_ENDS = frozenset({":", "-", "--", "—", "–"})

# Where the parties of an event noun sit: its agent, then its counterparts.
EVENT_AGENT_PREPS = frozenset({"by", "from"})
EVENT_PARTY_PREPS = frozenset({"with", "between", "among", "against", "to", "toward", "towards"})
MAX_CLIMB = 4
# Prepositions that, on a noun, describe it rather than an act done to it.
OWN_RELATION_PREPS = frozenset({"with", "between", "among"})
# Verbs announcing, refusing or threatening another act: with no party of their own they are
# aimed at the named target of that act, in their complement clause ("threatened to impose
# sanctions on X", "refused to return the island to Y", "pledged to help X").
COMPLEMENT_TARGET_VERBS = frozenset(
    {"threaten", "refuse", "decline", "offer", "promise", "agree", "pledge", "vow", "warn"}
)
COMPLEMENT_TARGET_PREPS = frozenset({"to", "on", "against", "with", "from", "toward", "towards"})
# Verbs whose condition clause names the one threatened ("... unless Israel withdraws").
CONDITION_TARGET_VERBS = frozenset({"threaten", "warn"})
CONDITION_MARKS = frozenset({"if", "unless"})
# Events whose purpose names their target when they name none ("struck to demand the
# resignation of President X", "a hunger strike in protest of Y's refusal").
PURPOSE_TARGET_TYPES = frozenset({"PROTEST", "MOBILIZE"})
PURPOSE_NOUNS = frozenset({"protest", "support", "defiance", "solidarity"})
# Requests name whom they ask in what they ask for ("demanded an admission by Moscow", "its
# demand that Israel ease ...", "demanded a meeting of the Security Council").
REQUEST_TYPES = frozenset({"REQUEST"})


def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(token: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    found = []
    for prep in children(token, "prep", "agent", "dative"):
        if prep.lemma_.lower() in preps:
            found.extend(children(prep, "pobj"))
            for inner in children(prep, "prep"):  # "along with", "together with"
                found.extend(children(inner, "pobj"))
    return found


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
    return [o for obj in objects for o in prep_source(obj, prep)]


def first_source(sources: Sequence[list[Token]]) -> list[Token]:
    """The first source (in the lexicon's order) that names someone, else the first with any
    object: "signed the agreement with Argentina" passes over the unnamed object for the
    named counterpart, "arrested dozens of protesters" keeps its unnamed one."""
    named = next((s for s in sources if any(names_someone(t) for t in s)), None)
    return named or next((s for s in sources if s), [])


def is_dateline(token: Token) -> bool:
    """A place of a dateline that opens the sentence ("NAIROBI, Kenya: ...", "GAZA CITY -
    ..."): the parser may hang it on the verb as its subject, but it names where the story
    was filed, not a party."""
    sent = token.sent
    for tok in sent[:MAX_DATELINE]:
        if tok.text in DATELINE_ENDS and tok.i > sent.start:
            return token.i < tok.i
        if not (
            tok.is_punct
            or tok.is_space
            or tok.like_num
            or tok.pos_ == "PROPN"
            or tok.ent_type_ in NAME_LABELS | {"DATE"}
        ):
            return False
    return False


def is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in NAME_LABELS


def names_someone(token: Token) -> bool:
    """A name, or a phrase with a name or demonym in it ("Sudanese soldiers")."""
    return is_name(token) or any(is_name(c) for c in token.children if c.dep_ != "prep")


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
                if member.pos_ not in ("VERB", "AUX", "CCONJ"):
                    seen.setdefault(member.i, member)
    return tuple(seen[i] for i in sorted(seen))


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
    return tuple(found[i] for i in sorted(found))


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
    of a dateline."""
    return (
        token.i != trigger.i
        and token.ent_type_ not in NOT_PARTY_LABELS
        and not (token.ent_type_ in PLACE_LABELS and is_dateline(token))
    )


def party_head(token: Token) -> Token:
    """ "met with President Joe Biden Tuesday": the parser may head the name with the date
    that follows it; the name is the party."""
    if token.pos_ == "ADP" and token.ent_type_ == "PERSON":
        # "Barack Obama and ... met": a first name the tagger took for a preposition
        names = [c for c in children(token, "pobj") if c.ent_type_ == "PERSON"]
        return names[0] if names else token
    if token.ent_type_ not in NOT_PARTY_LABELS:
        return token
    names = [c for c in children(token, "compound") if c.ent_type_ in NAME_LABELS]
    return names[-1] if names else token


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by ``head``, appositions included (but
    not list members parsed as appositions)."""
    kept = [head]
    stack = list(head.children)
    while stack:
        child = stack.pop()
        if child.dep_ in PHRASE_CUT and not (
            child.dep_ == "prep" and child.lemma_.lower() in PHRASE_KEEP_PREPS
        ):
            continue
        if is_list_apposition(child) or is_dangling_apposition(child):
            continue
        kept.append(child)
        stack.extend(child.children)
    first = min(kept, key=lambda t: t.i)
    last = max(kept, key=lambda t: t.i)
    if head.dep_ == "pobj" and head.head.pos_ == "ADP" and head.head.ent_type_ == "PERSON":
        first = min(first, head.head, key=lambda t: t.i)  # "Barack" tagged as a preposition
    while last.i > first.i and (
        last.is_punct or last.is_space or last.dep_ == "case" and last.i > head.i
    ):
        last = last.doc[last.i - 1]
    while first.i < last.i and (
        first.is_punct
        or first.is_space
        or first.dep_ in ("preconj", "cc")  # "Neither Chile nor Peru", "Both X and Y"
        or first.lower_ in PAIRING_WORDS
        or first.dep_ == "det"
        and first.i < head.i
        and first.lower_ in ("a", "an")
    ):
        first = first.doc[first.i + 1]
    return first.idx, last.idx + len(last.text)


# Modifiers that are part of a larger party phrase: "Algerian" in "Algerian President X".
NAME_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "flat"})


def first_named_party(clause: Token) -> Token | None:
    """The first party in ``clause`` (below its head) that is or holds a name: the head of the
    phrase a name or demonym modifies ("the resignation of *Algerian President X*", "the
    *Russian government*'s refusal"), or None."""
    for token in clause.subtree:
        if token.i == clause.i or not is_name(token) or token.ent_type_ in NOT_PARTY_LABELS:
            continue
        while token.dep_ in NAME_MODIFIER_DEPS and token.head.i != token.i:
            token = token.head
        if token.pos_ in ("NOUN", "PROPN"):
            return token
    return None


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
            agent for clause in children(current, "acl") for agent in prep_objects(clause, {"by"})
        ]
        found = found or [p for p in children(current, "poss") if p.pos_ != "PRON"]
        # "rejected proposed *Israeli* changes to the deal": the demonym names the agent
        demonyms = [m for m in children(current, "amod", "compound") if m.ent_type_ == "NORP"]
        found = found or ([current] if demonyms else [])
        found = found or [
            p
            for p in prep_objects(current, EVENT_AGENT_PREPS | EVENT_PARTY_PREPS - {"by"})
            if names_someone(p)
        ]
        if found:
            return found
        inner = prep_objects(current, {"of"})
        if not inner:
            return []
        current = inner[0]
    return []


def complement_targets(verb: Token) -> list[Token]:
    """The named target of the act in a verb's complement clause: its named object, the party
    inside its object ("to end the embargo *on Cuba*", "to answer a request *from
    Chile*") or a named object of a target preposition ("to hand over *to Britain*")."""
    clauses = [c for x in children(verb, "xcomp") for c in (x, *x.conjuncts)]
    for clause in clauses:
        found = [t for obj in children(clause, "dobj", "dative") for t in object_targets(obj)]
        # "refused to allow UN planes to land": the one allowed or made to act
        found += [
            s for c in children(clause, "ccomp") for s in children(c, "nsubj") if names_someone(s)
        ]
        for obj in prep_objects(clause, COMPLEMENT_TARGET_PREPS):
            found.extend([obj] if names_someone(obj) else event_object_parties(obj))
        if found:
            return found
    # "agreed to US mediation"; "threatened to impose a curfew in Algiers": the place acted on
    found = [p for p in prep_objects(verb, {"to"}) if names_someone(p)]
    return found or [p for c in clauses for p in act_places(c)][:1]


def object_targets(obj: Token) -> list[Token]:
    if names_someone(obj):
        return [obj]
    inner = prep_objects(obj, COMPLEMENT_TARGET_PREPS)
    return event_object_parties(obj) or [p for p in inner if names_someone(p)]


def act_places(clause: Token) -> list[Token]:
    """Named places where the act of a complement clause, or its object, is done."""
    holders = [clause, *children(clause, "dobj")]
    return [p for h in holders for p in prep_objects(h, {"in"}) if p.ent_type_ in PLACE_LABELS]


def condition_targets(verb: Token) -> list[Token]:
    """ "threatened to strike unless Israel withdrew": the named subject of the condition."""
    for clause in (verb, *children(verb, "xcomp")):
        for condition in children(clause, "advcl"):
            if {m.lower_ for m in children(condition, "mark")} & CONDITION_MARKS:
                subjects = [s for s in children(condition, "nsubj") if names_someone(s)]
                if subjects:
                    return subjects
    return []


def requested_parties(trigger: Token) -> list[Token]:
    """Who is asked, read off what is asked: the named subject of a "that" clause of the
    request noun ("its demand that Israel ease ..."), else a named object or the party inside
    it ("demanded an admission *by Moscow*", "a meeting *of the Security Council*", "appealed
    for calm *in Kenya*")."""
    asked = [trigger] if trigger.pos_ == "NOUN" else children(trigger, "dobj")
    # "insisted on its demands that ...", "appealed for calm in X"
    asked += [] if asked else prep_objects(trigger, {"on", "for"})
    for noun in asked:
        clauses = children(noun, "acl", "ccomp") + (
            children(noun.head, "ccomp") if noun.dep_ == "dobj" else []
        )
        for clause in clauses:
            if any(m.lower_ == "that" for m in children(clause, "mark")):
                subjects = [s for s in children(clause, "nsubj") if names_someone(s)]
                if subjects:
                    return subjects
    for obj in asked if trigger.pos_ != "NOUN" else []:
        if names_someone(obj):
            return [obj]
        # "a meeting of the Security Council", "calm in Kenya": where the asked ones are
        named_of = [p for p in prep_objects(obj, {"of", "in"}) if names_someone(p)]
        if found := event_object_parties(obj) or named_of:
            return found
    return []


def purpose_targets(trigger: Token) -> list[Token]:
    """The first named party of the purpose of an event, or of the verb governing an event
    noun ("staged demonstrations *to demand reforms by President X's government*")."""
    anchors = [trigger, *([trigger.head] if trigger.pos_ == "NOUN" else [])]
    for anchor in anchors:
        clauses = [c for c in children(anchor, "advcl", "xcomp") if children(c, "aux")]
        clauses += [p for p in prep_objects(anchor, {"in"}) if p.lemma_.lower() in PURPOSE_NOUNS]
        # "mobilized reservists for a war against Iraq": an event the act is for
        clauses += [p for p in prep_objects(anchor, {"for"}) if not names_someone(p)]
        for clause in clauses:
            party = first_named_party(clause)
            if party is not None:
                return [party]
    return []
