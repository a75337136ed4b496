"""One Vega-Lite chart per indicator: its values over time, the target as a dashed line,
and the comparators printed with it (England, statistical neighbours, a region).

The same spec is drawn in the browser by the vendored vega-embed and, for PDF output, as a
static SVG by vl-convert (`svg()`).  Every chart stands beside a table of the same
figures, which is also what a reader without JavaScript sees.
"""
from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict

from .analysis import series

VEGA_LITE_VERSION = "6.4"          # the vega-lite vendored in static/vega and used by vl-convert
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
# GOV.UK Frontend colours: blue, black, orange, purple, green
COLOURS = {"value": "#1d70b8", "Target": "#0b0c0c", "England": "#f47738",
           "Statistical neighbours": "#4c2c92", "region": "#00703c"}


def _num(d) -> float | None:
    return None if d is None else float(d)


def chart_rows(indicator, values) -> list[dict]:
    """The chart's data: one row per point of each series."""
    rows: list[dict] = []
    own = "Value"
    region_label = None
    for v in series(values):
        base = {"period": v.period, "end": v.period_end.isoformat()}
        if v.number is not None:
            rows.append({**base, "series": own, "kind": "value", "value": _num(v.number),
                         "shown": v.display_value, "status": v.status or ""})
        if v.target_number is not None:
            rows.append({**base, "series": "Target", "kind": "target",
                         "value": _num(v.target_number), "shown": v.target, "status": ""})
        for label, field in (("England", "england"),
                             ("Statistical neighbours", "statistical_neighbours")):
            n = getattr(v, field)
            if n is not None:
                rows.append({**base, "series": label, "kind": "comparator", "value": _num(n),
                             "shown": str(n.normalize()), "status": ""})
        if v.region is not None:
            region_label = region_label or (v.region_name or "Region")
            rows.append({**base, "series": region_label, "kind": "comparator",
                         "value": _num(v.region), "shown": str(v.region.normalize()),
                         "status": ""})
    return rows


def spec(indicator, values, *, width: int | str = "container", height: int = 240) -> dict | None:
    """The Vega-Lite spec, or None when there is nothing to chart (no numeric value)."""
    rows = chart_rows(indicator, values)
    if not any(r["kind"] == "value" for r in rows):
        return None
    periods = list(OrderedDict.fromkeys(r["period"] for r in sorted(rows, key=lambda r: r["end"])))
    names = list(OrderedDict.fromkeys(r["series"] for r in rows))
    order = ["Value", "Target", "England", "Statistical neighbours"]
    names.sort(key=lambda n: order.index(n) if n in order else len(order))
    colours = [COLOURS["value"] if n == "Value" else COLOURS.get(n, COLOURS["region"])
               for n in names]
    unit = indicator.unit or ""
    y_title = {"%": "Per cent", "": "Value"}.get(unit, unit)
    tooltip = [{"field": "series", "title": "Series"}, {"field": "period", "title": "Period"},
               {"field": "shown", "title": "Value"}]
    colour = {"field": "series", "type": "nominal", "title": None,
              "scale": {"domain": names, "range": colours},
              "legend": {"orient": "bottom", "direction": "horizontal"}}
    y = {"field": "value", "type": "quantitative", "title": y_title,
         "scale": {"zero": False, "nice": True}}

    def layer(kind: str, mark: dict) -> dict:
        return {"transform": [{"filter": {"field": "kind", "equal": kind}}], "mark": mark,
                "encoding": {"y": y, "color": colour, "tooltip": tooltip,
                             "description": {"field": "label", "type": "nominal"}}}

    for r in rows:
        r["label"] = f"{r['series']}, {r['period']}: {r['shown']}"
    layers = []
    if any(r["kind"] == "comparator" for r in rows):
        layers.append(layer("comparator", {"type": "line", "strokeWidth": 1.5,
                                           "strokeDash": [2, 3],
                                           "point": {"shape": "square", "size": 40}}))
    if any(r["kind"] == "target" for r in rows):
        layers.append(layer("target", {"type": "line", "strokeWidth": 1.5,
                                       "strokeDash": [6, 4],
                                       "point": {"shape": "diamond", "size": 40}}))
    layers.append(layer("value", {"type": "line", "strokeWidth": 2.5,
                                  "point": {"filled": True, "size": 70}}))
    return {
        "$schema": SCHEMA,
        "description": f"{indicator.name}: values by period"
                       + (", with target" if any(r["kind"] == "target" for r in rows) else "")
                       + (" and comparators" if any(r["kind"] == "comparator" for r in rows)
                          else ""),
        "width": width, "height": height, "autosize": {"type": "fit-x", "contains": "padding"},
        "data": {"values": rows},
        "encoding": {"x": {"field": "period", "type": "ordinal", "sort": periods,
                           "title": None, "axis": {"labelAngle": 0 if len(periods) <= 4
                                                   else -35, "labelLimit": 120}}},
        "layer": layers,
        "config": {"font": "arial, sans-serif", "axis": {"labelFontSize": 12,
                                                         "titleFontSize": 12},
                   "legend": {"labelFontSize": 12}, "view": {"stroke": None}},
    }


_svg_cache: "OrderedDict[str, str]" = OrderedDict()
_svg_lock = threading.Lock()


def svg(chart: dict, width: int = 640) -> str:
    """The chart as a static SVG (vl-convert), for PDF output and for the SVG link."""
    import vl_convert

    static = {**chart, "width": width, "autosize": {"type": "fit", "contains": "padding"}}
    key = hashlib.sha256(json.dumps(static, sort_keys=True, default=str).encode()).hexdigest()
    with _svg_lock:
        if key in _svg_cache:
            _svg_cache.move_to_end(key)
            return _svg_cache[key]
    out = vl_convert.vegalite_to_svg(static, vl_version=VEGA_LITE_VERSION.replace(".", "_"))
    with _svg_lock:
        _svg_cache[key] = out
        while len(_svg_cache) > 256:
            _svg_cache.popitem(last=False)
    return out
