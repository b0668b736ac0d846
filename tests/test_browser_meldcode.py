"""A meldcode dossier in a real browser (issue #10): a casusregisseur opens it from the
traject, records the signals (stap 0 and 1), a consultation, a conversation and a weighing
that decides to report, and the melding; the procesregisseur reads it, a colleague
casusregisseur sees only that it exists; axe-checked on every page."""

import datetime
import re

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


def _record(page, stap: str, velden: dict[str, str]):
    section = page.locator(f"#stap-{stap}")
    section.locator("summary", has_text="Vastleggen").click()
    for label, waarde in velden.items():
        section.get_by_label(label, exact=True).fill(waarde)
    section.get_by_role("button", name=re.compile("^Opslaan")).click()
    expect(page.locator(".messages")).to_contain_text("is vastgelegd")


def test_a_dossier_from_signals_to_melding_for_few_eyes(browser_page, werkproces, org_a):
    page = browser_page
    karim = UserFactory(
        organisatie=org_a, rollen=[Rol.CASUSREGISSEUR], with_totp=True, first_name="Karim"
    )
    petra = UserFactory(
        organisatie=org_a, rollen=[Rol.PROCESREGISSEUR], with_totp=True, first_name="Petra"
    )
    chris = UserFactory(
        organisatie=org_a, rollen=[Rol.CASUSREGISSEUR], with_totp=True, first_name="Chris"
    )
    traject = TrajectFactory(
        procesregisseur=petra, casusregisseurs=[karim, chris], huishouden__aangemaakt_door=petra
    )
    GezinslidFactory(huishouden=traject.huishouden, voornaam="Anna", achternaam="Jansen")
    today = datetime.date.today().isoformat()

    log_in(page, karim)
    page.goto(reverse("meldcode:nieuw", args=[traject.pk]))
    assert_no_axe_violations(page)
    page.get_by_label("Anna Jansen").check()
    page.get_by_role("button", name="Dossier openen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meldcodedossier")
    assert_no_axe_violations(page)
    dossier_url = page.url

    section = page.locator("#stap-0")
    section.locator("summary", has_text="Vastleggen").click()
    section.get_by_label("Kindermishandeling").check()
    section.get_by_role("button", name=re.compile("^Opslaan")).click()
    expect(page.locator(".messages")).to_contain_text("is vastgelegd")
    _record(
        page,
        "1",
        {
            "Feitelijke signalen (gezien, gehoord, geroken), met bron*": (
                "Blauwe plek op de arm van Anna, gezien op school."
            )
        },
    )
    _record(
        page,
        "2",
        {
            "Datum*": today,
            "Wie is geraadpleegd*": "Anouk de Vries",
            "Rol of deskundigheid*": "Aandachtsfunctionaris huiselijk geweld",
            "Advies*": "Bespreek de signalen met moeder en weeg daarna.",
        },
    )
    _record(
        page,
        "3",
        {
            "Datum": today,
            "Met wie is het gesprek gevoerd": "Moeder",
            "Reactie van de klant en/of ouders / wettelijk vertegenwoordiger": "Moeder herkent de zorgen.",
        },
    )
    expect(page.locator("#stap-1")).to_contain_text("Blauwe plek op de arm van Anna")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Afwegingskader doorlopen").click()
    assert_no_axe_violations(page)
    for nummer in range(1, 6):
        expect(page.get_by_role("group", name=re.compile(f"^Vraag {nummer}\\."))).to_be_visible()
        page.get_by_role("radio", name="Ja").check()
        page.get_by_role("button", name="Volgende").click()
        if nummer == 2:
            expect(page.get_by_role("heading", name="Besluit tot nu toe")).to_be_visible()
            expect(page.locator("#weging")).to_contain_text("melden bij Veilig Thuis")
        if nummer == 3:
            assert_no_axe_violations(page)
    expect(page.locator("#weging")).to_contain_text("hulp bieden of organiseren")
    page.get_by_label("De weging", exact=True).fill("Structurele onveiligheid; hulp is mogelijk.")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Weging opslaan").click()
    expect(page.locator(".messages")).to_contain_text("De weging is vastgelegd")
    expect(page.get_by_role("alert")).to_contain_text("Een melding bij Veilig Thuis is vereist")

    meldingen = page.locator("#meldingen")
    meldingen.get_by_label("Datum van de melding").fill(today)
    meldingen.get_by_label("Wat is gemeld").fill("Signalen van kindermishandeling bij Anna.")
    meldingen.get_by_label("Kenmerk Veilig Thuis").fill("VT-2026-0042")
    meldingen.get_by_role("button", name="Melding opslaan").click()
    expect(page.locator(".messages")).to_contain_text("De melding bij Veilig Thuis is vastgelegd")
    expect(page.get_by_text("Wacht op terugkoppeling van Veilig Thuis")).to_be_visible()
    assert_no_axe_violations(page)

    # Petra, the procesregisseur, reads the content.
    petra_page = page.context.browser.new_context(base_url=page.url).new_page()
    log_in(petra_page, petra)
    petra_page.goto(dossier_url)
    expect(petra_page.locator("#stap-1")).to_contain_text("Blauwe plek op de arm van Anna")
    expect(petra_page.locator("#meldingen")).to_contain_text("VT-2026-0042")
    assert_no_axe_violations(petra_page)

    # Chris, another casusregisseur of the traject, sees only that it exists.
    chris_page = page.context.browser.new_context(base_url=page.url).new_page()
    log_in(chris_page, chris)
    chris_page.goto(dossier_url)
    expect(chris_page.get_by_text("Open sinds")).to_be_visible()
    expect(chris_page.locator("main")).to_contain_text("Karim")
    expect(chris_page.locator("main")).not_to_contain_text("Blauwe plek")
    assert_no_axe_violations(chris_page)

    # Acuut gevaar is one click away.
    page.get_by_role("link", name="Acuut gevaar").click()
    expect(page.get_by_role("link", name="Bel Politie: 112")).to_have_attribute("href", "tel:112")
    assert_no_axe_violations(page)
