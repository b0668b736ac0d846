"""Who may see and do what with a meldcode dossier (decisions in meldcode/README.md).

Visibility of the dossier's existence follows the household (regie.access): everyone
involved sees that a dossier is open, since when and whose it is. Its content is for few
eyes (002 ch. 7): the owner, the traject's current procesregisseur, and people the owner
granted by name (in whatever role: the aandachtsfunctionaris huiselijk geweld who was
consulted need not be involved with the household). Only the owner records steps, grants,
shields and closes: "Degene die de stappen van de Meldcode zet, is zelf verantwoordelijk
voor het vastleggen van deze stappen."
Anyone involved in a case role may open a dossier ("op ieder moment en tijdens elke fase").
"""

from __future__ import annotations

from huishoudens.constants import TrajectRol
from regie.access import has_role
from regie.constants import CASE_ROLES


def may_open(user, traject) -> bool:
    """The traject is already visible to `user`; any involved case role may open a dossier."""
    return has_role(user, *CASE_ROLES)


def is_procesregisseur(user, traject) -> bool:
    return any(
        b.user_id == user.pk and b.rol == TrajectRol.PROCESREGISSEUR
        for b in traject.betrokkenen.actief()
    )


def has_grant(user, dossier) -> bool:
    return dossier.toegang.filter(user=user, ingetrokken_op__isnull=True).exists()


def may_read_content(user, dossier) -> bool:
    """The owner and the procesregisseur (in a case role), and anyone granted by name."""
    if has_grant(user, dossier):
        return True
    return has_role(user, *CASE_ROLES) and (
        dossier.eigenaar_id == user.pk or is_procesregisseur(user, dossier.traject)
    )


def may_record(user, dossier) -> bool:
    """Steps, events, grants, shielding and closing: the owner."""
    return has_role(user, *CASE_ROLES) and dossier.eigenaar_id == user.pk
