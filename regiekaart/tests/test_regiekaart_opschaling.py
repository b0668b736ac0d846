"""Opschalen and afschalen through one service: assessment, advice, history rows, resolution
and the managers' notifications (issue #6; seed 002 ch. 5 "C. Op- en afschalen")."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from regie.constants import OrganisatieSoort, Rol
from regie.models import Bericht
from regiekaart.models import Beoordeling, Melding, Opschaling, TrajectNiveau
from regiekaart.selectors import niveau_stand
from regiekaart.services import (
    NiveauConflict,
    opschaling_decide,
    opschaling_notify,
    opschaling_resolve,
)
from regiekaart.tests.fixtures import REGIEKAART_CRITERIA_3
from tests.factories import GemeenteFactory, OrganisatieFactory, TrajectFactory, UserFactory

pytestmark = pytest.mark.django_db

DZB = {c: (True, f"{c} geldt.") for c in "DZB"}
DZBOK = {c: (True, f"{c} geldt.") for c in "DZBOK"}


def _besluit(traject, door, **kwargs):
    kwargs.setdefault("verwacht_niveau", niveau_stand(traject)[0])
    kwargs.setdefault("criteria", {})
    return opschaling_decide(traject=traject, door=door, **kwargs)


def test_a_new_traject_is_on_the_start_level_2(traject):
    assert niveau_stand(traject) == (2, None)
    assert not TrajectNiveau.objects.exists()


def test_escalating_writes_the_assessment_and_one_history_row(traject, procesregisseur):
    besluit = _besluit(traject, procesregisseur, criteria=REGIEKAART_CRITERIA_3, naar_niveau=3)

    assert niveau_stand(traject)[0] == 3
    beoordeling = Beoordeling.objects.get()
    criteria = {c.code: (c.geldt, c.toelichting) for c in beoordeling.criteria.all()}
    assert len(criteria) == 9  # D, Z, B, O, K, E, P, VO, VI: one row each
    assert criteria["O"] == (True, "Geschreeuw gehoord door de buren.")
    assert criteria["K"] == (False, "")
    assert (beoordeling.niveau, beoordeling.advies_niveau) == (2, 3)
    assert beoordeling.advies_regels == ["opschalen_naar_3"]

    o = Opschaling.objects.get()
    assert o == besluit.opschaling
    assert (o.van_niveau, o.naar_niveau, o.richting, o.naar_manager) == (2, 3, "op", False)
    assert o.criteria == ["D", "Z", "B", "O"]
    assert o.regels == ["opschalen_naar_3"]
    assert (o.advies_niveau, o.advies_gevolgd, o.reden_afwijking) == (3, True, "")
    assert (o.door, o.organisatie, o.gemeente) == (
        procesregisseur,
        procesregisseur.organisatie,
        traject.huishouden.gemeente,
    )
    assert o.is_open and o.opgelost_op is None


def test_following_an_advice_to_keep_the_level_writes_only_the_assessment(traject, procesregisseur):
    besluit = _besluit(traject, procesregisseur, criteria=DZB, naar_niveau=2)
    assert besluit.opschaling is None
    assert Beoordeling.objects.count() == 1 and not Opschaling.objects.exists()
    assert niveau_stand(traject)[0] == 2


def test_deviating_from_the_advice_needs_a_reason_and_is_recorded(traject, procesregisseur):
    with pytest.raises(ValidationError) as error:
        _besluit(traject, procesregisseur, criteria=REGIEKAART_CRITERIA_3, naar_niveau=2)
    assert "U wijkt af van het advies (niveau 3). Geef de reden waarom." in str(error.value)
    assert not Beoordeling.objects.exists()

    besluit = _besluit(
        traject,
        procesregisseur,
        criteria=REGIEKAART_CRITERIA_3,
        naar_niveau=2,
        reden_afwijking="Er is vanmiddag een veiligheidsafspraak gemaakt; we kijken over een week.",
    )
    o = besluit.opschaling
    assert (o.richting, o.advies_niveau, o.advies_gevolgd) == ("gelijk", 3, False)
    assert o.reden_afwijking.startswith("Er is vanmiddag")
    assert niveau_stand(traject)[0] == 2


def test_p_offers_levels_to_choose_from_and_each_follows_the_advice(traject, procesregisseur):
    criteria = {**DZB, "P": (True, "Verslaving vraagt expertise.")}
    besluit = _besluit(traject, procesregisseur, criteria=criteria, naar_niveau=4)
    assert besluit.advies.opties == (2, 3, 4)
    assert besluit.opschaling.advies_gevolgd is True
    assert besluit.opschaling.regels == ["P"]


def test_to_the_manager_needs_the_question(traject, procesregisseur):
    criteria = {**DZB, "VO": (True, "Geen uren voor het overleg bij de GGZ.")}
    with pytest.raises(ValidationError) as error:
        _besluit(traject, procesregisseur, criteria=criteria, naar_niveau=2, naar_manager=True)
    assert "Beschrijf wat u van de manager vraagt." in str(error.value)
    besluit = _besluit(
        traject,
        procesregisseur,
        criteria=criteria,
        naar_niveau=2,
        naar_manager=True,
        vraag_manager="Wilt u met de manager van de GGZ de uren afspreken?",
    )
    o = besluit.opschaling
    assert (o.richting, o.naar_manager, o.advies_gevolgd, o.is_open) == ("gelijk", True, True, True)


def test_a_casusregisseur_decides_also_where_there_is_a_procesregisseur(traject, casusregisseur):
    """Issue #12 (002 ch. 3: the casusregisseur "Schaalt op- en af zoals beschreven in de
    regiekaart"); the traject fixture has a procesregisseur too."""
    besluit = _besluit(traject, casusregisseur, criteria=REGIEKAART_CRITERIA_3, naar_niveau=3)
    assert besluit.opschaling.door == casusregisseur


