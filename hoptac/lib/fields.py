"""Cooperation field codes (data/fields.json, the extraction contract's list). Django-free."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path


@cache
def fields() -> tuple[dict[str, str], ...]:
    """Return the fields in order, each {"code", "vi", "en"}."""
    path = Path(__file__).with_name("data") / "fields.json"
    return tuple(json.loads(path.read_text(encoding="utf-8")))


def field_choices() -> list[tuple[str, str]]:
    """Return (code, Vietnamese label) pairs for model and form choices."""
    return [(f["code"], f["vi"]) for f in fields()]


def field_label(code: str, lang: str = "vi") -> str:
    for f in fields():
        if f["code"] == code:
            return f[lang]
    return code
