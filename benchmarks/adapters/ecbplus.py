"""ECB+ within-document event coreference, scored on the mentions we extract.

Does our within-story clustering merge the mentions of one happening (duplicate reports of it
inside one article) and keep apart the mentions of different ones? ECB+ annotates event
mentions and which of them corefer; we align our triggers to its mentions and compare the
two groupings pair by pair.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import time
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from adapters.common import (
    EvalContext,
    SetResult,
    count_rejects,
    markdown_report,
    misses_section,
    ratio,
    rejects_line,
)
from whimbrel.errors import GoldError

if TYPE_CHECKING:
    from whimbrel.records import StoryResult

SETS = ("ecbplus",)
MAPPING = (
    "gold = ECB+ event mentions (ACTION_* and NEG_ACTION_* markables) in the sentences the "
    "corpus lists as fully annotated; two gold mentions of one document corefer when "
    "CROSS_DOC_COREF or INTRA_DOC_COREF links them to one instance (the within-document "
    "restriction of its chains), others are singletons. Text = tokens rejoined with light "
    "detokenisation, one line per sentence; every document is dated 2013-12-31 (ECB+ has "
    "no datelines; its texts are 2008-2013 news, and an article date before a text's own "
    "explicit dates would read them as future, i.e. planned, acts; the cost: a mention "
    "explicitly dated weeks before 2013-12-31 counts as background and never merges with an "
    "undated one). Ours = mentions inside one of our events (mentions with no "
    "resolved party are never events and are left out); each aligns to the gold mention "
    "whose tokens overlap its trigger most (ties: the first). Over pairs of aligned "
    "mentions of one document aligned to two different gold mentions: pair_p = share of "
    "pairs we put in one event that gold corefers, pair_r = share of gold-coreferent pairs "
    "we put in one event; xsent_p/xsent_r = the same over pairs in different sentences "
    "(ECB+ keeps the sub-events of one incident apart, 'shot and killed' being two, where one "
    "PLOVER event holds both; pairs across sentences are mostly repeated reports); b3_p/b3_r "
    "= B-cubed over the aligned mentions; aligned = share of "
    "gold mentions some event mention of ours aligns to."
)
PEER = None
ARCHIVE = ("corpora", "ecbplus", "ECB+.zip")
SENTENCES = ("corpora", "ecbplus", "ECBplus_coreference_sentences.csv")
# After every text, so no explicit date in one reads as the future (see MAPPING).
ARTICLE_DATE = dt.date(2013, 12, 31)
# Tokens written without a space before them (closing punctuation, clitics) or after them;
# ECB+ splits hyphenated words ("fire - bomb"), so a hyphen is glued on both sides.
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'re", "-"})
NO_SPACE_AFTER = frozenset({"(", "[", "$", "-"})
PAIR_EXAMPLES = 80
# --fast scores the political and conflict topics (bank bombing, elections, piracy, riots,
# camp bombings), the first FAST_DOCUMENTS documents of them.
FAST_TOPICS = frozenset({8, 11, 12, 19, 41})
FAST_DOCUMENTS = 60


@dataclass(frozen=True)
class GoldMention:
    """One annotated event mention: its markable id, sentence number and character span."""

    m_id: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class EcbDocument:
    """One ECB+ document: its text as we rebuild it, event mentions and their chains."""

    name: str
    text: str
    mentions: tuple[GoldMention, ...]
    # m_id -> chain key; mentions of one chain corefer within this document
    chains: Mapping[str, str]

    def chain(self, m_id: str) -> str:
        return self.chains.get(m_id, f"single:{m_id}")


def detokenised(tokens: Sequence[tuple[str, int, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text of (t_id, sentence, word) tokens, one line per sentence, and each token's span."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length, previous_sentence, previous_word = 0, None, ""
    for t_id, sentence, word in tokens:
        if previous_sentence is None:
            gap = ""
        elif sentence != previous_sentence:
            gap = "\n"
        elif word in NO_SPACE_BEFORE or previous_word in NO_SPACE_AFTER:
            gap = ""
        else:
            gap = " "
        parts.append(gap + word)
        spans[t_id] = (length + len(gap), length + len(gap) + len(word))
        length += len(gap) + len(word)
        previous_sentence, previous_word = sentence, word
    return "".join(parts), spans


def read_document(raw: bytes, *, name: str, annotated: frozenset[int] | None) -> EcbDocument:
    """A document from its CAT XML; ``annotated`` limits gold mentions to those sentences."""
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError as e:
        raise GoldError(f"{name}: not well-formed ECB+ XML ({e})") from e
    tokens = [
        (t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")
    ]
    text, spans = detokenised(tokens)
    sentence_of = {t_id: sentence for t_id, sentence, _ in tokens}
    mentions = []
    for markable in root.find("Markables") or ():
        anchors = [a.get("t_id", "") for a in markable.iter("token_anchor")]
        anchors = [t for t in anchors if t in spans]
        if not anchors or "ACTION_" not in markable.tag:
            continue
        sentence = sentence_of[anchors[0]]
        if annotated is None or sentence in annotated:
            start, end = spans[anchors[0]][0], spans[anchors[-1]][1]
            mentions.append(GoldMention(markable.get("m_id", ""), sentence, start, end))
    return EcbDocument(name, text, tuple(mentions), _chains(root))


def _chains(root: ElementTree.Element) -> dict[str, str]:
    """m_id -> its chain's key, from both coreference relations (sources share a target)."""
    chains: dict[str, str] = {}
    for relation in root.find("Relations") or ():
        if relation.tag not in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            continue
        target = next((t.get("m_id", "") for t in relation.iter("target")), "")
        for source in relation.iter("source"):
            chains[source.get("m_id", "")] = f"{relation.tag}:{target}"
    return chains


