"""Apply a changed plannen/data/uitnodigingen.json to a running installation (issue #13).

    manage.py uitnodigingen_bijwerken [--dry-run] [--bestand PAD]

Migration 0007 loads the four invitation texts of the Richtlijn (seed 002 DEEL G) on a fresh
install; this command brings an existing database in line with the file afterwards (see
regie/management/bijwerken.py and plannen/README.md, "Data bijwerken"). Texts are matched
on soort and vorm; only the Richtlijn's texts (without organisation) are touched, never an
organisation's own version. A text missing from the file is refused: invitations fall back
on it. plannen/data/ondersteuningsplan.json needs no command: it is read at run time.
"""

from pathlib import Path

from plannen.models import UitnodigingSjabloon
from regie.management.bijwerken import BijwerkenCommand, Tabel


class Command(BijwerkenCommand):
    help = (
        "Werkt de uitnodigingsteksten van de Richtlijn bij naar plannen/data/uitnodigingen.json "
        "en meldt per tekst welke velden zijn gewijzigd."
    )
    bestand = Path(__file__).resolve().parents[2] / "data" / "uitnodigingen.json"

    def tabellen(self, data: dict) -> list[Tabel]:
        return [
            Tabel(
                naam="sjablonen",
                queryset=UitnodigingSjabloon.objects.filter(organisatie__isnull=True),
                sleutel=("soort", "vorm"),
                rijen=data["sjablonen"],
                vast={"organisatie": None},
                verwijderen=False,
            )
        ]
