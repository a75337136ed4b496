"""Template helpers: citations that land on the cited lines of a paper."""
from django import template
from django.utils.html import format_html

from ..models import citation_url

register = template.Library()


@register.simple_tag
def cite(obj, document_field: str = "document", line_field: str = "line",
         end_field: str = "end_line", page_field: str = "page", label: str = "Source"):
    """`{% cite resolution %}` -> a link to the document page, scrolled to and
    highlighting the lines the row was read from."""
    doc_id = getattr(obj, f"{document_field}_id", None)
    line = getattr(obj, line_field, None)
    end = getattr(obj, end_field, None) if end_field else None
    page = getattr(obj, page_field, None) if page_field else None
    url = citation_url(doc_id, line, end)
    if not url:
        return ""
    where = []
    if page:
        where.append(f"page {page}")
    if line:
        where.append(f"line {line}" if not end or end <= line else f"lines {line} to {end}")
    return format_html('<a class="govuk-link scrutiny-cite" href="{}">{}<span '
                       'class="govuk-visually-hidden"> in the paper</span>: {}</a>',
                       url, label, ", ".join(where) or "the paper")


@register.filter
def percent(value):
    return "" if value is None else f"{value}%"
