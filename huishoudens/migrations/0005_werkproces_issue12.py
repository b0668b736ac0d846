"""Bring an existing installation in line with werkproces.json after issue #12.

- Fase 2 gets back the actions 004's merged wording had moved into the Toelichting: "Leg de
  werkwijze uit.", "Geef de klant de folder van 1Gezin1Plan1Regisseur mee." and the safety
  step, verbatim from seed 002 DEEL A Fase 2 (Procesregie 4, 5 and 7), in 002's order. The
  row "Ga door naar fase 3a." moves from volgorde 4 to 6 as a row, so a traject's tick stays
  with its text (the sync command matches by position and would move the tick instead).
- The seed's typos shown in the interface are corrected (each noted as `correctie` in the
  file): the changed texts are written by key.
- Phases 4, 5a and 5b are ticked per round (`Traject.ronde`): each traject's round is
  counted from its phase history, and each earlier tick gets the round it was made in.

On a fresh install 0002 already loaded the current file, so this changes nothing there.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "werkproces.json"
RONDE_FASEN = ("4", "5a", "5b")


def _ronde_start(overgang) -> bool:
    """A new round: 5b back to 4, or 6b or a closed traject back to 5b."""
    return (overgang.van, overgang.naar) in {("5b", "4"), ("6b", "5b"), ("gesloten", "5b")}


def forwards(apps, schema_editor):
    FaseActie = apps.get_model("huishoudens", "FaseActie")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    acties = data["acties"]

    # 1. Rows whose text moved to another position keep their identity (fase 2).
    for fase, rol in {(a["fase"], a["rol"]) for a in acties}:
        doel = {a["tekst"]: a["volgorde"] for a in acties if a["fase"] == fase and a["rol"] == rol}
        rows = list(FaseActie.objects.filter(fase=fase, rol=rol))
        verhuizen = [r for r in rows if r.tekst in doel and doel[r.tekst] != r.volgorde]
        if not verhuizen:
            continue
        for row in verhuizen:  # out of the way first: (fase, rol, volgorde) is unique
            row.volgorde += 1000
            row.save(update_fields=["volgorde"])
        for row in verhuizen:
            row.volgorde = doel[row.tekst]
            row.save(update_fields=["volgorde"])

    # 2. New and corrected texts by key.
    for a in acties:
        FaseActie.objects.update_or_create(
            fase=a["fase"],
            rol=a["rol"],
            volgorde=a["volgorde"],
            defaults={"tekst": a["tekst"], "bron": a["bron"][:200]},
        )

    # 3. Rounds.
    Traject = apps.get_model("huishoudens", "Traject")
    FaseOvergang = apps.get_model("huishoudens", "FaseOvergang")
    ActieVoortgang = apps.get_model("huishoudens", "ActieVoortgang")
    starts: dict[int, list] = {}
    for o in FaseOvergang.objects.order_by("op", "id"):
        if _ronde_start(o):
            starts.setdefault(o.traject_id, []).append(o.op)
    for traject_id, momenten in starts.items():
        Traject.objects.filter(pk=traject_id).update(ronde=1 + len(momenten))
        for v in ActieVoortgang.objects.filter(traject_id=traject_id, actie__fase__in=RONDE_FASEN):
            ronde = 1 + sum(1 for m in momenten if m <= v.op)
            ActieVoortgang.objects.filter(pk=v.pk).update(ronde=ronde)  # keeps `op`


class Migration(migrations.Migration):
    dependencies = [("huishoudens", "0004_begeleiding")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
