"""The implementation plan pages (issue #14): the list, a new plan from a template, the
current year with progress and filters, an item with its history and evidence, earlier years
side by side, a new year with PDCA notes, and the PDF for a management meeting."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from implementatie import policy, selectors, services
from implementatie.bewijs import CONTENT_TYPES
from implementatie.forms import FilterForm, ItemForm, JaarForm, PdcaForm, PlanNieuwForm
from implementatie.models import PdcaNotitie
from implementatie.pdf import render_plan_pdf
from implementatie.views.common import get_item, get_plan, lezers
from regie import access, audit
from regie.constants import AuditActie

eigenaren = access.require_role(*policy.EIGENAREN)


@lezers
@require_GET
def plan_list(request):
    plannen = list(selectors.plannen_voor(request.user))
    eigen = policy.eigen_plan_scope(request.user)
    return render(
        request,
        "implementatie/plan_list.html",
        {"plannen": plannen, "mag_nieuw": eigen is not None},
    )


@eigenaren
@require_http_methods(["GET", "POST"])
def plan_new(request):
    scope = policy.eigen_plan_scope(request.user)
    if scope is None:  # a role without an organisation
        raise PermissionDenied
    form = PlanNieuwForm(request.POST or None, niveau=scope.niveau)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                plan = services.plan_create(
                    sjabloon=form.cleaned_data["sjabloon"],
                    scope=scope,
                    door=request.user,
                    jaar=form.cleaned_data["jaar"],
                )
                audit.log(request, action=AuditActie.CREATE, obj=plan, detail=plan.sjabloon.sleutel)
        except services.PlanFout as e:
            form.add_error("sjabloon", str(e))
        else:
            messages.success(request, _("Het plan is aangemaakt."))
            return redirect(plan)
    return render(request, "implementatie/plan_new.html", {"form": form})


def _plan_page(request, plan, ronde, *, actueel: bool):
    alle = list(ronde.items.all())
    themas, totaal = selectors.voortgang(alle)
    filters_form = FilterForm(request.GET or None, themas=themas)
    filters = selectors.Filters()
    if filters_form.is_valid():
        filters = selectors.Filters(
            status=filters_form.cleaned_data["status"],
            thema=filters_form.cleaned_data["thema"],
            achterstallig=filters_form.cleaned_data["achterstallig"],
        )
    vandaag = timezone.localdate()
    items = list(selectors.ronde_items(ronde, filters, vandaag))
    for item in items:
        item.achterstallig = item.is_achterstallig(vandaag)
    groepen = []
    for t in themas:
        rij = [i for i in items if i.thema_code == t.code]
        if rij:
            groepen.append((t, rij))
    mag_bewerken = actueel and policy.mag_bewerken(request.user, plan)
    return render(
        request,
        "implementatie/plan.html",
        {
            "plan": plan,
            "ronde": ronde,
            "rondes": list(plan.rondes.order_by("jaar")),
            "actueel": actueel,
            "themas": themas,
            "totaal": totaal,
            "groepen": groepen,
            "filters_form": filters_form,
            "gefilterd": filters != selectors.Filters(),
            "mag_bewerken": mag_bewerken,
            "jaar_form": JaarForm(initial={"jaar": ronde.jaar + 1}) if mag_bewerken else None,
        },
    )


@lezers
@require_GET
def plan_detail(request, pk):
    plan = get_plan(request, pk)
    return _plan_page(request, plan, services.laatste_ronde(plan), actueel=True)


@lezers
@require_GET
def plan_jaar(request, pk, jaar):
    plan = get_plan(request, pk)
    ronde = plan.rondes.filter(jaar=jaar).first()
    if ronde is None:
        raise Http404
    laatste = services.laatste_ronde(plan)
    return _plan_page(request, plan, ronde, actueel=ronde == laatste)


@lezers
@require_GET
def plan_jaren(request, pk):
    plan = get_plan(request, pk)
    rondes, rijen, per_jaar = selectors.jaren_naast_elkaar(plan)
    notities = {}
    for n in PdcaNotitie.objects.filter(ronde__plan=plan).order_by("thema_volgorde"):
        notities.setdefault((n.thema_code, n.thema_label), {})[n.ronde_id] = n
    pdca = [
        {"thema": label, "cellen": [jaren.get(r.pk) for r in rondes]}
        for (_code, label), jaren in notities.items()
    ]
    return render(
        request,
        "implementatie/plan_jaren.html",
        {
            "plan": plan,
            "rondes": rondes,
            "rijen": rijen,
            "kolommen": list(zip(rondes, per_jaar, strict=True)),
            "pdca": pdca,
        },
    )


@lezers
@require_POST
def jaar_new(request, pk):
    plan = get_plan(request, pk, bewerken=True)
    form = JaarForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                ronde = services.ronde_start(
                    plan=plan, jaar=form.cleaned_data["jaar"], door=request.user
                )
                audit.log(request, action=AuditActie.CREATE, obj=ronde, detail=f"jaar {ronde.jaar}")
        except services.PlanFout as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request,
                _(
                    "Jaar %(jaar)s is gestart; de stand van elk item is overgenomen. "
                    "Noteer per thema plan, do, check en act."
                )
                % {"jaar": ronde.jaar},
            )
            return redirect("implementatie:pdca", pk=plan.pk)
    else:
        messages.error(request, _("Vul een geldig jaar in."))
    return redirect(plan)


@lezers
@require_http_methods(["GET", "POST"])
def pdca(request, pk):
    plan = get_plan(request, pk)
    ronde = services.laatste_ronde(plan)
    mag_bewerken = policy.mag_bewerken(request.user, plan)
    if request.method == "POST" and not mag_bewerken:
        get_plan(request, pk, bewerken=True)  # logs and raises
    notities = list(ronde.pdca.all())
    data = request.POST if request.method == "POST" else None
    forms = [(n, PdcaForm(data, instance=n, prefix=f"t{n.pk}")) for n in notities]
    if data is not None and all(f.is_valid() for _n, f in forms):
        with transaction.atomic():
            for n, f in forms:
                velden = {k: f.cleaned_data[k] for k in PdcaForm.Meta.fields}
                gewijzigd = services.pdca_save(notitie=n, **velden)
                if gewijzigd:
                    audit.log(
                        request,
                        action=AuditActie.UPDATE,
                        obj=n,
                        detail=f"{ronde.jaar} {n.thema_code}: {', '.join(gewijzigd)}",
                    )
        messages.success(request, _("De PDCA-notities zijn opgeslagen."))
        return redirect(plan)
    return render(
        request,
        "implementatie/pdca.html",
        {"plan": plan, "ronde": ronde, "forms": forms, "mag_bewerken": mag_bewerken},
    )


@lezers
@require_http_methods(["GET", "POST"])
def item_detail(request, pk):
    item = get_item(request, pk, bewerken=request.method == "POST")
    plan = item.ronde.plan
    actueel = item.ronde == services.laatste_ronde(plan)
    mag_bewerken = actueel and policy.mag_bewerken(request.user, plan)
    if request.method == "POST" and not mag_bewerken:
        raise PermissionDenied
    form = ItemForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        velden = {k: form.cleaned_data[k] for k in ItemForm.Meta.fields}
        upload = form.cleaned_data.get("bestand")
        with transaction.atomic():
            wijzigingen = services.item_update(
                item=item,
                door=request.user,
                bewijs=upload,
                bewijs_soort=getattr(form, "bewijs_soort", ""),
                **velden,
            )
            if wijzigingen:
                audit.log(
                    request,
                    action=AuditActie.UPDATE,
                    obj=item,
                    detail="; ".join(str(w) for w in wijzigingen),
                )
        messages.success(request, _("Het item is bijgewerkt."))
        return redirect(f"{plan.get_absolute_url()}#item-{item.pk}")
    return render(
        request,
        "implementatie/item.html",
        {
            "item": item,
            "plan": plan,
            "form": form,
            "mag_bewerken": mag_bewerken,
            "achterstallig": item.is_achterstallig(),
            "wijzigingen": item.wijzigingen.all(),
        },
    )


@lezers
@require_GET
def bewijs(request, pk):
    """The evidence file, only as a download and only for people whose scope covers it."""
    item = get_item(request, pk)
    if not item.bewijs_bestand:
        raise Http404
    audit.log(request, action=AuditActie.EXPORT, obj=item, detail=f"bewijs {item.bewijs_naam}")
    response = FileResponse(
        item.bewijs_bestand.open("rb"),
        as_attachment=True,
        filename=item.bewijs_naam or f"bewijs.{item.bewijs_soort}",
        content_type=CONTENT_TYPES.get(item.bewijs_soort, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@lezers
@require_GET
def plan_pdf(request, pk):
    """The plan's current year as PDF, for a management meeting (audited as a print)."""
    plan = get_plan(request, pk)
    ronde = services.laatste_ronde(plan)
    pdf = render_plan_pdf(plan, ronde, door=request.user)
    audit.log(request, action=AuditActie.PRINT, obj=plan, detail=f"plan {ronde.jaar} (PDF)")
    response = HttpResponse(pdf, content_type="application/pdf")
    naam = f"implementatieplan-{plan.pk}-{ronde.jaar}-{timezone.localdate():%Y%m%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response
