"""Models of implementatie: checklist templates as data (`sjabloon`) and the plans built from
them, per year, with their history (`plan`)."""

from .plan import (
    Implementatieplan,
    ItemWijziging,
    Jaarronde,
    PdcaNotitie,
    PlanItem,
    PlanQuerySet,
)
from .sjabloon import Sjabloon, SjabloonItem, Thema, thema_label

__all__ = [
    "Implementatieplan",
    "ItemWijziging",
    "Jaarronde",
    "PdcaNotitie",
    "PlanItem",
    "PlanQuerySet",
    "Sjabloon",
    "SjabloonItem",
    "Thema",
    "thema_label",
]
