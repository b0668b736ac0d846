"""Models of the meldcode: a dossier per safety concern on a traject, the steps recorded in
it, and the region's crisis contacts. See meldcode/README.md."""

from .crisis import CrisisContact, CrisisOproep, InstrumentScholing
from .dossier import Afscherming, Dossier, DossierToegang, Gebeurtenis
from .stappen import Consultatie, Gesprek, InKaart, Signalen, VtMelding, Weging

__all__ = [
    "Afscherming",
    "Consultatie",
    "CrisisContact",
    "CrisisOproep",
    "Dossier",
    "DossierToegang",
    "Gebeurtenis",
    "Gesprek",
    "InKaart",
    "InstrumentScholing",
    "Signalen",
    "VtMelding",
    "Weging",
]
