"""Browser tests: Playwright driving Debian's /usr/bin/chromium (never `playwright install`).

A visitor walks council -> committee -> meeting -> a citation -> the document, and lands on
the cited lines; the same walk works with JavaScript off; axe-core (vendored from npm)
finds no serious or critical accessibility violation on any page type.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = os.environ.get("SCRUTINY_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync",
        "--disable-dev-shm-usage"]
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"Debian's chromium is not installed ({CHROMIUM}); `make test` installs it")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # around it are ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def site(live_server, seed_papers):
    """The seeds ingested into the live server's database."""
    from tests.conftest import ingest_papers

    results = ingest_papers(seed_papers)
    assert all(r.ok for r in results)
    return live_server.url


def walk_to_citation(page, base: str) -> None:
    page.goto(base + "/")
    page.get_by_role("link", name="Warwickshire County Council").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Warwickshire County Council"
    page.locator("table a.govuk-link").first.click()          # the committee
    page.wait_for_load_state()
    assert "Committee" in page.locator("h1").inner_text()
    page.locator('a[href*="/meetings/2024-06-18/"]').first.click()
    page.wait_for_load_state()
    assert "18 June 2024" in page.locator("h1").inner_text()


def check_landing(page) -> None:
    """The document page opened at the cited line, highlighted and in view."""
    m = re.search(r"/documents/\d+/\?lines=(\d+)(?:-(\d+))?#L(\d+)$", page.url)
    assert m, page.url
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    line = page.locator(f"#L{first}")
    assert "scrutiny-line--cited" in line.get_attribute("class")
    assert page.locator(f"#L{last}").get_attribute("class").endswith("scrutiny-line--cited")
    box = line.bounding_box()
    viewport = page.viewport_size
    assert box is not None and 0 <= box["y"] < viewport["height"], (box, viewport)


def test_walk_from_council_to_the_cited_lines(browser, site):
    page = browser.new_page()
    walk_to_citation(page, site)
    cite = page.locator("#resolutions ~ div a.scrutiny-cite").first
    expected = re.search(r"#L(\d+)", cite.get_attribute("href")).group(1)
    cite.click()
    page.wait_for_load_state()
    assert page.evaluate("location.hash") == f"#L{expected}"
    check_landing(page)
    # and back: an action's citation from the same meeting
    page.go_back()
    page.locator("#actions ~ table a.scrutiny-cite").first.click()
    page.wait_for_load_state()
    check_landing(page)
    page.close()


def test_the_walk_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    walk_to_citation(page, site)
    page.locator("a.scrutiny-cite").first.click()
    page.wait_for_load_state()
    check_landing(page)
    context.close()


def page_types(base: str) -> dict[str, str]:
    from scrutiny.web.record.models import (AgendaItem, Attendance, Committee, Council,
                                            Document, Meeting)

    meeting = Meeting.objects.filter(attendance__isnull=False).select_related(
        "committee__council").first()
    item = AgendaItem.objects.filter(meeting=meeting).select_related(
        "meeting__committee__council").first()
    person = Attendance.objects.filter(meeting=meeting, kind="present").first().person
    doc = Document.objects.order_by("line_count").first()
    return {
        "home": "/",
        "council": Council.objects.first().get_absolute_url(),
        "committee": Committee.objects.select_related("council").first().get_absolute_url(),
        "meeting": meeting.get_absolute_url(),
        "item": item.get_absolute_url(),
        "person": person.get_absolute_url(),
        "document": doc.get_absolute_url() + "?lines=10-12#L10",
        "sign in": "/accounts/login/",
        "not found": "/councils/nowhere/",
    }


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


def test_no_serious_accessibility_violations(browser, site, django_user_model):
    page = browser.new_page()
    found = {}
    for name, url in page_types(site).items():
        page.goto(site + url)
        bad = axe_violations(page)
        if bad:
            found[name] = bad
    # the officer page, signed in
    django_user_model.objects.create_user("officer", password="a-long-passphrase-1")
    page.goto(site + "/accounts/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "a-long-passphrase-1")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/officers/$"))
    bad = axe_violations(page)
    if bad:
        found["officer page"] = bad
    page.close()
    assert not found, found
