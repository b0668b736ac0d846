"""Choices of the plannen app (seed 002 DEEL H, Ondersteuningsplan)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KrachtZorgSoort(models.TextChoices):
    KRACHT = "kracht", _("Kracht")
    ZORG = "zorg", _("Zorg")


class DoelBereikt(models.TextChoices):
    JA = "ja", _("Ja")
    NEE = "nee", _("Nee")
    NOG_NIET = "nog_niet", _("Nog niet bereikt")


class ActieStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BEZIG = "bezig", _("Bezig")
    GEDAAN = "gedaan", _("Gedaan")
    VERVALLEN = "vervallen", _("Vervallen")
