"""What the plan views share: the case-role check, the traject's plan, and the flow of
adding an entry to the Ondersteuningsplan or the Veiligheidsplan."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect

from huishoudens.selectors import get_traject_for_user
from plannen.selectors.plan import plan_of_traject, plan_with_everything
from plannen.services.plan import plan_ensure
from regie import access, audit
from regie.constants import CASE_ROLES, AuditActie

case_roles_only = access.require_role(*CASE_ROLES)


def plan_for(request, pk):
    """The traject `pk` (404 unless the user is involved) and its plan with everything,
    created when nobody started it yet: for the views that write (POST) only."""
    traject = get_traject_for_user(request, pk)
    return traject, plan_with_everything(plan_ensure(traject=traject).pk)


def plan_read(request, pk):
    """The traject `pk` and its plan with everything, or None when nobody started the plan
    yet: reading creates nothing (issue #13, a GET created the plan)."""
    traject = get_traject_for_user(request, pk)
    return traject, plan_of_traject(traject)


def plan_or_404(request, pk):
    """The traject `pk` and its plan, for the pages of its fixed versions: 404 without a plan."""
    traject, plan = plan_read(request, pk)
    if plan is None:
        raise Http404
    return traject, plan


def save_entry(request, form, add, obj, *, anchor: str, terug: str, bericht: str):
    """Shared flow for adding an entry to a plan: validate, add with its audit row in one
    transaction, report, and go back to the section (`terug#anchor`)."""
    if form.is_valid():
        with transaction.atomic():
            add(form.cleaned_data)
            audit.log(request, action=AuditActie.UPDATE, obj=obj, detail=anchor)
        messages.success(request, bericht)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(f"{terug}#{anchor}")
