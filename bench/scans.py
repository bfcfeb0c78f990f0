"""Make a "scanned" PDF from a PDF with a text layer: pages as images, slightly rotated, noisy.

Used by the OCR tests and `bench_ocr`; nothing is committed, scans are made when needed.
"""

from __future__ import annotations

import random
import shutil
import subprocess  # noqa: S404 - pdftoppm with a fixed argument list
import tempfile
from pathlib import Path


def make_scan(
    pdf: Path, out: Path, *, dpi: int = 200, angle: float = 0.6, specks: int = 4000,
    pages: int | None = None, seed: int = 7,
) -> Path:  # fmt: skip
    """Write to `out` a PDF of images of `pdf`'s pages (no text layer); return `out`."""
    from PIL import Image

    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RuntimeError("pdftoppm (poppler-utils) is needed to make a scan")
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        args = [exe, "-r", str(dpi), "-gray", "-png"]
        if pages:
            args += ["-l", str(pages)]
        subprocess.run([*args, str(pdf), f"{tmp}/p"], check=True, capture_output=True)  # noqa: S603
        images = []
        for png in sorted(Path(tmp).glob("p*.png")):
            img = Image.open(png).convert("L")
            img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
            px = img.load()
            w, h = img.size
            for _ in range(specks):
                px[rng.randrange(w), rng.randrange(h)] = rng.choice((0, 90, 255))  # type: ignore[index]
            images.append(img)
        images[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
    return out
