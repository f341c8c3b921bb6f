"""No text copied from ../shared: the repo shares no run of 7 words with the gold sets, the
peers' suites or the user's seed article (test sentences are our own writing). Our own design
documents there are not third-party text and are not checked."""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ALLOWLIST = Path(__file__).with_name("copied_text_allowlist.txt")
RUN = 7  # words; shorter runs catch stock phrases and long official names too often
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
MARKUP = re.compile(r"<[^>]{0,200}>")
YAML_COMMENT = re.compile(r"(?:^|\s)#(.*)$")
SKIPPED_SUFFIXES = {".pdf"}
# ../shared/design holds our own architecture and conventions, which the code may echo.
OWN_FOLDERS = {"design"}
MAX_REPORTED = 40

Gram = tuple[str, ...]


def words(text: str) -> list[str]:
    """Lower-cased words, markup dropped and curly apostrophes made straight."""
    return WORD.findall(MARKUP.sub(" ", text).lower().replace("\u2019", "'"))


def runs(text: str) -> Iterator[Gram]:
    found = words(text)
    return (tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1))


def repo_lines() -> Iterator[tuple[str, int, str]]:
    """(path, line number, text checked) for our code, tests, README and YAML comments."""
    sources = [*sorted((REPO / "tests").rglob("*.py")), *sorted((REPO / "src").rglob("*.py"))]
    sources.append(REPO / "README.md")
    for path in sources:
        if path.is_file():
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                yield str(path.relative_to(REPO)), number, line
    for path in sorted((REPO / "data_sources").glob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            comment = YAML_COMMENT.search(line)
            if comment:
                yield str(path.relative_to(REPO)), number, comment.group(1)


def allowed_runs() -> set[Gram]:
    """Runs inside the allowlisted proper names (one per line, '#' comments)."""
    allowed: set[Gram] = set()
    for line in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        allowed.update(runs(line.split("#", 1)[0]))
    return allowed


def repo_runs() -> dict[Gram, list[str]]:
    """Every 7-word run of the repo, with the places ("path:line") it occurs."""
    found: dict[Gram, list[str]] = defaultdict(list)
    allowed = allowed_runs()
    for path, number, line in repo_lines():
        for gram in runs(line):
            if gram not in allowed:
                found[gram].append(f"{path}:{number}")
    return found


def shared_texts(root: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every file under ``root``, zip members included; PDFs and binaries
    (a NUL byte early on) are skipped."""
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix.lower() in SKIPPED_SUFFIXES:
            continue
        if path.relative_to(root).parts[0] in OWN_FOLDERS:
            continue
        data = path.read_bytes()
        if zipfile.is_zipfile(io.BytesIO(data)):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for member in archive.namelist():
                    if not member.endswith("/"):
                        yield from _text_of(f"{path}!{member}", archive.read(member))
        else:
            yield from _text_of(str(path), data)


def _text_of(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    if b"\x00" not in data[:1024]:
        yield name, data.decode("utf-8", "ignore")


@pytest.mark.shared
def test_no_seven_word_run_is_shared_with_the_shared_folder(shared_dir: Path) -> None:
    ours = repo_runs()
    copied: dict[Gram, set[str]] = defaultdict(set)
    for name, text in shared_texts(shared_dir):
        for gram in runs(text):
            if gram in ours:
                copied[gram].add(name.replace(str(shared_dir), "shared"))
    first_run: dict[str, Gram] = {}
    for gram in sorted(copied):
        for place in ours[gram]:
            first_run.setdefault(place, gram)
    report = [
        f"{place}: '{' '.join(gram)}' (also in {sorted(copied[gram])[0]})"
        for place, gram in sorted(first_run.items())
    ]
    assert not report, (
        f"{len(report)} repo lines share a {RUN}-word run with ../shared; rewrite them in our own "
        "words (or, for a proper name, add it to tests/copied_text_allowlist.txt):\n"
        + "\n".join(report[:MAX_REPORTED])
    )


def test_the_check_finds_a_copied_run() -> None:
    """The run matching ignores case, punctuation, markup and curly apostrophes."""
    copied = "<p>The Minister’s CONVOY, it said, crossed the old bridge at dawn.</p>"
    ours = "the minister's convoy it said crossed the old bridge"
    assert set(runs(ours)) <= set(runs(copied))
    assert not set(runs("the minister's convoy crossed a new bridge at dawn")) & set(runs(copied))


def test_the_allowlist_holds_only_short_proper_names() -> None:
    """A name, not a sentence: capitalised, at most 10 words, with a comment saying why."""
    for line in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        name, _, why = line.partition("#")
        if name.strip():
            assert name.strip()[0].isupper() and len(words(name)) <= 10, line
            assert why.strip(), f"say why {name.strip()!r} may repeat"
