"""The regiekaart of one traject: assess, decide the level (opschalen, afschalen, naar
manager), propose the handover to the Zorg- en Veiligheidshuis at level 4, and resolve an
escalation (seed 002 ch. 5)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from huishoudens.panels import criteria_voorstellen
from huishoudens.selectors import get_traject_for_user
from regie import access, audit
from regie.constants import CASE_ROLES, AuditActie, Rol
from regiekaart import policy, services
from regiekaart.constants import ControleActie
from regiekaart.forms import AfhandelenForm, BeoordelingForm, OverdrachtZvhForm
from regiekaart.models import Opschaling
from regiekaart.selectors.kaart import niveaus_per_nummer
from regiekaart.selectors.traject import (
    TrajectStand,
    geschiedenis,
    traject_stand,
    zvh_kandidaten,
)
from regiekaart.views.panel import niveau_blok

case_roles_only = access.require_role(*CASE_ROLES)


def _initial(stand: TrajectStand, voorstellen: dict[str, list[str]]) -> dict:
    """Start from the latest assessment and its advice, so a re-assessment changes only
    what changed; criteria other apps propose (huishoudens.panels) start ticked, with their
    reason in the note."""
    initial = {"verwacht_niveau": stand.nummer, "naar_niveau": stand.nummer}
    for c in getattr(stand.beoordeling, "criteria_lijst", []):
        initial[f"c_{c.code}"] = c.geldt
        initial[f"t_{c.code}"] = c.toelichting
    for code, redenen in voorstellen.items():
        if not initial.get(f"c_{code}"):
            initial[f"c_{code}"] = True
            initial[f"t_{code}"] = " ".join(redenen)
    if stand.advies is not None:
        initial["naar_niveau"] = stand.advies.niveau
        initial["naar_manager"] = stand.advies.naar_manager
    return initial


def _with_advice_defaults(form: BeoordelingForm, post):
    """After "Advies bijwerken": the decision fields start at the new advice."""
    data = post.copy()
    data["naar_niveau"] = str(form.advies.niveau)
    if form.advies.naar_manager:
        data["naar_manager"] = "on"
    else:
        data.pop("naar_manager", None)
    return data


@case_roles_only
@require_http_methods(["GET", "POST"])
def traject_regiekaart(request, pk):
    traject = get_traject_for_user(request, pk)
    stand = traject_stand(traject, user=request.user)
    niveaus = niveaus_per_nummer()
    form_kwargs = {"huidig_niveau": stand.nummer, "niveaus": niveaus}
    form = None
    voorstellen = criteria_voorstellen(traject)
    if stand.mag_opschalen:
        initial = _initial(stand, voorstellen)
        form = BeoordelingForm(request.POST or None, initial=initial, **form_kwargs)
    elif request.method == "POST":
        audit.log_denied(request, obj=traject, detail="op- of afschalen zonder rol")
        raise PermissionDenied

    if request.method == "POST":
        stap = request.POST.get("stap")
        if stap == "advies":
            form.is_valid()  # computes the advice; errors show only on the criteria
            if form.advies is not None:
                form = BeoordelingForm(_with_advice_defaults(form, request.POST), **form_kwargs)
                form.is_valid()
                for name in ("reden_afwijking", "vraag_manager", "naar_niveau"):
                    form.errors.pop(name, None)
        elif form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    besluit = services.opschaling_decide(
                        traject=traject,
                        door=request.user,
                        verwacht_niveau=data["verwacht_niveau"],
                        criteria=form.criteria(),
                        naar_niveau=data["naar_niveau"],
                        naar_manager=data["naar_manager"],
                        reden_afwijking=data["reden_afwijking"],
                        vraag_manager=data["vraag_manager"],
                    )
                    audit.log(
                        request,
                        action=AuditActie.CREATE,
                        obj=besluit.beoordeling,
                        detail=_besluit_detail(besluit),
                    )
            except services.NiveauConflict as conflict:
                messages.error(request, str(conflict))
                return redirect("regiekaart:traject", pk=traject.pk)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _besluit_bericht(besluit))
                return redirect("regiekaart:traject", pk=traject.pk)

    audit.log(request, action=AuditActie.READ, obj=traject, detail="regiekaart")
    toon_overdracht = any(c.actie == ControleActie.ZVH_OVERDRACHT for c in stand.controles)
    context = {
        "traject": traject,
        "voorstellen": voorstellen,
        "p": niveau_blok(stand),
        "nummer": stand.nummer,
        "beoordeling": stand.beoordeling,
        "advies": stand.advies,
        "form": form,
        "form_advies": form.advies if form is not None and form.is_bound else None,
        "geschiedenis": geschiedenis(traject),
        "overdracht_form": OverdrachtZvhForm(kandidaten=zvh_kandidaten(traject))
        if toon_overdracht
        else None,
        "afhandelen_form": AfhandelenForm() if stand.mag_opschalen else None,
    }
    return render(request, "regiekaart/traject.html", context)


def _besluit_detail(besluit) -> str:
    o = besluit.opschaling
    if o is None:
        return f"beoordeling; niveau {besluit.beoordeling.niveau} gehandhaafd"
    return (
        f"niveau {o.van_niveau} -> {o.naar_niveau}"
        + ("; naar manager" if o.naar_manager else "")
        + ("" if o.advies_gevolgd else "; afwijking van het advies")
    )


def _besluit_bericht(besluit) -> str:
    o = besluit.opschaling
    if o is None:
        return _("De beoordeling is vastgelegd; het niveau blijft %(n)s.") % {
            "n": besluit.beoordeling.niveau
        }
    if o.naar_niveau != o.van_niveau:
        tekst = _("Het traject staat nu op niveau %(n)s.") % {"n": o.naar_niveau}
    else:
        tekst = _("Het niveau blijft %(n)s.") % {"n": o.naar_niveau}
    if o.naar_manager:
        tekst += " " + _("De manager is gevraagd om te helpen.")
    return tekst


@case_roles_only
@require_POST
def overdracht_zvh(request, pk):
    traject = get_traject_for_user(request, pk)
    if not policy.may_hand_over_procesregie(request.user, traject):
        audit.log_denied(request, obj=traject, detail="overdracht ZVH zonder rol")
        raise PermissionDenied
    form = OverdrachtZvhForm(request.POST, kandidaten=zvh_kandidaten(traject))
    if form.is_valid():
        try:
            with transaction.atomic():
                services.overdracht_naar_zvh(traject=traject, van=request.user, **form.cleaned_data)
                audit.log(
                    request,
                    action=AuditActie.CREATE,
                    obj=traject,
                    detail="overdracht procesregie naar ZVH voorgesteld",
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("De overdracht wacht op acceptatie door %(naam)s.")
                % {"naam": form.cleaned_data["naar"].get_full_name()},
            )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("regiekaart:traject", pk=traject.pk)


@access.require_role(Rol.MANAGER, *CASE_ROLES)
@require_POST
def afhandelen(request, pk):
    """A manager in scope, or whoever may escalate the traject, records the resolution."""
    opschaling = access.get_for_user_or_404(
        request, Opschaling.objects.select_related("traject__huishouden"), pk
    )
    if not policy.may_resolve(request.user, opschaling):
        audit.log_denied(request, obj=opschaling, detail="afhandelen zonder rol")
        raise PermissionDenied
    terug = (
        redirect("regiekaart:escalatie", pk=opschaling.pk)
        if access.has_role(request.user, Rol.MANAGER)
        else redirect("regiekaart:traject", pk=opschaling.traject_id)
    )
    form = AfhandelenForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["oplossing"][0])
        return terug
    try:
        with transaction.atomic():
            services.opschaling_resolve(
                opschaling=opschaling, door=request.user, oplossing=form.cleaned_data["oplossing"]
            )
            audit.log(request, action=AuditActie.UPDATE, obj=opschaling, detail="afgehandeld")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De escalatie is afgehandeld."))
    return terug
