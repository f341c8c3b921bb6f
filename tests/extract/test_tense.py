"""The tense of the clause carrying a trigger: plans written with an infinitive, "due to" or a
modal are ahead of now, not past ("is to be held", "should be completed")."""

from __future__ import annotations

import pytest

from whimbrel import lexicon
from whimbrel.extract.modality import ModalityCues, tense_of

pytestmark = pytest.mark.slow

# (sentence, trigger, tense)
CASES = [
    ("The donors' forum is to be held in Accra on Friday.", "held", "future"),
    ("The audit is due to be published next month.", "published", "future"),
    ("The new bridge should be completed by March.", "completed", "future"),
    ("The ministers must meet again before June.", "meet", "future"),
    ("The vote was held in Accra on Friday.", "held", "past"),
    ("Soldiers arrested four men on Tuesday.", "arrested", "past"),
    ("The governor was forced to resign on Tuesday.", "resign", "past"),
    # a modal perfect looks back, it plans nothing
    ("The blast could have killed scores of shoppers.", "killed", "past"),
    ("The minister visits Accra every spring.", "visits", "present"),
    # a present perfect that lasts until a date reaches ahead; a past perfect does not
    ("The strike has kept the shops shut until Thursday.", "kept", "future"),
    ("The ministry has closed all schools until Monday.", "closed", "future"),
    ("The ministry had closed all schools until Monday.", "closed", "past"),
    ("Troops have fought through the night.", "fought", "past"),
    # a headline's infinitive announces what is to come
    ("Banks to remain closed until Friday", "remain", "future"),
    ("Nurses to strike over pay next week", "strike", "future"),
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from whimbrel.config import Settings
    from whimbrel.nlp.model import load_model

    return load_model(Settings().model).nlp


@pytest.fixture(scope="module")
def cues() -> ModalityCues:
    return ModalityCues.from_table(lexicon.load("modality"))


@pytest.mark.parametrize(("text", "trigger", "tense"), CASES, ids=[c[0][:40] for c in CASES])
def test_tense(nlp, cues: ModalityCues, text: str, trigger: str, tense: str | None) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(text) if t.text == trigger)
    assert tense_of(token, cues=cues) == tense