def read_annotated_sentences(path: Path) -> dict[str, frozenset[int]]:
    """Document name ("1_10ecbplus.xml") -> its fully annotated sentence numbers."""
    try:
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        pairs = [(f"{r['Topic']}_{r['File']}.xml", int(r["Sentence Number"])) for r in rows]
    except (OSError, KeyError, ValueError, csv.Error) as e:
        raise GoldError(f"{path}: cannot read the ECB+ annotated-sentence CSV ({e})") from e
    found: dict[str, set[int]] = {}
    for name, sentence in pairs:
        found.setdefault(name, set()).add(sentence)
    return {name: frozenset(numbers) for name, numbers in found.items()}


def read_corpus(archive: Path, annotated: Mapping[str, frozenset[int]]) -> list[EcbDocument]:
    """The documents with annotated sentences, sorted by topic then name."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            names = [n for n in zipped.namelist() if n.endswith(".xml")]
            wanted = [n for n in names if Path(n).name in annotated]
            wanted.sort(key=lambda n: (topic(Path(n).name), Path(n).name))
            return [
                read_document(zipped.read(n), name=Path(n).name, annotated=annotated[Path(n).name])
                for n in wanted
            ]
    except (OSError, zipfile.BadZipFile, ValueError) as e:
        raise GoldError(f"{archive}: cannot read the ECB+ archive ({e})") from e


def topic(name: str) -> int:
    """The topic number of a document name ("41_3ecbplus.xml" -> 41)."""
    return int(name.split("_")[0])


@dataclass(frozen=True)
class Aligned:
    """One of our event mentions aligned to a gold mention."""

    mention_id: str
    event_id: str
    gold: GoldMention
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    # our type and modality, "ASSAULT asserted"
    label: str


def align(
    ours: Iterable[tuple[str, str, tuple[int, int], tuple[int, int], str]],
    gold: Sequence[GoldMention],
) -> list[Aligned]:
    """(mention id, event id, trigger span, sentence span, label) aligned to the gold mention
    whose span overlaps the trigger most; mentions overlapping none are dropped."""
    aligned = []
    for mention_id, event_id, trigger, sentence, label in ours:
        overlaps = [(min(trigger[1], g.end) - max(trigger[0], g.start), g) for g in gold]
        best = max(overlaps, key=lambda o: o[0], default=(0, None))
        if best[1] is not None and best[0] > 0:
            aligned.append(Aligned(mention_id, event_id, best[1], trigger, sentence, label))
    return aligned


@dataclass
class PairCounts:
    """Pair decisions over aligned mentions (all pairs, and pairs in different sentences);
    wrong and missed pairs kept for the report."""

    ours_same: int = 0
    gold_same: int = 0
    both_same: int = 0
    cross_ours_same: int = 0
    cross_gold_same: int = 0
    cross_both_same: int = 0
    wrong: list[tuple[str, Aligned, Aligned]] = field(default_factory=list)
    missed: list[tuple[str, Aligned, Aligned]] = field(default_factory=list)

    def add(self, doc: EcbDocument, aligned: Sequence[Aligned]) -> None:
        for a, b in itertools.combinations(aligned, 2):
            if a.gold.m_id == b.gold.m_id:
                continue
            ours = a.event_id == b.event_id
            gold = doc.chain(a.gold.m_id) == doc.chain(b.gold.m_id)
            self.ours_same += ours
            self.gold_same += gold
            self.both_same += ours and gold
            if a.gold.sentence != b.gold.sentence:
                self.cross_ours_same += ours
                self.cross_gold_same += gold
                self.cross_both_same += ours and gold
            if ours != gold:
                (self.wrong if ours else self.missed).append((doc.name, a, b))


def b_cubed(doc: EcbDocument, aligned: Sequence[Aligned]) -> tuple[float, float, int]:
    """Sums of B-cubed precision and recall over the aligned mentions, and their count."""
    precision = recall = 0.0
    for a in aligned:
        ours = [b for b in aligned if b.event_id == a.event_id]
        gold = [b for b in aligned if doc.chain(b.gold.m_id) == doc.chain(a.gold.m_id)]
        both = [b for b in ours if doc.chain(b.gold.m_id) == doc.chain(a.gold.m_id)]
        precision += len(both) / len(ours)
        recall += len(both) / len(gold)
    return precision, recall, len(aligned)


def event_mentions(
    result: StoryResult,
) -> list[tuple[str, str, tuple[int, int], tuple[int, int], str]]:
    """(mention id, event id, trigger span, sentence span, type and modality) of each
    mention in an event."""
    return [
        (
            m.id,
            event.id,
            (m.trigger.start, m.trigger.end),
            (m.sentence.start, m.sentence.end),
            f"{m.kind.event_type} {m.modality}",
        )
        for event in result.events
        for m in event.mentions
    ]


@dataclass
class Scores:
    pairs: PairCounts
    b3: list[float]
    gold_mentions: int = 0
    aligned_gold: int = 0
    event_mentions: int = 0
    aligned_mentions: int = 0

    def metrics(self) -> dict[str, float | None]:
        p = self.pairs
        n = int(self.b3[2])
        return {
            "pair_p": ratio(p.both_same, p.ours_same),
            "pair_r": ratio(p.both_same, p.gold_same),
            "xsent_p": ratio(p.cross_both_same, p.cross_ours_same),
            "xsent_r": ratio(p.cross_both_same, p.cross_gold_same),
            "b3_p": self.b3[0] / n if n else None,
            "b3_r": self.b3[1] / n if n else None,
            "aligned": ratio(self.aligned_gold, self.gold_mentions),
        }


def score(docs: Sequence[EcbDocument], results: Mapping[str, StoryResult]) -> Scores:
    """Pairwise and B-cubed scores of our events against the documents' gold chains."""
    scores = Scores(PairCounts(), [0.0, 0.0, 0])
    for doc in docs:
        result = results.get(doc.name)
        ours = event_mentions(result) if result is not None else []
        aligned = align(ours, doc.mentions)
        scores.pairs.add(doc, aligned)
        b3 = b_cubed(doc, aligned)
        scores.b3 = [x + y for x, y in zip(scores.b3, b3, strict=True)]
        scores.gold_mentions += len(doc.mentions)
        scores.aligned_gold += len({a.gold.m_id for a in aligned})
        scores.event_mentions += len(ours)
        scores.aligned_mentions += len(aligned)
    return scores


