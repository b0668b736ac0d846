"""The Ondersteuningsplan through a real browser: a procesregisseur writes the aanleiding,
adds a goal with an action for the casusregisseur and fixes version 1 at the startoverleg;
the casusregisseur then finishes that action inline (HTMX) on "Mijn acties". The plan page,
the version page and "Mijn acties" must pass axe without violations.

Playwright drives Debian's Chromium (see tests/browser.py); never run `playwright install`.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils.formats import date_format
from playwright.sync_api import expect

from regie.constants import Rol
from tests.browser import (  # noqa: F401 (fixtures, used by name)
    assert_no_axe_violations,
    base_url_fixture,
    browser_page_fixture,
    browser_type_launch_args_fixture,
    close_db_connections_fixture,
    log_in,
    wait_for_fresh_totp_window,
)
from tests.factories import GezinslidFactory, OverlegFactory, TrajectFactory, UserFactory

pytestmark = pytest.mark.browser

HUISHOUDEN = "Familie Jansen"
DOEL = "De schulden zijn in beeld en er is een betalingsregeling."
ACTIE = "Gezin aanmelden bij de schuldhulpverlening"


def test_plan_fixed_at_the_startoverleg_and_an_action_done_inline(browser_page, werkproces, org_a):
    page = browser_page
    petra = UserFactory(
        organisatie=org_a,
        rollen=[Rol.PROCESREGISSEUR],
        with_totp=True,
        first_name="Petra",
        last_name="de Vries",
    )
    karim = UserFactory(
        organisatie=org_a,
        rollen=[Rol.CASUSREGISSEUR],
        with_totp=True,
        first_name="Karim",
        last_name="El Amrani",
    )
    traject = TrajectFactory(
        procesregisseur=petra,
        casusregisseurs=[karim],
        huishouden__naam=HUISHOUDEN,
        huishouden__aangemaakt_door=petra,
    )
    GezinslidFactory(huishouden=traject.huishouden, voornaam="Ilse")
    # The startoverleg, held last week: the plan is fixed in one of the traject's meetings (#12).
    startoverleg = OverlegFactory(traject=traject, status="gehouden", aangemaakt_door=petra)
    wanneer = datetime.date.today() + datetime.timedelta(days=14)

    # 1. The procesregisseur opens the plan from the traject page.
    log_in(page, petra)
    page.goto(traject.get_absolute_url())
    page.get_by_role("link", name="Ondersteuningsplan", exact=True).click()
    expect(page).to_have_url(reverse("plannen:plan", args=[traject.pk]))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ondersteuningsplan: {HUISHOUDEN}")
    expect(page.locator("main")).to_contain_text("nog niet vastgesteld (concept)")
    kwaliteit = page.get_by_role("region", name="Kwaliteit")
    expect(kwaliteit).to_contain_text("De aanleiding, vraag of zorg is nog niet beschreven.")
    assert_no_axe_violations(page)

    # 2. The aanleiding.
    teksten = page.get_by_role("region", name="Aanleiding, analyse en resultaat")
    teksten.get_by_label("Aanleiding, vraag of zorg").fill(
        "Ouders vragen hulp bij oplopende schulden; Daan wil niet naar school."
    )
    teksten.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("status")).to_have_text("Het plan is opgeslagen.")
    expect(teksten.get_by_label("Aanleiding, vraag of zorg")).to_have_value(
        "Ouders vragen hulp bij oplopende schulden; Daan wil niet naar school."
    )
    expect(kwaliteit).not_to_contain_text("De aanleiding")

    # 3. A goal, then an action for the casusregisseur with a date.
    doelen = page.get_by_role("region", name="Doelen en acties")
    doelen.locator("summary", has_text="Doel toevoegen").click()
    doelen.get_by_label("Doel: wat wilt u/jij bereiken?").fill(DOEL)
    doelen.get_by_role("button", name="Doel toevoegen", exact=True).click()
    expect(page.get_by_role("status")).to_have_text("Toegevoegd aan het plan.")
    doel = page.get_by_role("article", name=f"Doel 1: {DOEL}")
    expect(doel).to_contain_text("Nog geen acties: wie doet wat wanneer?")
    expect(kwaliteit).to_contain_text(f"Doel “{DOEL}” heeft nog geen actie.")
    assert_no_axe_violations(page)

    # The form is loaded into the goal when asked (HTMX, issue #15) and takes the focus.
    doel.get_by_role("link", name="Actie toevoegen bij doel 1").click()
    expect(doel.get_by_label("Wat moet er gebeuren")).to_be_focused()
    assert_no_axe_violations(page)
    doel.get_by_label("Wat moet er gebeuren").fill(ACTIE)
    doel.get_by_label("Wie (gebruiker van Regie)").select_option(label="Karim El Amrani")
    doel.get_by_label("Wanneer (uiterlijk)").fill(wanneer.isoformat())
    doel.get_by_role("button", name="Actie toevoegen", exact=True).click()
    expect(page.get_by_role("status")).to_have_text("Toegevoegd aan het plan.")
    rij = page.get_by_role("article", name=f"Doel 1: {DOEL}").get_by_role("row").nth(1)
    expect(rij.get_by_role("cell").nth(0)).to_have_text("Karim El Amrani")
    expect(rij.get_by_role("cell").nth(1)).to_have_text(ACTIE)
    expect(rij.get_by_role("cell").nth(2)).to_have_text(date_format(wanneer, "j F Y"))
    expect(rij.get_by_role("cell").nth(3)).to_contain_text("Open")
    expect(rij.get_by_role("combobox")).to_have_count(0)
    expect(kwaliteit).to_contain_text(
        "Het plan voldoet aan de kwaliteitscriteria die Regie kan controleren."
    )
    assert_no_axe_violations(page)

    # 4. Fixed at the startoverleg: version 1, read-only.
    vaststellen = page.get_by_role("region", name="Vaststellen in het overleg")
    vaststellen.get_by_label("Vastgesteld in welk overleg?").select_option(str(startoverleg.pk))
    vaststellen.get_by_role("button", name="Plan vaststellen").click()
    expect(page).to_have_url(reverse("plannen:versie", args=[traject.pk, 1]))
    expect(page.get_by_role("status")).to_have_text("Versie 1 is vastgesteld.")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Ondersteuningsplan {HUISHOUDEN}, versie 1"
    )
    expect(page.locator("main")).to_contain_text("Vastgesteld in Startoverleg")
    expect(page.get_by_role("region", name="Doelen en acties")).to_contain_text(
        f"Karim El Amrani: {ACTIE} (uiterlijk {date_format(wanneer, 'j F Y')}) — Open"
    )
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Naar het concept").click()
    versies = page.get_by_role("region", name="Vastgestelde versies")
    expect(versies.get_by_role("link", name="Versie 1")).to_be_visible()
    expect(versies).to_contain_text("Startoverleg")

    # The status is text with a link; the form opens in the row when asked (issue #15).
    doel = page.get_by_role("article", name=f"Doel 1: {DOEL}")
    doel.get_by_role("link", name=f"Wijzigen status van {ACTIE[:39]}").click()
    expect(doel.get_by_label(re.compile("^Status"))).to_be_focused()
    assert_no_axe_violations(page)
    doel.get_by_label(re.compile("^Status")).select_option(label="Bezig")
    doel.get_by_role("button", name=re.compile("^Opslaan")).click()
    expect(page.get_by_role("status")).to_have_text("De actie is bijgewerkt.")
    rij = page.get_by_role("article", name=f"Doel 1: {DOEL}").get_by_role("row").nth(1)
    expect(rij.get_by_role("cell").nth(3)).to_contain_text("Bezig")

    # 5. The casusregisseur finishes the action on "Mijn acties", inline.
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
    log_in(page, karim)
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name="Mijn acties", exact=True).click()
    expect(page).to_have_url(reverse("plannen:mijn_acties"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn acties")
    acties = page.locator("#acties").get_by_role("listitem")
    expect(acties).to_have_count(1)
    actie = acties.first
    expect(actie).to_contain_text(ACTIE)
    expect(actie).to_contain_text(f"uiterlijk {date_format(wanneer, 'j F Y')}")
    expect(actie).to_contain_text(HUISHOUDEN)
    assert_no_axe_violations(page)

    page.evaluate("window.regieNietHerladen = true")
    actie.get_by_label("Status").select_option(label="Gedaan")
    actie.get_by_label("Notitie").fill("Aangemeld, intake is op 3 juni.")
    actie.get_by_role("button", name=re.compile(r"^Bijwerken")).click()
    expect(actie.get_by_role("status")).to_have_text("Bijgewerkt.")
    expect(actie.get_by_label("Status")).to_have_value("gedaan")
    expect(actie.get_by_label("Notitie")).to_have_value("Aangemeld, intake is op 3 juni.")
    assert page.evaluate("window.regieNietHerladen") is True, "de pagina is herladen"
    assert_no_axe_violations(page)

    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn acties")
    expect(page.locator("#acties").get_by_role("listitem")).to_have_count(0)
    expect(page.locator("#acties")).to_contain_text("U heeft geen open acties.")
    assert_no_axe_violations(page)
