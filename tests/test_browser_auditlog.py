"""The audit log's wide table scrolls and can be scrolled by keyboard (issue #12: axe reported
`scrollable-region-focusable` on the privacy officer's audit log). A narrow window makes the
table wider than its wrapper, which is when axe checks the rule.

Playwright drives Debian's Chromium (see tests/browser.py); never run `playwright install`.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from regie.constants import Rol
from tests.browser import (  # noqa: F401 (fixtures, used by name)
    assert_no_axe_violations,
    base_url_fixture,
    browser_page_fixture,
    browser_type_launch_args_fixture,
    close_db_connections_fixture,
    log_in,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_the_audit_log_table_is_a_focusable_named_region(browser_page, org_a):
    page = browser_page
    page.set_viewport_size({"width": 600, "height": 900})
    user = UserFactory(organisatie=org_a, rollen=[Rol.PRIVACYFUNCTIONARIS], with_totp=True)
    log_in(page, user)  # the login itself writes the first rows

    page.goto(reverse("privacy:auditlog"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Auditlog")
    region = page.get_by_role("region", name="Regels van het auditlog")
    expect(region.get_by_role("table")).to_be_visible()
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "de tabel scrolt niet"
    region.focus()
    page.keyboard.press("ArrowRight")
    expect(region).to_be_focused()
    assert_no_axe_violations(page)
