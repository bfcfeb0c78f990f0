"""HTML: the article body (lxml), without navigation, related stories, share bars, footers."""

from __future__ import annotations

import re
import unicodedata

from hoptac.extraction.readers.base import Document, UnreadableDocument

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


def read_html(data: bytes, name: str) -> Document:
    from lxml import etree, html

    try:
        root = html.fromstring(data)
    except (etree.ParserError, ValueError) as e:
        raise UnreadableDocument(f"{name}: not readable as HTML ({e})", code="bad_html") from e
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
        raise UnreadableDocument(f"{name}: the page has no article text", code="no_article")
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
