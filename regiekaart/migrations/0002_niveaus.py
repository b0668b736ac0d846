"""Load the five levels of the regiekaart from regiekaart/data/niveaus.json.

Source: seed 002 (Richtlijn 2021) ch. 5 "Regiekaart", "Uitwerking per niveau" (Niveau 1 to 5:
A. Uitgangssituatie, B. Regie, C. Op- en afschalen), with the level colours of "C. Op- en
afschalen" and, per level, its `bron` and the `verschillen` with the summary table.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "niveaus.json"


def load(apps, schema_editor):
    Niveau = apps.get_model("regiekaart", "Niveau")
    for niveau in json.loads(DATA.read_text(encoding="utf-8"))["niveaus"]:
        Niveau.objects.update_or_create(nummer=niveau["nummer"], defaults=niveau)


def unload(apps, schema_editor):
    apps.get_model("regiekaart", "Niveau").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("regiekaart", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
