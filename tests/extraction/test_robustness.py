"""Random and adversarial text: no exception, and time grows linearly with size.

Times are compared with a small input of the same kind, never with absolute seconds.
"""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hoptac.extraction import extract
from hoptac.extraction.lexicon import schema

VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYàáảãạằắẳẵặầấẩẫậ"
ALPHABET = st.sampled_from(list(VIET + " ,.;:-–()[]{}/\n0123456789\u0301\u0300đồngtỷ"))
WORDS = st.sampled_from(
    ["Hà Nội", "Tỉnh ủy", "Bí thư", "Nguyễn Văn", "50.000", "tỷ đồng", "dự án", "Sáng 30/11", "(",
     ")", "Ngày 12-6", "gần", "trao tặng", "đồng chí", "TP.HCM", "(cũ)", "\n", ", ", "Bài liên quan",
     "Đọc thêm", "12 nội dung", "hai mươi lăm", "của doanh nghiệp", "vốn"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=600))
def test_random_characters_never_raise(text):
    out = extract(text).to_json()
    assert out["schema"] == schema()["properties"]["schema"]["const"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=120).map(" ".join))
def test_random_phrases_never_raise_and_spans_stay_inside(text):
    out = extract(text).to_json()
    for key in ("parties", "people", "investments", "grants", "commitment_counts", "fields"):
        for f in out[key]:
            for s, e in f["evidence"]:
                assert 0 <= s < e <= len(text)


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        extract(text)
        best = min(best, time.perf_counter() - t)
    return best


ADVERSARIAL = {
    "capitals": "NGUYỄN VĂN HÀ NỘI TỈNH ỦY BÍ THƯ ",
    "title_case": "Nguyễn Văn Hà Nội Bí Thư Tỉnh Ủy Đồng Chí ",
    "digits_dots": "1.000.000.000,5.5.5.5 1,2,3,4 ",
    "brackets": "((([[[{{{ (cũ) ]]]}}})))",
    "titles": "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch UBND tỉnh, Ủy viên Trung ương Đảng, ",
    "money": "gần năm trăm hai mươi lăm nghìn tỷ triệu đồng ",
    "dashes": "Hà Nội – Hải Phòng – Quảng Ninh – ",
}


def test_cost_is_linear_on_adversarial_text():
    for name, unit in ADVERSARIAL.items():
        small = unit * (2_000 // len(unit) + 1)
        big = unit * (200_000 // len(unit) + 1)
        ratio = (_seconds(big) / max(_seconds(small), 1e-4)) / (len(big) / len(small))
        assert ratio < 5, (name, ratio)


def test_a_one_megabyte_line_is_handled():
    line = ("Thành ủy Hà Nội và Tỉnh ủy Hà Tĩnh hợp tác 12 nội dung, 50.000 tỷ đồng; " * 14_000)[
        :1_000_000
    ]
    assert len(line) == 1_000_000 and "\n" not in line
    out = extract(line).to_json()
    assert {p["name"] for p in out["parties"]} == {"Hà Nội", "Hà Tĩnh"}
