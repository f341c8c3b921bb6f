"""whimbrel: dated news articles in, PLOVER/CAMEO political events with evidence out."""

__version__ = "0.1.0"
