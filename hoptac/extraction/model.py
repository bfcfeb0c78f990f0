"""The facts of one document and their JSON form (contract "hoptac.extraction/1").

Every fact carries its evidence, [start, end) offsets into the document's text, and a
confidence between 0 and 1 that reviewers see next to it. Money is whole đồng (int).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_ID = "hoptac.extraction/1"

Span = list[int]


@dataclass
class Fact:
    """A fact: its contract fields, its evidence spans and a confidence."""

    data: dict[str, Any]
    evidence: list[Span]
    confidence: float

    def to_json(self) -> dict[str, Any]:
        """Return the fact as the contract's object (data, evidence, confidence)."""
        out = dict(self.data)
        out["evidence"] = [list(s) for s in self.evidence]
        out["confidence"] = round(self.confidence, 2)
        return out


@dataclass
class Extraction:
    """Everything extracted from one document."""

    source: str | None = None
    title: str | None = None
    event_date: str | None = None
    event_date_evidence: list[Span] = field(default_factory=list)
    event_date_confidence: float = 0.0
    parties: list[Fact] = field(default_factory=list)
    people: list[Fact] = field(default_factory=list)
    investments: list[Fact] = field(default_factory=list)
    grants: list[Fact] = field(default_factory=list)
    commitment_counts: list[Fact] = field(default_factory=list)
    fields: list[Fact] = field(default_factory=list)
    agreements: list[Fact] = field(default_factory=list)
    requests: list[Fact] = field(default_factory=list)
    assignments: list[Fact] = field(default_factory=list)
    activities: list[Fact] = field(default_factory=list)
    statistics: list[Fact] = field(default_factory=list)
    text: str | None = None  # carried in the JSON when offsets refer to a decoded/converted text
    extractor: str = "rules"

    def to_json(self) -> dict[str, Any]:
        """Return the document's facts as a dict following extraction.schema.json."""
        out: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "source": self.source or "",
            "title": self.title,
            "event_date": self.event_date,
        }
        if self.event_date:
            out["event_date_evidence"] = [list(s) for s in self.event_date_evidence]
            out["event_date_confidence"] = round(self.event_date_confidence, 2)
        for key in (
            "parties", "people", "investments", "grants", "commitment_counts", "fields",
            "agreements", "requests", "assignments", "activities", "statistics",
        ):  # fmt: skip
            out[key] = [f.to_json() for f in getattr(self, key)]
        out["extractor"] = self.extractor
        if self.text is not None:
            out["text"] = self.text
        return out
