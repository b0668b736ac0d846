"""Load the method's action lists per phase and the six start criteria as data.

Source: huishoudens/data/werkproces.json, extracted verbatim from seed 002 DEEL A
("Het werkproces", Fase 1 to 6b: "Procesregie: acties procesregisseur" and "Casusregie:
acties casusregisseur"), seed 004 ("Zes fasen", newer wording of the procesregisseur's
actions) and seed 002 ch. 4 ("Criteria om regie in te zetten", Kwetsbare huishoudens).
Each row keeps its source in `bron`.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "werkproces.json"


def load(apps, schema_editor):
    FaseActie = apps.get_model("huishoudens", "FaseActie")
    StartCriterium = apps.get_model("huishoudens", "StartCriterium")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    FaseActie.objects.bulk_create(
        FaseActie(
            fase=a["fase"],
            rol=a["rol"],
            volgorde=a["volgorde"],
            tekst=a["tekst"],
            bron=a["bron"][:200],
        )
        for a in data["acties"]
    )
    StartCriterium.objects.bulk_create(
        StartCriterium(tekst=c["tekst"], volgorde=c["volgorde"], bron=c["bron"][:200])
        for c in data["criteria_kwetsbaar_huishouden"]
    )


def unload(apps, schema_editor):
    apps.get_model("huishoudens", "FaseActie").objects.all().delete()
    apps.get_model("huishoudens", "StartCriterium").objects.filter(
        organisatie__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("huishoudens", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
