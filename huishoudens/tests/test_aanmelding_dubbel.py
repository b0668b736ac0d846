"""The duplicate check at aanmelding is no oracle (issue #11).

A registrant learns nothing about households they are not involved with: the response to
a match there is the response to no match. Whoever holds the regie of the matched
household hears of the aanmelding by e-mail instead, and the search is in the audit log
with its terms and the matched household.

Personas: Petra is procesregisseur and Karim casusregisseur of the household in the
`traject` fixture (member Anna Jansen, born 12 April 1985); Bob ("buitenstaander", GGZ
Rivierduinen) has no relation to it and registers a new aanmelding.
"""

import datetime
import re

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse

from huishoudens.models import Huishouden, Traject
from regie.constants import AuditActie
from regie.models import AuditEntry, Bericht
from tests.factories import GezinslidFactory, TrajectFactory, UserFactory

URL = reverse("huishoudens:aanmelden")
CSRF = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')
MOMENT = datetime.datetime(2026, 3, 2, 10, 15, tzinfo=datetime.UTC)


def _aanmelding(gemeente, **overrides):
    data = {
        "hh-naam": "Familie de Wit",
        "hh-aanspreekvorm": "u",
        "hh-adres": "Vossenburchkade 9",
        "hh-postcode": "2805 PZ",
        "hh-woonplaats": "Gouda",
        "hh-gemeente": gemeente.pk,
        "hh-telefoon": "",
        "hh-email": "",
        "lid-voornaam": "Anna",
        "lid-achternaam": "Jansen",
        "lid-geslacht": "v",
        "lid-geboortedatum": "1985-04-12",
        "lid-rol_in_gezin": "ouder",
        "lid-vir_signaal": "unknown",
        "aanm-vraag": "Hulp bij schulden",
        "aanm-melder_naam": "Wijkagent",
    }
    data.update(overrides)
    return data


@pytest.fixture
def bob(login, buitenstaander):
    buitenstaander.last_name = "Bakker"
    buitenstaander.functie = "Ambulant begeleider"
    buitenstaander.telefoon = "0182 123 456"
    buitenstaander.save()
    return login(buitenstaander)


def _bericht_aan(user):
    return Bericht.objects.filter(aan=user.email)


def _what_the_registrant_sees(client, data, registrant):
    """Status, redirect target and the page behind it, with what differs between any two
    registrations anyway (CSRF token, the new traject's and household's ids) taken out."""
    with time_machine.travel(MOMENT, tick=False):
        response = client.post(URL, data)
        traject = Traject.objects.filter(aangemeld_door=registrant).order_by("-pk").first()
        ids = {}
        if traject is not None:
            ids = {
                f"/trajecten/{traject.pk}/": "/trajecten/ID/",
                f"/traject/{traject.pk}/": "/traject/ID/",  # the meldcode's links
                f"/huishoudens/{traject.huishouden_id}/": "/huishoudens/ID/",
                f"#{traject.pk}": "#ID",
            }

        def normalise(text):
            text = CSRF.sub("", text)
            for value, placeholder in ids.items():
                text = text.replace(value, placeholder)
            return text

        location = response.get("Location", "")
        page = client.get(location) if location else None
        return {
            "status": response.status_code,
            "location": normalise(location),
            "content": normalise(response.content.decode()),
            "cookies": sorted(response.cookies),
            "page_status": page.status_code if page else None,
            "page": normalise(page.content.decode()) if page else None,
        }


def test_a_foreign_match_answers_the_registrant_exactly_like_no_match(
    bob, buitenstaander, org_a, traject, gezinslid
):
    """Issue #11: "Er is 1 huishouden geregistreerd ... waarbij u niet betrokken bent"
    told any case user who is a client. Same input, with and without the match."""
    data = _aanmelding(org_a.gemeente)
    savepoint = transaction.savepoint()
    gezinslid.voornaam = "Anouk"  # no match for the same input
    gezinslid.save()
    no_match = _what_the_registrant_sees(bob, data, buitenstaander)
    transaction.savepoint_rollback(savepoint)

    foreign_match = _what_the_registrant_sees(bob, data, buitenstaander)

    assert no_match["status"] == 302 and no_match["page_status"] == 200
    assert foreign_match == no_match
    page = foreign_match["page"]
    assert "betrokken bent" not in page and traject.huishouden.naam not in page


