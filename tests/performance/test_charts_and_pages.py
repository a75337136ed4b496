"""Charts: the Vega-Lite spec, the static SVG (vl-convert) matching the figures, and the
pages that show them beside their tables; the `scrutiny indicators` command."""
import itertools
import json
import re
from html import unescape

import pytest
from typer.testing import CliRunner

from scrutiny.web.performance import charts
from scrutiny.web.performance.analysis import series
from scrutiny.web.performance.models import Indicator

LABEL = re.compile(r'aria-label="([^"]*)"')


def svg_points(svg: str) -> set[tuple[str, str, str]]:
    """(series, period, figure) of every point the SVG draws, from the marks' labels."""
    out = set()
    for label in map(unescape, LABEL.findall(svg)):
        m = re.match(r"^(.+?), (.+?): (.+)$", label)
        if m and not label.startswith(("X-axis", "Y-axis", "Symbol legend")):
            out.add(m.groups())
    return out


@pytest.mark.parametrize("name", ["Child protection cases which were reviewed within "
                                  "timescales", "Care leavers EET",
                                  "Children Electively Educated at Home"])
def test_the_svg_shows_the_values_targets_and_comparators(seeded, client, name):
    ind = Indicator.objects.get(name=name)
    values = list(ind.values.all())
    r = client.get(ind.get_absolute_url() + "chart.svg")
    assert r.status_code == 200 and r["Content-Type"].startswith("image/svg+xml")
    svg = r.content.decode()
    assert svg.lstrip().startswith("<svg")
    expected = set()
    for v in series(values):
        expected.add(("Value", v.period, v.display_value))
        if v.target_number is not None:
            expected.add(("Target", v.period, v.target))
        if v.statistical_neighbours is not None:
            expected.add(("Statistical neighbours", v.period,
                          format(v.statistical_neighbours.normalize(), "f")))
    assert svg_points(svg) == expected
    # and the points sit where their figures say: higher values higher up the chart
    ys = {}
    for m in re.finditer(r'<path[^>]*aria-label="Value, ([^:"]+): ([^"]+)"[^>]*'
                         r'transform="translate\(([-\d.]+),([-\d.]+)\)"', svg):
        ys[m.group(1)] = (float(m.group(2).rstrip("%")), float(m.group(4)))
    assert len(ys) == len([v for v in series(values) if v.number is not None])
    for (v1, y1), (v2, y2) in itertools.combinations(ys.values(), 2):
        assert v1 == v2 or (v1 > v2) == (y1 < y2)


def test_no_chart_without_figures(seeded, client):
    status_only = Indicator.objects.filter(values__period="Q3 2021/22",
                                           values__value="").first()
    if status_only.values.exclude(value="").exists():
        pytest.skip("this measure also has a value")
    assert client.get(status_only.get_absolute_url() + "chart.svg").status_code == 404
    page = client.get(status_only.get_absolute_url()).content.decode()
    assert "No figures to chart" in page and "On Track" in page or "Not on Track" in page


def test_indicator_page_has_chart_table_flags_and_sources(seeded, client):
    ind = Indicator.objects.get(name="Single Assessments completed within 45 days")
    page = client.get(ind.get_absolute_url()).content.decode()
    spec = json.loads(re.search(r'<script id="chart-0-spec" type="application/json">(.*?)'
                                r'</script>', page, re.S).group(1))
    assert spec["$schema"].endswith("/v6.json")
    assert {r["period"] for r in spec["data"]["values"]} == {"Q4 2021/22", "Q1 2022/23"}
    assert 'data-chart-spec="chart-0-spec"' in page and "<noscript>" in page
    assert "89.81%" in page and "&gt;90.3%" in page
    # the seed's narrative says 89.1%; its RAG (Green) against its figures (under >90.3)
    assert "The report&#x27;s text gives a different figure" in page
    assert "RAG rating and figures disagree" in page and "Off target" in page
    assert "/documents/" in page and "#L634" in page            # the citation


def test_committee_dashboard_and_council_page(seeded, client):
    from scrutiny.web.record.models import Committee

    com = Committee.objects.get(council__name="Leicestershire County Council")
    page = client.get(f"/councils/{com.council.slug}/committees/{com.slug}/performance/")
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('data-chart-spec="') == 24
    assert html.count('class="govuk-table govuk-table--small-text-until-tablet '
                      'scrutiny-figures"') == 24
    assert "Social Care" in html and "Early Years" in html
    council = client.get(f"/councils/{com.council.slug}/performance/").content.decode()
    assert council.count("/indicators/") >= 24


def test_cli_lists_indicators(seeded):
    from scrutiny.cli import app
    from scrutiny.commands import open_database  # noqa: F401  (registers the commands)

    runner = CliRunner()
    r = runner.invoke(app, ["indicators", "--council", "leicestershire-county-council",
                            "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert len(data) == 24
    cp = next(i for i in data if i["name"].startswith("Child protection cases"))
    latest = cp["values"][-1]
    assert (latest["period"], latest["value"], latest["target"], latest["rag"]) == (
        "Q1 2022/23", "76.00", ">97.2", "R")
    assert latest["comparators"]["quartile"] == 4
    assert latest["source"]["file"] == "002_904572338a83fb72.txt" and latest["source"]["line"]
    r = runner.invoke(app, ["indicators", "--council", "leicestershire-county-council",
                            "--format", "csv"])
    assert r.exit_code == 0 and r.stdout.count("\n") == 1 + 48
    r = runner.invoke(app, ["indicators"])
    assert r.exit_code == 0 and "Leicestershire County Council" in r.stdout
    r = runner.invoke(app, ["indicators", "--council", "nowhere"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["indicators", "--format", "xml"])
    assert r.exit_code == 2


def test_committee_dashboard_as_pdf(seeded, client):
    """The PDF carries each chart as the static SVG and the table of its figures."""
    import io

    from pypdf import PdfReader

    from scrutiny.web.record.models import Committee

    com = Committee.objects.get(council__name="Leicestershire County Council")
    r = client.get(f"/councils/{com.council.slug}/committees/{com.slug}/performance.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(r.content))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    for name in ("Child protection cases which were reviewed within timescales",
                 "Care leavers EET", "Children Electively Educated at Home"):
        assert name in text
    assert "76.00%" in text and ">97.2%" in text and "Q1 2022/23" in text
    # one chart image per measure (all 24 print figures)
    images = sum(len(p.images) for p in pdf.pages)
    xobjects = sum(1 for p in pdf.pages for _ in (p.get("/Resources") or {}).get(
        "/XObject", {}) or [])
    assert images + xobjects >= 24
