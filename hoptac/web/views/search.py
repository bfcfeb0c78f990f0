"""The search page: one box, results grouped by kind."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.vary import vary_on_headers

from hoptac.lib.http import HttpRequest
from hoptac.web.search import ensure_index_current, kinds, search


@vary_on_headers("HX-Request")
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind", "")
    results = None
    if query:
        ensure_index_current()
        only = [kind] if kind in kinds() else None
        results = search(query, user=request.user, per_kind=50 if only else 10, kinds=only)
    context = {
        "nav": "search", "search_query": query, "kind": kind,
        "groups": results.groups if results else [], "total": results.total if results else 0,
        "phrase": results.phrase if results else True,
    }  # fmt: skip
    template = "web/search.html#results" if request.htmx else "web/search.html"
    return render(request, template, context)
