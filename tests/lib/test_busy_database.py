"""Many writers on SQLite: transactions wait their turn; a database still busy answers 503."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from django.conf import settings
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import Client

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's locking; PostgreSQL waits on row locks"
)


def _wrapper(path) -> DatabaseWrapper:
    """A connection to the file `path` with the project's SQLite options."""
    db = {**settings.DATABASES["default"], "NAME": str(path)}
    db.setdefault("TEST", {})
    return DatabaseWrapper(db, alias=f"bench-{threading.get_ident()}")


def test_two_read_then_write_transactions_both_succeed(tmp_path, django_db_blocker):
    """With deferred transactions the second writer failed at once ("database is locked":
    its read lock could not be upgraded while the first held the write lock)."""
    path = tmp_path / "busy.sqlite3"
    setup = sqlite3.connect(path)
    setup.execute("CREATE TABLE counter (n INTEGER)")
    setup.execute("INSERT INTO counter VALUES (0)")
    setup.commit()
    setup.close()
    errors: list[BaseException] = []
    both_read = threading.Barrier(2, timeout=10)

    def writer() -> None:
        conn = _wrapper(path)
        try:
            with conn.cursor() as cur:
                cur.execute("PRAGMA journal_mode")  # connect (runs init_command)
            # What transaction.atomic() does: BEGIN (or BEGIN IMMEDIATE) explicitly.
            conn.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
            with conn.cursor() as cur:
                cur.execute("SELECT n FROM counter")
                try:
                    both_read.wait(timeout=1)
                except threading.BrokenBarrierError:
                    pass  # IMMEDIATE: the other writer waits at BEGIN, before reading
                time.sleep(0.2)
                cur.execute("UPDATE counter SET n = n + 1")
            conn.commit()
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=writer) for _ in range(2)]
    with django_db_blocker.unblock():  # our own file, not the test database
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    assert not errors, errors
    check = sqlite3.connect(path)
    assert check.execute("SELECT n FROM counter").fetchone() == (2,)
    assert check.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    check.close()


def test_the_settings_ask_for_immediate_transactions_and_a_wait():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


@pytest.fixture
def locked_grants(transactional_db):
    """Another connection holds a write lock on the grants table (the test database is a
    shared-cache in-memory SQLite, so its locks are per table)."""
    name = connection.settings_dict["NAME"]
    assert "mode=memory" in name and "cache=shared" in name, name
    other = sqlite3.connect(name, uri=True, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM grants_grant")
    yield
    other.execute("ROLLBACK")
    other.close()


def test_a_page_answers_503_with_retry_after_in_the_site_layout(locked_grants):
    response = Client(raise_request_exception=False).get("/grants/")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    body = response.content.decode()
    assert "Cơ sở dữ liệu đang bận" in body and "Server Error" not in body
    assert 'class="site-header"' in body  # the layout, not a bare page


def test_the_api_answers_503_as_json(locked_grants):
    response = Client(raise_request_exception=False).get("/api/v1/grants")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert "đang bận" in response.json()["detail"]
