"""Accepting an extracted participant keeps the role the text gives."""

from __future__ import annotations

import pytest

from hoptac.documents.appliers import participant_role
from hoptac.documents.models import Document, Fact

pytestmark = pytest.mark.django_db


def _fact(text: str, name: str, **value) -> Fact:
    doc = Document.objects.create(text=text, sha256=str(hash(text)), size=len(text))
    start = text.index(name)
    return Fact(document=doc, kind="person", value={"name": name, **value},
                proposed_value={}, evidence=[[start, start + len(name)]])  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Hội nghị do ông Đinh Tiến Dũng và ông Đỗ Trọng Hưng đồng chủ trì.",
         "Đinh Tiến Dũng", "co_chair"),
        ("Đồng chủ trì hội nghị có ông Nguyễn Văn A, Chủ tịch UBND tỉnh.",
         "Nguyễn Văn A", "co_chair"),
        ("Ông Lê Văn B chủ trì hội nghị. Ông Trần C phát biểu.", "Lê Văn B", "chair"),
        ("Ông Lê Văn B chủ trì hội nghị. Ông Trần C phát biểu.", "Trần C", "speaker"),
        ("Bà Phạm Thị D trình bày báo cáo kết quả hợp tác.", "Phạm Thị D", "reporter"),
        ("Dự hội nghị có ông Hoàng E.", "Hoàng E", ""),
    ],
)  # fmt: skip
def test_it_reads_the_role_the_text_gives(text, name, role):
    assert participant_role(_fact(text, name)) == role


def test_an_explicit_role_wins():
    assert participant_role(_fact("Ông A chủ trì.", "A", role="speaker")) == "speaker"
