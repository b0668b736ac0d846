"""An organisation's own versions of the four invitation templates (seed 002 DEEL G).

The beheerder or the aandachtsfunctionaris of an organisation adapts a template; meetings
planned by its people then use that version (plannen.selectors.uitnodiging.sjabloon_voor). Putting
it back removes the own version, and the Richtlijn's text applies again."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from plannen.forms import SjabloonForm
from plannen.models import Aanspreekvorm, SjabloonSoort, UitnodigingSjabloon
from regie import access, audit
from regie.constants import AuditActie, Rol

beleid_only = access.require_role(Rol.BEHEERDER, Rol.AANDACHTSFUNCTIONARIS)
# The templates of the Richtlijn (and the professional's text), as (soort, vorm) in the order
# of the list page.
SJABLONEN = [(soort.value, vorm.value) for soort in SjabloonSoort for vorm in Aanspreekvorm]


def _organisatie(request):
    organisatie = request.user.organisatie
    if organisatie is None:
        raise Http404(_("U hoort bij geen organisatie."))
    return organisatie


def _sjablonen(request, soort, vorm):
    """(organisation, the Richtlijn's template, the organisation's own version or None)."""
    organisatie = _organisatie(request)
    if (soort, vorm) not in SJABLONEN:
        raise Http404
    sjablonen = UitnodigingSjabloon.objects.filter(soort=soort, vorm=vorm)
    richtlijn = sjablonen.get(organisatie=None)
    return organisatie, richtlijn, sjablonen.filter(organisatie=organisatie).first()


@beleid_only
@require_GET
def sjabloon_list(request):
    organisatie = _organisatie(request)
    eigen = {
        (s.soort, s.vorm): s for s in UitnodigingSjabloon.objects.filter(organisatie=organisatie)
    }
    richtlijn = {(s.soort, s.vorm): s for s in UitnodigingSjabloon.objects.filter(organisatie=None)}
    rijen = [(richtlijn[key], eigen.get(key)) for key in SJABLONEN]
    return render(request, "plannen/sjablonen.html", {"rijen": rijen, "organisatie": organisatie})


@beleid_only
@require_http_methods(["GET", "POST"])
def sjabloon_edit(request, soort, vorm):
    organisatie, richtlijn, eigen = _sjablonen(request, soort, vorm)
    if eigen is None:
        eigen = UitnodigingSjabloon(
            **{
                f.name: getattr(richtlijn, f.name)
                for f in UitnodigingSjabloon._meta.fields
                if f.name not in ("id", "organisatie", "bron")
            },
            organisatie=organisatie,
            bron=_("Aangepast door %(org)s op basis van: %(bron)s")
            % {"org": organisatie.naam, "bron": richtlijn.bron},
        )
    form = SjabloonForm(request.POST or None, instance=eigen)
    if request.method == "POST" and form.is_valid():
        nieuw = eigen.pk is None
        with transaction.atomic():
            sjabloon = form.save()
            audit.log(
                request, action=AuditActie.CREATE if nieuw else AuditActie.UPDATE, obj=sjabloon
            )
        messages.success(request, _("De eigen versie van het sjabloon is opgeslagen."))
        return redirect("plannen:sjablonen")
    return render(
        request,
        "plannen/sjabloon_form.html",
        {"form": form, "richtlijn": richtlijn, "eigen": eigen, "organisatie": organisatie},
    )


@beleid_only
@require_http_methods(["GET", "POST"])
def sjabloon_reset(request, soort, vorm):
    _org, richtlijn, eigen = _sjablonen(request, soort, vorm)
    if eigen is None:
        messages.info(request, _("Er is geen eigen versie; de tekst van de Richtlijn geldt al."))
        return redirect("plannen:sjablonen")
    if request.method == "POST":
        with transaction.atomic():
            audit.log(request, action=AuditActie.DELETE, obj=eigen)
            eigen.delete()
        messages.success(request, _("De tekst van de Richtlijn geldt weer."))
        return redirect("plannen:sjablonen")
    return render(request, "plannen/sjabloon_reset.html", {"eigen": eigen, "richtlijn": richtlijn})
