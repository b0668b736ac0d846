"""Planning a startoverleg in a real browser, previewing and sending the invitations, an
invitee's reply through the personal link, and closing the meeting with the next one
planned; axe-checked (issue #5)."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from plannen.models import Overleg
from plannen.services import overleg_plan
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
    GezinslidFactory(huishouden=traject.huishouden, voornaam="Anna", achternaam="Jansen", email="")
    GezinslidFactory(
        huishouden=traject.huishouden,
        voornaam="Bert",
        achternaam="Jansen",
        email="bert@voorbeeld.nl",
    )
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
    page.get_by_role("group", name="Genodigden").get_by_label("Bert Jansen").check()
    page.get_by_role("group", name="Moet zeker aanwezig zijn").get_by_label("Anna Jansen").check()
    page.get_by_role("button", name="Overleg plannen").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Startoverleg")
    expect(page.get_by_text("moet zeker aanwezig zijn")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Uitnodiging bekijken en versturen").click()
    expect(page.get_by_role("heading", name="Aan Anna Jansen")).to_contain_text("per brief")
    expect(page.get_by_role("heading", name="Aan Bert Jansen")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Uitnodigingen versturen").click()

    expect(page.locator(".messages")).to_contain_text(
        "1 uitnodiging is verstuurd; of die is afgeleverd, ziet u per genodigde. "
        "Zonder e-mailadres, print hun brief: Anna Jansen."
    )
    bert = page.get_by_role("listitem").filter(has_text="Bert Jansen")
    expect(bert).to_contain_text("uitnodiging: Afgeleverd")
    expect(page.get_by_role("link", name="brief (PDF) voor Anna Jansen")).to_be_visible()
    assert_no_axe_violations(page)
    (mail_to_bert,) = mail.outbox
    link = re.search(r"http\S+/uitnodiging/\S+/", mail_to_bert.body).group(0)

    # Bert answers through his personal link, without an account (a browser of his own).
    bert_context = page.context.browser.new_context(base_url=page.url)
    bert_page = bert_context.new_page()
    bert_page.goto(urlsplit(link).path)
    expect(bert_page.get_by_text("Stadhuis Gouda")).to_be_visible()
    assert_no_axe_violations(bert_page)
    bert_page.get_by_role("button", name="Ja, ik kom").click()
    expect(bert_page.get_by_role("status")).to_contain_text("Uw antwoord: geaccepteerd")
    bert_context.close()

    page.reload()
    expect(page.get_by_role("listitem").filter(has_text="Bert Jansen")).to_contain_text(
        "uitnodiging: Geaccepteerd"
    )

    # The meeting is held (issue #12: not before it has started): move it to this morning.
    Overleg.objects.filter(traject=traject).update(
        datum=datetime.date.today(), begin=datetime.time(0), eind=datetime.time(0, 30)
    )
    page.reload()
    page.get_by_label("Datum volgend overleg").fill(
        (morgen + datetime.timedelta(days=42)).isoformat()
    )
    page.get_by_label("Begintijd").fill("14:00")
    page.get_by_label("Eindtijd").fill("15:00")
    page.get_by_role("button", name="Overleg vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Voortgangsoverleg")
    assert_no_axe_violations(page)


def test_changing_cancelling_and_the_organisations_texts_are_accessible(
    browser_page, werkproces, org_a
):
    page = browser_page
    petra = UserFactory(
        organisatie=org_a,
        rollen=[Rol.PROCESREGISSEUR, Rol.BEHEERDER],
        with_totp=True,
        first_name="Petra",
    )
    traject = TrajectFactory(procesregisseur=petra, huishouden__aangemaakt_door=petra)
    lid = GezinslidFactory(huishouden=traject.huishouden, voornaam="Anna", email="")
    overleg = overleg_plan(
        traject=traject,
        door=petra,
        soort="start",
        datum=datetime.date.today() + datetime.timedelta(days=7),
        begin=datetime.time(10),
        eind=datetime.time(11),
        locatie="Stadhuis",
        genodigden=[{"naam": str(lid), "email": "", "rol": "ouder", "moet": True}],
    )
    log_in(page, petra)

    page.goto(reverse("plannen:overleg_wijzigen", args=[overleg.pk]))
    page.get_by_label("Eindtijd").fill("09:00")
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(page.get_by_text("De eindtijd ligt voor of op de begintijd.")).to_be_visible()
    assert_no_axe_violations(page)

    page.goto(reverse("plannen:overleg", args=[overleg.pk]))
    page.get_by_role("link", name="Annuleren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("annuleren?")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Ja, overleg annuleren").click()
    expect(page.locator(".messages")).to_contain_text("Het overleg is geannuleerd.")

    page.get_by_label("Werken als").select_option("beheerder")
    page.get_by_role("button", name="Wissel rol").click()
    page.get_by_role("link", name="Uitnodigingsteksten").click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Aanpassen Uitnodiging startoverleg (jij-vorm)").click()
    page.get_by_label("Onderwerp").fill("Uitnodiging voor ons startoverleg")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("row", name="startoverleg (jij-vorm)")).to_contain_text("Eigen versie")
    assert_no_axe_violations(page)
