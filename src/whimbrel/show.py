"""Render PLOVER-JSONL event records as a terminal table (for `whimbrel show` and the demo)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table


def party(refs: Sequence[Mapping[str, Any]]) -> str:
    parts = []
    for ref in refs:
        code = "/".join(x for x in (ref.get("country"), ref.get("sector")) if x) or "?"
        parts.append(f"{ref.get('name') or ref.get('text')} ({code})")
    return "; ".join(parts)


def place(location: Mapping[str, Any] | None) -> str:
    if not location:
        return ""
    where = location.get("name") or location.get("text") or ""
    if location.get("lat") is not None:
        where += f" ({location['lat']:.2f}, {location['lon']:.2f})"
    return where


def events_table(
    records: Sequence[Mapping[str, Any]], *, total: int, console: Console | None = None
) -> None:
    table = Table(title=f"{len(records)} of {total} events", show_lines=True)
    for column in ("date", "event", "actor", "recipient", "where", "modality", "n", "evidence"):
        table.add_column(column, overflow="fold")
    for rec in records:
        kind = f"{rec['event_type']}/{rec.get('mode') or '-'} ({rec.get('cameo_code')})"
        sources = ", ".join(
            a["source"] + (f" via {a['via']}" if a.get("via") else "")
            for a in rec.get("attribution") or ()
        )
        evidence = rec.get("sentence", "")[:160] + (f" [{sources}]" if sources else "")
        table.add_row(
            f"{rec['date']} ({rec.get('date_precision')})",
            kind,
            party(rec.get("actor") or ()),
            party(rec.get("recipient") or ()),
            place(rec.get("location")),
            rec["modality"],
            str(rec.get("num_mentions", 1)),
            evidence,
        )
    (console or Console(width=200)).print(table)
