"""Who may do what with the regiekaart (visibility of case data itself is
`regie.visibility.filter_households`).

* Opschalen/afschalen and "naar manager": the traject's active procesregisseur and every
  active casusregisseur, also where a procesregisseur exists (issue #12). 002 ch. 3 says of
  both the casusregisseur and the procesregisseur "Schaalt op- en af zoals beschreven in
  de regiekaart", and 002 Fase 4 gives the casusregisseur "Schaal indien nodig op en als
  het kan af". Two regisseurs deciding at once cannot overwrite each other: a decision
  names the level it saw (`services.NiveauConflict`). Everyone else involved with the
  household reads the level, the assessment and history.
* The level-4 handover of procesregie to the Zorg- en Veiligheidshuis hands over a role, so
  only its holder, the active procesregisseur, proposes it (fase 6a;
  `huishoudens.services.overdracht_propose` refuses anyone else).
* A manager's scope: the escalations decided by a regisseur of the manager's own
  organisation, or by a regisseur whose `manager` is this user, and, for a manager of a
  municipality (an organisation of kind "Gemeente"), those of households in that
  municipality. The organisation, manager and municipality are stored on the escalation
  when it is decided, so the scope does not shift when someone changes jobs later.
  The same rule picks whom to notify (`managers_for`), so a manager is told exactly about
  what their page shows.
* Managers see what they need to act (level, age, criteria codes, the question, the
  regisseur, a traject reference), not the case: the household's name and the criteria's
  notes only where the manager is involved with the household themselves.
* A manager in scope, or whoever may escalate the traject, records how an escalation was
  resolved.
"""

from django.db.models import Q

from huishoudens.constants import TrajectRol
from regie.constants import CASE_ROLES, OrganisatieSoort, Rol
from regie.visibility import has_role


def _rollen(user, traject, actief) -> set[str]:
    if not user.is_authenticated:
        return set()
    actief = traject.actieve_betrokkenen if actief is None else actief
    return {b.rol for b in actief if b.user_id == user.pk}


def may_escalate(user, traject, actief=None) -> bool:
    """An active procesregisseur or casusregisseur of the traject (002 ch. 3, Fase 4).
    `actief`: the traject's active `TrajectBetrokkene` rows, when the caller has them."""
    return bool(
        _rollen(user, traject, actief) & {TrajectRol.PROCESREGISSEUR, TrajectRol.CASUSREGISSEUR}
    )


def may_hand_over_procesregie(user, traject, actief=None) -> bool:
    """The active procesregisseur, while acting in a case role (the ZVH handover)."""
    return has_role(user, *CASE_ROLES) and TrajectRol.PROCESREGISSEUR in _rollen(
        user, traject, actief
    )


def may_escalate_now(user, traject, actief=None) -> bool:
    """`may_escalate` while acting in a case role (what the views check)."""
    return has_role(user, *CASE_ROLES) and may_escalate(user, traject, actief)


def manager_scope(user) -> Q:
    """The escalations (`Opschaling` rows) a manager sees; nothing for anyone else."""
    if not has_role(user, Rol.MANAGER):
        return Q(pk__in=[])
    scope = Q(manager_id=user.pk)
    organisatie = user.organisatie
    if organisatie is not None:
        scope |= Q(organisatie_id=organisatie.pk)
        if organisatie.soort == OrganisatieSoort.GEMEENTE:
            scope |= Q(gemeente_id=organisatie.gemeente_id)
    return scope


def manager_trajecten_scope(user) -> Q:
    """The trajecten a manager's level distribution counts (`Traject` rows): those with an
    active regisseur of the manager's organisation or whose `manager` is this user, and for
    a municipality's manager those of households in the municipality. Counts only."""
    from huishoudens.models import TrajectBetrokkene
    from regie.models import User

    if not has_role(user, Rol.MANAGER):
        return Q(pk__in=[])
    organisatie = user.organisatie
    mensen = Q(manager_id=user.pk)
    if organisatie is not None:
        mensen |= Q(organisatie_id=organisatie.pk)
    # The manager's people first (a few hundred accounts), then their assignments through the
    # index on user_id: joining every active assignment of the region to its user and
    # filtering afterwards scanned them all (issue #15).
    regisseurs = User.objects.filter(mensen).values("pk")
    scope = Q(
        pk__in=TrajectBetrokkene.objects.actief()
        .filter(user_id__in=regisseurs)
        .values("traject_id")
    )
    if organisatie is not None and organisatie.soort == OrganisatieSoort.GEMEENTE:
        scope |= Q(huishouden__gemeente_id=organisatie.gemeente_id)
    return scope


def managers_for(opschaling):
    """The active managers whose scope holds `opschaling` (the mirror of `manager_scope`)."""
    from regie.models import User

    condition = Q(organisatie_id=opschaling.organisatie_id) if opschaling.organisatie_id else Q()
    if opschaling.manager_id:
        condition |= Q(pk=opschaling.manager_id)
    if opschaling.gemeente_id:
        condition |= Q(
            organisatie__soort=OrganisatieSoort.GEMEENTE,
            organisatie__gemeente_id=opschaling.gemeente_id,
        )
    if not condition:
        return User.objects.none()
    return (
        User.objects.with_role(Rol.MANAGER)
        .filter(condition, is_active=True)
        .select_related("organisatie")
        .distinct()
        .order_by("pk")
    )


def may_resolve(user, opschaling) -> bool:
    """`opschaling` is already one the user may see (`Opschaling.objects.for_user`)."""
    if has_role(user, Rol.MANAGER):
        return True
    return may_escalate_now(user, opschaling.traject)
