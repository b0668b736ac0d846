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


# The text fields of the Veiligheidsplan, in the order of the format (seed 002 DEEL H): the
# form, the optimistic-locking save and the snapshot of a version use the same list.
VP_TEXT = [
    "doel_opheffen",
    "doel_oorzaak",
    "doel_herstel",
    "veiligheidsvoorwaarden",
    "zorgen_onveiligheid",
    "grootste_zorg",
    "complicerende_factoren",
    "bestaande_veiligheid",
    "datum_vervolgevaluatie",
]
