"""Meetings of a traject: list, plan, change, the meeting page (checklist, invitees with the
state of their invitation, attendance, next meeting), invitations and the public reply link."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from huishoudens.selectors import get_traject_for_user
from plannen.forms import AfrondenForm, OverlegForm, OverlegWijzigForm
from plannen.models import Aanspreekvorm, Antwoord, Genodigde, Overleg, OverlegStatus
from plannen.selectors import overleg as overleg_selectors
from plannen.selectors.uitnodiging import aanspreekvorm_voor, uitnodigingen
from plannen.services import overleg as overleg_services
from plannen.services.overleg import OverlegNietGepland, OverlegNogNietBegonnen
from plannen.services.uitnodiging import antwoord_record, uitnodigingen_send
from plannen.views.common import case_roles_only
from regie import access, audit
from regie.constants import AuditActie
from regie.outbox import bericht_opnieuw
from regie.pdf import render_pdf


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
    form = OverlegForm(
        request.POST or None,
        mensen=overleg_selectors.mogelijke_genodigden(traject),
        voorzitters=overleg_selectors.voorzitter_keuzes(traject, request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in ("genodigden", "moet_aanwezig", "verslag")
        }
        status = OverlegStatus.GEHOUDEN if form.cleaned_data["verslag"] else OverlegStatus.GEPLAND
        with transaction.atomic():
            overleg = overleg_services.overleg_plan(
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
    overleg = _overleg(request, pk)
    traject = overleg.traject
    form = AfrondenForm(request.POST or None)
    if request.method == "POST":
        if geweigerd := _niet_gepland(
            request, overleg, _("Dit overleg is al gehouden of geannuleerd.")
        ):
            return geweigerd
        if form.is_valid():
            aanwezig = {int(x) for x in request.POST.getlist("aanwezig") if x.isdigit()}
            versie = (
                traject.ondersteuningsplan.versies.first()
                if hasattr(traject, "ondersteuningsplan")
                else None
            )
            try:
                with transaction.atomic():
                    volgende = overleg_services.overleg_finish(
                        overleg=overleg,
                        aanwezig=aanwezig,
                        planversie=versie,
                        volgende=form.volgende(),
                        door=request.user,
                    )
                    audit.log(request, action=AuditActie.UPDATE, obj=overleg, detail="gehouden")
            except OverlegNogNietBegonnen:
                messages.error(
                    request,
                    _(
                        "Dit overleg is nog niet begonnen en kan dus niet als gehouden worden "
                        "vastgelegd. Wijzig de datum als het eerder is gehouden."
                    ),
                )
                return redirect("plannen:overleg", pk=overleg.pk)
            messages.success(
                request,
                _("Het overleg is vastgelegd.")
                + (" " + _("Het volgende overleg is gepland.") if volgende else ""),
            )
            return redirect("plannen:overleg", pk=(volgende or overleg).pk)
    audit.log(request, action=AuditActie.READ, obj=overleg)
    genodigden = list(overleg.genodigden.select_related("bericht"))
    return render(
        request,
        "plannen/overleg_detail.html",
        {
            "overleg": overleg,
            "traject": traject,
            "genodigden": genodigden,
            "afgemeld_moet": [
                g for g in genodigden if g.moet_aanwezig and g.antwoord == Antwoord.AFGEMELD
            ],
            "checklist": overleg_selectors.checklist(overleg),
            "form": form,
            "begonnen": overleg_selectors.overleg_begonnen(overleg.datum, overleg.begin),
        },
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def overleg_cancel(request, pk):
    overleg = _overleg(request, pk)
    if geweigerd := _niet_gepland(
        request, overleg, _("Dit overleg is al gehouden of geannuleerd.")
    ):
        return geweigerd
    if request.method == "POST":
        with transaction.atomic():
            aantal = overleg_services.overleg_cancel(overleg=overleg)
            audit.log(request, action=AuditActie.UPDATE, obj=overleg, detail="geannuleerd")
        messages.success(
            request,
            _("Het overleg is geannuleerd.")
            + (" " + _("De genodigden krijgen een annulering.") if aantal else ""),
        )
        return redirect("plannen:overleg", pk=overleg.pk)
    return render(
        request, "plannen/overleg_annuleren.html", {"overleg": overleg, "traject": overleg.traject}
    )


@case_roles_only
@require_POST
def voorbereiding(request, pk):
    """Tick the preparation actions of this meeting."""
    overleg = _overleg(request, pk)
    gedaan = {int(x) for x in request.POST.getlist("gedaan") if x.isdigit()}
    try:
        with transaction.atomic():
            overleg_services.voorbereiding_save(overleg=overleg, gedaan=gedaan, door=request.user)
            audit.log(request, action=AuditActie.UPDATE, obj=overleg, detail="voorbereiding")
    except OverlegNietGepland:
        pass  # held or cancelled: the ticks stay as they were, without a message
    else:
        messages.success(request, _("De voorbereiding is opgeslagen."))
    return redirect("plannen:overleg", pk=overleg.pk)


@case_roles_only
@require_POST
def uitnodiging_opnieuw(request, pk, genodigde):
    """Send a failed invitation once more (after the automatic attempts gave up)."""
    overleg = _overleg(request, pk)
    g = get_object_or_404(overleg.genodigden.select_related("bericht"), pk=genodigde)
    with transaction.atomic():
        gelukt = g.bericht is not None and bericht_opnieuw(g.bericht)
        if gelukt:
            audit.log(request, action=AuditActie.UPDATE, obj=overleg, detail=f"opnieuw: {g.naam}")
    if gelukt:
        messages.success(
            request, _("De uitnodiging aan %(naam)s gaat opnieuw uit.") % {"naam": g.naam}
        )
    else:
        messages.info(
            request, _("Deze uitnodiging is niet mislukt; er is niets opnieuw verstuurd.")
        )
    return redirect("plannen:overleg", pk=overleg.pk)


def _niet_gepland(request, overleg: Overleg, bericht: str):
    """The services' rule that only a planned meeting can change (OverlegNietGepland), as
    this page says it: back to the meeting with `bericht`; None when the meeting may change."""
    try:
        overleg_services.overleg_check_gepland(overleg)
    except OverlegNietGepland:
        messages.error(request, bericht)
        return redirect("plannen:overleg", pk=overleg.pk)
    return None


def _overleg(request, pk) -> Overleg:
    return access.get_for_user_or_404(
        request,
        Overleg.objects.select_related(
            "traject__huishouden",
            "planversie",
            "voorzitter__organisatie",
            "aangemaakt_door__organisatie",
        ),
        pk,
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def overleg_edit(request, pk):
    """Change date, time, place, chair or note-taker of a planned meeting, or add invitees;
    invitees already invited get an update of their calendar invitation."""
    overleg = _overleg(request, pk)
    if geweigerd := _niet_gepland(
        request, overleg, _("Alleen een gepland overleg kan worden gewijzigd.")
    ):
        return geweigerd
    form = OverlegWijzigForm(
        request.POST or None,
        instance=overleg,
        voorzitters=overleg_selectors.voorzitter_keuzes(overleg.traject, request.user),
        mensen=overleg_selectors.nog_niet_genodigd(overleg),
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            aantal = overleg_services.overleg_change(
                overleg=form.save(commit=False),
                gewijzigd=form.changed_data,
                extra_genodigden=form.extra_genodigden_data(),
            )
            audit.log(
                request,
                action=AuditActie.UPDATE,
                obj=overleg,
                detail="gewijzigd: " + ", ".join(form.changed_data),
            )
        bericht = _("Het overleg is gewijzigd.")
        if aantal:
            bericht += " " + ngettext(
                "%(n)d genodigde krijgt bericht met een agenda-uitnodiging.",
                "%(n)d genodigden krijgen bericht met een agenda-uitnodiging.",
                aantal,
            ) % {"n": aantal}
        messages.success(request, bericht)
        return redirect("plannen:overleg", pk=overleg.pk)
    return render(
        request,
        "plannen/overleg_form.html",
        {"traject": overleg.traject, "form": form, "overleg": overleg},
    )


@case_roles_only
@require_http_methods(["GET", "POST"])
def uitnodiging_preview(request, pk):
    """What each invitee will receive (DEEL G template, u or jij as the household prefers),
    and the button that sends it."""
    overleg = _overleg(request, pk)
    kan_versturen = overleg.status == OverlegStatus.GEPLAND and (
        overleg.datum >= timezone.localdate()
    )
    if request.method == "POST":
        if not kan_versturen:
            messages.error(
                request,
                _("Voor een gehouden of geannuleerd overleg gaat geen uitnodiging meer uit."),
            )
            return redirect("plannen:overleg", pk=overleg.pk)
        with transaction.atomic():
            aantal, zonder_email = uitnodigingen_send(overleg)
            audit.log(
                request, action=AuditActie.UPDATE, obj=overleg, detail="uitnodigingen verstuurd"
            )
        # Sent through the outbox after the commit: by the time the page shows, a message may
        # be delivered, still on its way or failed, so say what is true in each case and
        # point to the state per invitee (issue #12).
        bericht = ngettext(
            "%(n)d uitnodiging is verstuurd; of die is afgeleverd, ziet u per genodigde.",
            "%(n)d uitnodigingen zijn verstuurd; of ze zijn afgeleverd, ziet u per genodigde.",
            aantal,
        ) % {"n": aantal}
        if zonder_email:
            bericht += " " + _("Zonder e-mailadres, print hun brief: %(namen)s.") % {
                "namen": ", ".join(g.naam for g in zonder_email)
            }
        messages.success(request, bericht)
        return redirect("plannen:overleg", pk=overleg.pk)
    audit.log(request, action=AuditActie.READ, obj=overleg, detail="uitnodiging voorbeeld")
    return render(
        request,
        "plannen/uitnodiging_preview.html",
        {
            "overleg": overleg,
            "traject": overleg.traject,
            "uitnodigingen": uitnodigingen(overleg),
            "kan_versturen": kan_versturen,
        },
    )


@case_roles_only
@require_GET
def uitnodiging_brief(request, pk, genodigde):
    """The invitation as a printable letter (PDF), for an invitee without e-mail."""
    overleg = _overleg(request, pk)
    g = get_object_or_404(overleg.genodigden, pk=genodigde)
    (uitnodiging,) = uitnodigingen(overleg, [g])
    pdf = render_pdf("plannen/pdf/uitnodiging.html", {"u": uitnodiging, "overleg": overleg})
    audit.log(request, action=AuditActie.PRINT, obj=overleg, detail=f"brief voor {g.naam}")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="uitnodiging-{overleg.pk}-{g.pk}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
def antwoord(request, token):
    """The invitee's personal reply link: no account, the token is the key. It shows only
    what the invitation already said (kind, date, time, place) and stops working after the
    meeting or when it was cancelled."""
    g = get_object_or_404(
        Genodigde.objects.select_related("overleg__traject__huishouden", "overleg__voorzitter"),
        token=token,
    )
    overleg = g.overleg
    verlopen = overleg.status != OverlegStatus.GEPLAND or overleg.datum < timezone.localdate()
    if request.method == "POST" and not verlopen:
        keuze = request.POST.get("antwoord")
        if keuze in (Antwoord.GEACCEPTEERD, Antwoord.AFGEMELD):
            with transaction.atomic():
                antwoord_record(genodigde=g, antwoord=keuze)
                audit.log(
                    request,
                    action=AuditActie.UPDATE,
                    obj=overleg,
                    detail=f"antwoord van {g.naam} via persoonlijke link: {keuze}",
                )
            return redirect("plannen:antwoord", token=token)
    return render(
        request,
        "plannen/antwoord.html",
        {
            "g": g,
            "overleg": overleg,
            "verlopen": verlopen,
            "keuzes": Antwoord,
            "jij": aanspreekvorm_voor(g) == Aanspreekvorm.JIJ,
        },
        status=410 if verlopen else 200,
    )
