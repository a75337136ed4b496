"""The search page: a GOV.UK form (GET, works without JavaScript) and its results, each
linking to the exact lines of its paper."""
from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import render

from ..record.models import Committee, Council
from .indexing import KINDS
from .service import MODES, SearchError, search

PAGE_SIZE = 20
MODE_LABELS = {"hybrid": "Words and meaning", "keyword": "Exact words",
               "semantic": "Meaning only"}


def search_page(request):
    g = request.GET
    q = " ".join(g.get("q", "").split())[:500]
    form = {k: g.get(k, "").strip() for k in ("council", "committee", "from", "to", "kind")}
    mode = g.get("mode", "hybrid")
    if mode not in MODES:
        mode = "hybrid"
    try:
        page = max(1, min(int(g.get("page", "1")), 5))
    except ValueError:
        page = 1
    errors, results = [], None
    if q:
        try:
            results = search(q, mode=mode, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
                             council=form["council"] or None,
                             committee=form["committee"] or None,
                             date_from=form["from"] or None, date_to=form["to"] or None,
                             kind=form["kind"] or None)
        except SearchError as exc:
            errors.append(str(exc)[0].upper() + str(exc)[1:])
    elif "q" in g:
        errors.append("Enter what you are looking for")

    def page_url(n: int) -> str:
        params = {"q": q, "mode": mode, **{k: v for k, v in form.items() if v}, "page": n}
        return "?" + urlencode(params)

    more = results is not None and len(results.hits) == PAGE_SIZE and page < 5
    committees = Committee.objects.select_related("council").order_by("council__name", "name")
    return render(request, "search/search.html", {
        "q": q, "mode": mode, "form": form, "errors": errors, "results": results,
        "councils": Council.objects.order_by("name"), "committees": committees,
        "kinds": KINDS, "modes": [(m, MODE_LABELS[m]) for m in MODES],
        "page": page, "first_rank": (page - 1) * PAGE_SIZE + 1,
        "last_rank": (page - 1) * PAGE_SIZE + (len(results.hits) if results else 0),
        "next_url": page_url(page + 1) if more else None,
        "prev_url": page_url(page - 1) if page > 1 else None,
    })
