"""Closing, handover and who holds regie (issue #12; seed 002 DEEL A fase 6a and 6b,
004 fase 6, 002 ch. 5 Niveau 1, 002 fase 3a Toelichting)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from huishoudens import afsluiting, services
from huishoudens.constants import Fase, TrajectRol
from huishoudens.models import (
    BetrokkenheidAfsluiting,
    InformeleCasusregisseur,
    NazorgAfspraak,
    Traject,
    TrajectBetrokkene,
)
from huishoudens.selectors import casusregisseurs
from regie.models import Bericht
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _at(traject, fase):
    Traject.objects.filter(pk=traject.pk).update(fase=fase)
    traject.refresh_from_db()
    return traject


# --- 6b ----------------------------------------------------------------------------------


def test_6b_records_the_aftercare_and_the_closing_date(login, procesregisseur, traject):
    """004 fase 6.2: "Leg vast wie, wat, wanneer en hoe vaak inzet nodig is en wie kan
    ondersteunen bij vragen"; "Stel vast wanneer de afsluiting plaatsvindt"."""
    _at(traject, Fase.AFSLUITEN)
    client = login(procesregisseur)
    url = reverse("huishoudens:nazorg", args=[traject.pk])
    response = client.post(
        url,
        {
            "formulier": "afspraak",
            "wie": "Wijkcoach Jan",
            "wat": "Huisbezoek",
            "wanneer": "vanaf maart",
            "hoe_vaak": "maandelijks",
            "vragen_bij": "Wijkteam, 0182-123456",
        },
    )
    assert response.status_code == 302
    client.post(
        url, {"formulier": "plan", "vervolg_wenselijk": "True", "afsluitdatum": "2026-12-01"}
    )
    traject.refresh_from_db()
    assert traject.vervolg_wenselijk is True
    assert traject.afsluitdatum == datetime.date(2026, 12, 1)
    afspraak = NazorgAfspraak.objects.get(traject=traject)
    assert (afspraak.wie, afspraak.hoe_vaak, afspraak.vragen_bij) == (
        "Wijkcoach Jan",
        "maandelijks",
        "Wijkteam, 0182-123456",
    )
    html = client.get(reverse("huishoudens:traject", args=[traject.pk])).content.decode()
    assert "Wijkcoach Jan" in html and "1 december 2026" in html


def test_aftercare_is_recorded_only_in_6b(login, procesregisseur, traject):
    _at(traject, Fase.VOORTGANG)
    login(procesregisseur).post(
        reverse("huishoudens:nazorg", args=[traject.pk]),
        {"formulier": "afspraak", "wie": "x", "wat": "y", "wanneer": "z", "vragen_bij": "q"},
    )
    assert not NazorgAfspraak.objects.exists()


def test_closing_ends_every_regisseurs_involvement(
    procesregisseur, casusregisseur, traject, informele_casusregisseur
):
    """Issue #12: closing ("Rond het traject af", 004 fase 6.2) ends every regisseur's
    involvement; they keep seeing the household as involved professionals."""
    _at(traject, Fase.AFSLUITEN)
    services.traject_move(
        traject=traject, naar=Fase.GESLOTEN, door=procesregisseur, verwacht_van="6b"
    )
    today = timezone.localdate()
    assert set(TrajectBetrokkene.objects.filter(traject=traject).values_list("tot", flat=True)) == {
        today
    }
    assert not TrajectBetrokkene.objects.filter(traject=traject, tot__isnull=True).exists()
    informele_casusregisseur.refresh_from_db()
    assert informele_casusregisseur.tot == today


def test_closing_cancels_a_successor_not_yet_started(procesregisseur, casusregisseur, traject):
    _at(traject, Fase.AFSLUITEN)
    later = UserFactory(organisatie=procesregisseur.organisatie)
    TrajectBetrokkene.objects.create(
        traject=traject,
        user=later,
        rol=TrajectRol.CASUSREGISSEUR,
        vanaf=timezone.localdate() + datetime.timedelta(days=5),
    )
    services.traject_move(
        traject=traject, naar=Fase.GESLOTEN, door=procesregisseur, verwacht_van="6b"
    )
    assert not TrajectBetrokkene.objects.filter(user=later).exists()


