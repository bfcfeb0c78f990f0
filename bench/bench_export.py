"""Export speed and memory: 200,000 investment projects on SQLite as CSV and XLSX.

Run with `python -m bench export` (or `python bench/bench_export.py`). Rows are inserted with
bulk_create into a throwaway database under a temporary HOPTAC_VAR_DIR; the export is the same
code the web and `hoptac export` use. BENCH_EXPORT_ROWS changes the row count.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
import tracemalloc


def _setup() -> None:
    if "HOPTAC_VAR_DIR" not in os.environ:
        os.environ["HOPTAC_VAR_DIR"] = tempfile.mkdtemp(prefix="hoptac-bench-export-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoptac.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


class _Sink:
    """A binary file that counts and forgets what it is given."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return len(data)

    def seek(self, *args) -> int:
        return 0

    def tell(self) -> int:
        return self.size

    def flush(self) -> None:
        pass


def _populate(n: int) -> None:
    from hoptac.investments.models import InvestmentProject
    from hoptac.localities.models import Locality

    if InvestmentProject.objects.count() >= n:
        return
    hanoi = Locality.objects.get(generation=2008, code=1)
    others = list(Locality.objects.filter(generation=2008).exclude(pk=hanoi.pk))
    batch = []
    for i in range(n):
        batch.append(InvestmentProject(
            name=f"Dự án số {i}", investor=f"Công ty cổ phần Đầu tư {i % 997}", origin=hanoi,
            host=others[i % len(others)], capital_vnd=(i % 5000 + 1) * 1_000_000_000,
            registered_on=dt.date(2005 + i % 20, 1 + i % 12, 1 + i % 28), external_id=f"B-{i}",
        ))  # fmt: skip
        if len(batch) == 5000:
            InvestmentProject.objects.bulk_create(batch)
            batch = []
    InvestmentProject.objects.bulk_create(batch)


def main() -> int:
    _setup()
    from hoptac.reports.exchange.cli import Everyone
    from hoptac.reports.exchange.export import export_to

    n = int(os.environ.get("BENCH_EXPORT_ROWS", "200000"))
    t0 = time.perf_counter()
    _populate(n)
    print(f"populate: {n} projects in {time.perf_counter() - t0:.1f} s")
    for fmt in ("csv", "xlsx"):
        sink = _Sink()
        t0 = time.perf_counter()
        if fmt == "xlsx":
            with tempfile.TemporaryFile() as f:
                export_to("projects", fmt, Everyone(), f)
                sink.size = f.tell()
        else:
            export_to("projects", fmt, Everyone(), sink)
        secs = time.perf_counter() - t0
        tracemalloc.start()
        if fmt == "xlsx":
            with tempfile.TemporaryFile() as f:
                export_to("projects", fmt, Everyone(), f)
        else:
            export_to("projects", fmt, Everyone(), _Sink())
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"export {fmt}: {n} rows in {secs:.1f} s = {n / secs:,.0f} rows/s, "
              f"{sink.size / 1e6:.1f} MB, peak Python memory {peak / 1e6:.1f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
