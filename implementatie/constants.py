"""Choices of implementatie.

The seeds define no status for a checklist item: 003 h. 1 calls the checklist "een stand van
zaken" and 002 DEEL I asks "hoever bent u gevorderd". Four values are the plain reading
(issue #14): not started, in progress, done, and not applicable (an optional item of 002
h. 10 a gemeente does not take up, or an item that does not fit the organisation).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemStatus(models.TextChoices):
    NIET_GESTART = "niet_gestart", _("Niet gestart")
    BEZIG = "bezig", _("Bezig")
    GEREED = "gereed", _("Gereed")
    NVT = "nvt", _("N.v.t.")


# Statuses after which an item is no longer due (never overdue, done for progress).
AFGEROND = frozenset({ItemStatus.GEREED, ItemStatus.NVT})

# The fields of a plan item whose changes are kept as history rows (ItemWijziging).
GEVOLGDE_VELDEN = (
    "actie",
    "verantwoordelijke",
    "planning",
    "status",
    "notities",
    "bewijs_url",
    "bewijs_naam",
)
