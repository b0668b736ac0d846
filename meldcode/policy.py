"""Who may see and do what with a meldcode dossier (decisions in meldcode/README.md).

Visibility of the dossier's existence follows the household (regie.visibility): everyone
involved sees that a dossier is open, since when and whose it is. Its content is for few
eyes (002 ch. 7): the owner, the traject's current procesregisseur, and people the owner
granted by name (in whatever role: the aandachtsfunctionaris huiselijk geweld who was
consulted need not be involved with the household). Only the owner records steps, grants,
shields and closes: "Degene die de stappen van de Meldcode zet, is zelf verantwoordelijk
voor het vastleggen van deze stappen."
Anyone involved in a case role may open a dossier ("op ieder moment en tijdens elke fase").
"""

from __future__ import annotations

from meldcode.models import Dossier
from regie.constants import CASE_ROLES
from regie.visibility import has_role


def may_open(user, traject) -> bool:
    """The traject is already visible to `user`; any involved case role may open a dossier."""
    return has_role(user, *CASE_ROLES)


def may_read_content(user, dossier) -> bool:
    """The owner, the traject's procesregisseur and anyone granted by name: the restriction
    the dossier declares on the access core (meldcode.models.DossierQuerySet)."""
    return Dossier.objects.for_user(user).filter(pk=dossier.pk).exists()


def may_record(user, dossier) -> bool:
    """Steps, events, grants, shielding and closing: the owner."""
    return has_role(user, *CASE_ROLES) and dossier.eigenaar_id == user.pk
