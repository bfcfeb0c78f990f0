"""The seam between ingest and the extractor (hoptac.extraction): bytes → text → facts.

Ingest only calls `read_bytes` and `extract_facts`. The extractor's readers explain failures
in English; people here read Vietnamese, so the known reasons are translated (the original
reason follows in brackets) and raised as this module's `UnreadableDocument`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


# (start of the reader's reason, what we tell people)
_REASONS = (
    ("the file is empty", gettext_lazy("Tệp rỗng: không có nội dung để đọc.")),
    ("no text", gettext_lazy("Không tìm thấy chữ nào trong tệp.")),
    ("the document has no text", gettext_lazy("Tài liệu không có chữ nào.")),
    ("binary data", gettext_lazy("Tệp không phải văn bản (dữ liệu nhị phân hoặc bảng mã lạ).")),
    ("broken", gettext_lazy("Văn bản bị hỏng, không giải mã được.")),
    (
        "unsupported format",
        gettext_lazy("Định dạng không được hỗ trợ: hãy dùng .txt, .html, .docx hoặc .pdf."),
    ),
    ("not a valid .docx", gettext_lazy("Tệp DOCX bị hỏng hoặc không phải DOCX.")),
    ("the pdf is encrypted", gettext_lazy("Tệp PDF được mã hóa, không đọc được.")),
    (
        "the pdf has no text layer",
        gettext_lazy("Tệp PDF không có lớp chữ (có thể là bản quét): hãy gửi bản có chữ."),
    ),
    ("not a readable pdf", gettext_lazy("Tệp PDF bị hỏng, không đọc được.")),
    ("the page has no article text", gettext_lazy("Trang HTML không có nội dung bài viết.")),
    ("not readable as html", gettext_lazy("Tệp HTML không đọc được.")),
    ("too large", gettext_lazy("Tệp quá lớn.")),
)


def vietnamese_reason(message: str, filename: str) -> str:
    """Return the reader's reason in Vietnamese, keeping the original in brackets."""
    reason = message.removeprefix(f"{filename}: ")
    low = reason.lower()
    for start, text in _REASONS:
        if low.startswith(start):
            return f"{text} ({reason})"
    return reason


def read_bytes(data: bytes, filename: str) -> ReadResult:
    """Return the text of `data` (named `filename`); raises UnreadableDocument."""
    if not data.strip():
        raise UnreadableDocument(_("Tệp rỗng: không có nội dung để đọc."))
    try:
        doc = extraction.read_bytes(data, filename)
    except extraction.UnreadableDocument as exc:
        raise UnreadableDocument(vietnamese_reason(str(exc), filename)) from exc
    fmt = getattr(doc, "format", "") or Path(filename).suffix.lstrip(".").lower()
    return ReadResult(
        text=doc.text,
        encoding=doc.encoding or "",
        title=(doc.title or "").strip(),
        media_type=MEDIA_TYPES.get(fmt, ""),
        published=getattr(doc, "published", None)
        or (extraction.published_on(data) if fmt == "html" else None),
    )


def extract_facts(text: str, *, source: str, published: dt.date | None) -> dict[str, Any]:
    """Return the extraction JSON (extraction.schema.json) for `text`."""
    return extraction.extract(text, source=source, published=published).to_json()