# --- 6a ----------------------------------------------------------------------------------


def test_a_regisseur_ends_their_own_involvement_without_successor(
    login, procesregisseur, casusregisseur, traject
):
    """002 fase 6a casusregie 2: "Stel vast of er nog ondersteuning gewenst is op het
    leefgebied. Bespreek wie kan ondersteunen bij eventuele vragen of restproblematiek.
    Maak hierover afspraken." The others are told; the household too, where its e-mail is
    known (004 fase 6.1 step 2)."""
    traject.huishouden.email = "gezin@example.test"
    traject.huishouden.save()
    client = login(casusregisseur)
    response = client.post(
        reverse("huishoudens:betrokkenheid_afsluiten", args=[traject.pk]),
        {
            "rol": "casusregisseur",
            "per": timezone.localdate().isoformat(),
            "ondersteuning_gewenst": "nee",
            "restproblematiek": "De huisarts",
            "afspraken": "Bellen bij vragen",
        },
    )
    assert response.status_code == 302
    afsluiting_ = BetrokkenheidAfsluiting.objects.get()
    assert (afsluiting_.ondersteuning_gewenst, afsluiting_.restproblematiek) == (
        False,
        "De huisarts",
    )
    assert not TrajectBetrokkene.objects.actief().filter(user=casusregisseur).exists()
    aan = set(Bericht.objects.values_list("aan", flat=True))
    assert {"petra@regie.test", "gezin@example.test"} <= aan
    assert "karim@regie.test" not in aan
    assert not afsluiting_.manager_gemeld  # a casusregisseur: no manager (seed: procesregie)
    for bericht in Bericht.objects.all():
        assert "Anna" not in bericht.tekst and traject.huishouden.naam not in bericht.tekst


