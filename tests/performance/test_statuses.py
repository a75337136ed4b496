"""Warwickshire's 2022 key business measures: a status for each, and no value invented
for the charts the conversion lost."""
import pytest

from scrutiny.extraction import extract
from scrutiny.reading import read_path
from tests.conftest import EXAMPLES, SEEDS


def record(path):
    if not path.exists():
        pytest.skip(f"{path} is missing")
    return extract(read_path(path))


def test_warwickshire_2022_kbms_have_their_status():
    """'Of the remaining 10 available for reporting at Quarter 3, 50% (5) are reported as
    being On Track and 50% (5) ... Not on Track.'"""
    rec = record(SEEDS / "000_a8ae63858d2dd160.txt")
    st = rec.statuses
    assert len(st) == 10
    assert sum(1 for s in st if s.status == "On Track") == 5
    assert sum(1 for s in st if s.status == "Not on Track") == 5
    assert {s.period for s in st} == {"Q3 2021/22"}
    assert all(s.value == "" for s in st)                 # the values were in charts
    names = {s.name for s in st}
    assert "No of children open to an Early Help Pathway" in names
    assert "% of Women who smoke at the time of delivery across Warwickshire" in names
    # cited on the lines that name them
    text = read_path(SEEDS / "000_a8ae63858d2dd160.txt")
    for s in st:
        assert s.name[:25] in text.line(s.line).text
    # not part of the extraction contract
    assert all(i["value"] for i in rec.to_contract()["indicators"])


def test_no_status_lists_elsewhere():
    for path in sorted(SEEDS.glob("*.txt")) + sorted((EXAMPLES / "fenmoor").glob("*.txt")):
        if path.name.startswith("000_"):
            continue
        assert record(path).statuses == [], path.name
