"""The performance part of ingesting a paper: its indicator values into the database.

Called by `record.ingest.Reconciler` inside the paper's transaction:

1. the paper's values are grouped by the measure's printed name and unit, and each group
   is matched to one of the council's indicators (`identity.assign`: names, units and
   figures shared with earlier reports) or becomes a new indicator;
2. each value is stored under its period's canonical label (`periods.parse_period`).  A
   period another paper already printed keeps one row: the printing that says most (the
   report where it was the latest period, with its target and RAG) holds the citation; a
   printing with a different figure is kept in `other_printings`, never silently dropped;
3. each indicator's polarity is worked out again (`analysis.infer_polarity`) unless an
   officer set it;
4. the report's narrative is scanned for figures that differ from its table
   (`narrative.scan`) and passages that name a measure are noted (`mentions.py`).
"""
from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal

from django.db.models import Prefetch

from . import identity
from .analysis import comparator_kind, infer_polarity, parse_target, rag_of, to_decimal
from .models import Indicator, IndicatorName, IndicatorValue, NarrativeFigure
from .narrative import Measure, scan
from .periods import parse_period

RICH_FIELDS = ("target", "status", "rag", "direction", "comparators")


def _clip(s, n: int) -> str:
    return " ".join((s or "").split())[:n]


def candidates(council) -> tuple[list[identity.Candidate], dict[str, int], dict[int, Indicator]]:
    """The council's indicators as the matcher sees them, the indicator of each printed
    name's key, and the indicators by id."""
    inds = list(Indicator.objects.filter(council=council).prefetch_related(
        Prefetch("names", queryset=IndicatorName.objects.only("indicator_id", "name", "key"))))
    values: dict[int, dict[str, str]] = {}
    for ind_id, period, value in IndicatorValue.objects.filter(
            indicator__council=council).values_list("indicator_id", "period", "value"):
        values.setdefault(ind_id, {})[period] = value
    cands, exact, counts = [], {}, {}
    for ind in inds:
        names = [n.name for n in ind.names.all()] or [ind.name]
        cands.append(identity.Candidate(ind.pk, names, ind.unit or None, values.get(ind.pk, {}),
                                        ind.ref or None))
        for n in ind.names.all():
            counts[n.key] = counts.get(n.key, 0) + 1
            exact[n.key] = ind.pk
    exact = {k: v for k, v in exact.items() if counts[k] == 1}   # ambiguous keys: fuzzy
    return cands, exact, {i.pk: i for i in inds}


def value_fields(rec, period) -> dict:
    """An extracted indicator's value as model fields."""
    number = to_decimal(rec.value)
    target_number, target_op = parse_target(rec.target)
    direction = _clip(rec.direction, 60)
    status = _clip(rec.status, 60)
    if status and status == direction:
        status = ""                   # the extractor's status falls back on the direction
    fields = {
        "period_printed": _clip(rec.period, 100), "period_kind": period.kind,
        "period_start": period.start, "period_end": period.end,
        "value": _clip(rec.value, 60), "number": number, "unit": _clip(rec.unit, 40),
        "name_printed": _clip(rec.name, 500),
        "target": _clip(rec.target, 100), "target_number": target_number,
        "target_op": target_op, "status": status, "rag": rag_of(status),
        "direction": direction, "comparators": dict(rec.comparators or {}),
    }
    fields.update(comparator_fields(fields["comparators"]))
    return fields


def comparator_fields(comparators: dict) -> dict:
    out: dict = {"england": None, "statistical_neighbours": None, "region": None,
                 "region_name": "", "quartile": None}
    for label, printed in comparators.items():
        kind = comparator_kind(label)
        n = to_decimal(printed)
        if not kind or n is None:
            continue
        if kind == "quartile":
            if n == n.to_integral_value() and 1 <= n <= 4 and out["quartile"] is None:
                out["quartile"] = int(n)
        elif kind == "region":
            if out["region"] is None:
                out["region"], out["region_name"] = n, _clip(label, 100)
        elif out[kind] is None:
            out[kind] = n
    return out


def richness(fields: dict) -> int:
    return sum(1 for f in RICH_FIELDS if fields.get(f))


def _printing(row: IndicatorValue) -> dict:
    return {"value": row.value, "document": row.document_id, "line": row.line,
            "page": row.page, "meeting": row.meeting_id, "name": row.name_printed,
            "source_file": row.source_file, "source_row": row.source_row}


