"""The ECB+ adapter's reader, alignment and pair scoring, on tiny XML we write here."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from adapters.ecbplus import (
    ARCHIVE,
    SENTENCES,
    EcbDocument,
    PairCounts,
    align,
    b_cubed,
    detokenised,
    read_annotated_sentences,
    read_corpus,
    read_document,
    why_apart,
)

# Sentence 0: "Rebels shelled the port." Sentence 1: "The shelling, which began at dawn, ended."
# "shelled" (m1) and "shelling" (m2) are one happening; "began" (m3) and "ended" (m4) are
# singletons; m9 is a participant, not an event.
WORDS = [
    (1, 0, "Rebels"),
    (2, 0, "shelled"),
    (3, 0, "the"),
    (4, 0, "port"),
    (5, 0, "."),
    (6, 1, "The"),
    (7, 1, "shelling"),
    (8, 1, ","),
    (9, 1, "which"),
    (10, 1, "began"),
    (11, 1, "at"),
    (12, 1, "dawn"),
    (13, 1, ","),
    (14, 1, "ended"),
    (15, 1, "."),
]
XML = (
    '<Document doc_name="9_1ecb.xml" doc_id="D1">\n'
    + "".join(f'<token t_id="{t}" sentence="{s}" number="0">{w}</token>\n' for t, s, w in WORDS)
    + """<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="7"/></ACTION_OCCURRENCE>
<ACTION_ASPECTUAL m_id="3"><token_anchor t_id="10"/></ACTION_ASPECTUAL>
<NEG_ACTION_OCCURRENCE m_id="4"><token_anchor t_id="14"/></NEG_ACTION_OCCURRENCE>
<HUMAN_PART_ORG m_id="9"><token_anchor t_id="1"/></HUMAN_PART_ORG>
<ACTION_OCCURRENCE m_id="20" TAG_DESCRIPTOR="t9_shelling" instance_id="ACT1" />
<HUMAN_PART_ORG m_id="21" TAG_DESCRIPTOR="t9_rebels" instance_id="HUM1" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1" /><target m_id="20" /></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="2"><source m_id="9" /><target m_id="21" /></INTRA_DOC_COREF>
<CROSS_DOC_COREF r_id="3" note="ACT1"><source m_id="2" /><target m_id="20" /></CROSS_DOC_COREF>
</Relations>
</Document>
"""
)


def test_reader_rebuilds_text_spans_and_chains() -> None:
    doc = read_document(XML.encode(), name="9_1ecb.xml", annotated=None)
    assert doc.text == "Rebels shelled the port.\nThe shelling, which began at dawn, ended."
    assert [doc.text[m.start : m.end] for m in doc.mentions] == [
        "shelled",
        "shelling",
        "began",
        "ended",
    ]
    assert doc.chain("1") == doc.chain("2") != doc.chain("3") != doc.chain("4")


def test_reader_keeps_only_annotated_sentences() -> None:
    doc = read_document(XML.encode(), name="9_1ecb.xml", annotated=frozenset({1}))
    assert [m.m_id for m in doc.mentions] == ["2", "3", "4"]


def test_corpus_reads_listed_documents_from_the_zip(tmp_path: Path) -> None:
    archive = tmp_path / "ECB+.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("ECB+/9/9_1ecb.xml", XML)
        zipped.writestr("ECB+/9/9_2ecb.xml", XML.replace("9_1ecb", "9_2ecb"))
    listing = tmp_path / "sentences.csv"
    listing.write_text("Topic,File,Sentence Number\n9,1ecb,0\n9,1ecb,1\n", encoding="utf-8")
    docs = read_corpus(archive, read_annotated_sentences(listing))
    assert [d.name for d in docs] == ["9_1ecb.xml"] and len(docs[0].mentions) == 4


def _ours(doc: EcbDocument, *groups: tuple[str, ...], label: str = "ASSAULT asserted") -> list:
    """Our mentions on the words given, each group one event."""
    rows = []
    for number, words in enumerate(groups):
        for word in words:
            start = doc.text.index(word)
            rows.append((word, f"e{number}", (start, start + len(word)), (0, 1), label))
    return rows


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        # "shelled" and "shelling" merged, "ended" apart: all right
        ((("shelled", "shelling"), ("ended",)), (1, 1, 1, 0, 0)),
        # the shelling and its ending merged: one wrong merge, the shelling pair right
        ((("shelled", "shelling", "ended"),), (3, 1, 1, 2, 0)),
        # the two shelling mentions apart: one missed merge
        ((("shelled",), ("shelling",), ("ended",)), (0, 1, 0, 0, 1)),
    ],
)
def test_pair_counts(groups: tuple[tuple[str, ...], ...], expected: tuple[int, ...]) -> None:
    doc = read_document(XML.encode(), name="9_1ecb.xml", annotated=None)
    pairs = PairCounts()
    pairs.add(doc, align(_ours(doc, *groups), doc.mentions))
    got = (pairs.ours_same, pairs.gold_same, pairs.both_same, len(pairs.wrong), len(pairs.missed))
    assert got == expected


def test_alignment_needs_overlap_and_b_cubed_scores_one_merge() -> None:
    doc = read_document(XML.encode(), name="9_1ecb.xml", annotated=None)
    aligned = align(_ours(doc, ("shelled", "port", "ended")), doc.mentions)
    assert [a.gold.m_id for a in aligned] == ["1", "4"]  # "port" is no gold event mention
    precision, recall, n = b_cubed(doc, aligned)
    assert (precision / n, recall / n) == (0.5, 1.0)


@pytest.mark.shared
def test_real_corpus_reads(shared_dir: Path) -> None:
    archive, listing = shared_dir.joinpath(*ARCHIVE), shared_dir.joinpath(*SENTENCES)
    if not archive.is_file() or not listing.is_file():
        pytest.skip(f"{archive} is absent")
    docs = read_corpus(archive, read_annotated_sentences(listing))
    assert len(docs) > 900 and sum(len(d.mentions) for d in docs) > 5000
    assert all(d.text[m.start : m.end].strip() for d in docs[:50] for m in d.mentions)


def test_cross_sentence_pairs_are_counted_apart() -> None:
    doc = read_document(XML.encode(), name="9_1ecb.xml", annotated=None)
    pairs = PairCounts()
    pairs.add(doc, align(_ours(doc, ("shelled", "shelling", "ended")), doc.mentions))
    # shelled-shelling and shelled-ended cross a sentence; shelling-ended does not
    assert (pairs.cross_ours_same, pairs.cross_gold_same, pairs.cross_both_same) == (2, 1, 1)


def test_detokenised_glues_split_hyphens_and_closing_punctuation() -> None:
    tokens = [("1", 0, "A"), ("2", 0, "car"), ("3", 0, "-"), ("4", 0, "bomb"), ("5", 0, "(")]
    tokens += [("6", 0, "Kabul"), ("7", 0, ")"), ("8", 0, "."), ("9", 1, "Next")]
    text, spans = detokenised(tokens)
    assert text == "A car-bomb (Kabul).\nNext"
    assert text[slice(*spans["6"])] == "Kabul"


def test_missed_merges_say_what_kept_them_apart() -> None:
    doc = read_document(XML.encode(), name="9_1ecb.xml", annotated=None)
    shelled, shelling, ended = align(
        _ours(doc, ("shelled",), ("shelling",))
        + _ours(doc, (), (), ("ended",), label="ASSAULT negated"),
        doc.mentions,
    )
    assert why_apart(shelled, shelling) == "parties, dates or places"
    assert why_apart(shelling, ended) == "modalities differ"
