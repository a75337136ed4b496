"""The search page in Debian's chromium (Playwright): a question typed and submitted,
results, a result followed to its highlighted lines, with and without JavaScript, and
axe-core finds no serious or critical accessibility violation."""
from __future__ import annotations

import pytest

from tests.web.test_browser import axe_violations, browser, check_landing  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "How many families did the family wellbeing service work with in the first quarter?"


@pytest.fixture
def site(live_server, seed_papers, march_papers):
    from tests.conftest import ingest_papers

    results = ingest_papers(seed_papers + march_papers)
    assert all(r.ok for r in results)
    return live_server.url


def ask(page, base: str) -> None:
    page.goto(base + "/search/")
    page.fill("#q", QUESTION)
    page.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    assert page.locator("#results").inner_text().startswith("Passages 1 to 20")


def test_search_and_follow_a_result(browser, site):  # noqa: F811
    page = browser.new_page()
    ask(page, site)
    assert page.locator("ol.scrutiny-results mark").count() > 0
    bad = axe_violations(page)
    assert not bad, bad
    page.locator("ol.scrutiny-results a.scrutiny-cite").first.click()
    page.wait_for_load_state()
    check_landing(page)
    # the filters, opened, on the empty form and on an error
    page.goto(site + "/search/?q=")
    page.locator("summary").click()
    assert page.locator("#council").is_visible()
    bad = axe_violations(page)
    assert not bad, bad
    page.close()


def test_search_works_without_javascript(browser, site):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    ask(page, site)
    page.locator("summary").click()
    page.select_option("#kind", "minutes")
    page.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    assert "kind=minutes" in page.url
    page.locator("ol.scrutiny-results a.scrutiny-cite").first.click()
    page.wait_for_load_state()
    check_landing(page)
    context.close()
