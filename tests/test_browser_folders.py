"""Phase 2's "folder meegeven" through a real browser (issue #12, 002 DEEL F): from the
traject page to the folders, a folder as a page, a folder given on paper and one sent by
e-mail, back on the traject page. Every page must pass axe without violations.

Playwright drives Debian's Chromium (see tests/browser.py); never run `playwright install`.
"""

import pytest
from playwright.sync_api import expect

from huishoudens.models import FolderUitgereikt, Netwerklid
from regie.models import Bericht
from tests.browser import (  # noqa: F401 (fixtures, used by name)
    assert_no_axe_violations,
    base_url_fixture,
    browser_page_fixture,
    browser_type_launch_args_fixture,
    close_db_connections_fixture,
    log_in,
)
from tests.factories import GezinslidFactory, TrajectFactory

pytestmark = pytest.mark.browser


def test_a_folder_is_given_on_paper_and_sent_by_email_in_phase_2(
    browser_page, werkproces, procesregisseur, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page = browser_page
    traject = TrajectFactory(
        fase="2",
        procesregisseur=procesregisseur,
        huishouden__naam="Familie Bakker",
        huishouden__aanspreekvorm="jij",
        huishouden__aangemaakt_door=procesregisseur,
    )
    GezinslidFactory(huishouden=traject.huishouden, voornaam="Sanne", email="sanne@voorbeeld.nl")
    Netwerklid.objects.create(huishouden=traject.huishouden, naam="Riet van Dam", rol="oma")

    log_in(page, procesregisseur)
    page.goto(traject.get_absolute_url())
    sectie = page.get_by_role("region", name="Folder meegeven")
    expect(sectie).to_contain_text("Nog geen folder meegegeven of verstuurd.")
    assert_no_axe_violations(page)

    sectie.get_by_role("link", name="Folder bekijken, afdrukken, meegeven of versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Folder meegeven")
    expect(page.get_by_text("Folder voor klant (jij-vorm)", exact=True)).to_be_visible()
    expect(page.get_by_text("Folder voor klant (u-vorm)", exact=True)).to_have_count(0)
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Bekijken folder voor klant (jij-vorm)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Folder voor klant (jij-vorm)")
    expect(page.get_by_text("Samen met jou kiezen we een regisseur")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Terug naar folder meegeven").click()

    # Without a choice the form says what is missing.
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("Dit veld is verplicht.")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Aan wie").select_option(label="Riet van Dam (oma), geen e-mailadres")
    page.get_by_label("Op papier meegegeven").check()
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("op papier meegegeven aan Riet van Dam")
    assert_no_axe_violations(page)

    page.get_by_label("Aan wie").select_option(index=1)  # Sanne, the first member
    page.get_by_label("Per e-mail verstuurd").check()
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("gaat per e-mail naar Sanne")
    assert_no_axe_violations(page)
    assert Bericht.objects.get().aan == "sanne@voorbeeld.nl"
    assert FolderUitgereikt.objects.count() == 2

    page.get_by_role("link", name="Terug naar het traject").click()
    sectie = page.get_by_role("region", name="Folder meegeven")
    expect(sectie).to_contain_text("op papier meegegeven aan Riet van Dam")
    expect(sectie).to_contain_text("per e-mail verstuurd aan Sanne")
    assert_no_axe_violations(page)
