"""'Als zorgen blijven' (issue #10, seed 002 ch. 2): the owner of an open meldcode dossier
is reminded, in the app and by e-mail through the outbox, to weigh again at the interval
they set until the dossier is closed, and to ask Veilig Thuis for feedback on a melding
that has waited too long. The daily task is idempotent."""

import datetime
import time
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from huishoudens.models import Gezinslid
from meldcode import selectors, services
from meldcode.constants import Aanleiding, Sluitreden
from meldcode.services import MeldcodeError
from meldcode.tasks import herinneringen
from regie.models import Bericht
from tests.factories import TrajectFactory

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
START = datetime.date(2025, 3, 3)
DAG = datetime.timedelta(days=1)
DUE = START + 28 * DAG  # the default interval
HELP_PATH = {1: True, 2: False, 3: True, 4: True, 5: True}


def _open_on(dag, **kwargs):
    with time_machine.travel(datetime.datetime.combine(dag, datetime.time(9), AMSTERDAM)):
        return services.dossier_open(aanleiding=Aanleiding.TRAJECT, **kwargs)


@pytest.fixture
def dossier(traject, casusregisseur, gezinslid):
    return _open_on(START, traject=traject, door=casusregisseur, leden=[gezinslid])


def _run(dag):
    return services.herinneringen_send(today=dag)


def _weging(dossier, door, op):
    return services.weging_record(
        dossier=dossier, door=door, op=op, antwoorden=HELP_PATH, overwegingen="Feiten gewogen."
    )


# --- weighing again --------------------------------------------------------------------


def test_a_due_weighing_reminds_the_owner_by_email_without_household_data(
    dossier, casusregisseur, traject
):
    assert dossier.volgende_weging_op == DUE
    assert _run(DUE) == 1
    bericht = Bericht.objects.get()
    assert bericht.aan == casusregisseur.email
    assert bericht.sleutel == f"meldcode:dossier:{dossier.pk}:weging:{DUE.isoformat()}"
    assert f"traject #{traject.pk}" in bericht.onderwerp
    assert (
        f"U heeft een meldcodedossier bij traject #{traject.pk} waarin opnieuw gewogen moet "
        "worden" in bericht.tekst
    )
    url = "http://127.0.0.1:8000" + reverse("meldcode:dossier", args=[dossier.pk])
    assert url in bericht.tekst and f'href="{url}"' in bericht.html
    huishouden = traject.huishouden
    verboden = [huishouden.naam, huishouden.adres, huishouden.woonplaats, "Anna"]
    verboden += Gezinslid.objects.filter(huishouden=huishouden).values_list("voornaam", flat=True)
    for tekst in (bericht.onderwerp, bericht.tekst, bericht.html):
        for woord in verboden:
            assert woord not in tekst
    dossier.refresh_from_db()
    assert dossier.herinnerd_op == DUE


def test_a_weighing_not_yet_due_reminds_nobody(dossier):
    assert _run(DUE - DAG) == 0
    assert not Bericht.objects.exists()
    dossier.refresh_from_db()
    assert dossier.herinnerd_op is None


def test_an_overdue_weighing_is_reminded_once_and_not_again_the_next_days(dossier):
    """A run missed on the due date (beat was down) catches up; then one per due date."""
    assert _run(DUE + 2 * DAG) == 1
    assert _run(DUE + 3 * DAG) == 0
    assert _run(DUE + 10 * DAG) == 0
    assert Bericht.objects.count() == 1


def test_running_twice_on_the_same_day_sends_one_message(dossier):
    assert herinneringen(DUE.isoformat()) == 1
    assert herinneringen(DUE.isoformat()) == 0
    assert herinneringen(DUE) == 0
    assert Bericht.objects.count() == 1


def test_the_next_weighing_is_reminded_again_at_its_own_due_date(dossier, casusregisseur):
    assert _run(DUE) == 1
    _weging(dossier, casusregisseur, op=DUE + DAG)
    dossier.refresh_from_db()
    assert dossier.volgende_weging_op == DUE + 29 * DAG
    assert _run(DUE + 28 * DAG) == 0
    assert _run(DUE + 29 * DAG) == 1
    assert list(Bericht.objects.order_by("pk").values_list("sleutel", flat=True)) == [
        f"meldcode:dossier:{dossier.pk}:weging:{DUE.isoformat()}",
        f"meldcode:dossier:{dossier.pk}:weging:{(DUE + 29 * DAG).isoformat()}",
    ]


