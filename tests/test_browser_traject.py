"""A traject through a real browser: a procesregisseur registers an aanmelding, records the
intake and moves the traject on to phase 4. Every page on the way must pass axe without
violations, the page with validation errors included.

Playwright drives Debian's Chromium (see tests/browser.py); never run `playwright install`.
"""

import functools
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from regie.constants import Rol
from tests import browser
from tests.browser import (  # noqa: F401 (fixtures, used by name)
    assert_no_axe_violations,
    base_url_fixture,
    browser_page_fixture,
    browser_type_launch_args_fixture,
    close_db_connections_fixture,
    log_in,
    wait_for_fresh_totp_window,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

HUISHOUDEN = "Familie Bakker"


expect_fase = functools.partial(browser.expect_fase, huishouden=HUISHOUDEN)
move_to = functools.partial(browser.naar_fase, huishouden=HUISHOUDEN, axe=True)


def test_procesregisseur_takes_an_aanmelding_to_voortgang(browser_page, werkproces, org_a):
    page = browser_page
    user = UserFactory(
        organisatie=org_a,
        rollen=[Rol.PROCESREGISSEUR],
        with_totp=True,
        first_name="Petra",
        last_name="de Vries",
    )

    # 1. Sign in and land on "Mijn trajecten".
    log_in(page, user)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn trajecten")
    assert_no_axe_violations(page)

    # 2. The aanmelding, first without the question (a required field).
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name="Nieuwe aanmelding", exact=True).click()
    expect(page).to_have_url(reverse("huishoudens:aanmelden"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe aanmelding")
    assert_no_axe_violations(page)

    # Required fields have a "*" in their label, hence exact=True only for the optional ones.
    huishouden = page.get_by_role("group", name="Huishouden")
    huishouden.get_by_label("Naam huishouden").fill(HUISHOUDEN)
    huishouden.get_by_label("Adres", exact=True).fill("Kleiweg 12")
    huishouden.get_by_label("Postcode", exact=True).fill("2801 AB")
    huishouden.get_by_label("Woonplaats", exact=True).fill("Gouda")
    huishouden.get_by_label("Gemeente").select_option(label=org_a.gemeente.naam)
    lid = page.get_by_role("group", name="Eerste gezinslid")
    lid.get_by_label("Voornaam").fill("Sanne")
    lid.get_by_label("Achternaam").fill("Bakker")
    lid.get_by_label("Geslacht").select_option(label="Vrouw")
    lid.get_by_label("Geboortedatum").fill("1988-03-21")
    lid.get_by_label("Rol in het gezin").select_option(label="Ouder")
    aanmelding = page.get_by_role("group", name="Aanmelding")
    aanmelding.get_by_label("Aangemeld door").fill("Huisarts Pietersen")
    page.get_by_role("button", name="Aanmelding vastleggen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe aanmelding")
    vraag = aanmelding.get_by_label("Vraag van het huishouden")
    expect(vraag).to_have_attribute("aria-invalid", "true")
    expect(aanmelding).to_contain_text("Dit veld is verplicht.")
    expect(huishouden.get_by_label("Naam huishouden")).to_have_value(HUISHOUDEN)
    assert_no_axe_violations(page)

    vraag.fill("Moeder vraagt hulp bij schulden en bij de opvoeding van de kinderen.")
    page.get_by_role("button", name="Aanmelding vastleggen").click()

    # 3. Phase 1 on the traject page: tick an action of the procesregisseur, move on.
    expect(page).to_have_url(re.compile(r"/trajecten/\d+/$"))
    expect_fase(page, "1. Aanmelding")
    expect(page.get_by_role("status")).to_have_text("De aanmelding is vastgelegd.")
    assert_no_axe_violations(page)

    acties = page.get_by_role("region", name="Acties Procesregisseur")
    eerste_actie = acties.get_by_role("listitem").first
    expect(eerste_actie.locator(".badge")).to_have_count(0)
    eerste_actie.get_by_role("button", name=re.compile(r"^Gedaan actie \d+$")).click()
    expect(eerste_actie.locator(".badge")).to_have_text("Gedaan")
    expect(eerste_actie).to_contain_text("Petra de Vries")
    expect(eerste_actie.get_by_role("button", name=re.compile(r"^Ongedaan maken"))).to_be_visible()
    assert_no_axe_violations(page)

    move_to(page, "2. Intake (vraagverheldering)")

    # 4. The intake: one criterion, the decision to start and its reason.
    page.get_by_role("link", name="Intake: criteria en besluit vastleggen").click()
    expect(page).to_have_url(re.compile(r"/trajecten/\d+/intake/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Intake en besluit")
    assert_no_axe_violations(page)

    page.get_by_role("checkbox").first.check()
    page.get_by_role("radio", name="Ja, start 1Gezin1Plan1Regisseur").check()
    page.get_by_label("Reden van het besluit").fill("Problemen op meerdere leefgebieden.")
    page.get_by_role("button", name="Opslaan", exact=True).click()

    expect_fase(page, "3a. Startoverleg voorbereiden")
    expect(page.get_by_role("status")).to_have_text(
        "Start 1Gezin1Plan1Regisseur: ga verder met het startoverleg."
    )
    assert_no_axe_violations(page)

    # 5. Through the startoverleg to phase 4; the timeline shows every move.
    move_to(page, "3b. Startoverleg uitvoeren", toelichting="Startoverleg gepland.")
    move_to(page, "4. Voortgang")

    tijdlijn = page.get_by_role("region", name="Tijdlijn").get_by_role("listitem")
    expect(tijdlijn).to_have_count(5)
    expect(tijdlijn).to_contain_text(
        [
            "1. Aanmelding (Petra de Vries): Aanmelding",
            "Van 1. Aanmelding naar 2. Intake (vraagverheldering) (Petra de Vries)",
            "Van 2. Intake (vraagverheldering) naar 3a. Startoverleg voorbereiden "
            "(Petra de Vries): Start 1Gezin1Plan1Regisseur: Problemen op meerdere leefgebieden.",
            "Van 3a. Startoverleg voorbereiden naar 3b. Startoverleg uitvoeren "
            "(Petra de Vries): Startoverleg gepland.",
            "Van 3b. Startoverleg uitvoeren naar 4. Voortgang (Petra de Vries)",
        ]
    )

    # 6. Whoever registers is not yet procesregisseur (002 fase 1): assign herself.
    regie = page.get_by_role("region", name="Regie")
    expect(regie).to_contain_text("Procesregisseur: nog niet gekozen")
    regie.get_by_role("link", name="Regisseur toevoegen").click()
    expect(page).to_have_url(re.compile(r"/trajecten/\d+/regisseurs/nieuw/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Regisseur toevoegen")
    assert_no_axe_violations(page)

    page.get_by_label("Professional").select_option(label=f"Petra de Vries ({org_a.naam})")
    page.get_by_label("Rol in dit traject").select_option(label="Procesregisseur")
    page.get_by_role("button", name="Opslaan", exact=True).click()

    expect_fase(page, "4. Voortgang")
    expect(page.get_by_role("status")).to_have_text(
        "Petra de Vries is toegevoegd als procesregisseur."
    )
    expect(page.get_by_role("region", name="Regie")).to_contain_text(
        f"Procesregisseur: Petra de Vries ({org_a.naam})"
    )
    assert_no_axe_violations(page)

    menu.get_by_role("link", name="Start", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn trajecten")
    fase_4 = page.get_by_role("region", name=re.compile(r"^4\. Voortgang"))
    expect(fase_4.get_by_role("link", name=HUISHOUDEN)).to_be_visible()
    # The only section: no longer under "Trajecten zonder procesregisseur", no other phase.
    expect(page.get_by_role("heading", level=2)).to_have_text([re.compile(r"^4\. Voortgang")])
    assert_no_axe_violations(page)
