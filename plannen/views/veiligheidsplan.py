"""The Veiligheidsplan page and its forms, and signing a fixed version."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from plannen.forms import (
    AfspraakForm,
    ContactForm,
    NakomingForm,
    OndertekenForm,
    ScoreForm,
    VeiligheidsplanForm,
    VeiligheidsplanStartForm,
)
from plannen.models import Ondertekening
from plannen.schaalvraag import score_chart
from plannen.selectors.veiligheidsplan import handtekeningen, nakomingen, standaard_doel_aanwezig
from plannen.services import plan as plan_services
from plannen.services import veiligheidsplan as vp_services
from plannen.services.plan import OverlegVanAnderTraject, PlanConflict
from plannen.views.common import case_roles_only, plan_or_404, plan_read, save_entry
from regie import audit
from regie.constants import AuditActie


def _vp_page(request, traject, plan, *, form=None, conflict=None, status=200):
    vp = plan.veiligheidsplan
    scores = list(vp.scores.all())
    afspraken = list(vp.afspraken.all())
    historie = nakomingen(vp)
    audit.log(request, action=AuditActie.READ, obj=vp)
    return render(
        request,
        "plannen/veiligheidsplan.html",
        {
            "traject": traject,
            "plan": plan,
            "vp": vp,
            "form": form or VeiligheidsplanForm(instance=vp),
            "conflict": conflict,
            "afspraak_form": AfspraakForm(),
            "contact_form": ContactForm(),
            "score_form": ScoreForm(traject=traject, auto_id="score-%s"),
            "afspraken": [(a, historie.get(a.pk, [])) for a in afspraken],
            "nakoming_form": NakomingForm(
                traject=traject, afspraken=afspraken, auto_id="nakoming-%s"
            )
            if afspraken
            else None,
            "scores": scores,
            "chart": score_chart(scores),
            "standaard_doel_aanwezig": standaard_doel_aanwezig(plan),
        },
        status=status,
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def veiligheidsplan(request, pk):
    traject, plan = plan_read(request, pk)
    if plan is None or not hasattr(plan, "veiligheidsplan"):
        adults = [str(lid) for lid in traject.huishouden.leden.all() if not lid.minderjarig]
        form = VeiligheidsplanStartForm(
            request.POST or None, initial={"namen": " en ".join(adults)}
        )
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                # Starting writes; opening the start form does not (issue #13).
                plan = plan or plan_services.plan_ensure(traject=traject)
                vp = vp_services.veiligheidsplan_start(plan=plan, namen=form.cleaned_data["namen"])
                audit.log(request, action=AuditActie.CREATE, obj=vp)
            messages.success(
                request,
                _(
                    "Het Veiligheidsplan is gestart; het standaarddoel staat in het Ondersteuningsplan."
                ),
            )
            return redirect("plannen:veiligheidsplan", pk=traject.pk)
        audit.log(
            request, action=AuditActie.READ, obj=plan or traject, detail="veiligheidsplan starten"
        )
        return render(
            request, "plannen/veiligheidsplan_start.html", {"traject": traject, "form": form}
        )
    if request.method == "POST":
        form = VeiligheidsplanForm(request.POST, instance=plan.veiligheidsplan)
        if form.is_valid():
            try:
                with transaction.atomic():
                    vp_services.veiligheidsplan_save(vp=plan.veiligheidsplan, **form.cleaned_data)
                    audit.log(request, action=AuditActie.UPDATE, obj=plan.veiligheidsplan)
            except PlanConflict as conflict:
                mine = VeiligheidsplanForm(
                    data={**request.POST.dict(), "revisie": conflict.current.revisie},
                    instance=plan.veiligheidsplan,
                )
                return _vp_page(
                    request, traject, plan, form=mine, conflict=conflict.current, status=409
                )
            messages.success(request, _("Het Veiligheidsplan is opgeslagen."))
            return redirect("plannen:veiligheidsplan", pk=traject.pk)
        return _vp_page(request, traject, plan, form=form, status=400)
    return _vp_page(request, traject, plan)


def _vp_add(request, pk, make_form, add, anchor):
    """`make_form(data, traject)` builds the bound form of the entry."""
    traject, plan = plan_read(request, pk)
    if plan is None or not hasattr(plan, "veiligheidsplan"):
        return redirect("plannen:veiligheidsplan", pk=traject.pk)
    vp = plan.veiligheidsplan
    return save_entry(
        request,
        make_form(request.POST, traject),
        lambda data: add(vp, data),
        vp,
        anchor=anchor,
        terug=reverse("plannen:veiligheidsplan", args=[traject.pk]),
        bericht=_("Toegevoegd aan het Veiligheidsplan."),
    )


@case_roles_only
@require_POST
def afspraak_new(request, pk):
    return _vp_add(
        request,
        pk,
        lambda data, _traject: AfspraakForm(data),
        lambda vp, d: vp_services.afspraak_add(vp=vp, **d),
        "afspraken",
    )


@case_roles_only
@require_POST
def contact_new(request, pk):
    return _vp_add(
        request,
        pk,
        lambda data, _traject: ContactForm(data),
        lambda vp, d: vp_services.contact_add(vp=vp, **d),
        "contacten",
    )


@case_roles_only
@require_POST
def score_new(request, pk):
    return _vp_add(
        request,
        pk,
        lambda data, traject: ScoreForm(data, traject=traject),
        lambda vp, d: vp_services.score_add(vp=vp, **d),
        "schaalvraag",
    )


@case_roles_only
@require_POST
def nakoming_new(request, pk):
    """Record, at one of the traject's meetings, which veiligheidsafspraken were kept (002
    fase 5b stap 4)."""
    traject, plan = plan_read(request, pk)
    if plan is None or not hasattr(plan, "veiligheidsplan"):
        return redirect("plannen:veiligheidsplan", pk=traject.pk)
    vp = plan.veiligheidsplan
    form = NakomingForm(request.POST, traject=traject, afspraken=vp.afspraken.all())
    terug = reverse("plannen:veiligheidsplan", args=[traject.pk]) + "#afspraken"
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(terug)
    overleg = form.cleaned_data["overleg"]
    try:
        with transaction.atomic():
            vp_services.nakoming_record(
                vp=vp, overleg=overleg, statussen=form.statussen(), door=request.user
            )
            audit.log(
                request, action=AuditActie.UPDATE, obj=vp, detail=f"nakoming overleg {overleg.pk}"
            )
    except OverlegVanAnderTraject as fout:
        messages.error(request, str(fout))
        return redirect(terug)
    messages.success(
        request,
        _("Vastgelegd welke afspraken in het %(overleg)s zijn nagekomen.")
        % {"overleg": str(overleg).lower()},
    )
    return redirect(terug)


@case_roles_only
@require_http_methods(["GET", "POST"])
def ondertekenen(request, pk, nummer):
    traject, plan = plan_or_404(request, pk)
    versie = get_object_or_404(plan.versies, nummer=nummer)
    form = OndertekenForm(
        request.POST or None,
        initial={
            "naam": request.user.get_full_name(),
            "hoedanigheid": Ondertekening.Hoedanigheid.PROFESSIONAL,
            "wijze": Ondertekening.Wijze.APP,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        zelf = (
            data["wijze"] == Ondertekening.Wijze.APP
            and data["hoedanigheid"] == Ondertekening.Hoedanigheid.PROFESSIONAL
        )
        with transaction.atomic():
            vp_services.versie_sign(
                versie=versie, door=request.user, user=request.user if zelf else None, **data
            )
            audit.log(
                request, action=AuditActie.UPDATE, obj=versie, detail=f"ondertekend: {data['naam']}"
            )
        messages.success(
            request, _("De ondertekening is vastgelegd bij versie %(n)s.") % {"n": versie.nummer}
        )
        return redirect("plannen:versie", pk=traject.pk, nummer=versie.nummer)
    audit.log(request, action=AuditActie.READ, obj=versie, detail="ondertekenen")
    return render(
        request,
        "plannen/ondertekenen.html",
        {
            "traject": traject,
            "versie": versie,
            "form": form,
            "handtekeningen": handtekeningen(versie),
        },
    )
