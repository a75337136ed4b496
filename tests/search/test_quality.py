"""Search quality on the seeds alone (as bench/search_quality.py measures it): the
questions of queries.json, worded differently from the papers, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from scrutiny.web.search.quality import evaluate, load_queries

pytestmark = pytest.mark.django_db


def test_recall_and_mrr_on_the_query_set(seeded):
    queries = load_queries()
    assert len(queries) >= 25
    scores = {m: evaluate(queries, m) for m in ("keyword", "semantic", "hybrid")}
    report = {m: (round(s.recall, 3), round(s.mrr, 3), s.misses) for m, s in scores.items()}
    assert scores["hybrid"].recall >= 0.85, report
    assert scores["hybrid"].mrr >= 0.55, report
    assert scores["keyword"].recall >= 0.7 and scores["semantic"].recall >= 0.75, report


def test_the_queries_point_at_real_lines():
    from tests.conftest import SEEDS
    if not SEEDS.is_dir():
        pytest.skip(f"the seeds are not at {SEEDS}")
    for q in load_queries():
        lines = (SEEDS / q["file"]).read_text(encoding="utf-8").split("\n")
        for a, b in q["lines"]:
            assert 1 <= a <= b <= len(lines), q["id"]
            assert any(lines[i - 1].strip() for i in range(a, b + 1)), q["id"]
