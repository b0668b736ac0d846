"""Benchmark: invitations through one Celery worker to an SMTP server (docs/BENCHMARKS.md).

Plans one meeting with N invitees (each with an e-mail address), sends the invitations
(N outbox rows with their calendar file, queued on Redis) and lets one worker (solo pool,
as `celery worker --concurrency 1`) deliver them over SMTP to a local sink (aiosmtpd, a test
dependency). Measures queueing and delivery separately. Needs a broker: --redis or
REDIS_URL. The data stays (the worker must see it committed): use a throwaway database.
"""

import datetime
import os
import time

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from plannen.management.commands._bench import bench_traject
from plannen.models import OverlegSoort
from plannen.services.overleg import overleg_plan
from plannen.services.uitnodiging import uitnodigingen_send
from regie.constants import BerichtStatus
from regie.models import Bericht
from regie.smtp_sink import SmtpSink


class Command(BaseCommand):
    help = "Meet hoeveel uitnodigingen per seconde één worker via SMTP aflevert."

    def add_arguments(self, parser):
        parser.add_argument("--aantal", type=int, default=500)
        parser.add_argument("--redis", default=os.environ.get("REDIS_URL", ""))

    def handle(self, *args, aantal, redis, **options):
        from celery.contrib.testing.worker import start_worker

        from regie.celery import app

        if not redis:
            raise CommandError("Geef --redis redis://... of zet REDIS_URL.")
        app.conf.update(broker_url=redis, result_backend=None, task_always_eager=False)
        user, traject = bench_traject()
        overleg = overleg_plan(
            traject=traject,
            door=user,
            soort=OverlegSoort.STARTOVERLEG,
            datum=datetime.date.today() + datetime.timedelta(days=14),
            begin=datetime.time(10),
            eind=datetime.time(11, 30),
            locatie="Stadhuis",
            voorzitter=user,
            genodigden=[
                {"naam": f"Genodigde {i}", "email": f"g{i}@bench.test", "rol": "", "moet": False}
                for i in range(aantal)
            ],
        )
        with (
            SmtpSink() as sink,
            override_settings(
                EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=sink.port,
                EMAIL_USE_TLS=False,
                EMAIL_USE_SSL=False,
                CELERY_TASK_ALWAYS_EAGER=False,
            ),
        ):
            start = time.perf_counter()
            uitnodigingen_send(overleg)  # N rows written and queued
            gequeued = time.perf_counter() - start
            with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
                begin = time.perf_counter()
                sink.wacht_op(aantal, timeout=600)
                afgeleverd = time.perf_counter() - begin
            ontvangen = len(sink.berichten)
        verzonden = Bericht.objects.filter(
            sleutel__startswith=f"overleg:{overleg.uid}:", status=BerichtStatus.SENT
        ).count()
        self.stdout.write(
            f"{aantal} uitnodigingen: klaargezet in {gequeued:.2f} s "
            f"({aantal / gequeued:.0f}/s); afgeleverd in {afgeleverd:.2f} s "
            f"({ontvangen / afgeleverd:.1f}/s); ontvangen {ontvangen}, status verzonden {verzonden}"
        )
