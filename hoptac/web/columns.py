"""Cells the registers' web lists share: units named for the list's mode, partnerships, money."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _

from hoptac.lib.registers import Column
from hoptac.web.templatetags.web import num, vnd

__all__ = ["loc", "num", "partnership_column", "vnd"]


def loc(attr: str) -> Callable[[Any, Any], str]:
    """Return a cell reader naming the record's unit `attr` as the list's mode names it."""

    def value(obj, ctx) -> str:
        lid = getattr(obj, f"{attr}_id")
        return ctx.units.label(lid, ctx.mode) if lid else "—"

    return value


def partnership_column() -> Column:
    return Column(_("Quan hệ hợp tác"), lambda o, c: o.partnership, "partnership__name")
