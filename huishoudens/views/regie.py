"""Fase 6a and 6b and who holds regie (issue #12): aftercare and the closing date, ending
one's own involvement, rounding off procesregie at level 1, the household's preferred
procesregisseur and casusregie by a member or network member. Rules and sources:
`huishoudens.afsluiting`."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from huishoudens import afsluiting, policy
from huishoudens.constants import Fase, TrajectRol
from huishoudens.forms import (
    BetrokkenheidAfsluitenForm,
    InformeleCasusregisseurForm,
    NazorgAfspraakForm,
    NazorgPlanForm,
    VoorkeurForm,
)
from huishoudens.selectors import fase_toelichting, get_traject_for_user, handover_actions
from regie import access, audit
from regie.constants import CASE_ROLES, AuditActie

case_roles_only = access.require_role(*CASE_ROLES)


def _require_process(request, traject, detail: str):
    if not policy.may_run_process(request.user, traject):
        audit.log_denied(request, obj=traject, detail=detail)
        raise PermissionDenied


@case_roles_only
@require_http_methods(["GET", "POST"])
def nazorg(request, pk):
    """Fase 6b: follow-up wanted, the aftercare agreements and the closing date."""
    traject = get_traject_for_user(request, pk)
    _require_process(request, traject, "nazorg zonder procesregie")
    open_ = traject.fase == Fase.AFSLUITEN
    plan_form = NazorgPlanForm(
        request.POST if request.POST.get("formulier") == "plan" else None, instance=traject
    )
    afspraak_form = NazorgAfspraakForm(
        request.POST if request.POST.get("formulier") == "afspraak" else None
    )
    if request.method == "POST":
        if not open_:
            messages.error(request, _("Nazorg leg u vast in fase 6b."))
            return redirect("huishoudens:traject", pk=traject.pk)
        form = plan_form if request.POST.get("formulier") == "plan" else afspraak_form
        if form.is_valid():
            with transaction.atomic():
                if form is plan_form:
                    afsluiting.nazorg_plan(traject=traject, **form.cleaned_data)
                    detail = "nazorg: vervolg en afsluitdatum"
                else:
                    afsluiting.nazorg_add(traject=traject, door=request.user, **form.cleaned_data)
                    detail = "nazorg: afspraak"
                audit.log(request, action=AuditActie.UPDATE, obj=traject, detail=detail)
            messages.success(request, _("De nazorg is vastgelegd."))
            return redirect("huishoudens:nazorg", pk=traject.pk)
    else:
        audit.log(request, action=AuditActie.READ, obj=traject, detail="nazorg")
    return render(
        request,
        "huishoudens/nazorg.html",
        {
            "traject": traject,
            "plan_form": plan_form,
            "afspraak_form": afspraak_form,
            "afspraken": traject.nazorg.select_related("door"),
            "open": open_,
            "toelichting": fase_toelichting("6b"),
        },
    )


@case_roles_only
@require_POST
def nazorg_verwijderen(request, pk, afspraak_pk):
    traject = get_traject_for_user(request, pk)
    _require_process(request, traject, "nazorg verwijderen zonder procesregie")
    afspraak = get_object_or_404(traject.nazorg, pk=afspraak_pk)
    try:
        with transaction.atomic():
            afsluiting.nazorg_remove(afspraak=afspraak)
            audit.log(request, action=AuditActie.DELETE, obj=traject, detail="nazorg: afspraak")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("huishoudens:nazorg", pk=traject.pk)


@case_roles_only
@require_http_methods(["GET", "POST"])
def betrokkenheid_afsluiten(request, pk):
    """Fase 6a without a successor: a current regisseur ends their own role."""
    traject = get_traject_for_user(request, pk)
    rollen = policy.handover_roles(request.user, traject)
    if not rollen:
        audit.log_denied(request, obj=traject, detail="betrokkenheid afsluiten zonder rol")
        raise PermissionDenied
    form = BetrokkenheidAfsluitenForm(request.POST or None, rollen=rollen)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                afsluiting.betrokkenheid_end(
                    traject=traject, user=request.user, **form.cleaned_data
                )
                audit.log(
                    request,
                    action=AuditActie.UPDATE,
                    obj=traject,
                    detail=f"betrokkenheid afgesloten: {form.cleaned_data['rol']}",
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            tekst = _("Uw betrokkenheid is afgesloten. De andere betrokkenen krijgen bericht.")
            if form.cleaned_data["rol"] == TrajectRol.PROCESREGISSEUR:
                tekst += " " + _("Omdat er geen opvolger is, krijgt uw manager ook bericht.")
            messages.success(request, tekst)
            return redirect("huishoudens:traject", pk=traject.pk)
    return render(
        request,
        "huishoudens/betrokkenheid_afsluiten.html",
        {
            "form": form,
            "traject": traject,
            "actielijsten": handover_actions(rollen),
            "toelichting": fase_toelichting("6a"),
        },
    )


@case_roles_only
@require_POST
def procesregie_afronden(request, pk):
    """The regiekaart's level-1 advice "rond de procesregie af", carried out."""
    traject = get_traject_for_user(request, pk)
    _require_process(request, traject, "procesregie afronden zonder procesregie")
    try:
        with transaction.atomic():
            afsluiting.procesregie_round_off(
                traject=traject,
                door=request.user,
                toelichting=request.POST.get("toelichting", "").strip(),
            )
            audit.log(request, action=AuditActie.UPDATE, obj=traject, detail="procesregie afgerond")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("De procesregie is afgerond. De regie ligt bij het huishouden en de casusregie."),
        )
    return redirect("huishoudens:traject", pk=traject.pk)


