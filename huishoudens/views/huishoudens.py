"""Households: list and search, aanmelding (with the duplicate guard), the household page,
and its members, network, professionals and consent."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from huishoudens import policy, services
from huishoudens.consent import consent_complete, consent_states, mentor_note
from huishoudens.forms import (
    AanmeldingForm,
    GezinslidForm,
    HuishoudenForm,
    NetwerklidForm,
    ProfessionalForm,
    ToestemmingForm,
)
from huishoudens.models import Huishouden
from huishoudens.selectors import get_huishouden_for_user, possible_duplicates, search_households
from regie import access, audit
from regie.constants import CASE_ROLES, AuditActie
from regie.views.common import paginate, render_htmx

case_roles_only = access.require_role(*CASE_ROLES)

LID_PREFIX = "lid"


@case_roles_only
@require_GET
def huishouden_list(request):
    q = request.GET.get("q", "").strip()
    qs = search_households(request.user, q) if q else Huishouden.objects.for_user(request.user)
    page = paginate(request, qs.select_related("gemeente").order_by("naam"))
    audit.log(
        request,
        action=AuditActie.SEARCH if q else AuditActie.READ,
        object_type=Huishouden._meta.label,
        detail=f"zoek={q}; pagina {page.number}",
    )
    return render_htmx(
        request,
        "huishoudens/huishouden_list.html",
        "huishoudens/_huishouden_rows.html",
        {"page": page, "q": q},
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def aanmelding_new(request):
    """Fase 1: register a household (or find it) and its aanmelding in one form."""
    data = request.POST or None
    huishouden_form = HuishoudenForm(data, prefix="hh")
    lid_form = GezinslidForm(data, prefix=LID_PREFIX)
    aanmelding_form = AanmeldingForm(data, prefix="aanm")
    forms_ = [huishouden_form, lid_form, aanmelding_form]
    context = {
        "huishouden_form": huishouden_form,
        "lid_form": lid_form,
        "aanmelding_form": aanmelding_form,
    }
    if request.method == "POST" and all(f.is_valid() for f in forms_):
        lid, hh = lid_form.cleaned_data, huishouden_form.cleaned_data
        terms = {
            "voornaam": lid["voornaam"],
            "achternaam": lid["achternaam"],
            "geboortedatum": lid["geboortedatum"],
            "postcode": hh["postcode"],
            "adres": hh["adres"],
        }
        matches = list(possible_duplicates(**terms))
        involved = set(
            Huishouden.objects.for_user(request.user)
            .filter(pk__in=[m.pk for m in matches])
            .values_list("pk", flat=True)
        )
        _log_duplicate_search(request, terms, matches, involved)
        # Only households the registrant is involved with are shown (issue #11): for any
        # other match the response is exactly the one without a match, and whoever holds
        # the regie of that household hears of the aanmelding instead.
        eigen = [m for m in matches if m.pk in involved]
        vreemd = [m for m in matches if m.pk not in involved]
        if eigen and not request.POST.get("toch_nieuw"):
            context["matches_zichtbaar"] = eigen
            return render(request, "huishoudens/aanmelding_form.html", context)
        with transaction.atomic():
            huishouden = services.huishouden_create(door=request.user, lid=lid, **hh)
            traject = services.aanmelding_create(
                huishouden=huishouden, door=request.user, **aanmelding_form.cleaned_data
            )
            berichten = services.aanmelding_dubbel_notify(traject=traject, huishoudens=vreemd)
            detail = ""
            if vreemd:
                ids = ", ".join(str(m.pk) for m in vreemd)
                detail = (
                    f"mogelijk hetzelfde als huishouden {ids} (aanmelder niet betrokken); "
                    f"{len(berichten)} betrokkene(n) per e-mail ingelicht"
                )
            audit.log(request, action=AuditActie.CREATE, obj=traject, detail=detail)
        if traject.veiligheid:
            messages.warning(
                request,
                _(
                    "Er zijn zorgen over veiligheid of basiszorg: 1Gezin1Plan1Regisseur start direct. "
                    "Volg de aanvullende acties bij onveiligheid (meldcode) en maak eerst het Veiligheidsplan."
                ),
            )
        else:
            messages.success(request, _("De aanmelding is vastgelegd."))
        return redirect("huishoudens:traject", pk=traject.pk)
    return render(request, "huishoudens/aanmelding_form.html", context)


def _log_duplicate_search(request, terms: dict, matches: list, involved: set) -> None:
    """One SEARCH row per matched household (its id in household_id), or one row for no
    match, each with the search terms, so a privacy officer can see who looked for whom."""
    termen = "; ".join(f"{name}={value}" for name, value in terms.items())
    if not matches:
        audit.log(
            request,
            action=AuditActie.SEARCH,
            object_type=Huishouden._meta.label,
            detail=f"dubbelcheck aanmelding: geen match; zoektermen: {termen}",
        )
    for match in matches:
        betrokken = "aanmelder betrokken" if match.pk in involved else "aanmelder niet betrokken"
        audit.log(
            request,
            action=AuditActie.SEARCH,
            obj=match,
            detail=f"dubbelcheck aanmelding: match ({betrokken}); zoektermen: {termen}",
        )


@case_roles_only
@require_http_methods(["GET", "POST"])
def aanmelding_existing(request, pk):
    """A new aanmelding for a household that is already registered (one open at a time)."""
    huishouden = get_huishouden_for_user(request, pk)
    form = AanmeldingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                traject = services.aanmelding_create(
                    huishouden=huishouden, door=request.user, **form.cleaned_data
                )
                audit.log(request, action=AuditActie.CREATE, obj=traject)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De aanmelding is vastgelegd."))
            return redirect("huishoudens:traject", pk=traject.pk)
    return render(
        request, "huishoudens/aanmelding_bestaand.html", {"form": form, "huishouden": huishouden}
    )


@case_roles_only
@require_GET
def huishouden_detail(request, pk):
    huishouden = get_huishouden_for_user(request, pk)
    leden = list(huishouden.leden.prefetch_related("toestemmingen"))
    for lid in leden:
        lid.toestemming = consent_states(lid)
        lid.toestemming_compleet = consent_complete(lid)
        lid.mentor = mentor_note(lid)
    audit.log(request, action=AuditActie.READ, obj=huishouden)
    return render(
        request,
        "huishoudens/huishouden_detail.html",
        {
            "huishouden": huishouden,
            "leden": leden,
            "netwerk": huishouden.netwerk.all(),
            "professionals": huishouden.professionals.select_related("user__organisatie"),
            "trajecten": huishouden.trajecten.all(),
            "zonder_toestemming": [lid for lid in leden if not lid.toestemming_compleet],
        },
    )


def _household_form_view(request, pk, form_class, template, save, instance=None, **form_kwargs):
    """Shared flow for the small forms on a household: validate, save with audit, redirect."""
    huishouden = get_huishouden_for_user(request, pk)
    if not policy.may_edit_household(request.user):
        raise PermissionDenied
    form = form_class(request.POST or None, instance=instance, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = save(huishouden, form)
            audit.log(request, action=AuditActie.UPDATE if instance else AuditActie.CREATE, obj=obj)
        messages.success(request, _("Opgeslagen."))
        return redirect("huishoudens:huishouden", pk=huishouden.pk)
    if instance is not None:
        audit.log(request, action=AuditActie.READ, obj=instance)
    return render(request, template, {"form": form, "huishouden": huishouden, "object": instance})


@case_roles_only
@require_http_methods(["GET", "POST"])
def gezinslid_edit(request, pk, lid_pk=None):
    lid = None
    if lid_pk:
        lid = get_object_or_404(get_huishouden_for_user(request, pk).leden, pk=lid_pk)

    def save(huishouden, form):
        return services.gezinslid_save(huishouden=huishouden, lid=lid, **form.cleaned_data)

    return _household_form_view(
        request, pk, GezinslidForm, "huishoudens/gezinslid_form.html", save, instance=lid
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def huishouden_edit(request, pk):
    huishouden = get_huishouden_for_user(request, pk)

    def save(huishouden, form):
        return services.huishouden_update(huishouden=huishouden, **form.cleaned_data)

    return _household_form_view(
        request, pk, HuishoudenForm, "huishoudens/huishouden_form.html", save, instance=huishouden
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def netwerklid_edit(request, pk, netwerk_pk=None):
    lid = (
        get_object_or_404(get_huishouden_for_user(request, pk).netwerk, pk=netwerk_pk)
        if netwerk_pk
        else None
    )

    def save(huishouden, form):
        return services.netwerklid_save(huishouden=huishouden, lid=lid, **form.cleaned_data)

    return _household_form_view(
        request, pk, NetwerklidForm, "huishoudens/netwerklid_form.html", save, instance=lid
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def verwijderen(request, pk, soort, item_pk):
    """Remove a network member or professional from the household, after confirmation."""
    huishouden = get_huishouden_for_user(request, pk)
    if not policy.may_edit_household(request.user):
        raise PermissionDenied
    managers = {"netwerk": huishouden.netwerk, "professional": huishouden.professionals}
    if soort not in managers:
        raise Http404
    item = get_object_or_404(managers[soort], pk=item_pk)
    if request.method == "POST":
        try:
            with transaction.atomic():
                audit.log(request, action=AuditActie.DELETE, obj=item, detail=str(item))
                services.household_item_remove(item=item)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(naam)s is verwijderd.") % {"naam": item})
        return redirect("huishoudens:huishouden", pk=huishouden.pk)
    audit.log(request, action=AuditActie.READ, obj=item)
    return render(request, "huishoudens/verwijderen.html", {"huishouden": huishouden, "item": item})


@case_roles_only
@require_http_methods(["GET", "POST"])
def professional_new(request, pk):
    def save(huishouden, form):
        return services.professional_add(huishouden=huishouden, **form.cleaned_data)

    huishouden = get_huishouden_for_user(request, pk)
    return _household_form_view(
        request,
        pk,
        ProfessionalForm,
        "huishoudens/professional_form.html",
        save,
        huishouden=huishouden,
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def toestemming_new(request, pk, lid_pk):
    lid = get_object_or_404(get_huishouden_for_user(request, pk).leden, pk=lid_pk)

    def save(huishouden, form):
        return services.toestemming_record(gezinslid=lid, door=request.user, **form.cleaned_data)

    return _household_form_view(
        request, pk, ToestemmingForm, "huishoudens/toestemming_form.html", save, lid=lid
    )
