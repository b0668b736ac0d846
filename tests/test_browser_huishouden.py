"""One whole household in a real browser, from aanmelding to closing (issue #12, "Tests").

Familie Visser: Eva de Wit and Mark Visser both have gezag ("Beide ouders") and live
apart; Daan is 14, Noor 8; grandparents Ria and Kees de Wit are the network; a jeugdarts and
a casusregisseur are the professionals. The aanmelding flags onveiligheid, so
1Gezin1Plan1Regisseur always starts (002 Fase 1 step 2, Fase 2) and the Veiligheidsplan
comes first.

Procesregisseur Petra registers the household, records the intake (and is told why "Nee,
geen start" is not offered), records the consent of Daan and of each parent with gezag on
a line of their own (002 ch. 7), assigns the regisseurs, opens the meldcodedossier, plans
and holds the startoverleg with the Veiligheidsplan (grootste zorg, an afspraak, a score per
person) and the Ondersteuningsplan (a goal with an action), holds a voortgangsoverleg with
new scores, weighs again and closes the dossier, and hands the procesregie over to her
colleague Fatima (6a). Fatima, in a browser of her own, accepts, records the aftercare
(6b) and closes the traject. axe runs on every page the journey visits.

The journey found that the dossier opened from the aanmelding's safety check left the
aanmelding's signal open, so the traject could never close; fixed in
meldcode.views.dossiers, with regression tests in meldcode/tests/test_meldcode_traject.py.

Time passes between the meetings: the browser cannot make a meeting that already took
place, so the test moves a planned meeting's date back, as tests/test_browser_overleg.py
does.

Playwright drives Debian's Chromium (see tests/browser.py); never run `playwright install`.
"""

