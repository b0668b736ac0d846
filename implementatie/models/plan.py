"""An implementation plan per scope, kept per year (PDCA), with the history of every change.

Owners (issue #14, `implementatie.scope`): the region's plan is the regiocoördinator's (the
seeds name no owner; DOMEIN.md: beleidsregie), a gemeente's the agendahouder's (002 h. 10,
taakprofiel agendahouder), an organisation's the aandachtsfunctionaris's (002 h. 10,
taakprofiel aandachtsfunctionaris). A wider scope reads the plans inside it.

Per item the seeds' columns: Actie, Verantwoordelijke / Wie, Planning / Wanneer (001 "Acties,
Wie en wanneer"; 002 h. 10 and 003 h. 5 "Actie, Verantwoordelijke, Planning"), with a
status, notes and evidence. Theme E asks for a yearly evaluation in a PDCA cycle (001 E, 000
E "Gebruik de PDCA-cyclus voor doorontwikkeling"): a plan has one `Jaarronde` per year; a
new year copies every item's state forward, earlier years stay as they were (read-only).
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from implementatie.constants import AFGEROND, ItemStatus
from implementatie.models.sjabloon import Sjabloon, SjabloonItem, thema_label
from implementatie.scope import Niveau, Scope


class PlanQuerySet(models.QuerySet):
    def binnen(self, scope: Scope | None):
        """The plans a scope covers (the same rule as `Scope.omvat`)."""
        if scope is None:
            return self.none()
        rows = self.filter(regio_id=scope.regio_id)
        if scope.niveau == Niveau.REGIO:
            return rows
        if scope.niveau == Niveau.GEMEENTE:
            return rows.filter(gemeente_id=scope.gemeente_id)
        return rows.filter(niveau=Niveau.ORGANISATIE, organisatie_id=scope.organisatie_id)


class Implementatieplan(models.Model):
    sjabloon = models.ForeignKey(
        Sjabloon, on_delete=models.PROTECT, related_name="plannen", verbose_name=_("checklist")
    )
    titel = models.CharField(_("titel"), max_length=200)
    niveau = models.CharField(_("niveau"), max_length=20, choices=Niveau.choices)
    regio = models.ForeignKey("regie.Regio", on_delete=models.PROTECT, related_name="+")
    # Set for gemeente plans and for organisation plans (the organisation's gemeente), so a
    # gemeente's scope finds both with one filter.
    gemeente = models.ForeignKey(
        "regie.Gemeente", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    organisatie = models.ForeignKey(
        "regie.Organisatie", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("implementatieplan")
        verbose_name_plural = _("implementatieplannen")
        ordering = ["niveau", "titel"]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("implementatie:plan", args=[self.pk])

    @property
    def scope(self) -> Scope:
        if self.niveau == Niveau.REGIO:
            return Scope(Niveau.REGIO, self.regio_id)
        if self.niveau == Niveau.GEMEENTE:
            return Scope(Niveau.GEMEENTE, self.regio_id, self.gemeente_id)
        return Scope(Niveau.ORGANISATIE, self.regio_id, self.gemeente_id, self.organisatie_id)

    @property
    def eigenaar(self) -> str:
        """Whose plan this is, for headings: the region, gemeente or organisation name."""
        if self.niveau == Niveau.ORGANISATIE:
            return self.organisatie.naam
        if self.niveau == Niveau.GEMEENTE:
            return self.gemeente.naam
        return self.regio.naam


class Jaarronde(models.Model):
    plan = models.ForeignKey(Implementatieplan, on_delete=models.CASCADE, related_name="rondes")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    gestart_op = models.DateTimeField(default=timezone.now)
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("jaarronde")
        verbose_name_plural = _("jaarrondes")
        ordering = ["plan", "jaar"]
        constraints = [models.UniqueConstraint(fields=["plan", "jaar"], name="een_ronde_per_jaar")]

    def __str__(self) -> str:
        return f"{self.plan} {self.jaar}"


def _bewijs_pad(instance, filename: str) -> str:
    # A random name: the original (possibly personal or misleading) name is kept in
    # bewijs_naam for the download only, never as a path.
    suffix = PurePath(filename).suffix.lower()[:6]
    return f"implementatie/bewijs/{uuid.uuid4().hex}{suffix}"


class PlanItem(models.Model):
    ronde = models.ForeignKey(Jaarronde, on_delete=models.CASCADE, related_name="items")
    sjabloon_item = models.ForeignKey(
        SjabloonItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The template's text when the plan began: a plan under way does not change with it.
    sleutel = models.CharField(max_length=20)
    thema_code = models.CharField(max_length=10)
    thema_titel = models.CharField(max_length=200)
    thema_volgorde = models.PositiveIntegerField(default=0)
    volgorde = models.PositiveIntegerField(default=0)
    tekst = models.TextField()
    subitems = models.JSONField(default=list, blank=True)
    optioneel = models.BooleanField(default=False)
    toelichting = models.TextField(blank=True)
    bron = models.CharField(max_length=300, blank=True)
    # The columns of the seeds, and the state.
    actie = models.TextField(_("actie"), blank=True)
    verantwoordelijke = models.CharField(_("verantwoordelijke / wie"), max_length=200, blank=True)
    planning = models.DateField(_("planning / wanneer"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.NIET_GESTART
    )
    notities = models.TextField(_("notities"), blank=True)
    bewijs_url = models.URLField(_("bewijs (link)"), max_length=500, blank=True)
    bewijs_bestand = models.FileField(upload_to=_bewijs_pad, blank=True)
    bewijs_naam = models.CharField(_("bewijs (bestand)"), max_length=200, blank=True)
    bewijs_soort = models.CharField(max_length=10, blank=True)
    gewijzigd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("planitem")
        verbose_name_plural = _("planitems")
        ordering = ["ronde", "thema_volgorde", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["ronde", "sleutel"], name="planitem_sleutel_per_ronde")
        ]

    def __str__(self) -> str:
        return f"{self.sleutel} {self.tekst[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("implementatie:item", args=[self.pk])

    @property
    def thema_label(self) -> str:
        return thema_label(self.thema_code, self.thema_titel)

    def is_achterstallig(self, vandaag=None) -> bool:
        """Overdue: a planned date in the past and the item neither done nor n.v.t."""
        vandaag = vandaag or timezone.localdate()
        return bool(self.planning and self.planning < vandaag and self.status not in AFGEROND)


class ItemWijziging(models.Model):
    """One changed field of a plan item: old, new, who, when (issue #14). Never edited."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="wijzigingen")
    veld = models.CharField(max_length=40)
    oud = models.TextField(blank=True)
    nieuw = models.TextField(blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    door_naam = models.CharField(max_length=200, blank=True)
    op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        ordering = ["-op", "-id"]


class PdcaNotitie(models.Model):
    """Plan, do, check and act notes of one theme in one year (001 E, "PDCA-cyclus")."""

    ronde = models.ForeignKey(Jaarronde, on_delete=models.CASCADE, related_name="pdca")
    thema_code = models.CharField(max_length=10)
    thema_titel = models.CharField(max_length=200)
    thema_volgorde = models.PositiveIntegerField(default=0)
    plannen = models.TextField(_("Plan: wat willen we dit jaar bereiken?"), blank=True)
    uitvoeren = models.TextField(_("Do: wat hebben we gedaan?"), blank=True)
    controleren = models.TextField(_("Check: wat leverde het op?"), blank=True)
    bijsturen = models.TextField(_("Act: wat passen we aan?"), blank=True)
    gewijzigd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("PDCA-notitie")
        verbose_name_plural = _("PDCA-notities")
        ordering = ["ronde", "thema_volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["ronde", "thema_code"], name="pdca_per_thema_per_ronde")
        ]

    @property
    def thema_label(self) -> str:
        return thema_label(self.thema_code, self.thema_titel)
