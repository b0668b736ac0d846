"""Celery tasks of the regie app."""

from __future__ import annotations

import hashlib
import re
from email.mime.text import MIMEText
from email.utils import parseaddr

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from regie.constants import BerichtStatus
from regie.models import Bericht

MAX_POGINGEN = 5


def _message_id(sleutel: str) -> str:
    """The same Message-ID for the same key, so a receiver can drop a duplicate delivery
    (the one case the outbox cannot rule out: a crash between SMTP and the commit)."""
    domein = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "regie"
    return f"<{hashlib.sha256(sleutel.encode()).hexdigest()[:40]}@{domein}>"


def _agenda_part(ics: str) -> MIMEText:
    methode = re.search(r"^METHOD:(\w+)", ics, re.MULTILINE)
    part = MIMEText(ics, "calendar", "utf-8")
    part.set_param("method", methode.group(1) if methode else "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename="uitnodiging.ics")
    return part


@shared_task(bind=True, max_retries=MAX_POGINGEN, default_retry_delay=60)
def send_bericht(self, bericht_id: int) -> str:
    """Send one queued message. Idempotent: a message that is no longer queued is left alone."""
    with transaction.atomic():
        bericht = Bericht.objects.select_for_update().filter(pk=bericht_id).first()
        if bericht is None or bericht.status != BerichtStatus.QUEUED:
            return "skipped"
        mail = EmailMultiAlternatives(
            subject=bericht.onderwerp,
            body=bericht.tekst,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[bericht.aan],
            headers={"Message-ID": _message_id(bericht.sleutel)} if bericht.sleutel else None,
        )
        if bericht.html:
            mail.attach_alternative(bericht.html, "text/html")
        if bericht.bijlage:
            with bericht.bijlage.open("rb") as bijlage:
                mail.attach(
                    bericht.bijlage_naam or "bijlage.pdf", bijlage.read(), "application/pdf"
                )
        if bericht.agenda:
            mail.attach(_agenda_part(bericht.agenda))
        bericht.pogingen += 1
        try:
            mail.send()
        except OSError as exc:
            bericht.fout = str(exc)[:500]
            if bericht.pogingen >= MAX_POGINGEN:
                bericht.status = BerichtStatus.FAILED
            bericht.save(update_fields=["fout", "pogingen", "status"])
            if bericht.status == BerichtStatus.FAILED:
                return "failed"
            failed = exc
        else:
            bericht.status = BerichtStatus.SENT
            bericht.verzonden = timezone.now()
            bericht.fout = ""
            bericht.save(update_fields=["status", "verzonden", "fout", "pogingen"])
            return "sent"
    raise self.retry(exc=failed)


@shared_task
def sweep_outbox(older_than_seconds: int = 60) -> int:
    """Queue again what is still pending (e.g. the broker was down when it was saved)."""
    from datetime import timedelta

    from regie.dispatch import dispatch

    grens = timezone.now() - timedelta(seconds=older_than_seconds)
    pending = list(
        Bericht.objects.filter(status=BerichtStatus.QUEUED, aangemaakt__lt=grens).values_list(
            "pk", flat=True
        )[:500]
    )
    return sum(dispatch(send_bericht, pk) for pk in pending)
