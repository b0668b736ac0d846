"""Checklist templates (sjablonen) as data, each with its source.

A template is one checklist from the seeds: the 2025 implementation plan (001, themes A-E
with actions at regionaal, gemeentelijk and organisatieniveau, the default), its earlier
wording "Deel D" (000), the Richtlijn's plans for gemeenten and organisaties, the two task
profiles and the inkoopvoorwaarden (002 h. 10-11) and the 2017 checklists (003). They live in
`implementatie/data/*.json`, loaded by migration 0002 and kept in line by
`manage.py checklists_bijwerken`; those rows have `uit_bestand` and the file wins.

A beheerder adapts a template without code by copying it (`kopie_van`): the copy is theirs to
edit and the file never touches it. Plans copy the texts of the items they start from, so
a template may change without changing a plan that is under way.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from implementatie.scope import Niveau


class Sjabloon(models.Model):
    sleutel = models.SlugField(_("sleutel"), max_length=80, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    toelichting = models.TextField(_("toelichting bij de bron"), blank=True)
    standaard = models.BooleanField(_("standaard voor nieuwe plannen"), default=False)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=100)
    actief = models.BooleanField(_("beschikbaar voor nieuwe plannen"), default=True)
    # Rows owned by a data file: the file wins, the beheerder copies them to adapt them.
    uit_bestand = models.BooleanField(default=False, editable=False)
    kopie_van = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="kopieen"
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("implementatie:sjabloon", args=[self.pk])


class Thema(models.Model):
    sjabloon = models.ForeignKey(Sjabloon, on_delete=models.CASCADE, related_name="themas")
    code = models.CharField(_("code"), max_length=10)
    titel = models.CharField(_("titel"), max_length=200)
    inleiding = models.TextField(_("inleiding"), blank=True)
    resultaat = models.TextField(_("resultaat"), blank=True)
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["sjabloon", "volgorde", "code"]
        constraints = [
            models.UniqueConstraint(fields=["sjabloon", "code"], name="thema_code_per_sjabloon")
        ]

    def __str__(self) -> str:
        return thema_label(self.code, self.titel)


def thema_label(code: str, titel: str) -> str:
    """'A. Commitment' for a lettered theme (the seeds' own style), the title otherwise."""
    return f"{code}. {titel}" if len(code) == 1 and code.isalpha() else titel


class SjabloonItem(models.Model):
    sjabloon = models.ForeignKey(Sjabloon, on_delete=models.CASCADE, related_name="items")
    thema = models.ForeignKey(Thema, on_delete=models.CASCADE, related_name="items")
    sleutel = models.CharField(_("sleutel"), max_length=20)
    niveau = models.CharField(_("niveau"), max_length=20, choices=Niveau.choices)
    tekst = models.TextField(_("tekst"))
    subitems = models.JSONField(_("onderdelen"), default=list, blank=True)
    optioneel = models.BooleanField(_("optioneel"), default=False)
    toelichting = models.TextField(_("toelichting"), blank=True)
    bron = models.CharField(_("bron"), max_length=300, blank=True)
    # Each fix of the source's text (OCR, spelling), shown beside the source (issue #14).
    correctie = models.TextField(_("correctie"), blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("checklistitem")
        verbose_name_plural = _("checklistitems")
        ordering = ["thema__volgorde", "volgorde"]
        constraints = [
            models.UniqueConstraint(
                fields=["sjabloon", "sleutel"], name="sjabloonitem_sleutel_per_sjabloon"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sleutel} {self.tekst[:60]}"