def test_the_seed_questions_are_required(login, casusregisseur, traject):
    response = login(casusregisseur).post(
        reverse("huishoudens:betrokkenheid_afsluiten", args=[traject.pk]),
        {"rol": "casusregisseur", "per": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200
    assert not BetrokkenheidAfsluiting.objects.exists()
    assert "Stel vast of er nog ondersteuning gewenst is." in response.content.decode()


def test_the_manager_is_told_when_procesregie_ends_without_successor(
    procesregisseur, manager, traject
):
    """002/004 fase 6a Toelichting: "Lukt het niet een opvolger te vinden, dan neem je
    contact op met je manager"."""
    rij = afsluiting.betrokkenheid_end(
        traject=traject,
        user=procesregisseur,
        rol=TrajectRol.PROCESREGISSEUR,
        per=timezone.localdate(),
        ondersteuning_gewenst=True,
        restproblematiek="Karim",
        afspraken="",
    )
    assert rij.manager_gemeld
    bericht = Bericht.objects.get(aan=manager.email)
    assert f"#{traject.pk}" in bericht.onderwerp
    assert "Anna" not in bericht.tekst


def test_a_regisseur_cannot_end_someone_elses_role(procesregisseur, casusregisseur, traject):
    with pytest.raises(ValidationError):
        afsluiting.betrokkenheid_end(
            traject=traject,
            user=casusregisseur,
            rol=TrajectRol.PROCESREGISSEUR,
            per=timezone.localdate(),
            ondersteuning_gewenst=None,
            restproblematiek="",
            afspraken="",
        )


def test_an_accepted_handover_is_told_to_household_betrokkenen_and_procesregisseur(
    procesregisseur, casusregisseur, traject
):
    """004 fase 6.1 step 2: "Communiceer de overdracht aan het huishouden, betrokkenen en
    de procesregisseur"; the household's e-mail follows its aanspreekvorm."""
    traject.huishouden.email = "gezin@example.test"
    traject.huishouden.aanspreekvorm = "jij"
    traject.huishouden.save()
    opvolger = UserFactory(organisatie=procesregisseur.organisatie, email="olga@regie.test")
    overdracht = services.overdracht_propose(
        traject=traject,
        rol=TrajectRol.CASUSREGISSEUR,
        van=casusregisseur,
        naar=opvolger,
        per=timezone.localdate(),
    )
    assert not Bericht.objects.exists()
    services.overdracht_decide(overdracht=overdracht, accept=True)
    aan = set(Bericht.objects.values_list("aan", flat=True))
    assert {"petra@regie.test", "gezin@example.test"} <= aan
    assert not {"olga@regie.test", "karim@regie.test"} & aan  # the two who agreed it
    gezin = Bericht.objects.get(aan="gezin@example.test")
    assert "jouw casusregisseur" in gezin.tekst and "Olga" not in gezin.onderwerp


def test_a_declined_handover_tells_nobody(procesregisseur, casusregisseur, overdracht):
    services.overdracht_decide(overdracht=overdracht, accept=False)
    assert not Bericht.objects.exists()


# --- who holds regie ---------------------------------------------------------------------


def test_the_households_preference_is_shown_when_a_procesregisseur_is_chosen(
    login, procesregisseur, casusregisseur, traject
):
    """002 fase 3a Toelichting: "de klant [kan] zelf een voorkeur ... uitspreken voor een
    procesregisseur uit het eigen netwerk"."""
    client = login(casusregisseur)
    client.post(
        reverse("huishoudens:voorkeur", args=[traject.pk]),
        {"voorkeur_procesregisseur": "Oma Riet, of anders Petra"},
    )
    traject.refresh_from_db()
    assert traject.voorkeur_procesregisseur == "Oma Riet, of anders Petra"
    html = (
        login(procesregisseur)
        .get(reverse("huishoudens:regisseur_nieuw", args=[traject.pk]))
        .content.decode()
    )
    assert "Oma Riet, of anders Petra" in html


def test_a_network_member_holds_casusregie_without_access(
    login, procesregisseur, traject, netwerklid
):
    """002 ch. 5 Niveau 1, casusregie: "uzelf, een familielid, een goede vriend". The
    person has no account: they appear as casusregisseur and get no access."""
    professionals = traject.huishouden.professionals.count()
    response = login(procesregisseur).post(
        reverse("huishoudens:informele_casusregisseur", args=[traject.pk]),
        {"persoon": f"netwerk-{netwerklid.pk}", "leefgebieden": ["wonen"]},
    )
    assert response.status_code == 302
    assert InformeleCasusregisseur.objects.get().netwerklid == netwerklid
    namen = [c["naam"] for c in casusregisseurs(traject) if c["informeel"]]
    assert namen == ["Riet van Dam"]
    html = login(procesregisseur).get(reverse("huishoudens:traject", args=[traject.pk]))
    assert "uit het netwerk" in html.content.decode()
    # Access is untouched: the rules know only accounts, and no account row was added.
    assert TrajectBetrokkene.objects.filter(traject=traject).count() == 2
    assert traject.huishouden.professionals.count() == professionals


def test_a_household_member_can_hold_casusregie(procesregisseur, traject, gezinslid):
    item = afsluiting.informele_casusregisseur_assign(
        traject=traject, door=procesregisseur, gezinslid=gezinslid, leefgebieden=["werk"]
    )
    assert str(item) == str(gezinslid)
    with pytest.raises(ValidationError):
        afsluiting.informele_casusregisseur_assign(
            traject=traject, door=procesregisseur, gezinslid=gezinslid
        )


def test_someone_of_another_household_cannot_hold_casusregie(procesregisseur, traject):
    from tests.factories import GezinslidFactory

    vreemde = GezinslidFactory()
    with pytest.raises(ValidationError):
        afsluiting.informele_casusregisseur_assign(
            traject=traject, door=procesregisseur, gezinslid=vreemde
        )


def test_procesregie_is_not_rounded_off_above_level_1(procesregisseur, traject):
    """Without the regiekaart at level 1 (start level 2) the advice does not apply."""
    with pytest.raises(ValidationError):
        afsluiting.procesregie_round_off(traject=traject, door=procesregisseur)
    assert TrajectBetrokkene.objects.actief().filter(user=procesregisseur).exists()
