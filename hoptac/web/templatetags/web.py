"""Template helpers of the web pages: money and numbers the Vietnamese way, localities, links."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.urls import NoReverseMatch, reverse

from hoptac.lib.numbers import format_vnd, in_current_language

register = template.Library()


@register.filter
def num(value) -> str:
    """Format an integer with thousands grouped ("69", "1.250")."""
    if value is None or value == "":
        return "—"
    return in_current_language(Decimal(value), 0)


@register.filter
def vnd(value) -> str:
    """Format an amount of đồng: "49.900 tỷ đồng", "1,5 tỷ đồng", "500 triệu đồng"."""
    if value is None or value == "":
        return "—"
    return format_vnd(value)


@register.filter
def loc(locality) -> str:
    """Return the unit's name, "Hà Nam (nay thuộc Ninh Bình)" when it no longer exists."""
    from hoptac.web.queries import locality_label

    return locality_label(locality) if locality is not None else "—"


@register.simple_tag
def document_url(document_id, fact_id=None) -> str:
    """Return the review page of a document (the ingest app's), at the fact when given."""
    try:
        url = reverse("documents:detail", args=[document_id])
    except NoReverseMatch:
        url = reverse("web:documents_link", args=[document_id])
    return f"{url}#fact-{fact_id}" if fact_id else url


@register.simple_tag
def register_menu() -> list[tuple[str, str]]:
    """Return (slug, label) of every register with a list page, for the navigation."""
    from hoptac.lib.registers import registers

    return [(slug, str(r.label)) for slug, r in registers().items() if r.web_list]


@register.filter
def may(user, obj) -> bool:
    """`{% if request.user|may:obj %}`: whether the user may change the record (predicates)."""
    from hoptac.accounts.predicates import may_change

    return may_change(user, obj)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def by_document(sources) -> list[dict]:
    """Group a record's evidence by document, in the order first cited: each group has the
    document, its id, the first fact (to link to), the number of facts and their kinds."""
    groups: dict[int, dict] = {}
    for s in sources or []:
        g = groups.setdefault(
            s.document_id,
            {"document": s.document, "document_id": s.document_id, "fact_id": s.fact_id,
             "facts": 0, "kinds": []},
        )  # fmt: skip
        if s.fact_id:
            g["facts"] += 1
            kind = s.fact.get_kind_display()
            if kind not in g["kinds"]:
                g["kinds"].append(kind)
    return list(groups.values())
