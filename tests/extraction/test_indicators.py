"""Performance indicators from tables (scrutiny/extraction/indicators.py).

Two kinds of test: outcomes on the real committee papers in ../shared/seeds (read at test
time, never copied here), and small tables of an invented council in layouts the seeds do
not use, to show that the reader follows structure rather than any council's wording.
"""
from __future__ import annotations

import importlib.util
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrutiny.extraction.indicators import extract_indicators, period_key
from scrutiny.extraction.tables import parse_value, split_cells
from scrutiny.reading import from_string, read_path
from scrutiny.reading.text import Line, Text

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed papers not found at {SEEDS}")


def seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return found[0]


_cache: dict[str, tuple[Text, list]] = {}


def read(prefix: str):
    if prefix not in _cache:
        text = read_path(seed(prefix))
        _cache[prefix] = (text, extract_indicators(text))
    return _cache[prefix]


def norm(v: str) -> str:
    s = v.replace(",", "").replace("%", "").replace("\u00a3", "").strip()
    try:
        return repr(round(float(s), 4))
    except ValueError:
        return s.lower()


# ---------------------------------------------------------------------------------------
# Real papers
# ---------------------------------------------------------------------------------------

@needs_seeds
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_value_is_printed_in_a_cell_of_its_cited_line(prefix):
    """Never invent a value: each indicator's value is a number printed in a table cell of
    the line it cites."""
    text, inds = read(prefix)
    for ind in inds:
        cells = split_cells(text.line(ind.line).text) or []
        printed = set()
        for c in cells:
            for tok in re.findall(r"-?[\d,]*\.?\d+|[A-Za-z]+\+?", c):
                printed.add(norm(tok))
            v = parse_value(c)
            if v is not None:
                printed.add(norm(v.value))
            printed.add(norm(c))
        assert norm(ind.value) in printed, (ind.line, ind.value, cells)
        assert ind.page == text.line(ind.line).page


@needs_seeds
def test_minutes_without_tables_give_no_indicators():
    _, inds = read("004")
    assert inds == []


@needs_seeds
def test_quarterly_dashboard_two_periods_per_row_status_on_latest_only():
    text, inds = read("002")
    by_line: dict[int, list] = {}
    for ind in inds:
        by_line.setdefault(ind.line, []).append(ind)
    # the dashboard is the only table read in this pack; each row gives two periods
    assert len(by_line) == 24
    lines = sorted(by_line)
    assert lines[-1] - lines[0] == 23                     # one contiguous table
    for no, pair in by_line.items():
        assert len(pair) == 2
        assert pair[0].period != pair[1].period
        previous, latest = sorted(pair, key=lambda i: period_key(i.period))
        assert previous.target is None and previous.status is None
        assert latest.status in (None, "Red", "Amber", "Green", "Increase", "Decrease")
    # quartile and statistical-neighbour columns become comparators, never indicators
    with_comparators = [i for i in inds if i.comparators]
    assert len(with_comparators) >= 10
    assert all(len(i.comparators) == 2 for i in with_comparators)
    targets = [i.target for i in inds if i.target]
    assert targets and all(re.fullmatch(r"[<>]?\d+(?:\.\d+)?", t) for t in targets)


@needs_seeds
def test_area_tables_keep_the_councils_row_and_turn_the_others_into_comparators():
    text, inds = read("000")
    comparator_first_cell = re.compile(r"^(?:england|national|statistical|neighbours|"
                                       r"\w+ midlands)\b", re.I)
    for ind in inds:
        first = (split_cells(text.line(ind.line).text) or [""])[0]
        assert not comparator_first_cell.match(first), (ind.line, first)
    rates = [i for i in inds if i.unit == "per 10,000"]
    assert len(rates) == 5
    assert all(len(i.comparators) == 2 for i in rates)
    months = [i for i in inds if re.fullmatch(r"[A-Z][a-z]{2} \d{2}", i.period or "")]
    assert len(months) == 5


@needs_seeds
def test_measure_status_tables_and_finance_tables():
    text, inds = read("003")
    kbm = [i for i in inds if i.status in ("On Track", "Not on Track")]
    assert len(kbm) == 10
    assert all(i.period and "Q1" in i.period for i in kbm)
    # no indicator comes from a table whose header speaks of budgets or spend
    finance_rows = set()
    for ln in text.lines:
        cells = split_cells(ln.text)
        if cells and any(re.search(r"\b(?:budget|spend)\b", c, re.I) for c in cells[1:]) \
                and not any(parse_value(c) for c in cells):          # a header row
            no = ln.no
            while no <= len(text.lines) and split_cells(text.line(no).text):
                finance_rows.add(no)
                no += 1
    assert finance_rows
    assert not finance_rows & {i.line for i in inds}


