"""Opening a dossier from a traject and its page: the steps of "Aanvullende acties bij
onveiligheid" (seed 002 ch. 2) with what each records (002 ch. 7), the melding and its
feedback, "Als zorgen blijven" and closing. Only the owner records; see meldcode/README.md."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from huishoudens.selectors import get_traject_for_user
from meldcode import forms, inhoud, policy, selectors, services, weergave
from meldcode.constants import Aanleiding, GebeurtenisSoort
from meldcode.models import (
    Consultatie,
    Gesprek,
    InKaart,
    Signalen,
    VtMelding,
    Weging,
)
from meldcode.views.common import get_dossier, saving
from regie import access, audit
from regie.constants import CASE_ROLES, AuditActie
from regie.models import User
from regie.views.common import render_htmx

case_roles_only = access.require_role(*CASE_ROLES)

# Step code -> (model, form class, service) for the steps recorded on the dossier page.
STAPPEN = {
    "0": (Signalen, forms.SignalenForm, services.signalen_record),
    "1": (InKaart, forms.InKaartForm, services.inkaart_record),
    "2": (Consultatie, forms.ConsultatieForm, services.consultatie_record),
    "3": (Gesprek, forms.GesprekForm, services.gesprek_record),
}


# --- opening ------------------------------------------------------------------------


def _aanmelding_signaal(traject):
    """The signal the aanmelding's safety check opened, while it is open and no dossier
    follows it yet; None otherwise.

    A dossier opened "vanuit de veiligheidscheck bij de aanmelding" follows that signal, so
    closing the dossier closes it, as for a dossier opened from a signal: without it the
    signal stayed open and the traject could never close (issue #12; 002 fase 6b step 8).
    `huishoudens.services.aanmelding_create` writes the signal with the traject, so it is
    the traject's first one; a signal reported later has its own link (?signaal=)."""
    if not traject.veiligheid:
        return None
    eerste = traject.signalen.order_by("gemeld_op", "pk").first()
    if eerste is None or eerste.afgesloten_op is not None or eerste.meldcode_dossiers.exists():
        return None
    return eerste


@case_roles_only
@require_http_methods(["GET", "POST"])
def dossier_new(request, traject_pk):
    traject = get_traject_for_user(request, traject_pk)
    if not policy.may_open(request.user, traject):
        audit.log_denied(request, obj=traject, detail="meldcodedossier openen")
        raise PermissionDenied
    signaal = None
    aanleiding = Aanleiding.TRAJECT
    if request.GET.get("signaal"):
        try:
            signaal = traject.signalen.get(pk=int(request.GET["signaal"]))
        except (ValueError, traject.signalen.model.DoesNotExist):
            raise Http404 from None
        aanleiding = Aanleiding.SIGNAAL
    elif request.GET.get("aanleiding") == Aanleiding.AANMELDING:
        aanleiding = Aanleiding.AANMELDING
        signaal = _aanmelding_signaal(traject)
    regisseur_ids = traject.betrokkenen.actief().values("user_id")
    regisseurs = User.objects.filter(pk__in=regisseur_ids, is_active=True).order_by("first_name")
    form = forms.DossierOpenForm(
        request.POST or None,
        traject=traject,
        regisseurs=regisseurs,
        initial={"eigenaar": request.user.pk},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with saving(form):
            dossier = services.dossier_open(
                traject=traject,
                door=request.user,
                aanleiding=aanleiding,
                eigenaar=data["eigenaar"],
                signaal=signaal,
                leden=data["leden"],
                weeg_interval_dagen=data["weeg_interval_dagen"],
            )
            audit.log(
                request,
                action=AuditActie.CREATE,
                obj=dossier,
                detail=f"meldcodedossier geopend ({aanleiding}), eigenaar {dossier.eigenaar_id}",
            )
        if not form.errors:
            messages.success(request, _("Het meldcodedossier is geopend."))
            return redirect("meldcode:dossier", pk=dossier.pk)
    return render(
        request,
        "meldcode/dossier_nieuw.html",
        {
            "traject": traject,
            "form": form,
            "signaal": signaal,
            "aanleiding": Aanleiding(aanleiding),
        },
    )


# --- the dossier page ---------------------------------------------------------------


def _shielded(dossier) -> dict:
    return {a.item: a for a in dossier.afschermingen.all()}


def _rows(queryset, afgeschermd):
    rows = list(queryset)
    for row in rows:
        row.sleutel = weergave.afscherm_sleutel(row)
        row.afscherm_soort = row._meta.model_name
        row.wie = getattr(row, "vastgelegd_door", None) or row.door
        row.wanneer = getattr(row, "vastgelegd_op", None) or row.op
        row.velden = weergave.velden(row)
        row.afscherming = afgeschermd.get(row.sleutel)
    return rows


def dossier_context(request, dossier, bound: dict | None = None) -> dict:
    """Everything the content page shows; `bound` holds a submitted form with errors."""
    bound = bound or {}
    user = request.user
    mag_vastleggen = policy.may_record(user, dossier) and dossier.status == "open"
    afgeschermd = _shielded(dossier)
    stappen = []
    for seed in inhoud.data()["stappen"]:
        code = seed["code"]
        stap = {"code": code, "seed": seed, "id": f"stap-{code}"}
        if code in STAPPEN:
            model, form_class, _service = STAPPEN[code]
            rows = _rows(
                model.objects.filter(dossier=dossier).select_related("vastgelegd_door"),
                afgeschermd,
            )
            stap["rows"] = rows
            if mag_vastleggen:
                kwargs = {"prefix": f"stap{code}"}
                if code == "1":
                    kwargs["instrumenten"] = services.instrumenten_voor(user)
                stap["form"] = bound.get(code) or form_class(**kwargs)
        elif code == "acuut":
            stap["rows"] = _rows(dossier.crisisoproepen.select_related("door"), afgeschermd)
        else:  # 4-5
            stap["rows"] = _rows(
                Weging.objects.filter(dossier=dossier).select_related("vastgelegd_door"),
                afgeschermd,
            )
        stappen.append(stap)
    meldingen = _rows(
        VtMelding.objects.filter(dossier=dossier).select_related("vastgelegd_door"), afgeschermd
    )
    today = timezone.localdate()
    for melding in meldingen:
        melding.leeftijd = (today - melding.op).days
        if mag_vastleggen and melding.terugkoppeling_op is None:
            melding.form = bound.get(f"terugkoppeling-{melding.pk}") or forms.TerugkoppelingForm(
                prefix=f"tk{melding.pk}", instance=melding
            )
    gebeurtenissen = _rows(dossier.gebeurtenissen.select_related("vastgelegd_door"), afgeschermd)
    for g in gebeurtenissen:
        g.vraagt_melding = GebeurtenisSoort(g.soort).vraagt_melding
    return {
        "dossier": dossier,
        "traject": dossier.traject,
        "stappen": stappen,
        "meldingen": meldingen,
        "wacht_op_vt": [m for m in meldingen if m.terugkoppeling_op is None],
        "melding_vereist": selectors.melding_vereist(dossier),
        "melding_form": (bound.get("melding") or forms.MeldingForm(prefix="melding"))
        if mag_vastleggen
        else None,
        "gebeurtenissen": gebeurtenissen,
        "gebeurtenis_form": (bound.get("gebeurtenis") or forms.GebeurtenisForm(prefix="gb"))
        if mag_vastleggen
        else None,
        "mag_vastleggen": mag_vastleggen,
        "is_eigenaar": policy.may_record(user, dossier),
        "toegang": list(dossier.toegang.all()),
        "seed": inhoud.data(),
        "vraagt_melding": [s.label for s in GebeurtenisSoort if s.vraagt_melding],
    }


@access.login_required
@require_GET
def dossier_detail(request, pk):
    dossier = get_dossier(request, pk)
    if not policy.may_read_content(request.user, dossier):
        # Everyone else involved sees that it exists, since when and whose it is.
        audit.log_denied(request, obj=dossier, detail="inhoud meldcodedossier; alleen bestaan")
        return render(request, "meldcode/dossier_bestaat.html", {"dossier": dossier})
    audit.log(request, action=AuditActie.READ, obj=dossier, detail="inhoud meldcodedossier")
    return render(request, "meldcode/dossier.html", dossier_context(request, dossier))


def _rerender(request, dossier, key, form):
    messages.error(request, _("Het is niet opgeslagen: bekijk de meldingen bij het formulier."))
    return render(request, "meldcode/dossier.html", dossier_context(request, dossier, {key: form}))


@access.login_required
@require_POST
def stap_record(request, pk, code):
    dossier = get_dossier(request, pk, record=True)
    if code not in STAPPEN:
        raise Http404
    _model, form_class, service = STAPPEN[code]
    kwargs = {"prefix": f"stap{code}"}
    if code == "1":
        kwargs["instrumenten"] = services.instrumenten_voor(request.user)
    form = form_class(request.POST, **kwargs)
    if form.is_valid():
        with saving(form):
            row = service(dossier=dossier, door=request.user, **form.cleaned_data)
            audit.log(
                request,
                action=AuditActie.CREATE,
                obj=dossier,
                detail=f"stap {code} vastgelegd ({weergave.afscherm_sleutel(row)})",
            )
        if not form.errors:
            messages.success(
                request, _("%(stap)s is vastgelegd.") % {"stap": inhoud.stap(code)["titel"]}
            )
            return redirect(f"{dossier_url(dossier)}#stap-{code}")
    return _rerender(request, dossier, code, form)


def dossier_url(dossier) -> str:
    from django.urls import reverse

    return reverse("meldcode:dossier", args=[dossier.pk])


# --- stap 4 en 5: the afwegingskader ------------------------------------------------


@access.login_required
@require_http_methods(["GET", "POST"])
def weging(request, pk):
    """One question at a time: each POST adds the answer and the page shows the next
    question `beslis` asks, then the decision; 'opslaan' saves the weighing."""
    dossier = get_dossier(request, pk, record=True)
    form = forms.WegingForm(request.POST or None, initial={"op": timezone.localdate()})
    if request.method == "POST":
        valid = form.is_valid()
        if valid and request.POST.get("stap") == "opslaan" and form.check_for_save():
            data = form.cleaned_data
            with saving(form):
                row = services.weging_record(
                    dossier=dossier,
                    door=request.user,
                    op=data["op"],
                    antwoorden=form.antwoorden,
                    overwegingen=data["overwegingen"],
                    samen_met_veilig_thuis=form.samen,
                    afspraken=data["afspraken"],
                )
                audit.log(
                    request,
                    action=AuditActie.CREATE,
                    obj=dossier,
                    detail=f"weging vastgelegd ({weergave.besluit_tekst(row)})",
                )
            if not form.errors:
                messages.success(
                    request,
                    _("De weging is vastgelegd. Besluit: %(b)s.")
                    % {"b": weergave.besluit_tekst(row)},
                )
                url = f"{dossier_url(dossier)}#stap-4-5"
                if getattr(request, "htmx", False):
                    return HttpResponseClientRedirect(url)
                return redirect(url)
        elif valid and request.POST.get("stap") == "volgende" and not form.besluit.compleet:
            n = form.besluit.volgende_vraag
            form.add_error(f"antwoord_{n}", _("Kies ja of nee."))
    else:
        form.is_valid()  # unbound: no answers yet, the first question
    audit.log(request, action=AuditActie.READ, obj=dossier, detail="weging")
    context = {
        "dossier": dossier,
        "traject": dossier.traject,
        "form": form,
        "vragen": form.vragen(),
        "besluit": form.besluit,
        "besluit_tekst": weergave.besluit_tekst(form.besluit),
        "seed": inhoud.data(),
    }
    return render_htmx(request, "meldcode/weging.html", "meldcode/_weging_form.html", context)


# --- the melding and its feedback, events, closing ------------------------------------


@access.login_required
@require_POST
def melding_record(request, pk):
    dossier = get_dossier(request, pk, record=True)
    form = forms.MeldingForm(request.POST, prefix="melding")
    if form.is_valid():
        with saving(form):
            melding = services.melding_record(
                dossier=dossier, door=request.user, **form.cleaned_data
            )
            audit.log(
                request,
                action=AuditActie.CREATE,
                obj=dossier,
                detail=f"melding bij Veilig Thuis vastgelegd (vtmelding:{melding.pk})",
            )
        if not form.errors:
            messages.success(request, _("De melding bij Veilig Thuis is vastgelegd."))
            return redirect(f"{dossier_url(dossier)}#meldingen")
    return _rerender(request, dossier, "melding", form)


@access.login_required
@require_POST
def terugkoppeling_record(request, pk, melding_pk):
    dossier = get_dossier(request, pk, record=True)
    melding = get_object_or_404(VtMelding, pk=melding_pk, dossier=dossier)
    form = forms.TerugkoppelingForm(request.POST, prefix=f"tk{melding.pk}", instance=melding)
    if form.is_valid():
        with saving(form):
            services.terugkoppeling_record(
                melding=VtMelding.objects.get(pk=melding.pk),
                op=form.cleaned_data["terugkoppeling_op"],
                terugkoppeling=form.cleaned_data["terugkoppeling"],
            )
            audit.log(
                request,
                action=AuditActie.UPDATE,
                obj=dossier,
                detail=f"terugkoppeling Veilig Thuis (vtmelding:{melding.pk})",
            )
        if not form.errors:
            messages.success(request, _("De terugkoppeling van Veilig Thuis is vastgelegd."))
            return redirect(f"{dossier_url(dossier)}#meldingen")
    return _rerender(request, dossier, f"terugkoppeling-{melding.pk}", form)


@access.login_required
@require_POST
def gebeurtenis_record(request, pk):
    dossier = get_dossier(request, pk, record=True)
    form = forms.GebeurtenisForm(request.POST, prefix="gb")
    if form.is_valid():
        with saving(form):
            services.gebeurtenis_record(dossier=dossier, door=request.user, **form.cleaned_data)
            audit.log(
                request,
                action=AuditActie.CREATE,
                obj=dossier,
                detail=f"gebeurtenis: {form.cleaned_data['soort']}",
            )
        if not form.errors:
            if GebeurtenisSoort(form.cleaned_data["soort"]).vraagt_melding:
                messages.warning(
                    request,
                    _(
                        "Deze gebeurtenis vraagt altijd een melding bij Veilig Thuis. "
                        "Leg de melding vast zodra die is gedaan."
                    ),
                )
            else:
                messages.success(request, _("De gebeurtenis is vastgelegd."))
            return redirect(f"{dossier_url(dossier)}#zorgen-blijven")
    return _rerender(request, dossier, "gebeurtenis", form)


@access.login_required
@require_http_methods(["GET", "POST"])
def dossier_close(request, pk):
    dossier = get_dossier(request, pk, record=True)
    if dossier.status != "open":
        messages.info(request, _("Dit dossier is al gesloten."))
        return redirect("meldcode:dossier", pk=dossier.pk)
    form = forms.SluitenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with saving(form):
            services.dossier_close(
                dossier=dossier,
                door=request.user,
                reden=form.cleaned_data["reden"],
                toelichting=form.cleaned_data["toelichting"],
            )
            audit.log(
                request,
                action=AuditActie.UPDATE,
                obj=dossier,
                detail=f"meldcodedossier gesloten: {form.cleaned_data['reden']}",
            )
        if not form.errors:
            messages.success(request, _("Het meldcodedossier is gesloten."))
            return redirect("meldcode:dossier", pk=dossier.pk)
    return render(
        request,
        "meldcode/dossier_sluiten.html",
        {
            "dossier": dossier,
            "traject": dossier.traject,
            "form": form,
            "melding_vereist": selectors.melding_vereist(dossier),
        },
    )
