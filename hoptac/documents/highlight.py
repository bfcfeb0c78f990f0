"""A document's text cut into segments, each marked with the facts whose evidence covers it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from hoptac.documents.models import Fact


@dataclass
class Segment:
    """A run of text; `facts` cover it, `kind` is the innermost one's, `anchors` start here."""

    text: str
    kind: str = ""
    state: str = ""
    facts: list[int] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    target: int | None = None  # the fact a click on the segment leads back to


def segments(text: str, facts: Iterable[Fact]) -> list[Segment]:
    """Return `text` as segments; overlapping evidence is split at every span boundary."""
    spans: list[tuple[int, int, Fact, int]] = []
    for fact in facts:
        for i, (start, end) in enumerate(fact.evidence):
            if 0 <= start < end <= len(text):
                spans.append((start, end, fact, i))
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    starts: dict[int, list[tuple[int, int, Fact, int]]] = {}
    for span in spans:
        starts.setdefault(span[0], []).append(span)
    out: list[Segment] = []
    open_spans: list[tuple[int, int, Fact, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        open_spans = [s for s in open_spans if s[1] > a] + starts.get(a, [])
        seg = Segment(text[a:b])
        if open_spans:
            inner = min(open_spans, key=lambda s: s[1] - s[0])
            seg.kind, seg.state, seg.target = inner[2].kind, inner[2].state, inner[2].pk
            seg.facts = sorted({s[2].pk for s in open_spans})
            seg.anchors = [f"span-{s[2].pk}-{s[3]}" for s in starts.get(a, [])]
        out.append(seg)
    return out
