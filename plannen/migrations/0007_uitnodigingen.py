"""Load the four invitation templates of seed 002 DEEL G ("Format: uitnodigingen en
agenda's": startoverleg and voortgangsoverleg, u-vorm and jij-vorm) from
plannen/data/uitnodigingen.json, where each keeps its source."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "uitnodigingen.json"


def load(apps, schema_editor):
    Sjabloon = apps.get_model("plannen", "UitnodigingSjabloon")
    for t in json.loads(DATA.read_text(encoding="utf-8"))["sjablonen"]:
        # The professional's texts came later (0011), with the field that can hold their vorm.
        if t["vorm"] in ("u", "jij"):
            Sjabloon.objects.create(organisatie=None, **t)


def unload(apps, schema_editor):
    apps.get_model("plannen", "UitnodigingSjabloon").objects.filter(
        organisatie__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("plannen", "0006_uitnodigingsjabloon")]

    operations = [migrations.RunPython(load, unload)]
