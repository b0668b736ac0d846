from .ondersteuningsplan import Actie, Doel, EerdereHulp, KrachtZorg, Ondersteuningsplan, PlanVersie
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
    "PlanVersie",
    "Schaalscore",
    "Veiligheidsafspraak",
    "VeiligheidsContact",
    "Veiligheidsplan",
]