def run(ctx: EvalContext) -> list[SetResult]:
    from whimbrel.records import Article

    started = time.perf_counter()
    annotated = read_annotated_sentences(ctx.path(*SENTENCES))
    docs = read_corpus(ctx.path(*ARCHIVE), annotated)
    if ctx.fast:
        docs = [d for d in docs if topic(d.name) in FAST_TOPICS][:FAST_DOCUMENTS]
    articles = [
        Article(id=d.name, date=ARTICLE_DATE, text=d.text, origin=f"ecbplus:{d.name}") for d in docs
    ]
    results = list(ctx.pipeline().code(articles))
    by_doc = {r.article.id: r for r in results if r.article is not None}
    scores = score(docs, by_doc)
    metrics = scores.metrics()
    report = _report(docs, scores) + rejects_line(results)
    seconds = time.perf_counter() - started
    return [SetResult("ecbplus", metrics, len(docs), PEER, report, seconds, count_rejects(results))]


def _pair_line(docs: Mapping[str, EcbDocument], name: str, a: Aligned, b: Aligned) -> str:
    text = docs[name].text

    def show(m: Aligned) -> str:
        s0, s1 = m.sentence
        t0, t1 = m.trigger
        sentence = (text[s0:t0] + "**" + text[t0:t1] + "**" + text[t1:s1]).replace("\n", " ")
        return f"{m.label} [{docs[name].chain(m.gold.m_id)}]: {sentence}"

    return f"{name} ({why_apart(a, b)}): {show(a)} ⟷ {show(b)}"


def why_apart(a: Aligned, b: Aligned) -> str:
    """What kept two mentions in different events of ours, as far as their labels tell."""
    a_type, _, a_modality = a.label.partition(" ")
    b_type, _, b_modality = b.label.partition(" ")
    if a.event_id == b.event_id:
        return "one event"
    if a_type != b_type:
        return "types differ"
    if a_modality != b_modality:
        return "modalities differ"
    return "parties, dates or places"


def _report(docs: Sequence[EcbDocument], scores: Scores) -> str:
    by_name = {d.name: d for d in docs}
    p = scores.pairs
    reasons = Counter(why_apart(a, b) for _, a, b in p.missed)
    counts = (
        f"{len(docs)} documents, {scores.gold_mentions} gold event mentions, "
        f"{scores.event_mentions} of our mentions in events, {scores.aligned_mentions} aligned; "
        f"pairs: ours same {p.ours_same}, gold same {p.gold_same}, both {p.both_same}. "
        f"Missed merges by what kept them apart: {dict(sorted(reasons.items()))}.\n\n"
    )
    wrong = [_pair_line(by_name, *w) for w in p.wrong]
    missed = [_pair_line(by_name, *m) for m in p.missed]
    body = (
        counts
        + misses_section(
            "Wrong merges (one event of ours, different gold chains)", wrong, limit=PAIR_EXAMPLES
        )
        + misses_section(
            "Missed merges (one gold chain, different events of ours)", missed, limit=PAIR_EXAMPLES
        )
    )
    return markdown_report(
        title="ECB+ within-document event coreference",
        mapping=MAPPING,
        result_rows=[*scores.metrics().items(), ("documents", len(docs))],
        body=body,
    )
