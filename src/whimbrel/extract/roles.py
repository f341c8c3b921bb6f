"""Actor and recipient of a trigger, read off the dependency parse.

Handles active and passive voice (by-agent), control and raising verbs ("X is expected to make
a visit", "X agreed to meet Y"), relative clauses, coordination (actor lists), nominal events
("Muttaqi's visit to Islamabad", "talks between A and B", "X held talks with Y") and
appositions (kept inside the actor phrase, where the resolver reads titles and names).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from whimbrel.extract.triggers import TriggerMatch

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Dependents that end a noun phrase: clauses, coordination and non-"of" prepositions.
PHRASE_CUT = frozenset({"relcl", "acl", "advcl", "conj", "cc", "punct", "prep", "ccomp", "parataxis"})
PHRASE_KEEP_PREPS = frozenset({"of", "from"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Not CARDINAL: "dozens of protesters" is headed by "dozens".
NOT_PARTY_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT"})
MAX_CLIMB = 4


@dataclass(frozen=True, slots=True)
class Roles:
    actors: tuple[Token, ...]
    recipients: tuple[Token, ...]
    place_objects: tuple[Token, ...]


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def with_conjuncts(tokens: list[Token]) -> tuple[Token, ...]:
    seen: dict[int, Token] = {}
    for token in tokens:
        for item in (token, *token.conjuncts):
            if item.pos_ not in ("VERB", "AUX", "CCONJ"):
                seen.setdefault(item.i, item)
    return tuple(seen[i] for i in sorted(seen))


def prep_objects(token: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    found = []
    for prep in children(token, "prep", "agent", "dative"):
        if prep.lemma_.lower() in preps:
            found.extend(children(prep, "pobj"))
            for inner in children(prep, "prep"):  # "along with", "together with"
                found.extend(children(inner, "pobj"))
    return found


def relative_antecedent(token: Token) -> Token:
    """For "who"/"which" subjects of a relative clause, the noun the clause modifies."""
    if token.lower_ in RELATIVE_PRONOUNS:
        clause = token.head
        if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
            return clause.head
    return token


def clause_subject(verb: Token) -> list[Token]:
    """The subject of a verb, climbing through control, raising, coordination and clauses."""
    current = verb
    for _ in range(MAX_CLIMB):
        subjects = children(current, "nsubj", "csubj")
        if not subjects and current is not verb or current.dep_ == "xcomp":
            subjects = subjects or children(current, "nsubjpass")
        if subjects:
            return [relative_antecedent(s) for s in subjects]
        if current.dep_ == "relcl":
            return [current.head]
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return []
        current = current.head
    return []


def verb_roles(verb: Token, roles: tuple[str, ...]) -> tuple[list[Token], list[Token]]:
    if is_passive(verb):
        actors = prep_objects(verb, {"by"})
        recipients = children(verb, "nsubjpass")
        if not recipients and verb.dep_ in ("relcl", "acl"):
            recipients = [verb.head]
        recipients = [relative_antecedent(r) for r in recipients]
        return actors, recipients
    actors = clause_subject(verb)
    recipients = []
    if "dobj" in roles:
        recipients.extend(children(verb, "dobj"))
    if "dative" in roles:
        recipients.extend(children(verb, "dative"))
    if "ccomp_subject" in roles:  # "demanded that Israel withdraw"
        for clause in children(verb, "ccomp"):
            recipients.extend(children(clause, "nsubj", "nsubjpass"))
    recipients.extend(prep_objects(verb, frozenset(roles)))
    if not recipients:  # "signed the agreement with Argentina"
        for obj in children(verb, "dobj"):
            recipients.extend(prep_objects(obj, frozenset(roles) - {"of"}))
    return actors, recipients


def noun_roles(
    noun: Token, roles: tuple[str, ...], light_verbs: frozenset[str]
) -> tuple[list[Token], list[Token]]:
    actors = children(noun, "poss") or prep_objects(noun, {"by"})
    recipients = prep_objects(noun, frozenset(roles) - {"between"})
    between = prep_objects(noun, {"between"}) if "between" in roles else []
    if between:
        sides = with_conjuncts(between)
        return [sides[0]], list(sides[1:])
    governor = noun.head
    if noun.dep_ in ("dobj", "attr", "pobj", "nsubjpass") and governor.pos_ in ("VERB", "AUX"):
        if not actors and (not light_verbs or governor.lemma_.lower() in light_verbs
                           or noun.dep_ == "dobj"):
            actors = clause_subject(governor) if not is_passive(governor) else prep_objects(
                governor, {"by"})
        if not recipients:
            recipients = prep_objects(governor, frozenset(roles) - {"between"})
    return actors, recipients


def find_roles(match: TriggerMatch) -> Roles:
    token, entry = match.token, match.entry
    if token.pos_ == "VERB":
        actors, recipients = verb_roles(token, entry.recipient)
    else:
        actors, recipients = noun_roles(token, entry.recipient, entry.light_verbs)
    places: list[Token] = []
    if entry.place_object:
        places = [r for r in recipients if r.ent_type_ in PLACE_LABELS]
    actor_tokens = with_conjuncts([a for a in actors if is_party(a, token)])
    actor_ids = {a.i for a in actor_tokens}
    recipient_tokens = tuple(
        r for r in with_conjuncts([r for r in recipients if is_party(r, token)])
        if r.i not in actor_ids
    )
    return Roles(actors=actor_tokens, recipients=recipient_tokens, place_objects=tuple(places))


def is_party(token: Token, trigger: Token) -> bool:
    """Dates, numbers and amounts are never actors ("marched on Thursday")."""
    return token.i != trigger.i and token.ent_type_ not in NOT_PARTY_LABELS


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by ``head``, appositions included."""
    kept = [head]
    stack = list(head.children)
    while stack:
        child = stack.pop()
        if child.dep_ in PHRASE_CUT and not (
            child.dep_ == "prep" and child.lemma_.lower() in PHRASE_KEEP_PREPS
        ):
            continue
        kept.append(child)
        stack.extend(child.children)
    first = min(kept, key=lambda t: t.i)
    last = max(kept, key=lambda t: t.i)
    while last.i > first.i and (last.is_punct or last.dep_ == "case" and last.i > head.i):
        last = last.doc[last.i - 1]
    while first.i < last.i and (first.is_punct or first.dep_ == "det" and first.i < head.i
                                and first.lower_ in ("a", "an")):
        first = first.doc[first.i + 1]
    return first.idx, last.idx + len(last.text)