def test_someone_involved_who_is_no_regisseur_does_not_decide(traject, org_a):
    from huishoudens.models import BetrokkenProfessional

    collega = UserFactory(organisatie=org_a, rollen=[Rol.CASUSREGISSEUR])
    BetrokkenProfessional.objects.create(huishouden=traject.huishouden, user=collega)
    with pytest.raises(PermissionDenied):
        _besluit(traject, collega, criteria=REGIEKAART_CRITERIA_3, naar_niveau=3)
    assert not Beoordeling.objects.exists()


def test_a_casusregisseur_decides_where_there_is_no_procesregisseur(casusregisseur):
    traject = TrajectFactory(casusregisseurs=[casusregisseur])
    besluit = _besluit(traject, casusregisseur, criteria=REGIEKAART_CRITERIA_3, naar_niveau=3)
    assert besluit.opschaling.door == casusregisseur


def test_a_decision_on_a_level_someone_else_changed_is_refused(traject, procesregisseur):
    _besluit(traject, procesregisseur, criteria=REGIEKAART_CRITERIA_3, naar_niveau=3)
    with pytest.raises(NiveauConflict, match="intussen vastgesteld op niveau 3"):
        _besluit(traject, procesregisseur, verwacht_niveau=2, criteria=DZB, naar_niveau=2)
    assert Beoordeling.objects.count() == 1


def test_going_down_resolves_the_escalations_above_the_new_level(traject, procesregisseur):
    op = _besluit(traject, procesregisseur, criteria=REGIEKAART_CRITERIA_3, naar_niveau=3)
    af = _besluit(traject, procesregisseur, criteria=DZB, naar_niveau=2)
    assert (af.opschaling.richting, af.opschaling.advies_gevolgd) == ("af", True)
    op.opschaling.refresh_from_db()
    assert not op.opschaling.is_open
    assert op.opschaling.opgelost_door == procesregisseur
    assert op.opschaling.oplossing == "Afgeschaald naar niveau 2."
    assert not af.opschaling.is_open  # going down asks for no resolution


def test_a_request_to_the_manager_ends_when_vo_and_vi_no_longer_hold(traject, procesregisseur):
    vraag = _besluit(
        traject,
        procesregisseur,
        criteria={**DZB, "VI": (True, "Oneens over de bodemeisen.")},
        naar_niveau=2,
        naar_manager=True,
        vraag_manager="Graag een gesprek met de manager van Kwadraad.",
    ).opschaling
    _besluit(traject, procesregisseur, criteria=DZB, naar_niveau=2)
    vraag.refresh_from_db()
    assert "afgeschaald naar uitvoering" in vraag.oplossing


