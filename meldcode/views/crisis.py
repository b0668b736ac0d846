"""Acuut gevaar (seed 002 ch. 2, "Stappen bij levensbedreigende situaties"): the region's
crisis contacts one click away from a traject, with the call made; and the beheerder's pages
for those contacts and for risk-instrument training ("alleen wanneer je hierop bent
geschoold")."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from huishoudens.selectors import get_traject_for_user
from meldcode import forms, policy, services
from meldcode.models import CrisisContact, Dossier, InstrumentScholing
from meldcode.views.common import saving
from regie import access, audit
from regie.constants import CASE_ROLES, AuditActie, Rol
from regie.models import User

case_roles_only = access.require_role(*CASE_ROLES)
beheerder_only = access.require_role(Rol.BEHEERDER)

NIET_INGESTELD = gettext_lazy("telefoonnummer nog niet ingesteld door de beheerder")

# When a region has configured none: the seed's four contacts; the two national numbers are
# known, the regional ones are the beheerder's to fill in (meldcode/README.md).
STANDAARD_CONTACTEN = [
    (gettext_lazy("Politie"), "112", gettext_lazy("Bij acuut levensgevaar.")),
    (
        gettext_lazy("Crisisdienst Veilig Thuis"),
        "0800-2000",
        gettext_lazy("Dag en nacht bereikbaar, gratis."),
    ),
    (gettext_lazy("Crisis Interventieteam GGZ"), "", ""),
    (gettext_lazy("Raad voor de Kinderbescherming"), "", ""),
]


def contacten_voor(regio) -> tuple[list[dict], bool]:
    """The region's contacts, or the defaults; and whether they are the defaults."""
    eigen = list(CrisisContact.objects.filter(regio=regio))
    if eigen:
        return [
            {"naam": c.naam, "telefoon": c.telefoon, "toelichting": c.toelichting} for c in eigen
        ], False
    return [
        {"naam": str(n), "telefoon": t, "toelichting": str(u)} for n, t, u in STANDAARD_CONTACTEN
    ], True


def tel_href(telefoon: str) -> str:
    return "tel:" + "".join(c for c in telefoon if c.isdigit() or c == "+")


@case_roles_only
@require_http_methods(["GET", "POST"])
def acuut(request, pk):
    traject = get_traject_for_user(request, pk)
    regio = traject.huishouden.gemeente.regio
    contacten, standaard = contacten_voor(regio)
    for c in contacten:
        c["href"] = tel_href(c["telefoon"]) if c["telefoon"] else ""
    # Coming from a dossier page: the call is recorded on that dossier too (its readers only).
    dossier = None
    dossier_pk = request.POST.get("dossier") or request.GET.get("dossier")
    if dossier_pk and str(dossier_pk).isdigit():
        dossier = (
            Dossier.objects.for_user(request.user).filter(pk=dossier_pk, traject=traject).first()
        )
        if dossier and not policy.may_read_content(request.user, dossier):
            dossier = None
    form = forms.CrisisOproepForm(
        request.POST or None,
        initial={"op": timezone.localtime().replace(second=0, microsecond=0)},
    )
    if request.method == "POST" and form.is_valid():
        with saving(form):
            oproep = services.crisisoproep_record(
                traject=traject, door=request.user, dossier=dossier, **form.cleaned_data
            )
            audit.log(
                request,
                action=AuditActie.CREATE,
                obj=oproep,
                detail=f"crisisoproep: {oproep.contact}",
            )
        if not form.errors:
            messages.success(request, _("Het gesprek is vastgelegd."))
            if dossier is not None:
                return redirect("meldcode:dossier", pk=dossier.pk)
            return redirect("meldcode:acuut", pk=traject.pk)
    audit.log(request, action=AuditActie.READ, obj=traject, detail="acuut gevaar")
    return render(
        request,
        "meldcode/acuut.html",
        {
            "traject": traject,
            "regio": regio,
            "contacten": contacten,
            "standaard": standaard,
            "niet_ingesteld": NIET_INGESTELD,
            "form": form,
            "dossier": dossier,
            "oproepen": traject.crisisoproepen.filter(dossier__isnull=True).select_related("door"),
            "seed_acuut": _acuut_seed(),
        },
    )


