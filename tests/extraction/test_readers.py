"""Readers: every encoding and format the issue names, each file built by the test."""

import unicodedata

import pytest

from hoptac.extraction import UnreadableDocument, extract, read_file

TEXT = "Sáng 30/11, Thành ủy Hà Nội và Tỉnh ủy Hà Tĩnh tổ chức hội nghị hợp tác. Thuỷ, hoà."


def test_it_reads_utf8_unchanged(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(TEXT.encode("utf-8"))
    doc = read_file(f)
    assert doc.text == TEXT and doc.encoding == "utf-8" and not doc.carry_text


def test_it_reads_utf8_with_bom_and_carries_the_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    doc = read_file(f)
    assert doc.text == TEXT and doc.carry_text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_it_reads_utf16_and_utf32(tmp_path, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes(TEXT.encode(encoding))
    assert read_file(f).text == TEXT


TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(s: str) -> bytes:
    """Encode as Vietnamese Windows does: letters with â/ă/ơ/ư precomposed, tones combining."""
    out = []
    for ch in s:
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out.append(base + "".join(c for c in d if c in TONES))
    return "".join(out).encode("cp1258")


def test_it_reads_windows_1258(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(to_cp1258(TEXT * 3))
    doc = read_file(f)
    assert doc.encoding == "cp1258"
    assert unicodedata.normalize("NFC", doc.text) == TEXT * 3
    assert {p["name"] for p in extract(doc.text).to_json()["parties"]} == {"Hà Nội", "Hà Tĩnh"}


def test_nfd_text_keeps_its_offsets(tmp_path):
    nfd = unicodedata.normalize("NFD", TEXT)
    f = tmp_path / "a.txt"
    f.write_bytes(nfd.encode("utf-8"))
    doc = read_file(f)
    assert doc.text == nfd
    ex = extract(doc.text).to_json()
    names = {p["name"] for p in ex["parties"]}
    assert names == {"Hà Nội", "Hà Tĩnh"}
    for p in ex["parties"]:
        for s, e in p["evidence"]:
            assert unicodedata.normalize("NFC", doc.text[s:e]) in ("Hà Nội", "Hà Tĩnh")


def test_it_reads_the_article_body_of_html(tmp_path):
    html = f"""<html><head><meta charset="utf-8"><title>Site</title></head><body>
    <nav><a>Trang chủ</a><a>Hà Giang</a></nav>
    <article><h1>Hà Nội - Hà Tĩnh hợp tác</h1><p>{TEXT}</p>
    <div class="related"><p>Bí thư Tỉnh ủy Điện Biên Trần Văn Sơn thăm Lai Châu</p></div></article>
    <footer>Bản quyền thuộc Báo Điện tử</footer></body></html>"""
    f = tmp_path / "a.html"
    f.write_text(html, encoding="utf-8")
    doc = read_file(f)
    assert doc.format == "html" and doc.carry_text
    assert TEXT in doc.text and doc.text.startswith("Hà Nội - Hà Tĩnh hợp tác")
    assert (
        "Điện Biên" not in doc.text and "Trang chủ" not in doc.text and "Bản quyền" not in doc.text
    )


def test_it_reads_docx(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Hà Nội - Hà Tĩnh hợp tác")
    d.add_paragraph(TEXT)
    f = tmp_path / "a.docx"
    d.save(f)
    doc = read_file(f)
    assert doc.format == "docx" and TEXT in doc.text


def test_it_reads_a_pdf_text_layer(tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    f = tmp_path / "a.pdf"
    weasyprint.HTML(string=f"<p>{TEXT}</p>").write_pdf(f)
    doc = read_file(f)
    assert doc.format == "pdf"
    assert "Hà Tĩnh" in doc.text


def test_a_pdf_without_text_says_it_may_be_scanned_when_ocr_is_off(tmp_path):
    from pypdf import PdfWriter

    from hoptac.extraction import Limits

    w = PdfWriter()
    w.add_blank_page(width=200, height=200)  # a page with no text, as a scanner's image page
    f = tmp_path / "scan.pdf"
    with f.open("wb") as fh:
        w.write(fh)
    with pytest.raises(UnreadableDocument, match="no text layer") as info:
        read_file(f, limits=Limits(ocr=False))
    assert info.value.code == "no_text_layer"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n", "empty"),
        ("bin.txt", bytes(range(256)) * 40, "binary|unknown"),
        ("bad.docx", b"PK\x03\x04 not really a zip", "docx"),
        ("bad.pdf", b"%PDF-1.4 garbage", "PDF|no text"),
        ("old.doc", b"\xd0\xcf\x11\xe0 word 97", "unsupported"),
    ],
)
def test_it_rejects_unreadable_files_with_a_message(tmp_path, name, data, message):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(UnreadableDocument, match=message):
        read_file(f)


def test_a_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadableDocument, match="cannot read"):
        read_file(tmp_path / "nope.txt")
