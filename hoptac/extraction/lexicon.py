"""Language knowledge loaded from the data files in `data/` (lexicons, not code).

Each loader is cached: the files are read once per process.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from hoptac.lib.text import fold_tones

DATA = Path(__file__).with_name("data")

# Vietnamese letters, built once: the name and word patterns need explicit classes because
# Python's `re` has no \p{Lu}.
_LATIN = [chr(c) for c in range(0x41, 0x1EFA) if chr(c).isalpha()]
UPPER = "".join(c for c in _LATIN if c.isupper() and (c < "\u0250" or c >= "\u1e00"))
LOWER = "".join(c for c in _LATIN if c.islower() and (c < "\u0250" or c >= "\u1e00"))


def low(s: str) -> str:
    """Return the matching form of a lexicon entry: lower case, new tone placement."""
    return fold_tones(s.lower())


def load_json(name: str) -> Any:
    """Return the parsed JSON data file `name`."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@cache
def surnames() -> frozenset[str]:
    """Return the family names a person's name may start with."""
    lines = (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))


@cache
def titles() -> dict[str, Any]:
    """Return the titles lexicon (heads, organs, departments, kinds, cues)."""
    return load_json("titles.json")


@cache
def numbers() -> dict[str, Any]:
    """Return the number-word lexicon."""
    return load_json("numbers.json")


@cache
def furniture() -> dict[str, list[str]]:
    """Return the page-furniture line patterns."""
    return load_json("furniture.json")


@cache
def field_keywords() -> dict[str, list[str]]:
    """Return keywords by field code."""
    data = load_json("fields_keywords.json")
    return {k: v for k, v in data.items() if not k.startswith("_")}


@cache
def schema() -> dict[str, Any]:
    """Return the JSON schema of the extraction contract."""
    return load_json("extraction.schema.json")


def alternation(
    words: list[str] | tuple[str, ...] | frozenset[str], *, flexible: bool = True
) -> str:
    """Return a regex alternation of `words`, longest first, spaces matching dashes too.

    Every repetition is bounded: these patterns run over untrusted text.
    """
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        parts = [re.escape(p) for p in re.split(r"[\s\-–—]+", w.strip()) if p]
        sep = r"[\s\-–—]{1,5}" if flexible else r"\s{1,3}"
        out.append(sep.join(parts))
    return "|".join(out)
