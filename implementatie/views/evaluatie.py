"""Pages of the evaluation with the household and the monitoring surveys (seed 002 DEEL I;
issue #14): the procesregisseur's evaluation page of a traject at the last overleg (paper
forms, personal links), the public page behind a personal link, the results per scope, and
the surveys. Rules and anonymity: `implementatie.services_evaluatie`; suppression:
`implementatie.evaluatie`."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from huishoudens import policy
from huishoudens.selectors import get_traject_for_user
from implementatie import evaluatie as selectors
from implementatie import services_evaluatie as services
from implementatie.forms_evaluatie import (
    AdressenForm,
    DeelnemersForm,
    EnqueteForm,
    PapierForm,
    VragenlijstForm,
)
from implementatie.models import Evaluatie, Groep
from implementatie.scope import ROL_NIVEAU, eigen_scope
from plannen.models import GenodigdeSoort
from plannen.selectors.overleg import mogelijke_genodigden
from regie import access, audit
from regie.constants import CASE_ROLES, AuditActie

case_roles_only = access.require_role(*CASE_ROLES)
scope_roles_only = access.require_role(*ROL_NIVEAU)

GROEP_VAN_SOORT = {
    GenodigdeSoort.KLANT: Groep.KLANT,
    GenodigdeSoort.NETWERK: Groep.FAMILIE,
    GenodigdeSoort.PROFESSIONAL: Groep.PROFESSIONAL,
}

# The public link: failed look-ups per client address before it answers 429 for a while.
MAX_MISSERS = 30
MISSERS_SECONDEN = 15 * 60


# --- the procesregisseur's page of a traject ------------------------------------------------


def _traject(request, pk):
    """The traject for its procesregisseur (or any case role where there is none)."""
    traject = get_traject_for_user(request, pk)
    if not policy.may_run_process(request.user, traject):
        audit.log_denied(request, obj=traject, detail="evaluatie zonder procesregie")
        raise PermissionDenied
    return traject


def _deelnemers(traject) -> list[dict]:
    jij = traject.huishouden.aanspreekvorm == "jij"
    mensen = []
    for m in mogelijke_genodigden(traject):
        groep = GROEP_VAN_SOORT[m["soort"]]
        mensen.append(
            {
                **m,
                "groep": groep.value,
                "groep_label": groep.label,
                "jij": jij and groep != Groep.PROFESSIONAL,
            }
        )
    return mensen


def _pagina(request, traject, *, papier_form=None, deelnemers_form=None, status=200):
    vl = selectors.evaluatie_vragenlijst()
    evaluatie = Evaluatie.objects.filter(traject=traject).first()
    return render(
        request,
        "implementatie/evaluatie/traject.html",
        {
            "traject": traject,
            "evaluatie": evaluatie,
            "open": traject.fase in services.EVALUATIE_FASEN,
            "vragenlijst": vl,
            "papier_form": papier_form
            or PapierForm(vragen=selectors.stellingen(Groep.KLANT), schaal=vl.schaal),
            "deelnemers_form": deelnemers_form or DeelnemersForm(mensen=_deelnemers(traject)),
            "geldig_dagen": services.GELDIG_DAGEN,
        },
        status=status,
    )


@case_roles_only
@require_GET
def traject(request, pk):
    """Fase 6b step 5: "Evalueer het traject en de resultaten tijdens het laatste overleg"."""
    t = _traject(request, pk)
    audit.log(request, action=AuditActie.READ, obj=t, detail="evaluatie")
    return _pagina(request, t)


def _niet_open(request, t):
    if t.fase not in services.EVALUATIE_FASEN:
        messages.error(request, _("De evaluatie hoort bij het laatste overleg, in fase 6b."))
        return redirect("implementatie:evaluatie_traject", pk=t.pk)
    return None


@case_roles_only
@require_POST
def papier(request, pk):
    """One participant's paper form. The statements are the same for each group (002 DEEL
    I), so one form serves all three; the group is chosen per participant."""
    t = _traject(request, pk)
    if weg := _niet_open(request, t):
        return weg
    vl = selectors.evaluatie_vragenlijst()
    groep = request.POST.get("groep", "")
    vragen = selectors.stellingen(groep if groep in Groep.values else Groep.KLANT)
    form = PapierForm(request.POST, vragen=vragen, schaal=vl.schaal)
    if form.is_valid():
        try:
            with transaction.atomic():
                evaluatie = services.evaluatie_open(traject=t, door=request.user)
                services.evaluatie_paper_record(
                    evaluatie=evaluatie,
                    groep=form.cleaned_data["groep"],
                    antwoorden=form.antwoorden(),
                )
                audit.log(
                    request,
                    action=AuditActie.CREATE,
                    obj=t,
                    detail="evaluatie: papieren formulier ingevoerd",
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het formulier is anoniem opgeslagen."))
            return redirect("implementatie:evaluatie_traject", pk=t.pk)
    audit.log(request, action=AuditActie.READ, obj=t, detail="evaluatie")
    return _pagina(request, t, papier_form=form)


@case_roles_only
@require_POST
def versturen(request, pk):
    """A personal link to each chosen participant with an e-mail address."""
    t = _traject(request, pk)
    if weg := _niet_open(request, t):
        return weg
    form = DeelnemersForm(request.POST, mensen=_deelnemers(t))
    if not form.is_valid():
        audit.log(request, action=AuditActie.READ, obj=t, detail="evaluatie")
        return _pagina(request, t, deelnemers_form=form)
    with transaction.atomic():
        evaluatie = services.evaluatie_open(traject=t, door=request.user)
        n = services.evaluatie_links_send(
            evaluatie=evaluatie,
            deelnemers=[
                services.Deelnemer(m["naam"], m["email"], m["groep"], m["jij"])
                for m in form.gekozen()
            ],
        )
        audit.log(
            request, action=AuditActie.UPDATE, obj=t, detail=f"evaluatie: {n} links verstuurd"
        )
    if n:
        messages.success(
            request,
            ngettext("%(n)s persoonlijke link verstuurd.", "%(n)s persoonlijke links verstuurd.", n)
            % {"n": n},
        )
    else:
        messages.info(request, _("Iedere gekozen deelnemer had al een link."))
    return redirect("implementatie:evaluatie_traject", pk=t.pk)


# --- the public page behind a personal link -----------------------------------------------


def _client(request) -> str:
    return f"evaluatie-link:{audit.client_ip(request) or '-'}"


@require_http_methods(["GET", "POST"])
def invullen(request, token):
    """No account: the token is the key. An unknown, used or expired link gets the same
    answer (404), so the page tells nothing about a link; too many misses from one address
    get 429 for a while. Nothing is written to the audit log: there is no person to name,
    and a row with the time would tie the answer to the moment of use."""
    sleutel = _client(request)
    if cache.get(sleutel, 0) >= MAX_MISSERS:
        return render(request, "implementatie/evaluatie/link_ongeldig.html", status=429)
    link = services.link_geldig(token)
    if link is None:
        try:
            cache.incr(sleutel)
        except ValueError:
            cache.set(sleutel, 1, MISSERS_SECONDEN)
        return render(request, "implementatie/evaluatie/link_ongeldig.html", status=404)
    vl = link.vragenlijst
    form = VragenlijstForm(
        request.POST if request.method == "POST" else None,
        vragen=selectors.vragen(vl, link.groep),
        schaal=vl.schaal,
    )
    if request.method == "POST" and form.is_valid():
        try:
            gelukt = services.link_answer(token=token, antwoorden=form.antwoorden())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not gelukt:
                raise Http404
            return render(
                request, "implementatie/evaluatie/bedankt.html", {"jij": link.jij, "vl": vl}
            )
    return render(
        request,
        "implementatie/evaluatie/invullen.html",
        {
            "form": form,
            "vl": vl,
            "jij": link.jij,
            "groep": Groep(link.groep).label if link.groep else "",
            "verloopt_op": link.verloopt_op,
        },
    )


# --- results and surveys ------------------------------------------------------------------


def _scope(request):
    scope = eigen_scope(request.user)
    if scope is None:
        audit.log_denied(request, object_type="evaluatie", detail="geen scope")
        raise PermissionDenied
    return scope


def _jaar(request) -> int:
    huidig = timezone.localdate().year
    try:
        jaar = int(request.GET.get("jaar", huidig))
    except ValueError:
        return huidig
    return jaar if 2000 <= jaar <= huidig + 1 else huidig


@scope_roles_only
@require_GET
def resultaten(request):
    scope = _scope(request)
    jaar = _jaar(request)
    vl = selectors.evaluatie_vragenlijst()
    audit.log(request, action=AuditActie.READ, object_type="evaluatie", detail=f"resultaten {jaar}")
    return render(
        request,
        "implementatie/evaluatie/resultaten.html",
        {
            "scope": scope,
            "jaar": jaar,
            "jaren": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
            "schaal": vl.schaal,
            "kwartalen": selectors.evaluatie_resultaten(scope, jaar),
        },
    )


@scope_roles_only
@require_http_methods(["GET", "POST"])
def enquetes(request):
    scope = _scope(request)
    form = EnqueteForm(
        request.POST if request.method == "POST" else None,
        vragenlijsten=selectors.monitoring_vragenlijsten(),
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            enquete = services.enquete_create(
                vragenlijst=form.cleaned_data["vragenlijst"],
                titel=form.cleaned_data["titel"],
                door=request.user,
                niveau=scope.niveau,
            )
            n = services.enquete_links_send(enquete=enquete, adressen=form.cleaned_data["adressen"])
            audit.log(request, action=AuditActie.CREATE, obj=enquete, detail=f"{n} links verstuurd")
        messages.success(
            request,
            ngettext("%(n)s persoonlijke link verstuurd.", "%(n)s persoonlijke links verstuurd.", n)
            % {"n": n},
        )
        return redirect("implementatie:evaluatie_enquete", pk=enquete.pk)
    audit.log(request, action=AuditActie.READ, object_type="enquete", detail="enquêtes")
    return render(
        request,
        "implementatie/evaluatie/enquetes.html",
        {"form": form, "enquetes": selectors.enquetes_voor(scope), "scope": scope},
    )


@scope_roles_only
@require_http_methods(["GET", "POST"])
def enquete(request, pk):
    scope = _scope(request)
    e = selectors.enquetes_voor(scope).filter(pk=pk).first()
    if e is None:
        audit.log_denied(request, object_type="implementatie.Enquete", object_id=pk)
        raise Http404
    form = AdressenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            n = services.enquete_links_send(enquete=e, adressen=form.cleaned_data["adressen"])
            audit.log(request, action=AuditActie.UPDATE, obj=e, detail=f"{n} links verstuurd")
        messages.success(
            request,
            ngettext("%(n)s persoonlijke link verstuurd.", "%(n)s persoonlijke links verstuurd.", n)
            % {"n": n},
        )
        return redirect("implementatie:evaluatie_enquete", pk=e.pk)
    aantal, vragen = selectors.enquete_resultaten(e)
    audit.log(request, action=AuditActie.READ, obj=e, detail="resultaten")
    return render(
        request,
        "implementatie/evaluatie/enquete.html",
        {"enquete": e, "form": form, "aantal": aantal, "vragen": vragen},
    )


# --- the traject page's panel (registered in implementatie/apps.py) --------------------------


def traject_panel(request, traject):
    """A link to the evaluation for the procesregisseur, from phase 6b on."""
    if traject.fase not in services.EVALUATIE_FASEN:
        return None
    if not policy.may_run_process(request.user, traject):
        return None
    return "implementatie/evaluatie/_traject_panel.html", {"traject": traject}
