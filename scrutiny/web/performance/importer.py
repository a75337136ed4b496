"""Import indicator values from a CSV or Excel file (the template in docs/performance.md).

One row is one value of one measure for one period.  Columns (a header row names them;
order does not matter, case and spaces do not either):

    indicator*  ref  unit  polarity  service_area  definition
    period*  value*  target  status  rag  direction
    england  statistical_neighbours  region_name  region  quartile
    council  committee  meeting_date  notes

(* required; `value` may be blank when `status` is given.)  Every row is checked first.
By default a file with any bad row imports nothing; with ``partial=True`` the good rows
are imported and the bad ones reported.  Errors name the row as a spreadsheet shows it:
the header is row 1.

Measures are matched to the council's indicators as papers are (`identity.py`), so a
measure named a little differently from the papers joins the same indicator.  An imported
value replaces a figure read from a paper for the same period (the paper's figure is kept
in `other_printings`); the citation of an imported value is the file and its row.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from ..record.models import Committee, Council, Meeting
from .analysis import comparator_kind, parse_target, rag_of, to_decimal
from .ingest import add_name, match_measures, refresh_polarity, store_value
from .models import Indicator, IndicatorAudit
from .periods import parse_period

COLUMNS = ["indicator", "ref", "unit", "polarity", "service_area", "definition", "period",
           "value", "target", "status", "rag", "direction", "england",
           "statistical_neighbours", "region_name", "region", "quartile", "council",
           "committee", "meeting_date", "notes"]
REQUIRED = ["indicator", "period"]
ALIASES = {
    "measure": "indicator", "indicator_name": "indicator", "measure_name": "indicator",
    "name": "indicator", "kpi": "indicator", "reference": "ref", "code": "ref",
    "pi_ref": "ref", "kpi_ref": "ref", "better": "polarity", "good_is": "polarity",
    "area": "service_area", "service": "service_area", "theme": "service_area",
    "actual": "value", "latest_value": "value", "figure": "value",
    "rag_rating": "rag", "rating": "rag", "direction_of_travel": "direction",
    "dot": "direction", "trend": "direction", "national": "england",
    "england_average": "england", "statistical_neighbour": "statistical_neighbours",
    "statistical_neighbour_average": "statistical_neighbours", "sn": "statistical_neighbours",
    "neighbours": "statistical_neighbours", "regional": "region", "region_value": "region",
    "meeting": "meeting_date", "date": "meeting_date", "comments": "notes",
    "commentary": "notes",
}
MAX_ROWS = 100_000
PERIOD_EXAMPLES = "Q1 2022/23, Sep 2021, 2021, 2022/23, Summer 2022, 31/03/2022"
_GRADE = re.compile(r"^[A-Za-z][A-Za-z*+\- ]{0,29}$")


class ImportFileError(Exception):
    """The file cannot be read at all (not a row's fault)."""


@dataclass
class Row:
    no: int
    cells: dict


@dataclass
class Parsed:
    no: int
    council: Council
    name: str
    unit: str
    period: object
    fields: dict
    indicator_fields: dict
    meeting: Meeting | None


@dataclass
class ImportResult:
    source: str
    rows: int = 0
    imported: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    created: int = 0
    matched: int = 0
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def error_lines(self) -> list[str]:
        return [f"{self.source}: row {n}: {msg}" if n else f"{self.source}: {msg}"
                for n, msg in self.errors]


def _header(s) -> str:
    k = re.sub(r"[^a-z0-9]+", "_", str(s or "").strip().lower()).strip("_")
    return ALIASES.get(k, k)


# --------------------------------------------------------------------------- reading
def _cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return format(Decimal(repr(v)).normalize(), "f") if v == v else ""
    if isinstance(v, dt.datetime):
        v = v.date()
    if isinstance(v, dt.date):
        return v.isoformat()
    return " ".join(str(v).split())


def read_csv(data: bytes) -> list[Row]:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ImportFileError("the file is not text (UTF-8 or Windows-1252)")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[Row] = []
    header: list[str] | None = None
    for cells in reader:
        line = reader.line_num
        if header is None:
            if sum(1 for c in cells if c.strip()) >= 2:
                header = [_header(c) for c in cells]
                header_line = line
            continue
        if not any(c.strip() for c in cells):
            continue
        rows.append(Row(line, {h: " ".join(c.split()) for h, c in zip(header, cells) if h}))
        if len(rows) > MAX_ROWS:
            raise ImportFileError(f"more than {MAX_ROWS} rows")
    if header is None:
        raise ImportFileError("no header row (the first row must name the columns)")
    _check_header(header, header_line)
    return rows


def read_xlsx(data: bytes) -> list[Row]:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(f"not a readable Excel workbook ({exc.__class__.__name__})")
    ws = wb["Indicators"] if "Indicators" in wb.sheetnames else wb.worksheets[0]
    rows: list[Row] = []
    header: list[str] | None = None
    for no, cells in enumerate(ws.iter_rows(), start=ws.min_row or 1):
        values = [c.value for c in cells]
        if header is None:
            if sum(1 for v in values if _cell_text(v)) >= 2:
                header = [_header(v) for v in values]
                header_line = no
            continue
        if not any(_cell_text(v) for v in values):
            continue
        record = {}
        for h, c in zip(header, cells):
            if not h:
                continue
            v = c.value
            fmt = getattr(c, "number_format", "") or ""
            if isinstance(v, (int, float)) and not isinstance(v, bool) and "%" in fmt and \
                    h in ("value", "target", "england", "statistical_neighbours", "region"):
                record[h] = format((Decimal(repr(float(v))) * 100).normalize(), "f")
                record.setdefault("_percent", "yes")
            elif isinstance(v, (dt.date, dt.datetime)) and h == "period":
                d = v.date() if isinstance(v, dt.datetime) else v
                # Excel turns "Sep-21" into 1 September 2021: a month
                record[h] = d.strftime("%b %Y") if d.day == 1 else d.strftime("%d/%m/%Y")
            else:
                record[h] = _cell_text(v)
        rows.append(Row(no, record))
        if len(rows) > MAX_ROWS:
            raise ImportFileError(f"more than {MAX_ROWS} rows")
    wb.close()
    if header is None:
        raise ImportFileError("no header row (the first row must name the columns)")
    _check_header(header, header_line)
    return rows


def _check_header(header: list[str], line: int) -> None:
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(f"row {line}: the header has no {' or '.join(missing)} column "
                              f"(columns: {', '.join(COLUMNS)})")
    if "value" not in header and "status" not in header:
        raise ImportFileError(f"row {line}: the header has neither a value nor a status column")


def read_rows(path: Path) -> list[Row]:
    data = Path(path).read_bytes()
    if not data.strip():
        raise ImportFileError("the file is empty")
    if data[:2] == b"PK" or Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(data)
    if b"\x00" in data[:4096]:
        raise ImportFileError("not a CSV or Excel (.xlsx) file")
    return read_csv(data)


# --------------------------------------------------------------------------- checking
class _Bad(Exception):
    pass


def _number(row: dict, key: str, label: str) -> Decimal | None:
    s = (row.get(key) or "").strip().rstrip("%").strip()
    if not s or s.lower() in ("n/a", "na", "-", "–"):
        return None
    d = to_decimal(s)
    if d is None:
        raise _Bad(f"{label} {row.get(key)!r} is not a number")
    return d


def _date(s: str) -> dt.date:
    s = s.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise _Bad(f"meeting_date {s!r} is not a date (use 2022-09-06 or 06/09/2022)")


class _Context:
    def __init__(self, council_slug: str | None):
        self.default = None
        if council_slug:
            self.default = Council.objects.filter(slug=council_slug).first() or \
                Council.objects.filter(name__iexact=council_slug).first()
            if self.default is None:
                raise ImportFileError(f"no council {council_slug!r} (give its slug, as in "
                                      f"`scrutiny indicators`)")
        self.councils: dict[str, Council | None] = {}
        self.committees: dict[tuple, Committee | None] = {}

    def council(self, name: str) -> Council:
        if not name:
            if self.default is None:
                raise _Bad("no council: give --council SLUG or a council column")
            return self.default
        if name not in self.councils:
            self.councils[name] = Council.objects.filter(slug=name).first() or \
                Council.objects.filter(name__iexact=name).first()
        c = self.councils[name]
        if c is None:
            raise _Bad(f"no council {name!r} in the record")
        if self.default is not None and c.pk != self.default.pk:
            raise _Bad(f"council {name!r} is not {self.default.slug}")
        return c

    def committee(self, council: Council, name: str) -> Committee:
        k = (council.pk, name.lower())
        if k not in self.committees:
            from ..record.names import normalise_committee
            self.committees[k] = Committee.objects.filter(council=council, slug=name).first() or \
                Committee.objects.filter(council=council, name__iexact=name).first() or \
                Committee.objects.filter(council=council, key=normalise_committee(name)).first()
        c = self.committees[k]
        if c is None:
            raise _Bad(f"no committee {name!r} of {council.name}")
        return c


POLARITIES = {"higher": "higher", "higher is better": "higher", "high": "higher",
              "up": "higher", "lower": "lower", "lower is better": "lower", "low": "lower",
              "down": "lower", "": "", "not known": "", "unknown": "", "n/a": ""}
RAGS = {"r": "R", "red": "R", "a": "A", "amber": "A", "g": "G", "green": "G", "": ""}


def check_row(row: Row, ctx: _Context) -> Parsed:
    r = row.cells
    name = (r.get("indicator") or "").strip()
    if not name:
        raise _Bad("the indicator has no name")
    if len(name) > 500:
        raise _Bad("the indicator's name is longer than 500 characters")
    printed_period = (r.get("period") or "").strip()
    if not printed_period:
        raise _Bad("no period")
    period = parse_period(printed_period)
    if period.kind == "other":
        raise _Bad(f"period {printed_period!r} is not a period (for example {PERIOD_EXAMPLES})")
    unit = (r.get("unit") or "").strip()
    if not unit and r.get("_percent"):
        unit = "%"
    if unit.lower() in ("percent", "per cent", "percentage", "pct"):
        unit = "%"
    value = (r.get("value") or "").strip()
    status = (r.get("status") or "").strip()
    if value.endswith("%"):
        value, unit = value[:-1].strip(), unit or "%"
    number = to_decimal(value) if value else None
    if value and number is None and not _GRADE.match(value):
        raise _Bad(f"value {r.get('value')!r} is not a number or a grade")
    if number is not None:
        value = value.replace(",", "")
    if not value and not status:
        raise _Bad("no value (give a value, or a status for a measure reported without one)")
    target = (r.get("target") or "").strip()
    if target.lower() in ("n/a", "na", "-", "–", "none"):
        target = ""
    target_number, target_op = parse_target(target.rstrip("%"))
    rag_in = (r.get("rag") or "").strip().lower()
    if rag_in not in RAGS:
        raise _Bad(f"rag {r.get('rag')!r} is not Red, Amber or Green (or R, A, G)")
    rag = RAGS[rag_in] or rag_of(status)
    polarity_in = (r.get("polarity") or "").strip().lower()
    if polarity_in not in POLARITIES:
        raise _Bad(f"polarity {r.get('polarity')!r} is not 'higher' or 'lower'")
    england = _number(r, "england", "england")
    sn = _number(r, "statistical_neighbours", "statistical_neighbours")
    region = _number(r, "region", "region")
    quartile = None
    if (r.get("quartile") or "").strip():
        q = to_decimal(r["quartile"])
        if q is None or q != q.to_integral_value() or not 1 <= q <= 4:
            raise _Bad(f"quartile {r.get('quartile')!r} is not 1, 2, 3 or 4")
        quartile = int(q)
    council = ctx.council((r.get("council") or "").strip())
    meeting = None
    committee_name = (r.get("committee") or "").strip()
    meeting_date = (r.get("meeting_date") or "").strip()
    if meeting_date and not committee_name:
        raise _Bad("meeting_date needs the committee it met as")
    if committee_name:
        com = ctx.committee(council, committee_name)
        if meeting_date:
            day = _date(meeting_date)
            meeting = Meeting.objects.filter(committee=com, date=day).first()
            if meeting is None:
                raise _Bad(f"no meeting of {com.name} on {day:%-d %B %Y}")
    comparators = OrderedDict()
    if england is not None:
        comparators["England"] = r.get("england")
    if sn is not None:
        comparators["Statistical neighbours"] = r.get("statistical_neighbours")
    region_name = (r.get("region_name") or "").strip()
    if region is not None:
        comparators[region_name or "Region"] = r.get("region")
    if quartile is not None:
        comparators["Quartile"] = str(quartile)
    fields = {
        "period_printed": printed_period[:100], "period_kind": period.kind,
        "period_start": period.start, "period_end": period.end,
        "value": value[:60], "number": number, "unit": unit[:40], "name_printed": name[:500],
        "target": target[:100], "target_number": target_number, "target_op": target_op,
        "status": status[:60], "rag": rag, "direction": (r.get("direction") or "")[:60],
        "comparators": dict(comparators), "england": england, "statistical_neighbours": sn,
        "region": region, "region_name": (region_name or ("Region" if region is not None
                                                          else ""))[:100],
        "quartile": quartile,
    }
    if comparator_kind(region_name) not in ("", "region"):
        raise _Bad(f"region_name {region_name!r} names England or a neighbour group, "
                   f"not a region")
    indicator_fields = {k: (r.get(k) or "").strip() for k in ("ref", "service_area",
                                                               "definition") if r.get(k)}
    if POLARITIES[polarity_in]:
        indicator_fields["polarity"] = POLARITIES[polarity_in]
    return Parsed(row.no, council, name, unit, period, fields, indicator_fields, meeting)


# --------------------------------------------------------------------------- importing
def import_file(path, *, council: str | None = None, partial: bool = False,
                user=None) -> ImportResult:
    """Check every row of the file, then import all of them, or (with `partial`) the good
    ones.  Nothing is written when a row is bad and `partial` is not set."""
    path = Path(path)
    result = ImportResult(path.name)
    try:
        rows = read_rows(path)
        ctx = _Context(council)
    except ImportFileError as exc:
        result.errors.append((0, str(exc)))
        return result
    except OSError as exc:
        result.errors.append((0, f"cannot be read ({exc.strerror or exc})"))
        return result
    result.rows = len(rows)
    good: list[Parsed] = []
    seen: dict[tuple, int] = {}
    units: dict[tuple, tuple[str, int]] = {}
    for row in rows:
        try:
            p = check_row(row, ctx)
            k = (p.council.pk, p.name.lower(), p.period.label)
            if k in seen:
                raise _Bad(f"{p.name!r} for {p.period.label} is already on row {seen[k]}")
            uk = (p.council.pk, p.name.lower())
            if uk in units and units[uk][0] != p.unit:
                raise _Bad(f"{p.name!r} has unit {p.unit or 'none'!r} here but "
                           f"{units[uk][0] or 'none'!r} on row {units[uk][1]}")
            seen[k] = row.no
            units.setdefault(uk, (p.unit, row.no))
            good.append(p)
        except _Bad as exc:
            result.errors.append((row.no, str(exc)))
    if result.errors and not partial:
        return result
    if not good:
        return result
    with transaction.atomic():
        _write(good, result, path.name, user)
    result.committed = True
    return result


def _write(good: list[Parsed], result: ImportResult, source: str, user) -> None:
    by_council: "OrderedDict[int, list[Parsed]]" = OrderedDict()
    for p in good:
        by_council.setdefault(p.council.pk, []).append(p)
    for rows in by_council.values():
        council = rows[0].council
        before = set(Indicator.objects.filter(council=council).values_list("pk", flat=True))
        measures: "OrderedDict[tuple, dict]" = OrderedDict()
        for p in rows:
            m = measures.setdefault((p.name, p.unit or None), {"values": {}, "rows": [],
                                                                "extra": {}})
            if p.fields["value"]:
                m["values"][p.period.label] = p.fields["value"]
            m["rows"].append(p)
            for k, v in p.indicator_fields.items():
                if k != "polarity":
                    m["extra"].setdefault(k, v)
        indicators = match_measures(council, measures)
        touched = {}
        for k, m in measures.items():
            ind = indicators[k]
            touched[ind.pk] = ind
            polarity = next((p.indicator_fields["polarity"] for p in m["rows"]
                             if "polarity" in p.indicator_fields), None)
            if polarity and polarity != ind.polarity:
                ind.polarity, ind.polarity_source = polarity, f"imported from {source}"[:60]
                ind.lock("polarity")
                ind.save()
            for p in m["rows"]:
                cite = {"document": None, "line": None, "end_line": None, "page": None,
                        "source_file": source[:400], "source_row": p.no}
                store_value(ind, p.period.label[:60], p.fields, cite, p.meeting,
                            authoritative=True)
                result.imported += 1
            add_name(ind, k[0])
        refresh_polarity(Indicator.objects.filter(pk__in=touched).prefetch_related("values"))
        created = set(touched) - before
        result.created += len(created)
        result.matched += len(set(touched) & before)
        IndicatorAudit.objects.create(
            council=council, action=IndicatorAudit.IMPORT,
            user=user if getattr(user, "pk", None) else None,
            summary=f"{len(rows)} values of {len(touched)} indicators imported from "
                    f"{source}"[:500],
            after={"file": source, "rows": [p.no for p in rows],
                   "indicators": sorted(touched), "created": sorted(created)})


TEMPLATE_HELP = {
    "indicator": "The measure's name (required). Named a little differently from the "
                 "papers, it still joins the same indicator.",
    "ref": "Your reference for the measure, e.g. CS04.",
    "unit": "% for a percentage; blank for a count; or e.g. 'per 10,000'.",
    "polarity": "higher or lower: which is better. Blank: worked out from targets.",
    "service_area": "e.g. Children's Social Care.",
    "definition": "What the measure counts.",
    "period": "Required: Q1 2022/23, Sep 2021, 2021, 2022/23, Summer 2022, 31/03/2022.",
    "value": "The figure, without % or thousands separators (a grade such as C+ is "
             "allowed). May be blank when status is given.",
    "target": "As printed: 90, >90, <20, or words.",
    "status": "As printed: Red, On Track, Not on Track ...",
    "rag": "R, A or G (Red, Amber, Green). Blank: read from status.",
    "direction": "Direction of travel as printed: Improving, Worsening ...",
    "england": "England (national) figure.",
    "statistical_neighbours": "Statistical neighbours' average.",
    "region_name": "The region of the region figure, e.g. West Midlands.",
    "region": "Regional figure.",
    "quartile": "National quartile, 1 (top) to 4.",
    "council": "The council's slug or name (or give --council).",
    "committee": "The committee the value was reported to (name or slug).",
    "meeting_date": "The date of that committee's meeting, e.g. 2022-09-06.",
    "notes": "Anything else; not imported.",
}


def write_template(path: Path) -> Path:
    """A blank template: CSV or, for .xlsx, a workbook with an Indicators sheet and a
    Notes sheet describing each column."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        wb = Workbook()
        ws = wb.active
        ws.title = "Indicators"
        ws.append(COLUMNS)
        for c in ws[1]:
            c.font = Font(bold=True)
        notes = wb.create_sheet("Notes")
        notes.append(["column", "what to put in it"])
        for c in COLUMNS:
            notes.append([c, TEMPLATE_HELP[c]])
        wb.save(path)
    else:
        with path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerow(COLUMNS)
    return path
