"""The annual report as PDF: the same sections through an HTML template and WeasyPrint."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from hoptac.reports.annual import AnnualReport
from hoptac.reports.blocks import Block, Chart
from hoptac.reports.chart import chart_svg
from hoptac.reports.numbers import admin_date_line


@dataclass
class _Figure:
    """A chart drawn as SVG, for the template."""

    title: str
    svg: SafeString
    kind: ClassVar[str] = "chart"


def _html_blocks(blocks: list[Block]) -> list[Block | _Figure]:
    return [
        _Figure(b.title, mark_safe(chart_svg(b))) if isinstance(b, Chart) else b  # noqa: S308 - built from escaped parts
        for b in blocks
    ]


def render_html(r: AnnualReport) -> str:
    """Return the report as a standalone HTML page (A4 print styles included)."""
    return render_to_string(
        "reports/annual.html",
        {
            "r": r,
            "date_line": admin_date_line(r.place, r.date_on),
            "sections": [(s.heading, _html_blocks(s.content)) for s in r.sections],
            "annex": _html_blocks(r.annex.content),
        },
    )


def render_pdf(r: AnnualReport) -> bytes:
    """Return the report as PDF bytes."""
    from weasyprint import HTML

    return HTML(string=render_html(r)).write_pdf()
