"""An accepted activity fact becomes an Activity of the partnership, with its source."""

import pytest

from hoptac.activities.models import Activity
from hoptac.documents.models import Fact, FactKind
from hoptac.documents.records import sources_of
from hoptac.documents.services import document_ingest, fact_accept
from tests.documents.conftest import SAMPLES

pytestmark = pytest.mark.django_db


def test_accepting_the_fairs_of_the_ha_nam_sample_records_an_activity(admin_user):
    path = next(p for p in SAMPLES if p.name.startswith("003_"))
    document = document_ingest(data=path.read_bytes(), filename=path.name, by=admin_user).document
    fair = next(
        f for f in Fact.objects.filter(document=document, kind=FactKind.ACTIVITY)
        if f.value.get("count") == 15
    )  # fmt: skip

    fact_accept(fact=fair, by=admin_user)

    activity = Activity.objects.get()
    assert (activity.kind, activity.count) == ("trade_fair", 15)
    assert {loc.name for loc in activity.partnership.localities.all()} == {"Hà Nội", "Hà Nam"}
    assert [s.fact for s in sources_of(activity)] == [fair]
