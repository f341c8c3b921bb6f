"""Where the target hides when an event's head names none: in the act a threat, refusal or
pledge announces ("threatened to impose sanctions *on X*"), in a threat's condition ("unless
*X* withdraws"), in a protest's purpose ("to demand the resignation *of President X*"), in what
a request asks for ("its demand that *X* ease ..."), in an infinitive of purpose ("sent troops
to help defend *Saudi Arabia*"); and a bare count of victims where the clause the participle
hangs on names its target ("shelled Juba, killing about 20 people").
"""

from __future__ import annotations

from spacy.tokens import Token

from whimbrel.extract.parties import (
    MAX_CLIMB,
    NOT_PARTY_LABELS,
    PLACE_LABELS,
    children,
    event_object_parties,
    is_name,
    names_someone,
    prep_objects,
)

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
# Nouns of an aim ("in a bid to pressure X", "as part of a drive to convince X").
AIM_NOUNS = frozenset({"bid", "effort", "drive", "campaign", "attempt"})
# What a protest is about ("a strike *over* a bill signed by Minister X").
GRIEVANCE_PREPS = frozenset({"over"})
# Requests name whom they ask in what they ask for ("demanded an admission by Moscow", "its
# demand that Israel ease ...", "demanded a meeting of the Security Council").
REQUEST_TYPES = frozenset({"REQUEST"})
# Circumstances of an act whose event noun names its counterpart ("called off the strike
# *after talks with the government*", "declined to resign *despite pressure by X*").
CIRCUMSTANCE_PREPS = frozenset({"after", "following", "despite", "amid", "under"})
COUNTERPART_PREPS = frozenset({"with", "by", "from"})
# Where the clause a victim count hangs on names its target ("fire *against* X camps").
TARGET_PREPS = frozenset({"against", "on", "at", "into"})
COUNT_DEPS = ("nummod", "quantmod")
LOCATIVES = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})


def is_bare_count(token: Token) -> bool:
    """ "about 20 people", "50", "dozens": a number of unnamed people, no party's name."""
    if names_someone(token):
        return False
    return token.like_num or token.ent_type_ == "CARDINAL" or bool(children(token, *COUNT_DEPS))


def counted_victims_target(verb: Token, recipients: list[Token]) -> list[Token]:
    """ "shelled Juba, killing about 20 people": where the participle's recipients are only a
    count, the named target of the clause it hangs on; else the recipients as they are."""
    # "killing or wounding 50": the object the coordinated participles share
    counted = recipients or [o for c in verb.conjuncts if c.i > verb.i for o in children(c, "dobj")]
    if not counted or not all(is_bare_count(r) for r in counted):
        return recipients
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:  # "killing or wounding 50"
        clause = clause.head
    if clause.dep_ != "advcl" or clause.tag_ != "VBG":
        return recipients
    main = clause.head
    objects = [o for d in children(main, "dobj") for o in (d, *d.conjuncts)]
    candidates = objects + [p for o in (main, *objects) for p in prep_objects(o, TARGET_PREPS)]
    # "opened fire to disperse X, arresting 12": whom the main act was aimed at
    candidates += purpose_objects(main)
    named = [c for c in candidates if names_someone(c)]
    return named[:1] or recipients


def purpose_objects(verb: Token, *, named: bool = True) -> list[Token]:
    """ "sent material to help defend Saudi Arabia": the named object of an infinitive of
    purpose (through the verbs it controls), for a verb that names no recipient itself; with
    ``named`` False any object ("used tear gas to disperse *students*")."""
    for clause in children(verb, "advcl", "xcomp"):
        is_infinitive = any(a.tag_ == "TO" for a in children(clause, "aux"))
        if not is_infinitive or children(clause, "nsubj", "mark"):
            continue
        current = clause
        for _ in range(MAX_CLIMB):
            found = [o for o in children(current, "dobj") if names_someone(o) or not named]
            if found:
                return found
            controlled = children(current, "xcomp")
            if not controlled:
                break
            current = controlled[0]
    return []


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


