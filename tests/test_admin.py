"""The admin lists and add forms of every model open for a superuser."""

import pytest
from django.contrib import admin
from django.urls import reverse

MODELS = [m for m in admin.site._registry if m._meta.app_label not in {"auth"}]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_the_changelist_and_add_form_open(client, rf, admin_user, hanoi_thanhhoa, model):
    client.force_login(admin_user)
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    assert client.get(reverse(f"{prefix}_changelist")).status_code == 200
    assert client.get(reverse(f"{prefix}_changelist"), {"q": "Hà"}).status_code == 200
    # Some records are listed but never added here (login attempts, API tokens issued by
    # `hoptac api_token`, jobs): their admin says so, and the add form is then refused.
    request = rf.get("/admin/")
    request.user = admin_user
    refused = not admin.site._registry[model].has_add_permission(request)
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


# --- the admin writes through the services -------------------------------------------------


def _change(client, model, obj, **data):
    from django.forms.models import model_to_dict

    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    form = client.get(url).context["adminform"].form
    values = {k: ("" if v is None else v) for k, v in model_to_dict(obj).items()
              if k in form.fields}  # fmt: skip
    values.update({"expected_version": obj.version, **data})
    for prefix in (
        "leads",
        "status_changes",
        "stage_changes",
        "participants",
        "members",
        "focal_points",
        "signatories",
        "commitments",
    ):  # empty inline formsets
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            values[f"{prefix}-{name}"] = "0"
    return client.post(url, values)


def test_the_admin_cannot_change_a_commitment_status_without_its_history_row(
    client, admin_user, hanoi_thanhhoa
):
    from hoptac.partnerships.models import Commitment, StatusChange
    from hoptac.partnerships.services import agreement_create, commitment_set_status

    client.force_login(admin_user)
    a = agreement_create(partnership=hanoi_thanhhoa, by=admin_user, kind="minutes", title="BB",
                         placeholders=1)  # fmt: skip
    c = a.commitments.get()
    commitment_set_status(commitment=c, new="done", by=admin_user, note="Đã xong")
    c.refresh_from_db()
    _change(client, Commitment, c, status="planned", text="Sửa nội dung")
    c.refresh_from_db()
    assert c.status == "done" and c.text == "Sửa nội dung"  # the status field is read-only
    url = reverse("admin:partnerships_commitment_changelist")
    client.post(url, {"action": "set_status_planned", "_selected_action": [c.pk]})
    c.refresh_from_db()
    assert c.status == "done"  # done → planned is not an allowed transition
    client.post(url, {"action": "set_status_in_progress", "_selected_action": [c.pk]})
    c.refresh_from_db()
    assert c.status == "in_progress"
    assert list(StatusChange.objects.filter(commitment=c).values_list("new", flat=True)) == [
        "in_progress", "done"]  # fmt: skip


def test_the_admin_changes_a_project_stage_only_with_a_stage_change(
    client, admin_user, hanoi, thanhhoa, hanoi_thanhhoa
):
    from hoptac.investments.models import InvestmentProject
    from hoptac.investments.services import project_create

    client.force_login(admin_user)
    p = project_create(by=admin_user, partnership=hanoi_thanhhoa, name="Nhà máy", origin=hanoi,
                       host=thanhhoa, stage="licensed")  # fmt: skip
    _change(client, InvestmentProject, p, stage="operating")
    p.refresh_from_db()
    assert p.stage == "licensed" and p.stage_changes.count() == 1
    url = reverse("admin:investments_investmentproject_changelist")
    client.post(url, {"action": "set_stage_operating", "_selected_action": [p.pk]})
    p.refresh_from_db()
    assert p.stage == "operating" and p.stage_changes.count() == 2


def test_the_admin_refuses_a_stale_version(client, admin_user, hanoi_thanhhoa):
    from hoptac.partnerships.models import Partnership
    from hoptac.partnerships.services import partnership_update

    client.force_login(admin_user)
    p = hanoi_thanhhoa
    read_at = p.version
    partnership_update(p, by=admin_user, description="Người khác sửa")
    p.refresh_from_db()
    p.version = read_at
    response = _change(client, Partnership, p, description="Bản cũ")
    assert response.status_code == 200 and "người khác sửa" in response.content.decode()
    p.refresh_from_db()
    assert p.description == "Người khác sửa"


def test_renaming_a_person_in_the_admin_updates_its_search_name(client, admin_user, db):
    from hoptac.partnerships.models import Person
    from hoptac.partnerships.services import person_get_or_create

    client.force_login(admin_user)
    person = person_get_or_create(full_name="Nguyễn Văn A", by=admin_user)
    _change(client, Person, person, full_name="Trần Thị Bình")
    person.refresh_from_db()
    assert person.full_name == "Trần Thị Bình" and person.search_name == "tran thi binh"
    assert person_get_or_create(full_name="Trần Thị Bình", by=admin_user).pk == person.pk


def test_the_admin_cannot_change_a_fact_state_without_its_records(client, admin_user, db):
    from hoptac.documents.models import Document, Fact

    client.force_login(admin_user)
    doc = Document.objects.create(sha256="b" * 64, original=b"x", size=1, title="T")
    fact = Fact.objects.create(document=doc, kind="field", value={"code": "tourism"}, evidence=[[0, 1]],
                               proposed_value={"code": "tourism"})  # fmt: skip
    _change(client, Fact, fact, state="accepted")
    fact.refresh_from_db()
    assert fact.state == "proposed"
