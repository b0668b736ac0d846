"""The phase service and its guards (issue #3; seed 002 DEEL A, 004)."""

import datetime
import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from huishoudens import services
from huishoudens.constants import Fase, FaseActieStatus, TrajectRol
from huishoudens.models import FaseActie, FaseOvergang, Traject, TrajectBetrokkene
from huishoudens.workflow import TRANSITIONS, allowed_moves
from tests.factories import HuishoudenFactory, TrajectFactory, UserFactory

DATA = Path(__file__).resolve().parents[2] / "huishoudens" / "data" / "werkproces.json"


def _at(traject, fase):
    Traject.objects.filter(pk=traject.pk).update(fase=fase)
    traject.refresh_from_db()
    return traject


def test_transitions_are_the_ones_the_seed_data_names():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    from_data = {(t["van"], t["naar"]) for t in data["toegestane_overgangen"]}
    from_code = {(van, naar) for van, naars in TRANSITIONS.items() for naar in naars}
    assert from_code == from_data


def test_every_phase_has_action_lists_for_both_regisseurs(db):
    for fase in ["1", "2", "3a", "3b", "4", "5a", "5b", "6a", "6b"]:
        for rol in TrajectRol.values:
            assert FaseActie.objects.filter(fase=fase, rol=rol).exists(), (fase, rol)
    assert all(a.bron for a in FaseActie.objects.all())


def test_a_move_writes_one_history_row(db, procesregisseur):
    traject = TrajectFactory()
    services.traject_move(
        traject=traject,
        naar=Fase.INTAKE,
        door=procesregisseur,
        verwacht_van=Fase.AANMELDING,
        toelichting="vraag is helder",
    )
    row = FaseOvergang.objects.get(traject=traject)
    assert (row.van, row.naar, row.door, row.toelichting) == (
        "1",
        "2",
        procesregisseur,
        "vraag is helder",
    )
    assert Traject.objects.get(pk=traject.pk).fase == Fase.INTAKE


@pytest.mark.parametrize("van,naar", [("1", "3a"), ("3a", "4"), ("4", "6b"), ("2", "4")])
def test_moves_outside_the_workflow_are_refused(db, procesregisseur, van, naar):
    traject = _at(TrajectFactory(), van)
    with pytest.raises(services.MoveRefused):
        services.traject_move(traject=traject, naar=naar, door=procesregisseur, verwacht_van=van)
    assert not FaseOvergang.objects.filter(traject=traject).exists()


def test_5b_goes_back_to_4_or_on_to_6b(db):
    assert allowed_moves(Fase.VOORTGANGSOVERLEG_UITVOEREN) == [Fase.VOORTGANG, Fase.AFSLUITEN]


def test_closing_is_refused_while_safety_signals_are_open(db, procesregisseur):
    traject = _at(TrajectFactory(besluit_start=True), Fase.AFSLUITEN)
    signaal = services.signaal_create(traject=traject, door=procesregisseur, omschrijving="Ruzie")
    with pytest.raises(services.MoveRefused) as refused:
        services.traject_move(
            traject=traject, naar=Fase.GESLOTEN, door=procesregisseur, verwacht_van=Fase.AFSLUITEN
        )
    assert "fase 5b" in refused.value.reasons[0]
    # Going back to 5b is the way forward; once the signal is handled, closing works.
    services.signaal_close(signaal=signaal, afsluiting="Veiligheidsafspraken werken")
    closed = services.traject_move(
        traject=traject, naar=Fase.GESLOTEN, door=procesregisseur, verwacht_van=Fase.AFSLUITEN
    )
    assert closed.fase == Fase.GESLOTEN and closed.gesloten_op is not None


def test_a_stale_move_is_refused_with_a_clear_message(db, procesregisseur, casusregisseur):
    traject = TrajectFactory()
    services.traject_move(
        traject=traject, naar=Fase.INTAKE, door=casusregisseur, verwacht_van=Fase.AANMELDING
    )
    with pytest.raises(services.TrajectConflict, match="intussen verplaatst naar 2. Intake"):
        services.traject_move(
            traject=traject, naar=Fase.INTAKE, door=procesregisseur, verwacht_van=Fase.AANMELDING
        )
    assert FaseOvergang.objects.filter(traject=traject).count() == 1


def test_one_open_traject_per_household(db, procesregisseur):
    traject = TrajectFactory()
    with pytest.raises(ValidationError, match="al een open traject"):
        services.aanmelding_create(
            huishouden=traject.huishouden, door=procesregisseur, vraag="nog een", melder_naam="x"
        )


def test_aanmelding_with_unsafety_opens_a_safety_signal(db, procesregisseur):
    huishouden = HuishoudenFactory()
    traject = services.aanmelding_create(
        huishouden=huishouden,
        door=procesregisseur,
        vraag="Buren horen geschreeuw",
        melder_naam="Wijkagent",
        zorgen_veiligheid=True,
        acuut=True,
    )
    assert traject.signalen.filter(afgesloten_op__isnull=True).count() == 1
    assert traject.overgangen.get().naar == Fase.AANMELDING


