"""Fetching a plan or item for the request's user, or 404/403 with a denied audit row."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from implementatie import policy
from implementatie.models import Implementatieplan, PlanItem
from regie import access, audit

lezers = access.require_role(*policy.LEZERS)


def get_plan(request, pk, *, bewerken: bool = False) -> Implementatieplan:
    """The plan if the user's scope covers it (404 otherwise, as if it did not exist);
    with `bewerken`, only its owner (403 for those who may read it)."""
    plan = (
        Implementatieplan.objects.select_related("sjabloon", "regio", "gemeente", "organisatie")
        .filter(pk=pk)
        .first()
    )
    if plan is None or not policy.mag_lezen(request.user, plan):
        audit.log_denied(
            request,
            object_type=Implementatieplan._meta.label,
            object_id=str(pk)[:60],
            detail="buiten uw bereik",
        )
        raise Http404
    if bewerken and not policy.mag_bewerken(request.user, plan):
        audit.log_denied(request, obj=plan, detail="alleen de eigenaar wijzigt het plan")
        raise PermissionDenied
    return plan


def get_item(request, pk, *, bewerken: bool = False) -> PlanItem:
    item = PlanItem.objects.select_related("ronde").filter(pk=pk).first()
    if item is None:
        audit.log_denied(
            request, object_type=PlanItem._meta.label, object_id=str(pk)[:60], detail="bestaat niet"
        )
        raise Http404
    item.ronde.plan = get_plan(request, item.ronde.plan_id, bewerken=bewerken)
    return item
