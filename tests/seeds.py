"""Access to the real committee papers in ../shared/seeds (read at test time, never copied)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT.parent / "shared" / "gold"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def seed_path(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the real papers are not at {SEEDS}")
    found = sorted(SEEDS.glob(f"{prefix}*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} is not in {SEEDS}")
    return found[0]


def seed_lines(prefix: str) -> list[str]:
    return seed_path(prefix).read_text(encoding="utf-8").split("\n")
