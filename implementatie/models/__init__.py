"""Models of implementatie: checklist templates as data (`sjabloon`), the plans built from
them, per year, with their history (`plan`), and the evaluation with the household and the
surveys (`evaluatie`), and the monitoring figures as last computed (`monitoring`)."""

from .evaluatie import (
    Antwoord,
    Enquete,
    Evaluatie,
    Groep,
    Inzending,
    Link,
    Vraag,
    VraagSoort,
    Vragenlijst,
    VragenlijstSoort,
)
from .monitoring import Monitoringstand
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
    "Antwoord",
    "Enquete",
    "Evaluatie",
    "Groep",
    "Implementatieplan",
    "Inzending",
    "ItemWijziging",
    "Jaarronde",
    "Link",
    "Monitoringstand",
    "PdcaNotitie",
    "PlanItem",
    "PlanQuerySet",
    "Sjabloon",
    "SjabloonItem",
    "Thema",
    "Vraag",
    "VraagSoort",
    "Vragenlijst",
    "VragenlijstSoort",
    "thema_label",
]
