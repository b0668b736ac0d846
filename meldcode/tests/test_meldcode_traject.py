"""What the meldcode does to the traject, through huishoudens' registries (issue #10).

- An open dossier blocks closing the traject at 6b and the intake's "no start".
- A safety signal is closed through its dossier's outcome, not free text.
- The dossier proposes regiekaart criteria (O; K after a decision to report; E after a call
  in acute danger) for the next assessment, which the regisseur still decides.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from huishoudens import services as traject_services
from huishoudens.constants import Fase
from huishoudens.panels import criteria_voorstellen
from meldcode import services
from meldcode.constants import Aanleiding, Sluitreden
from meldcode.models import CrisisOproep
from tests.factories import TrajectFactory

TODAY = timezone.localdate()
MELDEN = {1: True, 2: True, 3: False}


def _at(traject, fase):
    traject.fase = fase
    traject.save(update_fields=["fase"])
    return traject


def _close_6b(traject, door):
    return traject_services.traject_move(
        traject=traject, naar=Fase.GESLOTEN, door=door, verwacht_van=Fase.AFSLUITEN
    )


def test_an_open_dossier_blocks_closing_the_traject(traject, procesregisseur, casusregisseur):
    _at(traject, Fase.AFSLUITEN)
    dossier = services.dossier_open(
        traject=traject, door=casusregisseur, aanleiding=Aanleiding.TRAJECT
    )
    with pytest.raises(traject_services.MoveRefused) as refused:
        _close_6b(traject, procesregisseur)
    assert f"Meldcodedossier {dossier.pk}" in refused.value.reasons[0]
    services.dossier_close(
        dossier=dossier, door=casusregisseur, reden=Sluitreden.GESTOPT, toelichting="Geen zorg."
    )
    assert _close_6b(traject, procesregisseur).fase == Fase.GESLOTEN


def test_an_open_dossier_blocks_the_intakes_no_start(procesregisseur, casusregisseur):
    traject = _at(TrajectFactory(procesregisseur=procesregisseur), Fase.INTAKE)
    services.dossier_open(traject=traject, door=procesregisseur, aanleiding=Aanleiding.AANMELDING)
    with pytest.raises(traject_services.MoveRefused):
        traject_services.intake_save(
            traject=traject,
            door=procesregisseur,
            verwacht_van=Fase.INTAKE,
            criteria_ja=[],
            toelichting="",
            besluit_start=False,
            besluit_reden="Past bij het wijkteam",
        )
    traject.refresh_from_db()
    assert traject.fase == Fase.INTAKE


def test_an_open_safety_signal_blocks_the_intakes_no_start(procesregisseur):
    """002 Fase 2, Toelichting: on (suspected) onveiligheid 1G1P1R always starts."""
    traject = _at(TrajectFactory(procesregisseur=procesregisseur), Fase.INTAKE)
    traject_services.signaal_create(traject=traject, door=procesregisseur, omschrijving="Ruzie")
    with pytest.raises(traject_services.MoveRefused) as refused:
        traject_services.traject_move(
            traject=traject, naar=Fase.GESLOTEN, door=procesregisseur, verwacht_van=Fase.INTAKE
        )
    assert "start 1Gezin1Plan1Regisseur altijd" in refused.value.reasons[0]


def test_closing_the_dossier_closes_the_signal_it_came_from(traject, casusregisseur):
    signaal = traject_services.signaal_create(
        traject=traject, door=casusregisseur, omschrijving="Blauwe plekken"
    )
    dossier = services.dossier_open(
        traject=traject, door=casusregisseur, aanleiding=Aanleiding.SIGNAAL, signaal=signaal
    )
    services.dossier_close(
        dossier=dossier, door=casusregisseur, reden=Sluitreden.GESTOPT, toelichting="Verklaard."
    )
    signaal.refresh_from_db()
    assert signaal.afgesloten_op is not None
    assert f"meldcodedossier {dossier.pk}" in signaal.afsluiting
    assert "Gestopt met het doorlopen van de stappen" in signaal.afsluiting


def test_the_dossier_proposes_criteria_for_the_regiekaart(traject, casusregisseur):
    assert criteria_voorstellen(traject) == {}
    dossier = services.dossier_open(
        traject=traject, door=casusregisseur, aanleiding=Aanleiding.TRAJECT
    )
    assert set(criteria_voorstellen(traject)) == {"O"}
    services.weging_record(
        dossier=dossier, door=casusregisseur, op=TODAY, antwoorden=MELDEN, overwegingen="x"
    )
    assert set(criteria_voorstellen(traject)) == {"O", "K"}
    CrisisOproep.objects.create(
        traject=traject,
        dossier=dossier,
        contact="Politie",
        telefoon="112",
        op=timezone.now(),
        toelichting="Ruzie met geweld",
        door=casusregisseur,
    )
    assert set(criteria_voorstellen(traject)) == {"O", "K", "E"}
    services.melding_record(dossier=dossier, door=casusregisseur, op=TODAY, inhoud="Gemeld")
    services.dossier_close(
        dossier=dossier, door=casusregisseur, reden=Sluitreden.GESTOPT, toelichting="Overgedragen"
    )
    assert criteria_voorstellen(traject) == {}, "a closed dossier proposes nothing"


def test_the_regiekaart_page_pre_ticks_the_proposal_and_says_why(
    traject, procesregisseur, casusregisseur, login
):
    services.dossier_open(traject=traject, door=casusregisseur, aanleiding=Aanleiding.TRAJECT)
    page = login(procesregisseur).get(reverse("regiekaart:traject", args=[traject.pk]))
    assert page.status_code == 200
    assert page.context["form"].initial["c_O"] is True
    assert "Er is een meldcodedossier open." in page.content.decode()


def test_the_traject_page_puts_acute_danger_one_click_away_and_shows_open_dossiers(
    traject, procesregisseur, casusregisseur, login
):
    url = reverse("huishoudens:traject", args=[traject.pk])
    page = login(procesregisseur).get(url).content.decode()
    assert reverse("meldcode:acuut", args=[traject.pk]) in page
    assert "Er is geen meldcodedossier open." in page

    dossier = services.dossier_open(
        traject=traject, door=casusregisseur, aanleiding=Aanleiding.TRAJECT
    )
    services.signalen_record(dossier=dossier, door=casusregisseur, vormen=["partnergeweld"])
    page = login(procesregisseur).get(url).content.decode()
    assert reverse("meldcode:dossier", args=[dossier.pk]) in page
    assert casusregisseur.get_full_name() in page
    assert "partnergeweld" not in page.lower(), "the traject page shows no dossier content"
    # The open dossier prompts the Veiligheidsplan while none exists, and an overleg.
    assert reverse("plannen:veiligheidsplan", args=[traject.pk]) in page
    assert reverse("plannen:overleg_nieuw", args=[traject.pk]) in page


def test_safety_flags_at_aanmelding_lead_into_a_dossier(procesregisseur, login):
    traject = TrajectFactory(procesregisseur=procesregisseur, zorgen_veiligheid=True)
    page = login(procesregisseur).get(reverse("huishoudens:traject", args=[traject.pk]))
    html = page.content.decode()
    assert "zorgen over veiligheid of acuut gevaar aangegeven" in html
    assert reverse("meldcode:nieuw", args=[traject.pk]) + "?aanleiding=aanmelding" in html


def _aanmelding_met_zorgen(procesregisseur):
    """A traject registered as the aanmelding page does: with its safety flag, its signal."""
    from tests.factories import GezinslidFactory, HuishoudenFactory, _betrokkene

    huishouden = HuishoudenFactory(aangemaakt_door=procesregisseur)
    GezinslidFactory(huishouden=huishouden, voornaam="Daan")
    traject = traject_services.aanmelding_create(
        huishouden=huishouden,
        door=procesregisseur,
        vraag="Geweld bij het wisselen van de kinderen.",
        melder_naam="Huisarts",
        zorgen_veiligheid=True,
    )
    _betrokkene(traject, procesregisseur, "procesregisseur")
    return traject


def _open_from_the_aanmelding_check(client, traject, eigenaar):
    url = reverse("meldcode:nieuw", args=[traject.pk]) + "?aanleiding=aanmelding"
    lid = traject.huishouden.leden.get()
    client.post(url, {"leden": [lid.pk], "eigenaar": eigenaar.pk, "weeg_interval_dagen": 28})
    return traject.meldcode_dossiers.latest("pk")


def test_a_dossier_from_the_aanmelding_check_closes_the_aanmeldings_signal(procesregisseur, login):
    """Issue #12 (found by the whole-household browser journey): the dossier the traject
    page asks for after an aanmelding with onveiligheid did not follow the signal that
    aanmelding opened, so closing the dossier left the signal open and the traject could
    never be closed (002 fase 6b step 8: not while safety signals remain)."""
    traject = _aanmelding_met_zorgen(procesregisseur)
    (signaal,) = traject.signalen.all()
    dossier = _open_from_the_aanmelding_check(login(procesregisseur), traject, procesregisseur)
    assert (dossier.aanleiding, dossier.signaal) == (Aanleiding.AANMELDING, signaal)

    services.dossier_close(
        dossier=dossier, door=procesregisseur, reden=Sluitreden.GESTOPT, toelichting="Verklaard."
    )
    signaal.refresh_from_db()
    assert signaal.afgesloten_op is not None
    _at(traject, Fase.AFSLUITEN)
    assert _close_6b(traject, procesregisseur).fase == Fase.GESLOTEN


def test_a_dossier_from_the_aanmelding_check_leaves_other_signals_alone(procesregisseur, login):
    """Only the aanmelding's own signal, open and not yet followed by a dossier: a signal
    reported later is opened from its own link (?signaal=), and one already closed or
    followed stays as it is (issue #12)."""
    traject = _aanmelding_met_zorgen(procesregisseur)
    eerste = traject.signalen.get()
    eerdere = services.dossier_open(
        traject=traject, door=procesregisseur, aanleiding=Aanleiding.SIGNAAL, signaal=eerste
    )
    traject_services.signaal_create(traject=traject, door=procesregisseur, omschrijving="Later")
    dossier = _open_from_the_aanmelding_check(login(procesregisseur), traject, procesregisseur)
    assert dossier.pk != eerdere.pk
    assert dossier.signaal is None


def test_an_open_signal_is_handled_through_a_dossier_not_free_text(traject, procesregisseur, login):
    signaal = traject_services.signaal_create(
        traject=traject, door=procesregisseur, omschrijving="Blauwe plekken"
    )
    page = login(procesregisseur).get(reverse("huishoudens:traject", args=[traject.pk]))
    html = page.content.decode()
    assert reverse("meldcode:nieuw", args=[traject.pk]) + f"?signaal={signaal.pk}" in html
    assert "/afsluiten/" not in html


def test_the_owner_sees_a_due_weighing_on_the_start_page(
    traject, casusregisseur, procesregisseur, login
):
    """'Als zorgen blijven' (002 ch. 2): in the app as well as by e-mail."""
    dossier = services.dossier_open(
        traject=traject, door=casusregisseur, aanleiding=Aanleiding.TRAJECT
    )
    start = reverse("start")
    assert "opnieuw wegen" not in login(casusregisseur).get(start).content.decode()
    dossier.volgende_weging_op = TODAY
    dossier.save(update_fields=["volgende_weging_op"])
    page = login(casusregisseur).get(start).content.decode()
    assert "opnieuw wegen" in page
    assert reverse("meldcode:dossier", args=[dossier.pk]) in page
    assert "opnieuw wegen" not in login(procesregisseur).get(start).content.decode()
