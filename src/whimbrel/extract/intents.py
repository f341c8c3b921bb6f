"""One event for a promise or a threat and the act it announces ("agreed to cooperate").

PLOVER codes "Jordan and Britain agreed to hold joint exercises" as one AGREE and "Brazil
threatened to impose sanctions" as one THREATEN (manual 2.3, 3.1): the announced act is what
the promise or threat is about, not a second event. So an AGREE or THREATEN trigger whose
clausal complement (or that complement's object noun) is itself a trigger keeps one event: the
intent's, with CAMEO's intent or threat code for that act when the intent's own code is the
generic one (030, 130). The cameo table's ``future`` section says which act reads as which
promise or threat; an act it does not turn into the intent's type (a cooperative act under
"threatened", a negated act) stays an event of its own.

Likewise an act named as what another trigger ends, eases or suspends ("halted its attacks on
the town", "lifted the blockade", "broke off the talks with Iran") is that trigger's object, not
an event of its own. And an act in a purpose clause of another event ("students marched to
demand reforms", "police fired shots to disperse the crowd", "blocked roads demanding his
return") is what that event is for: PLOVER codes the march or the shooting, not the demand.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from spacy.tokens import Doc, Token

from whimbrel import lexicon
from whimbrel.lexicon.cameo import future_reading, refusal_reading
from whimbrel.records import EventTypeInfo, MentionDraft

# The intent types, the CAMEO root their announced acts read as, and their generic code.
INTENT_ROOTS = {"AGREE": ("03", "030"), "THREATEN": ("13", "130"), "REJECT": ("12", "120")}
# Announced acts kept as events of their own, for the CAMEO coders (PETRARCH's dictionaries)
# who code "agreed to lift the sanctions" as the yield (08) and "vowed to wage war" as the
# fighting (19): yields and violence. Cooperative acts (04-07) fold into the promise, protest,
# sanctions and coercion (14-17) into the threat.
KEPT_ACT_ROOTS = ("08", "18", "19", "20")


# The code of unspecified violence: an attack noun with a finer code lends it to its verb.
GENERIC_VIOLENCE = "190"

# Types whose verb ends, eases or suspends what its object names.
ENDING_TYPES = frozenset({"RETREAT", "CONCEDE", "SANCTION"})


def drop_ended_acts(doc: Doc, drafts: Mapping[int, MentionDraft]) -> dict[int, MentionDraft]:
    """The drafts without the nominal acts another draft's verb ends or suspends."""
    return {i: d for i, d in drafts.items() if not _ended_by_another(doc[i], drafts)}


def _ended_by_another(token: Token, drafts: Mapping[int, MentionDraft]) -> bool:
    if token.pos_ != "NOUN" or token.dep_ not in ("dobj", "nsubjpass"):
        return False
    governor = drafts.get(token.head.i)
    return (
        governor is not None
        and token.head.pos_ == "VERB"
        and governor.kind.event_type in ENDING_TYPES
    )


def drop_purposes(doc: Doc, drafts: Mapping[int, MentionDraft]) -> dict[int, MentionDraft]:
    """The drafts without those whose trigger heads a purpose clause of another draft; that
    draft takes the purpose's recipient and place when it names none ("fired to disperse the
    crowd")."""
    kept = dict(drafts)
    for i, draft in drafts.items():
        owner = _purpose_owner(doc[i], drafts)
        if owner is None:
            continue
        del kept[i]
        if owner in kept:
            kept[owner] = _with_purpose_parties(kept[owner], draft)
    return kept


def _with_purpose_parties(event: MentionDraft, purpose: MentionDraft) -> MentionDraft:
    """The event with the purpose's recipient and place where it names none of its own
    ("detained five men in an operation to arrest a commander in Balkh")."""
    if not event.recipient_spans:
        event = dataclasses.replace(event, recipient_spans=purpose.recipient_spans)
    if not event.place_spans and purpose.place_spans:
        event = dataclasses.replace(
            event,
            place_spans=purpose.place_spans,
            place_is_recipient=purpose.place_is_recipient and not event.recipient_spans,
        )
    return event


