"""Meetings of a traject: list, plan, the meeting page (checklist, attendance, next meeting)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from huishoudens.models import ActieVoortgang, FaseActie
from huishoudens.selectors import get_traject_for_user
from plannen import overleggen
from plannen.forms import AfrondenForm, OverlegForm
from plannen.models import Overleg, OverlegStatus
from plannen.uitnodigingen import uitnodigingen
from regie import access, audit
from regie.constants import CASE_ROLES, AuditActie

case_roles_only = access.require_role(*CASE_ROLES)


@case_roles_only
@require_GET
def overleg_list(request, pk):
    traject = get_traject_for_user(request, pk)
    audit.log(request, action=AuditActie.READ, obj=traject, detail="overleggen")
    return render(
        request,
        "plannen/overleg_list.html",
        {
            "traject": traject,
            "overleggen": traject.overleggen.select_related("voorzitter", "planversie"),
        },
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def overleg_new(request, pk):
    traject = get_traject_for_user(request, pk)
    form = OverlegForm(request.POST or None, mensen=overleggen.mogelijke_genodigden(traject))
    if request.method == "POST" and form.is_valid():
        data = {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in ("genodigden", "moet_aanwezig", "verslag")
        }
        status = OverlegStatus.GEHOUDEN if form.cleaned_data["verslag"] else OverlegStatus.GEPLAND
        with transaction.atomic():
            overleg = overleggen.overleg_plan(
                traject=traject,
                door=request.user,
                genodigden=form.genodigden_data(),
                status=status,
                **data,
            )
            audit.log(request, action=AuditActie.CREATE, obj=overleg)
        messages.success(request, _("Het overleg is gepland."))
        return redirect("plannen:overleg", pk=overleg.pk)
    return render(request, "plannen/overleg_form.html", {"traject": traject, "form": form})


@case_roles_only
@require_http_methods(["GET", "POST"])
def overleg_detail(request, pk):
    overleg = access.get_for_user_or_404(
        request,
        Overleg.objects.select_related("traject__huishouden", "voorzitter", "planversie"),
        pk,
    )
    traject = overleg.traject
    form = AfrondenForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("actie") == "annuleren":
            with transaction.atomic():
                overleggen.overleg_annuleren(overleg=overleg)
                audit.log(request, action=AuditActie.UPDATE, obj=overleg, detail="geannuleerd")
            messages.success(request, _("Het overleg is geannuleerd."))
            return redirect("plannen:overleg", pk=overleg.pk)
        if form.is_valid():
            aanwezig = {int(x) for x in request.POST.getlist("aanwezig") if x.isdigit()}
            versie = (
                traject.ondersteuningsplan.versies.first()
                if hasattr(traject, "ondersteuningsplan")
                else None
            )
            with transaction.atomic():
                volgende = overleggen.overleg_afronden(
                    overleg=overleg,
                    aanwezig=aanwezig,
                    planversie=versie,
                    volgende=form.volgende(),
                    door=request.user,
                )
                audit.log(request, action=AuditActie.UPDATE, obj=overleg, detail="gehouden")
            messages.success(
                request,
                _("Het overleg is vastgelegd.")
                + (" " + _("Het volgende overleg is gepland.") if volgende else ""),
            )
            return redirect("plannen:overleg", pk=(volgende or overleg).pk)
    fase = overleggen.checklist_fase(overleg)
    voortgang = {
        v.actie_id: v for v in ActieVoortgang.objects.filter(traject=traject, actie__fase=fase)
    }
    checklist = list(FaseActie.objects.filter(fase=fase, rol="procesregisseur"))
    for actie in checklist:
        actie.voortgang = voortgang.get(actie.pk)
    audit.log(request, action=AuditActie.READ, obj=overleg)
    return render(
        request,
        "plannen/overleg_detail.html",
        {
            "overleg": overleg,
            "traject": traject,
            "genodigden": overleg.genodigden.all(),
            "checklist": checklist,
            "form": form,
        },
    )


@case_roles_only
@require_GET
def uitnodiging_preview(request, pk):
    """What each invitee will receive (DEEL G template, u or jij as the household prefers)."""
    overleg = access.get_for_user_or_404(
        request,
        Overleg.objects.select_related(
            "traject__huishouden", "voorzitter__organisatie", "aangemaakt_door__organisatie"
        ),
        pk,
    )
    audit.log(request, action=AuditActie.READ, obj=overleg, detail="uitnodiging voorbeeld")
    return render(
        request,
        "plannen/uitnodiging_preview.html",
        {
            "overleg": overleg,
            "traject": overleg.traject,
            "uitnodigingen": uitnodigingen(overleg),
        },
    )
