"""The review pages: queue, document page and its htmx fragments, upload; permissions."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hoptac.accounts.models import Membership, Role
from hoptac.documents.models import Document, FactKind, ReviewState
from hoptac.documents.services import document_ingest
from hoptac.grants.models import Grant
from tests.conftest import locality
from tests.documents.conftest import SAMPLES, fake_extractor

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def document(admin_user, thanhhoa_report):
    text, facts = thanhhoa_report()
    return document_ingest(
        data=text.encode(), filename="a.txt", by=admin_user, extractor=fake_extractor(facts)
    ).document


def test_the_document_page_shows_the_text_with_every_fact_highlighted(client, rita, document):
    client.force_login(rita)
    response = client.get(reverse("documents:detail", args=[document.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    for fact in document.facts.all():
        assert f'id="fact-{fact.pk}"' in html
        assert f'id="span-{fact.pk}-0"' in html
    assert 'class="ev k-grant' in html and "3 tỷ đồng</a>" in html


def test_accepting_through_htmx_returns_the_facts_panel(client, rita, document):
    client.force_login(rita)
    fact = document.facts.get(kind=FactKind.GRANT)

    response = client.post(reverse("documents:fact_accept", args=[fact.pk]), **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="facts-panel"')
    assert "<html" not in html and "Đã chấp nhận" in html
    assert Grant.objects.count() == 1


def test_a_bad_edit_shows_the_field_named_in_vietnamese(client, rita, document):
    client.force_login(rita)
    fact = document.facts.get(kind=FactKind.GRANT)
    data = {"donor": "Hà Nội", "recipient": "Thanh Hóa", "amount_vnd": "ba tỷ", "purpose": ""}

    response = client.post(reverse("documents:fact_edit", args=[fact.pk]), data, **HTMX)

    html = response.content.decode()
    assert 'role="alert"' in html and "Số tiền (đồng): hãy nhập một số nguyên" in html
    assert 'aria-invalid="true"' in html
    fact.refresh_from_db()
    assert fact.value["amount_vnd"] == 3_000_000_000


def test_without_javascript_actions_redirect_back_to_the_fact(client, rita, document):
    client.force_login(rita)
    fact = document.facts.get(kind=FactKind.PERSON)

    response = client.post(reverse("documents:fact_reject", args=[fact.pk]))

    assert response.status_code == 302
    assert response.url.endswith(f"/documents/{document.pk}/#fact-{fact.pk}")
    fact.refresh_from_db()
    assert fact.state == ReviewState.REJECTED


def test_an_editor_of_another_locality_gets_403(client, django_user_model, document):
    eve = django_user_model.objects.create_user("eve", password="eve-pass-123")
    Membership.objects.create(user=eve, locality=locality("Hà Tĩnh"), role=Role.REVIEWER)
    client.force_login(eve)
    fact = document.facts.get(kind=FactKind.GRANT)

    for name in ("documents:fact_accept", "documents:fact_reject", "documents:fact_edit"):
        assert client.post(reverse(name, args=[fact.pk]), **HTMX).status_code == 403
    # the document concerns no side of hers: she may not even read it
    assert client.post(reverse("documents:accept_all", args=[document.pk])).status_code == 404
    fact.refresh_from_db()
    assert fact.state == ReviewState.PROPOSED


def test_the_queue_lists_documents_awaiting_review_by_partner_and_date(client, rita, document):
    client.force_login(rita)
    url = reverse("documents:queue")

    assert document.title in client.get(url).content.decode()
    thanhhoa = locality("Thanh Hóa")
    assert document.title in client.get(url, {"partner": thanhhoa.pk}).content.decode()
    hatinh = locality("Hà Tĩnh")
    assert document.title not in client.get(url, {"partner": hatinh.pk}).content.decode()
    assert document.title not in client.get(url, {"from": "2030-01-01"}).content.decode()
    fragment = client.get(url, **HTMX).content.decode()
    assert fragment.lstrip().startswith('<div id="queue-table"')


def test_the_queue_needs_a_login(client):
    response = client.get(reverse("documents:queue"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_an_editor_uploads_files_and_pasted_text(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("documents:upload"),
        {
            "files": [
                SimpleUploadedFile(SAMPLES[1].name, SAMPLES[1].read_bytes()),
                SimpleUploadedFile("empty.txt", b""),
            ],
            "text": "Hà Nội và Thanh Hóa tổ chức hội nghị hợp tác ngày 16/11/2019.",
            "source_url": "https://example.org/a",
            "published": "2019-12-02",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert Document.objects.count() == 2
    assert "Tệp rỗng" in html
    assert set(Document.objects.values_list("source_url", flat=True)) == {"https://example.org/a"}


def test_an_upload_with_a_bad_url_and_no_file_names_the_fields(client, alice):
    client.force_login(alice)
    response = client.post(reverse("documents:upload"), {"source_url": "ftp:/x", "published": "x"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Tệp tài liệu:" in html and "Đường dẫn nguồn:" in html and "Ngày đăng:" in html
    assert not Document.objects.exists()


def test_a_viewer_cannot_upload(client, victor):
    client.force_login(victor)
    assert client.get(reverse("documents:upload")).status_code == 403
