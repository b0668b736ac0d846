"""Reads of the regiekaart, by subject: one traject (`traject`, with the level's checks in
`controles`), the regional card (`kaart`) and the manager's pages (`manager`). Selectors
take ids, objects or a user and return data (dataclasses, querysets, lists); page context,
URLs and the request belong to the views.

Re-exported here: what other apps, `apps.py` and the tests use."""

from regiekaart.selectors.manager import open_escalaties
from regiekaart.selectors.traject import niveau_stand, niveaus_van, procesregie_afronden_advies

__all__ = ["niveau_stand", "niveaus_van", "open_escalaties", "procesregie_afronden_advies"]
