"""What a report is made of, independent of the file format: sections of blocks.

A builder returns a `Section`; the DOCX renderer (docx_render.py) and the PDF template
(templates/reports/annual.html) walk the same sections and lay out each kind of block. The
wording (headings, empty-section messages) lives in the builders only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar


@dataclass
class Paragraph:
    text: str
    # "" body text; "placeholder" for the officer to replace; "title" and "note" centred lines
    style: str = ""
    kind: ClassVar[str] = "paragraph"


@dataclass
class Subheading:
    text: str
    kind: ClassVar[str] = "subheading"


@dataclass
class Table:
    head: list[str]
    rows: list[list[str]]
    widths_cm: list[float]  # DOCX column widths; the PDF spreads the columns over the page
    numeric: tuple[int, ...] = ()  # right-aligned columns
    small: bool = False
    kind: ClassVar[str] = "table"


@dataclass
class Chart:
    title: str
    categories: list[str]
    series: list[tuple[str, list[int]]]  # (legend, one value per category)
    kind: ClassVar[str] = "chart"


Block = Paragraph | Subheading | Table | Chart


@dataclass
class Section:
    key: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    empty: str = ""  # said instead when the section has no blocks

    @property
    def content(self) -> list[Block]:
        """Return the blocks, or the empty-section message as one paragraph."""
        if self.blocks or not self.empty:
            return self.blocks
        return [Paragraph(self.empty)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
