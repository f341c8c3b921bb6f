"""The ISAF adapter's release date (the article date it codes a release with): datelines as
they are typed in the releases, titles that carry the date, and the release id's month."""

from __future__ import annotations

import datetime as dt

import pytest

from adapters import isaf


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A comma without a space, a full stop for the comma, a non-breaking space.
        ("2012-04-S-002\nKABUL, Afghanistan (April 3,2012)\nA force detained two.", (2012, 4, 3)),
        ("2012-04-S-002\nKABUL, Afghanistan (April 3. 2012)\nA force detained two.", (2012, 4, 3)),
        ("KABUL, Afghanistan (April\xa03,\xa02012) - A force detained two.", (2012, 4, 3)),
        # No dateline: the title's date, with the release id's year.
        ("Apr. 5: Operations in the West\nNEWS RELEASE\n2010-04-CA-015\nA force.", (2010, 4, 5)),
        (
            "Joint Command Morning Operational Update Dec. 30, 2010\n2010-12-S-400\nA force.",
            (2010, 12, 30),
        ),
        ("Joint Command Operational Update, July 16\n2010-07-CA-097\nA force.", (2010, 7, 16)),
        # A title's day far from the id's month is not taken; the id's month is.
        ("Oct. 5: Operations in the West\n2010-04-CA-015\nA force.", (2010, 4, 1)),
        # A date later in the text (not in the title) is not the release's.
        ("Operations in the West\n2010-04-CA-015\nOn April 9: a force detained two.", (2010, 4, 1)),
        ("A force detained two insurgents in Herat province.", None),
    ],
)
def test_release_date(text, expected):
    assert isaf.release_date(text) == (dt.date(*expected) if expected else None)


@pytest.mark.parametrize(
    ("text", "stated", "answerable"),
    [
        ("2012-04-S-002\nKABUL, Afghanistan (April 3, 2012)\nA force detained two.", True, True),
        # Only the id's month: the day is metadata the text does not carry.
        ("Operations in the West\n2012-04-CA-015\nA force detained two yesterday.", False, False),
        # Stated, but inside a window whose gold sits a day before the text's date.
        ("2011-02-S-049\nKABUL, Afghanistan (Feb. 8, 2011)\nA force detained two.", True, False),
    ],
)
def test_answerable_releases(text, stated, answerable):
    release = isaf.Release(
        "isaf-1",
        None,
        text,
        isaf.release_date(text),
        None,
        frozenset(),
        frozenset(),
        stated=isaf.stated_release_date(text) is not None,
    )
    assert (release.stated, release.answerable) == (stated, answerable)
