"""Template helpers for the performance pages."""
from decimal import Decimal

from django import template
from django.utils.html import format_html

register = template.Library()

RAG_TAGS = {"R": ("govuk-tag--red", "Red"), "A": ("govuk-tag--orange", "Amber"),
            "G": ("govuk-tag--green", "Green")}
FLAG_TAGS = {"off_target": "govuk-tag--red", "worse_running": "govuk-tag--orange",
             "narrative": "govuk-tag--yellow", "restated": "govuk-tag--grey",
             "rag_disagrees": "govuk-tag--purple"}


@register.filter
def num(value) -> str:
    """A Decimal as printed: 23.80000000 -> "23.8"."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal):
        s = format(value.normalize(), "f")
        return s
    return str(value)


@register.filter
def with_unit(value, unit) -> str:
    s = num(value)
    if not s:
        return ""
    return f"{s}%" if unit == "%" else s


@register.filter
def shown_value(v) -> str:
    """A value with its unit, or a dash for a status given without a value."""
    if not v.value:
        return "–"
    return f"{v.value}%" if v.unit == "%" and v.number is not None else v.value


@register.filter
def shown_target(v) -> str:
    if not v.target:
        return ""
    if v.unit == "%" and v.target_number is not None and not v.target.endswith("%"):
        return f"{v.target}%"
    return v.target


@register.simple_tag
def rag(v):
    """The RAG / status label as printed, in a tag of its colour."""
    label = v.status or dict(RAG_TAGS).get(v.rag, ("", ""))[1] if v.rag else (v.status or "")
    if not label:
        return ""
    cls = RAG_TAGS.get(v.rag, ("govuk-tag--grey", ""))[0]
    return format_html('<strong class="govuk-tag {} scrutiny-tag">{}</strong>', cls, label)


@register.simple_tag
def flag_tag(flag):
    return format_html('<strong class="govuk-tag {} scrutiny-tag">{}</strong>',
                       FLAG_TAGS.get(flag.kind, "govuk-tag--grey"), flag.title)


@register.inclusion_tag("performance/_link.html")
def performance_link(council, committee=None):
    """A link to the performance dashboard of a council or committee, when it has one."""
    from ..models import IndicatorValue

    qs = IndicatorValue.objects.filter(indicator__council=council)
    if committee is not None:
        qs = qs.filter(meeting__committee=committee)
    n = qs.values("indicator").distinct().count()
    return {"council": council, "committee": committee, "n": n}


@register.inclusion_tag("performance/_meeting.html")
def meeting_performance(meeting):
    """The measures whose figures were reported to a meeting, with their latest figure
    there and a flag when one is off target."""
    from ..models import IndicatorValue

    rows = {}
    for v in IndicatorValue.objects.filter(meeting=meeting).select_related(
            "indicator__council").order_by("indicator__name", "-period_end"):
        rows.setdefault(v.indicator_id, v)
    return {"values": list(rows.values()), "meeting": meeting}
