"""Queueing e-mail through the outbox (see regie.models.outbox and regie.tasks)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from regie.dispatch import dispatch_on_commit
from regie.models import Bericht


def absolute_url(name: str, *args, **kwargs) -> str:
    """A link for an e-mail: the URL of `name` on REGIE_BASE_URL."""
    return settings.REGIE_BASE_URL.rstrip("/") + reverse(name, args=args, kwargs=kwargs)


def bericht_queue(
    *,
    aan: str,
    template: str,
    context: dict,
    bijlage: str = "",
    bijlage_naam: str = "",
    agenda: str = "",
    sleutel: str | None = None,
) -> Bericht:
    """Render `templates/emails/<template>/` and send it after the transaction commits.

    With a `sleutel` (idempotency key) a second call for the same key returns the message
    already queued or sent instead of writing another one.
    """
    if sleutel and (bestaand := Bericht.objects.filter(sleutel=sleutel).first()):
        return bestaand
    return bericht_queue_rendered(
        aan=aan,
        onderwerp=render_to_string(f"emails/{template}/subject.txt", context),
        tekst=render_to_string(f"emails/{template}/body.txt", context),
        html=render_to_string(f"emails/{template}/body.html", context),
        bijlage=bijlage,
        bijlage_naam=bijlage_naam,
        agenda=agenda,
        sleutel=sleutel,
    )


def bericht_queue_rendered(*, aan: str, onderwerp: str, tekst: str, html: str = "", **extra):
    """Queue a message whose texts are already rendered (e.g. allauth's account mails)."""
    from regie.tasks import send_bericht

    bericht = Bericht.objects.create(
        aan=aan, onderwerp=" ".join(onderwerp.split()), tekst=tekst, html=html, **extra
    )
    dispatch_on_commit(send_bericht, bericht.pk)
    return bericht


def bericht_opnieuw(bericht: Bericht) -> bool:
    """Queue a message that failed after all its attempts once more (same row, same key and
    Message-ID). Returns False when it had not failed."""
    from regie.constants import BerichtStatus
    from regie.tasks import send_bericht

    updated = Bericht.objects.filter(pk=bericht.pk, status=BerichtStatus.FAILED).update(
        status=BerichtStatus.QUEUED, pogingen=0, fout=""
    )
    if updated:
        dispatch_on_commit(send_bericht, bericht.pk)
    return bool(updated)
