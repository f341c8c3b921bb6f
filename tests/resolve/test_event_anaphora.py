"""A happening named again by its noun takes its doers as the reacting side's recipient."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.records import Article
from whimbrel.resolve.event_anaphora import METHOD, named_event_types


def _mentions(pipeline, text: str):  # type: ignore[no-untyped-def]
    article = Article(id="anaphora", date=dt.date(2024, 6, 3), text=text, origin="test")
    return pipeline.code_doc(pipeline.model.nlp(text), article).mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the air strikes", {"ASSAULT"}),
        ("these sanctions", {"SANCTION"}),
        ("a strike", set()),  # not definite: a new happening, not one named again
        ("the measures", {"SANCTION", "ASSAULT"}),  # an unnamed act: any act, no reaction
        ("the figures", set()),  # no event noun
        ("strikes", set()),
    ],
)
def test_named_event_types(text: str, expected: set[str]) -> None:
    found = named_event_types(text)
    assert expected <= found if expected else not found


def test_an_unnamed_act_is_never_a_reaction() -> None:
    assert not named_event_types("the move") & {"ACCUSE", "SUPPORT", "REJECT", "REQUEST"}


@pytest.mark.slow
def test_reaction_to_a_named_act_is_aimed_at_its_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish warplanes bombed Kurdish militant positions in northern Iraq on Sunday. "
        "The Iraqi foreign ministry condemned the strikes on Monday."
    )
    condemn = next(m for m in _mentions(pipeline, text) if m.trigger.text == "condemned")
    [recipient] = condemn.recipients
    assert (recipient.country, recipient.method) == ("TUR", METHOD)
    assert recipient.span is not None
    assert text[recipient.span.start : recipient.span.end] == "the strikes"


@pytest.mark.slow
def test_no_recipient_from_ones_own_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish warplanes bombed Kurdish militant positions in northern Iraq on Sunday. "
        "Turkey's defence ministry defended the strikes on Monday."
    )
    defend = next(m for m in _mentions(pipeline, text) if m.trigger.text == "defended")
    assert [(r.text, r.method) for r in defend.recipients] == [("the strikes", "unresolved")]


@pytest.mark.slow
def test_no_recall_without_an_earlier_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The Iraqi foreign ministry condemned the strikes on Monday."
    condemn = [m for m in _mentions(pipeline, text) if m.trigger.text == "condemned"]
    assert condemn
    assert all(r.method != METHOD for m in condemn for r in m.recipients)


@pytest.mark.slow
def test_an_unnamed_act_is_the_latest_act_not_a_reaction_to_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The European Union imposed sanctions on Belarusian airlines on Tuesday. "
        "Minsk condemned the move on Wednesday. Lithuania welcomed the move."
    )
    found = {m.trigger.text: m for m in _mentions(pipeline, text)}
    for reaction in ("condemned", "welcomed"):
        [recipient] = found[reaction].recipients
        assert (recipient.text, recipient.country) == ("the move", "EUR")
