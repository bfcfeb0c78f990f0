"""The partnership page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_it_shows_the_programme(client, programme):
    body = client.get(f"/partnerships/{programme.pk}/").content.decode()
    for text in (
        "Hà Nội",
        "Thanh Hóa",
        "Kết luận hội nghị 12 nội dung",
        "Xây dựng tuyến đường",
        "45.500 tỷ đồng",
        "công tác an sinh xã hội",
        "Chưa triển khai: 2",
    ):
        assert text in body, text
    assert "/reports/annual/" in body and f'value="{programme.pk}"' in body


def test_it_links_a_figure_to_its_source(client, admin_user, programme):
    from django.contrib.contenttypes.models import ContentType

    from hoptac.documents.models import Document, Fact, RecordSource
    from hoptac.grants.models import Grant

    doc = Document.objects.create(sha256="a" * 64, original=b"x", size=1, title="Báo Thanh Hóa")
    fact = Fact.objects.create(document=doc, kind="grant", value={}, proposed_value={})
    grant = Grant.objects.get()
    RecordSource.objects.create(content_type=ContentType.objects.get_for_model(Grant),
                                object_id=grant.pk, fact=fact, document=doc)  # fmt: skip
    body = client.get(f"/partnerships/{programme.pk}/").content.decode()
    assert f"#fact-{fact.pk}" in body


def test_it_offers_edit_links_to_an_editor_only(client, alice, victor, programme):
    client.force_login(victor)
    assert "/meetings/new/" not in client.get(f"/partnerships/{programme.pk}/").content.decode()
    client.force_login(alice)
    assert "/meetings/new/" in client.get(f"/partnerships/{programme.pk}/").content.decode()