def _same_figure(a: str, b: str) -> bool:
    da, db = to_decimal(a), to_decimal(b)
    if da is not None and db is not None:
        return da == db
    return (a or "").strip().lower() == (b or "").strip().lower()


def store_value(indicator: Indicator, period_label: str, fields: dict, cite: dict,
                meeting=None, *, authoritative: bool = False) -> tuple[IndicatorValue, bool]:
    """Create or update the value of `indicator` for a period (see the module docstring).
    `authoritative` (an officer's import) replaces the figure.  Returns (row, created)."""
    row = IndicatorValue.objects.filter(indicator=indicator, period=period_label).first()
    new = {**fields, **cite, "meeting": meeting}
    if row is None:
        row = IndicatorValue(indicator=indicator, period=period_label)
        _assign(row, new)
        row.save()
        return row, True
    same_place = (cite.get("document") is not None and row.document_id == getattr(
        cite.get("document"), "pk", cite.get("document")) and row.line == cite.get("line")) or \
        (cite.get("source_file") and row.source_file == cite.get("source_file"))
    current = {f: getattr(row, f) for f in RICH_FIELDS}
    if same_place or authoritative or richness(fields) > richness(current):
        if not same_place and not _same_figure(row.value, fields["value"]):
            row.other_printings = [p for p in (row.other_printings or [])
                                   if not _same_figure(p.get("value"), fields["value"])]
            row.other_printings.append(_printing(row))
        keep = {f: getattr(row, f) for f in RICH_FIELDS if getattr(row, f) and not new.get(f)}
        _assign(row, {**new, **keep} if not authoritative else new)
    else:
        if _same_figure(row.value, fields["value"]):
            fill = {f: new[f] for f in RICH_FIELDS if new.get(f) and not getattr(row, f)}
            if fill.get("comparators"):
                fill.update({k: v for k, v in comparator_fields(fill["comparators"]).items()
                             if v not in (None, "")})
            _assign(row, fill)
        else:
            printing = {"value": fields["value"], "document": getattr(cite.get("document"),
                                                                      "pk", None),
                        "line": cite.get("line"), "page": cite.get("page"),
                        "meeting": getattr(meeting, "pk", None),
                        "name": fields.get("name_printed", ""),
                        "source_file": cite.get("source_file", ""),
                        "source_row": cite.get("source_row")}
            others = [p for p in (row.other_printings or [])
                      if not (p.get("document") == printing["document"]
                              and p.get("line") == printing["line"]
                              and (p.get("source_file") or "") == printing["source_file"])]
            row.other_printings = others + [printing]
    row.save()
    return row, False


def _assign(row: IndicatorValue, values: dict) -> None:
    for k, v in values.items():
        if row.pk and row.is_locked(k):
            continue
        if k in ("document", "meeting") and v is not None and not hasattr(v, "pk"):
            setattr(row, f"{k}_id", v)
        else:
            setattr(row, k, v)


def new_indicator(council, name: str, unit: str | None, **extra) -> Indicator:
    ind = Indicator.objects.create(council=council, name=_clip(name, 500),
                                   key=identity.key(name)[:500], unit=_clip(unit, 40), **extra)
    return ind


def add_name(indicator: Indicator, name: str) -> None:
    name = _clip(name, 500)
    if name:
        IndicatorName.objects.get_or_create(indicator=indicator, name=name,
                                            defaults={"key": identity.key(name)[:500]})


def refresh_polarity(indicators) -> None:
    for ind in indicators:
        if ind.is_locked("polarity"):
            continue
        p = infer_polarity(list(ind.values.all()))
        if (ind.polarity, ind.polarity_source) != (p.polarity, p.source):
            ind.polarity, ind.polarity_source = p.polarity, p.source
            ind.save(update_fields=["polarity", "polarity_source", "updated"])


