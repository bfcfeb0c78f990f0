"""The admin lists and add forms of every model open for a superuser."""

import pytest
from django.contrib import admin
from django.urls import reverse

MODELS = [m for m in admin.site._registry if m._meta.app_label not in {"auth"}]
# Records the admin lists but never adds: login attempts (django-axes) and API tokens
# (issued by `hoptac api_token`, which shows the secret once).
NO_ADD = {"axes", "accounts.ApiToken"}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_the_changelist_and_add_form_open(client, admin_user, hanoi_thanhhoa, model):
    client.force_login(admin_user)
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    assert client.get(reverse(f"{prefix}_changelist")).status_code == 200
    assert client.get(reverse(f"{prefix}_changelist"), {"q": "Hà"}).status_code == 200
    refused = model._meta.app_label in NO_ADD or model._meta.label in NO_ADD
    assert client.get(reverse(f"{prefix}_add")).status_code == (403 if refused else 200)


def test_deleting_in_the_admin_is_soft(client, admin_user, hanoi_thanhhoa):
    from hoptac.partnerships.models import Partnership

    client.force_login(admin_user)
    url = reverse("admin:partnerships_partnership_delete", args=[hanoi_thanhhoa.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Partnership.objects.filter(pk=hanoi_thanhhoa.pk).exists()
    assert Partnership.all_objects.get(pk=hanoi_thanhhoa.pk).deleted_by == admin_user


def test_labels_are_vietnamese(client, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Quan hệ hợp tác" in page and "Dự án đầu tư" in page
