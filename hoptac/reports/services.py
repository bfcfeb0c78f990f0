"""Finding what a report is about from names, and producing the file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hoptac.lib import units
from hoptac.localities.models import Locality
from hoptac.localities.services import locality_for
from hoptac.partnerships.services import partnership_find
from hoptac.reports.annual import AnnualReport, annual_report, report_for_locality

FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def resolve_locality(name: str, year: int) -> Locality:
    """Return the unit `name` meant in mid-`year`; ValidationError naming the name otherwise."""
    try:
        return locality_for(name, dt.date(year, 6, 30))
    except (units.UnknownName, units.AmbiguousName, Locality.DoesNotExist) as exc:
        raise ValidationError(
            {"locality": _("Không nhận ra địa phương “%(n)s”: %(e)s") % {"n": name, "e": exc}}
        ) from None


def report_for_names(names: Sequence[str], year: int, **kw) -> AnnualReport:
    """Return the report of the partnership of the named localities, issued by the first."""
    locs = [resolve_locality(n, year) for n in names]
    partnership = partnership_find(locs)
    if partnership is None:
        raise ValidationError(
            {"partners": _("Không có quan hệ hợp tác giữa %(n)s.") % {"n": ", ".join(names)}}
        )
    return annual_report(partnerships=[partnership], year=year, issuer=locs[0], **kw)


def report_for_locality_name(name: str, year: int, **kw) -> AnnualReport:
    """Return the report of the named locality with every partner."""
    return report_for_locality(resolve_locality(name, year), year, **kw)


def render(report: AnnualReport, fmt: str) -> bytes:
    """Return the report rendered as `fmt` ("docx" or "pdf")."""
    if fmt == "docx":
        from hoptac.reports.docx_render import render_docx

        return render_docx(report)
    if fmt == "pdf":
        from hoptac.reports.pdf_render import render_pdf

        return render_pdf(report)
    raise ValidationError({"format": _("Định dạng không hỗ trợ: %(f)s") % {"f": fmt}})


def filename(report: AnnualReport, fmt: str) -> str:
    """Return "bao-cao-2026-haiphong-quangninh.pdf": the year, the issuer, then its partners
    (the issuer alone for a report over several partnerships)."""
    partners = report.partner_slugs if len(report.partner_slugs) == 1 else []
    slug = "-".join([report.issuer_slug, *partners])
    return f"bao-cao-{report.year}-{slug}.{fmt}"
