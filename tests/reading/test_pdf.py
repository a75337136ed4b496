"""PDF reading: pages of lines, furniture, tables, wrapped paragraphs, bad PDFs.

The PDFs are made at test time with WeasyPrint from papers defined in
tests/fixtures/paper_factory.py, which also writes the same papers as text.
"""
from __future__ import annotations

import re

import paper_factory as pf
import pytest

from scrutiny.extraction import extract
from scrutiny.reading import NeedsOCR, ReadError, from_string, read_bytes, read_path


def _content(text):
    return [ln.text for ln in text.lines if not ln.furniture and ln.text.strip()]


# --- lines, pages, furniture ------------------------------------------------------------

def test_minutes_pdf_is_pages_of_numbered_lines(papers):
    text = read_path(papers / "minutes.pdf")
    assert text.kind == "pdf"
    assert text.source == "minutes.pdf"
    assert len(text.sha256) == 64
    assert text.page_count == 4
    # Line numbers count through the whole document, as if the pages were joined.
    assert [ln.no for ln in text.lines] == list(range(1, len(text.lines) + 1))
    assert text.as_string().split("\n")[41] == text.line(42).text
    pages = [ln.page for ln in text.lines]
    assert pages == sorted(pages) and set(pages) == {1, 2, 3, 4}
    first = {ln.text: ln for ln in text.lines}
    assert first["12. Apologies for Absence"].page == 1
    assert first["15. Early Help and Family Support"].page == 2
    assert first["16. Work Programme"].page == 4
    assert not text.tables
    assert not text.warnings


def test_page_numbers_and_running_headers_are_furniture(papers):
    text = read_path(papers / "minutes.pdf")
    furniture = [(ln.page, ln.text) for ln in text.lines if ln.furniture]
    for page in range(1, 5):
        assert (page, f"Page {page}") in furniture
        assert (page, pf.HEADER) in furniture
    assert len(furniture) == 8
    # Nothing else is furniture; page numbers sit on their own page.
    assert all(ln.text in (pf.HEADER, f"Page {ln.page}") for ln in text.lines if ln.furniture)


def test_a_line_repeated_on_fewer_than_three_pages_is_not_furniture():
    blocks = [("h1", "Short note"), ("p", "First page text."), ("break",),
              ("p", "Second page text.")]
    text = read_bytes(pf.pdf_from_html(pf.as_html(blocks, header="Borsetshire Note")), "note.pdf")
    assert text.page_count == 2
    header = [ln for ln in text.lines if ln.text == "Borsetshire Note"]
    assert len(header) == 2 and not any(ln.furniture for ln in header)
    assert all(ln.furniture for ln in text.lines if re.fullmatch(r"Page \d", ln.text))


def test_sentence_cut_by_a_page_break_is_one_span(papers):
    text = read_path(papers / "minutes.pdf")
    before = next(ln for ln in text.lines if ln.text.endswith("that a breakdown of"))
    after = next(ln for ln in text.lines if ln.text.startswith("the referrals by locality"))
    assert (before.page, after.page) == (2, 3)
    # Furniture (header, page number) lies between them...
    assert any(ln.furniture for ln in text.lines[before.no:after.no - 1])
    # ...and the span joins the sentence back together across the break.
    span = next(sp for sp in text.spans() if sp.first <= before.no <= sp.last)
    assert span.last >= after.no
    assert "asked that a breakdown of the referrals by locality be provided" in span.text


def test_wrapped_paragraph_lines_are_known_and_joined(papers):
    text = read_path(papers / "minutes.pdf")
    # The paragraph wraps in the PDF: its later lines are recorded as wraps ...
    start = next(ln for ln in text.lines if ln.text.startswith("Councillor Ruth Pargetter declared"))
    assert start.no + 1 in text.wraps and start.no not in text.wraps
    # ... and the span is the paragraph as written, even where the wrap starts a capital.
    spans = {sp.first: sp.text for sp in text.spans()}
    assert spans[start.no] == pf.MINUTES[12][1]
    heading = next(ln for ln in text.lines if ln.text == "14. Minutes of the Previous Meeting")
    assert heading.no not in text.wraps and heading.no + 1 not in text.wraps
    # Every paragraph of the paper comes back whole.
    paragraphs = {b[1] for b in pf.MINUTES if b[0] in ("h1", "h2", "p")}
    assert paragraphs <= set(spans.values())


# --- tables -----------------------------------------------------------------------------

