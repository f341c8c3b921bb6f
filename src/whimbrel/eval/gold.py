"""Read PLOVER-JSONL record files (gold or predicted) for evaluation.

A file is either JSON Lines (one object per line, blank lines skipped) or one JSON array
of objects; a ``.gz`` suffix is read through gzip. Every bad line is reported, not just the
first, so a broken gold file can be fixed in one pass.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from whimbrel.errors import GoldError

# Enough to fix a file by; a file with thousands of bad lines is the wrong file.
_MAX_LISTED_PROBLEMS = 10


def load_records(path: Path) -> list[dict[str, Any]]:
    """All records in ``path``, in file order.

    Raises :class:`~whimbrel.errors.GoldError` naming the file and the line (or array
    item) of every record that is not a JSON object, or when the file cannot be read.
    """
    text = _read_text(Path(path))
    if text.lstrip().startswith("["):
        return _parse_array(text, path=Path(path))
    return _parse_lines(text, path=Path(path))


def _read_text(path: Path) -> str:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as stream:
                data = stream.read()
        else:
            data = path.read_bytes()
    except (OSError, EOFError) as e:
        raise GoldError(f"{path}: cannot read the file ({e}); check the path") from e
    try:
        # utf-8-sig drops the byte-order mark some editors put at the start.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise GoldError(
            f"{path}: not UTF-8 (bad byte at offset {e.start}); re-save the file as UTF-8"
        ) from e


def _parse_lines(text: str, *, path: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    problems: list[str] = []
    # split("\n"), not splitlines(): JSON strings may hold U+2028 and other line breaks.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {number}: not valid JSON ({e.msg} at column {e.colno})")
            continue
        if isinstance(value, dict):
            records.append(value)
        else:
            problems.append(f"line {number}: expected a JSON object, got {type(value).__name__}")
    _raise_problems(problems, path=path, hint="each line must hold one JSON object")
    return records


def _parse_array(text: str, *, path: Path) -> list[dict[str, Any]]:
    try:
        values = json.loads(text)
    except json.JSONDecodeError as e:
        raise GoldError(
            f"{path}:{e.lineno}: not valid JSON ({e.msg} at column {e.colno}); "
            "the file must be one JSON array of objects or JSON Lines"
        ) from e
    problems = [
        f"item {index}: expected a JSON object, got {type(value).__name__}"
        for index, value in enumerate(values)
        if not isinstance(value, dict)
    ]
    _raise_problems(problems, path=path, hint="the array must hold only JSON objects")
    return list(values)


def _raise_problems(problems: list[str], *, path: Path, hint: str) -> None:
    if not problems:
        return
    listed = problems[:_MAX_LISTED_PROBLEMS]
    more = len(problems) - len(listed)
    tail = f"\n  ... and {more} more" if more else ""
    listing = "\n  ".join(listed)
    raise GoldError(f"{path}: {len(problems)} bad record(s); {hint}:\n  {listing}{tail}")
