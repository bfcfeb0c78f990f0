"""`hoptac backup` and `hoptac restore`: a round trip gives back the data as it was."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from hoptac.partnerships.models import Partnership
from hoptac.partnerships.services import partnership_get_or_create

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_backup_restored_gives_back_the_records_as_they_were(
    tmp_path, admin_user, hanoi, thanhhoa, hatinh
):
    kept, _ = partnership_get_or_create(localities=[hanoi, thanhhoa], by=admin_user)
    backup = tmp_path / ("db.sqlite3" if connection.vendor == "sqlite" else "db.pgdump")
    call_command("backup", "-o", str(backup))
    assert backup.stat().st_size > 0
    # After the backup: one partnership renamed, one added.
    Partnership.objects.filter(pk=kept.pk).update(name="đổi tên")
    partnership_get_or_create(localities=[hanoi, hatinh], by=admin_user)

    call_command("restore", str(backup), "--yes")

    assert list(Partnership.objects.values_list("pk", "name")) == [(kept.pk, kept.name)]


def test_a_restore_needs_confirmation_and_a_backup_file(tmp_path, db):
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(not_a_backup))
    with pytest.raises(CommandError, match="neither a SQLite database nor a pg_dump"):
        call_command("restore", str(not_a_backup), "--yes")
    with pytest.raises(CommandError, match="cannot read"):
        call_command("restore", str(tmp_path / "missing.sqlite3"), "--yes")
