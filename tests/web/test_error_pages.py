"""403, 404, 500 and 503 in the site's layout and the user's language, with the reason."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation

from hoptac.partnerships.models import Commitment
from hoptac.web.errors import server_error, service_unavailable

pytestmark = pytest.mark.django_db


def _road():
    return Commitment.objects.get(text__startswith="Xây dựng tuyến đường")


def test_a_refused_post_gets_the_services_reason_in_the_layout(client, bob, programme):
    client.force_login(bob)  # Thanh Hóa's editor; the road is Hà Nội's
    r = client.post(f"/commitments/{_road().pk}/status/", {"status": "in_progress"})
    body = r.content.decode()
    assert r.status_code == 403
    assert 'class="site-header"' in body and "Bạn không có quyền làm việc này" in body
    assert "Hà Nội" in body  # the service's reason names the side
    assert "Forbidden" not in body


def test_an_htmx_refusal_is_a_fragment_with_the_reason(client, victor, programme):
    client.force_login(victor)
    r = client.post(
        f"/commitments/{_road().pk}/status/", {"status": "in_progress"},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    body = r.content.decode()
    assert r.status_code == 403
    assert body.startswith('<p class="htmx-error" role="alert">') and "<html" not in body


def test_the_404_page_is_vietnamese_and_hides_the_url_patterns(client):
    r = client.get("/no-such-page/at/all/")
    body = r.content.decode()
    assert r.status_code == 404
    assert "Không tìm thấy trang" in body and "tried" not in body and "site-header" in body


def test_the_404_page_names_what_was_not_found(client, programme):
    r = client.get("/commitments/999999/")
    assert r.status_code == 404
    assert "Không tìm thấy nội dung cam kết" in r.content.decode()


def test_the_error_pages_follow_the_chosen_language(client):
    client.cookies["django_language"] = "en"
    body = client.get("/no-such-page/at/all/").content.decode()
    assert "Page not found" in body and 'lang="en"' in body


def test_the_500_and_503_pages_render_in_the_layout(rf: RequestFactory, admin_user):
    request = rf.get("/")
    request.user = admin_user
    with translation.override("vi"):
        r = server_error(request)
    assert r.status_code == 500 and "Hệ thống gặp lỗi" in r.content.decode()
    with translation.override("vi"):
        r = service_unavailable(request, "Cơ sở dữ liệu đang bận.")
    assert r.status_code == 503 and r["Retry-After"]
    assert "Cơ sở dữ liệu đang bận." in r.content.decode()
