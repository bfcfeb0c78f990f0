"""The views of one document that every rule reads, all of the same length.

- `text`: the input in NFC (rules and lexicons are NFC); `to_original()` maps offsets back
  when the input was not NFC (NFD text from macOS or old Vietnamese input methods).
- `work`: `text` with furniture blanked and broken lines joined (see cleaning.py).
- `low`: `work` in lower case with old tone placement folded ("hoà" → "hòa"), for
  case-insensitive lexicon matching at the same offsets.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from hoptac.extraction.cleaning import Cleaned, Zone, clean
from hoptac.extraction.lexicon import UPPER, fold_tones

_COMBINING = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CLUSTER_RE = re.compile(f"[^{_COMBINING}]?[{_COMBINING}]*", re.DOTALL)
# Sentence ends: a full stop (not after an abbreviation such as "TP."), or a line break.
_SENT_END_RE = re.compile(r"[.!?…]+[\"”’)]?(?=\s{1,20}[\"“(*]?[" + UPPER + r"0-9])|\n")
_ABBREV = frozenset({"tp", "tp.", "ths", "ts", "pgs", "gs", "bs", "st", "mr", "ks", "th.s", "p"})
_PARA_RE = re.compile(r"[^\n]+")


def nfc_with_map(text: str) -> tuple[str, list[int] | None]:
    """Return `text` in NFC and, when that changed it, the map from NFC to input offsets."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    back: list[int] = []
    for m in _CLUSTER_RE.finditer(text):
        seg = m.group()
        if not seg:
            continue
        n = unicodedata.normalize("NFC", seg)
        out.append(n)
        back.extend([m.start()] * len(n))
    back.append(len(text))
    return "".join(out), back


def lower_same_length(s: str) -> str:
    """Return `s` lower-cased without changing its length (a few letters lengthen)."""
    lowered = s.lower()
    if len(lowered) == len(s):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in s)


@dataclass
class View:
    """One document prepared for the rules."""

    original: str
    text: str
    back: list[int] | None
    work: str
    low: str
    zones: tuple[Zone, ...]
    title: tuple[int, int] | None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    _para_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, original: str) -> View:
        """Return the view of `original`: NFC text, cleaned work view, sentences."""
        text, back = nfc_with_map(original)
        cleaned: Cleaned = clean(text)
        low = fold_tones(lower_same_length(cleaned.work))
        v = cls(original, text, back, cleaned.work, low, cleaned.zones, cleaned.title)
        v._split()
        return v

    def _split(self) -> None:
        work = self.work
        sents: list[tuple[int, int]] = []
        start = 0
        for m in _SENT_END_RE.finditer(work):
            if m.group() != "\n":
                word = work[max(0, m.start() - 5) : m.start()].split()
                if word and word[-1].lower() in _ABBREV:
                    continue
            end = m.end()
            if work[start:end].strip():
                sents.append(_strip_span(work, start, end))
            start = end
        if work[start:].strip():
            sents.append(_strip_span(work, start, len(work)))
        self.sentences = sents
        self._sent_starts = [s for s, _ in sents]
        self.paragraphs = [
            _strip_span(work, m.start(), m.end())
            for m in _PARA_RE.finditer(work)
            if m.group().strip()
        ]
        self._para_starts = [s for s, _ in self.paragraphs]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """Return the span of the sentence holding `pos` (or the nearest before it)."""
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        return self.sentences[max(i, 0)] if self.sentences else (0, len(self.work))

    def sentence_index(self, pos: int) -> int:
        """Return the index of the sentence holding `pos`."""
        return max(bisect.bisect_right(self._sent_starts, pos) - 1, 0)

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """Return the span of the paragraph (line) holding `pos`."""
        i = bisect.bisect_right(self._para_starts, pos) - 1
        return self.paragraphs[max(i, 0)] if self.paragraphs else (0, len(self.work))

    def to_original(self, span: tuple[int, int]) -> list[int]:
        """Return `span` as [start, end) offsets into the input as given."""
        s, e = span
        if self.back is None:
            return [s, e]
        return [self.back[s], self.back[e]]


def _strip_span(s: str, start: int, end: int) -> tuple[int, int]:
    """Return (start, end) moved inwards past whitespace (str methods: no per-char loop)."""
    chunk = s[start:end]
    stripped = chunk.lstrip()
    start += len(chunk) - len(stripped)
    return start, start + len(stripped.rstrip())
