"""Apply changed checklist files (implementatie/data/*.json) to a running installation
(issue #14).

    manage.py checklists_bijwerken [--dry-run] [--map MAP]

Migration 0002 loads the files on a fresh install; this command brings an existing database
in line with them afterwards (see implementatie/bronnen.py and implementatie/README.md):
templates by `sleutel`, themes by template and code, items by template and key. A reworded
item keeps its row; one gone from the files is switched off (plans refer to it), never
deleted. Templates a beheerder made or copied are left alone.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from implementatie import bronnen
from implementatie.models import Sjabloon, SjabloonItem, Thema


class Command(BaseCommand):
    help = (
        "Werkt de checklists bij naar implementatie/data/*.json en meldt wat er is "
        "toegevoegd, gewijzigd of uitgezet."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="toon wat er zou veranderen, maar sla niets op"
        )
        parser.add_argument(
            "--map",
            type=Path,
            default=None,
            help="een andere map met JSON-bestanden dan implementatie/data",
        )

    def handle(self, *args, dry_run: bool, map: Path | None, **options):
        paden = bronnen.bestanden(map or bronnen.DATA)
        if not paden:
            raise CommandError(f"Geen JSON-bestanden in {map or bronnen.DATA}.")
        wijzigingen = bronnen.bijwerken(
            Sjabloon=Sjabloon,
            Thema=Thema,
            SjabloonItem=SjabloonItem,
            paden=paden,
            opslaan=not dry_run,
        )
        for w in wijzigingen:
            self.stdout.write(str(w))
        if not wijzigingen:
            self.stdout.write("Geen wijzigingen: de database volgt de checklistbestanden al.")
        elif dry_run:
            self.stdout.write(
                f"Proefdraai: {len(wijzigingen)} wijziging(en) gevonden, niets opgeslagen."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{len(wijzigingen)} wijziging(en) uit de checklistbestanden opgeslagen."
                )
            )
