"""The manager's pages: open escalations and requests of their organisation or
municipality, the distribution of trajecten over the levels, escalations and resolutions
per month, and the notifications (seed 002 ch. 5 "Opschalen naar manager"; ch. 10
monitoring). What the manager may see is `regiekaart.policy.manager_scope`."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from regie import access, audit
from regie.constants import AuditActie, Rol
from regie.views.common import paginate
from regiekaart import rules, services
from regiekaart.constants import Criterium
from regiekaart.forms import AfhandelenForm
from regiekaart.models import Opschaling
from regiekaart.selectors.kaart import namen, niveaus_per_nummer
from regiekaart.selectors.manager import (
    meldingen,
    open_escalaties,
    per_maand,
    toelichtingen,
    verdeling,
    voor_manager,
)

manager_only = access.require_role(Rol.MANAGER)
PAGINA = 50


def start_context(request) -> dict:
    """The manager's start page: notifications and the oldest open escalations."""
    laatste, ongelezen = meldingen(request.user)
    open_qs = open_escalaties(request.user)
    oudste = list(open_qs[:5])
    aantal = open_qs.count()
    audit.log(
        request,
        action=AuditActie.READ,
        object_type=Opschaling._meta.label,
        detail=f"start manager: {aantal} open, {ongelezen} ongelezen meldingen",
    )
    return {
        "meldingen": laatste,
        "ongelezen": ongelezen,
        "oudste": oudste,
        "aantal_open": aantal,
        "niveaus": niveaus_per_nummer(),
    }


@manager_only
@require_GET
def escalaties(request):
    page = paginate(request, open_escalaties(request.user), PAGINA)
    audit.log(
        request,
        action=AuditActie.READ,
        object_type=Opschaling._meta.label,
        detail=f"escalaties manager: pagina {page.number}, {page.paginator.count} open",
    )
    return render(
        request,
        "regiekaart/escalaties.html",
        {
            "page": page,
            "verdeling": verdeling(request.user),
            "per_maand": per_maand(request.user),
            "niveaus": niveaus_per_nummer(),
        },
    )


@manager_only
@require_GET
def escalatie(request, pk):
    opschaling = access.get_for_user_or_404(request, voor_manager(request.user), pk)
    audit.log(request, action=AuditActie.READ, obj=opschaling, detail="escalatie manager")
    services.meldingen_mark_read(user=request.user, opschaling=opschaling)
    return render(
        request,
        "regiekaart/escalatie.html",
        {
            "o": opschaling,
            "niveaus": niveaus_per_nummer(),
            "criteria_labels": dict(Criterium.choices),
            "toelichtingen": toelichtingen(opschaling),
            "regels": [
                rules.regel_tekst(code, opschaling.van_niveau) for code in opschaling.regels
            ],
            "namen": namen(
                opschaling.naar_niveau,
                gemeente_id=opschaling.gemeente_id,
                organisatie_ids=[opschaling.organisatie_id],
            ),
            "form": AfhandelenForm(),
        },
    )


@manager_only
@require_POST
def meldingen_gelezen(request):
    aantal = services.meldingen_mark_read(user=request.user)
    if aantal:
        messages.success(request, _("Alle meldingen zijn gelezen."))
    return redirect("start")
