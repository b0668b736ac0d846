"""Benchmark: render time of a large plan as PDF (docs/BENCHMARKS.md).

Builds, inside a transaction that is rolled back, a plan with 20 goals x 5 actions and a
Veiligheidsplan with 6 people x 5 schaalvraag scores, fixes it and renders the PDF a few
times with the production renderer (plannen.pdf). Prints each run and the median.
"""

import datetime
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from plannen.management.commands._bench import bench_traject
from plannen.pdf import render_versie_pdf
from plannen.services import plan as plan_services
from plannen.services import veiligheidsplan as vp_services


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Meet hoe lang het maken van de PDF van een groot plan duurt."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, runs, **options):
        try:
            with transaction.atomic():
                versie = self._build()
                render_versie_pdf(versie)  # warm-up: fonts and templates loaded once
                times, size = [], 0
                for _ in range(runs):
                    start = time.perf_counter()
                    size = len(render_versie_pdf(versie))
                    times.append(time.perf_counter() - start)
                    self.stdout.write(f"run: {times[-1]:.3f} s")
                self.stdout.write(
                    f"median {statistics.median(times):.3f} s over {runs} runs; "
                    f"{len(versie.inhoud['doelen'])} doelen, PDF {size // 1024} KiB"
                )
                raise Rollback
        except Rollback:
            pass

    def _build(self):
        user, traject = bench_traject()
        plan = plan_services.plan_ensure(traject=traject)
        tekst = "Een realistische alinea tekst over de situatie van het huishouden. " * 6
        plan_services.plan_sections_save(
            plan=plan,
            revisie=0,
            door=user,
            aanleiding=tekst,
            integrale_analyse=tekst,
            gewenst_resultaat=tekst,
            samenvatting=tekst,
        )
        for d in range(20):
            doel = plan_services.doel_add(plan=plan, tekst=f"Doel {d + 1}: " + tekst[:150])
            for a in range(5):
                plan_services.actie_add(
                    doel=doel,
                    door=user,
                    wat=f"Actie {a + 1} bij doel {d + 1}: " + tekst[:120],
                    wie="Anna Bench",
                    wanneer=datetime.date(2026, 12, 1),
                )
        vp = vp_services.veiligheidsplan_start(plan=plan, namen="Anna Bench")
        for o in range(5):
            for p in range(6):
                vp_services.score_add(
                    vp=vp,
                    overleg=f"Overleg {o + 1}",
                    datum=datetime.date(2026, 1 + o, 1),
                    naam=f"Persoon {p + 1}",
                    score=(o + p) % 11,
                    toelichting="toelichting",
                )
        return plan_services.plan_fix(plan=plan, door=user, overleg="Benchmark")
