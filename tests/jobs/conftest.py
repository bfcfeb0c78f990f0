"""Jobs queued in the database and run by `hoptac worker --burst`, as in production."""

from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.fixture
def queued(settings):
    """Switch from the immediate backend (the tests' default) to the database queue."""
    settings.HOPTAC_TASKS = "database"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker() -> str:
    """Run `hoptac worker --burst` in this process; return what it printed."""
    import io

    out = io.StringIO()
    call_command("worker", "--burst", "--interval", "0", stdout=out)
    return out.getvalue()


from tests.reports.conftest import year_2019  # noqa: E402, F401 - the 2019 year of Hà Nội – Thanh Hóa


@pytest.fixture(autouse=True)
def _reference_units(request):
    """Load the 97 units again for the tests that run in real transactions: a transactional
    test before them (a browser test, say) empties every table, the data migration's rows too."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        from hoptac.localities.services import localities_load

        localities_load()
