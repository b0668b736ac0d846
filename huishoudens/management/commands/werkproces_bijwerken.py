"""Apply a changed huishoudens/data/werkproces.json to a running installation (issue #13).

    manage.py werkproces_bijwerken [--dry-run] [--bestand PAD]

Migration 0002 loads the file on a fresh install; this command brings an existing database
in line with it afterwards (see regie/management/bijwerken.py and huishoudens/README.md,
"De werkprocesdata bijwerken"):
- phase actions (`FaseActie`) by fase, rol and volgorde: a reworded action keeps its row,
  and so the ticks and skips of every traject; an action gone from the file is deleted,
  unless a traject ticked or skipped it, then nothing is changed and the command says so;
- the six start criteria (`StartCriterium` without organisation) by volgorde: one gone from
  the file is switched off, never deleted (intake answers refer to it). An organisation's
  own criteria are left alone.
"""

from pathlib import Path

from huishoudens.models import FaseActie, StartCriterium
from regie.management.bijwerken import BijwerkenCommand, Tabel

BRON_MAX = 200  # FaseActie.bron and StartCriterium.bron; migration 0002 cuts it here too


class Command(BijwerkenCommand):
    help = (
        "Werkt de acties per fase en de startcriteria bij naar huishoudens/data/werkproces.json "
        "en meldt wat er is toegevoegd, gewijzigd, verwijderd of uitgezet."
    )
    bestand = Path(__file__).resolve().parents[2] / "data" / "werkproces.json"

    def tabellen(self, data: dict) -> list[Tabel]:
        return [
            Tabel(
                naam="acties",
                queryset=FaseActie.objects.all(),
                sleutel=("fase", "rol", "volgorde"),
                rijen=[
                    {
                        "fase": a["fase"],
                        "rol": a["rol"],
                        "volgorde": a["volgorde"],
                        "tekst": a["tekst"],
                        "bron": a["bron"][:BRON_MAX],
                    }
                    for a in data["acties"]
                ],
            ),
            Tabel(
                naam="startcriteria",
                queryset=StartCriterium.objects.filter(organisatie__isnull=True),
                sleutel=("volgorde",),
                rijen=[
                    {
                        "volgorde": c["volgorde"],
                        "tekst": c["tekst"],
                        "bron": c["bron"][:BRON_MAX],
                        "actief": True,
                    }
                    for c in data["criteria_kwetsbaar_huishouden"]
                ],
                vast={"organisatie": None},
                uitzetten={"actief": False},
            ),
        ]
