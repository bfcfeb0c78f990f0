"""The seam between ingest and the extractor (hoptac.extraction): bytes → text → facts.

Ingest only calls `read_bytes` and `extract_facts`. The extractor's readers explain failures
in English with a reason code; people here read Vietnamese, so each code is said in
Vietnamese with its figures (no English tail) and raised as this module's
`UnreadableDocument`. The readers' limits (text cap, ZIP expansion, OCR budgets) come from
the settings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hoptac import extraction

MEDIA_TYPES = {
    "txt": "text/plain",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class UnreadableDocument(Exception):
    """The bytes are not a document we can read; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class ReadResult:
    """The text of a document and what the reader learnt about it."""

    text: str
    encoding: str = ""
    title: str = ""
    media_type: str = ""
    published: dt.date | None = None
    ocr: bool = False  # the text was recognised from a scan
    confidence: float | None = None  # OCR's mean word confidence, 0–1
    headers: str = ""  # page headers and footers, kept out of `text`
    footers: str = ""


# The reader's reason (its `code`) → what we tell people; the figures come from its params.
_MESSAGES: dict[str, Any] = {
    "empty": gettext_lazy("Tệp rỗng: không có nội dung để đọc."),
    "no_text": gettext_lazy("Không tìm thấy chữ nào trong tệp."),
    "binary": gettext_lazy("Tệp không phải văn bản (dữ liệu nhị phân hoặc bảng mã lạ)."),
    "broken": gettext_lazy("Văn bản bị hỏng, không giải mã được."),
    "unsupported": gettext_lazy(
        "Định dạng %(suffix)s không được hỗ trợ: hãy dùng .txt, .html, .docx hoặc .pdf."
    ),
    "not_zip": gettext_lazy("Tệp %(kind)s bị hỏng hoặc không phải %(kind)s."),
    "zip_too_big": gettext_lazy(
        "Tệp nén bung ra quá lớn (giới hạn %(limit)s MB): có thể là bom nén, không đọc."
    ),
    "zip_ratio": gettext_lazy(
        "Một phần của tệp nén tới %(ratio)s lần (giới hạn %(limit)s lần): "
        "có thể là bom nén, không đọc."
    ),
    "too_much_text": gettext_lazy("Tài liệu quá dài: hơn %(limit)s ký tự (giới hạn)."),
    "encrypted": gettext_lazy("Tệp PDF được mã hóa, không đọc được."),
    "bad_pdf": gettext_lazy("Tệp PDF bị hỏng, không đọc được."),
    "no_text_layer": gettext_lazy(
        "Tệp PDF không có lớp chữ (có thể là bản quét) và nhận dạng chữ (OCR) đang tắt: "
        "hãy gửi bản có chữ."
    ),
    "ocr_missing": gettext_lazy(
        "Tệp PDF là bản quét nhưng máy chủ chưa cài Tesseract để nhận dạng chữ (OCR). "
        "Quản trị viên hãy cài bằng lệnh: %(install)s"
    ),
    "ocr_timeout": gettext_lazy(
        "Nhận dạng chữ (OCR) vượt thời gian cho phép (%(seconds)s giây cho mỗi %(what)s, "
        "dừng ở trang %(page)s)."
    ),
    "ocr_no_text": gettext_lazy("Nhận dạng chữ (OCR) không tìm thấy chữ nào trong bản quét."),
    "ocr_failed": gettext_lazy("Nhận dạng chữ (OCR) bị lỗi ở trang %(page)s."),
    "no_article": gettext_lazy("Trang HTML không có nội dung bài viết."),
    "bad_html": gettext_lazy("Tệp HTML không đọc được."),
    "too_large": gettext_lazy("Tệp quá lớn."),
    "cannot_read": gettext_lazy("Không đọc được tệp."),
    "directory": gettext_lazy("Đây là thư mục, không phải tệp."),
}
_WHAT = {"page": gettext_lazy("trang"), "document": gettext_lazy("tài liệu")}


def vietnamese_reason(exc: extraction.UnreadableDocument) -> str:
    """Return the reader's reason in Vietnamese, with its figures, and nothing in English."""
    template = _MESSAGES.get(getattr(exc, "code", ""), gettext_lazy("Không đọc được tệp."))
    params = dict(getattr(exc, "params", {}))
    if "kind" in params:
        params["kind"] = str(params["kind"]).upper()
    if "what" in params:
        params["what"] = str(_WHAT.get(params["what"], params["what"]))
    if "limit" in params and getattr(exc, "code", "") == "zip_too_big":
        params["limit"] = int(params["limit"]) // (1024 * 1024)
    if "limit" in params and getattr(exc, "code", "") == "too_much_text":
        params["limit"] = f"{int(params['limit']):,}".replace(",", ".")
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return str(template).split("%(")[0].rstrip(" (:")


def limits() -> extraction.Limits:
    """Return the readers' limits from the settings (docs/configuration.md)."""
    return extraction.Limits(
        max_text_chars=settings.HOPTAC_MAX_TEXT_CHARS,
        max_unzipped_bytes=settings.HOPTAC_MAX_UNZIPPED_BYTES,
        max_zip_ratio=settings.HOPTAC_MAX_ZIP_RATIO,
        ocr=settings.HOPTAC_OCR,
        ocr_languages=settings.HOPTAC_OCR_LANGUAGES,
        ocr_page_seconds=settings.HOPTAC_OCR_PAGE_SECONDS,
        ocr_document_seconds=settings.HOPTAC_OCR_DOCUMENT_SECONDS,
    )


def read_bytes(data: bytes, filename: str) -> ReadResult:
    """Return the text of `data` (named `filename`); raises UnreadableDocument."""
    if not data.strip():
        raise UnreadableDocument(_("Tệp rỗng: không có nội dung để đọc."))
    try:
        doc = extraction.read_bytes(data, filename, limits=limits())
    except extraction.UnreadableDocument as exc:
        raise UnreadableDocument(vietnamese_reason(exc)) from exc
    fmt = getattr(doc, "format", "") or Path(filename).suffix.lstrip(".").lower()
    return ReadResult(
        text=doc.text,
        encoding=doc.encoding or "",
        title=(doc.title or "").strip(),
        media_type=MEDIA_TYPES.get(fmt, ""),
        ocr=doc.ocr,
        confidence=doc.confidence,
        headers=doc.headers,
        footers=doc.footers,
        published=getattr(doc, "published", None)
        or (extraction.published_on(data) if fmt == "html" else None),
    )


def extract_facts(text: str, *, source: str, published: dt.date | None) -> dict[str, Any]:
    """Return the extraction JSON (extraction.schema.json) for `text`."""
    return extraction.extract(text, source=source, published=published).to_json()
