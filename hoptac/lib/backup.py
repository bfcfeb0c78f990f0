"""Backups of the database: SQLite's online backup API, pg_dump/pg_restore for PostgreSQL.

A SQLite backup is a consistent copy taken while the site runs (pages are copied under
SQLite's own locking, so writers only wait a moment); a PostgreSQL backup is pg_dump's custom
format. Restoring overwrites the configured database with the file's content, whichever
engine made it must match the configured one. Uploaded files (MEDIA_ROOT) are not in the
database: docs/deploy.md says how to back them up beside.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    """Why a backup or restore could not be done (shown to the operator as is)."""


def database_backup(path: Path) -> str:
    """Write the configured database to `path`; return the engine ("sqlite" or "postgresql")."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    vendor = connection.vendor
    if vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"])
    else:
        raise BackupError(f"backups are not supported for the {vendor} engine")
    os.replace(partial, path)
    return vendor


def database_restore(path: Path) -> str:
    """Replace the configured database's content with the backup at `path`; return the engine."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror or exc}") from None
    vendor = connection.vendor
    made_by = (
        "sqlite" if head == SQLITE_MAGIC else "postgresql" if head.startswith(PG_MAGIC) else None
    )
    if made_by is None:
        raise BackupError(f"{path} is neither a SQLite database nor a pg_dump custom-format file")
    if made_by != vendor:
        raise BackupError(f"{path} is a {made_by} backup but the configured database is {vendor}")
    if vendor == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        connection.close()  # pg_restore drops tables: our own idle connection must not hold them
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
              "--single-transaction", f"--dbname={connection.settings_dict['NAME']}", str(path)])  # fmt: skip
    return vendor


def _run(args: list[str]) -> None:
    exe = shutil.which(args[0])
    if exe is None:
        raise BackupError(
            f"{args[0]} not found: install the PostgreSQL client (apt-get install postgresql-client)"
        )
    s = connection.settings_dict
    env = dict(os.environ)
    for var, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"),
                     ("PGPASSWORD", "PASSWORD"), ("PGDATABASE", "NAME")):  # fmt: skip
        if s.get(key):
            env[var] = str(s[key])
    done = subprocess.run([exe, *args[1:]], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
