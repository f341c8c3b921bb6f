"""whimbrel's one exception tree.

::

    WhimbrelError
    ├── ConfigError            bad settings or options: fail at once
    │   └── ModelNotFound      a spaCy pipeline that is not installed
    ├── DataFileError          a lexicon or code table in data_sources/ is invalid
    ├── InputError             one input record cannot be read (goes to the rejects report)
    │   ├── MissingDate
    │   ├── BadDate
    │   ├── EmptyText
    │   ├── BadEncoding
    │   ├── TooLarge
    │   └── MissingColumn
    ├── StoreError             the DuckDB store cannot be opened or written
    └── GoldError              a gold file for evaluation cannot be read

Messages say what went wrong, the bad value, and what to do.
"""

from __future__ import annotations


class WhimbrelError(Exception):
    """Base of every error whimbrel raises on purpose."""


class ConfigError(WhimbrelError):
    """A setting or option is invalid; raised before any article is read."""


class ModelNotFound(ConfigError):
    """The requested spaCy pipeline is not installed."""


class DataFileError(WhimbrelError):
    """A data file failed validation; ``problems`` lists every problem found."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = list(problems)
        listing = "\n  ".join(self.problems)
        super().__init__(f"{path}: {len(self.problems)} problem(s):\n  {listing}")


class InputError(WhimbrelError):
    """One input record cannot be coded. ``origin`` names the file and record."""

    def __init__(self, origin: str, message: str) -> None:
        self.origin = origin
        self.message = message
        super().__init__(f"{origin}: {message}")


class MissingDate(InputError):
    pass


class BadDate(InputError):
    pass


class EmptyText(InputError):
    pass


class BadEncoding(InputError):
    pass


class TooLarge(InputError):
    pass


class MissingColumn(InputError):
    pass


class StoreError(WhimbrelError):
    """The DuckDB store cannot be opened, read or written."""


class GoldError(WhimbrelError):
    """A gold-standard file cannot be read."""
