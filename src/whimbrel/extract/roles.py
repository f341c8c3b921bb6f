"""Actor and recipient of a trigger, read off the dependency parse.

Handles active and passive voice (by-agent, also in a participle clause without auxiliary:
"Criticized by Germany, Hungary ..."), control and raising verbs ("X is expected to make a
visit", "X is about to restore ties", "X agreed to meet Y"), relative clauses, coordination
(actor lists, also lists the parser took for appositions, and "lawmakers in A and B"),
nominal events ("Muttaqi's visit to Islamabad", "talks between A and B", "X held talks with
Y"), parties inside an event-noun object ("welcomed the resumption of ties with Y",
"condemned an attack by Y"), a pronoun subject of a reported clause ("Ethiopia said it would
...": the reporter), appositions (kept inside the actor phrase, where the resolver reads
titles and names), co-actors ("X was accompanied by Y to meet Z", "X, along with Y, met Z")
and list members the parser hung elsewhere (party_lists.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from whimbrel.extract.parties import (
    COMPLEMENT_TARGET_VERBS,
    CONDITION_TARGET_VERBS,
    EVENT_PARTY_PREPS,
    MAX_CLIMB,
    PLACE_LABELS,
    PURPOSE_TARGET_TYPES,
    REQUEST_TYPES,
    children,
    complement_targets,
    condition_targets,
    distributed,
    event_object_parties,
    first_prep_objects,
    first_source,
    is_party,
    names_someone,
    party_head,
    phrase_bounds,
    prep_objects,
    prep_source,
    purpose_targets,
    requested_parties,
    with_conjuncts,
    without_shared_demonym_conjuncts,
)
from whimbrel.extract.party_lists import (
    NON_AGENTS,
    attack_agents,
    companions,
    is_existential,
    is_reciprocal,
    lost_list_members,
    mistagged_name_subjects,
    occasion_place,
    relative_possessor,
    with_reflexive_actors,
)
from whimbrel.extract.triggers import TriggerMatch

__all__ = ["PLACE_LABELS", "Roles", "children", "find_roles", "phrase_bounds"]

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Pronouns that, as the subject of a reported clause, usually stand for the reporter.
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
PERSON_PRONOUNS = frozenset({"he", "she"})
OBJECT_PRONOUNS = frozenset({"it", "them", "us"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp"})
# Object control: the object of "urged X to", "accused X of", "prevented X from" does the
# embedded act; "promised X to" keeps the subject.
CONTROL_PREPS = frozenset({"of", "from", "for", "into"})
SUBJECT_CONTROL_VERBS = frozenset({"promise", "vow", "pledge", "threaten"})
# Verbs whose subject receives what the "from" object gives ("received aid from Japan").
CONVERSE_VERBS = frozenset({"receive", "obtain", "get"})
# Participles that read as adjectives: "Israel is opposed to X" is Israel's stance, not a
# passive with Israel as its object.
STATIVE_PARTICIPLES = frozenset({"oppose", "engage"})
# Verbs of a trailing reporting clause ("..., officials said").
REPORTING_FRAMES = frozenset({"say", "quote", "report", "tell", "add", "state", "announce"})
# Texts whose participle clause speaks for their issuer ("issued a statement *condemning* X").
ISSUED_TEXTS = frozenset(
    {"statement", "declaration", "communique", "resolution", "letter", "message", "decree"}
)
# Verbs whose subject causes the event their object names, rather than doing it.
CAUSE_VERBS = frozenset(
    {"spark", "trigger", "prompt", "provoke", "cause", "fuel", "ignite", "unleash"}
)
# Verbs whose subject reacts to, asks for or reports the act their object names: the subject
# does not do it ("condemned the attack", "demanded an inquiry", "welcomed the deployment").
# fmt: off
REACTION_VERBS = frozenset({
    "condemn", "denounce", "criticize", "criticise", "deplore", "decry", "welcome", "praise",
    "hail", "applaud", "blame", "accuse", "deny", "reject", "protest", "mourn", "regret",
    "investigate", "probe", "demand", "urge", "request", "support", "back", "oppose",
    "witness", "survive", "fear", "prevent", "discuss", "debate", "monitor",
})
# fmt: on
# Light verbs whose subject receives what their object noun names ("faced criticism from X").
CONVERSE_LIGHT_VERBS = frozenset({"face", "receive", "draw", "attract", "suffer", "come"})
# The CAMEO code of mediation: every side of the "between" phrase is a recipient.
MEDIATION_CODE = "045"


@dataclass(frozen=True, slots=True)
class Roles:
    actors: tuple[Token, ...]
    recipients: tuple[Token, ...]
    place_objects: tuple[Token, ...]


def is_passive(verb: Token) -> bool:
    """Passive voice, also a bare participle with a by-agent ("Criticized by Germany, ...") or
    modifying a noun ("the civilians *imprisoned* for ...")."""
    if verb.lemma_.lower() in STATIVE_PARTICIPLES and not children(verb, "agent"):
        return False
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children):
        return True
    if verb.tag_ != "VBN" or verb.dep_ == "ROOT" or children(verb, "aux", "nsubj"):
        return False
    return bool(children(verb, "agent")) or verb.dep_ in ("acl", "relcl")


def relative_antecedent(token: Token) -> Token:
    """For "who"/"which" subjects of a relative clause, the noun the clause modifies."""
    if token.lower_ in RELATIVE_PRONOUNS:
        clause = token.head
        if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
            return clause.head
    return token


def reported_pronoun_antecedent(token: Token) -> Token:
    """ "Israel said rockets were fired at it": an object pronoun in a reported clause stands
    for the reporter, as a subject pronoun does."""
    if token.lower_ not in OBJECT_PRONOUNS:
        return token
    return reporter_of(token.head.head if token.dep_ == "pobj" else token.head) or token


def reporter_antecedent(subject: Token) -> Token:
    """ "Ethiopia said it would expel the envoy": a pronoun subject of a reported clause stands
    for the reporting verb's named subject (a person for "he"/"she", not one for "it")."""
    if subject.lower_ not in REPORTED_PRONOUNS:
        return subject
    reporter = reporter_of(subject.head)
    if reporter is None:
        return subject
    if subject.lower_ in PERSON_PRONOUNS and reporter.ent_type_ in ("GPE", "ORG", "NORP"):
        return subject
    if subject.lower_ == "it" and reporter.ent_type_ == "PERSON":
        return subject
    return reporter


