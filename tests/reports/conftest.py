"""A year of cooperation between Hà Nội and Thanh Hóa, built with the services."""

from __future__ import annotations

import datetime as dt

import pytest

from hoptac.activities.services import activity_create
from hoptac.grants.services import grant_create
from hoptac.investments.services import project_create, project_set_stage, snapshot_create
from hoptac.partnerships.services import (
    agreement_create,
    commitment_add_note,
    commitment_set_status,
    commitment_update,
    meeting_create,
    request_answer,
    request_create,
)

BILLION = 10**9


@pytest.fixture
def year_2019(hanoi_thanhhoa, admin_user, hanoi, thanhhoa):
    """Return the partnership with a 2019 conference, snapshot, grants, agreement and more."""
    p, by = hanoi_thanhhoa, admin_user
    meeting = meeting_create(
        partnership=p, by=by, title="Hội nghị hợp tác, phát triển giữa Hà Nội và Thanh Hóa",
        held_on=dt.date(2019, 11, 16), place="Thanh Hóa", host=thanhhoa,
    )  # fmt: skip
    snapshot_create(
        partnership=p, by=by, origin=hanoi, host=thanhhoa, reported_on=dt.date(2019, 11, 16),
        meeting=meeting, projects=65, capital_vnd=45_500 * BILLION, qualifier="about",
    )  # fmt: skip
    snapshot_create(
        partnership=p, by=by, origin=hanoi, host=thanhhoa, reported_on=dt.date(2018, 10, 1),
        projects=58, capital_vnd=40_000 * BILLION,
    )  # fmt: skip
    for amount, purpose in (
        (3, "an sinh xã hội"),
        (30, "hỗ trợ giai đoạn trước"),
        (7, "Quỹ Đền ơn đáp nghĩa"),
    ):
        grant_create(
            partnership=p, by=by, donor=hanoi, recipient=thanhhoa, amount_vnd=amount * BILLION,
            purpose=purpose, given_on=dt.date(2019, 11, 16), meeting=meeting,
        )  # fmt: skip
    agreement = agreement_create(
        partnership=p, by=by, kind="minutes", title="Biên bản hợp tác Hà Nội – Thanh Hóa 2019",
        signed_on=dt.date(2019, 11, 16), meeting=meeting, placeholders=12,
    )  # fmt: skip
    c1, c2, c3 = list(agreement.commitments.order_by("number"))[:3]
    commitment_update(c1, by=by, text="Xúc tiến đầu tư vào Khu kinh tế Nghi Sơn", field="investment",
                      due_on=dt.date(2019, 12, 1))  # fmt: skip
    commitment_set_status(commitment=c1, new="done", by=by, note="Đã tổ chức")
    commitment_add_note(commitment=c1, locality=thanhhoa, by=by, text="Đã tổ chức hội nghị xúc tiến.",
                        noted_on=dt.date(2019, 12, 20))  # fmt: skip
    commitment_update(c2, by=by, text="Kết nối tour du lịch Sầm Sơn – Hà Nội", field="tourism",
                      due_on=dt.date(2020, 6, 30))  # fmt: skip
    commitment_set_status(commitment=c2, new="in_progress", by=by)
    commitment_update(c3, by=by, text="Tiêu thụ nông sản an toàn", field="agriculture",
                      due_on=dt.date(2019, 12, 15), responsible=thanhhoa)  # fmt: skip
    proj = project_create(
        by=by, partnership=p, name="Nhà máy xi măng Đồng Lâm", investor="Công ty CP Hà Nội",
        origin=hanoi, host=thanhhoa, capital_vnd=1_250 * BILLION + 500_000_000, stage="licensed",
        registered_on=dt.date(2018, 3, 1), external_id="DA-001",
    )  # fmt: skip
    project_set_stage(project=proj, new="under_construction", by=by, on=dt.date(2019, 5, 1))
    project_create(
        by=by, partnership=p, name="Khu du lịch sinh thái Bến En", origin=hanoi, host=thanhhoa,
        capital_vnd=2_000 * BILLION, stage="location_approved", registered_on=dt.date(2019, 8, 1),
    )  # fmt: skip
    activity_create(
        partnership=p, by=by, kind="culture_day", title="Ngày văn hóa Thanh Hóa tại Hà Nội",
        starts_on=dt.date(2019, 9, 20), place="Hoàng thành Thăng Long", organiser=thanhhoa, count=1,
    )  # fmt: skip
    req = request_create(
        partnership=p, from_locality=thanhhoa, to_locality=hanoi, by=by, made_on=dt.date(2019, 11, 16),
        text="Đề nghị Hà Nội hỗ trợ phát triển Cảng hàng không Thọ Xuân",
    )  # fmt: skip
    request_answer(request=req, by=by, answer="Hà Nội giới thiệu doanh nghiệp quan tâm.")
    return p
