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
and list members the parser hung elsewhere (party_lists.py). Subjects and passives are read in
subjects.py, nominal events in noun_roles.py, targets an event's head leaves out in
hidden_targets.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from whimbrel import lexicon
from whimbrel.extract.clauses import PERSON_LABELS, entity_at
from whimbrel.extract.hidden_targets import (
    COMPLEMENT_TARGET_VERBS,
    CONDITION_TARGET_VERBS,
    PURPOSE_TARGET_TYPES,
    REQUEST_TYPES,
    circumstance_parties,
    complement_targets,
    condition_targets,
    content_parties,
    counted_victims_target,
    places_inside,
    purpose_objects,
    purpose_targets,
    requested_parties,
)
from whimbrel.extract.leading_lists import leading_list_members, without_folded_words
from whimbrel.extract.noun_roles import noun_roles, verb_taking_object
from whimbrel.extract.parties import (
    EVENT_PARTY_PREPS,
    PLACE_LABELS,
    children,
    distributed,
    event_object_parties,
    first_prep_objects,
    first_source,
    is_party,
    is_people_noun,
    names_someone,
    party_head,
    prep_objects,
    prep_source,
    with_conjuncts,
    without_shared_demonym_conjuncts,
)
from whimbrel.extract.party_lists import (
    attack_agents,
    companions,
    instrument_users,
    is_existential,
    is_reciprocal,
    lost_list_members,
    occasion_place,
    with_reflexive_actors,
)
from whimbrel.extract.subjects import (
    STATIVE_PARTICIPLES,
    clause_subject,
    is_passive,
    is_reporting_frame,
    misparsed_relative_clause,
    relative_antecedent,
    reported_pronoun_antecedent,
    text_authors,
    text_issuer,
)
from whimbrel.extract.triggers import MEANS_NOUNS, TriggerMatch

__all__ = ["PLACE_LABELS", "Roles", "children", "find_roles"]

# Verbs whose subject receives what the "from" object gives ("received aid from Japan").
CONVERSE_VERBS = frozenset({"receive", "obtain", "get"})
# The CAMEO code of mediation: every side of the "between" phrase is a recipient.
MEDIATION_CODE = "045"
# Acts whose object is a topic, not a party: "discussed efforts to fight X" is no talk with X.
TOPIC_TYPES = frozenset({"CONSULT"})
# Answers to a proposal, an invitation or a call, whose content names whom they concern.
PROPOSAL_TYPES = frozenset({"REJECT", "AGREE"})
# Acts of force whose noun, the object of a verb, is aimed at the object of its purpose.
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
# Where an unnamed commitment or relation names its counterpart ("his pledge *to* X").
RELATION_COUNTERPART_PREPS = frozenset({"to", "toward", "towards", "with", "against"})


@dataclass(frozen=True, slots=True)
class Roles:
    actors: tuple[Token, ...]
    recipients: tuple[Token, ...]
    place_objects: tuple[Token, ...]


def passive_roles(verb: Token, roles: tuple[str, ...]) -> tuple[list[Token], list[Token]]:
    # "were attacked by air": a "by" of means names no agent
    agents = [
        user
        for a in prep_objects(verb, {"by"})
        if a.lemma_.lower() not in MEANS_NOUNS
        for user in instrument_users(a)
    ]
    actors = agents or attack_agents(verb) or text_authors(verb)
    if not {"dobj", "dative"} & set(roles):
        # "rockets were fired at the town": the subject is what was fired, not its target.
        targets = first_prep_objects(verb, roles)
        if targets:
            return actors, [reported_pronoun_antecedent(t) for t in targets]
    recipients = children(verb, "nsubjpass")
    if misparsed_relative_clause(verb) is not None:
        # "the civilians imprisoned for X were released": background unless it has an agent
        return actors, children(verb, "nsubj") if actors else []
    main_verb = misparsed_relative_clause(verb.head)
    if not recipients and main_verb is not None and main_verb.i == verb.i:
        recipients = children(verb.head, "nsubj")  # "... were released by Y": the civilians
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
                # "suspended part of an aid program *for Bosnia*": through "of" chains
                or [p for p in event_object_parties(obj) if names_someone(p)]
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
    if role == "ccomp_patient":
        return [p for clause in children(verb, "ccomp") for p in _warned_party(clause)]
    if role == "of" and verb.pos_ == "VERB":  # "demanded the withdrawal *of X* from Y"
        objects = [p for obj in children(verb, "dobj") for p in prep_objects(obj, {"of"})]
        return prep_source(verb, "of") or [p for p in objects if names_someone(p)]
    return [p for o in prep_source(verb, role) for p in relation_counterparts(o) or [o]]


def relation_counterparts(obj: Token) -> list[Token]:
    """ "went back on her promise *to Kenyan traders*": the named counterpart of an
    unnamed commitment, relation or act a preposition of the verb names."""
    if obj.pos_ != "NOUN" or names_someone(obj):
        return []
    return [p for p in prep_objects(obj, RELATION_COUNTERPART_PREPS) if names_someone(p)]


def direct_objects(verb: Token) -> list[Token]:
    """The direct objects; for a stative participle, its "to" object ("is opposed to X")."""
    objects = children(verb, "dobj")
    if not objects and verb.lemma_.lower() in STATIVE_PARTICIPLES:
        objects = prep_objects(verb, {"to"})
    return objects or counted_objects(verb) or object_after_as(verb)