def reporter_of(clause: Token) -> Token | None:
    """The named subject of the reporting verb whose complement ``clause`` is (through
    coordination and control), or None."""
    for _ in range(MAX_CLIMB):
        if clause.dep_ == "ccomp" and clause.head.i != clause.i:
            if clause.i < clause.head.i:
                return None  # "He met X, officials said": "he" is not the officials
            reporters = [s for s in children(clause.head, "nsubj") if s.pos_ != "PRON"]
            return reporters[0] if reporters else None
        if clause.dep_ not in ("conj", "xcomp") or clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


def clause_subject(verb: Token) -> list[Token]:
    """The subject of a verb, climbing through control, raising, coordination and clauses."""
    current = verb
    for _ in range(MAX_CLIMB):
        subjects = children(current, "nsubj", "csubj") or mistagged_name_subjects(current)
        if not subjects and current is not verb or current.dep_ == "xcomp":
            subjects = subjects or children(current, "nsubjpass")
        if subjects:
            return [reporter_antecedent(relative_antecedent(s)) for s in subjects]
        if current.dep_ == "relcl":
            return [current.head]
        if current.dep_ == "acl" and is_issued_text(current.head):
            current = current.head.head  # "issued a statement condemning X": the issuer
            continue
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return []
        controlled = current.dep_ == "xcomp"
        adverbial = current.dep_ == "advcl"
        current = current.head
        if adverbial and is_passive(current):
            # "children were killed, shelling ...": the passive subject suffered the act
            return prep_objects(current, {"by"})
        if current.dep_ == "prep" and current.pos_ == "ADP":  # "Before leaving for X, Y ..."
            controlled = current.lemma_.lower() in CONTROL_PREPS
            current = current.head
        controllers = children(current, "dobj") if controlled else []
        if controllers and current.lemma_.lower() not in SUBJECT_CONTROL_VERBS:
            return controllers  # "urged Israel to withdraw", "accused Belarus of sending"
    return []


