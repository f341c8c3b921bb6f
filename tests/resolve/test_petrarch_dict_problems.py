"""A PETRARCH dictionary with unreadable codes or bad dates is refused with every problem
listed (file, line, bad value), never read as an entry valid for all time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from whimbrel.errors import DataFileError
from whimbrel.resolve.petrarch_dict import load_petrarch_actors

AGENTS = {"GOV": "GOV", "MIL": "MIL"}

GOOD = """\
<!-- a comment block
     over two lines -->
NORTHLAND_ [NTL]
+NORTHLANDERS
FRED_MARLOW_ [NTLGOV]
    [NTLMIL 080101-101231]
    [---]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_dictionary_reads_with_dated_meanings(tmp_path: Path) -> None:
    entries = load_petrarch_actors(_write(tmp_path, GOOD), cameo_agents=AGENTS)
    marlow = [e for e in entries if e.pattern == "FRED MARLOW"]
    assert [(e.sector, e.valid_from, e.valid_to) for e in marlow] == [
        ("MIL", dt.date(2008, 1, 1), dt.date(2010, 12, 31)),
        ("GOV", None, None),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("    [NTLMIL 081332-101231]", ["line 6", "'081332'", "not a real"]),
        ("    [NTLMIL <20101350]", ["line 6", "'20101350'"]),
        ("    [NTLMIL 08-01-01]", ["line 6", "cannot read the code [NTLMIL 08-01-01]"]),
    ],
)
def test_bad_restriction_is_reported(tmp_path: Path, line: str, expected: list[str]) -> None:
    text = GOOD.replace("    [NTLMIL 080101-101231]", line)
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError) as raised:
        load_petrarch_actors(path, cameo_agents=AGENTS)
    assert raised.value.path == str(path)
    message = str(raised.value)
    for piece in expected:
        assert piece in message


def test_every_problem_is_listed(tmp_path: Path) -> None:
    text = GOOD + "EASTLAND_ [EST >991399]\nWESTLAND_ [WST <000231]\n"
    with pytest.raises(DataFileError) as raised:
        load_petrarch_actors(_write(tmp_path, text), cameo_agents=AGENTS)
    assert len(raised.value.problems) == 2
    assert "line 8" in raised.value.problems[0]
    assert "line 9" in raised.value.problems[1]
