"""The spreadsheet columns of each register, as its register module declares them.

Each register (`<app>/register.py`) declares its `sheet`: the columns the export writes, with
names beside ids (partnership, agreement, localities, lead agencies) and computed columns
(overdue, stale). The importable registers (projects, commitments, grants, activities) read
back the same columns, so that an exported file imports unchanged; computed columns are
export-only. A register with no declared columns exports every plain field of its model.
"""

from __future__ import annotations

import datetime as dt
import json

from django.db import models

from hoptac.lib.registers import Register, registers
from hoptac.lib.sheets import SheetColumn, Value, model_columns

Column = SheetColumn


def columns_for(reg: Register) -> list[SheetColumn]:
    """Return the columns the export of `reg` writes."""
    return list(reg.sheet) or model_columns(reg.model)


def importable() -> dict[str, Register]:
    """Return the registers a spreadsheet can be imported into."""
    return {slug: r for slug, r in registers().items() if r.importable}


def import_columns(register: str) -> list[SheetColumn]:
    """Return the columns an import of `register` reads (no ID, no computed columns)."""
    reg = importable()[register]
    return [c for c in reg.sheet if c.imported and c.attr != "id"]


def row_of(obj: models.Model, cols: list[SheetColumn], for_csv: bool) -> list[Value]:
    out = []
    for c in cols:
        v = c.export(obj, for_csv)
        if c.kind == "json" or isinstance(v, list | dict):
            v = json.dumps(v, ensure_ascii=False)
        elif isinstance(v, dt.datetime):
            v = v.isoformat() if for_csv else v.replace(tzinfo=None)
        out.append(v)
    return out
