"""IATI activity XML 2.03: an activity per agreement and per investment project.

Agreements: parties as participating organisations, commitments as results (with a
qualitative indicator holding the status), grants of the partnership as transactions in VND.
Projects: investor and localities as participating organisations, capital as a commitment
transaction. Only records the user may read are exported.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from django.utils import timezone
from lxml import etree

from hoptac.grants.models import Grant
from hoptac.lib.registers import registers
from hoptac.lib.validators import xml_safe

PUBLISHER_REF = "VN-HOPTAC"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
GOVERNMENT = "10"
STAGE_STATUS = {"location_approved": "1", "licensed": "1", "under_construction": "2",
                "operating": "3", "suspended": "6", "revoked": "5"}  # fmt: skip
XSD_DIR = Path(__file__).with_name("xsd")


def _narrative(parent, tag: str, text: str, **attrs) -> etree._Element:
    el = etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    etree.SubElement(el, "narrative").text = xml_safe(text or "") or "—"
    return el


def _org(parent, role: str, name: str) -> None:
    _narrative(parent, "participating-org", name, role=role, type=GOVERNMENT)


def _activity(root, ident: str, title: str, description: str, updated: dt.datetime):
    act = etree.SubElement(root, "iati-activity", {
        "last-updated-datetime": updated.isoformat(timespec="seconds"),
        XML_LANG: "vi", "default-currency": "VND",
    })  # fmt: skip
    etree.SubElement(act, "iati-identifier").text = f"{PUBLISHER_REF}-{ident}"
    _narrative(act, "reporting-org", "hoptac", ref=PUBLISHER_REF, type=GOVERNMENT)
    _narrative(act, "title", title)
    _narrative(act, "description", description, type="1")
    return act


def _transaction(
    act, code: str, on: dt.date, amount: int, text: str, provider: str, receiver: str
) -> None:
    tr = etree.SubElement(act, "transaction")
    etree.SubElement(tr, "transaction-type", code=code)
    etree.SubElement(tr, "transaction-date", {"iso-date": on.isoformat()})
    etree.SubElement(tr, "value", {"currency": "VND", "value-date": on.isoformat()}).text = str(
        amount
    )
    if text:
        _narrative(tr, "description", text)
    _narrative(tr, "provider-org", provider)
    _narrative(tr, "receiver-org", receiver)


def build(user, filters=None) -> etree._Element:
    """Return the <iati-activities> element for what `user` may read."""
    root = etree.Element("iati-activities", {
        "version": "2.03", "generated-datetime": timezone.now().isoformat(timespec="seconds"),
    })  # fmt: skip
    agreements = (
        registers()["agreements"].rows(user, filters)
        .prefetch_related("partnership__members__locality", "commitments")
    )  # fmt: skip
    for a in agreements:
        p = a.partnership
        act = _activity(root, f"AGR-{a.pk}", a.title, f"{a.get_kind_display()}: {p}", a.updated_at)
        for m in p.members.all():
            _org(act, "2", f"UBND {m.locality.display_name()}")
        etree.SubElement(act, "activity-status", code="2")
        start = a.signed_on or (dt.date(a.period_start, 1, 1) if a.period_start else None)
        etree.SubElement(act, "activity-date", {
            "type": "2" if a.signed_on else "1",
            "iso-date": (start or a.created_at.date()).isoformat(),
        })  # fmt: skip
        if a.period_end:
            etree.SubElement(
                act, "activity-date", {"type": "3", "iso-date": f"{a.period_end}-12-31"}
            )
        etree.SubElement(act, "recipient-country", code="VN", percentage="100")
        grants = Grant.objects.filter(partnership=p).select_related("donor", "recipient")
        if a.meeting_id:
            grants = grants.filter(meeting_id=a.meeting_id)
        for g in grants.order_by("given_on", "id"):
            on = g.given_on or (dt.date(g.year, 12, 31) if g.year else None)
            if on:
                _transaction(act, "3", on, g.amount_vnd, g.purpose,
                             g.donor.display_name(), g.recipient.display_name())  # fmt: skip
        for c in a.commitments.all():
            res = etree.SubElement(act, "result", type="1")
            _narrative(res, "title", c.text or f"Nội dung {c.number}")
            ind = etree.SubElement(res, "indicator", measure="5")
            _narrative(ind, "title", f"Trạng thái: {c.get_status_display()}")
    projects = registers()["projects"].rows(user, filters)
    for pr in projects.iterator(chunk_size=2000):
        act = _activity(root, f"PRJ-{pr.pk}", pr.name,
                        f"Dự án của nhà đầu tư {pr.investor or '—'} tại {pr.host.display_name()}",
                        pr.updated_at)  # fmt: skip
        if pr.investor:
            _org(act, "1", pr.investor)
        _org(act, "3", pr.origin.display_name())
        _org(act, "2", pr.host.display_name())
        etree.SubElement(act, "activity-status", code=STAGE_STATUS.get(pr.stage, "2"))
        started = pr.registered_on or pr.created_at.date()
        etree.SubElement(act, "activity-date", {"type": "2", "iso-date": started.isoformat()})
        etree.SubElement(act, "recipient-country", code="VN", percentage="100")
        if pr.capital_vnd and pr.registered_on:
            _transaction(act, "2", pr.registered_on, pr.capital_vnd, "Vốn đăng ký",
                         pr.investor or pr.origin.display_name(), pr.host.display_name())  # fmt: skip
    return root


def iati_bytes(user, filters=None) -> bytes:
    """Return the IATI XML document as UTF-8 bytes."""
    return etree.tostring(
        build(user, filters), xml_declaration=True, encoding="utf-8", pretty_print=True
    )


@cache
def schema() -> etree.XMLSchema:
    """Return the official IATI 2.03 activity schema kept in the repository."""
    return etree.XMLSchema(etree.parse(str(XSD_DIR / "iati-activities-schema.xsd")))


def validate(data: bytes) -> list[str]:
    """Return the schema errors of an IATI document (empty when valid)."""
    s = schema()
    doc = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    return [] if s.validate(doc) else [str(e) for e in s.error_log]
