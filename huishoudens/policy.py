"""Who may change what in a traject (visibility itself is `regie.visibility.filter_households`).

* The procesregisseur runs the process: phase changes, intake, assigning regisseurs.
  Before one is assigned, every involved professional in a case role may do so (anyone
  who processes an aanmelding can start 1G1P1R, 002 fase 1 Toelichting).
* A casusregisseur ticks the casusregisseur actions and reports safety signals.
* Only the named successor accepts or declines a handover (fase 6a).
"""

from huishoudens.constants import TrajectRol
from regie.constants import CASE_ROLES
from regie.visibility import has_role


def _active_roles(user, traject) -> set[str]:
    return {b.rol for b in traject.actieve_betrokkenen if b.user_id == user.pk}


def has_procesregisseur(traject) -> bool:
    return any(b.rol == TrajectRol.PROCESREGISSEUR for b in traject.actieve_betrokkenen)


def may_run_process(user, traject) -> bool:
    """Move phases, record the intake, assign regisseurs (the object is already visible)."""
    if not has_role(user, *CASE_ROLES):
        return False
    return TrajectRol.PROCESREGISSEUR in _active_roles(user, traject) or not has_procesregisseur(
        traject
    )


def may_mark_action(user, traject, rol: str) -> bool:
    if rol == TrajectRol.PROCESREGISSEUR:
        return may_run_process(user, traject)
    return may_run_process(user, traject) or TrajectRol.CASUSREGISSEUR in _active_roles(
        user, traject
    )


def may_edit_household(user) -> bool:
    """Everyone involved in a case role maintains members, network and professionals."""
    return has_role(user, *CASE_ROLES)


def handover_roles(user, traject) -> list[str]:
    return sorted(_active_roles(user, traject))
