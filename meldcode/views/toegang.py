"""Few eyes and the household's right of inspection (seed 002 ch. 7): the owner grants
named people access and withdraws it, shields items from the inspection copy with a reason,
and prints that copy. Each is audit-logged."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from meldcode import forms, services, weergave
from meldcode.models import DossierToegang
from meldcode.pdf import render_inzage_pdf
from meldcode.views.common import get_dossier, saving
from regie import access, audit
from regie.constants import AuditActie
from regie.models import User


def _regio_users(dossier):
    regio_id = dossier.traject.huishouden.gemeente.regio_id
    return (
        User.objects.filter(is_active=True, organisatie__gemeente__regio_id=regio_id)
        .exclude(pk=dossier.eigenaar_id)
        .select_related("organisatie")
        .order_by("first_name", "last_name")
    )


@access.login_required
@require_http_methods(["GET", "POST"])
def toegang_new(request, pk):
    dossier = get_dossier(request, pk, record=True)
    form = forms.ToegangForm(request.POST or None, users=_regio_users(dossier))
    if request.method == "POST" and form.is_valid():
        user, reden = form.cleaned_data["user"], form.cleaned_data["reden"]
        with saving(form):
            services.toegang_grant(dossier=dossier, door=request.user, user=user, reden=reden)
            audit.log(
                request,
                action=AuditActie.UPDATE,
                obj=dossier,
                detail=f"toegang verleend aan gebruiker {user.pk}: {reden}",
            )
        if not form.errors:
            messages.success(
                request,
                _("%(naam)s kan de inhoud van dit dossier nu lezen.")
                % {"naam": user.get_full_name() or user.email},
            )
            return redirect("meldcode:dossier", pk=dossier.pk)
    return render(
        request,
        "meldcode/toegang_form.html",
        {"dossier": dossier, "traject": dossier.traject, "form": form},
    )


@access.login_required
@require_http_methods(["GET", "POST"])
def toegang_withdraw(request, pk, toegang_pk):
    dossier = get_dossier(request, pk, record=True)
    toegang = get_object_or_404(
        DossierToegang.objects.select_related("user"),
        pk=toegang_pk,
        dossier=dossier,
        ingetrokken_op__isnull=True,
    )
    if request.method == "POST":
        with transaction.atomic():
            services.toegang_withdraw(toegang=toegang, door=request.user)
            audit.log(
                request,
                action=AuditActie.UPDATE,
                obj=dossier,
                detail=f"toegang ingetrokken van gebruiker {toegang.user_id}",
            )
        messages.success(request, _("De toegang is ingetrokken."))
        return redirect("meldcode:dossier", pk=dossier.pk)
    return render(
        request,
        "meldcode/toegang_intrekken.html",
        {"dossier": dossier, "traject": dossier.traject, "toegang": toegang},
    )


@access.login_required
@require_http_methods(["GET", "POST"])
def item_shield(request, pk, soort, item_pk):
    dossier = get_dossier(request, pk, record=True)
    model = weergave.AFSCHERMBAAR.get(soort)
    if model is None:
        raise Http404
    row = get_object_or_404(model, pk=item_pk, dossier=dossier)
    sleutel = weergave.afscherm_sleutel(row)
    bestaand = dossier.afschermingen.filter(item=sleutel).first()
    form = forms.AfschermForm(
        request.POST or None,
        initial={"reden": bestaand.reden, "toelichting": bestaand.toelichting}
        if bestaand
        else None,
    )
    if request.method == "POST" and form.is_valid():
        with saving(form):
            services.item_shield(
                dossier=dossier,
                door=request.user,
                item=sleutel,
                reden=form.cleaned_data["reden"],
                toelichting=form.cleaned_data["toelichting"],
            )
            audit.log(
                request,
                action=AuditActie.UPDATE,
                obj=dossier,
                detail=f"afgeschermd voor inzage: {sleutel} ({form.cleaned_data['reden']})",
            )
        if not form.errors:
            messages.success(request, _("Dit onderdeel blijft buiten het inzage-exemplaar."))
            return redirect("meldcode:dossier", pk=dossier.pk)
    return render(
        request,
        "meldcode/afschermen.html",
        {
            "dossier": dossier,
            "traject": dossier.traject,
            "form": form,
            "row": row,
            "velden": weergave.velden(row),
            "bestaand": bestaand,
        },
    )


@access.login_required
@require_GET
def inzage_pdf(request, pk):
    """The household's inspection copy, rendered in the request for the owner."""
    dossier = get_dossier(request, pk, record=True)
    pdf = render_inzage_pdf(dossier, door=request.user)
    audit.log(request, action=AuditActie.PRINT, obj=dossier, detail="inzage-exemplaar (PDF)")
    response = HttpResponse(pdf, content_type="application/pdf")
    naam = f"inzage-meldcodedossier-{dossier.pk}-{timezone.localdate():%Y%m%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    response["Cache-Control"] = "no-store"
    return response
