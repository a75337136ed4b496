"""The workspace in Debian's chromium (Playwright; never `playwright install`): sign in,
every workspace page passes axe-core with no serious or critical violation, and an officer
confirms a proposed follow-up with JavaScript turned off."""
from __future__ import annotations

import re

import pytest

from tests.web.test_browser import axe_violations, browser  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-passphrase-1"


@pytest.fixture
def site(live_server, example_papers, django_user_model):
    from scrutiny.web.actions.changes import grant
    from tests.conftest import ingest_papers

    assert all(r.ok for r in ingest_papers(example_papers))
    officer = django_user_model.objects.create_user("officer", password=PASSWORD)
    grant(officer, "officer")
    return live_server.url


def sign_in(page, base: str, next_url: str = "/workspace/") -> None:
    page.goto(base + next_url)
    assert "/accounts/login/" in page.url           # anonymous: to the sign-in page
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def workspace_pages() -> dict[str, str]:
    from scrutiny.web.actions.models import Action, FollowUp, Recommendation
    from scrutiny.web.record.models import Committee

    com = Committee.objects.select_related("council").get(
        council__name="Fenmoor County Council")
    action = FollowUp.objects.filter(status="proposed").select_related("action").first().action
    return {
        "home": "/workspace/",
        "open actions": "/workspace/actions/",
        "actions by owner": "/workspace/actions/?group=owner&status=all",
        "overdue": "/workspace/overdue/?on=2026-03-17",
        "follow-ups": "/workspace/follow-ups/",
        "action": f"/workspace/actions/{action.pk}/",
        "recommendations": "/workspace/recommendations/",
        "recommendation": Recommendation.objects.first().get_absolute_url(),
        "matters arising": f"/workspace/committees/{com.council.slug}/{com.slug}/matters-arising/"
                           f"?meeting=2026-03-17",
        "impact": "/workspace/impact/",
        "settings": f"/workspace/settings/{com.council.slug}/",
        "audit": "/workspace/audit/",
        "closed action": f"/workspace/actions/{Action.objects.first().pk}/",
    }


def test_workspace_pages_pass_the_accessibility_check(browser, site):
    page = browser.new_page()
    sign_in(page, site)
    assert page.locator("h1").inner_text() == "Action tracker"
    found = {}
    for name, url in workspace_pages().items():
        page.goto(site + url)
        assert page.locator("h1").count() == 1, name
        bad = axe_violations(page)
        if bad:
            found[name] = bad
    page.close()
    assert not found, found


def test_an_officer_confirms_a_follow_up_without_javascript(browser, site):
    from scrutiny.web.actions.models import Action, FollowUp

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, site, "/workspace/follow-ups/")
    assert page.url.endswith("/workspace/follow-ups/")
    f = FollowUp.objects.filter(status="proposed", kind="item").order_by("pk").first()
    page.locator(f'form[action="/workspace/follow-ups/{f.pk}/"] button[value="confirm"]').click()
    page.wait_for_load_state()
    assert re.search(r"/workspace/follow-ups/$", page.url)
    assert "Confirmed" in page.locator(".govuk-notification-banner").inner_text()
    a = Action.objects.get(pk=f.action_id)
    assert a.status == "done" and a.evidence.count() == 1
    # and the public meeting page shows it done
    page.goto(site + a.meeting.get_absolute_url())
    assert "Done" in page.locator("#actions ~ table").inner_text()
    context.close()
