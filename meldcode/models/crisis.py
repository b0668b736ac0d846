"""Acuut gevaar (002 ch. 2, "Stappen bij levensbedreigende situaties"): the region's crisis
contacts, kept by the beheerder, and the record of a call made. And the risk-instrument
training that decides whether an instrument is offered in stap 1."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from huishoudens.models import Traject
from meldcode.constants import Instrument
from regie.models import Regio


class CrisisContact(models.Model):
    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="crisiscontacten")
    naam = models.CharField(_("naam"), max_length=150)
    telefoon = models.CharField(_("telefoon"), max_length=30)
    toelichting = models.CharField(_("wanneer bellen"), max_length=300, blank=True)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("crisiscontact")
        verbose_name_plural = _("crisiscontacten")
        ordering = ["regio", "volgorde", "naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.telefoon})"


class CrisisOproep(models.Model):
    """A call made in acute danger, recorded on the traject (and its dossier, if any)."""

    traject = models.ForeignKey(Traject, on_delete=models.PROTECT, related_name="crisisoproepen")
    dossier = models.ForeignKey(
        "meldcode.Dossier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="crisisoproepen",
    )
    contact = models.CharField(_("wie is gebeld"), max_length=150)
    telefoon = models.CharField(_("nummer"), max_length=30)
    op = models.DateTimeField(_("tijdstip"))
    toelichting = models.TextField(_("wat is er gebeurd en afgesproken"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("crisisoproep")
        verbose_name_plural = _("crisisoproepen")
        ordering = ["-op"]

    @property
    def audit_household_id(self) -> int:
        return self.traject.huishouden_id


class InstrumentScholing(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="instrument_scholingen"
    )
    instrument = models.CharField(_("instrument"), max_length=8, choices=Instrument.choices)
    geschoold_op = models.DateField(_("geschoold op"))

    class Meta:
        verbose_name = _("scholing risicotaxatie")
        verbose_name_plural = _("scholingen risicotaxatie")
        constraints = [
            models.UniqueConstraint(fields=["user", "instrument"], name="scholing_once_per_user")
        ]