def test_intake_no_ends_the_aanmelding_with_a_record(db, procesregisseur):
    traject = _at(TrajectFactory(), Fase.INTAKE)
    services.intake_save(
        traject=traject,
        door=procesregisseur,
        verwacht_van=Fase.INTAKE,
        criteria_ja=[],
        toelichting="",
        besluit_start=False,
        besluit_reden="Enkelvoudige vraag, past bij het wijkteam",
    )
    traject.refresh_from_db()
    assert traject.fase == Fase.GESLOTEN and traject.besluit_start is False
    assert "Enkelvoudige vraag" in traject.overgangen.last().toelichting
    # Such an aanmelding is not reopened.
    with pytest.raises(services.MoveRefused):
        services.traject_move(
            traject=traject,
            naar=Fase.VOORTGANGSOVERLEG_UITVOEREN,
            door=procesregisseur,
            verwacht_van=Fase.GESLOTEN,
        )


def test_intake_yes_records_criteria_and_goes_to_3a(db, procesregisseur):
    traject = _at(TrajectFactory(), Fase.INTAKE)
    from huishoudens.selectors import start_criteria_for

    eerste = start_criteria_for(procesregisseur.organisatie).first()
    services.intake_save(
        traject=traject,
        door=procesregisseur,
        verwacht_van=Fase.INTAKE,
        criteria_ja=[eerste.pk],
        toelichting="",
        besluit_start=True,
        besluit_reden="Meerdere leefgebieden",
    )
    traject.refresh_from_db()
    assert traject.fase == Fase.STARTOVERLEG_VOORBEREIDEN
    assert traject.intake_antwoorden.filter(van_toepassing=True).get().criterium == eerste
    assert traject.intake_antwoorden.count() == 6


def test_a_second_procesregisseur_is_refused_naming_the_current_one(db, procesregisseur, org_a):
    traject = TrajectFactory(procesregisseur=procesregisseur)
    tweede = UserFactory(organisatie=org_a, first_name="Sanne")
    with pytest.raises(ValidationError, match=str(procesregisseur)):
        services.regisseur_assign(
            traject=traject, user=tweede, rol=TrajectRol.PROCESREGISSEUR, door=tweede
        )


def test_the_database_refuses_a_second_procesregisseur(db, procesregisseur, org_a):
    traject = TrajectFactory(procesregisseur=procesregisseur)
    with pytest.raises(IntegrityError), transaction.atomic():
        TrajectBetrokkene.objects.create(
            traject=traject,
            user=UserFactory(organisatie=org_a),
            rol=TrajectRol.PROCESREGISSEUR,
            vanaf=datetime.date.today(),
        )


def test_several_casusregisseurs_with_leefgebieden(db, org_a, procesregisseur):
    traject = TrajectFactory(procesregisseur=procesregisseur)
    for gebied in ["wonen", "inkomen"]:
        services.regisseur_assign(
            traject=traject,
            user=UserFactory(organisatie=org_a),
            rol=TrajectRol.CASUSREGISSEUR,
            door=procesregisseur,
            leefgebieden=[gebied],
        )
    assert traject.betrokkenen.actief().filter(rol=TrajectRol.CASUSREGISSEUR).count() == 2


def test_handover_passes_the_role_from_the_agreed_date(db, procesregisseur, org_a):
    traject = TrajectFactory(procesregisseur=procesregisseur)
    opvolger = UserFactory(organisatie=org_a)
    per = datetime.date.today() + datetime.timedelta(days=7)
    overdracht = services.overdracht_propose(
        traject=traject, rol=TrajectRol.PROCESREGISSEUR, van=procesregisseur, naar=opvolger, per=per
    )
    services.overdracht_decide(overdracht=overdracht, accept=True)
    vandaag = traject.betrokkenen.actief().get(rol=TrajectRol.PROCESREGISSEUR)
    straks = traject.betrokkenen.actief(op=per).get(rol=TrajectRol.PROCESREGISSEUR)
    assert (vandaag.user, straks.user) == (procesregisseur, opvolger)
    with pytest.raises(ValidationError, match="al beslist"):
        services.overdracht_decide(overdracht=overdracht, accept=False)


def test_actions_guide_and_do_not_block(db, procesregisseur):
    traject = TrajectFactory()
    actie = FaseActie.objects.filter(fase="1", rol=TrajectRol.PROCESREGISSEUR).first()
    with pytest.raises(ValidationError, match="waarom"):
        services.actie_mark(
            traject=traject, actie=actie, door=procesregisseur, status=FaseActieStatus.OVERGESLAGEN
        )
    services.actie_mark(
        traject=traject,
        actie=actie,
        door=procesregisseur,
        status=FaseActieStatus.OVERGESLAGEN,
        toelichting="al gedaan door huisarts",
    )
    # Nothing ticked in phase 1, and still the traject moves on.
    services.traject_move(
        traject=traject, naar=Fase.INTAKE, door=procesregisseur, verwacht_van=Fase.AANMELDING
    )
