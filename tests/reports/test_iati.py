"""IATI activity XML 2.03, validated against the official schema in the repository."""

from __future__ import annotations

from django.core.management import call_command
from lxml import etree

from hoptac.reports.exchange.cli import Everyone
from hoptac.reports.iati.build import iati_bytes, validate


def test_the_export_is_valid_iati_2_03(year_2019):
    data = iati_bytes(Everyone())
    assert validate(data) == []
    root = etree.fromstring(data)
    agreement = next(a for a in root if "AGR-" in a.findtext("iati-identifier"))
    assert len(agreement.findall("result")) == 12
    assert len(agreement.findall("participating-org")) == 2
    values = sorted(int(v.text) for v in agreement.findall("transaction/value"))
    assert values == [3 * 10**9, 7 * 10**9, 30 * 10**9]
    assert agreement.find("transaction/value").get("currency") == "VND"
    projects = [a for a in root if "PRJ-" in a.findtext("iati-identifier")]
    assert len(projects) == 2


def test_a_broken_document_fails_the_schema(year_2019):
    root = etree.fromstring(iati_bytes(Everyone()))
    for act in root:
        act.remove(act.find("activity-status"))
    assert validate(etree.tostring(root))


def test_the_command_and_the_web_link(year_2019, tmp_path, client):
    out = tmp_path / "iati.xml"
    call_command("export", "iati", "-o", str(out))
    assert validate(out.read_bytes()) == []
    response = client.get("/reports/iati.xml")
    assert response.status_code == 200 and validate(response.content) == []
