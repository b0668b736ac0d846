"""A broker outage never breaks a request; the sweep sends what was left pending (#2/#5)."""

import datetime

import pytest
import time_machine
from django.core import mail

from regie.celery import app
from regie.constants import BerichtStatus
from regie.outbox import bericht_queue
from regie.tasks import sweep_outbox
from tests.workers import _reset_connections


@pytest.fixture
def broker_down(settings):
    """Celery pointed at a port where nothing listens, as when Redis is down."""
    previous = {k: app.conf[k] for k in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url="redis://127.0.0.1:1/0", task_always_eager=False)
    _reset_connections(app)
    yield
    app.conf.update(previous)
    _reset_connections(app)


def _queue():
    return bericht_queue(
        aan="anna@voorbeeld.nl",
        template="uitnodiging_account",
        context={"user": {"first_name": "Anna", "email": "anna@voorbeeld.nl"}, "url": "http://x/"},
    )


def test_saving_succeeds_while_the_broker_is_down(
    db, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bericht = _queue()
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.QUEUED
    assert mail.outbox == []


def test_the_sweep_sends_what_was_left_pending_once(db, django_capture_on_commit_callbacks):
    with time_machine.travel(datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)):
        bericht = _queue()  # on_commit never ran: as if the broker had been down
    assert sweep_outbox() == 1  # tasks run eagerly in tests: this sends it
    assert sweep_outbox() == 0
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.SENT and len(mail.outbox) == 1
