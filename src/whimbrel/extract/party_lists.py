"""Parties the parse leaves out or hides: who acts together with the actor, list members the
parser hung elsewhere, first names tagged as prepositions, "whose", "each other" and
reflexives, the agent of an attack something was done in, an occasion's host city, and causes
that are no one's act.

"X was accompanied by Y to meet Z", "Y accompanied X to Kabul to meet Z", "X, along with Y,
met Z" and "Accompanied by Y, X met Z" give Y as a second actor. "met with the prime minister
of X A, deputy PM B and the foreign minister C" is three recipients even where the parser cut
the list after ", deputy" (or into another sentence).
"""

from __future__ import annotations

from spacy.tokens import Token

from whimbrel import lexicon
from whimbrel.extract.parties import (
    MAX_CLIMB,
    children,
    first_name_objects,
    is_dangling_apposition,
    is_name,
    names_someone,
    prep_objects,
)

# Who goes with the actor does the act too: "X was accompanied by Y to meet Z", "Y accompanied
# X to Kabul to meet Z", "X, along with Y, met Z", "Accompanied by Y, X met Z".
COMPANION_VERBS = frozenset({"accompany", "escort"})
COMPANION_PREPS = frozenset({"along", "together", "alongside"})
COMPANION_CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj"})
# Attack nouns (whose agent also did what was done in them) and causes that are no one's act
# are the word classes attack_nouns and non_agent_causes of triggers.yaml.
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves"})


def companion_objects(holder: Token) -> list[Token]:
    """ "along with Y", "together with Y", "alongside Y" attached to ``holder``."""
    found = []
    for prep in children(holder, "prep"):
        lemma = prep.lemma_.lower()
        together = lemma == "with" and any(m.lower_ == "together" for m in children(prep, "advmod"))
        if lemma == "alongside" or together:
            found.extend(children(prep, "pobj"))
        elif lemma in COMPANION_PREPS:
            found.extend(p for inner in children(prep, "prep") for p in children(inner, "pobj"))
    return found


def accompanying_agents(holder: Token) -> list[Token]:
    """The by-agent of an "accompanied by Y" participle clause on ``holder``."""
    clauses = [c for c in children(holder, "advcl", "acl") if c.lemma_.lower() in COMPANION_VERBS]
    return [p for c in clauses for p in prep_objects(c, {"by"})]


def companions(verb: Token) -> list[Token]:
    """Parties acting together with the subject of ``verb``: the other side of an "accompany"
    whose clause holds the verb, and "along with" or "accompanied by" companions of the
    verb, of the clauses above it or of their subjects."""
    found: list[Token] = []
    clause = verb
    for _ in range(MAX_CLIMB):
        if clause.i != verb.i and clause.lemma_.lower() in COMPANION_VERBS:
            found += prep_objects(clause, {"by"}) + children(clause, "dobj")
        for holder in (clause, *children(clause, "nsubj", "nsubjpass")):
            found += companion_objects(holder) + accompanying_agents(holder)
        if clause.dep_ not in COMPANION_CLIMB_DEPS or clause.head.i == clause.i:
            break
        clause = clause.head
    return [p for p in found if names_someone(p) or p.pos_ in ("NOUN", "PROPN")]


# Words a list member may hold: "the interim foreign minister of X Y", "deputy PM Y".
LIST_MEMBER_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART", "NUM"})
LIST_MEMBER_WORDS = frozenset({"of"})


def list_segments(doc_tokens: list[Token]) -> list[list[Token]] | None:
    """Split the tokens after a party's phrase, which open with a comma, into the members of a
    list closed by "and" ("X, deputy PM Y and the minister Z"); None if they are no list."""
    segments: list[list[Token]] = []
    current: list[Token] = []
    closed = False
    for token in doc_tokens:
        if token.text == "," or token.lower_ == "and":
            if current and closed:
                break
            if current:
                segments.append(current)
            current = []
            closed = closed or token.lower_ == "and"
        elif token.pos_ in LIST_MEMBER_POS or token.lower_ in LIST_MEMBER_WORDS:
            current.append(token)
        elif closed and current and token.pos_ not in ("VERB", "AUX"):
            break
        else:
            return None
    if not closed or not current:
        return None
    return [*segments, current]


def lost_list_members(head: Token, *, limit: int = 40) -> list[Token]:
    """ "met with the prime minister of X A, deputy PM B and the foreign minister C": list
    members after a party that the parser hung elsewhere (or in another sentence). Each is
    the last name of its member that heads it; members naming no one are skipped."""
    kept = [t for t in head.subtree if not (t.is_punct and t.i > head.i)]
    dangling = [t for t in children(head, "appos") if is_dangling_apposition(t)]
    end = dangling[0].i - 2 if dangling else max(t.i for t in kept)
    doc = head.doc
    tokens = list(doc[end + 1 : min(len(doc), end + 1 + limit)])
    if not tokens or tokens[0].text != ",":
        return []
    segments = list_segments(tokens)
    if segments is None:
        return []
    found = []
    for segment in segments:
        ids = {t.i for t in segment}
        roots = [t for t in segment if t.head.i not in ids or t.head.i == t.i]
        named = [t for t in roots if is_name(t)] or [t for t in roots if names_someone(t)]
        if named:
            found.append(named[-1])
    return found


