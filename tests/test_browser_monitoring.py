"""Monitoring in a real browser (issue #14): the aandachtsfunctionaris opens the monitoring
page from the menu, sees a chart with its accessible name and the same numbers in its table,
and the page passes axe. CSP violations and broken requests fail the test (tests/browser.py).

Playwright drives Debian's Chromium (see tests/browser.py); never run `playwright install`.
"""

import pytest
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
from tests.factories import UserFactory, bulk_trajecten

pytestmark = pytest.mark.browser


def test_aandachtsfunctionaris_sees_a_chart_and_its_table(browser_page, org_a):
    page = browser_page
    anouk = UserFactory(organisatie=org_a, rollen=[Rol.AANDACHTSFUNCTIONARIS], with_totp=True)
    petra = UserFactory(organisatie=org_a, rollen=[Rol.PROCESREGISSEUR])
    bulk_trajecten(7, gemeente=org_a.gemeente, regisseur=petra, fase="4")

    log_in(page, anouk)
    page.get_by_role("link", name="Monitoring").click()
    expect(page.get_by_role("heading", name="Monitoring", level=1)).to_be_visible()

    figuur = page.locator("#figuur-fasen")
    expect(figuur.get_by_role("img", name="Open trajecten per fase")).to_be_visible()
    tabel = figuur.get_by_role("table", name="Open trajecten per fase: de cijfers als tabel")
    expect(tabel.get_by_role("row", name="4. Voortgang 7")).to_be_visible()
    expect(tabel.get_by_role("row", name="Totaal 7")).to_be_visible()
    assert_no_axe_violations(page)

    # Another period through the filter; the chart and table follow.
    page.get_by_label("Periode", exact=True).select_option(label="kwartaal 1 2026")
    page.get_by_role("button", name="Tonen").click()
    expect(page.locator("p.lead")).to_contain_text("kwartaal 1 2026")
    expect(page.locator("#figuur-escalaties").get_by_role("img")).to_be_visible()
    assert_no_axe_violations(page)