@case_roles_only
@require_http_methods(["GET", "POST"])
def voorkeur(request, pk):
    """The household's preferred procesregisseur (002 fase 3a, Toelichting)."""
    traject = get_traject_for_user(request, pk)
    form = VoorkeurForm(request.POST or None, instance=traject)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            afsluiting.voorkeur_save(
                traject=traject, voorkeur=form.cleaned_data["voorkeur_procesregisseur"]
            )
            audit.log(request, action=AuditActie.UPDATE, obj=traject, detail="voorkeur regisseur")
        messages.success(request, _("De voorkeur van het huishouden is vastgelegd."))
        return redirect("huishoudens:traject", pk=traject.pk)
    return render(request, "huishoudens/voorkeur_form.html", {"form": form, "traject": traject})


@case_roles_only
@require_http_methods(["GET", "POST"])
def informele_casusregisseur_new(request, pk):
    """A member or network member holds casusregie (002 ch. 5, Niveau 1)."""
    traject = get_traject_for_user(request, pk)
    _require_process(request, traject, "casusregie netwerk zonder procesregie")
    form = InformeleCasusregisseurForm(request.POST or None, huishouden=traject.huishouden)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                afsluiting.informele_casusregisseur_assign(
                    traject=traject,
                    door=request.user,
                    gezinslid=data["gezinslid"],
                    netwerklid=data["netwerklid"],
                    leefgebieden=data["leefgebieden"],
                )
                audit.log(
                    request, action=AuditActie.UPDATE, obj=traject, detail="casusregie netwerk"
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De casusregisseur is toegevoegd."))
            return redirect("huishoudens:traject", pk=traject.pk)
    return render(
        request,
        "huishoudens/informele_casusregisseur_form.html",
        {"form": form, "traject": traject},
    )


@case_roles_only
@require_POST
def informele_casusregisseur_einde(request, pk, item_pk):
    traject = get_traject_for_user(request, pk)
    _require_process(request, traject, "casusregie netwerk beëindigen zonder procesregie")
    item = get_object_or_404(traject.informele_casusregisseurs, pk=item_pk)
    with transaction.atomic():
        afsluiting.informele_casusregisseur_end(casusregisseur=item)
        audit.log(request, action=AuditActie.UPDATE, obj=traject, detail="casusregie netwerk einde")
    messages.success(request, _("De casusregie van %(naam)s is beëindigd.") % {"naam": item})
    return redirect("huishoudens:traject", pk=traject.pk)
