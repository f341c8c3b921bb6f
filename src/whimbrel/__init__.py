"""whimbrel: dated news articles in, PLOVER/CAMEO political events with evidence out.

The public API. ``Pipeline`` (which imports spaCy) is loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from whimbrel.config import Settings
from whimbrel.errors import (
    ConfigError,
    DataFileError,
    GoldError,
    InputError,
    ModelNotFound,
    StoreError,
    WhimbrelError,
)
from whimbrel.records import (
    ActorRef,
    Article,
    Attribution,
    DateRef,
    Event,
    EventMention,
    EventTypeInfo,
    PlaceRef,
    Reject,
    Span,
    StoryResult,
)

if TYPE_CHECKING:
    from whimbrel.pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "ActorRef",
    "Article",
    "Attribution",
    "ConfigError",
    "DataFileError",
    "DateRef",
    "Event",
    "EventMention",
    "EventTypeInfo",
    "GoldError",
    "InputError",
    "ModelNotFound",
    "Pipeline",
    "PlaceRef",
    "Reject",
    "Settings",
    "Span",
    "StoreError",
    "StoryResult",
    "WhimbrelError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from whimbrel.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'whimbrel' has no attribute {name!r}")
