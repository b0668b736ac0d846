"""Start pages for the case roles: "Mijn trajecten" and "Mijn huishoudens"."""

from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from huishoudens.constants import Fase, OverdrachtStatus
from huishoudens.models import Overdracht
from huishoudens.panels import start_panels, trajecten_kolommen
from huishoudens.selectors import mijn_huishoudens, mijn_trajecten, trajecten_zonder_procesregisseur
from regie import audit
from regie.constants import AuditActie
from regie.views.common import paginate

# A phase that has not moved for this long is flagged on the start page.
STAGNATIE = timedelta(weeks=6)
PER_PAGINA = 50


def procesregisseur_context(request) -> dict:
    """ "Mijn trajecten" by phase, PER_PAGINA at a time (issue #15: a list that grows with the
    caseload is paginated); each phase's badge counts all of its trajecten."""
    qs = mijn_trajecten(request.user)
    page = paginate(request, qs, per_page=PER_PAGINA)
    trajecten = list(page.object_list)
    per_fase = dict(qs.order_by().values_list("fase").annotate(n=Count("pk")))
    grens = timezone.now() - STAGNATIE
    for traject in trajecten:
        traject.stagneert = traject.fase_sinds < grens
    kolommen = trajecten_kolommen(trajecten)
    groepen = [
        (fase, [t for t in trajecten if t.fase == fase], per_fase.get(fase, 0))
        for fase in Fase
        if fase != Fase.GESLOTEN
    ]
    zonder = list(trajecten_zonder_procesregisseur(request.user)[:20])
    audit.log(
        request,
        action=AuditActie.READ,
        object_type="huishoudens.Traject",
        detail=f"mijn trajecten: {len(trajecten)} (pagina {page.number}); "
        f"zonder procesregisseur: {len(zonder)}",
    )
    return {
        "groepen": [(fase, ts, totaal) for fase, ts, totaal in groepen if ts],
        "aantal": page.paginator.count,
        "page": page,
        "zonder_procesregisseur": zonder,
        "stagnatie_weken": STAGNATIE.days // 7,
        "overdrachten": _pending_handovers(request.user),
        "kolommen": kolommen,
        "start_panels": start_panels(request),
    }


def casusregisseur_context(request) -> dict:
    page = paginate(request, mijn_huishoudens(request.user), per_page=PER_PAGINA)
    trajecten = list(page.object_list)
    audit.log(
        request,
        action=AuditActie.READ,
        object_type="huishoudens.Traject",
        detail=f"mijn huishoudens: {len(trajecten)}",
    )
    return {
        "trajecten": trajecten,
        "page": page,
        "overdrachten": _pending_handovers(request.user),
        "start_panels": start_panels(request),
    }


def _pending_handovers(user):
    return list(
        Overdracht.objects.filter(naar=user, status=OverdrachtStatus.VOORGESTELD).select_related(
            "van", "traject__huishouden"
        )
    )