def is_told_to_act(trigger: Token, obj: Token) -> bool:
    """ "demanded *the parties to the conflict* to allow access": an object followed by the
    infinitive it is asked to do is the one asked, named or not."""
    return obj.pos_ == "NOUN" and any(
        c.i > obj.i and not children(c, "nsubj") and any(a.tag_ == "TO" for a in children(c, "aux"))
        for c in children(trigger, "advcl", "xcomp")
    )


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
        if names_someone(obj) or is_told_to_act(trigger, obj):
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
        clauses += [p for p in prep_objects(anchor, {"in", "as"}) if is_purpose_noun(p)]
        clauses += prep_objects(anchor, GRIEVANCE_PREPS)
        # "mobilized reservists for a war against Iraq": an event the act is for
        clauses += [p for p in prep_objects(anchor, {"for"}) if not names_someone(p)]
        for clause in clauses:
            party = first_named_party(clause)
            if party is not None:
                return [party]
    return []


def is_purpose_noun(noun: Token) -> bool:
    """ "in protest", "in a bid to ...", "in part of a drive to ...": a noun, or the noun of its
    "of" phrase, that names the purpose of the act."""
    nouns = [noun, *prep_objects(noun, {"of"})]
    return any(n.lemma_.lower() in PURPOSE_NOUNS | AIM_NOUNS for n in nouns)


def content_parties(objects: list[Token], *, places: bool) -> list[Token]:
    """ "turned down an offer to join talks hosted by *Egyptian mediators*", "rejected a call
    for troops to be sent to *South Sudan*": the first named party inside an unnamed object;
    without ``places``, none when that party is only where the object is ("attend a summit *in
    Malawi*": the host is no party of the attendance)."""
    for obj in objects:
        if obj.pos_ == "NOUN" and not names_someone(obj):
            party = first_named_party(obj)
            if party is not None and not (not places and is_locative_place(party)):
                return [party]
    return []


def places_inside(objects: list[Token]) -> list[Token]:
    """ "blew up power lines *leading into Kabul*": the named place a preposition inside an
    unnamed target ties it to; not a possessor ("the chief of *Israel's* allies"), nor a
    place only where the target is ("a mill *in* X": the event's location, not its target)."""
    for obj in objects:
        if obj.pos_ == "NOUN" and not names_someone(obj):
            party = first_named_party(obj)
            if party is None or party.dep_ != "pobj":
                continue
            if party.ent_type_ not in PLACE_LABELS and not is_destination(party):
                continue
            if not is_locative_place(party) and not in_relative_clause(party, obj):
                return [party]
    return []


# "roads *leading into* X": where a way leads is a place, whatever the tagger calls its name.
WAY_VERBS = frozenset({"lead", "run", "go"})
WAY_PREPS = frozenset({"into", "to", "toward", "towards"})


def is_destination(name: Token) -> bool:
    prep = name.head
    return (
        name.pos_ == "PROPN" and prep.lower_ in WAY_PREPS and prep.head.lemma_.lower() in WAY_VERBS
    )


def in_relative_clause(token: Token, top: Token) -> bool:
    """ "a mill, *which is located north of X*": a relative clause below ``top`` describes
    where the thing is, it does not tie it to the place."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def is_locative_place(token: Token) -> bool:
    """A place named as where something is ("a summit *in Malawi*")."""
    head = token.head
    return token.ent_type_ in PLACE_LABELS and token.dep_ == "pobj" and head.lower_ in LOCATIVES


def circumstance_parties(verb: Token) -> list[Token]:
    """The named counterpart of the event a verb's circumstance names, on the verb or on the
    verb it controls ("called off the strike after deliberations *with the government*")."""
    for clause in (verb, *children(verb, "xcomp")):
        for noun in prep_objects(clause, CIRCUMSTANCE_PREPS):
            if noun.pos_ != "NOUN" or names_someone(noun):
                continue
            named = [p for p in prep_objects(noun, COUNTERPART_PREPS) if names_someone(p)]
            if named:
                return named
    return []