def _purpose_owner(token: Token, drafts: Mapping[int, MentionDraft]) -> int | None:
    """The trigger whose purpose the token states: an infinitive of purpose ("to demand") or
    a bare participle clause ("demanding"), with no subject of its own, or a motive noun
    ("in protest"), on that trigger, on its object, or on the verb whose object it is."""
    if is_motive(token):
        return _owner_among(token.head.head, token, drafts)
    if token.dep_ not in ("advcl", "acl") or any(
        c.dep_.startswith("nsubj") for c in token.children
    ):
        return None
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
    # "demonstrated on Sunday calling for independence": the demand the act makes, even with
    # its preposition; other participles with one are often circumstance ("speaking in Rome")
    demand = drafts[token.i].kind.event_type == "REQUEST"
    participle = token.tag_ == "VBG" and not any(
        c.dep_ == "mark" or (c.dep_ == "prep" and not demand) for c in token.children
    )
    if not (infinitive or participle):
        return None
    return _owner_among(token.head, token, drafts)


def is_motive(token: Token) -> bool:
    """A bare motive noun after "in" ("in protest against the arrests", "in retaliation")."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "in"
        and token.lemma_.lower() in lexicon.word_class("motive_nouns")
        and not any(c.dep_ in ("det", "poss") for c in token.children)
    )


def _owner_among(head: Token, token: Token, drafts: Mapping[int, MentionDraft]) -> int | None:
    """The first draft among ``head``, its objects and the verb whose object it is; a
    participle that describes a noun passes to that noun ("the rally *staged* by students
    to protest the decision")."""
    candidates = [head.i, *(c.i for c in head.children if c.dep_ == "dobj")]
    if head.dep_ == "dobj":  # "signed a deal to supply Iraq with gas": the deal's verb
        candidates.append(head.head.i)
    if head.dep_ == "acl" and head.tag_ == "VBN":
        candidates.append(head.head.i)
    owners = [i for i in candidates if i in drafts and i != token.i]
    return owners[0] if owners else None


def fold_conjoined_acts(doc: Doc, drafts: Mapping[int, MentionDraft]) -> dict[int, MentionDraft]:
    """The drafts with each outcome verb conjoined to one of the same CAMEO code and modality,
    sharing its subject, folded into it ("the bomb killed one soldier and wounded two others",
    "were killed or wounded"): one act with its outcomes. The first act's recipients stand
    ("two others" are more of them); the second's are taken only when it names none."""
    folded = dict(drafts)
    for i in sorted(drafts):
        first = _conjoined_owner(doc[i], folded)
        if first is None:
            continue
        draft, owner = folded.pop(i), folded[first]
        if not owner.recipient_spans:
            folded[first] = dataclasses.replace(owner, recipient_spans=draft.recipient_spans)
    return folded


def fold_attack_outcomes(doc: Doc, drafts: Mapping[int, MentionDraft]) -> dict[int, MentionDraft]:
    """The drafts with an attack noun that is the subject of a violent verb folded into that
    verb ("the bombing of the market killed thirty people", "the raid, which wounded two"):
    one happening, told by its kind (the noun's code when finer) and its victims."""
    folded = dict(drafts)
    for i, draft in drafts.items():
        attack = _attack_told_by(doc[i], folded)
        if attack is None or draft.kind.event_type != "ASSAULT":
            continue
        noun = folded.pop(attack)
        kind = noun.kind if draft.kind.cameo_code == GENERIC_VIOLENCE else draft.kind
        recipients = draft.recipient_spans or noun.recipient_spans
        folded[i] = dataclasses.replace(draft, kind=kind, recipient_spans=recipients)
    return folded


def _attack_told_by(token: Token, drafts: Mapping[int, MentionDraft]) -> int | None:
    """The attack noun (a draft) that is the verb's subject, or the noun the verb's relative
    clause describes ("the attack, which killed five")."""
    if token.pos_ != "VERB" or token.i not in drafts:
        return None
    nouns = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ == "relcl":
        nouns.append(token.head)
    for noun in nouns:
        attack = drafts.get(noun.i)
        named = noun.lemma_.lower() in lexicon.word_class("attack_nouns")
        if attack is not None and named and attack.kind.event_type == "ASSAULT":
            return noun.i
    return None


def _conjoined_owner(token: Token, drafts: Mapping[int, MentionDraft]) -> int | None:
    if token.dep_ != "conj" or token.pos_ != "VERB" or token.i not in drafts:
        return None
    outcomes = lexicon.word_class("outcome_verbs")
    if token.lemma_.lower() not in outcomes or token.head.lemma_.lower() not in outcomes:
        return None
    if any(c.dep_.startswith("nsubj") for c in token.children):
        return None  # "police arrested five and the army detained three": two acts
    owner, draft = drafts.get(token.head.i), drafts[token.i]
    if owner is None or owner.kind.cameo_code != draft.kind.cameo_code:
        return None
    return token.head.i if owner.modality == draft.modality else None


def fold_announced_acts(doc: Doc, drafts: Mapping[int, MentionDraft]) -> dict[int, MentionDraft]:
    """The drafts (keyed by trigger token index) with each act announced by a promise or a
    threat folded into it."""
    folded = dict(drafts)
    for i, draft in drafts.items():
        if draft.kind.event_type not in INTENT_ROOTS or i not in folded:
            continue
        for act in announced_by(doc[i]):
            inner = folded.get(act.i)
            kind = intent_kind(draft.kind, inner) if inner is not None else None
            if kind is not None:
                folded[i] = dataclasses.replace(folded[i], kind=kind)
                del folded[act.i]
                break
    return folded


def announced_by(token: Token) -> list[Token]:
    """The verb of the token's clausal complement and that verb's object ("threatened to
    impose *sanctions*"), nearest first."""
    found = []
    for clause in (c for c in token.children if c.dep_ == "xcomp"):
        found.append(clause)
        found += [c for c in clause.children if c.dep_ == "dobj"]
    return found


def intent_kind(intent: EventTypeInfo, act: MentionDraft) -> EventTypeInfo | None:
    """The promise, threat or refusal of ``act``, or None when ``act`` is not one the intent
    announces (a promised act that is negated, or whose reading is of another type)."""
    table = lexicon.load("cameo")
    root, generic = INTENT_ROOTS[intent.event_type]
    if root == "12":  # "refused to meet": the act is what is refused, negated or not
        reading = refusal_reading(table, act.kind)
    elif act.modality == "negated" or act.kind.cameo_code.startswith(KEPT_ACT_ROOTS):
        return None
    else:
        reading = future_reading(table, act.kind, modality="planned")
    if reading is None or reading is act.kind or not reading.cameo_code.startswith(root):
        return None
    code = reading.cameo_code if intent.cameo_code == generic else intent.cameo_code
    return EventTypeInfo(
        event_type=intent.event_type,
        mode=reading.mode if code == reading.cameo_code else intent.mode,
        cameo_code=code,
        quad_class=intent.quad_class,
        intensity=float(table["codes"][code]["intensity"]),
    )


def refused_acts(doc: Doc, drafts: Mapping[int, MentionDraft]) -> list[MentionDraft]:
    """ "Austria will not send aid", "he won't attend the summit": a cooperative act or a yield
    whose own verb is negated in the future is a refusal, which PLOVER codes as REJECT
    (``refusal`` in the cameo table); the refusal itself is asserted, and the act's object
    ("aid") is part of it. A noun event inside a negated clause ("won't clash ... during a
    visit") is not refused."""
    table = lexicon.load("cameo")
    found = dict(drafts)
    for i, draft in drafts.items():
        refusal = refusal_reading(table, draft.kind) if _refused(doc[i], draft) else None
        if refusal is None:
            continue
        found[i] = dataclasses.replace(draft, kind=refusal, modality="asserted")
        for child in doc[i].children:
            if child.dep_ == "dobj":
                found.pop(child.i, None)
    return list(found.values())


def _refused(token: Token, draft: MentionDraft) -> bool:
    negated_verb = token.pos_ == "VERB" and any(c.dep_ == "neg" for c in token.children)
    return negated_verb and draft.modality == "negated" and draft.tense == "future"
