from .ondersteuningsplan import (
    Actie,
    Doel,
    EerdereHulp,
    KrachtZorg,
    Ondersteuningsplan,
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
    "PlanPdf",
    "PlanVersie",
    "Schaalscore",
    "Veiligheidsafspraak",
    "VeiligheidsContact",
    "Veiligheidsplan",
]
