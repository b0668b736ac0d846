"""The meldcode's rules as services and policy (issue #10), each citing seed 002 ch. 2/7."""

import datetime

import pytest
from django.utils import timezone

from meldcode import policy, selectors, services
from meldcode.constants import (
    Aanleiding,
    Check,
    DossierStatus,
    GebeurtenisSoort,
    Instrument,
    Sluitreden,
    Vorm,
)
from meldcode.models import Dossier, InstrumentScholing
from meldcode.services import MeldcodeError
from regie.constants import Rol
from tests.factories import GezinslidFactory, UserFactory

TODAY = timezone.localdate()
YES_PATH_MELDEN = {1: True, 2: True, 3: True, 4: True, 5: True}
HELP_PATH = {1: True, 2: False, 3: True, 4: True, 5: True}


@pytest.fixture
def dossier(traject, casusregisseur, gezinslid):
    return services.dossier_open(
        traject=traject, door=casusregisseur, aanleiding=Aanleiding.TRAJECT, leden=[gezinslid]
    )


def _weging(dossier, door, antwoorden, op=TODAY):
    return services.weging_record(
        dossier=dossier, door=door, op=op, antwoorden=antwoorden, overwegingen="Feiten gewogen."
    )


def test_the_one_who_opens_owns_the_dossier_by_default(dossier, casusregisseur):
    assert dossier.eigenaar == casusregisseur and dossier.status == DossierStatus.OPEN
    assert dossier.volgende_weging_op == TODAY + datetime.timedelta(days=28)


def test_members_of_another_household_cannot_be_named(traject, casusregisseur):
    vreemde = GezinslidFactory()
    with pytest.raises(MeldcodeError):
        services.dossier_open(
            traject=traject, door=casusregisseur, aanleiding=Aanleiding.TRAJECT, leden=[vreemde]
        )


def test_stap_0_needs_at_least_one_known_form(dossier, casusregisseur):
    with pytest.raises(MeldcodeError):
        services.signalen_record(dossier=dossier, door=casusregisseur, vormen=[])
    with pytest.raises(MeldcodeError):
        services.signalen_record(dossier=dossier, door=casusregisseur, vormen=["pesten"])
    rij = services.signalen_record(
        dossier=dossier, door=casusregisseur, vormen=[Vorm.KINDERMISHANDELING, Vorm.PARTNERGEWELD]
    )
    assert rij.vormen == ["kindermishandeling", "partnergeweld"]


def test_a_risk_instrument_only_for_who_is_trained_in_it(dossier, casusregisseur):
    """002 ch. 2 stap 1.8: "Zet deze taxatie instrumenten alleen in wanneer je hierop bent
    geschoold." """
    kwargs = {"dossier": dossier, "door": casusregisseur, "feiten": "Blauwe plek op de arm."}
    with pytest.raises(MeldcodeError, match="niet geschoold"):
        services.inkaart_record(**kwargs, instrument=Instrument.ARIJ, instrument_uitkomst="Hoog")
    InstrumentScholing.objects.create(
        user=casusregisseur, instrument=Instrument.ARIJ, geschoold_op=TODAY
    )
    rij = services.inkaart_record(**kwargs, instrument=Instrument.ARIJ, instrument_uitkomst="Hoog")
    assert rij.instrument == Instrument.ARIJ
    assert services.instrumenten_voor(casusregisseur) == [Instrument.ARIJ]


def test_stap_1_records_facts_and_the_outcome_of_a_kindcheck(dossier, casusregisseur):
    with pytest.raises(MeldcodeError):
        services.inkaart_record(dossier=dossier, door=casusregisseur, feiten=" ")
    with pytest.raises(MeldcodeError):
        services.inkaart_record(
            dossier=dossier, door=casusregisseur, feiten="Feit", check_soort=Check.KINDCHECK
        )