@needs_seeds
def test_chart_residue_and_label_less_rows_give_nothing():
    text, inds = read("001")
    for ind in inds:
        first = (split_cells(text.line(ind.line).text) or [""])[0]
        assert re.search(r"[A-Za-z]", first) or re.fullmatch(r"\d+", first), (ind.line, first)
    changes = [i for i in inds if i.status in ("reduction", "increase", "decrease")]
    assert len(changes) == 2 and all(i.unit == "%" for i in changes)


@needs_seeds
@pytest.mark.skipif(not (GOLD.is_dir() and (SHARED / "eval" / "score.py").is_file()),
                    reason="gold annotations or scorer not found")
def test_scores_against_the_hand_made_gold():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tally = score.Tally()
    for gf in sorted(GOLD.glob("*.json")):
        gold = json.loads(gf.read_text())
        _, inds = read(gf.stem.split("_")[0])
        pred = [{"name": i.name, "period": i.period, "value": i.value, "line": i.line}
                for i in inds]
        score.tally_list(tally, gold.get("indicators") or [], pred, score.indicator_score,
                         lambda x: x.get("name"), gf.stem)
    assert tally.f1 >= 0.9, (tally.p, tally.r, tally.misses[:10])
    assert tally.cite_hits >= 0.95 * tally.cite_total


@needs_seeds
def test_fast_enough():
    texts = [read_path(p) for p in sorted(SEEDS.glob("*.txt"))]
    start = time.perf_counter()
    for t in texts:
        extract_indicators(t)
    assert time.perf_counter() - start < 0.5


# ---------------------------------------------------------------------------------------
# Invented layouts (the council of Borsetshire)
# ---------------------------------------------------------------------------------------

def run(src: str):
    return extract_indicators(from_string(src, "borsetshire.txt"))


def test_months_as_columns_with_an_england_row():
    inds = run("Borsetshire County Council\n\n"
               "Table 3 Percentage of referrals completed within 10 working days\n\n"
               "\tApr 23\tMay 23\tJun 23\n"
               "Borsetshire\t81.2%\t84.0%\t79.5%\n"
               "England\t80.1%\t80.3%\t80.0%\n")
    assert [(i.period, i.value, i.unit, i.line) for i in inds] == [
        ("Apr 23", "81.2", "%", 6), ("May 23", "84.0", "%", 6), ("Jun 23", "79.5", "%", 6)]
    assert all(i.name == "Percentage of referrals completed within 10 working days" for i in inds)
    assert inds[0].comparators == {"England": "80.1"}


def test_rag_dashboard_with_its_own_column_order():
    inds = run("Ref\tPerformance Indicator\tPolarity\tTarget 2023/24\tQ1 2023/24\tQ2 2023/24"
               "\tRAG\tDirection of Travel\tNotes\n"
               "BC1\tPercentage of children in care with three or more placements\tLower is better"
               "\t9%\t8.5%\t10.2%\tRed\tWorsening\tRecruitment of carers is behind plan.\n"
               "BC2\tNumber of care leavers in employment\tHigher is better\t150\t142\t155"
               "\tGreen\tImproving\t\n")
    got = [(i.period, i.value, i.target, i.status, i.direction) for i in inds]
    assert got == [("Q1 2023/24", "8.5", None, None, None),
                   ("Q2 2023/24", "10.2", "9", "Red", "Worsening"),
                   ("Q1 2023/24", "142", None, None, None),
                   ("Q2 2023/24", "155", "150", "Green", "Improving")]
    assert inds[0].unit == "%" and inds[2].unit is None


def test_latest_first_dashboard_puts_target_and_status_on_the_latest_period():
    inds = run("Indicator\tTarget\tLatest Period\tLatest Value\tPrevious Period\tPrevious Value"
               "\tRAG\n"
               "Percentage of EHC plans issued within 20 weeks\t60%\tQ3 2023/24\t48.2%"
               "\tQ2 2023/24\t51.0%\tRed\n")
    latest = [i for i in inds if i.status]
    assert [(i.period, i.value, i.target) for i in latest] == [("Q3 2023/24", "48.2", "60")]
    assert len(inds) == 2


def test_a_chart_lost_in_conversion_and_an_empty_cell_give_nothing():
    inds = run("Chart 2: Number of contacts per month\n\n\n\nFigure 4\n\n"
               "60 40 20\t- 1\t.\n00 - 9\t7% 9;\t3%\n0 Apr.18\tMay-18\tJun 18\n\n"
               "\t2021/22\t2022/23\t2023/24\n"
               "Number of EHC plans issued\t410\t\t502\n")
    assert [(i.period, i.value) for i in inds] == [("2021/22", "410"), ("2023/24", "502")]


