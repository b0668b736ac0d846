"""Celery tasks of implementatie: the monitoring figures computed ahead (issue #15,
`implementatie.monitoring_stand`)."""

from celery import shared_task

from implementatie import monitoring_stand
from implementatie.figuren_periode import Periode
from implementatie.scope import Scope
from regie.dispatch import dispatch


@shared_task
def monitoring_berekenen(scope: str, periode: str) -> int:
    """One stand, asked for by a page view; returns how long the computation took (ms)."""
    bereik = monitoring_stand.scope_van_sleutel(scope)
    tijdvak = Periode.van_sleutel(periode)
    try:
        return monitoring_stand.stand_berekenen(scope=bereik, periode=tijdvak).duur_ms
    finally:
        monitoring_stand.slot_vrijgeven(bereik, tijdvak)


@shared_task
def monitoring_bijwerken() -> int:
    """Nightly: every scope's current year and the stands of periods still running."""
    return monitoring_stand.bijwerken()


def monitoring_aanvragen(scope: Scope, periode: Periode) -> None:
    """Queues the computation of a stand unless one is already queued or running."""
    if monitoring_stand.slot_nemen(scope, periode) and not dispatch(
        monitoring_berekenen, monitoring_stand.scope_sleutel(scope), periode.sleutel
    ):
        monitoring_stand.slot_vrijgeven(scope, periode)
