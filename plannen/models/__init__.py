from .ondersteuningsplan import (
    Actie,
    Doel,
    EerdereHulp,
    KrachtZorg,
    Ondersteuningsplan,
    PlanningOverleg,
    PlanPdf,
    PlanVersie,
)
from .veiligheidsplan import (
    Ondertekening,
    Schaalscore,
    Veiligheidsafspraak,
    VeiligheidsContact,
    Veiligheidsplan,
)

__all__ = [
    "Actie",
    "Doel",
    "EerdereHulp",
    "KrachtZorg",
    "Ondersteuningsplan",
    "Ondertekening",
    "PlanningOverleg",
    "PlanPdf",
    "PlanVersie",
    "Schaalscore",
    "Veiligheidsafspraak",
    "VeiligheidsContact",
    "Veiligheidsplan",
]