def _acuut_seed():
    from meldcode import inhoud

    return inhoud.stap("acuut")


# --- the beheerder: the region's crisis contacts ------------------------------------


def _regio(request):
    return request.user.organisatie.gemeente.regio


@beheerder_only
def crisiscontact_list(request):
    regio = _regio(request)
    return render(
        request,
        "meldcode/crisiscontacten.html",
        {
            "regio": regio,
            "contacten": CrisisContact.objects.filter(regio=regio),
            "standaard": STANDAARD_CONTACTEN,
            "niet_ingesteld": NIET_INGESTELD,
        },
    )


@beheerder_only
@require_http_methods(["GET", "POST"])
def crisiscontact_edit(request, pk=None):
    regio = _regio(request)
    contact = get_object_or_404(CrisisContact, pk=pk, regio=regio) if pk else None
    form = forms.CrisisContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            velden = {name: form.cleaned_data[name] for name in form.Meta.fields}
            saved = services.crisiscontact_save(regio=regio, contact=contact, **velden)
            audit.log(
                request,
                action=AuditActie.UPDATE if contact else AuditActie.CREATE,
                obj=saved,
                detail=f"crisiscontact {saved.naam} ({saved.telefoon}), regio {regio.pk}",
            )
        messages.success(request, _("Het crisiscontact is opgeslagen."))
        return redirect("meldcode:crisiscontacten")
    return render(
        request,
        "meldcode/crisiscontact_form.html",
        {"form": form, "contact": contact, "regio": regio},
    )


@beheerder_only
@require_http_methods(["GET", "POST"])
def crisiscontact_delete(request, pk):
    contact = get_object_or_404(CrisisContact, pk=pk, regio=_regio(request))
    if request.method == "POST":
        with transaction.atomic():
            audit.log(
                request,
                action=AuditActie.DELETE,
                obj=contact,
                detail=f"crisiscontact {contact.naam} ({contact.telefoon})",
            )
            services.crisiscontact_delete(contact=contact)
        messages.success(request, _("Het crisiscontact is verwijderd."))
        return redirect("meldcode:crisiscontacten")
    return render(request, "meldcode/crisiscontact_verwijderen.html", {"contact": contact})


# --- the beheerder: risk-instrument training ----------------------------------------


def _regio_users(request):
    return (
        User.objects.filter(is_active=True, organisatie__gemeente__regio=_regio(request))
        .select_related("organisatie")
        .order_by("first_name", "last_name")
    )


@beheerder_only
@require_http_methods(["GET", "POST"])
def scholing_list(request):
    users = _regio_users(request)
    form = forms.ScholingForm(request.POST or None, users=users)
    if request.method == "POST" and form.is_valid():
        with saving(form):
            scholing = services.scholing_record(**form.cleaned_data)
            audit.log(
                request,
                action=AuditActie.CREATE,
                obj=scholing,
                detail=f"scholing {scholing.instrument} voor gebruiker {scholing.user_id}",
            )
        if not form.errors:
            messages.success(request, _("De scholing is vastgelegd."))
            return redirect("meldcode:scholingen")
    return render(
        request,
        "meldcode/scholingen.html",
        {
            "form": form,
            "scholingen": InstrumentScholing.objects.filter(user__in=users)
            .select_related("user__organisatie")
            .order_by("user__first_name", "instrument"),
        },
    )


@beheerder_only
@require_http_methods(["GET", "POST"])
def scholing_delete(request, pk):
    scholing = get_object_or_404(
        InstrumentScholing.objects.select_related("user"), pk=pk, user__in=_regio_users(request)
    )
    if request.method == "POST":
        with transaction.atomic():
            audit.log(
                request,
                action=AuditActie.DELETE,
                obj=scholing,
                detail=f"scholing {scholing.instrument} voor gebruiker {scholing.user_id}",
            )
            services.scholing_delete(scholing=scholing)
        messages.success(request, _("De scholing is verwijderd."))
        return redirect("meldcode:scholingen")
    return render(request, "meldcode/scholing_verwijderen.html", {"scholing": scholing})