def object_after_as(verb: Token) -> list[Token]:
    """ "denounced as a crime *Chile's decision* ...": an object put after its "as" phrase,
    which the parser may take for the object of "as"; told by its named possessor."""
    # ... or for an apposition of the "as" object ("as a crime, *Serbia's* suppression")
    return [
        obj
        for prep in children(verb, "prep")
        if prep.lower_ == "as" and prep.i == verb.i + 1
        for pobj in children(prep, "pobj")
        for obj in (pobj, *children(pobj, "appos"))
        if any(names_someone(p) for p in children(obj, "poss"))
    ]


def counted_objects(verb: Token) -> list[Token]:
    """ "kidnapped *up to 16 advisers*": the parser may take "up" for the verb's particle (or
    preposition) and the counted object for the object of its "to"."""
    return [
        obj
        for particle in children(verb, "prt", "prep")
        if particle.lower_ == "up"
        for obj in prep_objects(particle, {"to"})
        if children(obj, "nummod") or obj.like_num
    ]


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
    verb = verb_taking_object(trigger)
    if (
        verb is None
        or is_passive(verb)
        or {a.i for a in actors} - {s.i for s in clause_subject(verb)}
    ):
        return []
    return companions(verb)


def party_tokens(heads: list[Token], trigger: Token) -> tuple[Token, ...]:
    """The parties of the heads: their list members, one per place or people, no dates."""
    return one_per_person(
        without_shared_demonym_conjuncts(
            distributed(with_conjuncts([h for h in heads if is_party(h, trigger)]))
        )
    )


def one_per_person(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """ "Sheikh Faisal bin Omar al-Rashid opened ...": the parser may make several words of
    one person's name subjects; the name is one party (its first word stands for it)."""
    seen: set[int] = set()
    kept = []
    for token in tokens:
        entity = person_entity_start(token)
        if entity is None or entity not in seen:
            kept.append(token)
        if entity is not None:
            seen.add(entity)
    return tuple(kept)


def person_entity_start(token: Token) -> int | None:
    """The index of the first token of the PERSON entity holding ``token``, or None."""
    person = entity_at(token, PERSON_LABELS)
    return None if person is None else person.start


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
    if token.pos_ == "VERB":  # "sent material to help defend X"; "shelled X, killing 20"
        recipients = recipients or purpose_objects(token) or circumstance_parties(token)
        if not recipients and match.kind.event_type not in TOPIC_TYPES:
            recipients = content_parties(children(token, "dobj"), places=False)
        if match.kind.event_type in PROPOSAL_TYPES and not any(map(names_someone, recipients)):
            # "rejected a call for peacekeepers in X": the proposal names whom it concerns
            recipients = content_parties(recipients, places=True) or recipients
        recipients = counted_victims_target(token, recipients)
        if match.kind.event_type in FORCE_TYPES and not any(map(names_someone, recipients)):
            # "blew up power lines leading into Kabul": the named place of an unnamed target
            recipients = places_inside(recipients) or recipients
    elif not recipients and token.dep_ == "dobj" and match.kind.event_type in FORCE_TYPES:
        # "used tear gas to disperse students": whom the force the verb uses is aimed at
        recipients = purpose_objects(token.head, named=False)
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
    # "A, B and the embattled C welcomed ...": earlier members the parser folded into C's phrase
    recipients = [*(m for r in recipients for m in leading_list_members(r)), *recipients]
    actors = [*(m for a in actors for m in leading_list_members(a)), *actors]
    recipients = [party_head(r) for r in recipients]
    actor_tokens = party_tokens([text_issuer(party_head(a)) for a in actors], token)
    # Companions come first: the subject stays the last actor, the one a later "he" means.
    companion_tokens = tuple(
        c
        for c in party_tokens([party_head(c) for c in co_actors(token, actors)], token)
        if c.i not in {a.i for a in actor_tokens}
    )
    actor_tokens = without_folded_words(companion_tokens + actor_tokens)
    causes = lexicon.word_class("non_agent_causes")
    if actor_tokens and all(a.lemma_.lower() in causes for a in actor_tokens):
        return Roles(actors=(), recipients=(), place_objects=())
    if is_mishap_result(token, causes):
        return Roles(actors=(), recipients=(), place_objects=())
    actor_ids = {a.i for a in actor_tokens}
    recipient_tokens = tuple(
        r
        for r in without_folded_words(party_tokens(recipients, token))
        if r.i not in actor_ids and not is_reciprocal(r)
    )
    recipient_tokens = with_reflexive_actors(recipient_tokens, actor_tokens)
    return Roles(actors=actor_tokens, recipients=recipient_tokens, place_objects=tuple(places))


def is_mishap_result(verb: Token, causes: frozenset[str]) -> bool:
    """ "A bus crashed near Havana, killing seven", "... bus crashes, killing seven": a
    participle telling what a mishap did, which is no one's act."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "acl", "xcomp")
        and verb.head.lemma_.lower() in causes
    )


def _warned_party(clause: Token) -> list[Token]:
    """Whom a warning "that ..." is aimed at: the clause's subject when it is to undergo the
    consequence ("warned that Iran would pay", "... would be punished") or is named ("warned
    that Iran would attack"); an unnamed force acting in it is the warner's own ("warned that
    security forces would not tolerate violence"), and the warning is aimed at whom that
    force would act on, if it names someone or a group ("would not tolerate rallies by the
    opposition": the rallies' doers)."""
    if is_reporting_frame(clause):
        return []
    subjects = children(clause, "nsubj", "nsubjpass")
    undergoes = clause.lemma_.lower() in lexicon.word_class("consequence_verbs")
    undergoes = undergoes or is_passive(clause)
    if undergoes or any(names_someone(s) for s in subjects):
        return subjects
    return [
        party
        for o in children(clause, "dobj")
        for party in event_object_parties(o)
        or ([o] if names_someone(o) or is_people_noun(o) else [])
    ]