def test_the_registration_goes_ahead_as_a_new_household(bob, buitenstaander, org_a, traject):
    bob.post(URL, _aanmelding(org_a.gemeente))
    nieuw = Traject.objects.get(aangemeld_door=buitenstaander)
    assert nieuw.huishouden_id != traject.huishouden_id
    assert Huishouden.objects.count() == 2


def test_the_procesregisseur_of_the_matched_household_gets_one_email_naming_the_registrant(
    bob, org_a, traject, procesregisseur, casusregisseur
):
    bob.post(URL, _aanmelding(org_a.gemeente))
    nieuw = Traject.objects.exclude(pk=traject.pk).get()
    bericht = _bericht_aan(procesregisseur).get()
    assert Bericht.objects.count() == 1  # not the casusregisseur, not the registrant
    for text in (bericht.tekst, bericht.html):
        assert "Bob Bakker" in text and "GGZ Rivierduinen" in text
        assert "bob@regie.test" in text and "0182 123 456" in text
        assert f"traject #{nieuw.pk}" in text
        assert f"/huishoudens/{traject.huishouden_id}/" in text
        # Nothing of the new aanmelding's household beyond its number.
        for household_data in ("Anna", "Vossenburchkade", "2805", "Hulp bij schulden"):
            assert household_data not in text
    assert "Familie" not in bericht.onderwerp and "Anna" not in bericht.onderwerp
    assert (
        bericht.sleutel
        == f"aanmelding:{nieuw.pk}:dubbel:{traject.huishouden_id}:{procesregisseur.pk}"
    )


def test_a_match_on_the_address_alone_also_reaches_the_procesregisseur(
    bob, org_a, traject, procesregisseur
):
    huishouden = traject.huishouden
    bob.post(
        URL,
        _aanmelding(
            org_a.gemeente,
            **{
                "lid-voornaam": "Piet",
                "hh-adres": huishouden.adres,
                "hh-postcode": huishouden.postcode,
            },
        ),
    )
    assert _bericht_aan(procesregisseur).count() == 1


def test_without_a_procesregisseur_the_casusregisseurs_are_told(bob, org_a, casusregisseur):
    collega = UserFactory(organisatie=org_a, first_name="Lotte", email="lotte@regie.test")
    traject = TrajectFactory(casusregisseurs=[casusregisseur, collega])
    GezinslidFactory(huishouden=traject.huishouden, voornaam="Anna")
    bob.post(URL, _aanmelding(org_a.gemeente))
    assert _bericht_aan(casusregisseur).count() == 1
    assert _bericht_aan(collega).count() == 1
    assert Bericht.objects.count() == 2


def test_without_an_open_traject_the_involved_professionals_with_an_account_are_told(
    bob, org_a, procesregisseur, casusregisseur
):
    from huishoudens.constants import Fase
    from huishoudens.models import BetrokkenProfessional

    traject = TrajectFactory(fase=Fase.GESLOTEN)
    GezinslidFactory(huishouden=traject.huishouden, voornaam="Anna")
    BetrokkenProfessional.objects.create(huishouden=traject.huishouden, user=casusregisseur)
    BetrokkenProfessional.objects.create(huishouden=traject.huishouden, naam="Huisarts")
    bob.post(URL, _aanmelding(org_a.gemeente))
    assert list(Bericht.objects.values_list("aan", flat=True)) == [casusregisseur.email]