import datetime
import functools
import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from plannen.models import Overleg
from regie.constants import Rol
from tests import browser
from tests.browser import (  # noqa: F401 (fixtures, used by name)
    assert_no_axe_violations,
    base_url_fixture,
    browser_page_fixture,
    browser_type_launch_args_fixture,
    close_db_connections_fixture,
    log_in,
)
from tests.browser_huishouden import (
    gezinslid_toevoegen,
    hele_label,
    kies_overleg,
    kort,
    lang,
    score_invullen,
    toestemming_vastleggen,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


HUISHOUDEN = "Familie Visser"
VANDAAG = datetime.date.today()
# Born on 1 January: 14 and 8 years old on every day of the year the test runs.
DAAN_GEBOREN = datetime.date(VANDAAG.year - 14, 1, 1)
NOOR_GEBOREN = datetime.date(VANDAAG.year - 8, 1, 1)
GROOTSTE_ZORG = "Dat Daan en Noor weer getuige zijn van geweld tussen de ouders bij het ophalen."
AFSPRAAK = "De kinderen worden bij oma Ria opgehaald en gebracht, niet bij de ouders thuis."
DOEL = "Eva en Mark maken samen afspraken over de kinderen zonder ruzie."
ACTIE = "Ouders aanmelden voor Ouderschap Blijft"


expect_fase = functools.partial(browser.expect_fase, huishouden=HUISHOUDEN)
move_to = functools.partial(browser.naar_fase, huishouden=HUISHOUDEN)


def test_a_household_from_aanmelding_to_closing(browser_page, base_url, werkproces, org_a):
    page = browser_page
    petra = UserFactory(
        organisatie=org_a,
        rollen=[Rol.PROCESREGISSEUR],
        with_totp=True,
        first_name="Petra",
        last_name="de Vries",
    )
    UserFactory(
        organisatie=org_a,
        rollen=[Rol.CASUSREGISSEUR],
        with_totp=True,
        first_name="Karim",
        last_name="El Amrani",
    )
    fatima = UserFactory(
        organisatie=org_a,
        rollen=[Rol.PROCESREGISSEUR],
        with_totp=True,
        first_name="Fatima",
        last_name="Yilmaz",
    )

    # 1. Aanmelding, with signals of onveiligheid.
    log_in(page, petra)
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name="Nieuwe aanmelding", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe aanmelding")
    assert_no_axe_violations(page)
    huishouden = page.get_by_role("group", name="Huishouden")
    huishouden.get_by_label("Naam huishouden").fill(HUISHOUDEN)
    huishouden.get_by_label("Adres", exact=True).fill("Kleiweg 12")
    huishouden.get_by_label("Postcode", exact=True).fill("2801 AB")
    huishouden.get_by_label("Woonplaats", exact=True).fill("Gouda")
    huishouden.get_by_label("Gemeente").select_option(label=org_a.gemeente.naam)
    lid = page.get_by_role("group", name="Eerste gezinslid")
    lid.get_by_label("Voornaam").fill("Eva")
    lid.get_by_label("Achternaam").fill("de Wit")
    lid.get_by_label("Geslacht").select_option(label="Vrouw")
    lid.get_by_label("Geboortedatum").fill("1986-05-03")
    lid.get_by_label("Rol in het gezin").select_option(label="Ouder")
    lid.get_by_label("E-mailadres").fill("eva.dewit@voorbeeld.nl")
    aanmelding = page.get_by_role("group", name="Aanmelding")
    aanmelding.get_by_label("Vraag van het huishouden").fill(
        "Moeder vraagt hulp: de ouders zijn uit elkaar en bij de overdracht van de kinderen "
        "loopt het uit de hand."
    )
    aanmelding.get_by_label("Aangemeld door").fill("Huisarts Pietersen")
    aanmelding.get_by_label("Signalen van (acute) onveiligheid").check()
    page.get_by_role("button", name="Aanmelding vastleggen").click()

    expect_fase(page, "1. Aanmelding")
    expect(page.locator(".messages")).to_contain_text(
        "Er zijn zorgen over veiligheid of basiszorg: 1Gezin1Plan1Regisseur start direct."
    )
    veiligheid = page.get_by_role("region", name="Zorgen over veiligheid of basiszorg")
    expect(veiligheid).to_contain_text("Bij de aanmelding: zorgen over basiszorg of veiligheid.")
    assert_no_axe_violations(page)
    traject_url = page.url

    # 2. The household: the second parent (elsewhere), the children, network, professional.
    page.get_by_role("link", name="Huishouden, netwerk en toestemming").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HUISHOUDEN)
    assert_no_axe_violations(page)
    gezinslid_toevoegen(
        page,
        {
            "Voornaam": "Mark",
            "Achternaam": "Visser",
            "Geboortedatum": "1984-11-20",
            "Adres": "Dorpsstraat 4, Moordrecht",
        },
        {"Geslacht": "Man", "Rol in het gezin": "Ouder"},
        axe=True,
    )
    for voornaam, geboren, geslacht in [
        ("Daan", DAAN_GEBOREN, "Man"),
        ("Noor", NOOR_GEBOREN, "Vrouw"),
    ]:
        gezinslid_toevoegen(
            page,
            {"Voornaam": voornaam, "Achternaam": "Visser", "Geboortedatum": geboren.isoformat()},
            {"Geslacht": geslacht, "Rol in het gezin": "Kind", "Gezag": "Beide ouders"},
        )
    leden = page.get_by_role("region", name="Gezinsleden")
    expect(leden.get_by_role("row").filter(has_text="Daan Visser")).to_contain_text(
        "gezag: Beide ouders"
    )

    for naam, rol in [("Ria de Wit", "oma"), ("Kees de Wit", "opa")]:
        page.get_by_role("link", name="Netwerklid toevoegen").click()
        if naam == "Ria de Wit":
            assert_no_axe_violations(page)
        page.get_by_label("Naam").fill(naam)
        page.get_by_label("Rol / relatie").fill(rol)
        page.get_by_label("Praktisch").check()
        page.get_by_role("button", name="Opslaan", exact=True).click()
        expect(page.locator(".messages")).to_have_text("Opgeslagen.")
    expect(page.get_by_role("region", name="Netwerk (familie, vrienden, buren)")).to_contain_text(
        "Ria de Wit — oma"
    )

    page.get_by_role("link", name="Professional toevoegen").click()
    assert_no_axe_violations(page)
    page.get_by_label("Naam", exact=True).fill("Ilse Bos")
    page.get_by_label("Organisatie").fill("GGD Hollands Midden")
    page.get_by_label("Functie").fill("Jeugdarts")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("region", name="Betrokken professionals")).to_contain_text(
        "Ilse Bos (GGD Hollands Midden)"
    )

    # 3. Consent: Daan (14) himself and each parent with gezag on a line of their own.
    daan = leden.get_by_role("row").filter(has_text="Daan Visser")
    expect(daan).to_contain_text("De persoon zelf: nog niet gevraagd")
    expect(daan).to_contain_text("Eerste ouder met gezag: nog niet gevraagd")
    expect(daan).to_contain_text("Tweede ouder met gezag: nog niet gevraagd")
    toestemming_vastleggen(page, "Daan Visser", "De persoon zelf", "Daan Visser", axe=True)
    toestemming_vastleggen(page, "Daan Visser", "Eerste ouder met gezag", "Eva de Wit")
    # Daan and one parent are not enough, and one parent cannot sign for the other.
    zonder_toestemming = page.get_by_role("alert")
    expect(zonder_toestemming).to_contain_text("Nog geen (volledige) toestemming")
    expect(zonder_toestemming).to_contain_text("Daan Visser")
    toestemming_vastleggen(
        page,
        "Daan Visser",
        "Tweede ouder met gezag",
        "Eva de Wit",
        fout="Eva de Wit staat al als eerste ouder met gezag vastgelegd.",
    )
    toestemming_vastleggen(page, "Daan Visser", "Tweede ouder met gezag", "Mark Visser")
    expect(daan).to_contain_text(f"De persoon zelf: Gegeven ({kort(VANDAAG)}, Daan Visser)")
    expect(daan).to_contain_text(f"Eerste ouder met gezag: Gegeven ({kort(VANDAAG)}, Eva de Wit)")
    expect(daan).to_contain_text(f"Tweede ouder met gezag: Gegeven ({kort(VANDAAG)}, Mark Visser)")
    expect(zonder_toestemming).not_to_contain_text("Daan Visser")
    # Noor (8) does not consent herself: her parents do, each on their own line.
    noor = leden.get_by_role("row").filter(has_text="Noor Visser")
    expect(noor).to_contain_text("Eerste ouder met gezag: nog niet gevraagd")
    expect(noor).to_contain_text("Tweede ouder met gezag: nog niet gevraagd")
    expect(noor).not_to_contain_text("De persoon zelf")
    assert_no_axe_violations(page)

    # 4. Intake: "Nee, geen start" is not offered after a report of onveiligheid.
    page.goto(traject_url)
    move_to(page, "2. Intake (vraagverheldering)")
    page.get_by_role("link", name="Intake: criteria en besluit vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Intake en besluit")
    expect(page.locator("main")).to_contain_text(
        "‘Nee, geen start’ kan hier niet: Bij de aanmelding is gemeld: signalen van "
        "onveiligheid. Dan start 1Gezin1Plan1Regisseur altijd"
    )
    expect(page.get_by_role("radio", name="Nee, geen start")).to_have_count(0)
    expect(page.get_by_role("radio", name="Ja, start 1Gezin1Plan1Regisseur")).to_be_checked()
    assert_no_axe_violations(page)
    page.get_by_role("checkbox").first.check()
    page.get_by_label("Reden van het besluit").fill(
        "Onveiligheid bij de overdracht van de kinderen; problemen op meerdere leefgebieden."
    )
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect_fase(page, "3a. Startoverleg voorbereiden")
    expect(page.locator(".messages")).to_have_text(
        "Start 1Gezin1Plan1Regisseur: ga verder met het startoverleg."
    )
    assert_no_axe_violations(page)

    # 5. The regisseurs: herself as procesregisseur, Karim as casusregisseur.
    regie = page.get_by_role("region", name="Regie")
    regie.get_by_role("link", name="Regisseur toevoegen").click()
    assert_no_axe_violations(page)
    page.get_by_label("Professional").select_option(label=f"Petra de Vries ({org_a.naam})")
    page.get_by_label("Rol in dit traject").select_option(label="Procesregisseur")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messages")).to_have_text(
        "Petra de Vries is toegevoegd als procesregisseur."
    )
    regie.get_by_role("link", name="Regisseur toevoegen").click()
    page.get_by_label("Professional").select_option(label=f"Karim El Amrani ({org_a.naam})")
    page.get_by_label("Rol in dit traject").select_option(label="Casusregisseur")
    page.get_by_label("(Jeugd)hulp").check()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messages")).to_have_text(
        "Karim El Amrani is toegevoegd als casusregisseur."
    )
    expect(regie).to_contain_text(f"Procesregisseur: Petra de Vries ({org_a.naam})")
    expect(regie).to_contain_text(f"Karim El Amrani ({org_a.naam})")

    # 6. The aanmelding's safety check asks for a meldcodedossier.
    meldcode = page.get_by_role("region", name="Veiligheid (meldcode)")
    expect(meldcode).to_contain_text("Open een meldcodedossier")
    meldcode.get_by_role("link", name="Meldcodedossier openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldcodedossier openen")
    assert_no_axe_violations(page)
    page.get_by_label("Daan Visser").check()
    page.get_by_label("Noor Visser").check()
    page.get_by_role("button", name="Dossier openen").click()
    expect(page.locator(".messages")).to_have_text("Het meldcodedossier is geopend.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meldcodedossier")
    assert_no_axe_violations(page)
    dossier_url = page.url

    # 7. The startoverleg: planned, invitations sent, then held (the week passes).
    page.goto(traject_url)
    page.get_by_role("link", name="Overleggen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Overleggen: {HUISHOUDEN}")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Overleg plannen").click()
    assert_no_axe_violations(page)
    page.get_by_label("Soort overleg").select_option(label="Startoverleg")
    page.get_by_label("Datum").fill((VANDAAG + datetime.timedelta(days=7)).isoformat())
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Eindtijd").fill("11:30")
    page.get_by_label("Locatie").fill("Stadhuis Gouda")
    genodigden = page.get_by_role("group", name="Genodigden")
    for naam in [
        "Eva de Wit",
        "Mark Visser",
        "Daan Visser",
        "Ria de Wit",
        "Ilse Bos",
        "Karim El Amrani",
    ]:
        genodigden.get_by_label(naam).check()
    moet = page.get_by_role("group", name="Moet zeker aanwezig zijn")
    moet.get_by_label("Eva de Wit").check()
    moet.get_by_label("Mark Visser").check()
    page.get_by_role("button", name="Overleg plannen").click()
    expect(page.locator(".messages")).to_have_text("Het overleg is gepland.")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Startoverleg: {HUISHOUDEN}")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Uitnodiging bekijken en versturen").click()
    expect(page.get_by_role("heading", name="Aan Eva de Wit")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Uitnodigingen versturen").click()
    expect(page.locator(".messages")).to_contain_text("uitnodigingen zijn verstuurd")
    assert any("eva.dewit@voorbeeld.nl" in m.to for m in mail.outbox)
    startoverleg_url = page.url

    page.goto(traject_url)
    move_to(page, "3b. Startoverleg uitvoeren", toelichting="Startoverleg gepland.")
    startoverleg = Overleg.objects.get(soort="start")
    start_datum = VANDAAG - datetime.timedelta(days=42)
    Overleg.objects.filter(pk=startoverleg.pk).update(datum=start_datum)

    # 8. At the startoverleg: the Veiligheidsplan first (the open dossier asks for it), with
    # a score per person.
    page.get_by_role("region", name="Veiligheid (meldcode)").get_by_role(
        "link", name="Veiligheidsplan maken"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Veiligheidsplan starten")
    expect(page.get_by_label("Wie houden zich aan de veiligheidsafspraken?")).to_have_value(
        "Mark Visser en Eva de Wit"
    )
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Veiligheidsplan starten").click()
    expect(page.locator(".messages")).to_have_text(
        "Het Veiligheidsplan is gestart; het standaarddoel staat in het Ondersteuningsplan."
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Veiligheidsplan: {HUISHOUDEN}")
    teksten = page.get_by_role("region", name="Zorgen, grootste zorg en bestaande veiligheid")
    teksten.get_by_label("Wat is er gebeurd waardoor er zorgen zijn?").fill(
        "Bij het ophalen van de kinderen schreeuwen de ouders en is er geduwd; Daan grijpt in."
    )
    teksten.get_by_label("Grootste zorg of gevaar").fill(GROOTSTE_ZORG)
    teksten.get_by_label("Wat is er al dat veiligheid geeft").fill(
        "Oma Ria vangt de kinderen op; de ouders willen allebei dat het stopt."
    )
    teksten.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messages")).to_have_text("Het Veiligheidsplan is opgeslagen.")
    expect(teksten.get_by_label("Grootste zorg of gevaar")).to_have_value(GROOTSTE_ZORG)

    afspraken = page.get_by_role("region", name="Veiligheidsafspraken")
    afspraken.locator("summary", has_text="Afspraak toevoegen").click()
    afspraken.get_by_label("Wat moet er minimaal gebeuren").fill(
        "De ouders zien elkaar niet bij het wisselen van de kinderen."
    )
    afspraken.get_by_label("Wat moet er concreet en direct gebeuren").fill(AFSPRAAK)
    afspraken.get_by_label("Wie ziet erop toe").fill("Ria de Wit en Karim El Amrani")
    afspraken.get_by_role("button", name="Toevoegen").click()
    expect(page.locator(".messages")).to_have_text("Toegevoegd aan het Veiligheidsplan.")
    expect(page.get_by_role("region", name="Veiligheidsafspraken")).to_contain_text(AFSPRAAK)

    for naam, cijfer in [("Eva de Wit", 3), ("Mark Visser", 5), ("Daan Visser", 2)]:
        score_invullen(
            page,
            overleg="Startoverleg",
            naam=naam,
            cijfer=cijfer,
            toelichting="Het wisselen gaat nog steeds mis.",
        )
    assert_no_axe_violations(page)

    # 9. The Ondersteuningsplan: a goal with an action, fixed at the startoverleg.
    page.get_by_role("link", name="Ondersteuningsplan", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ondersteuningsplan: {HUISHOUDEN}")
    plan_teksten = page.get_by_role("region", name="Aanleiding, analyse en resultaat")
    plan_teksten.get_by_label("Aanleiding, vraag of zorg").fill(
        "De ouders zijn uit elkaar; het wisselen van de kinderen loopt uit de hand."
    )
    plan_teksten.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messages")).to_have_text("Het plan is opgeslagen.")
    doelen = page.get_by_role("region", name="Doelen en acties")
    expect(doelen).to_contain_text(
        "Mark Visser en Eva de Wit, houden ons aan de veiligheidsafspraken"
    )
    doelen.locator("summary", has_text="Doel toevoegen").click()
    doelen.get_by_label("Doel: wat wilt u/jij bereiken?").fill(DOEL)
    doelen.get_by_role("button", name="Doel toevoegen", exact=True).click()
    expect(page.locator(".messages")).to_have_text("Toegevoegd aan het plan.")
    doel = page.get_by_role("article", name=re.compile(f"^Doel 2: {DOEL}"))
    doel.get_by_role("link", name="Actie toevoegen bij doel 2").click()
    doel.get_by_label("Wat moet er gebeuren").fill(ACTIE)
    doel.get_by_label("Wie (gebruiker van Regie)").select_option(label="Karim El Amrani")
    doel.get_by_label("Wanneer (uiterlijk)").fill(
        (VANDAAG + datetime.timedelta(days=14)).isoformat()
    )
    doel.get_by_role("button", name="Actie toevoegen", exact=True).click()
    expect(page.locator(".messages")).to_have_text("Toegevoegd aan het plan.")
    expect(page.get_by_role("article", name=re.compile(f"^Doel 2: {DOEL}"))).to_contain_text(ACTIE)
    assert_no_axe_violations(page)
    vaststellen = page.get_by_role("region", name="Vaststellen in het overleg")
    kies_overleg(vaststellen.get_by_label("Vastgesteld in welk overleg?"), "Startoverleg")
    vaststellen.get_by_role("button", name="Plan vaststellen").click()
    expect(page.locator(".messages")).to_have_text("Versie 1 is vastgesteld.")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Ondersteuningsplan {HUISHOUDEN}, versie 1"
    )
    assert_no_axe_violations(page)

    # 10. The startoverleg is recorded as held, with the voortgangsoverleg planned.
    page.goto(startoverleg_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Startoverleg: {HUISHOUDEN}")
    page.get_by_label("Datum volgend overleg").fill(
        (VANDAAG + datetime.timedelta(days=1)).isoformat()
    )
    page.get_by_label("Begintijd").fill("14:00")
    page.get_by_label("Eindtijd").fill("15:00")
    page.get_by_role("button", name="Overleg vastleggen").click()
    expect(page.locator(".messages")).to_have_text(
        "Het overleg is vastgelegd. Het volgende overleg is gepland."
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Voortgangsoverleg: {HUISHOUDEN}")
    assert_no_axe_violations(page)
    voortgangsoverleg_url = page.url

    page.goto(traject_url)
    move_to(page, "4. Voortgang")
    move_to(page, "5a. Voortgangsoverleg voorbereiden")
    move_to(page, "5b. Voortgangsoverleg uitvoeren")
    # Six weeks later: the voortgangsoverleg is today.
    Overleg.objects.filter(soort="voortgang").update(
        datum=VANDAAG, begin=datetime.time(0), eind=datetime.time(0, 30)
    )

    # 11. At the voortgangsoverleg: new scores; the history shows both meetings.
    page.goto(reverse("plannen:veiligheidsplan", args=[startoverleg.traject_id]))
    for naam, cijfer in [("Eva de Wit", 7), ("Mark Visser", 7), ("Daan Visser", 8)]:
        score_invullen(
            page,
            overleg="Voortgangsoverleg",
            naam=naam,
            cijfer=cijfer,
            toelichting="Het wisselen bij oma gaat rustig.",
        )
    tabel = page.get_by_role("table", name="Schaalvraag: cijfers per overleg")
    rijen = tabel.get_by_role("row")
    expect(rijen).to_have_count(7)
    expect(rijen.nth(3).get_by_role("cell")).to_have_text(
        ["Startoverleg", lang(start_datum), "Daan Visser", "2", "Het wisselen gaat nog steeds mis."]
    )
    expect(rijen.nth(6).get_by_role("cell")).to_have_text(
        [
            "Voortgangsoverleg",
            lang(VANDAAG),
            "Daan Visser",
            "8",
            "Het wisselen bij oma gaat rustig.",
        ]
    )
    grafiek = page.get_by_role("img", name="Schaalvraag per persoon over de overleggen")
    expect(grafiek).to_be_visible()
    expect(grafiek.locator("text.as-label", has_text="Startoverleg")).to_have_count(1)
    expect(grafiek.locator("text.as-label", has_text="Voortgangsoverleg")).to_have_count(1)
    expect(grafiek.locator("polyline")).to_have_count(3)
    assert_no_axe_violations(page)

    page.goto(voortgangsoverleg_url)
    page.get_by_role("button", name="Overleg vastleggen").click()
    expect(page.locator(".messages")).to_have_text("Het overleg is vastgelegd.")

    # 12. Lasting safety: the weighing says so and the dossier closes, and with it the
    # aanmelding's signal (issue #12), so nothing blocks closing the traject.
    page.goto(dossier_url)
    page.get_by_role("link", name="Afwegingskader doorlopen").click()
    assert_no_axe_violations(page)
    for nummer, antwoord in enumerate(["Ja", "Nee", "Ja", "Ja", "Ja"], start=1):
        vraag = page.get_by_role("group", name=re.compile(f"^Vraag {nummer}\\."))
        vraag.get_by_role("radio", name=antwoord, exact=True).check()
        page.get_by_role("button", name="Volgende").click()
    expect(page.locator("#weging")).to_contain_text("hulp bieden of organiseren")
    expect(page.locator("#weging")).not_to_contain_text("melden bij Veilig Thuis")
    page.get_by_label("De weging", exact=True).fill(
        "De afspraken worden nagekomen; de scores zijn gestegen. Duurzaam veilig."
    )
    page.get_by_role("button", name="Weging opslaan").click()
    expect(page.locator(".messages")).to_contain_text("De weging is vastgelegd.")
    page.get_by_role("link", name="Dossier afsluiten").click()
    assert_no_axe_violations(page)
    page.get_by_label("Reden van afsluiten").select_option(label="Duurzame veiligheid bereikt")
    page.get_by_label("Toelichting: waarom wordt het dossier afgesloten?").fill(
        "Twee overleggen op rij veilig; de afspraken blijven in het Veiligheidsplan."
    )
    page.get_by_role("button", name="Ja, dossier afsluiten").click()
    expect(page.locator(".messages")).to_have_text("Het meldcodedossier is gesloten.")
    assert_no_axe_violations(page)

    page.goto(traject_url)
    expect(page.get_by_role("region", name="Zorgen over veiligheid of basiszorg")).to_have_count(0)

    # 13. 6a: Petra hands the procesregie over to Fatima.
    page.get_by_role("link", name="Mijn regie overdragen (fase 6a)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regie overdragen (fase 6a)")
    assert_no_axe_violations(page)
    page.get_by_label("Rol").select_option(label="Procesregisseur")
    page.get_by_label("Opvolger").select_option(label="Fatima Yilmaz")
    page.get_by_role("textbox", name="Toelichting").fill(
        "Ik ga het team verlaten; Fatima rondt af."
    )
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messages")).to_have_text(
        "De overdracht wacht op acceptatie door Fatima Yilmaz."
    )
    expect(page.get_by_role("region", name="Regie")).to_contain_text(
        f"Overdracht aan Fatima Yilmaz per {kort(VANDAAG)} wacht op acceptatie."
    )

    # 14. Fatima, in a browser of her own, accepts, records the aftercare and closes.
    fatima_context = page.context.browser.new_context(base_url=base_url)
    fpage = fatima_context.new_page()
    fpage.set_default_timeout(15_000)
    problemen = browser.watch_problems(fpage)
    log_in(fpage, fatima)
    overdrachten = fpage.get_by_role("region", name="Overdrachten voor u")
    overdrachten.get_by_role("link").filter(has_text=HUISHOUDEN).click()
    expect(fpage.get_by_role("heading", level=1)).to_have_text("Overdracht van regie")
    expect(fpage.locator("main")).to_contain_text("Ik ga het team verlaten; Fatima rondt af.")
    assert_no_axe_violations(fpage)
    fpage.get_by_role("button", name="Accepteren").click()
    expect(fpage.locator(".messages")).to_have_text("U heeft de overdracht geaccepteerd.")
    expect_fase(fpage, "5b. Voortgangsoverleg uitvoeren")
    expect(fpage.get_by_role("region", name="Regie")).to_contain_text(
        f"Procesregisseur: Fatima Yilmaz ({org_a.naam})"
    )
    assert_no_axe_violations(fpage)

    move_to(fpage, "6b. Afsluiten en nazorg huishouden", toelichting="Doelen bereikt.")
    fpage.get_by_role("link", name="Nazorg en afsluitmoment vastleggen").click()
    expect(fpage.get_by_role("heading", level=1)).to_have_text("Afsluiten en nazorg (fase 6b)")
    fpage.get_by_label(hele_label("Wie")).fill("Ria de Wit (oma)")
    fpage.get_by_label(hele_label("Wat")).fill("Blijft de wisselplek voor de kinderen.")
    fpage.get_by_label(hele_label("Wanneer")).fill("Elk weekend")
    fpage.get_by_label("Hoe vaak").fill("Wekelijks")
    fpage.get_by_label("Bij wie kan het huishouden terecht met vragen").fill(
        "Sociaal Team Gouda, 0182 588 588"
    )
    fpage.get_by_role("button", name="Afspraak toevoegen").click()
    expect(fpage.locator(".messages")).to_have_text("De nazorg is vastgelegd.")
    fpage.get_by_label("Nee, geen vervolg").check()
    fpage.get_by_label("Afgesproken datum van afsluiten").fill(VANDAAG.isoformat())
    fpage.get_by_role("button", name="Opslaan", exact=True).click()
    expect(fpage.locator(".messages")).to_have_text("De nazorg is vastgelegd.")
    expect(fpage.get_by_role("region", name="Afspraken over nazorg")).to_contain_text(
        "Blijft de wisselplek voor de kinderen."
    )
    assert_no_axe_violations(fpage)

    fpage.get_by_role("link", name="Terug naar het traject").click()
    nazorg = fpage.get_by_role("region", name="Afspraken over nazorg")
    expect(nazorg).to_contain_text(
        "Ria de Wit (oma): Blijft de wisselplek voor de kinderen. (Elk weekend, Wekelijks); "
        "vragen bij Sociaal Team Gouda, 0182 588 588"
    )
    stap = fpage.get_by_role("region", name="Volgende stap")
    stap.get_by_role("button", name="Traject afsluiten").click()
    expect_fase(fpage, "Gesloten")
    expect(fpage.locator(".messages")).to_have_text("Het traject staat nu in Gesloten.")
    tijdlijn = fpage.get_by_role("region", name="Tijdlijn")
    expect(tijdlijn).to_contain_text("1. Aanmelding (Petra de Vries): Aanmelding")
    expect(tijdlijn).to_contain_text(
        "Veiligheidssignaal: Bij de aanmelding: zorgen over basiszorg of veiligheid. "
        "(afgesloten: Via meldcodedossier"
    )
    expect(tijdlijn).to_contain_text(
        f"Overdracht Procesregisseur van Petra de Vries aan Fatima Yilmaz per {kort(VANDAAG)}: "
        "Geaccepteerd"
    )
    expect(tijdlijn).to_contain_text(
        "Van 6b. Afsluiten en nazorg huishouden naar Gesloten (Fatima Yilmaz)"
    )
    assert_no_axe_violations(fpage)
    fatima_context.close()
    assert not problemen, "\n".join(problemen)