def is_reporting_frame(clause: Token) -> bool:
    """ "X demanded ..., diplomats said": a trailing reporting clause the parser hung on the
    verb as its complement; its subject is the source, not whom the demand is aimed at."""
    unmarked = not children(clause, "mark")
    return unmarked and clause.i > clause.head.i and clause.lemma_.lower() in REPORTING_FRAMES


def is_issued_text(noun: Token) -> bool:
    """A statement or similar text that is the object of a verb ("issued a declaration")."""
    return noun.lemma_.lower() in ISSUED_TEXTS and noun.dep_ == "dobj" and noun.head.i != noun.i


def passive_roles(verb: Token, roles: tuple[str, ...]) -> tuple[list[Token], list[Token]]:
    actors = prep_objects(verb, {"by"}) or attack_agents(verb)
    if not {"dobj", "dative"} & set(roles):
        # "rockets were fired at the town": the subject is what was fired, not its target.
        targets = first_prep_objects(verb, roles)
        if targets:
            return actors, [reported_pronoun_antecedent(t) for t in targets]
    recipients = children(verb, "nsubjpass")
    if not recipients and verb.dep_ in ("relcl", "acl"):
        # A bare participle with no agent ("a member jailed a year ago") is background, not
        # an event of its own; with one ("prisoners freed by Israel") it is.
        bare = not children(verb, "auxpass") and not is_existential(verb.head)
        # "troops backed by Kenyan forces": the noun the participle modifies is the party, not
        # a party inside it (its agent is the participle's own)
        return actors, [] if bare and not actors else [verb.head]
    if not recipients and verb.dep_ in ("advcl", "conj"):
        # "Criticized by X, Y said ...", "were arrested and later released by X"
        recipients = children(verb.head, "nsubj", "nsubjpass")
    recipients = [relative_antecedent(r) for r in recipients]
    # "A complaint against Peru was filed by Chile"
    return actors, [p for r in recipients for p in event_object_parties(r) or [r]]


def object_source(verb: Token, obj: Token) -> list[Token]:
    """ "welcomed proposals from Kenya", the "from" phrase attached to the verb: the named source
    of an object that names no one."""
    if names_someone(obj):
        return []
    return [p for p in prep_objects(verb, {"from"}) if names_someone(p)]