def test_resolving_records_when_how_and_by_whom(
    opschaling, manager, procesregisseur, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        opschaling_resolve(opschaling=opschaling, door=manager, oplossing="Extra uren toegekend.")
    opschaling.refresh_from_db()
    assert opschaling.opgelost_door == manager and opschaling.opgelost_op is not None
    # The regisseur hears it was resolved; the how stays in Regie.
    (bericht,) = mail.outbox
    assert bericht.to == [procesregisseur.email]
    assert f"traject #{opschaling.traject_id}" in bericht.subject
    assert "Extra uren" not in bericht.body
    with pytest.raises(ValidationError, match="al afgehandeld"):
        opschaling_resolve(opschaling=opschaling, door=manager, oplossing="Nog eens.")


def test_resolving_ones_own_escalation_sends_no_mail(
    opschaling, procesregisseur, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        opschaling_resolve(opschaling=opschaling, door=procesregisseur, oplossing="Opgelost.")
    assert mail.outbox == []


# --- notifications -------------------------------------------------------------------


@pytest.fixture
def zvh_manager(db):
    """A manager of another organisation: never told about Petra's trajecten."""
    org = OrganisatieFactory(naam="ZVH", soort=OrganisatieSoort.ZORG_EN_VEILIGHEIDSHUIS)
    return UserFactory(organisatie=org, rollen=[Rol.MANAGER], email="zvh.manager@regie.test")


def test_an_escalation_to_level_4_notifies_the_managers_in_app_and_by_email(
    traject, procesregisseur, manager, zvh_manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        o = _besluit(traject, procesregisseur, criteria=DZBOK, naar_niveau=4).opschaling

    melding = Melding.objects.get()
    assert melding.aan == manager and melding.opschaling == o
    assert melding.tekst == (
        f"Traject #{traject.pk} is opgeschaald van niveau 2 naar niveau 4 door "
        f"{procesregisseur.get_full_name()}."
    )
    (bericht,) = mail.outbox
    assert bericht.to == ["marieke@regie.test"]
    assert bericht.subject == f"[Regie] Opgeschaald naar niveau 4: traject #{traject.pk}"
    assert f"/escalaties/{o.pk}/" in bericht.body
    assert traject.huishouden.naam not in bericht.body + bericht.subject  # no case data
    assert Bericht.objects.get().sleutel == f"opschaling:{o.pk}:manager:{manager.pk}"

    # Notifying again sends nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        opschaling_notify(opschaling=o)
    assert Melding.objects.count() == 1 and len(mail.outbox) == 1 and Bericht.objects.count() == 1


def test_a_request_to_the_manager_notifies_the_regisseurs_own_manager(
    traject, procesregisseur, zvh_manager, django_capture_on_commit_callbacks
):
    procesregisseur.manager = zvh_manager
    procesregisseur.save(update_fields=["manager"])
    with django_capture_on_commit_callbacks(execute=True):
        _besluit(
            traject,
            procesregisseur,
            criteria={**DZB, "VO": (True, "Taakopvatting.")},
            naar_niveau=2,
            naar_manager=True,
            vraag_manager="Wie doet wat?",
        )
    assert [m.aan for m in Melding.objects.all()] == [zvh_manager]
    assert mail.outbox[0].subject == f"[Regie] Vraag aan de manager: traject #{traject.pk}"


def test_escalations_below_level_4_notify_nobody(
    traject, procesregisseur, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _besluit(traject, procesregisseur, criteria=REGIEKAART_CRITERIA_3, naar_niveau=3)
    assert not Melding.objects.exists() and not mail.outbox


def test_a_municipality_manager_is_notified_of_its_households(
    traject, procesregisseur, django_capture_on_commit_callbacks
):
    gemeente_org = OrganisatieFactory(
        naam="Gemeente", soort=OrganisatieSoort.GEMEENTE, gemeente=traject.huishouden.gemeente
    )
    elders = OrganisatieFactory(
        naam="Gemeente Leiden",
        soort=OrganisatieSoort.GEMEENTE,
        gemeente=GemeenteFactory(naam="Leiden"),
    )
    wethouder_manager = UserFactory(organisatie=gemeente_org, rollen=[Rol.MANAGER])
    UserFactory(organisatie=elders, rollen=[Rol.MANAGER])
    with django_capture_on_commit_callbacks(execute=True):
        _besluit(traject, procesregisseur, criteria=DZBOK, naar_niveau=4)
    assert [m.aan for m in Melding.objects.all()] == [wethouder_manager]
