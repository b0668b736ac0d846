"""Start pages for the case roles: "Mijn trajecten" and "Mijn huishoudens"."""

from datetime import timedelta

from django.utils import timezone

from huishoudens.constants import Fase, OverdrachtStatus
from huishoudens.models import Overdracht
from huishoudens.panels import start_panels, trajecten_kolommen
from huishoudens.selectors import mijn_huishoudens, mijn_trajecten, trajecten_zonder_procesregisseur
from regie import audit
from regie.constants import AuditActie

# A phase that has not moved for this long is flagged on the start page.
STAGNATIE = timedelta(weeks=6)


def procesregisseur_context(request) -> dict:
    trajecten = list(mijn_trajecten(request.user))
    grens = timezone.now() - STAGNATIE
    for traject in trajecten:
        traject.stagneert = traject.fase_sinds < grens
    kolommen = trajecten_kolommen(trajecten)
    groepen = [
        (fase, [t for t in trajecten if t.fase == fase]) for fase in Fase if fase != Fase.GESLOTEN
    ]
    zonder = list(trajecten_zonder_procesregisseur(request.user)[:20])
    audit.log(
        request,
        action=AuditActie.READ,
        object_type="huishoudens.Traject",
        detail=f"mijn trajecten: {len(trajecten)}; zonder procesregisseur: {len(zonder)}",
    )
    return {
        "groepen": [(fase, ts) for fase, ts in groepen if ts],
        "aantal": len(trajecten),
        "zonder_procesregisseur": zonder,
        "stagnatie_weken": STAGNATIE.days // 7,
        "overdrachten": _pending_handovers(request.user),
        "kolommen": kolommen,
        "start_panels": start_panels(request),
    }


def casusregisseur_context(request) -> dict:
    trajecten = list(mijn_huishoudens(request.user))
    audit.log(
        request,
        action=AuditActie.READ,
        object_type="huishoudens.Traject",
        detail=f"mijn huishoudens: {len(trajecten)}",
    )
    return {
        "trajecten": trajecten,
        "overdrachten": _pending_handovers(request.user),
        "start_panels": start_panels(request),
    }


def _pending_handovers(user):
    return list(
        Overdracht.objects.filter(naar=user, status=OverdrachtStatus.VOORGESTELD).select_related(
            "van", "traject__huishouden"
        )
    )
