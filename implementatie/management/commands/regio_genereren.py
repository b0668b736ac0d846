"""Generate a region to measure against (issue #15): `manage.py regio_genereren --huishoudens
50000 --seed 1`. A developer tool, never run on a real installation: it refuses to run
unless REGIE_MEETOMGEVING is set."""

import datetime
import os
import time

from django.core.management.base import BaseCommand, CommandError

from implementatie.regio_generator import WACHTWOORD, genereer


class Command(BaseCommand):
    help = "Genereert een meetregio van N huishoudens (ontwikkelaarsgereedschap, issue #15)."

    def add_arguments(self, parser):
        parser.add_argument("--huishoudens", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--peildatum",
            type=datetime.date.fromisoformat,
            default=None,
            help="De datum waarvandaan teruggerekend wordt (JJJJ-MM-DD; standaard vandaag).",
        )

    def handle(self, *args, huishoudens, seed, peildatum, **options):
        if not os.environ.get("REGIE_MEETOMGEVING"):
            raise CommandError(
                "Dit commando vult de database met nepgegevens. Zet REGIE_MEETOMGEVING=1 "
                "alleen in een meet- of testomgeving."
            )
        if huishoudens < 10:
            raise CommandError("Genereer minstens 10 huishoudens.")
        start = time.monotonic()
        counts = genereer(
            huishoudens=huishoudens, seed=seed, peildatum=peildatum, out=self.stdout.write
        )
        if counts is None:
            self.stdout.write("Deze meetregio bestaat al; niets gedaan.")
            return
        for name, value in counts.items():
            self.stdout.write(f"{name}: {value}")
        self.stdout.write(
            f"Klaar in {time.monotonic() - start:.0f} s. Wachtwoord van elk account: {WACHTWOORD}"
        )
