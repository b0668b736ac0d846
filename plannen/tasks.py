"""Celery tasks of the plannen app."""

import logging
import time

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction

from plannen.models import PlanPdf

logger = logging.getLogger(__name__)


@shared_task
def render_plan_pdf(pdf_id: int) -> str:
    """Render the PDF of a fixed version. Idempotent: a finished PDF is not rendered again."""
    from plannen.pdf import render_versie_pdf

    with transaction.atomic():
        pdf = (
            PlanPdf.objects.select_for_update()
            .select_related("versie__plan__traject__huishouden")
            .get(pk=pdf_id)
        )
        if pdf.status == PlanPdf.Status.KLAAR and pdf.bestand:
            return "skipped"
    start = time.perf_counter()
    try:
        data = render_versie_pdf(pdf.versie)
    except Exception as exc:  # noqa: BLE001 - any failure is shown on the page, with a retry button
        logger.exception("PDF van planversie %s mislukt", pdf.versie_id)
        PlanPdf.objects.filter(pk=pdf_id).update(status=PlanPdf.Status.MISLUKT, fout=str(exc)[:500])
        return "failed"
    pdf.bestand.save(
        f"plan-{pdf.versie.plan_id}-v{pdf.versie.nummer}.pdf", ContentFile(data), save=False
    )
    pdf.status = PlanPdf.Status.KLAAR
    pdf.fout = ""
    pdf.duur_ms = int((time.perf_counter() - start) * 1000)
    pdf.save(update_fields=["bestand", "status", "fout", "duur_ms"])
    return "rendered"


@shared_task
def sweep_pdfs(older_than_seconds: int = 120) -> int:
    """Queue again PDFs still waiting (the broker was down, or a worker died mid-render)."""
    from datetime import timedelta

    from django.utils import timezone

    from regie.dispatch import dispatch

    grens = timezone.now() - timedelta(seconds=older_than_seconds)
    pending = PlanPdf.objects.filter(
        status=PlanPdf.Status.BEZIG, gevraagd_op__lt=grens
    ).values_list("pk", flat=True)
    return sum(dispatch(render_plan_pdf, pk) for pk in pending[:200])


@shared_task
def herinneringen() -> int:
    """Daily (Celery beat): the fase 5a reminders of the coming voortgangsoverleggen."""
    from plannen.services.uitnodiging import herinneringen_send

    return herinneringen_send()