def test_finance_and_risk_tables_are_not_performance():
    assert run("Service\tBudget \u00a3000\tForecast \u00a3000\tVariance \u00a3000\n"
               "Early Help\t1,200\t1,350\t150\nFostering\t8,400\t8,100\t(300)\n") == []
    assert run("\t\u00a3\nCounty Council\t102,496\nPolice\t88,725\nTotal income\t191,221\n") == []
    assert run("Risk\tResidual risk score\tTarget risk score\n"
               "Insufficient placements\t16\t9\n") == []


def test_compositional_share_tables_without_a_total_are_left_out():
    assert run("Complaints by subject\n\nSubject\t2022/23\t%\t2023/24\t%\n"
               "Communication\t40\t38%\t35\t30%\nStaff conduct\t20\t19%\t25\t21%\n"
               "Policy\t5\t5%\t4\t3%\nOther\t40\t38%\t52\t46%\n") == []


def test_a_count_table_needs_a_date_or_a_total():
    assert run("Team\tCases\nNorth\t40\nSouth\t35\n") == []
    inds = run("Children looked after by placement type at 31 March 2024\n\n"
               "Placement type\tNumber\nFoster care\t300\nResidential\t40\nTotal\t340\n")
    assert [(i.value, i.period) for i in inds] == [("300", "31 March 2024"),
                                                   ("40", "31 March 2024"),
                                                   ("340", "31 March 2024")]


def test_markdown_table_with_measure_actual_target_status():
    inds = run("Appendix B: Quarter 2 2023/24 scorecard\n\n"
               "| Measure | Actual | Target | Status |\n|---|---|---|---|\n"
               "| Average days from entering care to adoption | 410 | 426 | On Track |\n")
    assert len(inds) == 1
    i = inds[0]
    assert (i.name, i.value, i.target, i.status, i.period, i.line) == (
        "Average days from entering care to adoption", "410", "426", "On Track",
        "Q2 2023/24", 5)


def test_transposed_table_with_periods_as_rows_and_areas_as_columns():
    inds = run("Wessex City Council\n\nFirst time entrants per 100,000 of 10-17 population\n\n"
               "Year\tWessex\tRegion\tEngland\n2021/22\t145\t160\t167\n2022/23\t139\t150\t170\n")
    assert [(i.period, i.value) for i in inds] == [("2021/22", "145"), ("2022/23", "139")]
    assert inds[0].unit == "per 100,000"
    assert inds[1].comparators == {"Region": "150", "England": "170"}


def test_tables_handed_over_by_a_pdf_reader():
    lines = [Line(1, 1, "Performance summary"), Line(2, 1, "Measure Q1 2023/24 Q2 2023/24"),
             Line(3, 1, "Referrals received 1,204 1,310"), Line(4, 1, "Assessments 900 950")]
    tables = {1: [[["Measure", "Q1 2023/24", "Q2 2023/24"],
                   ["Referrals received", "1,204", "1,310"],
                   ["Assessments", "900", "950"]]]}
    inds = extract_indicators(Text(source="t.pdf", lines=lines, kind="pdf", tables=tables))
    assert [(i.name, i.period, i.value, i.line) for i in inds] == [
        ("Referrals received", "Q1 2023/24", "1204", 3),
        ("Referrals received", "Q2 2023/24", "1310", 3),
        ("Assessments", "Q1 2023/24", "900", 4),
        ("Assessments", "Q2 2023/24", "950", 4)]


def test_narrative_numbers_are_not_indicators():
    assert run("In 2022/23 there were 1,234 contacts, 45% of which led to a referral.\n"
               "Performance was 12% above target in Quarter 2.\n") == []


@given(st.lists(st.tuples(st.integers(min_value=0, max_value=99999),
                          st.integers(min_value=0, max_value=99999)),
                min_size=1, max_size=6),
       st.integers(min_value=2000, max_value=2030))
def test_any_year_table_reads_back_every_cell(rows, year):
    fy1, fy2 = f"{year}/{(year + 1) % 100:02d}", f"{year + 1}/{(year + 2) % 100:02d}"
    src = f"Measure\t{fy1}\t{fy2}\n" + "".join(
        f"Number of things of kind {k + 1}\t{a:,}\t{b:,}\n" for k, (a, b) in enumerate(rows))
    inds = run(src)
    assert [(i.period, i.value) for i in inds] == [
        p for a, b in rows for p in ((fy1, str(a)), (fy2, str(b)))]


def test_a_cross_tabulation_gives_only_its_grand_total_and_change():
    inds = run("Offences by district\n\n"
               "Offence type\tNorth\tSouth\tEast\tTOTAL\t% change 2023/24 over 2022/23\n"
               "Burglary\t3\t4\t1\t8\t-20.0%\nRobbery\t1\t0\t2\t3\t50.0%\n"
               "Total\t4\t4\t3\t11\t-8.3%\n\n"
               "\tGroup A\tGroup B\tTotal\nMale\t40.0%\t11.0%\t51.0%\nFemale\t39.0%\t10.0%\t49.0%\n"
               "Total\t79.0%\t21.0%\t100.0%\n")
    assert [(i.value, i.period, i.line) for i in inds] == [
        ("11", None, 6), ("-8.3", "2023/24 over 2022/23", 6)]


