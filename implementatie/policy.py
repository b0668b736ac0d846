"""Who may read and change implementation plans (issue #14).

- Read: anyone whose scope (`implementatie.scope.eigen_scope`, from the active role) covers
  the plan's scope: the regiocoördinator every plan of the region, the agendahouder the
  gemeente's plan and those of its organisations, the aandachtsfunctionaris and the manager
  their organisation's.
- Change (items, a new year, PDCA notes): the owner only, i.e. the role that holds the
  plan's level (regio: regiocoördinator, gemeente: agendahouder, organisatie:
  aandachtsfunctionaris; 002 h. 10 taakprofielen) with exactly that scope. A wider scope
  reads along; the manager reads (003 h. 2 asks directie and management to steer, not to
  keep the checklist).
- Templates: the beheerder.
"""

from __future__ import annotations

from implementatie.scope import Niveau, eigen_scope
from regie.constants import Rol

EIGENAAR = {
    Niveau.REGIO: Rol.REGIOCOORDINATOR,
    Niveau.GEMEENTE: Rol.AGENDAHOUDER,
    Niveau.ORGANISATIE: Rol.AANDACHTSFUNCTIONARIS,
}
# Roles that may open the plan pages at all (their scope decides which plans).
LEZERS = (Rol.REGIOCOORDINATOR, Rol.AGENDAHOUDER, Rol.AANDACHTSFUNCTIONARIS, Rol.MANAGER)
# Roles that keep a plan of their own.
EIGENAREN = tuple(EIGENAAR.values())


def mag_lezen(user, plan) -> bool:
    scope = eigen_scope(user)
    return scope is not None and scope.omvat(plan.scope)


def mag_bewerken(user, plan) -> bool:
    return (
        getattr(user, "active_role", None) == EIGENAAR[plan.niveau]
        and eigen_scope(user) == plan.scope
    )


def eigen_plan_scope(user):
    """The scope a user keeps a plan for, or None (a manager keeps none)."""
    if getattr(user, "active_role", None) not in EIGENAREN:
        return None
    return eigen_scope(user)
