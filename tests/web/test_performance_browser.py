"""Performance pages in Debian's chromium (Playwright): each chart is drawn beside the
table of its figures, the table stands alone without JavaScript, and axe-core finds no
serious or critical accessibility violation."""
from __future__ import annotations

import re

import pytest

from tests.web.test_browser import axe_violations, browser  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, seed_papers, example_papers):
    from tests.conftest import EXAMPLES, ingest_papers

    fenmoor = {p.name for p in (EXAMPLES / "fenmoor").glob("*.txt")}
    papers = list(seed_papers) + [(t, r) for t, r in example_papers if t.source in fenmoor]
    assert all(r.ok for r in ingest_papers(papers))
    return live_server.url


def urls():
    from scrutiny.web.performance.models import Indicator
    from scrutiny.web.record.models import Committee

    cp = Indicator.objects.get(name="Child protection cases which were reviewed within "
                                    "timescales")
    ehc = Indicator.objects.get(names__name="% of new EHCPs issued within 20 weeks")
    leics = Committee.objects.get(council__name="Leicestershire County Council")
    fen = Committee.objects.get(council__name="Fenmoor County Council")
    return {
        "indicator": cp.get_absolute_url(),
        "indicator with history": ehc.get_absolute_url(),
        "committee dashboard": f"/councils/{fen.council.slug}/committees/{fen.slug}/performance/",
        "dashboard of 24": f"/councils/{leics.council.slug}/committees/{leics.slug}/performance/",
        "council": f"/councils/{fen.council.slug}/performance/",
    }, ehc


def drawn(page, expected: int) -> None:
    page.wait_for_function(f"document.querySelectorAll('[data-chart-drawn]').length >= "
                           f"{expected}", timeout=20000)
    assert page.locator("[data-chart-error]").count() == 0


def test_chart_is_drawn_beside_its_table(browser, site):  # noqa: F811
    pages, ehc = urls()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for name in ("indicator", "indicator with history", "committee dashboard"):
        page.goto(site + pages[name])
        drawn(page, 1)
        row = page.locator(".scrutiny-chart-row").first
        chart = row.locator(".scrutiny-chart__canvas svg").first
        table = row.locator("table.scrutiny-figures")
        c, t = chart.bounding_box(), table.bounding_box()
        assert c and t and c["width"] > 250 and c["height"] > 150, (name, c)
        assert t["x"] >= c["x"] + c["width"] - 2, (name, c, t)          # beside it ...
        assert t["y"] < c["y"] + c["height"] and c["y"] < t["y"] + t["height"]  # ... level
    # the EHC plans chart: one point per period, as many as the table has rows
    page.goto(site + pages["indicator with history"])
    drawn(page, 1)
    points = page.locator('.scrutiny-chart__canvas [aria-roledescription="point"]'
                          '[aria-label^="Value, "]')
    rows = page.locator("table.scrutiny-figures tbody tr")
    assert points.count() == rows.count() == ehc.values.count() == 5
    labels = sorted(points.nth(i).get_attribute("aria-label") for i in range(points.count()))
    assert "Value, Q1 2025/26: 38.6%" in labels
    page.goto(site + pages["dashboard of 24"])
    drawn(page, 24)
    page.close()


def test_the_table_is_the_fallback_without_javascript(browser, site):  # noqa: F811
    pages, ehc = urls()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + pages["indicator with history"])
    assert page.locator(".scrutiny-chart__canvas svg").count() == 0
    assert page.locator("noscript").count() >= 1
    table = page.locator("table.scrutiny-figures")
    assert table.is_visible()
    text = table.inner_text()
    for v in ehc.values.all():
        assert v.period in text and f"{v.value}%" in text
    svg_link = page.locator('a[href$="chart.svg"]').first.get_attribute("href")
    r = page.request.get(site + svg_link)
    assert r.ok and r.headers["content-type"].startswith("image/svg+xml")
    context.close()


def test_performance_pages_pass_the_accessibility_check(browser, site,  # noqa: F811
                                                         django_user_model):
    pages, ehc = urls()
    page = browser.new_page()
    found = {}
    for name, url in pages.items():
        page.goto(site + url)
        if "council" != name:
            drawn(page, 1)
        bad = axe_violations(page)
        if bad:
            found[name] = bad
    django_user_model.objects.create_user("officer", password="a-long-passphrase-1")
    page.goto(site + "/accounts/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "a-long-passphrase-1")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/officers/$"))
    for name, url in {"officer indicator": f"/officers/indicators/{ehc.council.slug}/{ehc.pk}/",
                      "officer list": "/officers/indicators/"}.items():
        page.goto(site + url)
        bad = axe_violations(page)
        if bad:
            found[name] = bad
    page.close()
    assert not found, found
