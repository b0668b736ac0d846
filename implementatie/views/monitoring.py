"""The monitoring page and its CSV export (issue #14): the figures of `implementatie.figuren`
for the user's own scope or one inside it, for a fixed calendar period.

Open to the manager, the aandachtsfunctionaris, the agendahouder and the regiocoördinator
(their scope: `implementatie.scope.eigen_scope`). Only counts are shown, already suppressed
by the figures; every view and export is written to the audit log with scope and period.

The page never counts itself: it shows the stand computed ahead by the worker
(`implementatie.monitoring_stand`, issue #15). Without a stand it asks for one and polls
(HTMX) until it is there; with a stand older than REGIE_MONITORING_MINUTEN it shows that
one, says so, and asks for a new one.
"""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from implementatie import monitoring_stand, tasks
from implementatie.figuren_periode import Periode, huidig_jaar, periode_keuzes
from implementatie.figuren_svg import staafdiagram
from implementatie.scope import Niveau, Scope, eigen_scope, van_organisatie
from regie import access, audit
from regie import selectors as regie_selectors
from regie.constants import AuditActie, Rol
from regie.views.common import render_htmx

ROLLEN = (Rol.MANAGER, Rol.AANDACHTSFUNCTIONARIS, Rol.AGENDAHOUDER, Rol.REGIOCOORDINATOR)
monitoring_rollen = access.require_role(*ROLLEN)


def scope_keuzes(request, eigen: Scope) -> list[tuple[str, str, Scope]]:
    """(key, label, scope): the own scope first ("" as key), then the gemeenten and the
    organisations inside it (a region), or the organisations of the gemeente."""
    organisatie = request.user.organisatie
    gemeente = organisatie.gemeente
    if eigen.niveau == Niveau.ORGANISATIE:
        return [("", organisatie.naam, eigen)]
    if eigen.niveau == Niveau.GEMEENTE:
        keuzes = [("", _("Gemeente %(naam)s") % {"naam": gemeente.naam}, eigen)]
    else:
        keuzes = [("", _("Regio %(naam)s") % {"naam": gemeente.regio.naam}, eigen)]
        keuzes += [
            (f"gemeente-{g.pk}", _("Gemeente %(naam)s") % {"naam": g.naam}, _gemeente(eigen, g))
            for g in regie_selectors.gemeenten_van_regio(eigen.regio_id)
        ]
    keuzes += [
        (f"organisatie-{o.pk}", o.naam, van_organisatie(o))
        for o in regie_selectors.organisaties_in(
            regio_id=eigen.regio_id, gemeente_id=eigen.gemeente_id
        )
    ]
    return keuzes


def _gemeente(eigen: Scope, gemeente) -> Scope:
    return Scope(Niveau.GEMEENTE, eigen.regio_id, gemeente.pk)


def _keuze(request):
    """The chosen scope and period; a scope outside the user's own is refused (logged)."""
    eigen = eigen_scope(request.user)
    if eigen is None:
        audit.log_denied(request, object_type="monitoring", detail="geen organisatie")
        raise PermissionDenied
    keuzes = scope_keuzes(request, eigen)
    gevraagd = request.GET.get("scope", "")
    gekozen = next((k for k in keuzes if k[0] == gevraagd), None)
    if gekozen is None:
        audit.log_denied(request, object_type="monitoring", detail=f"scope {gevraagd[:40]}")
        raise Http404
    periode = Periode.van_sleutel(request.GET.get("periode", "")) or huidig_jaar()
    return gekozen, keuzes, periode


def _detail(gekozen, periode: Periode) -> str:
    scope = gekozen[2]
    return (
        f"monitoring: {scope.niveau} regio={scope.regio_id} gemeente={scope.gemeente_id or ''} "
        f"organisatie={scope.organisatie_id or ''}, periode {periode.sleutel}"
    )


def _stand(scope: Scope, periode: Periode):
    """The stored stand, after asking for a new one when there is none or it is old (with
    tasks run in-process, as in the demo and the tests, it is there straight away)."""
    stand = monitoring_stand.stand_voor(scope, periode)
    if stand is None or monitoring_stand.verouderd(stand):
        tasks.monitoring_aanvragen(scope, periode)
        stand = monitoring_stand.stand_voor(scope, periode) or stand
    return stand


@monitoring_rollen
@require_GET
def monitoring(request):
    gekozen, keuzes, periode = _keuze(request)
    stand = _stand(gekozen[2], periode)
    context = {
        "stand": stand,
        "figuren": [],
        "scope_keuzes": [(k, label) for k, label, _s in keuzes],
        "scope_sleutel": gekozen[0],
        "scope_label": gekozen[1],
        "periode": periode,
        "periode_keuzes": periode_keuzes(),
    }
    if stand is not None:
        context["verouderd"] = monitoring_stand.verouderd(stand)
        context["figuren"] = [(f, staafdiagram(f)) for f in monitoring_stand.figuren_van(stand)]
        # Logged when figures reach the user, not for each poll that repeats an old stand.
        if not (request.htmx and context["verouderd"]):
            audit.log(
                request,
                action=AuditActie.READ,
                object_type="monitoring",
                detail=_detail(gekozen, periode),
            )
    return render_htmx(
        request, "implementatie/monitoring.html", "implementatie/_monitoring_stand.html", context
    )


@monitoring_rollen
@require_GET
def monitoring_csv(request):
    """The same figures as CSV: one row per cell, numbers without locale, hidden as "<5"."""
    gekozen, _keuzes, periode = _keuze(request)
    # An export is asked for on purpose: without a stand yet, it is computed now.
    stand = monitoring_stand.stand_voor(gekozen[2], periode) or monitoring_stand.stand_berekenen(
        scope=gekozen[2], periode=periode
    )
    lijst = monitoring_stand.figuren_van(stand)
    audit.log(
        request,
        action=AuditActie.EXPORT,
        object_type="monitoring",
        detail=_detail(gekozen, periode),
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="monitoring-{periode.sleutel}.csv"'
    writer = csv.writer(response)
    writer.writerow([_("figuur"), _("scope"), _("periode"), _("rij"), _("kolom"), _("waarde")])
    for figuur in lijst:
        rijen = [*figuur.rijen, *([figuur.totaal] if figuur.totaal else [])]
        for rij in rijen:
            for kolom, cel in zip(figuur.kolommen, rij.cellen, strict=True):
                writer.writerow(
                    [figuur.titel, gekozen[1], periode.sleutel, rij.label, kolom, cel.tekst]
                )
    return response
