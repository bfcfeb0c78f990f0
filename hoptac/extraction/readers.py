"""Readers: files of any common kind → the plain text that facts' offsets refer to.

- .txt: UTF-8 (with or without BOM), UTF-16/32 (with BOM, or the telltale NULs), Windows-1258
  (Vietnamese Windows, decomposed tone marks), and whatever else charset-normalizer recognises.
  The text is kept exactly as decoded (NFD stays NFD): `extract()` maps its offsets back.
- .html: the article body (lxml), without navigation, related stories, share bars, footers.
- .docx (python-docx) and .pdf with a text layer (pypdf); a PDF without one is reported as such.

`Document.carry_text` says whether the JSON must carry "text": whenever the offsets do not
index the file read as plain UTF-8 (another encoding, a BOM, or a converted format).
Anything unreadable raises `UnreadableDocument` with a message for people, never a traceback.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_VIET_RE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class UnreadableDocument(ValueError):
    """The file cannot be turned into text; the message says why."""


@dataclass(frozen=True)
class Document:
    """A document as text: what the offsets index, how it was decoded, what it was."""

    text: str
    name: str
    format: str  # "txt", "html", "docx", "pdf"
    encoding: str | None = None
    title: str | None = None
    carry_text: bool = False


def read_file(path: str | Path) -> Document:
    """Return the document in the file at `path`. Raises UnreadableDocument."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableDocument(f"{p.name}: too large ({size} bytes; limit {MAX_BYTES})")
        data = p.read_bytes()
    except IsADirectoryError as e:
        raise UnreadableDocument(f"{p.name}: is a directory") from e
    except OSError as e:
        raise UnreadableDocument(f"{p.name}: cannot read ({e.strerror or e})") from e
    return read_bytes(data, p.name)


def read_bytes(data: bytes, name: str) -> Document:
    """Return the document in `data`, its kind taken from the file name `name`."""
    if not data.strip():
        raise UnreadableDocument(f"{name}: the file is empty")
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return _html(data, name)
    if suffix == ".docx":
        return _docx(data, name)
    if suffix == ".pdf":
        return _pdf(data, name)
    if suffix in (".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".rtf", ".zip"):
        raise UnreadableDocument(
            f"{name}: unsupported format {suffix} (use .txt, .html, .docx or .pdf)"
        )
    if data[:5] == b"%PDF-":
        return _pdf(data, name)
    if data[:4] == b"PK\x03\x04":
        return _docx(data, name)
    text, encoding = decode(data, name)
    return Document(text, name, "txt", encoding, None, carry_text=encoding != "utf-8")


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
                raise UnreadableDocument(f"{name}: broken {enc} text ({e.reason})") from e
    head = data[:4000]
    if len(head) >= 4 and head.count(0) > len(head) // 4:
        # UTF-16 without a BOM: every other byte of Latin text is NUL.
        enc = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        try:
            return _check(data.decode(enc), name), enc
        except UnicodeDecodeError:
            raise UnreadableDocument(f"{name}: binary data, not text") from None
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
        raise UnreadableDocument(f"{name}: binary data or an unknown encoding")
    return _check(str(best), name), best.encoding


def _check(text: str, name: str) -> str:
    if len(_CONTROL_RE.findall(text[:20000])) > max(8, len(text[:20000]) // 100):
        raise UnreadableDocument(f"{name}: binary data, not text")
    if not text.strip():
        raise UnreadableDocument(f"{name}: no text")
    return text


_DROP_TAGS = (
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "button", "svg", "select", "template",
)  # fmt: skip
_DROP_ATTR_RE = re.compile(
    r"related|relate|lien-quan|tin-khac|comment|share|social|footer|header|menu|(?<![a-z])nav"
    r"|sidebar|tags?(?![a-z])|breadcrumb|advert|banner|(?<![a-z])ads?(?![a-z])|popular|most-read"
    r"|read-more|xem-them|doc-them|toolbar|rating",
    re.IGNORECASE,
)
_ARTICLE_ATTR_RE = re.compile(
    r"article|content|detail|post|entry|story|body|main|chi-tiet|noi-dung", re.I
)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "td", "th",
           "pre", "dd", "dt"}  # fmt: skip


def _html(data: bytes, name: str) -> Document:
    from lxml import etree, html

    try:
        root = html.fromstring(data)
    except (etree.ParserError, ValueError) as e:
        raise UnreadableDocument(f"{name}: not readable as HTML ({e})") from e
    title_el = root.find(".//h1")
    title = None
    if title_el is not None:
        title = " ".join(title_el.text_content().split()) or None
    if not title:
        t = root.find(".//title")
        title = " ".join(t.text_content().split()) if t is not None and t.text_content() else None
    for el in list(root.iter(*_DROP_TAGS)):
        _drop(el)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            _drop(el)
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')}"
        if (
            attrs.strip()
            and _DROP_ATTR_RE.search(attrs)
            and not _ARTICLE_ATTR_RE.fullmatch(attrs.strip())
        ):
            _drop(el)
    article = _article(root)
    blocks: list[str] = []
    for el in article.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCKS:
            continue
        if any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in el.iterdescendants()):
            continue
        line = " ".join(el.text_content().split())
        if line:
            blocks.append(line)
    if not blocks:
        line = " ".join(article.text_content().split())
        blocks = [line] if line else []
    if title and (not blocks or blocks[0] != title):
        blocks.insert(0, title)
    text = unicodedata.normalize("NFC", "\n\n".join(blocks))
    if not text.strip():
        raise UnreadableDocument(f"{name}: the page has no article text")
    return Document(text, name, "html", "html", title, carry_text=True)


def _drop(el) -> None:  # type: ignore[no-untyped-def]
    parent = el.getparent()
    if parent is not None:
        el.drop_tree()


def _article(root):  # type: ignore[no-untyped-def]
    """Return the element holding the article: <article>, else the div richest in paragraphs."""
    arts = root.findall(".//article")
    if arts:
        return max(arts, key=lambda a: len(a.text_content()))
    best, best_len = None, 0
    for el in root.iter("div", "section", "main"):
        n = sum(len(p.text_content()) for p in el.findall("./p"))
        if n > best_len:
            best, best_len = el, n
    if best is not None:
        return best
    body = root.find(".//body")
    return body if body is not None else root


def _docx(data: bytes, name: str) -> Document:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml.etree import XMLSyntaxError

        d = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, XMLSyntaxError) as e:
        raise UnreadableDocument(f"{name}: not a valid .docx file ({e})") from e
    lines = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            lines.append(" | ".join(c.text.strip() for c in row.cells))
    text = unicodedata.normalize("NFC", "\n\n".join(ln.strip() for ln in lines if ln.strip()))
    if not text.strip():
        raise UnreadableDocument(f"{name}: the document has no text")
    title = d.core_properties.title or None
    return Document(text, name, "docx", None, title, carry_text=True)


def _pdf(data: bytes, name: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableDocument(f"{name}: the PDF is encrypted")
        pages = [(page.extract_text() or "") for page in reader.pages]
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AssertionError) as e:
        raise UnreadableDocument(f"{name}: not a readable PDF ({e})") from e
    text = unicodedata.normalize("NFC", "\n\n".join(p.strip() for p in pages if p.strip()))
    if not text.strip():
        raise UnreadableDocument(f"{name}: the PDF has no text layer (scanned PDF?)")
    return Document(text, name, "pdf", None, None, carry_text=True)
