"""Plain text: the layered decoder (BOMs, UTF-16/32 without BOM, UTF-8, Windows-1258, then
charset-normalizer). The text is kept exactly as decoded (NFD stays NFD)."""

from __future__ import annotations

import codecs
import re

from hoptac.extraction.readers.base import UnreadableDocument

_VIET_RE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, name: str = "text") -> tuple[str, str]:
    """Return the text of `data` and the encoding used. Raises UnreadableDocument."""
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):  # fmt: skip
        if data.startswith(bom):
            try:
                return _check(data.decode(enc), name), enc
            except UnicodeDecodeError as e:
                raise UnreadableDocument(
                    f"{name}: broken {enc} text ({e.reason})", code="broken", encoding=enc
                ) from e
    head = data[:4000]
    if len(head) >= 4 and head.count(0) > len(head) // 4:
        # UTF-16 without a BOM: every other byte of Latin text is NUL.
        enc = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        try:
            return _check(data.decode(enc), name), enc
        except UnicodeDecodeError:
            raise UnreadableDocument(f"{name}: binary data, not text", code="binary") from None
    try:
        return _check(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    # Windows-1258 writes tones as combining marks; it decodes almost any byte string, so it is
    # taken only when the result reads as Vietnamese.
    try:
        text = data.decode("cp1258")
        if len(_VIET_RE.findall(text)) >= max(3, len(text) // 200):
            return _check(text, name), "cp1258"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableDocument(f"{name}: binary data or an unknown encoding", code="binary")
    return _check(str(best), name), best.encoding


def _check(text: str, name: str) -> str:
    if len(_CONTROL_RE.findall(text[:20000])) > max(8, len(text[:20000]) // 100):
        raise UnreadableDocument(f"{name}: binary data, not text", code="binary")
    if not text.strip():
        raise UnreadableDocument(f"{name}: no text", code="no_text")
    return text
