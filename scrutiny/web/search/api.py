"""The search endpoint of the API: GET /api/search?q=..."""
from __future__ import annotations

import datetime as dt
from typing import List, Literal, Optional

from ninja import Router, Schema
from ninja.errors import HttpError

from .service import SearchError, search

router = Router(tags=["search"])


class HitOut(Schema):
    document: str
    source: str
    page: int
    line_start: int
    line_end: int
    snippet: str
    snippet_html: str
    score: float
    url: str
    meeting_date: Optional[str]
    committee: Optional[str]
    council: Optional[str]
    kind: str
    passage_id: int


class SearchOut(Schema):
    query: str
    mode: str
    semantic: bool
    hits: List[HitOut]


@router.get("", response=SearchOut, summary="Find passages of the papers")
def search_endpoint(request, q: str, mode: Literal["hybrid", "keyword", "semantic"] = "hybrid",
                    limit: int = 10, offset: int = 0, council: Optional[str] = None,
                    committee: Optional[str] = None, date_from: Optional[dt.date] = None,
                    date_to: Optional[dt.date] = None, kind: Optional[str] = None):
    """Passages in rank order, each with its paper, page and lines, meeting date and
    committee, a snippet with the matching words marked, and `url`: the paper's page
    scrolled to the lines.  Exempt items are never returned."""
    if not 1 <= limit <= 100:
        raise HttpError(422, "limit must be between 1 and 100")
    if not 0 <= offset <= 1000:
        raise HttpError(422, "offset must be between 0 and 1000")
    try:
        r = search(q, mode=mode, limit=limit, offset=offset, council=council,
                   committee=committee, date_from=date_from, date_to=date_to, kind=kind)
    except SearchError as exc:
        raise HttpError(422, str(exc)) from None
    return {"query": r.query, "mode": r.mode, "semantic": r.semantic, "hits": r.hits}
