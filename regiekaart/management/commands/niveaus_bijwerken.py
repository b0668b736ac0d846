"""Apply a changed regiekaart/data/niveaus.json to a running installation (issue #13).

    manage.py niveaus_bijwerken [--dry-run] [--bestand PAD]

Migration 0002 loads the five levels on a fresh install; this command brings an existing
database in line with the file afterwards (see regie/management/bijwerken.py and
regiekaart/README.md, "De niveaus bijwerken"). Levels are matched on their number; every
field in the file is compared and written when it differs, including what a beheerder
changed in the admin (run with --dry-run first to see it). A level missing from the file is
refused: the card has five levels and the rules of `regiekaart.rules` count on them.
"""

from pathlib import Path

from regie.management.bijwerken import BijwerkenCommand, Tabel
from regiekaart.models import Niveau


class Command(BijwerkenCommand):
    help = (
        "Werkt de vijf niveaus van de regiekaart bij naar regiekaart/data/niveaus.json en "
        "meldt per niveau welke velden zijn gewijzigd."
    )
    bestand = Path(__file__).resolve().parents[2] / "data" / "niveaus.json"

    def tabellen(self, data: dict) -> list[Tabel]:
        return [
            Tabel(
                naam="niveaus",
                queryset=Niveau.objects.all(),
                sleutel=("nummer",),
                rijen=data["niveaus"],
                verwijderen=False,
            )
        ]
