"""`hoptac ingest`: folders, the JSON summary, a second run, auto-accept and the acting user."""

from __future__ import annotations

import io
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from hoptac.documents.models import Document, Fact, ReviewState
from hoptac.partnerships.models import Meeting
from tests.documents.conftest import CORPUS

pytestmark = pytest.mark.django_db


def _run(*args: str) -> dict:
    out = io.StringIO()
    call_command("ingest", *args, "--json", stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def test_a_second_run_over_the_samples_says_new_0_and_changes_nothing(admin_user, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)  # with its gold/*.json, which are not documents

    first = _run(str(folder / "000_b6c90f6f35d37686.txt"), str(folder), "--auto-accept")
    state = sorted(Fact.objects.values_list("id", "state", "version"))

    second = _run(str(folder), "--auto-accept")

    assert first["documents"] == {"new": 5, "unchanged": 1, "failed": 0}
    assert first["facts"]["accepted"] > 0 and first["records"]["created"] > 0
    assert second == {
        "documents": {"new": 0, "unchanged": 5, "failed": 0},
        "facts": {"proposed": 0, "accepted": 0},
        "records": {"created": 0, "updated": 0},
        "errors": [],
    }
    assert sorted(Fact.objects.values_list("id", "state", "version")) == state


def test_auto_accept_accepts_only_facts_at_or_above_the_threshold(admin_user, settings):
    settings.HOPTAC_AUTO_ACCEPT_THRESHOLD = 0.8
    summary = _run(str(CORPUS / "001_f55f63b05124dd74.txt"), "--auto-accept")

    accepted = Fact.objects.filter(state=ReviewState.ACCEPTED)
    assert accepted.count() == summary["facts"]["accepted"]
    assert all(f.confidence >= 0.8 for f in accepted)
    assert Fact.objects.filter(state=ReviewState.PROPOSED, confidence__lt=0.8).exists()
    assert Meeting.objects.count() == 1


def test_without_auto_accept_facts_stay_proposed(admin_user):
    summary = _run(str(CORPUS / "002_eb7de53495152f32.txt"), "--published", "2019-08-11")

    assert summary["documents"]["new"] == 1
    assert summary["facts"]["accepted"] == 0 and summary["records"]["created"] == 0
    assert Document.objects.get().published_on.isoformat() == "2019-08-11"
    assert not Fact.objects.exclude(state=ReviewState.PROPOSED).exists()


def test_it_acts_as_the_named_user(admin_user, rita):
    _run(str(CORPUS / "004_1abed37a5f64015d.txt"), "--user", "rita", "--auto-accept")

    assert Document.objects.get().created_by == rita
    assert Meeting.objects.get().created_by == rita


def test_it_refuses_to_run_without_a_superuser_or_user(db):
    with pytest.raises(CommandError, match="superuser"):
        call_command("ingest", str(CORPUS), stdout=io.StringIO())


def test_it_refuses_a_bad_publication_date(admin_user):
    with pytest.raises(CommandError, match="--published"):
        call_command("ingest", str(CORPUS), "--published", "12/06/2019", stdout=io.StringIO())


def test_it_prints_a_vietnamese_summary_and_a_progress_bar(admin_user, tmp_path):
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Tài liệu số {n}: Hà Nội và Thanh Hóa", "utf-8")
    out, err = io.StringIO(), io.StringIO()

    call_command("ingest", str(tmp_path), "--verbosity", "2", stdout=out, stderr=err)

    assert "Tài liệu: 3 mới, 0 không đổi, 0 lỗi." in out.getvalue()
    assert "3/3" in err.getvalue()
