"""An implementation plan's year as PDF for a management meeting (issue #14), rendered by
regie.pdf (WeasyPrint with a fetcher that loads only the app's own static files): per
theme the progress and the items with the seeds' columns (actie, wie, wanneer) and status,
overdue items marked, and the PDCA notes."""

from __future__ import annotations

from django.utils import timezone

from implementatie import selectors
from regie.pdf import render_pdf


def plan_pdf_context(plan, ronde, *, door) -> dict:
    items = list(ronde.items.all())
    themas, totaal = selectors.voortgang(items)
    vandaag = timezone.localdate()
    for item in items:
        item.achterstallig = item.is_achterstallig(vandaag)
    pdca = {n.thema_code: n for n in ronde.pdca.all()}
    return {
        "plan": plan,
        "ronde": ronde,
        "totaal": totaal,
        "groepen": [
            (t, [i for i in items if i.thema_code == t.code], pdca.get(t.code)) for t in themas
        ],
        "door": door,
        "gemaakt_op": timezone.now(),
    }


def render_plan_pdf(plan, ronde, *, door, fetcher=None) -> bytes:
    return render_pdf(
        "implementatie/pdf/plan.html", plan_pdf_context(plan, ronde, door=door), fetcher=fetcher
    )
