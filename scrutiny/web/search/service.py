"""Search: keyword, semantic, or both fused by reciprocal rank fusion (k = 60).

    from scrutiny.web.search.service import search
    hits = search("EHCP timeliness", mode="hybrid", limit=10, council="leicestershire")

Every hit is a public passage (exempt items and personal data are kept out of the index:
`indexing.py`) with its paper, page, lines, meeting, committee and a highlighted snippet.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, dataclass, field

from ..record.models import Committee, Council, citation_url
from .backends import keyword_backend
from .indexing import KIND_LABELS
from .models import SearchEntry
from .text import highlight, query_words, snippet_html, snippet_text
from .vectors import Filters

log = logging.getLogger(__name__)

MODES = ("hybrid", "keyword", "semantic")
RRF_K = 60
# Taken from each list before fusion.  Beyond its first score or so, keyword search on a
# question in other words is mostly passages sharing its common words, which would
# outvote what only the meaning finds (tests/search/queries.json: hybrid recall@10 0.82
# with 50 keyword candidates, 0.87 with 20).
KEYWORD_CANDIDATES = 20
SEMANTIC_CANDIDATES = 50
# Search by meaning always has nearest neighbours, even for "zzqqxxyy" (best cosine 0.24
# on the seeds) or "weather in Spain" (0.15); the passages answering the query set score
# 0.46 and more.  Below this, a passage is not taken to be about the query at all.
SEMANTIC_MIN_SCORE = 0.3
MAX_LIMIT = 100


class SearchError(ValueError):
    """A query the search cannot run (an unknown council, a bad date, ...)."""


@dataclass
class Hit:
    passage_id: int
    document: str
    document_id: int
    source: str
    page: int
    line_start: int
    line_end: int
    snippet: str
    snippet_html: str
    score: float
    url: str
    meeting_date: str | None
    committee: str | None
    council: str | None
    kind: str
    context: str
    matched: list[str] = field(default_factory=list)    # "keyword", "semantic"

    def as_json(self) -> dict:
        return asdict(self)

    @property
    def meeting_date_text(self) -> str:
        """'7 June 2022'"""
        if not self.meeting_date:
            return ""
        d = dt.date.fromisoformat(self.meeting_date)
        return f"{d.day} {d:%B %Y}"


@dataclass
class Results:
    query: str
    mode: str
    hits: list[Hit]
    semantic: bool                # were vectors used?
    note: str = ""


def rrf(lists: list[list[int]], k: int = RRF_K) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: sum over the lists of 1 / (k + rank), rank from 1."""
    scores: dict[int, float] = {}
    for ranked in lists:
        for rank, pk in enumerate(ranked, start=1):
            scores[pk] = scores.get(pk, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def make_filters(council: str | int | None = None, committee: str | int | None = None,
                 date_from: dt.date | str | None = None, date_to: dt.date | str | None = None,
                 kind: str | None = None) -> Filters:
    """Filters from slugs, ids or names (council, committee), ISO dates and a kind."""
    f = Filters()
    council_obj = None
    if council not in (None, ""):
        council_obj = _council(council)
        f.council = council_obj.pk
    if committee not in (None, ""):
        qs = Committee.objects.all()
        if council_obj is not None:
            qs = qs.filter(council=council_obj)
        c = (qs.filter(pk=int(committee)).first() if str(committee).isdigit()
             else qs.filter(slug=committee).first() or qs.filter(name__iexact=committee).first())
        if c is None:
            raise SearchError(f"no committee {committee!r}")
        f.committee = c.pk
    for name in ("date_from", "date_to"):
        value = locals()[name]
        if value in (None, ""):
            continue
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                raise SearchError(f"{name.replace('_', ' ')}: {value!r} is not a date "
                                  f"(YYYY-MM-DD)") from None
        setattr(f, name, value.toordinal())
    if kind not in (None, ""):
        if kind not in KIND_LABELS:
            raise SearchError(f"no kind of document {kind!r} (one of {', '.join(KIND_LABELS)})")
        f.kind = kind
    return f


def _council(value) -> Council:
    qs = Council.objects.all()
    c = (qs.filter(pk=int(value)).first() if str(value).isdigit()
         else qs.filter(slug=value).first() or qs.filter(name__iexact=value).first())
    if c is None:
        raise SearchError(f"no council {value!r}")
    return c


def semantic_ranking(query: str, filters: Filters, limit: int) -> list[tuple[int, float]] | None:
    """None when semantic search is unavailable (no model, or no vectors stored)."""
    from .indexing import semantic_enabled
    if not semantic_enabled():
        return None
    from .vectors import embed_query, get_store
    store = get_store()
    if not len(store):
        return None
    return [(pk, score) for pk, score in store.search(embed_query(query), limit, filters)
            if score >= SEMANTIC_MIN_SCORE]


def search(query: str, *, mode: str = "hybrid", limit: int = 10, offset: int = 0,
           filters: Filters | None = None, **filter_args) -> Results:
    if mode not in MODES:
        raise SearchError(f"mode must be one of {', '.join(MODES)}")
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    if filters is None:
        filters = make_filters(**filter_args)
    query = " ".join((query or "").split())[:500]
    if not query:
        return Results(query, mode, [], semantic=False)
    want = offset + limit
    keyword: list[tuple[int, float]] = []
    semantic: list[tuple[int, float]] | None = None
    note = ""
    if mode in ("keyword", "hybrid"):
        keyword = keyword_backend().search(query, filters, max(want, KEYWORD_CANDIDATES)
                                           if mode == "hybrid" else want)
    if mode in ("semantic", "hybrid"):
        semantic = semantic_ranking(query, filters, max(want, SEMANTIC_CANDIDATES)
                                    if mode == "hybrid" else want)
        if semantic is None:
            note = "Search by meaning is not available here: results match the words only."
            if mode == "semantic":
                keyword = keyword_backend().search(query, filters, want)
    if mode == "hybrid" and semantic is not None:
        ranked = rrf([[pk for pk, _ in keyword], [pk for pk, _ in semantic]])
    elif mode == "semantic" and semantic is not None:
        ranked = semantic
    else:
        ranked = keyword
    page = ranked[offset:want]
    hits = hydrate(query, page, keyword_ids={pk for pk, _ in keyword},
                   semantic_ids={pk for pk, _ in (semantic or [])})
    return Results(query, mode, hits, semantic=semantic is not None, note=note)


def hydrate(query: str, ranked: list[tuple[int, float]], keyword_ids: set[int] = frozenset(),
            semantic_ids: set[int] = frozenset()) -> list[Hit]:
    """Hits, in the order of `ranked`, with their papers, meetings and snippets."""
    ids = [pk for pk, _ in ranked]
    if not ids:
        return []
    rows = {r["id"]: r for r in SearchEntry.objects.filter(id__in=ids).values(
        "id", "text", "kind", "context", "date", "document_id", "document__title",
        "document__source_name", "passage__page", "passage__line_start",
        "passage__line_end", "committee__name", "council__name")}
    marked = keyword_backend().snippets(query, [pk for pk in ids if pk in keyword_ids])
    words = query_words(query)
    hits = []
    for pk, score in ranked:
        e = rows.get(pk)
        if e is None:
            continue
        first, last = e["passage__line_start"], e["passage__line_end"]
        snip = marked.get(pk) or highlight(e["text"], words)
        hits.append(Hit(
            passage_id=pk, document=e["document__title"], document_id=e["document_id"],
            source=e["document__source_name"], page=e["passage__page"], line_start=first,
            line_end=last, snippet=snippet_text(snip), snippet_html=snippet_html(snip),
            score=round(float(score), 6), url=citation_url(e["document_id"], first, last),
            meeting_date=e["date"].isoformat() if e["date"] else None,
            committee=e["committee__name"], council=e["council__name"],
            kind=e["kind"], context=e["context"],
            matched=[m for m, s in (("keyword", keyword_ids), ("semantic", semantic_ids))
                     if pk in s]))
    return hits
