from .folder import FolderOntvanger, FolderSoort, FolderUitgereikt, FolderWijze
from .huishouden import BetrokkenProfessional, Gezinslid, Huishouden, Netwerklid, Toestemming
from .traject import FaseOvergang, Overdracht, Traject, TrajectBetrokkene, VeiligheidsSignaal
from .werkproces import ActieVoortgang, FaseActie, IntakeAntwoord, StartCriterium

__all__ = [
    "ActieVoortgang",
    "BetrokkenProfessional",
    "FaseActie",
    "FaseOvergang",
    "FolderOntvanger",
    "FolderSoort",
    "FolderUitgereikt",
    "FolderWijze",
    "Gezinslid",
    "Huishouden",
    "IntakeAntwoord",
    "Netwerklid",
    "Overdracht",
    "StartCriterium",
    "Toestemming",
    "Traject",
    "TrajectBetrokkene",
    "VeiligheidsSignaal",
]