def test_advice_not_followed_needs_the_reason(dossier, casusregisseur):
    """002 ch. 7, stap 2: "waarom er eventueel is afgeweken van de adviezen"."""
    kwargs = {
        "dossier": dossier,
        "door": casusregisseur,
        "op": TODAY,
        "wie": "Aandachtsfunctionaris",
        "rol": "huiselijk geweld",
        "advies": "Melden",
        "anoniem": True,
    }
    with pytest.raises(MeldcodeError, match="afgeweken"):
        services.consultatie_record(**kwargs, advies_gevolgd=False)
    rij = services.consultatie_record(**kwargs, advies_gevolgd=False, afwijking="Eerst gesprek.")
    assert rij.afwijking == "Eerst gesprek." and rij.anoniem


def test_no_conversation_needs_the_reason(dossier, casusregisseur):
    """002 ch. 7, stap 3: "Indien is besloten om geen contact over de signalen te hebben, voeg
    dan de redenen voor dit besluit toe." """
    with pytest.raises(MeldcodeError):
        services.gesprek_record(dossier=dossier, door=casusregisseur, gevoerd=False)
    with pytest.raises(MeldcodeError):
        services.gesprek_record(dossier=dossier, door=casusregisseur, gevoerd=True, op=TODAY)
    rij = services.gesprek_record(
        dossier=dossier, door=casusregisseur, gevoerd=False, geen_gesprek_reden="Onveilig."
    )
    assert rij.geen_gesprek_reden == "Onveilig."


def test_a_weighing_is_complete_and_stores_the_decision_of_the_afwegingskader(
    dossier, casusregisseur
):
    with pytest.raises(MeldcodeError, match="vraag 3"):
        _weging(dossier, casusregisseur, {1: True, 2: True})
    with pytest.raises(MeldcodeError):
        _weging(dossier, casusregisseur, {1: False, 2: True})
    weging = _weging(dossier, casusregisseur, {1: True, 2: True, 3: False})
    assert (weging.melden, weging.hulp, weging.afsluiten) == (True, False, False)
    assert weging.antwoorden == {"1": True, "2": True, "3": False}
    dossier.refresh_from_db()
    assert dossier.volgende_weging_op == TODAY + datetime.timedelta(days=28)


def test_only_answered_questions_can_be_marked_as_answered_with_veilig_thuis(
    dossier, casusregisseur
):
    with pytest.raises(MeldcodeError):
        services.weging_record(
            dossier=dossier,
            door=casusregisseur,
            op=TODAY,
            antwoorden={1: False},
            samen_met_veilig_thuis=[3],
            overwegingen="x",
        )


def test_a_decision_to_report_is_owed_until_a_melding_is_recorded(dossier, casusregisseur):
    assert not selectors.melding_vereist(dossier)
    _weging(dossier, casusregisseur, YES_PATH_MELDEN)
    assert selectors.melding_vereist(dossier)
    services.melding_record(dossier=dossier, door=casusregisseur, op=TODAY, inhoud="Gemeld.")
    assert not selectors.melding_vereist(dossier)


def test_an_old_melding_does_not_cover_a_new_decision(dossier, casusregisseur):
    services.melding_record(
        dossier=dossier, door=casusregisseur, op=TODAY - datetime.timedelta(days=30), inhoud="x"
    )
    _weging(dossier, casusregisseur, YES_PATH_MELDEN)
    assert selectors.melding_vereist(dossier)


@pytest.mark.parametrize(
    ("soort", "owed"),
    [
        # "... de klant(en) weigert iedere hulp, dan doe je altijd een melding" (002 ch. 2).
        (GebeurtenisSoort.HULP_GEWEIGERD, True),
        # "Wanneer de klant(en) geen toestemming geeft voor overdracht, dan doe je een melding".
        (GebeurtenisSoort.VERHUISD_ZONDER_TOESTEMMING, True),
        # With consent the help is handed over warmly: no melding required.
        (GebeurtenisSoort.VERHUISD_OVERDRACHT, False),
        (GebeurtenisSoort.ZORGEN_BLIJVEN, False),
    ],
)
def test_events_that_always_require_a_melding(dossier, casusregisseur, soort, owed):
    _weging(dossier, casusregisseur, HELP_PATH)
    services.gebeurtenis_record(dossier=dossier, door=casusregisseur, soort=soort, op=TODAY)
    assert selectors.melding_vereist(dossier) is owed


