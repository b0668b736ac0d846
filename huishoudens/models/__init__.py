from .folder import FolderOntvanger, FolderSoort, FolderUitgereikt, FolderWijze
from .huishouden import BetrokkenProfessional, Gezinslid, Huishouden, Netwerklid, Toestemming
from .traject import (
    BetrokkenheidAfsluiting,
    FaseOvergang,
    InformeleCasusregisseur,
    NazorgAfspraak,
    Overdracht,
    Traject,
    TrajectBetrokkene,
    VeiligheidsSignaal,
)
from .werkproces import ActieVoortgang, FaseActie, IntakeAntwoord, StartCriterium

__all__ = [
    "ActieVoortgang",
    "BetrokkenProfessional",
    "BetrokkenheidAfsluiting",
    "FaseActie",
    "FaseOvergang",
    "FolderOntvanger",
    "FolderSoort",
    "FolderUitgereikt",
    "FolderWijze",
    "Gezinslid",
    "Huishouden",
    "InformeleCasusregisseur",
    "IntakeAntwoord",
    "NazorgAfspraak",
    "Netwerklid",
    "Overdracht",
    "StartCriterium",
    "Toestemming",
    "Traject",
    "TrajectBetrokkene",
    "VeiligheidsSignaal",
]