def test_ruled_table_is_found_on_its_page_only(papers):
    text = read_path(papers / "indicators.pdf")
    assert text.page_count == 3
    assert set(text.tables) == {2}
    [table] = text.tables[2]
    rows = next(b[1] for b in pf.INDICATORS if b[0] == "table")
    assert [[" ".join((c or "").split()) for c in r] for r in table] == rows
    # The rows are lines of tab-separated cells, in place, on page 2.
    tab_lines = [ln for ln in text.lines if "\t" in ln.text]
    assert [ln.text for ln in tab_lines] == ["\t".join(r) for r in rows]
    assert {ln.page for ln in tab_lines} == {2}
    title = next(ln for ln in text.lines if ln.text == "Appendix A: Key Performance Measures")
    assert tab_lines[0].no == title.no + 1
    source = next(ln for ln in text.lines if ln.text.startswith("Source: Borsetshire"))
    assert source.no == tab_lines[-1].no + 1


def test_table_rows_are_not_joined_as_wraps(papers):
    text = read_path(papers / "indicators.pdf")
    tab_nos = {ln.no for ln in text.lines if "\t" in ln.text}
    assert not tab_nos & text.wraps
    assert not {n + 1 for n in tab_nos} & text.wraps


def _scorecard(giant_at: int | None) -> list[list[str]]:
    rows = [["Measure", "Period", "Value", "Target", "RAG"]]
    rows += [[f"Measure number {i} of the children's services scorecard", "Q1 2023/24",
              f"{50 + i}.5%", "60%", "Amber"] for i in range(1, 46)]
    if giant_at is not None:
        words = " ".join(f"clause{i} of the measure definition" for i in range(90))
        rows[giant_at][0] = f"Measure number {giant_at} defined as {words}"
    return rows


def test_table_broken_between_rows_keeps_its_rows():
    rows = _scorecard(None)
    text = read_bytes(pf.pdf_from_html(pf.as_html([("h1", "Scorecard"), ("table", rows)])),
                      "scorecard.pdf")
    assert text.page_count >= 2
    assert [ln.text.split("\t") for ln in text.lines if "\t" in ln.text] == rows


def test_table_row_cut_by_a_page_break_is_one_row_again():
    rows = _scorecard(22)
    text = read_bytes(pf.pdf_from_html(pf.as_html([("h1", "Scorecard"), ("table", rows)])),
                      "scorecard.pdf")
    giant = [ln for ln in text.lines if "clause0 " in ln.text or "clause89 " in ln.text]
    assert len({ln.page for ln in text.lines if "clause" in ln.text}) == 1
    assert [ln.text.split("\t") for ln in text.lines if "\t" in ln.text] == rows
    assert giant and giant[0].page < text.page_count


def _ruled(tables: list[tuple[list[list[str]], dict[int, str]]], before: str = "") -> str:
    """Tables ruled cell by cell and stacked a few points apart (as WeasyPrint draws
    collapsed borders, and as text conversions' tab-separated rows are drawn in the bench);
    row styles by row index."""
    import html

    css = ("@page { size: A4; margin: 2cm; @bottom-center { content: 'Page ' counter(page); } }"
           "body { font: 10pt sans-serif; } table { border-collapse: collapse; margin: 4pt 0; }"
           "td { border: 0.5pt solid #000; padding: 2pt; font-size: 8pt; }")
    body = "".join("<table>" + "".join(
        f'<tr style="{style.get(i, "")}">' + "".join(f"<td>{html.escape(c)}</td>" for c in r)
        + "</tr>" for i, r in enumerate(rows)) + "</table>" for rows, style in tables)
    return f"<html><head><style>{css}</style></head><body><p>{before}</p>{body}</body></html>"


def test_tables_stacked_a_few_points_apart_stay_two_tables():
    months = [["Apr", "May", "Jun", "Jul", "Aug", "Sep"], ["1", "2", "3", "4", "5", "6"]]
    costs = [["Type of placement", "Unit cost", "Number"], ["Fostering", "477", "188"],
             ["Residential", "3,418", "76"]]
    text = read_bytes(pf.pdf_from_html(_ruled([(months, {}), (costs, {})], "Placements.")),
                      "stacked.pdf")
    assert [[[c or "" for c in r] for r in t] for t in text.tables[1]] == [months, costs]
    assert [ln.text.split("\t") for ln in text.lines if "\t" in ln.text] == months + costs


def test_a_header_row_alone_at_the_foot_of_a_page_stays_a_table_row():
    rows = [["Measure", "Q1 2023/24", "Q2 2023/24"], ["Referrals", "10", "12"],
            ["Assessments", "20", "22"]]
    text = read_bytes(pf.pdf_from_html(_ruled([(rows, {0: "break-after: page"})], "Scorecard.")),
                      "foot.pdf")
    assert text.page_count == 2
    assert [[[c or "" for c in r] for r in t] for t in text.tables[1]] == [rows[:1]]
    tab_lines = [ln for ln in text.lines if "\t" in ln.text]
    assert [ln.text.split("\t") for ln in tab_lines] == rows
    assert [ln.page for ln in tab_lines] == [1, 2, 2]
    # read as one table, the header over the rows on the next page
    from_pdf = [(i.name, i.period, i.value) for i in extract(text).indicators]
    assert ("Assessments", "Q2 2023/24", "22") in from_pdf and len(from_pdf) == 4


