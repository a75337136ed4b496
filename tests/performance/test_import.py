"""Import from CSV and Excel: every row checked, bad rows named by their row number, all
or nothing unless --partial."""
import datetime as dt
from decimal import Decimal

import pytest

from scrutiny.web.performance.importer import COLUMNS, import_file, write_template
from scrutiny.web.performance.models import Indicator, IndicatorAudit, IndicatorValue
from scrutiny.web.record.models import Committee, Council, Meeting

HEADER = ["indicator", "unit", "period", "value", "target", "rag", "england", "quartile"]
GOOD = [
    ["Foster carers approved", "", "2023/24", "12", "20", "Red", "", ""],
    ["Foster carers approved", "", "2024/25", "15", "20", "Amber", "", ""],
    ["Care leavers in suitable accommodation", "%", "Q1 2024/25", "88.5", ">90", "A", "88.0",
     "2"],
]
BAD = [  # (row as a spreadsheet numbers it, cells, what the error says)
    (5, ["", "", "2024/25", "3", "", "", "", ""], "has no name"),
    (6, ["Foster carers approved", "", "Qx", "4", "", "", "", ""], "period 'Qx'"),
    (7, ["Foster carers approved", "", "2022/23", "lots!", "", "", "", ""], "value 'lots!'"),
    (8, ["Foster carers approved", "", "2021/22", "9", "", "Purple", "", ""], "rag 'Purple'"),
    (9, ["Care leavers in suitable accommodation", "%", "Q2 2024/25", "87", "", "", "eighty",
         ""], "england 'eighty'"),
    (10, ["Care leavers in suitable accommodation", "%", "Q3 2024/25", "87", "", "", "", "5"],
     "quartile '5'"),
    (11, ["Foster carers approved", "", "2024/25", "16", "", "", "", ""], "already on row 3"),
]


@pytest.fixture
def council(db):
    return Council.objects.create(name="Example County Council")


def write_csv(path, rows):
    import csv
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for r in rows:
            w.writerow(r)
    return path


def write_xlsx(path, rows, percent_row=None):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def bad_file(tmp_path, kind):
    rows = GOOD + [cells for _, cells, _ in BAD]
    if kind == "csv":
        return write_csv(tmp_path / "values.csv", rows)
    return write_xlsx(tmp_path / "values.xlsx", rows)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_bad_rows_are_named_and_nothing_is_imported(tmp_path, council, kind):
    r = import_file(bad_file(tmp_path, kind), council=council.slug)
    assert [n for n, _ in r.errors] == [n for n, _, _ in BAD]
    for (n, msg), (_, _, expect) in zip(r.errors, BAD):
        assert expect in msg, (n, msg)
    assert all(line.startswith(f"values.{kind}: row ") for line in r.error_lines())
    assert not r.committed and r.imported == 0
    assert not IndicatorValue.objects.exists() and not Indicator.objects.exists()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_partial_imports_the_good_rows(tmp_path, council, kind):
    r = import_file(bad_file(tmp_path, kind), council=council.slug, partial=True)
    assert r.committed and r.imported == 3 and len(r.errors) == len(BAD)
    assert r.created == 2
    fc = Indicator.objects.get(name="Foster carers approved")
    assert [(v.period, v.value, v.rag, v.source_row) for v in fc.values.all()] == [
        ("2023/24", "12", "R", 2), ("2024/25", "15", "A", 3)]
    assert fc.values.first().source_file == f"values.{kind}"
    assert fc.polarity == "higher"             # 15 under a target of 20, rated Amber
    cl = Indicator.objects.get(name="Care leavers in suitable accommodation")
    v = cl.values.get()
    assert (v.unit, v.target_op, v.target_number, v.england, v.quartile) == (
        "%", ">", Decimal("90"), Decimal("88.0"), 2)
    assert (v.period_start, v.period_end) == (dt.date(2024, 4, 1), dt.date(2024, 6, 30))
    assert IndicatorAudit.objects.filter(action="import").count() == 1


def test_excel_percentages_and_dates(tmp_path, council):
    """A cell formatted as a percentage holds 0.885; "Sep-21" typed into Excel becomes
    1 September 2021."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.append(["Indicator", "Period", "Value", "Target"])
    ws.append(["Care leavers EET", dt.datetime(2021, 9, 1), 0.885, 0.9])
    for c in (ws["C2"], ws["D2"]):
        c.number_format = "0.0%"
    path = tmp_path / "pct.xlsx"
    wb.save(path)
    r = import_file(path, council=council.slug)
    assert r.ok and r.imported == 1
    v = IndicatorValue.objects.get()
    assert (v.period, v.value, v.unit, v.target) == ("Sep 2021", "88.5", "%", "90")


def test_imported_values_join_indicators_read_from_papers(seeded, tmp_path):
    """A Leicestershire measure named a little differently in the file joins the
    indicator read from the dashboard; the new quarter is added beside it."""
    leics = Council.objects.get(name="Leicestershire County Council")
    com = Committee.objects.get(council=leics)
    meeting = Meeting.objects.filter(committee=com).order_by("-date").first()
    path = tmp_path / "q2.csv"
    path.write_text(
        "Indicator,Unit,Period,Value,Target,RAG,Committee,Meeting date\n"
        "Child protection cases reviewed within timescales,%,Q2 2022/23,81.0,>97.2,Red,"
        f"{com.name},{meeting.date:%d/%m/%Y}\n", encoding="utf-8")
    r = import_file(path, council=leics.slug)
    assert r.ok and r.matched == 1 and r.created == 0
    ind = Indicator.objects.get(council=leics, name="Child protection cases which were "
                                                  "reviewed within timescales")
    assert [v.period for v in ind.values.all()] == ["Q4 2021/22", "Q1 2022/23", "Q2 2022/23"]
    assert ind.values.get(period="Q2 2022/23").meeting == meeting


def test_unknown_council_committee_and_meeting(tmp_path, council):
    path = tmp_path / "x.csv"
    path.write_text("indicator,period,value,council,committee,meeting_date\n"
                    "A measure,2021,1,nowhere,,\n"
                    f"A measure,2022,2,{council.slug},Ghost committee,2022-01-01\n"
                    f"A measure,2023,3,{council.slug},,2022-01-01\n", encoding="utf-8")
    r = import_file(path)
    assert [n for n, _ in r.errors] == [2, 3, 4]
    assert "no council 'nowhere'" in r.errors[0][1]
    assert "no committee 'Ghost committee'" in r.errors[1][1]
    assert "needs the committee" in r.errors[2][1]


@pytest.mark.parametrize("content,problem", [
    (b"", "the file is empty"),
    (b"just one column\nx\n", "no header row"),
    (b"indicator,value\nA,1\n", "no period column"),
    (b"PK\x03\x04not really a workbook", "not a readable Excel workbook"),
])
def test_unreadable_files(tmp_path, council, content, problem):
    path = tmp_path / ("f.xlsx" if content.startswith(b"PK") else "f.csv")
    path.write_bytes(content)
    r = import_file(path, council=council.slug)
    assert not r.committed and r.errors and problem in r.errors[0][1]


def test_template_round_trip(tmp_path, council):
    for name in ("t.csv", "t.xlsx"):
        path = write_template(tmp_path / name)
        r = import_file(path, council=council.slug)
        assert r.ok and r.rows == 0 and r.imported == 0
    from openpyxl import load_workbook
    wb = load_workbook(tmp_path / "t.xlsx")
    assert [c.value for c in wb["Indicators"][1]] == COLUMNS
    assert wb["Notes"].max_row == len(COLUMNS) + 1
