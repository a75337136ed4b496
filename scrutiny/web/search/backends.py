"""Keyword search behind one interface: SQLite FTS5, or PostgreSQL full-text search.

    backend = keyword_backend()           # chosen by the database in use
    backend.search(query, filters, limit) # [(passage id, score)], best first
    backend.snippets(query, ids)          # {passage id: text with marked matches}

A query is the words a person typed.  Both backends first ask for passages holding all of
its words (stopwords, and words no passage holds, left out); when that finds fewer than
asked for, passages holding any of them follow, ranked by BM25 (FTS5) or ts_rank
(PostgreSQL).  "Quoted phrases" must appear as phrases.  Scores are "higher is better".

Ranking reads every passage that matches.  So the any-word query leaves out the words
held by more than COMMON passages, when the query has rarer ones: they weigh little in
bm25, and on a million passages "children" or "care" alone match hundreds of thousands
(bench/search_bench.py: p95 308 ms with them, under 50 ms without).  How many passages
hold a word is counted up to COMMON + 1 by a query that ranks nothing (under a
millisecond).  Below COMMON passages in all, nothing is ever left out.

On SQLite, a query that more than RANK_LIMIT passages match (all holding common words:
"youth justice", "work programme") ranks the newest RANK_LIMIT of them, those of the
papers read last: bm25 costs a microsecond or two a passage, and FTS5 has no index to
rank by.  (Found with ORDER BY rowid DESC, which FTS5 walks without ranking.)
"""
from __future__ import annotations

from django.db import connection

from .text import MARK_END, MARK_START, query_phrases, query_words
from .vectors import Filters, _db_key, current_token

SNIPPET_TOKENS = 40
COMMON = 20_000
RANK_LIMIT = 20_000


def _filter_sql(f: Filters | None, alias: str = "e") -> tuple[str, list]:
    if f is None:
        return "", []
    sql, params = [], []
    if f.council is not None:
        sql.append(f"{alias}.council_id = %s")
        params.append(f.council)
    if f.committee is not None:
        sql.append(f"{alias}.committee_id = %s")
        params.append(f.committee)
    if f.date_from is not None:
        import datetime as dt
        sql.append(f"{alias}.date >= %s")
        params.append(dt.date.fromordinal(f.date_from))
    if f.date_to is not None:
        import datetime as dt
        sql.append(f"{alias}.date <= %s")
        params.append(dt.date.fromordinal(f.date_to))
    if f.kind:
        sql.append(f"{alias}.kind = %s")
        params.append(f.kind)
    return "".join(f" AND {s}" for s in sql), params


_memo: dict[str, tuple[str, dict]] = {}
MEMO_SIZE = 20_000


def memo() -> dict:
    """Word counts and rank bounds of the index as it is now: kept per database while the
    index's token is unchanged (any write to the index changes it)."""
    key, token = _db_key(), current_token()
    held = _memo.get(key)
    if held is None or held[0] != token or len(held[1]) > MEMO_SIZE:
        held = _memo[key] = (token, {})
    return held[1]