def mistagged_name_subjects(verb: Token) -> list[Token]:
    """ "Barack Obama and X met": a first name the tagger took for a preposition before the
    verb hangs the subject on the verb as that preposition's object."""
    before = [prep for prep in children(verb, "prep") if prep.i < verb.i]
    return [obj for prep in before for obj in first_name_objects(prep)]


def attack_agents(verb: Token) -> list[Token]:
    """ "were killed in Israeli shelling", "died in a drone strike by the army", "were
    killed when militants attacked": with no by-agent of its own, a passive act done in an
    attack has the attack's agent (its "by" phrase, named possessor, the attack itself when a
    demonym modifies it, or the subject of the attack's "when" clause)."""
    for attack in prep_objects(verb, {"in", "during"}):
        # "in Israeli tank shelling": the parser may head the attack with its weapon
        heads = {attack.lemma_.lower(), *(c.lemma_.lower() for c in children(attack, "acl"))}
        # ... or split the noun, making its last word a clause of the verb ("shelling")
        following = attack.doc[attack.i + 1] if attack.i + 1 < len(attack.doc) else attack
        if following.head.i == verb.i and following.dep_ == "advcl":
            heads.add(following.lemma_.lower())
        if not heads & lexicon.word_class("attack_nouns"):
            continue
        agents = prep_objects(attack, {"by"})
        agents = agents or [p for p in children(attack, "poss") if p.pos_ != "PRON"]
        named = [m for m in children(attack, "amod", "compound") if m.ent_type_ == "NORP"]
        return agents or ([attack] if named else [])
    # "were killed when militants ambushed their convoy"
    for clause in children(verb, "advcl"):
        marks = {m.lower_ for m in children(clause, "mark", "advmod")}
        if clause.lemma_.lower() in lexicon.word_class("attack_nouns") and marks & {"when", "as"}:
            return children(clause, "nsubj")
    return []


# Weapons are no agents: "blown up by a missile fired by X" is X's act.
INSTRUMENT_NOUNS = frozenset(
    {"missile", "rocket", "bomb", "shell", "mortar", "grenade", "mine", "bullet", "projectile"}
    | {"explosive", "ied", "drone", "artillery", "shellfire", "gunfire", "landmine", "warhead"}
)


def instrument_users(agent: Token) -> list[Token]:
    """The party behind a weapon named as a passive's agent: the agent of the participle on it
    ("a missile *fired by rebels*", also "believed to be fired by"), else the weapon itself
    when a name or demonym says whose it is ("a US drone"), else no one."""
    if agent.lemma_.lower() not in INSTRUMENT_NOUNS:
        return [agent]
    for clause in children(agent, "acl"):
        for verb in (clause, *children(clause, "xcomp")):
            users = prep_objects(verb, {"by"})
            if users:
                return users
    return [agent] if names_someone(agent) else []


def is_existential(noun: Token) -> bool:
    """ "There were ten soldiers killed": the noun a participle modifies is what "there is"
    asserts, so the participle is an event, not background."""
    return noun.dep_ in ("attr", "nsubj") and any(c.dep_ == "expl" for c in noun.head.children)


def relative_possessor(possessor: Token) -> Token:
    """ "The minister, whose visit to Israel ...": "whose" stands for the noun its relative
    clause modifies."""
    if possessor.lower_ != "whose":
        return possessor
    clause = possessor.head
    for _ in range(MAX_CLIMB):
        if clause.dep_ == "relcl":
            return clause.head
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return possessor


def occasion_place(token: Token) -> Token:
    """ "attend the Beijing Olympics": an occasion named after its host city (a proper noun
    modifying the name of an event) is held there; the city is the place visited."""
    if token.ent_type_ != "EVENT":
        return token
    named = [c for c in children(token, "compound") if c.pos_ == "PROPN" and c.i < token.i]
    return named[0] if named else token


def is_reciprocal(token: Token) -> bool:
    """ "Armenia and Azerbaijan accused each other": the actors are each other's recipients,
    which one mention cannot say; "each other" is no party of its own."""
    pairs = {("other", "each"), ("another", "one")}
    return any((token.lower_, c.lower_) in pairs for c in token.children)


def with_reflexive_actors(
    recipients: tuple[Token, ...], actors: tuple[Token, ...]
) -> tuple[Token, ...]:
    """ "the army had attacked itself": a reflexive object stands for the actors."""
    if not any(r.lower_ in REFLEXIVES and r.dep_ in ("dobj", "pobj") for r in recipients):
        return recipients
    kept = tuple(r for r in recipients if r.lower_ not in REFLEXIVES)
    return kept + tuple(a for a in actors if a not in kept)
