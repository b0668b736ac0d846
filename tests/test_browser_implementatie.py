"""The implementation checklist in a real browser (issue #14): an aandachtsfunctionaris
begins the organisation's plan from the 2025 implementation plan (001), updates items,
finds the overdue one with the filter, starts a new year (PDCA round) with its notes and
sees the progress carried forward, the years side by side and on the start page; axe on
every page. (The monitoring chart is the figures' own browser test.)

Playwright drives Debian's Chromium (see tests/browser.py); never run `playwright install`.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from implementatie.models import Sjabloon
from regie.constants import Rol
from tests.browser import (  # noqa: F401 (fixtures, used by name)
    assert_no_axe_violations,
    base_url_fixture,
    browser_page_fixture,
    browser_type_launch_args_fixture,
    close_db_connections_fixture,
    log_in,
)
from tests.factories import UserFactory, checklists_geladen

pytestmark = pytest.mark.browser


def test_aandachtsfunctionaris_keeps_the_plan_and_starts_a_new_year(browser_page, org_a):
    page = browser_page
    checklists_geladen()
    anouk = UserFactory(
        organisatie=org_a, rollen=[Rol.AANDACHTSFUNCTIONARIS], with_totp=True, first_name="Anouk"
    )
    jaar = timezone.localdate().year

    # 1. The start page invites her to begin a plan; the default is the 2025 plan.
    log_in(page, anouk)
    expect(page.get_by_role("heading", level=1)).to_have_text("Implementatie in uw organisatie")
    expect(page.get_by_text("U heeft nog geen implementatieplan.")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Nieuw plan").first.click()
    expect(page.get_by_label("Checklist")).to_have_value(
        str(Sjabloon.objects.get(standaard=True).pk)
    )
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Plan aanmaken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Implementatieplan 1Gezin1Plan1Regisseur (2025)"
    )
    expect(page.get_by_role("region", name="Voortgang")).to_contain_text("0 van 15 gereed (0%)")
    assert_no_axe_violations(page)

    # 2. She records the first item of theme A as done, with action, who and when.
    page.get_by_role("link", name="Stel het regiemodel bestuurlijk vast.").click()
    assert_no_axe_violations(page)
    page.get_by_label("Actie").fill("Voorstel regiemodel naar het MT")
    page.get_by_label("Verantwoordelijke / wie").fill("Directeur zorg")
    page.get_by_label("Planning / wanneer").fill(f"{jaar}-02-01")
    page.get_by_label("Status").select_option(label="Gereed")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_have_text("Het item is bijgewerkt.")
    expect(page.get_by_role("region", name="Voortgang")).to_contain_text("1 van 15 gereed (7%)")

    # 3. A second item is under way but past its date: highlighted, and found by the filter.
    page.get_by_role(
        "link", name="Gebruik de competentieprofielen bij het werven en inzetten van regisseurs."
    ).click()
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    page.get_by_label("Planning / wanneer").fill(gisteren.isoformat())
    page.get_by_label("Status").select_option(label="Bezig")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Over de planning", exact=True)).to_be_visible()
    page.get_by_label("Alleen over de planning").check()
    page.get_by_role("button", name="Filteren").click()
    items = page.get_by_role("region", name="Items")
    expect(items.get_by_role("row")).to_have_count(2)  # the header and the one item
    expect(items).to_contain_text("Gebruik de competentieprofielen")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Alle items").click()

    # 4. A new year carries the state forward and asks for the PDCA notes per theme.
    page.get_by_role("button", name="Nieuw jaar starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"PDCA-notities {jaar + 1}")
    assert_no_axe_violations(page)
    thema_e = page.get_by_role("group", name="E. Evaluatie en borgen")
    thema_e.get_by_label("Check: wat leverde het op?").fill("Het MT stelde het regiemodel vast.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_have_text("De PDCA-notities zijn opgeslagen.")
    expect(page.get_by_text(f"jaar {jaar + 1}")).to_be_visible()
    expect(page.get_by_role("region", name="Voortgang")).to_contain_text("1 van 15 gereed (7%)")
    assert_no_axe_violations(page)

    # 5. Both years side by side; the earlier one still readable, no longer editable.
    page.get_by_role("link", name="Jaren naast elkaar").click()
    expect(page.get_by_role("columnheader", name=str(jaar))).to_be_visible()
    expect(page.get_by_role("columnheader", name=str(jaar + 1))).to_be_visible()
    expect(page.get_by_text("Het MT stelde het regiemodel vast.")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=str(jaar), exact=True).click()
    expect(page.get_by_text("een eerder jaar; het kan niet meer worden gewijzigd")).to_be_visible()
    assert_no_axe_violations(page)

    # 6. The start page shows the progress and what is due.
    page.goto(reverse("start"))
    expect(page.get_by_role("region", name="Uw implementatieplan")).to_contain_text(
        "1 van 15 gereed (7%)"
    )
    expect(page.get_by_role("region", name="Wat eraan komt")).to_contain_text(
        "Gebruik de competentieprofielen"
    )
    assert_no_axe_violations(page)
