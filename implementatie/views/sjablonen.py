"""Beheer of the checklist templates (issue #14): the beheerder lists them, reads their
source and fixes, copies one to adapt it and edits the copy's themes and items, without
code. Templates from the data files are read-only here: the file wins (checklists_bijwerken)."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from implementatie import services
from implementatie.forms import KopieForm, SjabloonForm, SjabloonItemForm, ThemaForm
from implementatie.models import Sjabloon, SjabloonItem, Thema
from regie import access, audit
from regie.constants import AuditActie, Rol

beheerder_only = access.require_role(Rol.BEHEERDER)


@beheerder_only
@require_GET
def sjabloon_list(request):
    return render(
        request,
        "implementatie/beheer/sjabloon_list.html",
        {"sjablonen": Sjabloon.objects.select_related("kopie_van")},
    )


@beheerder_only
@require_http_methods(["GET", "POST"])
def sjabloon_detail(request, pk=None):
    sjabloon = get_object_or_404(Sjabloon, pk=pk) if pk else None
    eigen = sjabloon is None or not sjabloon.uit_bestand
    form = SjabloonForm(request.POST or None, instance=sjabloon) if eigen else None
    if request.method == "POST" and form is not None and form.is_valid():
        with transaction.atomic():
            saved = services.sjabloon_save(
                sjabloon=sjabloon, door=request.user, **form.cleaned_data
            )
            audit.log(
                request, action=AuditActie.UPDATE if sjabloon else AuditActie.CREATE, obj=saved
            )
        messages.success(request, _("De checklist is opgeslagen."))
        return redirect(saved)
    themas = sjabloon.themas.prefetch_related("items").order_by("volgorde") if sjabloon else []
    return render(
        request,
        "implementatie/beheer/sjabloon.html",
        {
            "sjabloon": sjabloon,
            "form": form,
            "eigen": eigen,
            "themas": themas,
            "kopie_form": KopieForm(
                initial={"naam": _("%(naam)s (eigen versie)") % {"naam": sjabloon.naam}}
            )
            if sjabloon
            else None,
        },
    )


@beheerder_only
@require_POST
def sjabloon_copy(request, pk):
    sjabloon = get_object_or_404(Sjabloon, pk=pk)
    form = KopieForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef de kopie een naam."))
        return redirect(sjabloon)
    with transaction.atomic():
        kopie = services.sjabloon_copy(
            sjabloon=sjabloon, door=request.user, naam=form.cleaned_data["naam"]
        )
        audit.log(
            request, action=AuditActie.CREATE, obj=kopie, detail=f"kopie van {sjabloon.sleutel}"
        )
    messages.success(request, _("De kopie is gemaakt; u kunt haar nu aanpassen."))
    return redirect(kopie)


@beheerder_only
@require_http_methods(["GET", "POST"])
def thema_edit(request, pk=None, sjabloon_pk=None):
    thema = get_object_or_404(Thema.objects.select_related("sjabloon"), pk=pk) if pk else None
    sjabloon = thema.sjabloon if thema else get_object_or_404(Sjabloon, pk=sjabloon_pk)
    if sjabloon.uit_bestand:
        messages.error(request, _("Een checklist uit de bronnen past u niet aan: maak een kopie."))
        return redirect(sjabloon)
    form = ThemaForm(request.POST or None, instance=thema)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = services.thema_save(thema=thema, sjabloon=sjabloon, **form.cleaned_data)
            audit.log(request, action=AuditActie.UPDATE if thema else AuditActie.CREATE, obj=saved)
        messages.success(request, _("Het thema is opgeslagen."))
        return redirect(sjabloon)
    return render(
        request,
        "implementatie/beheer/thema_form.html",
        {"form": form, "thema": thema, "sjabloon": sjabloon},
    )


@beheerder_only
@require_http_methods(["GET", "POST"])
def sjabloon_item_edit(request, pk=None, thema_pk=None):
    item = (
        get_object_or_404(SjabloonItem.objects.select_related("thema__sjabloon"), pk=pk)
        if pk
        else None
    )
    thema = (
        item.thema
        if item
        else get_object_or_404(Thema.objects.select_related("sjabloon"), pk=thema_pk)
    )
    sjabloon = thema.sjabloon
    if sjabloon.uit_bestand:
        messages.error(request, _("Een checklist uit de bronnen past u niet aan: maak een kopie."))
        return redirect(sjabloon)
    form = SjabloonItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = services.sjabloon_item_save(item=item, thema=thema, **form.velden())
            audit.log(request, action=AuditActie.UPDATE if item else AuditActie.CREATE, obj=saved)
        messages.success(request, _("Het item is opgeslagen."))
        return redirect(sjabloon)
    return render(
        request,
        "implementatie/beheer/item_form.html",
        {"form": form, "item": item, "thema": thema, "sjabloon": sjabloon},
    )
