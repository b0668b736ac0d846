"""Compute the monitoring figures now, as the nightly task does (issue #15)."""

import time

from django.core.management.base import BaseCommand

from implementatie import monitoring_stand


class Command(BaseCommand):
    help = (
        "Berekent de monitoringcijfers van elke regio, gemeente en organisatie voor het "
        "lopende jaar, zoals de nachtelijke taak."
    )

    def handle(self, *args, **options):
        begin = time.perf_counter()
        aantal = monitoring_stand.bijwerken()
        self.stdout.write(f"{aantal} standen berekend in {time.perf_counter() - begin:.1f} s")
