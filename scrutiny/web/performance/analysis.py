"""Reading a measure's values: targets, RAG, polarity, and the flags the dashboards show.

Pure functions over value rows (anything with the attributes of `IndicatorValue`); no
queries.

* `parse_target(">97.2%")` -> ("97.2", ">"); `rag_of("Not on Track")` -> "R".
* `infer_polarity(values)` -- is a higher or a lower value better?  From the target's
  comparator ("<20" / ">90"); else from RAG against value and target (Green above its
  target: higher is better; Red or Amber above it: lower is better); else from an
  evaluative direction of travel ("Improving", "Worsening") against the change in value.
  None when the papers do not say.
* `off_target(value, polarity)` -- the value is on the wrong side of its target, or (with
  no numeric target) rated Red or Amber / Not on Track.
* `worse_runs(values, polarity)` -- runs of two or more consecutive periods, each worse
  than the one before (by value and polarity; where the polarity is not known, by a
  printed "Worsening"/"Declining"), over `series(values)`: one point per date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

HIGHER, LOWER = "higher", "lower"

_RAG = [
    (re.compile(r"^\s*(?:not on track|off track|red|r|behind|compromised|not met|"
                r"significantly (?:below|off) target)\b", re.I), "R"),
    (re.compile(r"^\s*(?:amber|a|at risk|red\s*/\s*amber|amber\s*/\s*red|amber\s*/\s*green|"
                r"green\s*/\s*amber|close to target|slightly off target)\b", re.I), "A"),
    (re.compile(r"^\s*(?:green|g|on track|on target|met|achieved|exceeded|ahead|"
                r"completed?)\b", re.I), "G"),
]
_IMPROVING = re.compile(r"\b(?:improv\w*|better|up arrow green)\b", re.I)
_WORSENING = re.compile(r"\b(?:wors\w*|declin\w*|deteriorat\w*|worse)\b", re.I)
_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")


def to_decimal(s) -> Decimal | None:
    if s is None:
        return None
    if isinstance(s, Decimal):
        return s
    if isinstance(s, (int, float)):
        return Decimal(str(s))
    t = str(s).strip().replace(",", "").replace("\u2212", "-").replace("\u2013", "-")
    t = t.rstrip("%").strip()
    if not _NUMBER.match(t):
        return None
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def parse_target(printed: str | None) -> tuple[Decimal | None, str]:
    """(number, comparator) of a target as printed: ">97.2%" -> (97.2, ">"); "100" ->
    (100, ""); "National average (50%)" -> (None, "")."""
    s = (printed or "").strip().rstrip("*").strip()
    m = re.match(r"^(<=|>=|[<>\u2264\u2265])?\s*(.*)$", s)
    op = (m.group(1) or "").replace("\u2264", "<=").replace("\u2265", ">=")
    return to_decimal(m.group(2)), op if to_decimal(m.group(2)) is not None else ""


def rag_of(status: str | None) -> str:
    s = (status or "").strip()
    if not s:
        return ""
    for rx, code in _RAG:
        if rx.match(s):
            return code
    return ""


def evaluative(direction: str | None) -> int:
    """+1 for an improving direction of travel, -1 for a worsening one, 0 otherwise."""
    d = direction or ""
    if _WORSENING.search(d):
        return -1
    if _IMPROVING.search(d):
        return 1
    return 0


@dataclass
class Polarity:
    polarity: str          # "higher", "lower" or ""
    source: str


def infer_polarity(values) -> Polarity:
    """From the values of one measure (see the module's docstring)."""
    votes = {HIGHER: 0, LOWER: 0}
    for v in values:
        op = getattr(v, "target_op", "") or ""
        if op.startswith(">"):
            votes[HIGHER] += 1
        elif op.startswith("<"):
            votes[LOWER] += 1
    if votes[HIGHER] != votes[LOWER]:
        return Polarity(HIGHER if votes[HIGHER] > votes[LOWER] else LOWER,
                        "the target's comparator (< or >)")
    for v in values:
        rag, n, t = getattr(v, "rag", ""), getattr(v, "number", None), \
            getattr(v, "target_number", None)
        status = (getattr(v, "status", "") or "").lower()
        if n is None or t is None or n == t or not rag or "track" in status:
            continue          # "On Track" speaks of a trajectory, not of the value
        above = n > t
        if rag == "G":
            votes[HIGHER if above else LOWER] += 1
        else:
            votes[LOWER if above else HIGHER] += 1
    if votes[HIGHER] != votes[LOWER]:
        return Polarity(HIGHER if votes[HIGHER] > votes[LOWER] else LOWER,
                        "the RAG rating against the value and the target")
    ordered = ordered_values(values)
    for prev, cur in zip(ordered, ordered[1:]):
        e = evaluative(getattr(cur, "direction", ""))
        if not e or prev.number is None or cur.number is None or prev.number == cur.number:
            continue
        up = cur.number > prev.number
        votes[HIGHER if (up == (e > 0)) else LOWER] += 1
    if votes[HIGHER] != votes[LOWER]:
        return Polarity(HIGHER if votes[HIGHER] > votes[LOWER] else LOWER,
                        "the direction of travel against the change in value")
    return Polarity("", "")


def ordered_values(values) -> list:
    def k(v):
        import datetime as dt
        far = dt.date(9999, 12, 31)
        return (v.period_end or far, v.period_start or far, v.period)
    return sorted(values, key=k)


def off_by_figures(v, polarity: str) -> bool | None:
    """The value against its numeric target: True when it misses it, None when the
    figures cannot say (no numeric target, or no comparator and no polarity)."""
    n, t, op = v.number, getattr(v, "target_number", None), getattr(v, "target_op", "") or ""
    if n is None or t is None:
        return None
    # "on or better than target" is on target, whether printed ">90" or ">=90"
    if op.startswith(">") or (not op and polarity == HIGHER):
        return n < t
    if op.startswith("<") or (not op and polarity == LOWER):
        return n > t
    return None


def off_target(v, polarity: str) -> bool | None:
    """True when the value misses its target (by the figures, else by a Red or Amber
    rating); None when nothing says."""
    by_figures = off_by_figures(v, polarity)
    if by_figures is not None:
        return by_figures
    rag = getattr(v, "rag", "")
    if rag:
        return rag in ("R", "A")
    return None


def _worse(prev, cur, polarity: str) -> bool | None:
    if polarity and prev.number is not None and cur.number is not None:
        if cur.number == prev.number:
            return False
        return (cur.number < prev.number) if polarity == HIGHER else (cur.number > prev.number)
    e = evaluative(getattr(cur, "direction", ""))
    return None if e == 0 else e < 0


@dataclass
class Run:
    values: list          # the values that were each worse than the one before
    current: bool         # the run reaches the latest value

    @property
    def periods(self) -> list[str]:
        return [v.period for v in self.values]

    @property
    def label(self) -> str:
        p = self.periods
        return f"{p[0]} to {p[-1]}" if len(p) > 2 else " and ".join(p)


def series(values) -> list:
    """The values in time order, one per point in time: a period printed two ways in two
    reports ("Q4 2024/25" and "Mar 2025", "Q4 2024/25" and "Spring 2025") with the same
    figure is one point (the printing with a target or RAG kept)."""
    out: list = []
    for v in ordered_values(values):
        if v.period_end is None:
            continue
        if out and out[-1].period_end == v.period_end and out[-1].value == v.value:
            if (getattr(v, "target", "") or getattr(v, "rag", "")) and not (
                    getattr(out[-1], "target", "") or getattr(out[-1], "rag", "")):
                out[-1] = v
            continue
        out.append(v)
    return out


def worse_runs(values, polarity: str, length: int = 2) -> list[Run]:
    """Runs of `length` or more consecutive periods each worse than the one before."""
    out: list[Run] = []
    points = [v for v in series(values) if v.number is not None or v.direction]
    run: list = []
    for prev, cur in zip(points, points[1:]):
        if _worse(prev, cur, polarity):
            run.append(cur)
            continue
        if len(run) >= length:
            out.append(Run(run, False))
        run = []
    if len(run) >= length:
        out.append(Run(run, run[-1] is points[-1]))
    return out


def latest(values):
    vs = [v for v in ordered_values(values) if v.period_end is not None]
    return vs[-1] if vs else (values[-1] if values else None)


COMPARATOR_KINDS = [
    ("quartile", re.compile(r"\bquartile\b", re.I)),
    ("statistical_neighbours", re.compile(r"\b(?:statistical|neighbou?rs?|sn|snn)\b", re.I)),
    ("england", re.compile(r"\b(?:england|national(?:ly)?|eng)\b", re.I)),
    ("region", re.compile(r"\b(?:region(?:al)?|north east|north west|yorkshire|humber|"
                          r"east midlands|west midlands|midlands|east of england|eastern|"
                          r"london|south east|south west)\b", re.I)),
]


def comparator_kind(label: str) -> str:
    for kind, rx in COMPARATOR_KINDS:
        if rx.search(label or ""):
            return kind
    return ""


@dataclass
class Flag:
    kind: str            # off_target | worse_running | narrative | restated | rag_disagrees
    title: str
    detail: str
    current: bool = True


def _show(v) -> str:
    return f"{v.value}%" if getattr(v, "unit", "") == "%" else f"{v.value}"


def flags_for(indicator, values, narrative=()) -> list[Flag]:
    """What the dashboards flag for one measure: the latest value off target; two or more
    periods running each worse than the one before; narrative figures that differ from
    the table; periods printed with different figures in different papers; a RAG rating
    that the figures contradict.  Surfaced, never corrected."""
    out: list[Flag] = []
    polarity = getattr(indicator, "polarity", "") or ""
    pts = series(values)
    last = pts[-1] if pts else None
    if last is not None:
        off = off_target(last, polarity)
        if off:
            target = f" against a target of {last.target}" if last.target else ""
            rating = f" ({last.status})" if last.status else ""
            out.append(Flag("off_target", "Off target",
                            f"{last.period}: {_show(last)}{target}{rating}"))
        if last.rag:
            by_figures = off_by_figures(last, polarity)
            if by_figures is not None and by_figures != (last.rag in ("R", "A")):
                out.append(Flag("rag_disagrees", "RAG rating and figures disagree",
                                f"{last.period}: {_show(last)} against {last.target} is "
                                f"{'off' if by_figures else 'on'} target, but the paper rates "
                                f"it {last.status or last.rag}"))
    for run in worse_runs(values, polarity):
        out.append(Flag("worse_running", f"Worse {len(run.values)} periods running",
                        f"{run.label}" + ("" if run.current else " (since improved)"),
                        current=run.current))
    for n in narrative:
        v = n.value
        out.append(Flag("narrative", "The report's text gives a different figure",
                        f"{v.period}: the text says {n.figure}, the table {_show(v)}"))
    for v in values:
        for p in getattr(v, "other_printings", None) or []:
            shown = f"{p.get('value')}%" if getattr(v, "unit", "") == "%" else p.get("value")
            out.append(Flag("restated", "Printed with a different figure elsewhere",
                            f"{v.period}: {_show(v)} here, {shown} in another paper"))
    return out