def test_a_caption_wrapped_over_two_lines_names_the_table():
    inds = run("Borsetshire County Council\n\n"
               "Table 2 - The percentage of children who ceased to be the subject of a child\n"
               "protection plan who had been the subject of a plan for two years or more\n\n"
               "\t2021/22\t2022/23\nBorsetshire\t3.1%\t2.4%\nEngland\t3.6%\t3.5%\n")
    assert len(inds) == 2
    assert inds[0].name.startswith("The percentage of children who ceased")
    assert inds[0].name.endswith("for two years or more")


def test_months_as_rows_and_measures_as_columns():
    inds = run("Contacts and referrals 2023/24\n\n"
               "Month\tContacts\tReferrals\nApr\t1,020\t310\nMay\t998\t295\n")
    assert [(i.name.split(" \u2013 ")[0], i.period, i.value) for i in inds] == [
        ("Contacts", "Apr 2023/24", "1020"), ("Referrals", "Apr 2023/24", "310"),
        ("Contacts", "May 2023/24", "998"), ("Referrals", "May 2023/24", "295")]


def test_counts_that_look_like_years_are_data_not_headers():
    inds = run("Measure\t2021/22\t2022/23\n"
               "Number of contacts\t1,804\t1,950\n"
               "Number of enquiries\t1987\t2034\n"
               "Number of referrals\t604\t702\n")
    assert [(i.period, i.value) for i in inds][2:4] == [("2021/22", "1987"), ("2022/23", "2034")]
    assert len(inds) == 6


def _as_pdf_text(paragraphs: list[str], width: int = 60, page_after: int | None = None) -> Text:
    """A paper as a PDF reader gives it: each paragraph wrapped at `width` characters
    (the later lines recorded in Text.wraps), no blank lines, tab-separated table rows,
    and a page break ("Page 1" furniture) after paragraph `page_after`."""
    lines: list[Line] = []
    wraps: set[int] = set()
    page = 1
    for k, para in enumerate(paragraphs):
        if "\t" in para:
            parts = [para]
        else:
            parts, cur = [], ""
            for w in para.split():
                if cur and len(cur) + 1 + len(w) > width:
                    parts.append(cur)
                    cur = w
                else:
                    cur = f"{cur} {w}".strip()
            parts.append(cur)
        for j, s in enumerate(parts):
            lines.append(Line(len(lines) + 1, page, s))
            if j:
                wraps.add(len(lines))
        if k == page_after:
            lines.append(Line(len(lines) + 1, page, f"Page {page}", furniture=True))
            page += 1
    return Text(source="paper.pdf", lines=lines, kind="pdf", wraps=wraps)


def test_a_pdf_of_a_paper_gives_the_indicators_of_its_text():
    # headings, a paragraph whose wrapped lines would pass for headings, a table cut by a
    # page break with its caption under the rest, and a period named in the paragraph
    # above a table without period columns
    paper = [
        "Borsetshire County Council",
        "Serious violence",
        "Serious violence is recorded in line with the national definition as any drug, "
        "robbery or violence against the person offence that has a gravity score of five "
        "or more resulting in a caution or court sentence.",
        "Offences\tNorth\tSouth\tTOTAL\t% Variance 2023/24 over 2022/23",
        "Drugs\t1\t4\t5\t-38.5%",
        "Robbery\t2\t1\t3\t-66.7%",
        "Total\t3\t5\t8\t-50.0%",
        "Key Stage 4 results",
        "Table 6 below shows the results achieved by Borsetshire pupils in 2021 compared "
        "with those nationally and in the region:",
        "Region\tCharacteristic\tAverage Attainment 8 score\t% achieving grade 5 or above",
        "National\tDisadvantaged\t40.3\t31.7",
        "National\tNon-disadvantaged\t54.7\t59.2",
        "Borsetshire\tDisadvantaged\t37.4\t27.7",
        "Borsetshire\tNon-disadvantaged\t56.7\t64.7",
        "Table 6: Key Stage 4 results, disadvantaged pupils and their peers",
    ]
    text = from_string("\n\n".join(paper) + "\n", "paper.txt")
    pdf = _as_pdf_text(paper, page_after=11)
    assert any(ln.furniture for ln in pdf.lines) and pdf.wraps

    def fields(inds):
        return [(i.name, i.period, i.value, i.unit, i.target, i.status) for i in inds]

    from_text = extract_indicators(text)
    assert len(from_text) >= 6
    assert fields(extract_indicators(pdf)) == fields(from_text)
    assert not any("caution or court" in i.name for i in from_text)
