"""A record's evidence is shown by document: "2 tài liệu · 11 dữ kiện", not a link per fact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hoptac.partnerships.models import Partnership

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "dev"


@pytest.fixture
def ingested(admin_user):
    from django.core.management import call_command

    call_command("ingest", str(sorted(SAMPLES.glob("*.txt"))[0]), "--auto-accept", verbosity=0)
    return Partnership.objects.get()


def test_a_record_cites_each_document_once(client, admin_user, ingested):
    client.force_login(admin_user)
    body = client.get(f"/partnerships/{ingested.pk}/").content.decode()
    heading = body[body.index("<h1") : body.index("</h1>")]
    assert len(re.findall(r'class="source-link"', heading)) == 1
    assert "nguồn 2" not in heading


def test_the_record_page_counts_documents_and_facts(client, admin_user, ingested):
    client.force_login(admin_user)
    body = client.get(f"/partnerships/{ingested.pk}/").content.decode()
    meeting = ingested.meetings.first()
    body = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert re.search(r"1 tài liệu · \d+ dữ kiện", body), body[body.find("Nguồn") - 200 :][:800]
    assert body.count("<details>") >= 1
