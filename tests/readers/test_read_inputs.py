"""read_inputs: dispatch by extension or fmt, stdin sniffing, directory walks, shared corpora."""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from whimbrel.errors import ConfigError
from whimbrel.readers import FORMATS, read_inputs, sniff_format
from whimbrel.records import Article, Reject

SEED_FILE = "seed/000_3758125e18db4b6c.txt"
WIKINEWS = "corpora/wikinews-2019-2020"


def texts(records: list[Article | Reject]) -> list[str]:
    return [r.text if isinstance(r, Article) else f"REJECT: {r.reason}" for r in records]


STDIN_CASES = [
    (
        b"date 2022-03-14 Envoys met in Castrel.\n",
        "<stdin>",
        "Envoys met in Castrel.",
        dt.date(2022, 3, 14),
    ),
    (
        b'\n{"date": "2022-03-15", "text": "Envoys met."}\n',
        "<stdin> line 2",
        "Envoys met.",
        dt.date(2022, 3, 15),
    ),
    (
        b"\xef\xbb\xbfdate,text\n2022-03-16,Envoys met.\n",
        "<stdin> row 1",
        "Envoys met.",
        dt.date(2022, 3, 16),
    ),
    (
        b'<Sentences><Sentence date="20150805" id="S1"><Text>Envoys met.</Text></Sentence>'
        b"</Sentences>",
        "<stdin> Sentence 1 id=S1",
        "Envoys met.",
        dt.date(2015, 8, 5),
    ),
]


@pytest.mark.parametrize(("content", "origin", "text", "date"), STDIN_CASES)
def test_stdin_format_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, content: bytes, origin: str, text: str, date: dt.date
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content)))
    [article] = read_inputs(["-"])
    assert isinstance(article, Article), article
    assert (article.origin, article.text, article.date) == (origin, text, date)


def test_stdin_longer_than_the_sniffed_head_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [f'{{"date": "2022-03-14", "text": "Envoys met {n} times."}}\n' for n in range(500)]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("".join(lines).encode())))
    records = list(read_inputs(["-"]))
    assert texts(records) == [f"Envoys met {n} times." for n in range(500)]


def test_empty_stdin_is_one_reject(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"  \n")))
    assert texts(list(read_inputs(["-"]))) == ["REJECT: <stdin>: empty input; nothing to read"]


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b'  {"date": ', "jsonl"),
        (b"date 2021-11-07 In", "seed"),
        (b"\xef\xbb\xbf <?xml version='1.0'?>", "xml"),
        (b"date,text\n", "csv"),
        (b"\n\t ", None),
    ],
)
def test_sniff_format(head: bytes, fmt: str | None) -> None:
    assert sniff_format(head) == fmt


def write_tree(root: Path) -> None:
    (root / "b" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("date 2022-03-14 First story.", encoding="utf-8")
    (root / "b" / "c.jsonl").write_text('{"date": "2022-03-15", "text": "Second story."}\n')
    (root / "b" / "deeper" / "d.csv").write_text("date,text\n2022-03-16,Third story.\n")
    (root / "b" / "e.xml").write_text(
        '<Articles><Article date="20220317" id="X"><Text>Fourth story.</Text></Article></Articles>'
    )
    (root / "b" / "README.md").write_text("# not an input\n")
    (root / ".hidden" / "f.txt").write_text("date 2022-03-18 Hidden story.")
    (root / ".g.txt").write_text("date 2022-03-18 Hidden story.")


def test_directories_are_walked_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    write_tree(tmp_path)
    records = list(read_inputs([str(tmp_path)]))
    assert texts(records) == ["First story.", "Second story.", "Third story.", "Fourth story."]
    assert [r.origin for r in records] == [
        f"{tmp_path / 'a.txt'}",
        f"{tmp_path / 'b' / 'c.jsonl'} line 1",
        f"{tmp_path / 'b' / 'deeper' / 'd.csv'} row 1",
        f"{tmp_path / 'b' / 'e.xml'} Article 1 id=X",
    ]


def test_explicit_format_reads_every_file_in_that_format(tmp_path: Path) -> None:
    (tmp_path / "one.story").write_text("date 2022-03-14 First story.")
    (tmp_path / "two.data").write_text("date 2022-03-15 Second story.")
    assert texts(list(read_inputs([str(tmp_path)], fmt="SEED"))) == [
        "First story.",
        "Second story.",
    ]


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "stories.dat"
    path.write_text('{"date": "2022-03-14", "text": "Envoys met."}\n')
    assert texts(list(read_inputs([str(path)]))) == ["Envoys met."]


def test_missing_path_is_a_reject_not_an_exception(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    [reject] = read_inputs([str(missing)])
    assert isinstance(reject, Reject)
    assert reject.reason.startswith(f"{missing}: cannot read it (No such file or directory)")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"fmt": "docx"}, "unknown input format 'docx'; use one of seed, jsonl, csv, xml"),
        ({"max_bytes": 0}, "max_bytes 0 is not a positive whole number"),
        ({"inputs": ["a.csv", ""]}, "an input path is empty"),
    ],
)
def test_unusable_options_raise_at_call_time(options: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {"inputs": ["does-not-matter.csv"], **options}
    with pytest.raises(ConfigError, match=message):
        read_inputs(**arguments)  # type: ignore[arg-type]


def test_formats_are_the_four_documented() -> None:
    assert FORMATS == ("seed", "jsonl", "csv", "xml")


@pytest.mark.shared
def test_shared_seed_file(shared_path: Callable[[str], Path]) -> None:
    seed = shared_path(SEED_FILE)
    [article] = read_inputs([str(seed)])
    assert isinstance(article, Article)
    assert article.date == dt.date(2021, 11, 7)
    assert article.text.startswith("In a first")
    assert article.text == article.text.rstrip() and article.title is None
    assert article.origin == str(seed)
    assert article.id == Article.story_id(text=article.text, date=article.date)


@pytest.mark.shared
def test_shared_wikinews_csv_reads_without_rejects(shared_path: Callable[[str], Path]) -> None:
    records = list(read_inputs([str(shared_path(WIKINEWS))]))
    rejects = [r.reason for r in records if isinstance(r, Reject)]
    assert rejects == []
    assert len(records) == 295
    articles = [r for r in records if isinstance(r, Article)]
    assert all(article.title and article.url for article in articles)
    assert len({article.id for article in articles}) == 295
