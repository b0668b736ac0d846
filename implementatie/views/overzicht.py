"""The region's (or gemeente's) overview and the start pages of the roles that keep a plan
(issue #14): the aandachtsfunctionaris and agendahouder see their plan and what is due, the
regiocoördinator and agendahouder the gemeenten and organisations side by side."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from implementatie import policy, selectors
from implementatie.scope import eigen_scope
from regie import access
from regie.constants import Rol


@access.require_role(Rol.REGIOCOORDINATOR, Rol.AGENDAHOUDER)
@require_GET
def overzicht(request):
    scope = eigen_scope(request.user)
    if scope is None:
        gemeenten, organisaties, cijfers = [], [], None
    else:
        gemeenten, organisaties = selectors.overzicht(scope)
        cijfers = selectors.Methodecijfers(
            gemeenten=len(gemeenten),
            gemeenten_werkend=sum(g.werkt_met_methode for g in gemeenten),
            organisaties=len(organisaties),
            organisaties_werkend=sum(o.werkt_met_methode for o in organisaties),
        )
    return render(
        request,
        "implementatie/overzicht.html",
        {"gemeenten": gemeenten, "organisaties": organisaties, "cijfers": cijfers, "scope": scope},
    )


def start_context(request) -> dict:
    """Own plans with their progress, and the items due next (overdue first)."""
    scope = policy.eigen_plan_scope(request.user)
    plannen = list(selectors.eigen_plannen(scope))
    rondes = selectors.laatste_rondes(plannen)
    rijen = []
    for plan in plannen:
        ronde = rondes[plan.pk]
        _themas, totaal = selectors.voortgang(ronde.items.all())
        rijen.append((plan, ronde, totaal))
    context = {
        "plannen": rijen,
        "binnenkort": list(selectors.binnenkort(scope)[:10]),
        "scope": scope,
    }
    if scope is not None and request.user.active_role in (Rol.REGIOCOORDINATOR, Rol.AGENDAHOUDER):
        context["cijfers"] = selectors.werkend_met_methode(scope)
    return context
