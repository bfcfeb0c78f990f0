"""The money figures every surface shows, computed once: the dashboard's key figures, its
charts and the annual report call these, so that a key figure is the sum of its chart.

- Support (grants) is counted in the year it was given: its `year`, else the year of
  `given_on`; a grant with neither is "chưa rõ năm" (its own bar, never dropped). Seen from
  one locality, what it gave and what it received are counted apart.
- Registered capital is counted per direction (partnership, investor's side → host side): the
  larger of the sum of the recorded projects and the latest reported total (a report's total
  includes projects not recorded one by one). At the end of a year, the same rule over the
  projects registered and the reports made by then; a direction's last report carries over
  to later years. Undated projects and reports count "to date" only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from hoptac.grants.models import Grant
from hoptac.investments.models import InvestmentProject, InvestmentSnapshot

UNKNOWN_YEAR = None


def grant_year(g: Grant) -> int | None:
    """Return the year a grant counts in, or None when it is not known."""
    if g.year:
        return g.year
    return g.given_on.year if g.given_on else None


@dataclass
class GrantFigures:
    """Support seen from one locality (its family of unit ids): given, received, by year."""

    given: int = 0
    received: int = 0
    by_year: dict[int | None, dict[str, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.given + self.received

    def years(self) -> list[int | None]:
        """Return the years in order, None ("chưa rõ năm") last."""
        known = sorted(y for y in self.by_year if y is not None)
        return known + ([None] if None in self.by_year else [])


def grant_figures(partnership_ids: Iterable[int], family: set[int]) -> GrantFigures:
    """Return the support in these partnerships given and received by the `family` units."""
    out = GrantFigures()
    rows = Grant.objects.filter(partnership_id__in=list(partnership_ids)).only(
        "donor_id", "recipient_id", "amount_vnd", "year", "given_on"
    )
    for g in rows:
        side = "given" if g.donor_id in family else "received" if g.recipient_id in family else ""
        if not side:
            continue
        bucket = out.by_year.setdefault(grant_year(g), {"given": 0, "received": 0})
        bucket[side] += g.amount_vnd
        setattr(out, side, getattr(out, side) + g.amount_vnd)
    return out


def grants_in_year(partnership_ids: Iterable[int], year: int | None) -> list[Grant]:
    """Return the grants that count in `year` (None: those of unknown year)."""
    rows = Grant.objects.filter(partnership_id__in=list(partnership_ids)).select_related(
        "donor", "recipient", "donor__successor", "recipient__successor"
    )
    return [g for g in rows.order_by("given_on", "id") if grant_year(g) == year]


Direction = tuple[int, int, int]  # partnership, origin (investor's side), host


@dataclass
class CapitalFigures:
    """Registered capital and projects, to date and at the end of each year."""

    capital: int = 0
    projects: int = 0
    by_partnership: dict[int, dict[str, int]] = field(default_factory=dict)
    by_year: dict[int, int] = field(default_factory=dict)  # cumulative capital, end of year
    new_by_year: dict[int, int] = field(default_factory=dict)  # capital of new projects

    def years(self) -> list[int]:
        return sorted(self.by_year)


def capital_figures(partnership_ids: Iterable[int]) -> CapitalFigures:
    """Return the capital of these partnerships (see the module's docstring for the rule)."""
    pids = list(partnership_ids)
    projects: dict[Direction, list[tuple[dt.date | None, int]]] = defaultdict(list)
    for p in InvestmentProject.objects.filter(partnership_id__in=pids).only(
        "partnership_id", "origin_id", "host_id", "capital_vnd", "registered_on"
    ):
        key = (p.partnership_id, p.origin_id, p.host_id)
        projects[key].append((p.registered_on, p.capital_vnd or 0))  # type: ignore[index]
    reports: dict[Direction, list[InvestmentSnapshot]] = defaultdict(list)
    for s in InvestmentSnapshot.objects.filter(partnership_id__in=pids).order_by(
        "reported_on", "id"
    ):
        reports[(s.partnership_id, s.origin_id, s.host_id)].append(s)
    out = CapitalFigures()
    years: set[int] = set()
    for rows_of in projects.values():
        for on, cap in rows_of:
            if on:
                years.add(on.year)
                out.new_by_year[on.year] = out.new_by_year.get(on.year, 0) + cap
    for rows in reports.values():
        years |= {s.reported_on.year for s in rows if s.reported_on}
    for key in set(projects) | set(reports):
        capital, count = _to_date(projects.get(key, []), reports.get(key, []), None)
        out.capital += capital
        out.projects += count
        m = out.by_partnership.setdefault(key[0], {"capital": 0, "projects": 0})
        m["capital"] += capital
        m["projects"] += count
    if years:
        for y in range(min(years), max(years) + 1):
            out.by_year[y] = sum(
                _to_date(projects.get(k, []), reports.get(k, []), dt.date(y, 12, 31))[0]
                for k in set(projects) | set(reports)
            )
    return out


def _to_date(
    projects: list[tuple[dt.date | None, int]], reports: list[InvestmentSnapshot],
    end: dt.date | None,
) -> tuple[int, int]:  # fmt: skip
    """Return (capital, projects) of one direction by `end` (None: to date, undated too)."""
    mine = [cap for on, cap in projects if end is None or (on is not None and on <= end)]
    dated = [s for s in reports if end is None or (s.reported_on and s.reported_on <= end)]
    # The latest report: dated ones in date order; an undated one counts only "to date", and
    # then only when there is no dated one (it cannot be placed after them).
    with_dates = [s for s in dated if s.reported_on]
    latest = with_dates[-1] if with_dates else (dated[-1] if dated else None)
    capital = max(sum(mine), (latest.capital_vnd or 0) if latest else 0)
    count = max(len(mine), (latest.projects or 0) if latest else 0)
    return capital, count
