"""Fixtures for the document tests: the sample corpus, and ingest helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus" / "dev"
SAMPLES = sorted(CORPUS.glob("*.txt"))


def gold(path: Path) -> dict:
    """Return the gold facts of a sample document."""
    return json.loads((CORPUS / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))


def fake_extractor(extraction: dict):
    """Return an extractor that answers `extraction` whatever the text (for merge tests)."""

    def run(text: str, source: str, published) -> dict:
        return {"schema": "hoptac.extraction/1", "source": source, **extraction}

    return run


@pytest.fixture
def samples() -> list[Path]:
    return SAMPLES


def make_report(capital: int = 45_500_000_000_000, date: str = "2019-11-16", title: str = "Báo A"):
    text = (
        f"{title}: Hà Nội – Thanh Hóa hợp tác\n\n"
        "Sáng 16/11, tại Thanh Hóa, Ban Thường vụ Thành ủy Hà Nội và Ban Thường vụ Tỉnh ủy "
        "Thanh Hóa tổ chức hội nghị. Đồng chí Hoàng Trung Hải, Bí thư Thành ủy Hà Nội dự. "
        f"Hà Nội có 65 dự án với tổng vốn {capital // 10**9:,} tỷ đồng tại Thanh Hóa. "
        "Hà Nội trao tặng Thanh Hóa 3 tỷ đồng."
    )

    def span(needle: str) -> list[list[int]]:
        i = text.index(needle)
        return [[i, i + len(needle)]]

    facts = {
        "title": f"{title}: Hà Nội – Thanh Hóa hợp tác",
        "event_date": date,
        "event_date_evidence": span("Sáng 16/11"),
        "event_date_confidence": 0.9,
        "parties": [
            {"name": "Hà Nội", "evidence": span("Hà Nội"), "confidence": 0.95},
            {"name": "Thanh Hóa", "evidence": span("Thanh Hóa"), "confidence": 0.95},
        ],
        "people": [
            {
                "name": "Hoàng Trung Hải",
                "titles": ["Bí thư Thành ủy Hà Nội"],
                "locality": "Hà Nội",
                "evidence": span("Hoàng Trung Hải"),
                "confidence": 0.9,
            }
        ],
        "investments": [
            {
                "investor": "Hà Nội",
                "host": "Thanh Hóa",
                "projects": 65,
                "capital_vnd": capital,
                "qualifier": "exact",
                "evidence": span("65 dự án"),
                "confidence": 0.85,
            }
        ],
        "grants": [
            {
                "donor": "Hà Nội",
                "recipient": "Thanh Hóa",
                "amount_vnd": 3_000_000_000,
                "purpose": None,
                "evidence": span("3 tỷ đồng"),
                "confidence": 0.9,
            }
        ],
        "commitment_counts": [],
        "fields": [{"code": "tourism", "evidence": span("hội nghị"), "confidence": 0.6}],
    }
    return text, facts


@pytest.fixture
def thanhhoa_report():
    """Return `make_report`: a short report of the Hà Nội – Thanh Hóa conference and its facts.

    `capital` sets the reported capital so that two reports can disagree.
    """
    return make_report
