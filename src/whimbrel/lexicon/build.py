"""Compile and validate every ``data_sources/*.yaml`` into ``src/whimbrel/data/*.json``."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

import whimbrel.lexicon as lexicon_pkg
from whimbrel.errors import DataFileError

REPO_ROOT = Path(__file__).resolve().parents[3]
SOURCES_DIR = REPO_ROOT / "data_sources"
DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def validator_modules() -> list[ModuleType]:
    """Every ``whimbrel.lexicon.<name>`` module that declares a ``SOURCE`` file."""
    found = []
    for info in pkgutil.iter_modules(lexicon_pkg.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"whimbrel.lexicon.{info.name}")
        if hasattr(module, "SOURCE") and hasattr(module, "compile"):
            found.append(module)
    return found


def compile_source(module: ModuleType, *, sources_dir: Path = SOURCES_DIR) -> Any:
    """Read and validate one source file; raise :class:`DataFileError` listing all problems."""
    path = sources_dir / module.SOURCE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise DataFileError(str(path), [f"cannot read: {e}"]) from e
    compiled, problems = module.compile(raw)
    if problems:
        raise DataFileError(str(path), problems)
    return compiled


def compiled_text(compiled: Any) -> str:
    return json.dumps(compiled, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def build_all(*, sources_dir: Path = SOURCES_DIR, out_dir: Path = DATA_DIR) -> list[Path]:
    written = []
    for module in validator_modules():
        name = module.__name__.rsplit(".", 1)[1]
        target = out_dir / f"{name}.json"
        target.write_text(
            compiled_text(compile_source(module, sources_dir=sources_dir)), encoding="utf-8"
        )
        written.append(target)
    return written
