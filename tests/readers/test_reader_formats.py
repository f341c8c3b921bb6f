"""Each format's reader over small files we wrote: good records in, bad records rejected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from whimbrel.readers import csv, jsonl, parse_date, petrarch_xml, read_inputs, seedtext
from whimbrel.records import Article, Reject

MAX_BYTES = 2_000_000
STORY = (
    "The foreign minister of Norvania met her counterpart in Castrel on Monday to discuss "
    "grain exports, officials said."
)

# (file name, file bytes, expected records: an Article's text prefix, or "REJECT: reason part")
CASES = [
    ("plain.txt", f"date 2022-03-14 {STORY}\n".encode(), ["The foreign minister"]),
    ("bom.txt", f"\ufeff  date 2022-03-14\n{STORY}\n\n".encode(), ["The foreign minister"]),
    ("multi.txt", f"date 2022-03-14 Castrel.\n\n{STORY}".encode(), ["Castrel.\n\nThe foreign"]),
    ("nodate.txt", f"{STORY}\n".encode(), ["REJECT: does not start with 'date YYYY-MM-DD '"]),
    ("baddate.txt", f"date 2021-13-45 {STORY}".encode(), ["REJECT: date '2021-13-45' is not"]),
    ("empty.txt", b"date 2022-03-14   \n \n", ["REJECT: no text"]),
    ("latin1.txt", "date 2022-03-14 Gda\xf1sk".encode("latin-1"), ["REJECT: not valid UTF-8"]),
    (
        "good.jsonl",
        b'{"id": 17, "date": "2022-03-14", "title": "Talks", "text": "Ministers met."}\n'
        b"\n"
        b'{"pub_date": "March 14, 2022", "body": "Troops withdrew."}\n'
        b'{"publication_date": "2022-03-14T22:30:00-05:00", "content": "Envoys met."}\n',
        ["Ministers met.", "Troops withdrew.", "Envoys met."],
    ),
    (
        "bad.jsonl",
        b'{"text": "No date here."}\n'
        b"{not json\n"
        b'["a", "list"]\n'
        b'{"date": "2022-03-14", "text": "  "}\n'
        b'{"date": "2022-03-14", "text": "Caf\xe9 bombed."}\n'
        b'{"date": "yesterday", "text": "Relative dates are not guessed."}\n',
        [
            "REJECT: line 1: no date",
            "REJECT: line 2: not valid JSON",
            "REJECT: line 3: a JSON list where an object was expected",
            "REJECT: line 4: no text",
            "REJECT: line 5: not valid UTF-8",
            "REJECT: line 6: date 'yesterday' is not a valid date",
        ],
    ),
    (
        "good.csv",
        b"Published,Headline,Body,Link,Source\n"
        b'14 March 2022,Talks,"Ministers met.\n\nThey spoke for an hour.",http://x.test/1,Wire\n'
        b"\n"
        b"20220315,Retreat,Troops withdrew.,,\n",
        ["Ministers met.\n\nThey spoke", "Troops withdrew."],
    ),
    ("good.tsv", b"date\ttext\n2022-03-14\tEnvoys met.\n", ["Envoys met."]),
    (
        "norows.csv",
        b"date,title\n2022-03-14,Talks\n",
        [
            "REJECT: no text column (looked for text, body, content, article); "
            "the header has 'date', 'title'"
        ],
    ),
    (
        "badrows.csv",
        b"date,text\n2022-03-14,Envoys met.\n2022-03-14,\nsoon,Troops withdrew.\n"
        b"2022-03-14,Caf\xe9 bombed.\n2022-03-15,Talks resumed.\n",
        [
            "Envoys met.",
            "REJECT: row 2: no text",
            "REJECT: row 3: date 'soon' is not a valid date",
            "REJECT: row 4: not valid UTF-8 (line 5)",
            "Talks resumed.",
        ],
    ),
    ("blank.csv", b"", ["REJECT: empty file"]),
    (
        "sentences.xml",
        b'<Sentences>\n<Sentence date = "20150805" id="AFP_1" source="AFP" sentence="true">\n'
        b"<Text>\nEnvoys met in Castrel.\n</Text>\n<Parse>(S)</Parse>\n</Sentence>\n"
        b'<Sentence date="20150805" id="AFP_2" source="AFP"><Text>\n\n</Text></Sentence>\n'
        b'<Sentence id="AFP_3"><Text>Troops withdrew.</Text></Sentence>\n</Sentences>\n',
        ["Envoys met in Castrel.", "REJECT: id=AFP_2: no text", "REJECT: id=AFP_3: no date"],
    ),
    (
        "articles.xml",
        b"<?xml version='1.0' encoding='utf-8'?>\n<!-- a comment -->\n<Articles>\n"
        b'<Article date="20070301" id="AAW_1" source="AAW"><Text>Ministers met.</Text></Article>\n'
        b"</Articles>\n",
        ["Ministers met."],
    ),
    (
        "broken.xml",
        b'<Sentences><Sentence date="20150805" id="A_1"><Text>Envoys met.</Text></Sentence>\n'
        b'<Sentence date="20150805" id="A_2"><Text>Unclosed</Sentence></Sentences>\n',
        ["Envoys met.", "REJECT: line 2 column 52: XML not well formed (mismatched tag); the rest"],
    ),
    (
        "badbytes.xml",
        b'<Articles><Article date="20070301" id="B_1"><Text>Caf\xe9</Text></Article></Articles>',
        ["REJECT: not valid UTF-8 at byte 53"],
    ),
]


def describe(record: Article | Reject) -> str:
    return f"REJECT: {record.reason}" if isinstance(record, Reject) else record.text


@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reader_yields_articles_and_rejects(
    tmp_path: Path, name: str, content: bytes, expected: list[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    records = list(read_inputs([str(path)]))
    assert len(records) == len(expected), [describe(record) for record in records]
    for record, want in zip(records, expected, strict=True):
        if want.startswith("REJECT: "):
            assert isinstance(record, Reject), describe(record)
            assert record.reason.startswith(f"{path}"), record.reason
            assert want.removeprefix("REJECT: ") in record.reason
            assert "\n" not in record.reason and record.stage == "read"
        else:
            assert isinstance(record, Article), describe(record)
            assert record.text.startswith(want) and record.text == record.text.rstrip()


def test_seed_article_fields(tmp_path: Path) -> None:
    path = tmp_path / "001_0123456789abcdef.txt"
    path.write_text(f" date 2022-03-14 {STORY}\n\n", encoding="utf-8")
    [article] = seedtext.read(path, max_bytes=MAX_BYTES)
    assert article == Article(
        id=Article.story_id(text=STORY, date=dt.date(2022, 3, 14)),
        date=dt.date(2022, 3, 14),
        text=STORY,
        origin=str(path),
    )
    assert article.id != "0123456789abcdef"  # a file name is never taken for an id


def test_given_ids_are_kept_and_fields_mapped(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_text(
        '{"ID": 17, "Date": "2022-03-14", "Headline": "Talks", "text": "Ministers met.  ",'
        ' "link": "http://x.test/17", "source": "Wire"}\n',
        encoding="utf-8",
    )
    [article] = jsonl.read(path, max_bytes=MAX_BYTES)
    assert isinstance(article, Article)
    assert (article.id, article.title, article.url, article.publisher, article.text) == (
        "17",
        "Talks",
        "http://x.test/17",
        "Wire",
        "Ministers met.",
    )
    assert article.origin == f"{path} line 1"


def test_xml_ids_and_publisher_come_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.xml"
    path.write_bytes(next(content for name, content, _ in CASES if name == "sentences.xml"))
    records = list(petrarch_xml.read(path, max_bytes=MAX_BYTES))
    assert [(r.id, r.date, r.publisher) for r in records if isinstance(r, Article)] == [
        ("AFP_1", dt.date(2015, 8, 5), "AFP")
    ]
    assert [r.story_id for r in records if isinstance(r, Reject)] == ["AFP_2", "AFP_3"]


def test_csv_reject_keeps_the_story_id(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_text("story_id,date,text\nS-9,2022-03-14,\n", encoding="utf-8")
    [reject] = csv.read(path, max_bytes=MAX_BYTES)
    assert reject == Reject(
        origin=f"{path} row 1",
        reason=f"{path} row 1: no text; give the article body in a text/body/content field",
        story_id="S-9",
    )


BIG_TEXT = "Envoys met. " * 420_000  # about 5 MB


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("big.txt", f"date 2022-03-14 {BIG_TEXT}".encode()),
        ("big.jsonl", f'{{"date": "2022-03-14", "text": "{BIG_TEXT}"}}\n'.encode()),
        ("big.csv", f"date,text\n2022-03-14,{BIG_TEXT}\n".encode()),
        ("big.xml", f'<A><Article date="20220314"><Text>{BIG_TEXT}</Text></Article></A>'.encode()),
    ],
)
def test_a_5mb_article_is_rejected_until_the_limit_is_raised(
    tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [reject] = read_inputs([str(path)])
    assert isinstance(reject, Reject)
    assert "over the 2,000,000-byte limit; raise --max-bytes" in reject.reason
    [article] = read_inputs([str(path)], max_bytes=6_000_000)
    assert isinstance(article, Article) and len(article.text) == len(BIG_TEXT.rstrip())


def test_ids_are_stable_across_reads(tmp_path: Path) -> None:
    for name, content, _expected in CASES:
        (tmp_path / name).write_bytes(content)
    first = [(r.id, r.origin) for r in read_inputs([str(tmp_path)]) if isinstance(r, Article)]
    second = [(r.id, r.origin) for r in read_inputs([str(tmp_path)]) if isinstance(r, Article)]
    assert first == second and len(first) == 14


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("2022-03-14", dt.date(2022, 3, 14)),
        ("2022-3-4", dt.date(2022, 3, 4)),
        ("20220314", dt.date(2022, 3, 14)),
        ("2022-03-14T22:30:00-05:00", dt.date(2022, 3, 14)),
        ("2022-03-14 09:00", dt.date(2022, 3, 14)),
        ("2022/03/14", dt.date(2022, 3, 14)),
        ("14 March 2022", dt.date(2022, 3, 14)),
        ("Mar 14, 2022", dt.date(2022, 3, 14)),
        ("Monday, March 14, 2022", dt.date(2022, 3, 14)),
        ("Mon, 14 Mar 2022 09:00:00 +0000", dt.date(2022, 3, 14)),
        ("14.03.2022", dt.date(2022, 3, 14)),  # the dateparser fallback
    ],
)
def test_parse_date_accepts_common_forms(raw: str, day: dt.date) -> None:
    assert parse_date(raw) == day


@pytest.mark.parametrize("raw", ["2021-13-45", "20221399", "yesterday", "March 2022", "soon"])
def test_parse_date_refuses_what_names_no_day(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_date(raw)
