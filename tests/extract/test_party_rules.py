"""Party extraction rules of the second round, one sentence we wrote per rule (real spaCy model).

A preposition whose object the parser lost, a beneficiary inside an object's "of" chain, an
issuer compounded with an event noun, the one allowed to act, the object of an infinitive of
purpose, the counterpart named in an act's circumstance, whom one holds "as" shields, a named
target over a bare count of victims, a counted object after "up to", one party per person's
name, a trailing locative left out of a named party's span, and the state of the place of an
agentless arrest.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from whimbrel.extract.roles import one_per_person

pytestmark = pytest.mark.slow

# (sentence, an event that must be among the mentions: (type, actor countries, recipient
# countries); "?" a party without a country, "" an empty role)
CASES = [
    # R1: "to" left without its object, the parser made that object a clause's subject
    (
        "Citing threats to their lives, Mexico gave asylum to two Ecuadorian journalists hiding "
        "in its Quito embassy.",
        ("AID", "MEX", "ECU"),
    ),
    # R1: whom a programme in the object's "of" chain is for
    (
        "Sweden suspended the bulk of a police training programme for Burundi.",
        ("SANCTION", "SWE", "BDI"),
    ),
    # R2: an issuer compounded with the event noun
    (
        "Baghdad will allow the return of UN weapons inspectors after a four-year gap.",
        ("RETREAT", "IRQ", "UNO"),
    ),
    # R4: the one allowed to act is the subject of the clause after "allow"
    (
        "The Kenyan electoral board allowed opposition leader Raila Odinga to contest the vote.",
        ("CONCEDE", "KEN", "KEN"),
    ),
    # R4: the named object of an infinitive of purpose
    (
        "Spain will send fighter jets to defend Romania's airspace.",
        ("MOBILIZE", "ESP", "ROU"),
    ),
    # R5: a bare count of victims loses to the named target of the clause it hangs on
    (
        "Sudanese gunners shelled a Chadian border garrison overnight, killing 12.",
        ("ASSAULT", "SDN", "TCD"),
    ),
    # "up to N X": a counted object the parser hung on the particle "up"
    (
        "Tuareg rebels abducted up to 30 Malian soldiers at a desert outpost.",
        ("ASSAULT", "MLI", "MLI"),
    ),
    (
        "Somali gunmen kidnapped up to 20 Kenyan aid workers in Mandera county last week.",
        ("ASSAULT", "SOM", "KEN"),
    ),
    # R3: the counterpart of the event a circumstance of the act names
    (
        "The teachers' union called off its strike after negotiations with the Ghanaian "
        "government.",
        ("CONCEDE", "GHA", "GHA"),
    ),
    (
        "The Malawian minister refused to resign despite pressure from the Anti-Corruption "
        "Bureau of Malawi.",
        ("REJECT", "MWI", "MWI"),
    ),
    # whom an actor holds "as" shields or hostages
    (
        "Militiamen used a group of Congolese farmers as human shields during their retreat.",
        ("ASSAULT", "COD", "COD"),
    ),
    # R7: an agentless arrest is the act of the state where it happens
    ("A Canadian aid worker was arrested in Syria for spying.", ("COERCE", "SYR", "CAN")),
    # ... but violence with no agent named gets no attacker from its place
    ("Six Turkish engineers were killed in Libya on Monday.", ("ASSAULT", "", "TUR")),
    # an attack the parser split ("tank" + a clause "shelling") still names its agent
    (
        "Two farmers were killed in Russian tank shelling near the border, officials said.",
        ("ASSAULT", "RUS", "?"),
    ),
    # an unnamed report speaks for where it came out
    (
        "A long report released on Monday in the Kenyan capital alleged that Uganda had armed "
        "the rebels.",
        ("ACCUSE", "KEN", "UGA"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_party_rules(summaries, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in [s[:3] for s in summaries(text)]


# (sentence, trigger, recipient or actor texts)
SPANS = [
    # R6: one person's name the parser cut into several subjects is one party
    (
        "Sheikh Faisal bin Nasser al-Kuwari opened talks with Iran on Sunday.",
        "talks",
        "actors",
        ["Sheikh Faisal bin Nasser al-Kuwari"],
    ),
    # a named party's span leaves out where it is; the place is attached separately
    (
        "The Kenyan president met the Ethiopian prime minister in Nairobi on Monday.",
        "met",
        "recipients",
        ["the Ethiopian prime minister"],
    ),
    # a common noun keeps its place, which says whose they are
    (
        "Police detained lawmakers in Peru on Monday.",
        "detained",
        "recipients",
        ["lawmakers in Peru"],
    ),
]


@pytest.mark.parametrize(
    ("text", "trigger", "role", "texts"), SPANS, ids=[s[0][:40] for s in SPANS]
)
def test_party_spans(mentions_of, text: str, trigger: str, role: str, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    (mention,) = [m for m in mentions_of(text) if m.trigger.text == trigger]
    assert [p.text for p in getattr(mention, role)] == texts


def test_one_person_name_is_one_party() -> None:
    # the parser made "al", "-" and "Kuwari" subjects of their own: one party, the first word
    words = ["Sheikh", "Faisal", "bin", "Nasser", "al", "-", "Kuwari", "met", "Ruto"]
    ents = ["O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"]
    doc = Doc(Vocab(), words=words, ents=[*ents, "B-PERSON"])
    heads = (doc[1], doc[4], doc[5], doc[6], doc[8])
    assert [t.text for t in one_per_person(heads)] == ["Faisal", "Ruto"]
