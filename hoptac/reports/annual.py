"""What the annual evaluation report says, gathered from the records.

`annual_report()` returns an `AnnualReport`: the header data, then one `Section` per builder of
`sections.SECTIONS` (I. to VIII.), the recipients and the annex. The DOCX and PDF renderers walk
the same sections (hoptac/reports/blocks.py). A partnership report covers one partnership; a
locality report covers every partnership of one locality (and of its predecessors or
successors).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from hoptac.localities.models import Locality
from hoptac.partnerships.models import Partnership
from hoptac.reports.blocks import Section
from hoptac.reports.sections import (
    SECTIONS,
    CommitmentRow,
    Year,
    annex,
    kind_name,
    recipients,
    slug,
)

__all__ = [
    "SECTIONS",
    "AnnualReport",
    "annual_report",
    "report_for_locality",
    "report_for_partnership",
]


@dataclass
class AnnualReport:
    year: int
    issuer_body: str  # "ỦY BAN NHÂN DÂN"
    issuer_name: str  # "THÀNH PHỐ HÀ NỘI"
    issuer_short: str  # "UBND" for the number line
    issuer_slug: str  # "hanoi", for the file name
    place: str
    date_on: dt.date
    summary: str
    partners: list[str]  # "tỉnh Thanh Hóa", as named in the text
    partner_slugs: list[str]
    sections: list[Section]  # I. to VIII.
    recipients: list[str]
    annex: Section
    commitments: list[CommitmentRow]

    def section(self, key: str) -> Section:
        """Return the section named `key` ("overview", "fields", ..., "proposals")."""
        return next(s for s in self.sections if s.key == key)


def annual_report(
    *, partnerships: Sequence[Partnership], year: int, issuer: Locality,
    date_on: dt.date | None = None, today: dt.date | None = None,
) -> AnnualReport:  # fmt: skip
    """Gather the report of `year` over `partnerships`, issued by `issuer`'s People's Committee."""
    date_on = date_on or timezone.localdate()
    y = Year(partnerships, year, issuer, date_on, today or timezone.localdate())
    subject = kind_name(issuer, date_on)
    partners = [kind_name(loc, date_on) for loc in y.partners]
    if y.single:
        summary = _("Kết quả hợp tác giữa %(s)s và %(p)s năm %(y)s") % {
            "s": subject, "p": ", ".join(partners), "y": year,
        }  # fmt: skip
    else:
        summary = _("Kết quả hợp tác của %(s)s với các địa phương năm %(y)s") % {
            "s": subject, "y": year,
        }  # fmt: skip
    return AnnualReport(
        year=year,
        issuer_body="ỦY BAN NHÂN DÂN",
        issuer_name=kind_name(y.issuer_then).upper(),
        issuer_short="UBND",
        issuer_slug=slug(y.issuer_then),
        place=y.issuer_then.name,
        date_on=date_on,
        summary=summary,
        partners=partners,
        partner_slugs=[slug(loc) for loc in y.partners],
        sections=[build(y) for build in SECTIONS],
        recipients=recipients(y),
        annex=annex(y, "UBND"),
        commitments=y.commitments,
    )


def sides_of(partnership: Partnership) -> list[Locality]:
    """Return the sides of `partnership`, first side first."""
    return [m.locality for m in partnership.members.select_related("locality").order_by("id")]


def report_for_partnership(
    partnership: Partnership, year: int, *, issuer: Locality | None = None, **kw
) -> AnnualReport:
    """Return the report of one partnership, issued by `issuer` (default: its first side)."""
    sides = sides_of(partnership)
    if issuer is None:
        issuer = sides[0]
    elif issuer.pk not in {s.pk for s in sides}:
        raise ValueError(f"{issuer} is not a side of {partnership}")
    return annual_report(partnerships=[partnership], year=year, issuer=issuer, **kw)


def report_for_locality(locality: Locality, year: int, *, within=None, **kw) -> AnnualReport:
    """Return the report of every partnership of `locality` (and its predecessors/successor).

    `within` limits the partnerships (e.g. to those a web user may read).
    """
    family = Locality.objects.family([locality.pk])
    qs = Partnership.objects.filter(members__locality_id__in=family)
    if within is not None:
        qs = qs.filter(pk__in=within.values("pk"))
    partnerships = list(qs.distinct().order_by("name"))
    return annual_report(partnerships=partnerships, year=year, issuer=locality, **kw)
