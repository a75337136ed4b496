"""A real paper as PDF and as text gives the same performance indicators.

The PDF is made at test time the way ``bench/extract_bench.py --roundtrip`` makes it (its
``seed_html``: each text line a paragraph, tab-separated rows drawn as ruled tables, with
WeasyPrint), so it holds what a council's PDF holds and a text conversion loses: paragraphs
wrapped over several lines, tables cut by page breaks (between rows, and a header row left
alone at the foot of a page), captions and headings on lines of their own.  The seeds are
read from ../shared/seeds, never copied here.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from scrutiny.extraction import extract
from scrutiny.reading import read_bytes, read_path
from tests.seeds import seed_path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "extract_bench.py"
FIELDS = ("name", "period", "value", "unit", "target", "status")


def _bench():
    spec = importlib.util.spec_from_file_location("extract_bench", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# 000: a table cut between rows by a page break (its caption under the rest), header rows
#      left alone at the foot of a page, a caption's period in a wrapped paragraph, a
#      compound broken at its hyphen inside a cell.
# 003: a header row cut by a page break (short cells on one page, wrapped cells on the
#      next), rows whose first cell is also printed as a heading just above the table.
@pytest.mark.parametrize("prefix", ["000", "003"])
def test_a_seed_as_pdf_gives_the_indicators_of_its_text(prefix):
    pytest.importorskip("weasyprint")
    import weasyprint

    path = seed_path(prefix)
    bench = _bench()
    pdf = read_bytes(weasyprint.HTML(string=bench.seed_html([path])).write_pdf(), path.name)
    from_pdf = extract(pdf)
    from_text = extract(read_path(path))

    def fields(record):
        return [tuple(getattr(i, f) for f in FIELDS) for i in record.indicators]

    assert len(from_text.indicators) >= 80          # the paper's tables were read at all
    assert fields(from_pdf) == fields(from_text)
    # the rest of the record too (comparators, table names, meetings), places aside
    a = bench.strip_places(from_pdf.to_contract())
    b = bench.strip_places(from_text.to_contract())
    assert a["indicators"] == b["indicators"]
    assert a["meetings"] == b["meetings"]
    # and each indicator is cited to the line of the PDF's text that prints its value
    for ind in from_pdf.indicators:
        printed = pdf.line(ind.line).text.replace(",", "")
        assert ind.value.lstrip("-") in printed, (ind.name, ind.value, printed)
