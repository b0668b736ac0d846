"""Invitations end to end (#5): a real Celery worker on Redis sends them over SMTP to a
local sink, and a Redis outage while a meeting is saved loses nothing and sends nothing
twice."""

import subprocess
import time

import pytest
from icalendar import Calendar

from plannen.services import uitnodigingen_send
from regie.constants import BerichtStatus
from regie.models import Bericht
from regie.smtp_sink import free_port
from regie.tasks import send_bericht, sweep_outbox
from tests.workers import celery_on, worker_on

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _calendar(message) -> Calendar:
    (part,) = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    return Calendar.from_ical(part.get_content())


def _wait_until_sent(count, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if Bericht.objects.filter(status=BerichtStatus.SENT).count() >= count:
            return
        time.sleep(0.1)
    pytest.fail(f"{count} berichten niet binnen {timeout} s verzonden")


def test_worker_delivers_the_invitation_with_its_calendar_file(
    werkproces, overleg, redis_worker, smtp_sink
):
    uitnodigingen_send(overleg)  # outside a transaction: dispatched at once
    (message,) = smtp_sink.wacht_op(1)
    assert message["To"] == "karim@regie.test"
    (event,) = _calendar(message).walk("VEVENT")
    assert str(event["UID"]) == f"{overleg.uid}@regie"
    assert event["SEQUENCE"] == 0
    assert _calendar(message)["METHOD"] == "REQUEST"
    _wait_until_sent(1)
    karim = overleg.genodigden.get(email="karim@regie.test")
    assert karim.uitnodigingsstatus[0] == "afgeleverd"


class EigenRedis:
    """A Redis of this test's own, to stop and start again without touching the shared one."""

    def __init__(self, tmp_path):
        self.port, self.dir, self.proc = free_port(), tmp_path, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            if (
                subprocess.run(
                    ["redis-cli", "-p", str(self.port), "ping"], capture_output=True
                ).stdout.strip()
                == b"PONG"
            ):
                return
            time.sleep(0.05)
        pytest.fail("redis-server start niet")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


@pytest.fixture
def eigen_redis(tmp_path):
    redis = EigenRedis(tmp_path)
    redis.start()
    yield redis
    if redis.proc.poll() is None:
        redis.stop()


def test_invitations_saved_while_redis_is_down_go_out_once_it_is_back(
    werkproces, overleg, eigen_redis, smtp_sink, settings
):
    with celery_on(eigen_redis.url, settings, results=False):  # as in production
        eigen_redis.stop()
        aantal, _zonder = uitnodigingen_send(overleg)  # the save succeeds; queueing fails fast
        assert aantal == 1
        bericht = Bericht.objects.get()
        assert bericht.status == BerichtStatus.QUEUED
        assert smtp_sink.berichten == []

    eigen_redis.start()
    with worker_on(eigen_redis.url, settings):
        assert sweep_outbox(older_than_seconds=0) == 1  # what Celery beat runs
        _wait_until_sent(1)
        # A second sweep and a duplicate task find nothing left to send.
        assert sweep_outbox(older_than_seconds=0) == 0
        assert send_bericht.delay(bericht.pk).get(timeout=30) == "skipped"
    assert len(smtp_sink.wacht_op(1)) == 1
    time.sleep(0.5)
    assert len(smtp_sink.berichten) == 1, "delivered exactly once"
