"""Search quality on a set of questions with known answers: recall@k and MRR per mode.

A question is {"q": ..., "file": seed file name, "lines": [[first, last], ...]}; a hit
answers it when it comes from that file and its lines overlap one of the ranges."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .service import search

QUERIES = Path(__file__).resolve().parents[3] / "tests" / "search" / "queries.json"


def load_queries(path: Path | None = None) -> list[dict]:
    return json.loads(Path(path or QUERIES).read_text())["queries"]


def answers(hit, query: dict) -> bool:
    if hit.source != query["file"]:
        return False
    return any(hit.line_start <= b and a <= hit.line_end for a, b in query["lines"])


@dataclass
class Score:
    mode: str
    k: int
    recall: float = 0.0
    mrr: float = 0.0
    misses: list[str] = field(default_factory=list)
    ranks: dict[str, int | None] = field(default_factory=dict)


def evaluate(queries: list[dict], mode: str, k: int = 10) -> Score:
    found, rr = 0, 0.0
    s = Score(mode, k)
    for query in queries:
        hits = search(query["q"], mode=mode, limit=k).hits
        rank = next((i for i, h in enumerate(hits, start=1) if answers(h, query)), None)
        s.ranks[query["id"]] = rank
        if rank is None:
            s.misses.append(query["id"])
            continue
        found += 1
        rr += 1.0 / rank
    s.recall = found / len(queries) if queries else 0.0
    s.mrr = rr / len(queries) if queries else 0.0
    return s
