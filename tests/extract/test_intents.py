"""A promise or a threat and the act it announces are one event (sentences we wrote)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# (sentence, the PLOVER types of its mentions in text order, the first mention's CAMEO code)
FOLDED = [
    # a cooperative act under "agree" is the promise's: CAMEO's intent code for that act
    ("Jordan and Kenya agreed to hold joint talks on the border.", ["AGREE"], "036"),
    ("Uruguay agreed to cooperate with Chile against smugglers.", ["AGREE"], "031"),
    # protest, sanctions and coercion under "threaten" are the threat's
    ("Brazil threatened to impose sanctions on Paraguay.", ["THREATEN"], "1312"),
]
KEPT = [
    # yields and violence stay events of their own (CAMEO coders code the act itself)
    ("Kenya agreed to release the detained Somali fishermen.", "RETREAT"),
    ("The militia vowed to attack the Ugandan garrison.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "types", "code"), FOLDED, ids=[c[0][:30] for c in FOLDED])
def test_announced_cooperation_and_pressure_fold_into_the_intent(
    text: str, types: list[str], code: str, mentions_of
) -> None:
    found = mentions_of(text)
    assert [m.kind.event_type for m in found] == types, found
    assert found[0].kind.cameo_code == code


@pytest.mark.parametrize(("text", "act"), KEPT, ids=[c[0][:30] for c in KEPT])
def test_announced_yields_and_violence_stay_events(text: str, act: str, mentions_of) -> None:
    assert act in [m.kind.event_type for m in mentions_of(text)]


# An act in a purpose clause of another event is what that event is for, not an event of its
# own: (sentence, the type that must be there, the purpose's type that must not).
PURPOSES = [
    ("Thousands of Kenyan teachers marched in Nairobi to demand higher pay.", "PROTEST", "REQUEST"),
    ("Farmers blocked roads near Lyon demanding lower fuel taxes.", "PROTEST", "REQUEST"),
    ("Soldiers opened fire to disperse the crowd in Harare.", "ASSAULT", "COERCE"),
    ("Chile signed an accord to supply Bolivia with gas.", "SUPPORT", "AID"),
]


@pytest.mark.parametrize(("text", "kept", "dropped"), PURPOSES, ids=[c[0][:30] for c in PURPOSES])
def test_a_purpose_clause_is_part_of_its_event(
    text: str, kept: str, dropped: str, mentions_of
) -> None:
    found = [m.kind.event_type for m in mentions_of(text)]
    assert kept in found and dropped not in found, found


def test_the_event_takes_the_recipient_of_its_purpose(mentions_of) -> None:
    (fire,) = [m for m in mentions_of("Zambian police opened fire to disperse Malawian traders.")]
    assert fire.kind.event_type == "ASSAULT"
    assert [r.country for r in fire.recipients] == ["MWI"]


# A refusal of a cooperative act or a yield is one REJECT with CAMEO's refusal code:
# (sentence, (type, CAMEO code, modality) of the one mention expected).
REFUSALS = [
    ("Ghana refused to meet the Togolese envoy.", ("REJECT", "125", "asserted")),
    ("The governor refused to lift the curfew in Kano.", ("REJECT", "1241", "asserted")),
    ("Austria will not send aid to Gibraltar.", ("REJECT", "122", "asserted")),
    ("The Chilean president won't attend the summit in Lima.", ("REJECT", "125", "asserted")),
]


@pytest.mark.parametrize(("text", "event"), REFUSALS, ids=[c[0][:30] for c in REFUSALS])
def test_a_refused_act_is_one_rejection(
    text: str, event: tuple[str, str, str], mentions_of
) -> None:
    found = [(m.kind.event_type, m.kind.cameo_code, m.modality) for m in mentions_of(text)]
    assert found == [event]


def test_an_act_not_done_in_the_past_is_no_refusal(mentions_of) -> None:
    found = [m.kind.event_type for m in mentions_of("Peru did not send aid to Ecuador in May.")]
    assert "REJECT" not in found


def test_the_event_takes_the_place_of_its_purpose() -> None:
    """Drafts built by hand on a parsed sentence: only the purpose found the place."""
    from whimbrel.config import Settings
    from whimbrel.extract.intents import drop_purposes
    from whimbrel.lexicon import load
    from whimbrel.lexicon.cameo import type_info
    from whimbrel.nlp.model import load_model
    from whimbrel.records import MentionDraft, Span

    text = "Soldiers detained two men in a sweep to arrest a smuggler in Nahri."
    doc = load_model(Settings().model).nlp(text)
    detained, arrest = (next(t for t in doc if t.text == w) for w in ("detained", "arrest"))
    nahri = Span(text.index("Nahri"), text.index("Nahri") + 5, "Nahri")

    def draft(token, places):  # type: ignore[no-untyped-def]
        kind = type_info(load("cameo"), "173")
        assert kind is not None
        trigger = Span(token.idx, token.idx + len(token.text), token.text)
        sentence = Span(0, len(text), text)
        return MentionDraft("t", kind, trigger, sentence, (), (), "asserted", place_spans=places)

    kept = drop_purposes(doc, {detained.i: draft(detained, ()), arrest.i: draft(arrest, (nahri,))})
    assert list(kept) == [detained.i]
    assert kept[detained.i].place_spans == (nahri,)
