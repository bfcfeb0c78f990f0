"""A file that cannot be ingested is reported with its reason, stores nothing, stops nothing."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from hoptac.documents.models import Document, Fact
from hoptac.documents.services import document_ingest
from tests.documents.conftest import SAMPLES

pytestmark = pytest.mark.django_db

BAD = {
    "corrupt.docx": (b"PK\x03\x04 this is not really a zip archive", "DOCX bị hỏng"),
    "binary.txt": (bytes(range(256)) * 40, "không phải văn bản"),
    "empty.txt": (b"", "Tệp rỗng"),
    "blank.txt": (b"   \n\n  ", "Tệp rỗng"),
}


@pytest.mark.parametrize("name", BAD)
def test_a_bad_file_gives_its_reason_and_stores_nothing(admin_user, name):
    data, reason = BAD[name]

    result = document_ingest(data=data, filename=name, by=admin_user)

    assert result.status == "failed"
    assert reason in result.message
    assert not Document.all_objects.exists() and not Fact.all_objects.exists()


def test_a_file_over_the_size_limit_is_refused(admin_user, settings):
    settings.HOPTAC_MAX_DOCUMENT_BYTES = 2048
    result = document_ingest(data=b"a" * 4096, filename="big.txt", by=admin_user)

    assert result.status == "failed"
    assert "Tệp quá lớn" in result.message and "giới hạn" in result.message
    assert not Document.all_objects.exists()


def test_bad_files_do_not_stop_the_good_ones(admin_user, tmp_path, settings):
    settings.HOPTAC_MAX_DOCUMENT_BYTES = 64 * 1024
    for name, (data, _reason) in BAD.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "huge.txt").write_bytes(b"x" * (65 * 1024))
    (tmp_path / SAMPLES[0].name).write_bytes(SAMPLES[0].read_bytes())
    out = io.StringIO()

    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path), "--json", stdout=out, stderr=io.StringIO())

    summary = json.loads(out.getvalue())
    assert summary["documents"] == {"new": 1, "unchanged": 0, "failed": 5}
    failed = {e["path"].rsplit("/", 1)[-1]: e["message"] for e in summary["errors"]}
    assert set(failed) == {*BAD, "huge.txt"}
    assert "Tệp quá lớn" in failed["huge.txt"]
    assert Document.objects.count() == 1


def test_a_missing_path_is_reported(admin_user, tmp_path):
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path / "nope.txt"), "--json", stdout=out)

    assert "Không đọc được tệp" in json.loads(out.getvalue())["errors"][0]["message"]
