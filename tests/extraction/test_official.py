"""Official documents: the document as an agreement with its numbered items, leads and due dates.

The dev-official set must reach official core >= 0.95; documents written for these tests
(unseen_official/, gold written before the extractor was run on them) >= 0.85.
"""

import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from hoptac.extraction import extract

from .helpers import facts

ROOT = Path(__file__).resolve().parents[2]
DEV_OFFICIAL = ROOT / "corpus" / "dev-official"
UNSEEN_OFFICIAL = Path(__file__).with_name("unseen_official")


def _official_core(folder: Path, tmp_path: Path) -> float:
    spec = importlib.util.spec_from_file_location("corpus_score", ROOT / "corpus" / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    for gold in sorted((folder / "gold").glob("*.json")):
        text = (folder / f"{gold.stem}.txt").read_text(encoding="utf-8")
        out = extract(text, source=f"{gold.stem}.txt").to_json()
        (tmp_path / gold.name).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert score.main([str(folder / "gold"), str(tmp_path), "--text-dir", str(folder)]) == 0
    last = buf.getvalue().strip().splitlines()[-1]
    assert last.startswith("official core"), last
    return float(last.split()[-1])


@pytest.mark.parametrize(
    ("folder", "at_least"), [(DEV_OFFICIAL, 0.95), (UNSEEN_OFFICIAL, 0.85)], ids=["dev", "unseen"]
)
def test_official_core(folder, at_least, tmp_path):
    assert _official_core(folder, tmp_path) >= at_least


PLAN = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH NGHỆ AN | Độc lập - Tự do - Hạnh phúc
Số: 15/KH-UBND | Nghệ An, ngày 8 tháng 1 năm 2024

KẾ HOẠCH
Thực hiện hợp tác giữa tỉnh Nghệ An và tỉnh Hà Tĩnh năm 2024

I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa các nội dung đã ký kết.
II. NHIỆM VỤ
STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian
I | LĨNH VỰC KINH TẾ
1 | Tổ chức hội chợ nông sản tại Hà Tĩnh; kinh phí 500 triệu đồng từ ngân sách tỉnh | Sở Công Thương | Sở NN&PTNT tỉnh Hà Tĩnh | Quý II/2024
2 | Khảo sát tuyến du lịch biển | Sở VHTT&DL | Thường xuyên
III. TỔ CHỨC THỰC HIỆN
1. Giao Sở KH&ĐT làm đầu mối, báo cáo trước ngày 15/12/2024.

Nơi nhận: | KT. CHỦ TỊCH
- UBND tỉnh Hà Tĩnh; | PHÓ CHỦ TỊCH
- Lưu: VT. | Hoàng Văn Nhân
"""


def _doc(text: str) -> dict:
    out = facts(text)
    (doc, *_cited) = out["agreements"]
    return {"out": out, "doc": doc}


def test_a_plan_with_a_task_table():
    got = _doc(PLAN)
    doc, out = got["doc"], got["out"]
    assert (doc["kind"], doc["number"], doc["signed_on"]) == ("plan", "15/KH-UBND", "2024-01-08")
    assert (doc["period_from"], doc["period_to"]) == (2024, 2024)
    items = [(i["number"], i["due"]) for i in doc["items"]]
    # Purpose points and the group row "I" are not items; a missing partner cell is fine.
    assert items == [("1", "2024-06"), ("2", None), ("1", "2024-12-15")]
    first = doc["items"][0]
    assert first["leads"] == [{"locality": "Nghệ An", "agency": "Sở Công Thương"}]
    assert {"locality": "Hà Tĩnh", "agency": "Sở NN&PTNT"} in first["partners"]
    assert doc["items"][1]["leads"] == [{"locality": "Nghệ An", "agency": "Sở VHTT&DL"}]
    assert doc["items"][2]["leads"] == [{"locality": "Nghệ An", "agency": "Sở KH&ĐT"}]
    # A budget in a row is not a grant; the plan's signer takes part in nothing.
    assert out["grants"] == [] and out["people"] == []
    assert out["event_date"] == "2024-01-08"
    assert doc["signatories"][0]["name"] == "Hoàng Văn Nhân"


NOTICE = """TỈNH ỦY ĐIỆN BIÊN | ĐẢNG CỘNG SẢN VIỆT NAM
Số 40-TB/TU | Điện Biên, ngày 20 tháng 5 năm 2023

THÔNG BÁO
KẾT LUẬN HỘI NGHỊ HỢP TÁC GIỮA TỈNH ĐIỆN BIÊN VÀ THÀNH PHỐ HẢI PHÒNG

Ngày 12/5/2023, tại thành phố Điện Biên Phủ, Ban Thường vụ Tỉnh ủy Điện Biên và Ban Thường vụ Thành ủy Hải Phòng tổ chức Hội nghị hợp tác. Hai bên thống nhất:
1. Hợp tác phát triển du lịch
a) Xây dựng tour "Hải Phòng - Điện Biên Phủ"; Sở Du lịch thành phố Hải Phòng chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch tỉnh Điện Biên, hoàn thành trong năm 2023.
b) Thành phố tiếp tục hỗ trợ đào tạo cán bộ
cho tỉnh; hằng năm tổng kết.
2. Giao Văn phòng Tỉnh ủy Điện Biên và Văn phòng Thành ủy Hải Phòng làm đầu mối theo dõi.
"""


def test_a_notice_dates_the_conference_and_reads_sub_items():
    got = _doc(NOTICE)
    doc, out = got["doc"], got["out"]
    assert doc["kind"] == "conclusion_notice" and doc["number"] == "40-TB/TU"
    assert doc["signed_on"] == "2023-05-20" and out["event_date"] == "2023-05-12"
    assert [i["number"] for i in doc["items"]] == ["1", "a", "b", "2"]
    a, b = doc["items"][1], doc["items"][2]
    assert a["leads"] == [{"locality": "Hải Phòng", "agency": "Sở Du lịch"}]
    assert a["partners"] == [{"locality": "Điện Biên", "agency": "Sở Văn hóa, Thể thao và Du lịch"}]
    assert a["due"] == "2023"
    # A line break inside a sentence continues the item; "hằng năm" has no due.
    assert b["text"].endswith("cho tỉnh; hằng năm tổng kết.") and b["due"] is None
    assert {(x["locality"], x["agency"]) for x in doc["items"][3]["leads"]} == {
        ("Điện Biên", "Văn phòng Tỉnh ủy"),
        ("Hải Phòng", "Văn phòng Thành ủy"),
    }


def test_cited_agreements_have_no_items_and_laws_are_not_agreements():
    text = PLAN.replace(
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
        "Căn cứ Thỏa thuận hợp tác số 07/TTHT ngày 02/3/2021 giữa hai tỉnh giai đoạn 2021 - 2025;\n"
        "I. MỤC ĐÍCH, YÊU CẦU",
    )
    agreements = facts(text)["agreements"]
    assert len(agreements) == 2
    cited = agreements[1]
    assert (cited["kind"], cited["number"], cited["signed_on"]) == (
        "programme", "07/TTHT", "2021-03-02"
    )  # fmt: skip
    assert (cited["period_from"], cited["period_to"], cited["items"]) == (2021, 2025, [])


def test_news_is_not_an_official_document():
    out = facts("Hà Nội và Sơn La ký kết hợp tác\n\nSáng 3/4, hai bên ký Biên bản hợp tác.")
    assert all(a["items"] == [] for a in out["agreements"])
