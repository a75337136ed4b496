"""A figure in a report's text that differs from its table is found, never corrected."""
from decimal import Decimal

import pytest

from scrutiny.extraction import extract
from scrutiny.reading import read_path
from scrutiny.web.performance.analysis import to_decimal
from scrutiny.web.performance.narrative import Measure, scan
from scrutiny.web.performance.periods import parse_period
from tests.conftest import EXAMPLES, SEEDS


def flags(path):
    """What `scan` finds in one paper, with measures built from its extracted tables (as
    ingest builds them)."""
    if not path.exists():
        pytest.skip(f"{path} is missing")
    text = read_path(path)
    record = extract(text)
    groups: dict = {}
    for i in record.indicators:
        if to_decimal(i.value) is not None and parse_period(i.period).end:
            groups.setdefault((i.name, i.unit), []).append(i)
    measures = []
    for n, ((name, unit), rows) in enumerate(groups.items()):
        rows.sort(key=lambda r: parse_period(r.period).sort_key)
        last, prev = rows[-1], (rows[-2] if len(rows) > 1 else None)
        known = {d for d in (to_decimal((x or "").lstrip("<>=")) for x in
                             [last.target, *last.comparators.values()]) if d is not None}
        measures.append(Measure(n, name, unit, parse_period(last.period).label,
                                to_decimal(last.value), known, {r.line for r in rows},
                                parse_period(prev.period).label if prev else None,
                                to_decimal(prev.value) if prev else None))
    return [(f.line, f.figure, f.period, f.table_value, measures[f.ref].name)
            for f in scan(text, measures)]


def test_the_q1_report_says_41_3_where_its_table_says_38_6():
    """examples/fenmoor/expected.json 'discrepancies': paragraph 5.1 (line 45) of the
    Quarter 1 report against Appendix A (line 71)."""
    found = flags(EXAMPLES / "fenmoor" / "2025-09-16-performance-q1.txt")
    assert found == [(45, "41.3%", "Q1 2025/26", Decimal("38.6"),
                      "New EHC plans issued within 20 weeks, excluding exception cases (%)")]


@pytest.mark.parametrize("name", ["2025-06-10-performance-q4.txt",
                                  "2025-11-18-performance-q2.txt",
                                  "2026-03-17-performance-q3.txt"])
def test_the_other_reports_agree_with_their_tables(name):
    assert flags(EXAMPLES / "fenmoor" / name) == []


def test_leicestershire_narrative_against_its_dashboard():
    """The Quarter 1 2022/23 report's paragraph 12 gives single assessments within 45 days
    as 89.1% where the dashboard prints 89.81%; paragraph 29 gives primary schools' Quarter
    4 figure as 90.5% where the dashboard prints 91.5%.  Every other figure of the
    narrative (76.0%, 27.6%, 23.1%, 85.3% for 85.25% ...) agrees at the precision it is
    printed."""
    found = flags(SEEDS / "002_904572338a83fb72.txt")
    assert [(f[1], f[2], f[3]) for f in found] == [
        ("89.1%", "Q1 2022/23", Decimal("89.81")), ("90.5%", "Q4 2021/22", Decimal("91.5"))]
    assert [f[0] for f in found] == [523, 557]


@pytest.mark.parametrize("name", ["000_a8ae63858d2dd160.txt", "001_90f808d3d9b7cb94.txt",
                                  "003_5cb4e3c9281c3fdf.txt", "004_492692d4b457f793.txt"])
def test_no_false_alarm_in_the_other_seeds(name):
    assert flags(SEEDS / name) == []