def match_measures(council, measures: "OrderedDict[tuple, dict]") -> dict[tuple, Indicator]:
    """Indicators for a batch of measures {(name, unit): {"values": {period: value}, ...}}:
    matched to the council's indicators one to one, or new."""
    cands, exact, by_id = candidates(council)
    incoming = [identity.Incoming(name, unit, m["values"], m.get("extra", {}).get("ref"))
                for (name, unit), m in measures.items()]
    out: dict[tuple, Indicator] = {}
    for inc, ind_id, score in identity.assign(incoming, cands, exact):
        k = (inc.name, inc.unit)
        extra = measures[k].get("extra", {})
        if ind_id is None:
            ind = new_indicator(council, inc.name, inc.unit, **extra)
        else:
            ind = by_id[ind_id]
            fill = {f: v for f, v in extra.items() if v and not getattr(ind, f)
                    and not ind.is_locked(f)}
            if fill:
                for f, v in fill.items():
                    setattr(ind, f, v)
                ind.save()
        add_name(ind, inc.name)
        out[k] = ind
    return out


def record_indicators(rc) -> None:
    """Store the indicator values of the paper a `Reconciler` is reading."""
    rec = rc.record
    if rc.rereading:
        NarrativeFigure.objects.filter(document=rc.doc).delete()
    meeting = rc.agenda_meeting or (rc.touched_meetings[0] if rc.touched_meetings else None)
    measures: OrderedDict[tuple, dict] = OrderedDict()
    rows = list(rec.indicators) + list(getattr(rec, "statuses", []) or [])
    for r in rows:
        name = _clip(r.name, 500)
        if not identity.key(name):
            continue
        k = (name, _clip(r.unit, 40) or None)
        m = measures.setdefault(k, {"values": {}, "rows": [], "extra": {}})
        period = parse_period(r.period)
        m["rows"].append((r, period))
        if r.value not in (None, ""):
            m["values"].setdefault(period.label, r.value)
        area = _clip(getattr(r, "area", None), 200)
        if area and not m["extra"].get("service_area"):
            m["extra"]["service_area"] = area
        ref = _clip(getattr(r, "ref", None), 60)
        if ref and not m["extra"].get("ref"):
            m["extra"]["ref"] = ref
    from .mentions import note_mentions
    if not measures:
        # minutes and reports without a table still discuss the council's measures
        note_mentions(rc.council, rc.doc, rc.text, [])
        return
    indicators = match_measures(rc.council, measures)
    narrative: list[Measure] = []
    value_rows: dict[int, IndicatorValue] = {}
    touched_inds = {}
    for k, m in measures.items():
        ind = indicators[k]
        touched_inds[ind.pk] = ind
        seen: set[str] = set()
        stored: list[tuple[IndicatorValue, object]] = []
        for r, period in m["rows"]:
            if period.label in seen:
                continue
            seen.add(period.label)
            fields = value_fields(r, period)
            cite = {**rc.cite(r.line, None, r.page), "source_file": "", "source_row": None}
            row, _ = store_value(ind, period.label[:60], fields, cite, meeting)
            rc.touch(row)
            rc.result.indicators += 1
            stored.append((row, r))
        numeric = [(row, r) for row, r in stored if to_decimal(r.value) is not None
                   and row.period_end is not None]
        if numeric:
            numeric.sort(key=lambda x: parse_period(x[1].period).sort_key)
            row, r = numeric[-1]
            prev = numeric[-2] if len(numeric) > 1 else None
            known: set[Decimal] = set()
            for x in [r.target, *(r.comparators or {}).values()]:
                d = to_decimal((x or "").lstrip("<>=\u2264\u2265"))
                if d is not None:
                    known.add(d)
            ref = len(narrative)
            narrative.append(Measure(
                ref, r.name, r.unit, row.period, to_decimal(r.value), known,
                {x.line for _, x in stored if x.line},
                prev[0].period if prev else None, to_decimal(prev[1].value) if prev else None))
            value_rows[ref] = row
            if prev:
                value_rows[("prev", ref)] = prev[0]
    for fig in scan(rc.text, narrative):
        row = value_rows[fig.ref] if fig.period == narrative[fig.ref].period else \
            value_rows.get(("prev", fig.ref))
        if row is None:
            continue
        NarrativeFigure.objects.get_or_create(
            value=row, document=rc.doc, line=fig.line, figure=fig.figure[:60],
            defaults={"number": fig.number, "sentence": fig.sentence, "page": fig.page})
    refresh_polarity(Indicator.objects.filter(pk__in=touched_inds).prefetch_related("values"))
    note_mentions(rc.council, rc.doc, rc.text, list(touched_inds.values()))
