"""OCR seconds per page: a scan made from each dev-official PDF, read by Tesseract.

Run with `python -m bench ocr`. Each PDF is turned into a 200-dpi scan (slightly rotated,
noisy: bench/scans.py), then read as ingest reads it (`read_file`, OMP_THREAD_LIMIT=1). Prints
wall and CPU seconds per page, the mean confidence and how close the text is to the PDF's
own text layer. Skips (status 0) when Tesseract is not installed.
"""

from __future__ import annotations

import difflib
import resource
import tempfile
import time
from pathlib import Path

from bench.scans import make_scan
from hoptac.extraction import read_file
from hoptac.extraction.readers.ocr import INSTALL_HINT, tesseract_status

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "dev-official"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    """Print the figures; return 0 (OCR speed is reported, not gated)."""
    missing = tesseract_status("vie")
    if missing:
        print(f"skipped: {missing} is not installed ({INSTALL_HINT})")
        return 0
    total_pages = total_wall = total_cpu = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in sorted(CORPUS.glob("*.pdf")):
            scan = make_scan(pdf, Path(tmp) / pdf.name)
            cpu, wall = _children_cpu(), time.perf_counter()
            doc = read_file(scan)
            wall = time.perf_counter() - wall
            cpu = _children_cpu() - cpu
            layer = read_file(pdf).text
            ratio = difflib.SequenceMatcher(None, layer, doc.text, autojunk=False).ratio()
            print(
                f"{pdf.stem:28} {doc.pages} pages  {wall / doc.pages:5.1f} s/page wall  "
                f"{cpu / doc.pages:5.1f} s/page CPU  confidence {doc.confidence:.3f}  "
                f"similarity to text layer {ratio:.3f}"
            )
            total_pages += doc.pages
            total_wall += wall
            total_cpu += cpu
    print(
        f"OCR seconds per page: {total_wall / total_pages:.1f} wall, "
        f"{total_cpu / total_pages:.1f} CPU (pdftoppm + tesseract, 200 dpi)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
