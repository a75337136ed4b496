"""Generic table recognition: cells, periods, values and blocks (scrutiny/extraction/tables.py)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scrutiny.extraction.tables import (EMPTY, NA, NUM, PERIOD, STATUS, TEXT, TREND, YEAR,
                                        clean_cell, find_blocks, find_periods, full_period,
                                        header_like, kind, parse_value, split_cells)
from scrutiny.reading import from_string
from scrutiny.reading.text import Line, Text


# --- periods ----------------------------------------------------------------------------

def test_full_period_recognises_the_forms_councils_print():
    for printed in ["2021/22", "2021/2022", "2021-22", "16/17", "Q1 2022/23", "2022/23 Q1",
                    "Q1-4 2023/24", "Sep 21", "Mar-22", "March 2017", "Spring 2022",
                    "31/07/2018", "23 March 2018", "Apr 21 - Mar 22",
                    "January 2023 - December 2023", "2021", "Q3"]:
        assert full_period(printed) is not None, printed


def test_quarter_words_are_shortened():
    assert full_period("Quarter 1 2024/25") == "Q1 2024/25"
    assert full_period("Qtr 3 2023/24") == "Q3 2023/24"


def test_things_that_are_not_periods():
    for printed in ["12 months", "0-12 months", "Key Stage 4", "3,046", "86.30%", "Total",
                    "Summary", "Marmalade", "5 years plus", ""]:
        assert full_period(printed) is None, printed


def test_find_periods_inside_a_header():
    found = [p for _, _, p in find_periods("Performance at Q1 2024/25")]
    assert found == ["Q1 2024/25"]
    found = [p for _, _, p in find_periods("% Variance 2023/24 over 2022/23")]
    assert found == ["2023/24", "2022/23"]


@given(st.integers(min_value=1990, max_value=2039), st.sampled_from(["/", "-", " / "]),
       st.booleans())
def test_financial_years_parse_in_any_spelling(year, sep, long_form):
    end = f"{year + 1}" if long_form else f"{(year + 1) % 100:02d}"
    printed = f"{year}{sep}{end}"
    assert full_period(printed) == printed.strip()
    assert kind(printed) == PERIOD


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=2000, max_value=2039),
       st.sampled_from(["Q{q} {fy}", "Quarter {q} {fy}", "{fy} Q{q}", "Qtr {q} {fy}"]))
def test_quarters_parse_and_normalise(q, year, template):
    fy = f"{year}/{(year + 1) % 100:02d}"
    printed = template.format(q=q, fy=fy)
    got = full_period(printed)
    assert got is not None
    assert f"Q{q}" in got and fy in got


@given(st.sampled_from(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                        "Nov", "Dec", "January", "September"]),
       st.integers(min_value=0, max_value=99), st.sampled_from([" ", "-"]))
def test_month_years_parse(month, yy, sep):
    printed = f"{month}{sep}{yy:02d}"
    assert full_period(printed) == printed


# --- values -----------------------------------------------------------------------------

@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=99),
       st.booleans(), st.booleans(), st.booleans())
def test_values_lose_separators_and_percent_signs(whole, frac, with_frac, pct, negative):
    digits = f"{whole:,}" + (f".{frac:02d}" if with_frac else "")
    printed = ("-" if negative else "") + digits + ("%" if pct else "")
    v = parse_value(printed)
    assert v is not None
    expected = ("-" if negative else "") + digits.replace(",", "")
    assert v.value == expected
    assert v.unit == ("%" if pct else None)
    assert kind(printed) in (NUM, YEAR)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_cell_reading_never_fails(text):
    c = clean_cell(text)
    assert kind(c) in (EMPTY, NA, NUM, YEAR, PERIOD, STATUS, TREND, TEXT)
    v = parse_value(c)
    if v is not None:
        assert v.value.lstrip("-").replace(".", "").isdigit()


def test_value_forms():
    assert parse_value(">97.2%").comparator == ">"
    assert parse_value(">97.2%").value == "97.2"
    assert parse_value("30*").value == "30"
    assert parse_value("(224)").value == "-224"
    assert parse_value("10.0% overspent").rest == "overspent"
    assert parse_value("17634 (45% reduction)").rest == "(45% reduction)"
    assert parse_value("12 months") is None
    assert parse_value("3 Help scheme") is None


def test_kinds():
    assert kind("N/A") == NA
    assert kind("Amber") == STATUS
    assert kind("Not on Track") == STATUS
    assert kind("Decrease") == TREND
    assert kind("2022") == YEAR
    assert kind("Q4 2021/22") == PERIOD
    assert kind("Children in care") == TEXT


# --- rows and blocks --------------------------------------------------------------------

def test_split_cells_tab_and_markdown():
    assert split_cells("a\tb\t\t") == ["a", "b"]
    assert split_cells("| **Measure** | Actual |") == ["Measure", "Actual"]
    assert split_cells("|---|---|") == []
    assert split_cells("An ordinary sentence.") is None


def test_header_like():
    assert header_like(["", "2016/17", "2017/18"])
    assert header_like(["Measure", "Actual", "Target"])
    assert not header_like(["Rate", "38.8", "49.0"])
    assert not header_like(["A level", "C+", "B"])


def test_blocks_keep_lines_and_context():
    src = ("Heading of the table\n\nMeasure\t2022\t2023\nReferrals\t10\t12\n\n"
           "Re-referrals\t3\t4\n\n\nA closing sentence.\n")
    blocks = find_blocks(from_string(src, "t.txt"))
    assert len(blocks) == 1
    b = blocks[0]
    assert [r.no for r in b.rows] == [3, 4, 6]
    assert b.before[0].text == "Heading of the table"
    assert b.after[0].text == "A closing sentence."


def test_a_blank_line_then_a_new_header_starts_a_new_block():
    src = "A\tB\n1 x\t2\n\nMeasure\tActual\nThing\t5\n"
    assert len(find_blocks(from_string(src, "t.txt"))) == 2


def test_pdfplumber_tables_are_cited_to_their_lines():
    lines = [Line(1, 1, "Performance summary"), Line(2, 1, "Measure Q1 2023/24 Q2 2023/24"),
             Line(3, 1, "Referrals received 1,204 1,310"), Line(4, 1, "Assessments 900 950")]
    tables = {1: [[["Measure", "Q1 2023/24", "Q2 2023/24"],
                   ["Referrals\nreceived", "1,204", "1,310"],
                   ["Assessments", "900", None]]]}
    text = Text(source="t.pdf", lines=lines, kind="pdf", tables=tables)
    blocks = find_blocks(text)
    assert len(blocks) == 1
    assert [r.no for r in blocks[0].rows] == [2, 3, 4]
    assert blocks[0].rows[1].cells == ["Referrals received", "1,204", "1,310"]
    assert blocks[0].source == "pdfplumber"


def test_pdf_table_rows_are_cited_to_the_lines_that_print_them():
    # the first header cell is also printed in the heading above the table
    lines = [Line(1, 1, "Complaints closed within timescale"), Line(2, 1, "Children & Families"),
             Line(3, 1, "Timescale\t2022/23\t2023/24"), Line(4, 1, "within\t155\t120"),
             Line(5, 1, "exceeding\t88\t92")]
    tables = {1: [[["Timescale", "2022/23", "2023/24"], ["within", "155", "120"],
                   ["exceeding", "88", "92"]]]}
    [block] = find_blocks(Text(source="t.pdf", lines=lines, kind="pdf", tables=tables))
    assert [r.no for r in block.rows] == [3, 4, 5]
    assert [ln.text for ln in block.before] == ["Children & Families",
                                                "Complaints closed within timescale"]


def test_a_cell_broken_at_a_slash_is_joined_without_a_space():
    lines = [Line(1, 1, "Measure\tQ1 2024/25"), Line(2, 1, "% uptake of early education/childcare\t81%")]
    tables = {1: [[["Measure", "Q1 2024/25"], ["% uptake of early education/\nchildcare", "81%"]]]}
    [block] = find_blocks(Text(source="t.pdf", lines=lines, kind="pdf", tables=tables))
    assert block.rows[1].cells[0] == "% uptake of early education/childcare"


def test_a_compound_broken_at_its_hyphen_is_one_word_again():
    assert clean_cell("Non- Disadvantaged") == "Non-Disadvantaged"
    # a spaced dash, a dangling prefix and a range stay as printed
    assert clean_cell("Schools - Primary") == "Schools - Primary"
    assert clean_cell("pre- and post-16") == "pre- and post-16"
    assert clean_cell("Q1- Q2") == "Q1- Q2"


def test_paragraphs_a_pdf_wrapped_are_one_line_of_context():
    para = ["Serious violence is recorded in line with the national definition as any",
            "offence against the person that has a gravity score of five or more resulting in",
            "a caution or court sentence."]
    rows = ["Offences\t2022/23\t2023/24", "Total\t33\t24"]
    lines = [Line(1, 1, "Serious violence")] + [Line(2 + k, 1, s) for k, s in enumerate(para)] + \
        [Line(5 + k, 1, s) for k, s in enumerate(rows)] + \
        [Line(7, 1, "Table 4: Serious violence offences by year, all"), Line(8, 1, "districts")]
    text = Text(source="t.pdf", lines=lines, kind="pdf", wraps={3, 4, 8})
    [block] = find_blocks(text)
    assert [(ln.no, ln.text) for ln in block.before] == [(2, " ".join(para)),
                                                         (1, "Serious violence")]
    assert [(ln.no, ln.text) for ln in block.after] == [
        (7, "Table 4: Serious violence offences by year, all districts")]


def test_a_table_cut_by_a_page_break_is_one_block_with_the_context_after_its_end():
    src = ("Referrals by year\n\nMeasure\t2022/23\t2023/24\nContacts\t10\t12\n\nPage 3\n\n"
           "Referrals\t3\t4\nTable 2: Contacts and referrals\n")
    [block] = find_blocks(from_string(src, "t.txt"))
    assert [r.no for r in block.rows] == [3, 4, 8]
    assert block.rows[2].line.page == 2
    assert block.after[0].text == "Table 2: Contacts and referrals"


def test_a_header_row_left_at_the_foot_of_a_page_heads_the_rows_on_the_next():
    src = ("Measure\tTarget\tStatus\n\nPage 7\n\n"
           "\t\tQ1 2024/25\nReferrals seen within 10 days\t85%\tOn Track\n")
    [block] = find_blocks(from_string(src, "t.txt"))
    assert [r.no for r in block.rows] == [1, 5, 6]
    # two tables, each with a header, on either side of a page break stay two blocks
    src = ("Measure\tTarget\nReferrals\t85%\n\nPage 7\n\nMeasure\tTarget\nVisits\t90%\n")
    assert len(find_blocks(from_string(src, "t.txt"))) == 2
