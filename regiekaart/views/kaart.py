"""The regional card: the five levels for every professional to read, and for the
beheerder adopting the card ("Stel de regiekaart vast"), amending its texts and filling in
the named people per municipality or organisation (seed 002 ch. 5; ch. 10 E. Bevoegdheden).
Also the stylesheet with the levels' badge colours (CSP allows no inline style)."""

import re

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from regie import access, audit
from regie.constants import AuditActie, Rol
from regie.views.common import paginate
from regiekaart import services
from regiekaart.forms import KaartInvullingForm, NiveauForm, VaststellingForm
from regiekaart.models import KaartInvulling, Niveau
from regiekaart.selectors.kaart import kaartinvullingen, vaststellingen

beheerder_only = access.require_role(Rol.BEHEERDER)
HEX = re.compile(r"#[0-9A-Fa-f]{6}")


@require_GET
def kleuren(request):
    """`.niveau-<n>` badge colours from the levels' data; no personal data, so public."""
    kleuren = [
        (n.nummer, n.kleur_hex, n.tekst_hex)
        for n in Niveau.objects.all()
        if HEX.fullmatch(n.kleur_hex) and HEX.fullmatch(n.tekst_hex)
    ]
    css = render_to_string("regiekaart/kleuren.css", {"kleuren": kleuren})
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "max-age=300"
    return response


def _kaart_context(request, vaststelling_form=None) -> dict:
    regio = getattr(getattr(request.user.organisatie, "gemeente", None), "regio_id", None)
    return {
        "niveaus": list(Niveau.objects.all()),
        "vaststellingen": vaststellingen(),
        "is_beheerder": access.has_role(request.user, Rol.BEHEERDER),
        "vaststelling_form": vaststelling_form
        or (
            VaststellingForm(initial={"regio": regio})
            if access.has_role(request.user, Rol.BEHEERDER)
            else None
        ),
    }


@access.login_required
@require_GET
def kaart(request):
    return render(request, "regiekaart/kaart.html", _kaart_context(request))


@beheerder_only
@require_POST
def vaststellen(request):
    form = VaststellingForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            vaststelling = services.vaststelling_record(door=request.user, **form.cleaned_data)
            audit.log(request, action=AuditActie.CREATE, obj=vaststelling, detail="vastgesteld")
        messages.success(
            request,
            _("De regiekaart is vastgesteld voor regio %(regio)s.") % {"regio": vaststelling.regio},
        )
        return redirect("regiekaart:kaart")
    return render(request, "regiekaart/kaart.html", _kaart_context(request, form))


@beheerder_only
@require_http_methods(["GET", "POST"])
def niveau_bewerken(request, nummer):
    niveau = get_object_or_404(Niveau, nummer=nummer)
    form = NiveauForm(request.POST or None, instance=niveau)
    if request.method == "POST" and form.is_valid():
        gewijzigd = form.changed_data
        with transaction.atomic():
            services.niveau_update(
                niveau=niveau, **{name: form.cleaned_data[name] for name in gewijzigd}
            )
            audit.log(
                request,
                action=AuditActie.UPDATE,
                obj=niveau,
                detail="gewijzigd: " + (", ".join(gewijzigd) or "niets"),
            )
        messages.success(request, _("De teksten van niveau %(n)s zijn opgeslagen.") % {"n": nummer})
        return redirect(reverse("regiekaart:kaart") + f"#niveau-{nummer}")
    return render(request, "regiekaart/niveau_form.html", {"form": form, "niveau": niveau})


@beheerder_only
@require_GET
def namen(request):
    q = request.GET.get("q", "").strip()
    page = paginate(request, kaartinvullingen(q))
    audit.log(
        request,
        action=AuditActie.SEARCH if q else AuditActie.READ,
        object_type=KaartInvulling._meta.label,
        detail=f"namen op de regiekaart, pagina {page.number}; zoek={q}",
    )
    return render(request, "regiekaart/namen.html", {"page": page, "q": q})


@beheerder_only
@require_http_methods(["GET", "POST"])
def naam_bewerken(request, pk=None):
    invulling = get_object_or_404(KaartInvulling, pk=pk) if pk else None
    form = KaartInvullingForm(request.POST or None, instance=invulling)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            opgeslagen = services.kaartinvulling_save(
                invulling=invulling, door=request.user, **form.cleaned_data
            )
            audit.log(
                request,
                action=AuditActie.UPDATE if invulling else AuditActie.CREATE,
                obj=opgeslagen,
                detail=f"{opgeslagen.rol}: {opgeslagen.van}",
            )
        messages.success(
            request,
            _("%(naam)s staat op de regiekaart als %(rol)s.")
            % {"naam": opgeslagen.naam, "rol": opgeslagen.get_rol_display().lower()},
        )
        return redirect("regiekaart:namen")
    if invulling is not None:
        audit.log(request, action=AuditActie.READ, obj=invulling)
    return render(request, "regiekaart/naam_form.html", {"form": form, "invulling": invulling})


@beheerder_only
@require_POST
def naam_verwijderen(request, pk):
    invulling = get_object_or_404(KaartInvulling, pk=pk)
    with transaction.atomic():
        audit.log(
            request,
            action=AuditActie.DELETE,
            obj=invulling,
            detail=f"{invulling.rol}: {invulling.naam} ({invulling.van})",
        )
        services.kaartinvulling_delete(invulling=invulling)
    messages.success(
        request, _("%(naam)s is van de regiekaart gehaald.") % {"naam": invulling.naam}
    )
    return redirect("regiekaart:namen")
