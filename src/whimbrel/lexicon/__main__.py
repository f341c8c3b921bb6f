"""``python -m whimbrel.lexicon``: rebuild the compiled data files from data_sources/."""

import sys

from whimbrel.errors import DataFileError
from whimbrel.lexicon.build import build_all

try:
    for path in build_all():
        sys.stdout.write(f"wrote {path}\n")
except DataFileError as e:
    sys.stderr.write(f"{e}\n")
    sys.exit(1)