class KeywordBackend:
    name = "none"

    def counted(self, match: str, m: dict | None) -> int:
        if m is None:
            return self.count(match)
        k = ("count", match)
        if k not in m:
            m[k] = self.count(match)
        return m[k]

    def plan(self, query: str) -> list[str]:
        """The queries `search` runs, in the backend's language: all of the words held by
        some passage, then (if more than one word) any of the words not too common."""
        words, phrases = query_words(query), query_phrases(query)
        if not words and not phrases:
            return []
        m = memo()
        counts = {w: self.counted(self.all_of([w], []), m) for w in words}
        present = [w for w in words if counts[w]]
        if not present and not phrases:
            return []
        out = [self.all_of(present, phrases)]
        rare = [w for w in present if counts[w] <= COMMON]
        # when every word is common, passages must hold them all (as Lucene's
        # CommonTermsQuery does): any of them would be most of the index
        if len(present) + len(phrases) > 1 and (rare or phrases):
            out.append(self.any_of(rare, phrases))
        return out

    def search(self, query: str, filters: Filters | None = None, limit: int = 50
               ) -> list[tuple[int, float]]:
        plan = self.plan(query)
        if not plan:
            return []
        hits = self._run(plan[0], filters, limit)
        if len(hits) < limit and len(plan) > 1:
            seen = {pk for pk, _ in hits}
            more = [(pk, s) for pk, s in self._run(plan[1], filters, limit + len(hits))
                    if pk not in seen]
            # passages with every word stay ahead of those with only some
            shift = 0.0
            if hits and more:
                shift = min(0.0, min(s for _, s in hits) - more[0][1] - 1e-6)
            hits += [(pk, s + shift) for pk, s in more]
        return hits[:limit]

    def count(self, match: str) -> int:
        """Passages matching, counted up to COMMON + 1."""
        raise NotImplementedError

    # query strings in the backend's own language
    def all_of(self, words: list[str], phrases: list[list[str]]) -> str:
        raise NotImplementedError

    def any_of(self, words: list[str], phrases: list[list[str]]) -> str:
        raise NotImplementedError

    def _run(self, match: str, filters: Filters | None, limit: int) -> list[tuple[int, float]]:
        raise NotImplementedError

    def snippets(self, query: str, ids: list[int]) -> dict[int, str]:
        raise NotImplementedError


class SQLiteFTS5(KeywordBackend):
    """FTS5 with porter stemming; rank = bm25() with the text weighted over the title."""

    name = "sqlite-fts5"
    RANK = "bm25(search_fts, 1.0, 0.15)"

    @staticmethod
    def _quote(word: str) -> str:
        return '"' + word.replace('"', '""') + '"'

    def all_of(self, words, phrases):
        parts = [self._quote(w) for w in words]
        parts += [self._quote(" ".join(p)) for p in phrases if p]
        return " AND ".join(parts)

    def any_of(self, words, phrases):
        parts = [self._quote(w) for w in words]
        parts += [self._quote(" ".join(p)) for p in phrases if p]
        return " OR ".join(parts)

    def newest_bound(self, match: str) -> int | None:
        """When more than RANK_LIMIT passages match, the rowid above which the newest
        RANK_LIMIT of them lie (rowids grow as papers are read); else None."""
        with connection.cursor() as cur:
            cur.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
                        "ORDER BY rowid DESC LIMIT 1 OFFSET %s", [match, RANK_LIMIT])
            row = cur.fetchone()
        return int(row[0]) if row else None

    def _run(self, match, filters, limit):
        if not match:
            return []
        where, params = _filter_sql(filters)
        if not where:
            m = memo()
            if ("bound", match) not in m:
                m[("bound", match)] = self.newest_bound(match)
            bound = m[("bound", match)]
            if bound is not None:
                where, params = " AND f.rowid > %s", [bound]
        sql = (f"SELECT f.rowid, {self.RANK} AS r FROM search_fts f "
               + ("JOIN search_searchentry e ON e.id = f.rowid " if "e." in where else "")
               + f"WHERE search_fts MATCH %s{where} ORDER BY r LIMIT %s")
        with connection.cursor() as cur:
            cur.execute(sql, [match, *params, limit])
            return [(int(pk), -float(r)) for pk, r in cur.fetchall()]

    def count(self, match):
        with connection.cursor() as cur:
            cur.execute("SELECT count(*) FROM (SELECT rowid FROM search_fts "
                        "WHERE search_fts MATCH %s LIMIT %s)", [match, COMMON + 1])
            return cur.fetchone()[0]

    def raw_search(self, plan: list[str], limit: int = 10,
                   bounds: list[int | None] | None = None) -> list[int]:
        """The ranking statements of a `plan` (with their rowid bounds, found beforehand),
        bare: no word counts, filters, join or snippets.  The benchmark's baseline."""
        if not plan:
            return []
        bounds = bounds or [None] * len(plan)
        ids = self.raw(plan[0], limit, bounds[0])
        if len(ids) < limit and len(plan) > 1:
            seen = set(ids)
            ids += [i for i in self.raw(plan[1], limit + len(ids), bounds[1]) if i not in seen]
        return ids[:limit]

    def raw(self, match: str, limit: int = 10, bound: int | None = None) -> list[int]:
        """One plain FTS5 query ordered by its rank."""
        with connection.cursor() as cur:
            cur.execute(f"SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
                        f"{' AND rowid > %s' if bound is not None else ''} "
                        f"ORDER BY {self.RANK} LIMIT %s",
                        [match, *([bound] if bound is not None else []), limit])
            return [r[0] for r in cur.fetchall()]

    def snippets(self, query, ids):
        words = query_words(query)
        phrases = query_phrases(query)
        if not ids or not (words or phrases):
            return {}
        match = self.any_of(words, phrases)
        out: dict[int, str] = {}
        with connection.cursor() as cur:
            for pk in ids:
                cur.execute("SELECT snippet(search_fts, 0, %s, %s, '…', %s) FROM search_fts "
                            "WHERE search_fts MATCH %s AND rowid = %s",
                            [MARK_START, MARK_END, SNIPPET_TOKENS, match, pk])
                row = cur.fetchone()
                if row and MARK_START in (row[0] or ""):
                    out[pk] = row[0]
        return out

    def optimize(self) -> None:
        with connection.cursor() as cur:
            cur.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")


