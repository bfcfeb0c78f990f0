"""Extract cooperation facts from Vietnamese documents, each with its evidence. Django-free.

    from hoptac.extraction import extract, read_file
    doc = read_file("report.docx")
    facts = extract(doc.text, source=doc.name).to_json()

The JSON follows the contract "hoptac.extraction/1" (data/extraction.schema.json).
"""

from hoptac.extraction.api import Extractor, available, extract, get_extractor, register
from hoptac.extraction.model import SCHEMA_ID, Extraction, Fact
from hoptac.extraction.published import published_on
from hoptac.extraction.readers import (
    Document,
    Limits,
    UnreadableDocument,
    read_bytes,
    read_file,
)

__all__ = [
    "SCHEMA_ID",
    "Document",
    "Extraction",
    "Extractor",
    "Fact",
    "Limits",
    "UnreadableDocument",
    "available",
    "extract",
    "get_extractor",
    "published_on",
    "read_bytes",
    "read_file",
    "register",
]