def test_a_second_post_of_the_same_aanmelding_is_a_new_aanmelding_with_its_own_message(
    bob, buitenstaander, org_a, traject, procesregisseur
):
    # Bob is now involved with his own new household, so the second time he is shown it
    # (as before); the foreign household's procesregisseur heard once, of the first.
    bob.post(URL, _aanmelding(org_a.gemeente))
    response = bob.post(URL, _aanmelding(org_a.gemeente))
    assert response.status_code == 200
    eigen = Traject.objects.get(aangemeld_door=buitenstaander).huishouden
    assert response.context["matches_zichtbaar"] == [eigen]
    assert "betrokken bent" not in response.content.decode()
    assert _bericht_aan(procesregisseur).count() == 1


def test_the_search_is_audited_with_its_terms_and_the_matched_household(bob, org_a, traject):
    bob.post(URL, _aanmelding(org_a.gemeente))
    rows = AuditEntry.objects.filter(action=AuditActie.SEARCH)
    assert rows.count() == 1
    row = rows.get()
    assert row.household_id == traject.huishouden_id
    for term in ("Anna", "Jansen", "1985-04-12", "2805 PZ", "Vossenburchkade 9"):
        assert term in row.detail
    assert "niet betrokken" in row.detail
    create = AuditEntry.objects.get(action=AuditActie.CREATE)
    assert str(traject.huishouden_id) in create.detail


def test_one_audit_row_per_matched_household(bob, org_a, traject):
    tweede = TrajectFactory(huishouden__adres="Vossenburchkade 9", huishouden__postcode="2805 PZ")
    bob.post(URL, _aanmelding(org_a.gemeente))
    rows = AuditEntry.objects.filter(action=AuditActie.SEARCH)
    assert sorted(rows.values_list("household_id", flat=True)) == sorted(
        [traject.huishouden_id, tweede.huishouden_id]
    )


def test_no_match_writes_one_audit_row_with_the_terms_and_no_household(bob, org_a):
    bob.post(URL, _aanmelding(org_a.gemeente))
    row = AuditEntry.objects.get(action=AuditActie.SEARCH)
    assert row.household_id is None
    assert "Anna" in row.detail and "Vossenburchkade 9" in row.detail
    assert "geen match" in row.detail
    assert not Bericht.objects.exists()


def test_a_match_the_registrant_is_involved_with_still_shows(login, casusregisseur, org_a, traject):
    client = login(casusregisseur)
    response = client.post(URL, _aanmelding(org_a.gemeente))
    assert response.status_code == 200
    assert response.context["matches_zichtbaar"] == [traject.huishouden]
    assert traject.huishouden.naam in response.content.decode()
    assert not Traject.objects.exclude(pk=traject.pk).exists()
    assert not Bericht.objects.exists()
    row = AuditEntry.objects.get(action=AuditActie.SEARCH)
    assert row.household_id == traject.huishouden_id and "aanmelder betrokken" in row.detail


def test_an_own_match_shows_without_a_hint_of_a_foreign_one_which_hears_on_registration(
    login, casusregisseur, org_a, traject, buitenstaander
):
    """Karim is involved with `traject`; another household with the same address belongs to
    Bob. Karim sees only his own match; confirming "toch nieuw" registers and tells Bob."""
    vreemd = TrajectFactory(
        procesregisseur=buitenstaander,
        huishouden__naam="Familie Verborgen",
        huishouden__adres="Vossenburchkade 9",
        huishouden__postcode="2805 PZ",
    )
    client = login(casusregisseur)
    data = _aanmelding(org_a.gemeente)
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.context["matches_zichtbaar"] == [traject.huishouden]
    assert "Familie Verborgen" not in html and "betrokken bent" not in html
    assert "huishoudens zijn" not in html
    assert not Bericht.objects.exists()

    client.post(URL, {**data, "toch_nieuw": "1"})
    assert Traject.objects.count() == 3
    assert list(Bericht.objects.values_list("aan", flat=True)) == [buitenstaander.email]
    assert f"/huishoudens/{vreemd.huishouden_id}/" in Bericht.objects.get().tekst
