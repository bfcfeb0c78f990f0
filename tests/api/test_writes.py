"""Writing through the API: tokens, the same permissions as the web, errors naming the field."""

from __future__ import annotations

import json

from django.core.management import call_command

from hoptac.investments.models import InvestmentProject


def _post(client, url, data, headers, method="post"):
    return getattr(client, method)(
        url, json.dumps(data), content_type="application/json", **headers
    )


def test_an_editor_sets_a_commitment_status(client, agreement, alice, token_for):
    c = agreement.commitments.first()
    response = _post(client, f"/api/v1/commitments/{c.pk}/status",
                     {"status": "in_progress", "note": "bắt đầu"}, token_for(alice))  # fmt: skip
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "in_progress"
    assert c.status_changes.get().note == "bắt đầu"


def test_it_refuses_a_viewers_write_with_403(client, agreement, victor, token_for):
    c = agreement.commitments.first()
    response = _post(
        client, f"/api/v1/commitments/{c.pk}/status", {"status": "done"}, token_for(victor)
    )
    assert response.status_code == 403
    assert "quyền" in response.json()["detail"]


def test_it_refuses_writes_without_a_token(client, agreement):
    c = agreement.commitments.first()
    assert (
        _post(client, f"/api/v1/commitments/{c.pk}/status", {"status": "done"}, {}).status_code
        == 401
    )


def test_it_names_the_bad_field_with_422(client, agreement, alice, token_for):
    c = agreement.commitments.first()
    response = _post(
        client, f"/api/v1/commitments/{c.pk}/status", {"status": "finished"}, token_for(alice)
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "status"


def test_a_schema_error_names_the_field_too(client, hanoi, thanhhoa, alice, token_for):
    data = {"name": "X", "origin_id": hanoi.pk, "host_id": thanhhoa.pk, "capital_vnd": "nhiều"}
    response = _post(client, "/api/v1/projects", data, token_for(alice))
    assert response.status_code == 422
    assert "capital_vnd" in json.dumps(response.json())


def test_an_editor_creates_and_updates_a_project(
    client, hanoi_thanhhoa, hanoi, thanhhoa, alice, token_for
):
    headers = token_for(alice)
    data = {"partnership_id": hanoi_thanhhoa.pk, "name": "Nhà máy A", "origin_id": hanoi.pk,
            "host_id": thanhhoa.pk, "capital_vnd": 1_250_500_000_000, "registered_on": "2019-05-01"}  # fmt: skip
    response = _post(client, "/api/v1/projects", data, headers)
    assert response.status_code == 201, response.content
    pk, version = response.json()["id"], response.json()["version"]
    response = _post(client, f"/api/v1/projects/{pk}",
                     {"stage": "licensed", "expected_version": version}, headers, "patch")  # fmt: skip
    assert response.status_code == 200, response.content
    assert InvestmentProject.objects.get(pk=pk).stage_changes.count() == 2
    stale = _post(
        client,
        f"/api/v1/projects/{pk}",
        {"notes": "x", "expected_version": version},
        headers,
        "patch",
    )
    assert stale.status_code == 409


def test_an_unknown_locality_is_named(client, hanoi, alice, token_for):
    data = {"name": "X", "origin_id": hanoi.pk, "host_id": 999999}
    response = _post(client, "/api/v1/projects", data, token_for(alice))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "host_id"


def test_grants_and_activities(client, hanoi_thanhhoa, hanoi, thanhhoa, alice, bob, token_for):
    g = _post(client, "/api/v1/grants", {"partnership_id": hanoi_thanhhoa.pk, "donor_id": hanoi.pk,
              "recipient_id": thanhhoa.pk, "amount_vnd": 3_000_000_000, "given_on": "2019-11-16"},
              token_for(alice))  # fmt: skip
    assert g.status_code == 201 and g.json()["year"] == 2019
    a = _post(client, "/api/v1/activities", {"partnership_id": hanoi_thanhhoa.pk, "kind": "culture_day",
              "title": "Ngày văn hóa", "organiser_id": thanhhoa.pk}, token_for(alice))  # fmt: skip
    assert a.status_code == 403
    a = _post(client, "/api/v1/activities", {"partnership_id": hanoi_thanhhoa.pk, "kind": "culture_day",
              "title": "Ngày văn hóa", "organiser_id": thanhhoa.pk}, token_for(bob))  # fmt: skip
    assert a.status_code == 201


def test_the_command_prints_a_working_token(client, agreement, alice, capsys):
    call_command("api_token", "alice", "script")
    raw = capsys.readouterr().out.strip()
    c = agreement.commitments.first()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert (
        _post(
            client,
            f"/api/v1/commitments/{c.pk}/status",
            {"status": "done", "note": "Đã hoàn thành"},
            headers,
        ).status_code  # fmt: skip
        == 200
    )
