"""Opschalen in a real browser: the procesregisseur assesses a traject on the regiekaart,
follows the advice from level 2 to 3, and the manager of her organisation sees the escalation
and records how it was resolved; axe on every page (issue #6).

Playwright drives Debian's Chromium (see tests/browser.py); never run `playwright install`.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from regie.constants import Rol
from regiekaart.models import Opschaling
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

TOELICHTING = {
    "D": "Ouders zijn uitgeput door de schulden.",
    "Z": "De post blijft ongeopend liggen.",
    "B": "Schuldhulp en opvoedondersteuning zijn nodig.",
    "O": "De buren hoorden vorige week geschreeuw en klappen.",
}


def test_procesregisseur_escalates_from_2_to_3_and_the_manager_sees_it(
    browser_page, werkproces, org_a
):
    page = browser_page
    petra = UserFactory(
        organisatie=org_a,
        rollen=[Rol.PROCESREGISSEUR],
        with_totp=True,
        first_name="Petra",
        last_name="de Vries",
    )
    marieke = UserFactory(
        organisatie=org_a, rollen=[Rol.MANAGER], with_totp=True, first_name="Marieke"
    )
    traject = TrajectFactory(
        procesregisseur=petra, huishouden__aangemaakt_door=petra, huishouden__naam="Familie Bos"
    )
    GezinslidFactory(huishouden=traject.huishouden, voornaam="Anna")

    # 1. The traject page shows the start level and the way to assess it.
    log_in(page, petra)
    page.goto(traject.get_absolute_url())
    kaart = page.locator("section.regiekaart-panel")
    expect(kaart.get_by_role("heading", name="Regiekaart")).to_be_visible()
    expect(kaart).to_contain_text("Niveau 2 (geel)")
    expect(kaart).to_contain_text("Startniveau: nog niet beoordeeld.")
    assert_no_axe_violations(page)
    kaart.get_by_role("link", name="Beoordelen / op- of afschalen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regiekaart: Familie Bos")
    assert_no_axe_violations(page)

    # 2. The criteria with a note each; a criterion without its note is explained.
    criteria = page.get_by_role("group", name="Criteria", exact=True)
    criteria.get_by_label("D: De draagkracht is uit balans").check()
    page.get_by_role("button", name="Advies bijwerken").click()
    expect(page.get_by_text("Licht toe waarom D geldt.")).to_be_visible()
    assert_no_axe_violations(page)
    criteria = page.get_by_role("group", name="Criteria", exact=True)
    for code, tekst in TOELICHTING.items():
        criteria.get_by_role("group", name=f"Criterium {code}").get_by_role("checkbox").check()
        criteria.get_by_label(f"Toelichting bij {code}").fill(tekst)
    page.get_by_role("button", name="Advies bijwerken").click()

    # 3. The advice with the seed's rule; the decision starts at it.
    advies = page.get_by_role("region", name="Advies van de regiekaart")
    expect(advies).to_contain_text("Opschalen van niveau 2 naar niveau 3.")
    expect(advies).to_contain_text("→ Opschalen naar niveau 3")
    besluit = page.get_by_role("group", name="Besluit")
    expect(besluit.get_by_label("Besluit: niveau")).to_have_value("3")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Besluit vastleggen").click()

    expect(page.get_by_role("status")).to_have_text("Het traject staat nu op niveau 3.")
    geschiedenis = page.get_by_role("region", name="Op- en afschalingen")
    expect(geschiedenis).to_contain_text("niveau 2 naar 3")
    expect(geschiedenis).to_contain_text("advies gevolgd")
    expect(page.get_by_role("region", name="Huidig niveau")).to_contain_text(
        "Op niveau 3 is een Veiligheidsplan nodig"
    )
    assert_no_axe_violations(page)
    opschaling = Opschaling.objects.get()

    # 4. The manager sees it on her start page, without the household's name.
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
    log_in(page, marieke)
    open_escalaties = page.get_by_role("region", name="Open escalaties")
    rij = open_escalaties.get_by_role("row").filter(has_text=f"Traject #{traject.pk}")
    expect(rij).to_contain_text("Niveau 3 (oranje)")
    expect(rij).to_contain_text("D, Z, B, O")
    expect(rij).to_contain_text("Petra de Vries")
    expect(page.get_by_text("Familie Bos")).to_have_count(0)
    assert_no_axe_violations(page)

    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name="Escalaties", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Escalaties")
    per_niveau = page.get_by_role("region", name="Trajecten per niveau")
    expect(per_niveau.get_by_role("row").filter(has_text="Niveau 3 (oranje)")).to_contain_text("1")
    assert_no_axe_violations(page)

    # 5. She opens it and records how it was resolved.
    page.get_by_role("link", name=f"Traject #{traject.pk}").click()
    expect(page).to_have_url(reverse("regiekaart:escalatie", args=[opschaling.pk]))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Afhandeling vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("Beschrijf hoe de escalatie is afgehandeld.")
    page.get_by_label("Hoe is het afgehandeld?").fill("Extra inzet van het sociaal team geregeld.")
    page.get_by_role("button", name="Afhandeling vastleggen").click()
    expect(page.get_by_role("status")).to_have_text("De escalatie is afgehandeld.")
    expect(page.get_by_role("region", name="Afhandeling")).to_contain_text(
        "Extra inzet van het sociaal team geregeld."
    )
    assert_no_axe_violations(page)
