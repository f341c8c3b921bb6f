"""An act someone is pressed, needed or asked to do is not asserted (sentences we wrote)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# (sentence, trigger word whose mention must be hypothetical)
PRESSED = [
    ("The Peruvian minister is being pushed by the unions to resign.", "resign"),
    ("Critics say the Bolivian president needs to step down.", "step"),
    ("Donors pressed Malawi to release the detained journalists.", "release"),
    ("The cabinet is considering sending troops to Mali.", "sending"),
]


@pytest.mark.parametrize(("text", "word"), PRESSED, ids=[c[0][:30] for c in PRESSED])
def test_a_pressed_act_is_hypothetical(text: str, word: str, mentions_of) -> None:
    found = {m.trigger.text: m.modality for m in mentions_of(text)}
    assert found.get(word) == "hypothetical", found


UNABLE = [
    ("The Kenyan envoy was unable to meet the Somali president.", "meet"),
    ("Ghana said it had been unable to send aid to Togo.", "send"),
]


@pytest.mark.parametrize(("text", "word"), UNABLE, ids=[c[0][:30] for c in UNABLE])
def test_an_act_one_was_unable_to_do_is_negated(text: str, word: str, mentions_of) -> None:
    found = {m.trigger.text: m.modality for m in mentions_of(text)}
    assert found.get(word) == "negated", found