def test_closing_needs_a_reason_and_never_skips_an_owed_melding(dossier, casusregisseur):
    """002 ch. 7: "Wanneer je besluit te stoppen ... leg je dit ook vast ... Geef daarbij aan
    waarom." """
    with pytest.raises(MeldcodeError, match="waarom"):
        services.dossier_close(
            dossier=dossier, door=casusregisseur, reden=Sluitreden.GESTOPT, toelichting=""
        )
    _weging(dossier, casusregisseur, YES_PATH_MELDEN)
    with pytest.raises(MeldcodeError, match="melding"):
        services.dossier_close(
            dossier=dossier, door=casusregisseur, reden=Sluitreden.GESTOPT, toelichting="x"
        )
    services.melding_record(dossier=dossier, door=casusregisseur, op=TODAY, inhoud="Gemeld.")
    services.dossier_close(
        dossier=dossier, door=casusregisseur, reden=Sluitreden.DUURZAME_VEILIGHEID, toelichting="x"
    )
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.GESLOTEN and dossier.gesloten_op
    with pytest.raises(MeldcodeError, match="gesloten"):
        _weging(dossier, casusregisseur, HELP_PATH)


def test_closing_reasons_must_match_the_last_weighing(dossier, casusregisseur):
    _weging(dossier, casusregisseur, {1: True, 2: False, 3: True, 4: True, 5: False})
    services.melding_record(dossier=dossier, door=casusregisseur, op=TODAY, inhoud="Gemeld.")
    for reden in (Sluitreden.DUURZAME_VEILIGHEID, Sluitreden.GEEN_VERMOEDEN):
        with pytest.raises(MeldcodeError):
            services.dossier_close(
                dossier=dossier, door=casusregisseur, reden=reden, toelichting="x"
            )
    _weging(dossier, casusregisseur, {1: False})
    services.dossier_close(
        dossier=dossier, door=casusregisseur, reden=Sluitreden.GEEN_VERMOEDEN, toelichting="x"
    )


def test_content_is_for_the_owner_the_procesregisseur_and_those_granted(
    dossier, traject, procesregisseur, casusregisseur, org_a, buitenstaander
):
    collega = UserFactory(organisatie=org_a, rollen=[Rol.CASUSREGISSEUR])
    traject.betrokkenen.create(user=collega, rol="casusregisseur", vanaf=TODAY)
    af = UserFactory(organisatie=org_a, rollen=[Rol.AANDACHTSFUNCTIONARIS])
    for user, rol in [(procesregisseur, Rol.PROCESREGISSEUR), (casusregisseur, Rol.CASUSREGISSEUR)]:
        user.active_role = rol
        assert policy.may_read_content(user, dossier)
    collega.active_role = af.active_role = Rol.CASUSREGISSEUR
    af.active_role = Rol.AANDACHTSFUNCTIONARIS
    assert not policy.may_read_content(collega, dossier)
    assert not policy.may_record(procesregisseur, dossier)
    assert Dossier.objects.visible(collega).filter(pk=dossier.pk).exists(), "sees it exists"
    assert not Dossier.objects.for_user(collega).exists(), "but not its content"
    assert not Dossier.objects.visible(af).exists()

    toegang = services.toegang_grant(
        dossier=dossier, door=casusregisseur, user=af, reden="Geconsulteerd in stap 2"
    )
    assert policy.may_read_content(af, dossier)
    assert Dossier.objects.for_user(af).filter(pk=dossier.pk).exists(), "in any role"
    with pytest.raises(MeldcodeError):
        services.toegang_grant(dossier=dossier, door=casusregisseur, user=af, reden="nog eens")

    services.toegang_withdraw(toegang=toegang, door=casusregisseur)
    assert not policy.may_read_content(af, dossier)
    assert not Dossier.objects.visible(af).exists()
    buitenstaander.active_role = Rol.PROCESREGISSEUR
    assert not Dossier.objects.visible(buitenstaander).exists()