def test_a_closed_dossier_is_not_reminded(dossier, casusregisseur):
    """Duurzame veiligheid ends the reminders (002 ch. 2 "Als zorgen blijven")."""
    _weging(dossier, casusregisseur, op=START + 7 * DAG)
    services.dossier_close(
        dossier=dossier,
        door=casusregisseur,
        reden=Sluitreden.DUURZAME_VEILIGHEID,
        toelichting="Afspraken nagekomen.",
    )
    assert _run(START + 35 * DAG) == 0
    assert _run(START + 400 * DAG) == 0
    assert not Bericht.objects.exists()
    assert selectors.herinneringen_voor(casusregisseur, START + 400 * DAG) == []


def test_a_shorter_interval_brings_the_reminder_forward(dossier):
    services.weeg_interval_set(dossier=dossier, dagen=14)
    dossier.refresh_from_db()
    assert (dossier.weeg_interval_dagen, dossier.volgende_weging_op) == (14, START + 14 * DAG)
    assert _run(START + 13 * DAG) == 0
    assert _run(START + 14 * DAG) == 1


def test_a_longer_interval_postpones_the_reminder(dossier, casusregisseur):
    _weging(dossier, casusregisseur, op=START + 10 * DAG)
    services.weeg_interval_set(dossier=dossier, dagen=42)
    dossier.refresh_from_db()
    assert dossier.volgende_weging_op == START + 52 * DAG  # from the last weighing
    assert _run(START + 38 * DAG) == 0
    assert _run(START + 52 * DAG) == 1


def test_an_interval_changed_after_the_reminder_does_not_remind_twice_for_an_overdue_weighing(
    dossier,
):
    assert _run(DUE) == 1
    services.weeg_interval_set(dossier=dossier, dagen=21)  # due date moves back, still overdue
    assert _run(DUE + DAG) == 0
    assert Bericht.objects.count() == 1


def test_the_interval_must_be_sensible(dossier):
    for dagen in (0, 366):
        with pytest.raises(MeldcodeError, match="1 tot en met 365 dagen"):
            services.weeg_interval_set(dossier=dossier, dagen=dagen)


def test_an_inactive_owner_gets_no_mail_and_the_due_date_stays_unreminded(dossier, casusregisseur):
    casusregisseur.is_active = False
    casusregisseur.save(update_fields=["is_active"])
    assert _run(DUE) == 0
    dossier.refresh_from_db()
    assert dossier.herinnerd_op is None and not Bericht.objects.exists()


# --- in the app ------------------------------------------------------------------------


def test_the_owner_sees_only_their_own_open_dossiers_that_are_due(
    dossier, traject, casusregisseur, procesregisseur
):
    later = _open_on(START + 10 * DAG, traject=traject, door=casusregisseur)
    _open_on(START, traject=traject, door=procesregisseur)  # someone else's
    assert selectors.herinneringen_voor(casusregisseur, DUE - DAG) == []
    assert selectors.herinneringen_voor(casusregisseur, DUE) == [dossier]
    assert selectors.herinneringen_voor(casusregisseur, DUE + 10 * DAG) == [dossier, later]
    # Reminded by e-mail or not: a due weighing stays on the start page until it is done.
    _run(DUE)
    assert selectors.herinneringen_voor(casusregisseur, DUE) == [dossier]


def test_the_start_page_reminders_take_one_query_however_many_dossiers(
    casusregisseur, procesregisseur, django_assert_num_queries
):
    for _ in range(6):
        traject = TrajectFactory(procesregisseur=procesregisseur, casusregisseurs=[casusregisseur])
        _open_on(START, traject=traject, door=casusregisseur)
    with django_assert_num_queries(1):
        dossiers = selectors.herinneringen_voor(casusregisseur, DUE)
        assert len({d.traject.pk for d in dossiers}) == 6


# --- waiting for feedback from Veilig Thuis ------------------------------------------------

MELDING_OP = START + 5 * DAG


@pytest.fixture
def melding(dossier, casusregisseur):
    return services.melding_record(
        dossier=dossier, door=casusregisseur, op=MELDING_OP, inhoud="Zorgen over Anna gemeld."
    )


