"""Who does the act of a verb: its subject, climbing through control, raising, coordination and
relative clauses; the reporter for a pronoun in a reported clause ("Ethiopia said it would
..."); passive voice, also a bare participle with a by-agent ("Criticized by Germany, ...").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from whimbrel import lexicon
from whimbrel.extract.parties import MAX_CLIMB, children, prep_objects
from whimbrel.extract.party_lists import mistagged_name_subjects

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Pronouns that, as the subject of a reported clause, usually stand for the reporter.
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
PERSON_PRONOUNS = frozenset({"he", "she"})
OBJECT_PRONOUNS = frozenset({"it", "them", "us"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp"})
# Object control: the object of "urged X to", "accused X of", "prevented X from" does the
# embedded act; "promised X to" keeps the subject.
CONTROL_PREPS = frozenset({"of", "from", "for", "into"})
# "used tear gas to disperse X": the user acts, the object is the means.
SUBJECT_CONTROL_VERBS = frozenset({"promise", "vow", "pledge", "threaten", "use", "employ"})
# Participles that read as adjectives: "Israel is opposed to X" is Israel's stance, not a
# passive with Israel as its object.
STATIVE_PARTICIPLES = frozenset({"oppose", "engage"})
# Texts whose participle clause speaks for their issuer ("issued a statement *condemning* X").
ISSUED_TEXTS = frozenset(
    {"statement", "declaration", "communique", "resolution", "letter", "message", "decree"}
    | {"law", "bill", "ordinance"}
)


def is_passive(verb: Token) -> bool:
    """Passive voice, also a bare participle with a by-agent ("Criticized by Germany, ...") or
    modifying a noun ("the civilians *imprisoned* for ...")."""
    if verb.lemma_.lower() in STATIVE_PARTICIPLES and not children(verb, "agent"):
        return False
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children):
        return True
    if misparsed_relative_clause(verb) is not None:
        return True
    if verb.tag_ != "VBN" or verb.dep_ == "ROOT" or children(verb, "aux", "nsubj"):
        return False
    if is_misparsed_main_verb(verb):
        return False
    return bool(children(verb, "agent")) or verb.dep_ in ("acl", "relcl")


def is_misparsed_main_verb(verb: Token) -> bool:
    """ "Volunteers from three churches *bought* and delivered blankets to ...": in a sentence the
    parser left without a main verb (its root is a noun), a participle it hung on a noun of the
    subject as a modifier is the main verb when it, or a verb coordinated with it, has an
    object; the root noun is its subject."""
    root = verb.sent.root
    if verb.dep_ != "acl" or root.pos_ not in ("NOUN", "PROPN") or verb.i < root.i:
        return False
    if children(verb, "auxpass", "agent", "nsubj", "nsubjpass", "aux"):
        return False
    return any(children(v, "dobj") for v in (verb, *verb.conjuncts))


def misparsed_relative_clause(verb: Token) -> Token | None:
    """ "The civilians *imprisoned* for X were released by Y": the parser may make a reduced
    relative participle the main verb, and the real main verb ("were released"), which then
    has no subject of its own, its conjunct (with no "and") or complement. Returns that main
    verb, whose subject is the participle's; the participle is a passive on that noun."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBN", "VBD") or verb.dep_ != "ROOT":
        return None
    subjects = children(verb, "nsubj")
    if not subjects or subjects[0].i > verb.i or children(verb, "dobj", "aux", "auxpass", "cc"):
        return None
    for clause in children(verb, "conj", "ccomp"):
        auxiliaries = children(clause, "aux", "auxpass")
        opens = auxiliaries and min(a.i for a in auxiliaries) == clause.left_edge.i
        # "Protesters marched through X, were dispersed by Y": two clauses, not a relative
        opens = opens and clause.doc[clause.left_edge.i - 1].text not in (",", ";")
        if opens and clause.i > verb.i and not children(clause, "nsubj", "nsubjpass", "mark"):
            return clause
    return None


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
            subjects = [reduced_relative_subject(s) for s in subjects]
            return [reporter_antecedent(relative_antecedent(s)) for s in subjects]
        if current.dep_ == "relcl":
            return [current.head]
        stray = _subject_under_mark(current)
        if stray:
            return stray
        if is_misparsed_main_verb(current):
            return [current.sent.root]
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


def _subject_under_mark(verb: Token) -> list[Token]:
    """ "after Theresa May stepped down": the parser may hang a clause's subject on its
    "after"/"when" as that word's object; it is the clause's subject, not the main
    clause's."""
    return [p for m in children(verb, "mark") for p in children(m, "pobj") if p.i < verb.i]


def reduced_relative_subject(subject: Token) -> Token:
    """ "The Red Cross *working* in Iraq said ...": the parser may make the participle of a
    reduced relative clause the subject and its noun the participle's subject; the named noun
    is the subject."""
    if subject.pos_ != "VERB" or subject.tag_ not in ("VBG", "VBN"):
        return subject
    named = [s for s in children(subject, "nsubj") if s.pos_ == "PROPN" or s.ent_type_]
    return named[0] if named else subject


def is_reporting_frame(clause: Token) -> bool:
    """ "X demanded ..., diplomats said": a trailing reporting clause the parser hung on the
    verb as its complement; its subject is the source, not whom the demand is aimed at."""
    unmarked = not children(clause, "mark")
    return (
        unmarked and clause.i > clause.head.i and clause.lemma_.lower() in reporting_frame_verbs()
    )


@cache
def reporting_frame_verbs() -> frozenset[str]:
    """Verbs of a trailing reporting clause ("..., officials said"): modality.yaml's
    ``reporting_verbs``."""
    return frozenset(lexicon.load("modality")["reporting_verbs"])


def is_issued_text(noun: Token) -> bool:
    """A statement or similar text that is the object of a verb ("issued a declaration")."""
    return noun.lemma_.lower() in ISSUED_TEXTS and noun.dep_ == "dobj" and noun.head.i != noun.i


# Texts that speak for whoever issued them ("a report released in Kigali alleged ...").
SPEAKING_TEXTS = ISSUED_TEXTS | {"report", "study", "document", "communiqué", "editorial"}


def text_issuer(actor: Token) -> Token:
    """ "A report released in the Rwandan capital alleged ...": an unnamed text speaks for the
    agent of the participle that says who issued it, else for the named place it came out in;
    any other actor stands as it is."""
    if actor.lemma_.lower() not in SPEAKING_TEXTS or actor.pos_ != "NOUN":
        return actor
    for clause in children(actor, "acl"):
        agents = prep_objects(clause, {"by"})
        places = [p for p in prep_objects(clause, {"in"}) if is_named_place(p)]
        if agents or places:
            return (agents or places)[0]
    return actor


def text_authors(verb: Token) -> list[Token]:
    """ "Chad was denounced in a communique by Niger and Mali": who the text a passive act
    was done in came from (its "by" or "from" phrase)."""
    return [
        author
        for text in prep_objects(verb, {"in", "through", "via"})
        if text.lemma_.lower() in SPEAKING_TEXTS
        for author in prep_objects(text, {"by", "from"})
    ]


def is_named_place(token: Token) -> bool:
    """A place name or a place a demonym names ("the Rwandan capital")."""
    named = [token, *children(token, "amod", "compound")]
    return any(t.ent_type_ in ("GPE", "LOC", "NORP") for t in named)
