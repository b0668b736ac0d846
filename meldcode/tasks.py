"""Celery tasks of the meldcode."""

from __future__ import annotations

import datetime

from celery import shared_task
from django.utils import timezone


@shared_task
def herinneringen(today: datetime.date | str | None = None) -> int:
    """Daily (Celery beat): "Als zorgen blijven" (002 ch. 2), the owner weighs again when
    due and asks Veilig Thuis for feedback that has not come. `today` (a date or an ISO
    string) is for a catch-up run after an outage; the default is the local date.
    Idempotent: a second run on the same day sends nothing (services.herinneringen_send)."""
    from meldcode.services import herinneringen_send

    if isinstance(today, str):
        today = datetime.date.fromisoformat(today)
    return herinneringen_send(today=today or timezone.localdate())
