"""Outgoing e-mail, stored before it is sent.

A message is a row first and is sent by the Celery task `regie.tasks.send_bericht`,
dispatched after commit. The task sends a row only while it is queued, so running it
twice sends once. Later issues (invitations, plan PDFs) send through the same outbox.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from regie.constants import BerichtStatus


class Bericht(models.Model):
    aangemaakt = models.DateTimeField(auto_now_add=True)
    verzonden = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=BerichtStatus.choices, default=BerichtStatus.QUEUED
    )
    aan = models.EmailField(_("aan"))
    onderwerp = models.CharField(_("onderwerp"), max_length=250)
    tekst = models.TextField()
    html = models.TextField(blank=True)
    # An attachment is a file already in storage (e.g. a plan PDF), referred to, not copied.
    bijlage = models.FileField(upload_to="outbox/", blank=True)
    bijlage_naam = models.CharField(max_length=200, blank=True)
    # An iCalendar text (a meeting invitation, update or cancellation) sent as text/calendar.
    agenda = models.TextField(blank=True)
    # Idempotency key: one message per key, however often the cause is handled.
    sleutel = models.CharField(max_length=200, unique=True, null=True, blank=True)
    fout = models.CharField(max_length=500, blank=True)
    pogingen = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-aangemaakt"]
        indexes = [models.Index(fields=["status", "aangemaakt"])]

    def __str__(self) -> str:
        return f"{self.onderwerp} -> {self.aan}"
