"""Planning a startoverleg in a real browser and closing it with the next meeting planned;
axe-checked (issue #5, part 1)."""

import datetime

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
from tests.factories import GezinslidFactory, TrajectFactory, UserFactory

pytestmark = pytest.mark.browser


def test_procesregisseur_plans_and_closes_a_startoverleg(browser_page, werkproces, org_a):
    page = browser_page
    petra = UserFactory(
        organisatie=org_a, rollen=[Rol.PROCESREGISSEUR], with_totp=True, first_name="Petra"
    )
    traject = TrajectFactory(procesregisseur=petra, huishouden__aangemaakt_door=petra)
    GezinslidFactory(huishouden=traject.huishouden, voornaam="Anna", achternaam="Jansen")
    log_in(page, petra)

    page.goto(reverse("plannen:overleg_nieuw", args=[traject.pk]))
    assert_no_axe_violations(page)
    morgen = datetime.date.today() + datetime.timedelta(days=7)
    page.get_by_label("Soort overleg").select_option("start")
    page.get_by_label("Datum").fill(morgen.isoformat())
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Eindtijd").fill("11:30")
    page.get_by_label("Locatie").fill("Stadhuis Gouda")
    page.get_by_role("group", name="Genodigden").get_by_label("Anna Jansen").check()
    page.get_by_role("group", name="Moet zeker aanwezig zijn").get_by_label("Anna Jansen").check()
    page.get_by_role("button", name="Overleg plannen").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Startoverleg")
    expect(page.get_by_text("moet zeker aanwezig zijn")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Uitnodiging bekijken").click()
    expect(page.get_by_role("heading", name="Aan Anna Jansen")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Terug naar het overleg").click()

    page.get_by_label("Datum volgend overleg").fill(
        (morgen + datetime.timedelta(days=42)).isoformat()
    )
    page.get_by_label("Begintijd").fill("14:00")
    page.get_by_label("Eindtijd").fill("15:00")
    page.get_by_role("button", name="Overleg vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Voortgangsoverleg")
    assert_no_axe_violations(page)
