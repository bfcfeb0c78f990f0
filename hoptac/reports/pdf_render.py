"""The annual report as PDF: the same content through an HTML template and WeasyPrint."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from hoptac.reports.annual import AnnualReport
from hoptac.reports.chart import chart_svg
from hoptac.reports.numbers import admin_date_line


def render_html(r: AnnualReport) -> str:
    """Return the report as a standalone HTML page (A4 print styles included)."""
    return render_to_string(
        "reports/annual.html",
        {
            "r": r,
            "date_line": admin_date_line(r.place, r.date_on),
            "chart": mark_safe(chart_svg(r.chart)) if r.chart else "",  # noqa: S308 - built from escaped parts
            "multi": len(r.partners) > 1,
        },
    )


def render_pdf(r: AnnualReport) -> bytes:
    """Return the report as PDF bytes."""
    from weasyprint import HTML

    return HTML(string=render_html(r)).write_pdf()