class PostgresFTS(KeywordBackend):
    """tsvector (english) in a generated column with a GIN index; websearch_to_tsquery,
    ts_rank, ts_headline."""

    name = "postgresql"

    def all_of(self, words, phrases):
        parts = list(words) + ['"' + " ".join(p) + '"' for p in phrases if p]
        return " ".join(parts)

    def any_of(self, words, phrases):
        parts = list(words) + ['"' + " ".join(p) + '"' for p in phrases if p]
        return " or ".join(parts)

    def _run(self, match, filters, limit):
        if not match:
            return []
        where, params = _filter_sql(filters)
        sql = ("SELECT e.id, ts_rank(e.tsv, q) AS r FROM search_searchentry e, "
               "websearch_to_tsquery('english', %s) q "
               f"WHERE e.tsv @@ q{where} ORDER BY r DESC, e.id LIMIT %s")
        with connection.cursor() as cur:
            cur.execute(sql, [match, *params, limit])
            return [(int(pk), float(r)) for pk, r in cur.fetchall()]

    def count(self, match):
        with connection.cursor() as cur:
            cur.execute("SELECT count(*) FROM (SELECT 1 FROM search_searchentry e "
                        "WHERE e.tsv @@ websearch_to_tsquery('english', %s) LIMIT %s) s",
                        [match, COMMON + 1])
            return cur.fetchone()[0]

    def snippets(self, query, ids):
        words = query_words(query)
        phrases = query_phrases(query)
        if not ids or not (words or phrases):
            return {}
        opts = (f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_TOKENS}, "
                f"MinWords=15, ShortWord=2, FragmentDelimiter=\" … \", MaxFragments=2")
        with connection.cursor() as cur:
            cur.execute("SELECT e.id, ts_headline('english', e.text, "
                        "websearch_to_tsquery('english', %s), %s) "
                        "FROM search_searchentry e WHERE e.id = ANY(%s)",
                        [self.any_of(words, phrases), opts, list(ids)])
            return {int(pk): s for pk, s in cur.fetchall() if s and MARK_START in s}


def keyword_backend() -> KeywordBackend:
    if connection.vendor == "postgresql":
        return PostgresFTS()
    if connection.vendor == "sqlite":
        return SQLiteFTS5()
    raise RuntimeError(f"no keyword search for the {connection.vendor} database")
