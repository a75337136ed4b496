"""Search quality on the seeds: recall@10 and MRR for keyword, semantic and hybrid search,
over the questions of tests/search/queries.json (worded differently from the papers).

    .venv/bin/python bench/search_quality.py            # a new SQLite database in a temp dir
    .venv/bin/python bench/search_quality.py --database-url postgres://postgres@127.0.0.1/x

The seeds (../shared/seeds) are ingested first, as `scrutiny ingest` does.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database-url", help="default: a new SQLite file in a temporary folder")
    ap.add_argument("-k", type=int, default=10)
    ap.add_argument("--verbose", "-v", action="store_true", help="rank of each question")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="scrutiny-quality-")
    url = args.database_url or f"sqlite:///{tmp}/quality.sqlite3"
    from scrutiny.web import migrate, setup
    setup(url)
    migrate()
    from scrutiny.web.record.ingest import ingest_path, paper_paths
    from scrutiny.web.search.quality import evaluate, load_queries

    t = time.perf_counter()
    for f in paper_paths([SEEDS]):
        r = ingest_path(f)
        if not r.ok:
            print(f"{f.name}: {r.message}", file=sys.stderr)
            return 1
    print(f"ingested the seeds in {time.perf_counter() - t:.1f} s "
          f"(database: {url.split('://')[0]})")
    queries = load_queries()
    print(f"{len(queries)} questions, recall@{args.k} and MRR (mean reciprocal rank of the "
          f"first answering passage, 0 when none in the top {args.k})\n")
    print(f"{'mode':<10}{'recall@' + str(args.k):>11}{'MRR':>8}   misses")
    scores = {}
    for mode in ("keyword", "semantic", "hybrid"):
        s = evaluate(queries, mode, args.k)
        scores[mode] = s
        print(f"{mode:<10}{s.recall:>11.3f}{s.mrr:>8.3f}   {', '.join(s.misses) or '-'}")
    if args.verbose:
        print("\nrank of the first answer (- = not in the top k)")
        for q in queries:
            ranks = "  ".join(f"{m[:3]} {scores[m].ranks[q['id']] or '-':>2}" for m in scores)
            print(f"  {q['id']:<24} {ranks}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
