"""Papers for the reading tests, made once per test session (WeasyPrint, pypdf)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))

import paper_factory  # noqa: E402


@pytest.fixture(scope="session")
def papers(tmp_path_factory) -> Path:
    """A folder holding each test paper as PDF and as text."""
    d = tmp_path_factory.mktemp("papers")
    (d / "minutes.pdf").write_bytes(paper_factory.minutes_pdf())
    (d / "minutes.txt").write_text(paper_factory.as_text(paper_factory.MINUTES), encoding="utf-8")
    (d / "indicators.pdf").write_bytes(paper_factory.indicators_pdf())
    (d / "indicators.txt").write_text(paper_factory.as_text(paper_factory.INDICATORS),
                                      encoding="utf-8")
    return d
