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
        "Chile has given asylum to four Bolivian army officers camped out in its embassy since "
        "the coup, the ministry said.",
        ("AID", "CHL", "BOL"),
    ),
    # R1: whom a programme in the object's "of" chain is for
    (
        "Japan suspended part of a military aid programme for Laos on Monday.",
        ("SANCTION", "JPN", "LAO"),
    ),
    # R2: an issuer compounded with the event noun
    ("Syria will allow the return of U.N. arms inspectors.", ("RETREAT", "SYR", "UNO")),
    # R4: the one allowed to act is the subject of the clause after "allow"
    (
        "The Kenyan electoral board allowed opposition leader Raila Odinga to contest the vote.",
        ("CONCEDE", "KEN", "KEN"),
    ),
    # R4: the named object of an infinitive of purpose
    (
        "Denmark is willing to send weapons to help defend Estonia if it is attacked.",
        ("AID", "DNK", "EST"),
    ),
    # R5: a bare count of victims loses to the named target of the clause it hangs on
    (
        "Ethiopian forces fired rockets at Eritrean army posts, killing or wounding 30.",
        ("ASSAULT", "ETH", "ERI"),
    ),
    # "up to 12 X": a counted object the parser hung on the particle "up"
    (
        "Chechen rebels have kidnapped up to 16 Russian civilian advisers from a town market.",
        ("ASSAULT", "RUS", "RUS"),
    ),
    (
        "Afghan rebels have kidnapped up to 16 Russian civilian engineers from a market.",
        ("ASSAULT", "AFG", "RUS"),
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
        "Rebels were holding dozens of Congolese villagers as human shields.",
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
        "Sheikh Tamim bin Hamad al-Thani opened talks with Iran on Sunday.",
        "talks",
        "actors",
        ["Sheikh Tamim bin Hamad al-Thani"],
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
    # the parser made "al", "-" and "Thani" subjects of their own: one party, the first word
    words = ["Sheikh", "Tamim", "bin", "Hamad", "al", "-", "Thani", "met", "Ruto"]
    ents = ["O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"]
    doc = Doc(Vocab(), words=words, ents=[*ents, "B-PERSON"])
    heads = (doc[1], doc[4], doc[5], doc[6], doc[8])
    assert [t.text for t in one_per_person(heads)] == ["Tamim", "Ruto"]
