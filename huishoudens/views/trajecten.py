"""The traject page and its actions: phase moves, intake, action lists, regisseurs,
safety signals and handovers (fase 6a)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from huishoudens import policy, services
from huishoudens.constants import (
    RONDE_FASEN,
    Fase,
    FaseActieStatus,
    OverdrachtStatus,
    TrajectRol,
)
from huishoudens.forms import (
    IntakeForm,
    OverdrachtForm,
    RegisseurForm,
    SignaalForm,
)
from huishoudens.models import ActieVoortgang, FaseActie, Overdracht
from huishoudens.panels import traject_panels
from huishoudens.selectors import (
    fase_toelichting,
    get_traject_for_user,
    handover_actions,
    informele_casusregisseurs,
    start_criteria_for,
)
from huishoudens.workflow import (
    allowed_moves,
    procesregie_afronden_geadviseerd,
    reasons_not_to_close,
)
from regie import access, audit
from regie.constants import CASE_ROLES, AuditActie

case_roles_only = access.require_role(*CASE_ROLES)


def _timeline(traject):
    """Phase changes, handovers and safety signals, oldest first."""
    items = [(o.op, "fase", o) for o in traject.overgangen.select_related("door")]
    items += [
        (o.aangemaakt_op, "overdracht", o)
        for o in traject.overdrachten.select_related("van", "naar")
    ]
    items += [(s.gemeld_op, "signaal", s) for s in traject.signalen.select_related("gemeld_door")]
    items += [
        (a.aangemaakt_op, "afsluiting", a) for a in traject.afsluitingen.select_related("user")
    ]
    return sorted(items, key=lambda item: item[0])


def _action_lists(traject, user):
    """The phase's lists with this traject's ticks; in 4, 5a and 5b the current round's
    only, so a second round starts with an empty list (issue #12)."""
    fase = traject.fase if traject.fase != Fase.GESLOTEN else Fase.AFSLUITEN
    ronde = traject.ronde if fase in RONDE_FASEN else 1
    voortgang = {
        v.actie_id: v
        for v in ActieVoortgang.objects.filter(
            traject=traject, actie__fase=fase, ronde=ronde
        ).select_related("door")
    }
    alle = list(FaseActie.objects.filter(fase=fase))
    lists = []
    for rol in TrajectRol:
        acties = [a for a in alle if a.rol == rol]
        for actie in acties:
            actie.voortgang = voortgang.get(actie.pk)
            actie.zie_toelichting = "(zie toelichting)" in actie.tekst
        lists.append((rol, acties, policy.may_mark_action(user, traject, rol)))
    return lists


@case_roles_only
@require_GET
def traject_detail(request, pk):
    traject = get_traject_for_user(request, pk)
    audit.log(request, action=AuditActie.READ, obj=traject)
    betrokkenen = traject.actieve_betrokkenen
    return render(
        request,
        "huishoudens/traject_detail.html",
        {
            "traject": traject,
            "huishouden": traject.huishouden,
            "leden": traject.huishouden.leden.all(),
            "procesregisseur": next(
                (b for b in betrokkenen if b.rol == TrajectRol.PROCESREGISSEUR), None
            ),
            "casusregisseurs": [b for b in betrokkenen if b.rol == TrajectRol.CASUSREGISSEUR],
            "informele_casusregisseurs": informele_casusregisseurs(traject),
            "toelichting": fase_toelichting(
                traject.fase if traject.fase != Fase.GESLOTEN else Fase.AFSLUITEN
            ),
            "ronde": traject.ronde if traject.fase in RONDE_FASEN else None,
            "nazorg": list(traject.nazorg.all())
            if traject.fase in (Fase.AFSLUITEN, Fase.GESLOTEN)
            else [],
            "procesregie_afronden": traject.fase != Fase.GESLOTEN
            and policy.may_run_process(request.user, traject)
            and any(b.rol == TrajectRol.PROCESREGISSEUR for b in betrokkenen)
            and procesregie_afronden_geadviseerd(traject),
            "moves": allowed_moves(traject.fase),
            "mag_procesregie": policy.may_run_process(request.user, traject),
            "actielijsten": _action_lists(traject, request.user),
            "open_signalen": [s for s in traject.signalen.all() if s.afgesloten_op is None],
            "sluiten_geweigerd": reasons_not_to_close(traject)
            if traject.fase == Fase.AFSLUITEN
            else [],
            "tijdlijn": _timeline(traject),
            "overdrachten_open": traject.overdrachten.filter(
                status=OverdrachtStatus.VOORGESTELD
            ).select_related("naar"),
            "mijn_rollen": policy.handover_roles(request.user, traject),
            "panels": traject_panels(request, traject),
        },
    )


def _require_process(request, traject):
    if not policy.may_run_process(request.user, traject):
        audit.log_denied(request, obj=traject, detail="geen procesregisseur van dit traject")
        raise PermissionDenied


@case_roles_only
@require_POST
def traject_move(request, pk):
    traject = get_traject_for_user(request, pk)
    _require_process(request, traject)
    naar = request.POST.get("naar", "")
    if naar not in Fase.values:
        messages.error(request, _("Kies een fase."))
        return redirect("huishoudens:traject", pk=traject.pk)
    try:
        with transaction.atomic():
            services.traject_move(
                traject=traject,
                naar=naar,
                door=request.user,
                verwacht_van=request.POST.get("van", ""),
                toelichting=request.POST.get("toelichting", "").strip(),
            )
            audit.log(request, action=AuditActie.UPDATE, obj=traject, detail=f"fase -> {naar}")
    except services.TrajectConflict as conflict:
        messages.error(request, str(conflict))
    except services.MoveRefused as refused:
        for reason in refused.reasons:
            messages.error(request, reason)
    else:
        messages.success(
            request, _("Het traject staat nu in %(fase)s.") % {"fase": Fase(naar).label}
        )
    return redirect("huishoudens:traject", pk=traject.pk)


@case_roles_only
@require_http_methods(["GET", "POST"])
def intake(request, pk):
    traject = get_traject_for_user(request, pk)
    _require_process(request, traject)
    if traject.fase != Fase.INTAKE:
        messages.info(
            request,
            _("De intake hoort bij fase 2; dit traject staat in %(fase)s.")
            % {"fase": traject.get_fase_display()},
        )
        return redirect("huishoudens:traject", pk=traject.pk)
    criteria = list(start_criteria_for(request.user.organisatie))
    form = IntakeForm(
        request.POST or None,
        criteria=criteria,
        geen_start_geweigerd=services.no_start_refusal(traject),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.intake_save(
                    traject=traject,
                    door=request.user,
                    verwacht_van=request.POST.get("van", ""),
                    criteria_ja=[int(c) for c in data["criteria"]],
                    toelichting=data["toelichting"],
                    besluit_start=data["besluit_start"],
                    besluit_reden=data["besluit_reden"],
                )
                audit.log(request, action=AuditActie.UPDATE, obj=traject, detail="intake")
        except services.TrajectConflict as conflict:
            messages.error(request, str(conflict))
        except services.MoveRefused as refused:
            # An open safety signal (close guards) or a flag of the aanmelding.
            messages.error(request, " ".join(refused.reasons))
        else:
            messages.success(
                request,
                _("Start 1Gezin1Plan1Regisseur: ga verder met het startoverleg.")
                if data["besluit_start"]
                else _("De aanmelding is afgesloten zonder start."),
            )
        return redirect("huishoudens:traject", pk=traject.pk)
    audit.log(request, action=AuditActie.READ, obj=traject, detail="intake")
    return render(request, "huishoudens/intake_form.html", {"form": form, "traject": traject})


@case_roles_only
@require_POST
def actie_markeren(request, pk, actie_pk):
    traject = get_traject_for_user(request, pk)
    actie = get_object_or_404(FaseActie, pk=actie_pk)
    if not policy.may_mark_action(request.user, traject, actie.rol):
        audit.log_denied(request, obj=traject, detail="actie afvinken")
        raise PermissionDenied
    status = request.POST.get("status") or None
    try:
        with transaction.atomic():
            services.actie_mark(
                traject=traject,
                actie=actie,
                door=request.user,
                status=FaseActieStatus(status) if status else None,
                toelichting=request.POST.get("toelichting", ""),
            )
            audit.log(
                request, action=AuditActie.UPDATE, obj=traject, detail=f"actie {actie.pk}: {status}"
            )
    except (ValidationError, ValueError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect(f"{traject.get_absolute_url()}#actie-{actie.pk}")


@case_roles_only
@require_http_methods(["GET", "POST"])
def regisseur_new(request, pk):
    traject = get_traject_for_user(request, pk)
    _require_process(request, traject)
    form = RegisseurForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.regisseur_assign(traject=traject, door=request.user, **form.cleaned_data)
                audit.log(
                    request,
                    action=AuditActie.UPDATE,
                    obj=traject,
                    detail=f"{form.cleaned_data['rol']}: {form.cleaned_data['user'].pk}",
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(naam)s is toegevoegd als %(rol)s.")
                % {
                    "naam": form.cleaned_data["user"],
                    "rol": TrajectRol(form.cleaned_data["rol"]).label.lower(),
                },
            )
            return redirect("huishoudens:traject", pk=traject.pk)
    return render(
        request,
        "huishoudens/regisseur_form.html",
        {
            "form": form,
            "traject": traject,
            "informeel": policy.may_run_process(request.user, traject),
        },
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def signaal_new(request, pk):
    traject = get_traject_for_user(request, pk)
    form = SignaalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            services.signaal_create(traject=traject, door=request.user, **form.cleaned_data)
            audit.log(request, action=AuditActie.CREATE, obj=traject, detail="veiligheidssignaal")
        messages.warning(
            request, _("Het signaal is vastgelegd. Volg de aanvullende acties bij onveiligheid.")
        )
        return redirect("huishoudens:traject", pk=traject.pk)
    return render(request, "huishoudens/signaal_form.html", {"form": form, "traject": traject})


@case_roles_only
@require_http_methods(["GET", "POST"])
def overdracht_new(request, pk):
    traject = get_traject_for_user(request, pk)
    rollen = policy.handover_roles(request.user, traject)
    if not rollen:
        audit.log_denied(request, obj=traject, detail="overdracht zonder rol")
        raise PermissionDenied
    form = OverdrachtForm(request.POST or None, rollen=rollen)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.overdracht_propose(traject=traject, van=request.user, **form.cleaned_data)
                audit.log(
                    request, action=AuditActie.CREATE, obj=traject, detail="overdracht voorgesteld"
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("De overdracht wacht op acceptatie door %(naam)s.")
                % {"naam": form.cleaned_data["naar"]},
            )
            return redirect("huishoudens:traject", pk=traject.pk)
    return render(
        request,
        "huishoudens/overdracht_form.html",
        {
            "form": form,
            "traject": traject,
            "actielijsten": handover_actions(rollen),
            "toelichting": fase_toelichting("6a"),
        },
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def overdracht_decide(request, pk):
    """Only the named successor decides; they may not see the traject yet, so the
    handover itself is the way in (and shows only what is needed to decide)."""
    overdracht = access.get_for_user_or_404(
        request, Overdracht.objects.select_related("traject__huishouden", "van"), pk
    )
    if request.method == "POST":
        accept = request.POST.get("besluit") == "accepteren"
        try:
            with transaction.atomic():
                services.overdracht_decide(overdracht=overdracht, accept=accept)
                audit.log(
                    request,
                    action=AuditActie.UPDATE,
                    obj=overdracht.traject,
                    detail="overdracht " + ("geaccepteerd" if accept else "geweigerd"),
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("start")
        messages.success(
            request,
            _("U heeft de overdracht geaccepteerd.")
            if accept
            else _("U heeft de overdracht geweigerd."),
        )
        return (
            redirect("huishoudens:traject", pk=overdracht.traject_id)
            if accept
            else redirect("start")
        )
    audit.log(request, action=AuditActie.READ, obj=overdracht.traject, detail="overdracht bekijken")
    return render(request, "huishoudens/overdracht_decide.html", {"overdracht": overdracht})
