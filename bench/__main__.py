"""Run every `bench/bench_*.py` module's `main()` in name order; exit 1 if one fails."""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path


def main(argv: list[str]) -> int:
    """Run the benchmarks named in argv (module stems), or all of them; return the status."""
    here = Path(__file__).resolve().parent
    names = sorted(p.stem for p in here.glob("bench_*.py"))
    if argv:
        names = [n for n in names if n in argv or n.removeprefix("bench_") in argv]
    status = 0
    for name in names:
        print(f"== {name}", flush=True)
        try:
            rc = importlib.import_module(f"bench.{name}").main()
        except Exception:  # a failing benchmark must not hide the others' figures
            traceback.print_exc()
            rc = 1
        status = status or int(rc or 0)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
