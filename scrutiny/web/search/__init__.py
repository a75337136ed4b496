"""Search: every public passage of every paper, found by its words (SQLite FTS5 or
PostgreSQL full-text search) and by its meaning (all-MiniLM-L6-v2 vectors), ranked
together by reciprocal rank fusion, each hit citing its lines.  See docs/search.md."""
