"""A fixed plan version as PDF (seed 002 DEEL H format), rendered by regie.pdf (WeasyPrint
with a fetcher that loads only the app's own static files)."""

from __future__ import annotations

from django.utils import timezone

from plannen.selectors.veiligheidsplan import handtekeningen
from regie.pdf import render_pdf


def render_versie_pdf(versie, *, fetcher=None) -> bytes:
    return render_pdf(
        "plannen/pdf/plan.html",
        {
            "versie": versie,
            "v": versie.inhoud,
            "traject": versie.plan.traject,
            "organisatie": versie.vastgesteld_door.organisatie,
            "gemaakt_op": timezone.now(),
            "handtekeningen": handtekeningen(versie),
        },
        fetcher=fetcher,
    )
