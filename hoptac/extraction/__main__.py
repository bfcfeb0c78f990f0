"""`python -m hoptac.extraction FILE...`: the same command as `hoptac extract`."""

import sys

from hoptac.extraction.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
