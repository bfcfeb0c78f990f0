"""Vietnamese text folding shared by the extractor, locality names and search.

Django-free. `fold` keeps diacritics but makes spellings comparable (NFC, lower case,
old tone placement "hoà"/"thuỷ" folded to the new "hòa"/"thủy", dashes and spaces
collapsed). `unaccent` goes further for search: no diacritics at all, "đ" → "d".
"""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement folded to the new style (Quyết định 1989/QĐ-BGDĐT spelling).
TONE_FOLD = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
# Only where the pair ends the syllable: "hoà" → "hòa", but "hoàng" and "toàn" stay as they are.
_TONE_RE = re.compile("(?:" + "|".join(TONE_FOLD) + r")(?!\w)")
_DASHES_RE = re.compile(r"\s*[-‐‑‒–—―]\s*")
_SPACE_RE = re.compile(r"\s+")


def fold_tones(text: str) -> str:
    """Return `text` with old tone placement rewritten to the new one; same length."""
    return _TONE_RE.sub(lambda m: TONE_FOLD[m.group(0)], text)


def fold(text: str) -> str:
    """Return a comparable form: NFC, lower case, new tone placement, dashes as spaces."""
    s = unicodedata.normalize("NFC", text).lower()
    s = fold_tones(s)
    s = _DASHES_RE.sub(" ", s)
    return _SPACE_RE.sub(" ", s).strip()


def unaccent(text: str) -> str:
    """Return `text` lower-cased without diacritics ("Đà Nẵng" → "da nang")."""
    s = unicodedata.normalize("NFD", text.lower()).replace("đ", "d").replace("Đ", "d")
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    return _SPACE_RE.sub(" ", s).strip()
