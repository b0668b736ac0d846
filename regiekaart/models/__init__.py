"""Models of the regiekaart (seed 002 ch. 5): the levels as data (`niveau`), the regional
card's adoption and named people (`kaart`), and per traject its level, assessments,
escalations and the managers' notifications (`opschaling`)."""

from .kaart import KaartInvulling, Vaststelling
from .niveau import Niveau
from .opschaling import Beoordeling, BeoordelingCriterium, Melding, Opschaling, TrajectNiveau

__all__ = [
    "Beoordeling",
    "BeoordelingCriterium",
    "KaartInvulling",
    "Melding",
    "Niveau",
    "Opschaling",
    "TrajectNiveau",
    "Vaststelling",
]