def test_a_melding_without_feedback_reminds_the_owner_once_after_the_threshold(
    melding, dossier, casusregisseur, traject, settings
):
    assert settings.REGIE_VT_TERUGKOPPELING_DAGEN == 14
    assert _run(MELDING_OP + 14 * DAG) == 0  # more than 14 days
    assert _run(MELDING_OP + 15 * DAG) == 1
    assert _run(MELDING_OP + 15 * DAG) == 0
    assert _run(MELDING_OP + 20 * DAG) == 0
    bericht = Bericht.objects.get()
    assert bericht.aan == casusregisseur.email
    assert bericht.sleutel == f"meldcode:vtmelding:{melding.pk}:terugkoppeling:14d"
    assert f"traject #{traject.pk}" in bericht.onderwerp
    assert "meer dan 14 dagen" in bericht.tekst
    assert reverse("meldcode:dossier", args=[dossier.pk]) in bericht.tekst
    for tekst in (bericht.onderwerp, bericht.tekst, bericht.html):
        assert "Anna" not in tekst and traject.huishouden.naam not in tekst


def test_a_new_threshold_reminds_once_more(melding, settings):
    assert _run(MELDING_OP + 15 * DAG) == 1
    settings.REGIE_VT_TERUGKOPPELING_DAGEN = 10
    assert _run(MELDING_OP + 16 * DAG) == 1
    assert _run(MELDING_OP + 17 * DAG) == 0
    assert list(Bericht.objects.order_by("pk").values_list("sleutel", flat=True)) == [
        f"meldcode:vtmelding:{melding.pk}:terugkoppeling:14d",
        f"meldcode:vtmelding:{melding.pk}:terugkoppeling:10d",
    ]


def test_recorded_feedback_or_a_closed_dossier_ends_the_feedback_reminder(
    melding, dossier, casusregisseur, traject
):
    services.terugkoppeling_record(
        melding=melding, op=MELDING_OP + 3 * DAG, terugkoppeling="Veilig Thuis start onderzoek."
    )
    assert _run(MELDING_OP + 15 * DAG) == 0
    tweede = _open_on(START, traject=traject, door=casusregisseur)
    services.melding_record(dossier=tweede, door=casusregisseur, op=MELDING_OP, inhoud="Gemeld.")
    services.dossier_close(
        dossier=tweede, door=casusregisseur, reden=Sluitreden.GESTOPT, toelichting="Overgedragen."
    )
    assert _run(MELDING_OP + 15 * DAG) == 0
    assert not Bericht.objects.exists()


def test_the_owner_sees_meldingen_waiting_for_feedback_with_their_age(
    melding, casusregisseur, procesregisseur, traject, django_assert_num_queries
):
    ander = _open_on(START, traject=traject, door=procesregisseur)
    services.melding_record(dossier=ander, door=procesregisseur, op=START, inhoud="Gemeld.")
    assert selectors.wacht_op_veilig_thuis_voor(casusregisseur, MELDING_OP + 14 * DAG) == []
    with django_assert_num_queries(1):
        (wachtend,) = selectors.wacht_op_veilig_thuis_voor(casusregisseur, MELDING_OP + 20 * DAG)
        assert wachtend == melding and wachtend.wachtdagen == 20
        assert wachtend.dossier.traject == traject


def test_weighing_and_feedback_reminders_go_out_in_the_same_run(melding, dossier):
    assert _run(DUE) == 2
    assert sorted(Bericht.objects.values_list("sleutel", flat=True)) == [
        f"meldcode:dossier:{dossier.pk}:weging:{DUE.isoformat()}",
        f"meldcode:vtmelding:{melding.pk}:terugkoppeling:14d",
    ]


def test_the_daily_task_is_scheduled_by_celery_beat(settings):
    (entry,) = [
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == "meldcode.tasks.herinneringen"
    ]
    assert entry["schedule"].hour == {7}


# --- a real worker ---------------------------------------------------------------------


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_worker_delivers_exactly_one_reminder(traject, casusregisseur, redis_worker, smtp_sink):
    dossier = services.dossier_open(
        traject=traject, door=casusregisseur, aanleiding=Aanleiding.TRAJECT
    )
    due = dossier.volgende_weging_op.isoformat()
    assert herinneringen.delay(due).get(timeout=30) == 1
    assert herinneringen.delay(due).get(timeout=30) == 0
    (message,) = smtp_sink.wacht_op(1)
    assert message["To"] == casusregisseur.email
    assert f"traject #{traject.pk}" in message["Subject"]
    time.sleep(0.5)
    assert len(smtp_sink.berichten) == 1, "delivered exactly once"
