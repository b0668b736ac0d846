"""The regional card: every professional reads it; the beheerder adopts it, amends the
levels' texts and fills in the named people per municipality or organisation (issue #6;
seed 002 ch. 5, ch. 10 "Stel de regiekaart vast")."""

import datetime

import pytest
from django.urls import reverse

from regie.constants import AuditActie
from regie.models import AuditEntry
from regiekaart.forms import NIVEAU_TEKSTEN
from regiekaart.models import KaartInvulling, Niveau, Vaststelling

pytestmark = pytest.mark.django_db


def test_every_professional_reads_the_five_levels_with_their_source(login, casusregisseur):
    html = login(casusregisseur).get(reverse("regiekaart:kaart")).content.decode()
    for n in Niveau.objects.all():
        assert n.naam in html and n.bron in html
    assert "De regiekaart is nog niet vastgesteld." in html
    assert "Stel de regiekaart vast" not in html  # the beheerder's form
    assert "aanpassen" not in html


def test_the_badge_colours_come_from_the_levels(client):
    response = client.get(reverse("regiekaart:kleuren"))
    assert response["Content-Type"].startswith("text/css")
    css = response.content.decode()
    assert ".niveau-2 { background-color: #F5C400; color: #000000; }" in css
    Niveau.objects.filter(nummer=3).update(kleur_hex="red;}*{")  # never written out
    assert ".niveau-3" not in client.get(reverse("regiekaart:kleuren")).content.decode()


def test_the_beheerder_adopts_the_card(login, beheerder, org_a):
    client = login(beheerder)
    url = reverse("regiekaart:vaststellen")
    morgen = datetime.date.today() + datetime.timedelta(days=1)
    response = client.post(url, {"regio": "", "vastgesteld_op": morgen.isoformat(), "besluit": ""})
    html = response.content.decode()
    assert "Kies de regio die de regiekaart vaststelt." in html
    assert "De datum van het besluit ligt in de toekomst." in html
    assert "Beschrijf het besluit (overleg en kenmerk)." in html
    assert not Vaststelling.objects.exists()

    regio = org_a.gemeente.regio
    response = client.post(
        url,
        {"regio": regio.pk, "vastgesteld_op": "2026-03-12", "besluit": "RMO, besluit 2026-14"},
        follow=True,
    )
    html = response.content.decode()
    assert f"De regiekaart is vastgesteld voor regio {regio}." in html
    assert f"Regio {regio}: vastgesteld op 12 maart 2026 (RMO, besluit 2026-14)." in html
    v = Vaststelling.objects.get()
    assert v.door == beheerder
    assert AuditEntry.objects.filter(
        action=AuditActie.CREATE, object_type="regiekaart.Vaststelling", object_id=str(v.pk)
    ).exists()


def test_the_beheerder_amends_a_levels_texts_not_its_rules(login, beheerder):
    client = login(beheerder)
    url = reverse("regiekaart:niveau_bewerken", args=[2])
    niveau = Niveau.objects.get(nummer=2)
    data = {name: getattr(niveau, name) for name in NIVEAU_TEKSTEN}
    response = client.post(url, {**data, "naam": ""})
    assert "Dit veld mag niet leeg zijn." in response.content.decode()

    client.post(url, {**data, "in_overleg": "Lokale team, zorg- en veiligheidsketen, en de GGD."})
    niveau.refresh_from_db()
    assert niveau.in_overleg.endswith("en de GGD.")
    assert niveau.procesregie_profiel == "proces_a" and niveau.kleur_hex == "#F5C400"
    assert AuditEntry.objects.filter(
        action=AuditActie.UPDATE, object_type="regiekaart.Niveau", detail="gewijzigd: in_overleg"
    ).exists()
    html = client.get(url).content.decode()
    assert niveau.bron in html  # the source stays visible


def test_names_per_municipality_or_organisation(login, beheerder, org_a):
    client = login(beheerder)
    url = reverse("regiekaart:naam_nieuw")
    both = client.post(
        url, {"gemeente": org_a.gemeente.pk, "organisatie": org_a.pk, "rol": "manager", "naam": "X"}
    )
    assert "Vul een gemeente óf een organisatie in, niet allebei" in both.content.decode()
    none = client.post(url, {"rol": "", "naam": ""}).content.decode()
    assert "Kies de rol op de regiekaart." in none and "Vul de naam in." in none
    assert not KaartInvulling.objects.exists()

    client.post(
        url,
        {
            "gemeente": org_a.gemeente.pk,
            "rol": "burgemeester",
            "naam": "  Pieter   Verhoeven ",
            "contact": "0182-588 000",
        },
    )
    invulling = KaartInvulling.objects.get()
    assert (invulling.naam, invulling.van, invulling.bijgewerkt_door) == (
        "Pieter Verhoeven",
        org_a.gemeente,
        beheerder,
    )
    assert "Pieter Verhoeven" in client.get(reverse("regiekaart:namen")).content.decode()
    client.post(
        reverse("regiekaart:naam", args=[invulling.pk]),
        {
            "gemeente": org_a.gemeente.pk,
            "rol": "burgemeester",
            "naam": "Pieter Verhoeven",
            "toelichting": "burgemeester Gouda",
        },
    )
    invulling.refresh_from_db()
    assert invulling.toelichting == "burgemeester Gouda"
    client.post(reverse("regiekaart:naam_verwijderen", args=[invulling.pk]))
    assert not KaartInvulling.objects.exists()
    acties = list(
        AuditEntry.objects.filter(object_type="regiekaart.KaartInvulling")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert acties[0] == AuditActie.CREATE and AuditActie.DELETE in acties
    assert AuditActie.UPDATE in acties


def test_empty_list_of_names(login, beheerder):
    html = login(beheerder).get(reverse("regiekaart:namen")).content.decode()
    assert "Er staan nog geen namen op de regiekaart." in html
