"""The OpenAPI document and docs; every endpoint is described."""

from __future__ import annotations


def test_the_openapi_document_is_served(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/commitments" in response.json()["paths"]


def test_the_interactive_docs_are_served(client, db):
    assert client.get("/api/v1/docs").status_code == 200


def test_every_endpoint_has_a_description(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    missing = [
        f"{method.upper()} {path}"
        for path, ops in paths.items()
        for method, op in ops.items()
        if len((op.get("description") or "").strip()) < 20
    ]
    assert not missing, f"endpoints without a description: {missing}"
