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
from .overleg import (
    Antwoord,
    Genodigde,
    Overleg,
    OverlegSoort,
    OverlegStatus,
    UitnodigingSjabloon,
    Voorbereiding,
)
from .veiligheidsplan import (
    Ondertekening,
    Schaalscore,
    Veiligheidsafspraak,
    VeiligheidsContact,
    Veiligheidsplan,
)

__all__ = [
    "Antwoord",
    "Genodigde",
    "Overleg",
    "OverlegSoort",
    "OverlegStatus",
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
    "UitnodigingSjabloon",
    "Veiligheidsafspraak",
    "VeiligheidsContact",
    "Veiligheidsplan",
    "Voorbereiding",
]
