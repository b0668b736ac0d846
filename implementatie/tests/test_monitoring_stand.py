"""The monitoring figures computed ahead (issue #15): the page reads a stored stand, asks the
worker for one when there is none or it is old, and the nightly run covers every scope."""

import datetime
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from implementatie import figuren, monitoring_stand
from implementatie.figuren_periode import Periode
from implementatie.models import Monitoringstand
from implementatie.scope import Niveau, Scope, van_organisatie
from implementatie.tests.test_monitoring_page import _vullen
from regie.constants import AuditActie
from regie.models import AuditEntry
from tests.factories import OrganisatieFactory

URL = reverse("implementatie:monitoring")
JAAR = Periode("jaar", 2026)


def test_a_stand_holds_the_figures_exactly_as_computed(procesregisseur):
    _vullen(12, procesregisseur)
    scope = van_organisatie(procesregisseur.organisatie)
    stand = monitoring_stand.stand_berekenen(scope=scope, periode=JAAR)
    stand.refresh_from_db()
    verwacht = figuren.alle_figuren(scope, JAAR)
    for figuur in verwacht:
        figuur.extra.pop("tabel", None)  # a working table, not shown
    assert monitoring_stand.figuren_van(stand) == verwacht
    assert stand.scope == f"organisatie:{scope.regio_id}:{scope.gemeente_id}:{scope.organisatie_id}"
    assert monitoring_stand.scope_van_sleutel(stand.scope) == scope


def test_the_page_shows_the_stored_stand_and_does_not_count_again(
    login, aandachtsfunctionaris, procesregisseur
):
    _vullen(12, procesregisseur)
    client = login(aandachtsfunctionaris)
    eerste = client.get(URL, {"periode": "2026"}).content.decode()
    assert "Stand van" in eerste
    stand = Monitoringstand.objects.get()
    _vullen(30, procesregisseur)
    with CaptureQueriesContext(connection) as ctx:
        tweede = client.get(URL, {"periode": "2026"}).content.decode()
    assert Monitoringstand.objects.get().berekend_op == stand.berekend_op
    # The 42 trajecten are not counted: the page shows the stand of 12.
    assert ">12<" in tweede and ">42<" not in tweede
    assert not any("plannen_overleg" in q["sql"] for q in ctx.captured_queries)


def test_an_old_stand_is_computed_again_when_opened(login, aandachtsfunctionaris, procesregisseur):
    client = login(aandachtsfunctionaris)
    client.get(URL, {"periode": "2026"})
    oud = timezone.now() - datetime.timedelta(minutes=61)
    Monitoringstand.objects.update(berekend_op=oud)
    client.get(URL, {"periode": "2026"})
    assert Monitoringstand.objects.get().berekend_op > oud


def test_a_stand_younger_than_the_limit_is_kept(login, aandachtsfunctionaris):
    client = login(aandachtsfunctionaris)
    client.get(URL, {"periode": "2026"})
    jong = timezone.now() - datetime.timedelta(minutes=59)
    Monitoringstand.objects.update(berekend_op=jong)
    client.get(URL, {"periode": "2026"})
    assert Monitoringstand.objects.get().berekend_op == jong


def test_while_a_stand_is_being_computed_the_page_polls_and_asks_once(
    login, aandachtsfunctionaris, settings
):
    """The worker has the request (its lock is held): the page says the figures are being
    computed, polls, and does not queue the work a second time; nothing is logged as read."""
    scope = van_organisatie(aandachtsfunctionaris.organisatie)
    periode = Periode("maand", 2026, 3)
    assert monitoring_stand.slot_nemen(scope, periode)
    try:
        response = login(aandachtsfunctionaris).get(URL, {"periode": "2026-03"})
    finally:
        monitoring_stand.slot_vrijgeven(scope, periode)
    html = response.content.decode()
    assert "worden berekend" in html
    assert 'hx-trigger="every 2s"' in html
    assert not Monitoringstand.objects.exists()
    assert not AuditEntry.objects.filter(object_type="monitoring").exists()


def test_a_poll_that_repeats_an_old_stand_is_not_logged_again(login, aandachtsfunctionaris):
    client = login(aandachtsfunctionaris)
    client.get(URL, {"periode": "2026"})
    assert AuditEntry.objects.filter(object_type="monitoring").count() == 1
    scope = van_organisatie(aandachtsfunctionaris.organisatie)
    Monitoringstand.objects.update(berekend_op=timezone.now() - datetime.timedelta(hours=2))
    assert monitoring_stand.slot_nemen(scope, JAAR)  # the worker is on it
    try:
        poll = client.get(URL, {"periode": "2026"}, headers={"HX-Request": "true"})
    finally:
        monitoring_stand.slot_vrijgeven(scope, JAAR)
    assert "worden bijgewerkt" in poll.content.decode()
    assert AuditEntry.objects.filter(object_type="monitoring").count() == 1
    client.get(URL, {"periode": "2026"})  # a full page view is logged
    assert AuditEntry.objects.filter(object_type="monitoring", action=AuditActie.READ).count() == 2


@pytest.mark.django_db
def test_the_nightly_run_covers_every_scope_and_running_periods_only(org_a):
    andere = OrganisatieFactory(naam="Jeugdteam Gouda", gemeente=org_a.gemeente)
    regio = Scope(Niveau.REGIO, org_a.gemeente.regio_id)
    oud = Periode("maand", 2026, 3)
    lopend = Periode("maand", 2026, 11)
    for periode in (oud, lopend):
        monitoring_stand.stand_berekenen(scope=regio, periode=periode)
    vandaag = datetime.date(2026, 11, 28)
    aantal = monitoring_stand.bijwerken(vandaag)
    scopes = {
        monitoring_stand.scope_sleutel(s)
        for s in (regio, van_organisatie(org_a), van_organisatie(andere))
    }
    jaar = set(Monitoringstand.objects.filter(periode="2026").values_list("scope", flat=True))
    assert scopes <= jaar
    assert any(s.startswith("gemeente:") for s in jaar)
    # The region's current year, its running month again, and not the March stand.
    assert aantal == len(jaar) + 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_computes_the_stand_the_page_asked_for(
    redis_worker, login, aandachtsfunctionaris, procesregisseur
):
    """With a broker the page does not wait: it says the figures are being computed and
    polls; the worker stores the stand, and the next poll shows it."""
    _vullen(6, procesregisseur)
    client = login(aandachtsfunctionaris)
    eerste = client.get(URL, {"periode": "2026"}).content.decode()
    assert "worden berekend" in eerste
    deadline = time.monotonic() + 30
    while not Monitoringstand.objects.exists():
        assert time.monotonic() < deadline, "de worker berekende geen stand binnen 30 s"
        time.sleep(0.2)
    poll = client.get(URL, {"periode": "2026"}, headers={"HX-Request": "true"}).content.decode()
    assert "Stand van" in poll and "hx-trigger" not in poll
    assert ">6<" in poll
    # The lock is released: an old stand can be asked for again.
    scope = van_organisatie(aandachtsfunctionaris.organisatie)
    assert monitoring_stand.slot_nemen(scope, JAAR)
    monitoring_stand.slot_vrijgeven(scope, JAAR)
