"""The Ondersteuningsplan page and its actions, versions, comparison and "Mijn acties"."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from huishoudens.selectors import betrokken_users, get_traject_for_user
from plannen.constants import ActieStatus, DoelBereikt
from plannen.forms import (
    ActieForm,
    ActieUpdateForm,
    DoelForm,
    EerdereHulpForm,
    KrachtZorgForm,
    PlanTekstForm,
    VaststellenForm,
)
from plannen.models import Actie, Doel, Ondersteuningsplan, PlanPdf
from plannen.selectors.plan import (
    bewind_zonder_toestemming,
    casusregisseurs_van,
    mijn_acties,
    plan_recipients,
    plan_rijen,
    plan_with_everything,
    planning_overleg,
    procesregisseur_van,
    quality_issues,
    sections,
    snapshot,
    verschillen_leesbaar,
)
from plannen.services import plan as plan_services
from plannen.views.common import case_roles_only, plan_for, plan_or_404, plan_read, save_entry
from regie import access, audit
from regie.constants import AuditActie
from regie.views.common import paginate, render_htmx


def _mensen(plan) -> list[str]:
    huishouden = plan.traject.huishouden
    return (
        [str(lid) for lid in huishouden.leden.all()]
        + [n.naam for n in huishouden.netwerk.all()]
        + [p.weergavenaam for p in huishouden.professionals.all()]
    )


def _uitvoerders(traject) -> list:
    return list(betrokken_users(traject).order_by("last_name", "first_name"))


def _plan_page(request, traject, plan, *, tekst_form=None, conflict=None, status=200):
    if plan.pk:
        audit.log(request, action=AuditActie.READ, obj=plan)
    else:
        audit.log(request, action=AuditActie.READ, obj=traject, detail="plan, nog niet gestart")
    mensen = _mensen(plan)
    return render(
        request,
        "plannen/plan.html",
        {
            "traject": traject,
            "plan": plan,
            "secties": sections(),
            "tekst_form": tekst_form or PlanTekstForm(instance=plan),
            "conflict": conflict,
            # One page, many forms: each its own ids, so every label names its own field.
            "doelen": plan_rijen(plan, "doelen"),
            "krachten_zorgen": plan_rijen(plan, "krachten_zorgen"),
            "eerdere_hulp": plan_rijen(plan, "eerdere_hulp"),
            "mensen": mensen,
            "vaststellen_form": VaststellenForm(traject=traject, auto_id="vaststellen-%s"),
            "planning": planning_overleg(plan),
            # Who holds regie, also a member of the household or its network (issue #12).
            "procesregisseur": procesregisseur_van(traject),
            "casusregisseurs": casusregisseurs_van(traject),
            "kwaliteit": quality_issues(plan),
            # The list shows number, meeting and date: never each version's whole snapshot.
            "versies": plan.versies.defer("inhoud").select_related("vastgesteld_door")
            if plan.pk
            else [],
        },
        status=status,
    )


@case_roles_only
@require_GET
def plan(request, pk):
    """The draft; before anyone started the plan, an empty one that is not saved: the first
    form posted creates it (issue #13)."""
    traject, plan = plan_read(request, pk)
    return _plan_page(request, traject, plan or Ondersteuningsplan(traject=traject))


@case_roles_only
@require_POST
def plan_teksten(request, pk):
    traject, plan = plan_for(request, pk)
    form = PlanTekstForm(request.POST, instance=plan)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            with transaction.atomic():
                plan_services.plan_sections_save(plan=plan, door=request.user, **data)
                audit.log(request, action=AuditActie.UPDATE, obj=plan, detail="teksten")
        except plan_services.PlanConflict as conflict:
            # Keep both texts: theirs is now in the plan, yours stays in the form.
            mine = PlanTekstForm(
                data={**request.POST.dict(), "revisie": conflict.current.revisie}, instance=plan
            )
            return _plan_page(
                request,
                traject,
                plan_with_everything(plan.pk),
                tekst_form=mine,
                conflict=conflict.current,
                status=409,
            )
        messages.success(request, _("Het plan is opgeslagen."))
        return redirect(reverse("plannen:plan", args=[traject.pk]) + "#teksten")
    return _plan_page(request, traject, plan, tekst_form=form, status=400)


def _add(request, pk, form_class, add, anchor, form_kwargs=lambda traject: {}):
    traject, plan = plan_for(request, pk)
    return save_entry(
        request,
        form_class(request.POST, **form_kwargs(traject)),
        lambda data: add(plan, data),
        plan,
        anchor=anchor,
        terug=reverse("plannen:plan", args=[traject.pk]),
        bericht=_("Toegevoegd aan het plan."),
    )


def _toevoegen_form(request, pk, form_class, *, naam: str, titel: str, anker: str, knop=None):
    """The empty form of a "toevoegen" section of the plan page: loaded into the section
    when it is opened (HTMX) or a page of its own without JavaScript (issue #15: five
    crispy forms on every view of the plan made it heavy)."""
    # Reading creates nothing and needs no plan (issue #13): the traject is enough.
    traject = get_traject_for_user(request, pk)
    audit.log(request, action=AuditActie.READ, obj=traject, detail=f"plan, formulier {anker}")
    form = form_class(auto_id=f"{anker}-%s")
    # Keyboard and screen-reader users land in the form that just opened.
    next(iter(form.fields.values())).widget.attrs["autofocus"] = True
    return render_htmx(
        request,
        "plannen/toevoegen.html",
        "plannen/_toevoegen_form.html",
        {
            "traject": traject,
            "form": form,
            "actie_url": reverse(f"plannen:{naam}", args=[traject.pk]),
            "titel": titel,
            "knop": knop or _("Toevoegen"),
            "anker": anker,
        },
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def kracht_zorg_new(request, pk):
    if request.method == "GET":
        return _toevoegen_form(
            request,
            pk,
            KrachtZorgForm,
            naam="kracht_zorg",
            titel=_("Kracht of zorg toevoegen"),
            anker="krachten-zorgen",
        )
    return _add(
        request,
        pk,
        KrachtZorgForm,
        lambda plan, data: plan_services.kracht_zorg_add(plan=plan, **data),
        "krachten-zorgen",
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def eerdere_hulp_new(request, pk):
    if request.method == "GET":
        return _toevoegen_form(
            request,
            pk,
            EerdereHulpForm,
            naam="eerdere_hulp",
            titel=_("Eerdere hulp toevoegen"),
            anker="eerdere-hulp",
        )
    return _add(
        request,
        pk,
        EerdereHulpForm,
        lambda plan, data: plan_services.eerdere_hulp_add(plan=plan, **data),
        "eerdere-hulp",
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def doel_new(request, pk):
    if request.method == "GET":
        return _toevoegen_form(
            request,
            pk,
            DoelForm,
            naam="doel",
            titel=_("Doel toevoegen"),
            anker="doelen",
            knop=_("Doel toevoegen"),
        )
    return _add(
        request,
        pk,
        DoelForm,
        lambda plan, data: plan_services.doel_add(plan=plan, **data),
        "doelen",
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def actie_new(request, pk, doel_pk):
    """POST adds an action to a goal; GET shows the form, as a fragment the plan page loads
    into the goal (HTMX) or as a page of its own without JavaScript (issue #15)."""
    if request.method == "GET":
        return _actie_form(request, pk, doel_pk)

    def add(plan, data):
        doel = get_object_or_404(plan.doelen, pk=doel_pk)
        return plan_services.actie_add(doel=doel, door=request.user, **data)

    return _add(
        request,
        pk,
        ActieForm,
        add,
        f"doel-{doel_pk}",
        form_kwargs=lambda traject: {"uitvoerders": _uitvoerders(traject)},
    )


def _actie_form(request, pk, doel_pk):
    traject = get_traject_for_user(request, pk)
    doel = get_object_or_404(Doel.objects.select_related("plan"), plan__traject=traject, pk=doel_pk)
    plan = doel.plan
    audit.log(request, action=AuditActie.READ, obj=plan, detail=f"actieformulier doel {doel.pk}")
    mensen = _mensen(plan)
    form = ActieForm(
        mensen=mensen, uitvoerders=_uitvoerders(traject), auto_id=f"actie-{doel.pk}-%s"
    )
    # Keyboard and screen-reader users land in the form that just opened.
    form.fields["wat"].widget.attrs["autofocus"] = True
    return render_htmx(
        request,
        "plannen/actie_form.html",
        "plannen/_actie_form.html",
        {"traject": traject, "doel": doel, "form": form, "mensen": mensen},
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def doel_bereikt(request, pk, doel_pk):
    """POST sets whether a goal is reached; GET shows that small form, loaded into the plan
    page when asked (HTMX) or as a page of its own (issue #15: the page shows goals
    read-only)."""
    if request.method == "GET":
        # Reading creates nothing (issue #13) and loads only the goal, not the whole plan.
        traject = get_traject_for_user(request, pk)
        doel = get_object_or_404(
            Doel.objects.select_related("plan"), plan__traject=traject, pk=doel_pk
        )
        audit.log(request, action=AuditActie.READ, obj=doel.plan, detail=f"doel {doel.pk} bereikt")
        return render_htmx(
            request,
            "plannen/doel_bereikt.html",
            "plannen/_doel_bereikt_form.html",
            {"traject": traject, "doel": doel, "bereikt_keuzes": DoelBereikt.choices},
        )
    traject, plan = plan_for(request, pk)
    doel = get_object_or_404(plan.doelen, pk=doel_pk)
    if request.POST.get("bereikt") in DoelBereikt.values:
        with transaction.atomic():
            plan_services.doel_set_bereikt(doel=doel, bereikt=request.POST["bereikt"])
            audit.log(request, action=AuditActie.UPDATE, obj=plan, detail=f"doel {doel.pk} bereikt")
    return redirect(reverse("plannen:plan", args=[traject.pk]) + f"#doel-{doel.pk}")


@case_roles_only
@require_http_methods(["GET", "POST"])
def actie_update(request, actie_pk):
    """Status and note of an action, inline from "Mijn acties" or the plan (HTMX fragment).
    GET shows the plan page's status form, loaded into the row when asked (HTMX) or as a
    page of its own (issue #15: the plan page shows actions read-only)."""
    actie = access.get_for_user_or_404(
        request,
        Actie.objects.select_related("doel__plan__traject__huishouden", "wie_user"),
        actie_pk,
    )
    plan = actie.doel.plan
    if request.method == "GET":
        audit.log(request, action=AuditActie.READ, obj=plan, detail=f"actie {actie.pk} status")
        return render_htmx(
            request,
            "plannen/actie_status.html",
            "plannen/_actie_status_form.html",
            {"actie": actie, "actie_status_keuzes": ActieStatus.choices},
        )
    form = ActieUpdateForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            plan_services.actie_update(actie=actie, door=request.user, **form.cleaned_data)
            audit.log(
                request,
                action=AuditActie.UPDATE,
                obj=plan,
                detail=f"actie {actie.pk}: {actie.status}",
            )
        if not getattr(request, "htmx", False):
            messages.success(request, _("De actie is bijgewerkt."))
    if getattr(request, "htmx", False):
        return render(
            request,
            "plannen/_actie_rij.html",
            {"actie": actie, "form": form, "bijgewerkt": form.is_valid()},
        )
    if request.POST.get("terug") == "plan":
        return redirect(reverse("plannen:plan", args=[plan.traject_id]) + f"#doel-{actie.doel_id}")
    return redirect("plannen:mijn_acties")


@case_roles_only
@require_POST
def vaststellen(request, pk):
    traject, plan = plan_for(request, pk)
    form = VaststellenForm(request.POST, traject=traject)
    if form.is_valid():
        with transaction.atomic():
            versie = plan_services.plan_fix(
                plan=plan, door=request.user, vastgesteld_in=form.cleaned_data["overleg"]
            )
            audit.log(request, action=AuditActie.CREATE, obj=versie)
        messages.success(request, _("Versie %(n)s is vastgesteld.") % {"n": versie.nummer})
        return redirect("plannen:versie", pk=traject.pk, nummer=versie.nummer)
    for fout in form.errors.get("overleg", []):
        messages.error(request, fout)
    return redirect(reverse("plannen:plan", args=[traject.pk]) + "#vaststellen")


@case_roles_only
@require_GET
def versie(request, pk, nummer):
    traject, plan = plan_or_404(request, pk)
    versie = get_object_or_404(plan.versies.select_related("vastgesteld_door"), nummer=nummer)
    audit.log(request, action=AuditActie.READ, obj=versie)
    return render(
        request,
        "plannen/versie.html",
        {
            "traject": traject,
            "plan": plan,
            "versie": versie,
            "v": versie.inhoud,
            "pdf": PlanPdf.objects.filter(versie=versie).first(),
        },
    )


@case_roles_only
@require_GET
def vergelijk(request, pk):
    """What changed between two fixed versions (default: the last two), or the draft."""
    traject, plan = plan_read(request, pk)
    versies = list(plan_rijen(plan, "versies")) if plan else []
    if not versies:
        messages.info(request, _("Er is nog geen vastgestelde versie om mee te vergelijken."))
        return redirect("plannen:plan", pk=traject.pk)

    def pick(param, default):
        nummer = request.GET.get(param)
        return next((v for v in versies if str(v.nummer) == nummer), default)

    oud = pick("a", versies[1] if len(versies) > 1 else versies[0])
    nieuw_versie = pick("b", None)
    nieuw = nieuw_versie.inhoud if nieuw_versie else snapshot(plan)
    audit.log(request, action=AuditActie.READ, obj=plan, detail=f"vergelijk {oud.nummer}")
    return render(
        request,
        "plannen/vergelijk.html",
        {
            "traject": traject,
            "plan": plan,
            "oud": oud,
            "nieuw_versie": nieuw_versie,
            "versies": versies,
            "verschillen": verschillen_leesbaar(oud.inhoud, nieuw),
        },
    )


@case_roles_only
@require_GET
def mijn_acties_view(request):
    page = paginate(request, mijn_acties(request.user))
    audit.log(
        request,
        action=AuditActie.READ,
        object_type="plannen.Actie",
        detail=f"mijn acties, pagina {page.number}",
    )
    return render_htmx(
        request,
        "plannen/mijn_acties.html",
        "plannen/_mijn_acties_lijst.html",
        {"page": page, "form": ActieUpdateForm()},
    )


@case_roles_only
@require_GET
def pdf_status(request, pk, nummer):
    """The render state of a version's PDF; HTMX polls this fragment while it is being made."""
    traject, plan = plan_or_404(request, pk)
    versie = get_object_or_404(plan.versies, nummer=nummer)
    pdf = PlanPdf.objects.filter(versie=versie).first()
    return render(
        request, "plannen/_pdf_status.html", {"traject": traject, "versie": versie, "pdf": pdf}
    )


@case_roles_only
@require_POST
def pdf_maken(request, pk, nummer):
    traject, plan = plan_or_404(request, pk)
    versie = get_object_or_404(plan.versies, nummer=nummer)
    with transaction.atomic():
        plan_services.pdf_request(versie=versie)
        audit.log(request, action=AuditActie.PRINT, obj=versie, detail="pdf aangevraagd")
    return redirect("plannen:versie", pk=traject.pk, nummer=versie.nummer)


@case_roles_only
@require_GET
def pdf_download(request, pk, nummer):
    traject, plan = plan_or_404(request, pk)
    versie = get_object_or_404(plan.versies, nummer=nummer)
    pdf = get_object_or_404(PlanPdf, versie=versie, status=PlanPdf.Status.KLAAR)
    audit.log(request, action=AuditActie.PRINT, obj=versie, detail="pdf gedownload")
    return FileResponse(
        pdf.bestand.open("rb"),
        as_attachment=True,
        content_type="application/pdf",
        # The traject, not the household: a file name travels where the content does not.
        filename=f"ondersteuningsplan-traject-{traject.pk}-versie-{versie.nummer}.pdf",
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def versturen(request, pk, nummer):
    """Send a fixed version as PDF to the household and professionals, after confirmation."""
    traject, plan = plan_or_404(request, pk)
    versie = get_object_or_404(plan.versies, nummer=nummer)
    ontvangers = plan_recipients(versie)
    if request.method == "POST":
        try:
            with transaction.atomic():
                verstuurd = plan_services.plan_send(versie=versie, door=request.user)
                audit.log(
                    request,
                    action=AuditActie.EXPORT,
                    obj=versie,
                    detail=f"per e-mail aan {len(verstuurd)}",
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Het plan is verstuurd aan %(n)s ontvanger(s).") % {"n": len(verstuurd)}
            )
            niet = [o for o in ontvangers if not o.ontvangt]
            if niet:
                messages.info(
                    request,
                    _("Niet verstuurd aan: %(lijst)s.")
                    % {"lijst": "; ".join(f"{o.naam} ({o.reden})" for o in niet)},
                )
        return redirect("plannen:versie", pk=traject.pk, nummer=versie.nummer)
    audit.log(request, action=AuditActie.READ, obj=versie, detail="versturen")
    return render(
        request,
        "plannen/versturen.html",
        {
            "traject": traject,
            "versie": versie,
            "ontvangers": [o for o in ontvangers if o.ontvangt],
            "niet": [o for o in ontvangers if not o.ontvangt],
            "bewind": bewind_zonder_toestemming(versie),
        },
    )
