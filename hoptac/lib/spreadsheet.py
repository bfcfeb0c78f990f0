"""Spreadsheet cells that carry user text safely: no live formula, nothing XML refuses.

OWASP's rule for CSV injection: a cell whose text starts with = + - @, a tab or a carriage
return is prefixed with an apostrophe, so that Excel or LibreOffice show it as text instead of
running it (`=HYPERLINK(...)` in a grant's purpose reached anonymous users). XLSX text cells
are also written with the string type, never as formulas. The importer takes the apostrophe
off again (`unneutralise`), so an exported file imports back unchanged.
"""

from __future__ import annotations

from typing import Any

from hoptac.lib.validators import xml_safe

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Return the cell value to write: text made inert and XML-safe, other types unchanged."""
    if not isinstance(value, str):
        return value
    value = xml_safe(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unneutralise(value: Any) -> Any:
    """Return a read cell without the apostrophe `neutralise` added."""
    if isinstance(value, str) and value.startswith("'") and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value


def xlsx_cell(ws: Any, value: Any) -> Any:
    """Return a write-only cell for `ws`; text is typed as a string, never a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=neutralise(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell
