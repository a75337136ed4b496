"""Performance pages: a council's indicators, a committee's dashboard, an indicator's page
(chart and table side by side, flags, where it was discussed), its chart as SVG, and the
officer page that merges, splits and edits indicators (sign-in required, audited).

Every chart has the table of the same figures beside it; the table is what a reader
without JavaScript gets, and the SVG link gives the chart as an image.
"""
from __future__ import annotations

import itertools
from collections import OrderedDict
from functools import cached_property

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..record.models import Committee, Council, Document
from . import charts, officers
from .analysis import flags_for, series
from .mentions import ItemLocator
from .models import Indicator, IndicatorAudit, IndicatorMention, IndicatorValue, NarrativeFigure

VALUES = Prefetch("values", queryset=IndicatorValue.objects.select_related(
    "meeting__committee__council").order_by("period_end", "period_start", "period"))
NARRATIVE = Prefetch("values__narrative_figures",
                     queryset=NarrativeFigure.objects.select_related("value"))


class Card:
    """One indicator as a dashboard shows it."""

    def __init__(self, ind: Indicator, n: int) -> None:
        self.indicator = ind
        self.values = list(ind.values.all())
        self.narrative = [f for v in self.values for f in v.narrative_figures.all()]
        self.flags = flags_for(ind, self.values, self.narrative)
        self.points = series(self.values)
        self.latest = self.points[-1] if self.points else (self.values[-1] if self.values
                                                           else None)
        self.chart_id = f"chart-{n}"
        self.spec_id = f"chart-{n}-spec"
        self.has_comparators = any(v.england is not None or v.statistical_neighbours is not None
                                   or v.region is not None for v in self.values)
        self.has_quartile = any(v.quartile is not None for v in self.values)
        self.has_target = any(v.target_number is not None for v in self.values)
        self.region_name = next((v.region_name for v in self.values if v.region_name), "Region")
        self.current_flags = [f for f in self.flags if f.current]

    @cached_property
    def spec(self) -> dict | None:
        """The chart's Vega-Lite spec (only pages that draw the chart ask for it)."""
        return charts.spec(self.indicator, self.values)


def _council(slug: str) -> Council:
    return get_object_or_404(Council, slug=slug)


def council_indicators(request, council):
    c = _council(council)
    inds = list(Indicator.objects.filter(council=c).select_related("council")
                .prefetch_related(VALUES, NARRATIVE))
    cards = [Card(i, n) for n, i in enumerate(inds)]
    committees = Committee.objects.filter(
        meetings__indicator_values__indicator__council=c).distinct().order_by("name")
    groups = OrderedDict()
    for card in sorted(cards, key=lambda k: (k.indicator.service_area or "~",
                                              k.indicator.name.lower())):
        groups.setdefault(card.indicator.service_area or "Other measures", []).append(card)
    return render(request, "performance/council.html", {
        "council": c, "groups": groups, "committees": committees, "n": len(cards),
        "n_flagged": sum(1 for k in cards if k.current_flags)})


def committee_dashboard(request, council, committee):
    com = get_object_or_404(Committee.objects.select_related("council"), council__slug=council,
                            slug=committee)
    inds = list(Indicator.objects.filter(values__meeting__committee=com).distinct()
                .select_related("council").prefetch_related(VALUES, NARRATIVE))
    cards = [Card(i, n) for n, i in enumerate(sorted(
        inds, key=lambda i: (i.service_area or "~", i.name.lower())))]
    groups = OrderedDict()
    for card in cards:
        groups.setdefault(card.indicator.service_area or "Other measures", []).append(card)
    counts = {k: sum(1 for c in cards if any(f.kind == k and f.current for f in c.flags))
              for k in ("off_target", "worse_running", "narrative", "restated",
                        "rag_disagrees")}
    meetings = sorted({v.meeting for c in cards for v in c.values if v.meeting_id},
                      key=lambda m: m.date, reverse=True)
    return render(request, "performance/committee.html", {
        "council": com.council, "committee": com, "groups": groups, "cards": cards,
        "counts": counts, "meetings": meetings,
        "first_meeting": meetings[-1] if meetings else None,
        "last_meeting": meetings[0] if meetings else None})


def committee_pdf(request, council, committee):
    """The committee's dashboard as a PDF (WeasyPrint): each chart as the static SVG that
    vl-convert draws from the same spec, beside the table of its figures."""
    import base64

    from django.template.loader import render_to_string
    from weasyprint import HTML

    com = get_object_or_404(Committee.objects.select_related("council"), council__slug=council,
                            slug=committee)
    inds = list(Indicator.objects.filter(values__meeting__committee=com).distinct()
                .select_related("council").prefetch_related(VALUES, NARRATIVE))
    if not inds:
        raise Http404("No performance figures have been read for this committee")
    cards = [Card(i, n) for n, i in enumerate(sorted(
        inds, key=lambda i: (i.service_area or "~", i.name.lower())))]
    groups: "OrderedDict[str, list[Card]]" = OrderedDict()
    for card in cards:
        card.svg_uri = ("data:image/svg+xml;base64," + base64.b64encode(
            charts.svg({**card.spec, "height": 170}, width=340).encode()).decode()) \
            if card.spec else ""
        groups.setdefault(card.indicator.service_area or "Other measures", []).append(card)
    html = render_to_string("performance/report_pdf.html", {
        "council": com.council, "committee": com, "cards": cards, "groups": groups})
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    resp = HttpResponse(pdf, content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="performance-{com.slug}.pdf"'
    return resp


def _indicator(council: str, pk: int) -> Indicator:
    return get_object_or_404(Indicator.objects.select_related("council").prefetch_related(
        VALUES, NARRATIVE, "names"), council__slug=council, pk=pk)


def discussed(ind: Indicator, values: list[IndicatorValue]) -> list[dict]:
    """The agenda items where the measure was discussed: the items of meetings its values
    were reported to (the report's item), and items whose text names the measure."""
    rows: "OrderedDict[tuple, dict]" = OrderedDict()

    locators: dict[int, ItemLocator] = {}
    for v in values:
        if not v.meeting_id:
            continue
        item = None
        if v.document_id and v.line:
            loc = locators.get(v.document_id)
            if loc is None:
                loc = locators[v.document_id] = ItemLocator(
                    Document.objects.defer("text", "page_starts").get(pk=v.document_id))
            item, _ = loc.at(v.line)
        key = (v.meeting_id, item.pk if item else None)
        row = rows.setdefault(key, {"meeting": v.meeting, "item": item, "how": set(),
                                    "periods": [], "mentions": []})
        row["how"].add("reported")
        row["periods"].append(v.period)
    for m in IndicatorMention.objects.filter(indicator=ind).select_related(
            "item__meeting__committee__council", "meeting__committee__council", "document"):
        if m.meeting_id is None:
            continue
        key = (m.meeting_id, m.item_id)
        row = rows.setdefault(key, {"meeting": m.meeting, "item": m.item, "how": set(),
                                    "periods": [], "mentions": []})
        row["how"].add("discussed")
        row["mentions"].append(m)
    for row in rows.values():
        if row["item"] is not None:
            row["item"].meeting = row["meeting"]
    out = sorted(rows.values(), key=lambda r: (r["meeting"].date, r["item"].order
                                               if r["item"] else 0), reverse=True)
    return out


def indicator(request, council, pk):
    ind = _indicator(council, pk)
    card = Card(ind, 0)
    committees = sorted({v.meeting.committee for v in card.values if v.meeting_id},
                        key=lambda c: c.name)
    return render(request, "performance/indicator.html", {
        "council": ind.council, "indicator": ind, "card": card, "committees": committees,
        "names": [n.name for n in ind.names.all() if n.name != ind.name],
        "discussed": discussed(ind, card.values),
        "audit": list(IndicatorAudit.objects.filter(indicator=ind).select_related("user")[:20])
        if request.user.is_authenticated else []})


def indicator_svg(request, council, pk):
    ind = _indicator(council, pk)
    spec = charts.spec(ind, list(ind.values.all()))
    if spec is None:
        raise Http404("This indicator has no figures to chart")
    resp = HttpResponse(charts.svg(spec), content_type="image/svg+xml; charset=utf-8")
    resp["Content-Disposition"] = f'inline; filename="indicator-{ind.pk}.svg"'
    return resp


# --------------------------------------------------------------------------- officers
@login_required
def officer_indicator(request, council, pk):
    ind = _indicator(council, pk)
    others = Indicator.objects.filter(council=ind.council).exclude(pk=ind.pk).order_by("name")
    return render(request, "performance/officer.html", {
        "council": ind.council, "indicator": ind, "others": others,
        "names": list(ind.names.all()), "values": list(ind.values.all()),
        "suggestions": officers.similar(ind)[:8],
        "polarities": Indicator.POLARITY,
        "audit": list(IndicatorAudit.objects.filter(indicator=ind).select_related("user")[:50])})


@login_required
def officer_list(request):
    pairs = list(itertools.islice(officers.possible_duplicates(), 100))
    return render(request, "performance/officer_list.html", {"pairs": pairs})


@login_required
@require_POST
def officer_merge(request, council, pk):
    ind = _indicator(council, pk)
    try:
        other = Indicator.objects.get(council=ind.council, pk=int(request.POST.get("into", 0)))
    except (Indicator.DoesNotExist, ValueError):
        messages.error(request, "Choose an indicator of the same council to merge into.")
        return redirect("performance:officer_indicator", council, pk)
    kept = officers.merge(ind, other, request.user)
    messages.success(request, f"Merged into “{kept.name}”.")
    return redirect("performance:officer_indicator", kept.council.slug, kept.pk)


@login_required
@require_POST
def officer_split(request, council, pk):
    ind = _indicator(council, pk)
    names = [n for n in request.POST.getlist("name") if n]
    values = [int(v) for v in request.POST.getlist("value") if v.isdigit()]
    try:
        new = officers.split(ind, names, values, request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect("performance:officer_indicator", council, pk)
    messages.success(request, f"Split off “{new.name}”.")
    return redirect("performance:officer_indicator", new.council.slug, new.pk)


@login_required
@require_POST
def officer_edit(request, council, pk):
    ind = _indicator(council, pk)
    try:
        officers.edit(ind, request.POST, request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Saved.")
    return redirect("performance:officer_indicator", council, pk)