def converse_roles(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """ "Haiti received aid from Canada": the giver acts, the subject receives."""
    if verb.lemma_.lower() not in CONVERSE_VERBS:
        return None
    givers = prep_objects(verb, {"from"})
    for obj in children(verb, "dobj"):
        givers = givers or prep_objects(obj, {"from"})
    return (givers, clause_subject(verb)) if givers else None


def verb_roles(
    verb: Token, roles: tuple[str, ...], needs: tuple[str, ...] = ()
) -> tuple[list[Token], list[Token]]:
    if is_passive(verb):
        return passive_roles(verb, roles)
    if "from" in roles and (converse := converse_roles(verb)) is not None:
        return converse
    actors = clause_subject(verb) or children(verb, "nsubjpass")
    # the recipient sources, tried in the lexicon's order (parties.first_source)
    recipients = first_source([recipient_source(verb, role) for role in roles])
    for obj in prep_objects(verb, frozenset(needs) - set(roles)):  # "called for a boycott
        recipients.extend(event_object_parties(obj))  # against X"
    if not recipients:  # "signed the agreement with Argentina"
        for obj in children(verb, "dobj"):
            recipients.extend(
                first_prep_objects(obj, [r for r in roles if r != "of"])
                or [p for p in prep_objects(obj, EVENT_PARTY_PREPS) if names_someone(p)]
            )
    if not recipients and verb.lemma_.lower() in COMPLEMENT_TARGET_VERBS:
        recipients = complement_targets(verb)
    if not recipients and verb.lemma_.lower() in CONDITION_TARGET_VERBS:
        recipients = condition_targets(verb)
    return actors, recipients


def recipient_source(verb: Token, role: str) -> list[Token]:
    """The candidates one recipient source of the lexicon gives (triggers.yaml `recipient`)."""
    if role == "dobj":
        return [
            party
            for obj in direct_objects(verb)
            for party in event_object_parties(obj) or object_source(verb, obj) or [obj]
        ]
    if role == "dative":  # "gave Kenya loans", or a "to" the parser calls dative
        return [
            party
            for dative in children(verb, "dative")
            for party in (children(dative, "pobj") if dative.pos_ == "ADP" else [dative])
        ]
    if role == "ccomp_subject":  # "demanded that Israel withdraw"
        return [
            subject
            for clause in children(verb, "ccomp")
            if not is_reporting_frame(clause)
            for subject in children(clause, "nsubj", "nsubjpass")
        ]
    return prep_source(verb, role)


def direct_objects(verb: Token) -> list[Token]:
    """The direct objects; for a stative participle, its "to" object ("is opposed to X")."""
    objects = children(verb, "dobj")
    if not objects and verb.lemma_.lower() in STATIVE_PARTICIPLES:
        objects = prep_objects(verb, {"to"})
    return objects


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through one preposition."""
    if noun.dep_ not in ("dobj", "pobj", "attr", "oprd"):
        return None
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    return head if head.i != noun.i and head.pos_ in ("VERB", "AUX") else None


def nominal_actors(noun: Token, *, travel: bool) -> list[Token]:
    """A nominal event's own actor: a named possessor, a by-agent, a demonym ("Israeli
    shelling"). A pronoun possessor ("postponed *their* meeting", "arrived on *his* visit"),
    for travel the traveller ("arrived in Kampala on a visit") and for a purpose ("left for
    talks") is the subject of the verb the noun depends on."""
    possessors = [relative_possessor(p) for p in children(noun, "poss")]
    named = [p for p in possessors if p.pos_ != "PRON"] or prep_objects(noun, {"by"})
    named = named or [m for m in children(noun, "amod", "compound") if m.ent_type_ == "NORP"]
    if named:
        return named
    verb = governing_verb(noun)
    purpose = noun.dep_ == "pobj" and noun.head.lemma_.lower() == "for"  # "left for talks"
    if verb is not None and (possessors or travel or purpose) and not is_passive(verb):
        return clause_subject(verb) or possessors
    return possessors


def converse_noun_roles(noun: Token, verb: Token) -> tuple[list[Token], list[Token]]:
    """ "Iran faces pressure from the West", "X came under criticism from Y": the subject
    receives the act, the "from" (or "by") party does it."""
    actors = prep_objects(noun, {"from", "by"}) or prep_objects(verb, {"from", "by"})
    receivers = clause_subject(verb) if not is_passive(verb) else []
    return actors, receivers


def noun_roles(
    noun: Token,
    roles: tuple[str, ...],
    light_verbs: frozenset[str],
    *,
    travel: bool = False,
    mediation: bool = False,
) -> tuple[list[Token], list[Token]]:
    actors = nominal_actors(noun, travel=travel)
    recipients = first_prep_objects(noun, [r for r in roles if r != "between"])
    between = prep_objects(noun, {"between", "among"}) if "between" in roles or mediation else []
    if between and mediation:  # "mediation between Syria and Iraq": both sides receive it
        recipients = list(with_conjuncts(between))
    elif between:
        sides = with_conjuncts(between)
        return [sides[0]], list(sides[1:])
    governor = noun.head
    # "remained *on alert*", "went *on strike*": a light verb through its preposition
    if (
        noun.dep_ == "pobj"
        and governor.dep_ == "prep"
        and governor.head.pos_ in ("VERB", "AUX")
        and governor.head.lemma_.lower() in light_verbs
    ):
        governor = governor.head
    received = noun.dep_ in ("dobj", "pobj") and governor.pos_ == "VERB"
    if received and governor.lemma_.lower() in CONVERSE_LIGHT_VERBS:
        return converse_noun_roles(noun, governor)
    if noun.dep_ in ("dobj", "attr", "pobj", "nsubjpass") and governor.pos_ in ("VERB", "AUX"):
        # "the arrest sparked protests", "Norway condemned the attack": not their doers
        caused = governor.lemma_.lower() in CAUSE_VERBS | REACTION_VERBS
        if (
            not actors
            and not caused
            and (not light_verbs or governor.lemma_.lower() in light_verbs or noun.dep_ == "dobj")
        ):
            actors = (
                clause_subject(governor)
                if not is_passive(governor)
                else prep_objects(governor, {"by"})
            )
        if not recipients:
            recipients = first_prep_objects(governor, [r for r in roles if r != "between"])
    return actors, recipients


def unnamed_event_parties(recipient: Token, trigger: Token) -> list[Token]:
    """The "by" agent of an unnamed act that is the recipient ("an investigation into crimes
    *committed by X*", "demonstrations against violations *by the army*")."""
    if names_someone(recipient) or recipient.pos_ != "NOUN":
        return []
    # not the trigger's own clause ("troops *backed by X*": X backs the troops)
    clauses = [recipient, *(c for c in children(recipient, "acl") if c.i != trigger.i)]
    return [a for c in clauses for a in prep_objects(c, {"by"}) if names_someone(a)]


def co_actors(trigger: Token, actors: list[Token]) -> list[Token]:
    """Who acts with the actors ("X was accompanied by Y to meet Z", "X, along with Y, met Z"),
    read off the trigger's clause, or off the verb whose subject a nominal event took."""
    if not actors:
        return []
    if trigger.pos_ == "VERB":
        return companions(trigger)
    verb = governing_verb(trigger)
    if (
        verb is None
        or is_passive(verb)
        or {a.i for a in actors} - {s.i for s in clause_subject(verb)}
    ):
        return []
    return companions(verb)


def party_tokens(heads: list[Token], trigger: Token) -> tuple[Token, ...]:
    """The parties of the heads: their list members, one per place or people, no dates."""
    return without_shared_demonym_conjuncts(
        distributed(with_conjuncts([h for h in heads if is_party(h, trigger)]))
    )


def find_roles(match: TriggerMatch) -> Roles:
    token, entry = match.token, match.entry
    if token.pos_ == "VERB":
        actors, recipients = verb_roles(token, entry.recipient, entry.needs)
    else:
        actors, recipients = noun_roles(
            token,
            entry.recipient,
            # a governor the entry requires is a light verb too ("went on strike")
            entry.light_verbs | dict(entry.context).get("governor_lemmas", frozenset()),
            travel=entry.place_object,
            mediation=match.kind.cameo_code == MEDIATION_CODE,
        )
    if match.kind.event_type in PURPOSE_TARGET_TYPES and not any(map(names_someone, recipients)):
        # "blocked roads to press demands on X's government": the target, not the thing blocked
        recipients = purpose_targets(token) or recipients
    if not recipients and match.kind.event_type in REQUEST_TYPES:
        recipients = requested_parties(token)
    # "an investigation into crimes committed by X": an unnamed event names its party inside
    recipients = [p for r in recipients for p in unnamed_event_parties(r, token) or [r]]
    places: list[Token] = []
    if entry.place_object:
        recipients = [occasion_place(r) for r in recipients]
        places = [r for r in with_conjuncts(recipients) if r.ent_type_ in PLACE_LABELS]
    if places:  # "left for Canberra for talks": only the destination and named parties
        recipients = [r for r in recipients if r in places or names_someone(r)]
    # "met with A, deputy PM B and C": list members the parser hung elsewhere
    recipients = [*recipients, *(m for r in recipients for m in lost_list_members(r))]
    recipients = [party_head(r) for r in recipients]
    actor_tokens = party_tokens([party_head(a) for a in actors], token)
    # Companions come first: the subject stays the last actor, the one a later "he" means.
    companion_tokens = tuple(
        c
        for c in party_tokens([party_head(c) for c in co_actors(token, actors)], token)
        if c.i not in {a.i for a in actor_tokens}
    )
    actor_tokens = companion_tokens + actor_tokens
    if actor_tokens and all(a.lemma_.lower() in NON_AGENTS for a in actor_tokens):
        return Roles(actors=(), recipients=(), place_objects=())
    actor_ids = {a.i for a in actor_tokens}
    recipient_tokens = tuple(
        r for r in party_tokens(recipients, token) if r.i not in actor_ids and not is_reciprocal(r)
    )
    recipient_tokens = with_reflexive_actors(recipient_tokens, actor_tokens)
    return Roles(actors=actor_tokens, recipients=recipient_tokens, place_objects=tuple(places))