def test_table_rows_are_cited_to_their_own_lines_not_a_heading_naming_the_first_cell():
    rows = [["Timescale", "2022/23", "2023/24"], ["within", "85", "84"],
            ["exceeding", "15", "47"]]
    blocks = [("h2", "Complaints closed within timescale"), ("h2", "Education Services"),
              ("table", rows), ("p", "Excludes withdrawn complaints.")]
    text = read_bytes(pf.pdf_from_html(pf.as_html(blocks)), "cited.pdf")
    from scrutiny.extraction.tables import find_blocks

    [block] = find_blocks(text)
    assert [r.line.text.split("\t") for r in block.rows] == rows
    assert block.before[0].text == "Education Services"
    plain = from_string(pf.as_text(blocks), "cited.txt")
    assert [(i.name, i.period, i.value) for i in extract(text).indicators] == \
        [(i.name, i.period, i.value) for i in extract(plain).indicators]


# --- the same paper as PDF and as text gives the same record ----------------------------

def _without_places(obj):
    if isinstance(obj, dict):
        return {k: _without_places(v) for k, v in obj.items()
                if k not in ("line", "end_line", "page", "source", "documents")}
    if isinstance(obj, list):
        return [_without_places(x) for x in obj]
    return obj


@pytest.mark.parametrize("paper", ["minutes", "indicators"])
def test_pdf_and_text_of_a_paper_give_the_same_record(papers, paper):
    from_pdf = _without_places(extract(read_path(papers / f"{paper}.pdf")).to_contract())
    from_text = _without_places(extract(read_path(papers / f"{paper}.txt")).to_contract())
    assert from_pdf == from_text
    # The comparison means something only if the record holds what the paper says.
    if paper == "minutes":
        [meeting] = from_pdf["meetings"]
        assert meeting["date"] == "2023-03-14" and meeting["record"] == "minutes"
        assert [i["number"] for i in meeting["items"]] == ["12", "13", "14", "15", "16", "17"]
        assert meeting["resolutions"] and meeting["attendance"]["present"]
    else:
        assert len(from_pdf["indicators"]) >= 5
        assert {i["status"] for i in from_pdf["indicators"]} >= {"Red", "Green", "Amber"}


# --- bad PDFs ---------------------------------------------------------------------------

def _one_line(exc: Exception) -> str:
    msg = str(exc)
    assert "\n" not in msg and msg.strip() == msg
    return msg


def test_scanned_pdf_needs_ocr():
    with pytest.raises(NeedsOCR) as err:
        read_bytes(pf.scanned_pdf(), "scan.pdf")
    assert _one_line(err.value) == ("scan.pdf: this PDF has no text layer (it is scanned images); "
                                    "it needs OCR before Scrutiny can read it")


def test_scanned_pages_in_a_text_pdf_are_warned_about():
    import base64

    img = "data:image/png;base64," + base64.b64encode(pf.png()).decode("ascii")
    markup = ("<html><body><p>Minutes of the Scrutiny Committee held on 4 May 2023.</p>"
              f'<div style="break-before: page"><img src="{img}" style="width: 12cm"></div>'
              "</body></html>")
    text = read_bytes(pf.pdf_from_html(markup), "mixed.pdf")
    assert text.page_count == 2
    assert text.warnings == ["page 2 has no text layer (scanned images); its text could not "
                             "be read without OCR"]


def test_truncated_pdf(papers):
    data = (papers / "minutes.pdf").read_bytes()
    with pytest.raises(ReadError) as err:
        read_bytes(data[: len(data) // 2], "cut.pdf")
    assert _one_line(err.value).startswith("cut.pdf: this PDF is truncated or damaged")


def test_damaged_pdf():
    junk = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    with pytest.raises(ReadError) as err:
        read_bytes(junk, "junk.pdf")
    assert "damaged" in _one_line(err.value)


def test_password_protected_pdf(papers):
    data = pf.encrypted((papers / "minutes.pdf").read_bytes())
    with pytest.raises(ReadError) as err:
        read_bytes(data, "locked.pdf")
    assert _one_line(err.value).startswith("locked.pdf: this PDF is encrypted with a password")


def test_pdf_with_permissions_only_is_read(papers):
    plain = read_path(papers / "minutes.pdf")
    data = pf.encrypted((papers / "minutes.pdf").read_bytes(), user_password="")
    text = read_bytes(data, "restricted.pdf")
    assert _content(text) == _content(plain)
