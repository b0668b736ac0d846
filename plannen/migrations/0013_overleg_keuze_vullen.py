"""Issue #12: the meeting behind a plan version or a safety score was free text; now it is
one of the traject's meetings (`PlanVersie.vastgesteld_in`, `Schaalscore.gegeven_in`).
Existing rows get their meeting where the text points at exactly one meeting of the same
traject; otherwise the field stays empty and the typed text stays as the note it was.

A text points at a meeting by its kind ("start", "voortgang", "tussentijds"/"spoed") and its
date: a date written in it ("12 maart", "12 maart 2026", "12-3-2026", "2026-03-12"), else
the score's own date, else the day the version was fixed, else the meeting that recorded the
version as its planversie. Without a date, one meeting of that kind is enough. Cancelled
meetings are never chosen. Nothing is guessed between two candidates.
"""

import datetime
import re

from django.db import migrations

MAANDEN = {
    m: i
    for i, m in enumerate(
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        start=1,
    )
}
SOORTEN = [
    ("start", "start"),
    ("voortgang", "voortgang"),
    ("tussentijd", "tussentijds"),
    ("spoed", "tussentijds"),
]


def soort_uit_tekst(tekst: str) -> str | None:
    tekst = tekst.casefold()
    gevonden = {soort for woord, soort in SOORTEN if woord in tekst}
    return gevonden.pop() if len(gevonden) == 1 else None


def datum_uit_tekst(tekst: str, jaar: int) -> datetime.date | None:
    """A date written in the text, Dutch or ISO; a day and month without a year take `jaar`."""
    tekst = tekst.casefold()
    try:
        if m := re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", tekst):
            return datetime.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.search(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b", tekst):
            return datetime.date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.search(r"\b(\d{1,2})\s+(" + "|".join(MAANDEN) + r")\b(?:\s+(\d{4}))?", tekst):
            return datetime.date(int(m[3] or jaar), MAANDEN[m[2]], int(m[1]))
    except ValueError:
        return None
    return None


def kies(kandidaten: list, tekst: str, *, jaar: int, datum=None, planversie_id=None):
    """The one meeting the text points at, or None. `kandidaten`: the traject's meetings
    (objects with soort, datum, status, planversie_id)."""
    kandidaten = [o for o in kandidaten if o.status != "geannuleerd"]
    if soort := soort_uit_tekst(tekst):
        kandidaten = [o for o in kandidaten if o.soort == soort]
    if geschreven := datum_uit_tekst(tekst, jaar):
        kandidaten = [o for o in kandidaten if o.datum == geschreven]
    elif len(kandidaten) > 1:
        op_datum = [o for o in kandidaten if datum is not None and o.datum == datum]
        met_versie = [
            o for o in kandidaten if planversie_id is not None and o.planversie_id == planversie_id
        ]
        kandidaten = op_datum or met_versie
    elif not soort and datum is not None:
        # No kind and no date in the text: only a meeting on the row's own date will do.
        kandidaten = [o for o in kandidaten if o.datum == datum]
    return kandidaten[0] if len(kandidaten) == 1 else None


def vullen(apps, schema_editor):
    from django.utils import timezone

    Overleg = apps.get_model("plannen", "Overleg")
    PlanVersie = apps.get_model("plannen", "PlanVersie")
    Schaalscore = apps.get_model("plannen", "Schaalscore")
    per_traject: dict[int, list] = {}
    for o in Overleg.objects.all():
        per_traject.setdefault(o.traject_id, []).append(o)
    for versie in PlanVersie.objects.filter(vastgesteld_in__isnull=True).select_related("plan"):
        dag = timezone.localtime(versie.vastgesteld_op).date()
        gekozen = kies(
            per_traject.get(versie.plan.traject_id, []),
            versie.overleg,
            jaar=dag.year,
            datum=dag,
            planversie_id=versie.pk,
        )
        if gekozen is not None:
            PlanVersie.objects.filter(pk=versie.pk).update(vastgesteld_in=gekozen)
    for score in Schaalscore.objects.filter(gegeven_in__isnull=True).select_related(
        "veiligheidsplan__plan"
    ):
        gekozen = kies(
            per_traject.get(score.veiligheidsplan.plan.traject_id, []),
            score.overleg,
            jaar=score.datum.year,
            datum=score.datum,
        )
        if gekozen is not None:
            Schaalscore.objects.filter(pk=score.pk).update(gegeven_in=gekozen)


class Migration(migrations.Migration):
    dependencies = [("plannen", "0012_overleg_keuze_nakoming")]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
