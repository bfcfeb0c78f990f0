"""No file of the repository carries a merge's conflict markers."""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARKERS = ("<<<<<<< ", ">>>>>>> ")


def test_no_tracked_text_file_holds_conflict_markers():
    files = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    found = []
    for name in files:
        if not name.endswith((".py", ".md", ".html", ".js", ".css", ".toml", ".sh", ".po", ".txt")):
            continue
        path = REPO / name
        if not path.is_file():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines()):
            if line.startswith(MARKERS):
                found.append(f"{name}:{n + 1}")
    assert found == []
