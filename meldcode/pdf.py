"""The inspection copy of a dossier as PDF (seed 002 ch. 7: the household's right of
inspection, limited by the owner's shielding). Rendered with regie.pdf (WeasyPrint),
whose URL fetcher loads only the app's own static files."""

from __future__ import annotations

from django.utils import timezone

from meldcode import inhoud, selectors, weergave
from meldcode.models import VtMelding, Weging
from regie.pdf import render_pdf


def _rows(queryset, afgeschermd):
    rows = []
    for row in queryset:
        sleutel = weergave.afscherm_sleutel(row)
        afscherming = afgeschermd.get(sleutel)
        # A shielded row never reaches the template: only its reason does.
        rows.append(
            {"afscherming": afscherming}
            if afscherming
            else {"velden": weergave.velden(row), "afscherming": None}
        )
    return rows


def inzage_context(dossier, *, door) -> dict:
    afgeschermd = {a.item: a for a in dossier.afschermingen.all()}
    stappen = []
    for seed in inhoud.data()["stappen"]:
        code = seed["code"]
        if code == "acuut":
            qs = dossier.crisisoproepen.order_by("op", "id")
        elif code == "4-5":
            qs = Weging.objects.filter(dossier=dossier).order_by("op", "id")
        else:
            qs = (
                weergave.STAP_MODELLEN[code]
                .objects.filter(dossier=dossier)
                .order_by("vastgelegd_op", "id")
            )
        stappen.append({"titel": seed["titel"], "rows": _rows(qs, afgeschermd)})
    return {
        "dossier": dossier,
        "leden": list(dossier.leden.all()),
        "stappen": stappen,
        "meldingen": _rows(
            VtMelding.objects.filter(dossier=dossier).order_by("op", "id"), afgeschermd
        ),
        "gebeurtenissen": _rows(dossier.gebeurtenissen.order_by("op", "id"), afgeschermd),
        "melding_vereist": selectors.melding_vereist(dossier),
        "organisatie": door.organisatie,
        "gemaakt_op": timezone.now(),
    }


def render_inzage_pdf(dossier, *, door, fetcher=None) -> bytes:
    return render_pdf(
        "meldcode/pdf/inzage.html", inzage_context(dossier, door=door), fetcher=fetcher
    )
