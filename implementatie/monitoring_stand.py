"""The monitoring figures computed ahead, not per page view (issue #15).

The figures count a whole region (`implementatie.figuren`); at 50,000 households that takes
about two seconds, and it grows with the region. So the page reads a stored stand
(`Monitoringstand`) and shows when it was computed:

* each night (Celery beat, `implementatie.tasks.monitoring_bijwerken`) the current year is
  computed for every region, gemeente and organisation, and the stands of periods that have
  not ended yet are computed again;
* a period nobody looked at yet, or a stand older than `REGIE_MONITORING_MINUTEN` (60), is
  computed on request by the worker (`tasks.monitoring_aanvragen`), once however many ask:
  the page polls until it is there, or shows the older stand meanwhile.

A stand holds the figures exactly as shown, so suppression (`implementatie.onderdrukking`)
has already been applied before anything is stored.
"""

from __future__ import annotations

import dataclasses
import datetime
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from implementatie import figuren
from implementatie.figuren import Cel, Figuur, Rij
from implementatie.figuren_periode import Periode, huidig_jaar
from implementatie.models import Monitoringstand
from implementatie.scope import Niveau, Scope, van_gemeente, van_organisatie
from regie import selectors as regie_selectors

# A request for a stand holds this lock while the worker computes it (released when done).
SLOT_SECONDEN = 300


def scope_sleutel(scope: Scope) -> str:
    return f"{scope.niveau}:{scope.regio_id}:{scope.gemeente_id or ''}:{scope.organisatie_id or ''}"


def scope_van_sleutel(sleutel: str) -> Scope:
    niveau, regio, gemeente, organisatie = sleutel.split(":")
    return Scope(
        Niveau(niveau), int(regio), int(gemeente or 0) or None, int(organisatie or 0) or None
    )


def _figuur_van(data: dict) -> Figuur:
    def rij(r):
        return Rij(r["label"], [Cel(**c) for c in r["cellen"]])

    return Figuur(
        **{
            **data,
            "rijen": [rij(r) for r in data["rijen"]],
            "totaal": rij(data["totaal"]) if data["totaal"] else None,
        }
    )


def _data(figuur: Figuur) -> dict:
    """The figure as JSON; `extra["tabel"]` is the escalations' working table, not shown."""
    data = dataclasses.asdict(figuur)
    data["extra"].pop("tabel", None)
    return data


def figuren_van(stand: Monitoringstand) -> list[Figuur]:
    return [_figuur_van(f) for f in stand.figuren]


def stand_voor(scope: Scope, periode: Periode) -> Monitoringstand | None:
    return Monitoringstand.objects.filter(
        scope=scope_sleutel(scope), periode=periode.sleutel
    ).first()


def verouderd(stand: Monitoringstand) -> bool:
    grens = timezone.now() - datetime.timedelta(minutes=settings.REGIE_MONITORING_MINUTEN)
    return stand.berekend_op < grens


@transaction.atomic
def stand_berekenen(*, scope: Scope, periode: Periode) -> Monitoringstand:
    """Computes every figure for the scope and period and stores them as the new stand."""
    begin = time.perf_counter()
    lijst = figuren.alle_figuren(scope, periode)
    stand, _created = Monitoringstand.objects.update_or_create(
        scope=scope_sleutel(scope),
        periode=periode.sleutel,
        defaults={
            "berekend_op": timezone.now(),
            "duur_ms": round((time.perf_counter() - begin) * 1000),
            "figuren": [_data(f) for f in lijst],
        },
    )
    return stand


def _slot(scope: Scope, periode: Periode) -> str:
    return f"monitoringstand:{scope_sleutel(scope)}:{periode.sleutel}"


def slot_nemen(scope: Scope, periode: Periode) -> bool:
    """True for the one request that may queue the computation (a lock in the shared cache)."""
    return cache.add(_slot(scope, periode), 1, SLOT_SECONDEN)


def slot_vrijgeven(scope: Scope, periode: Periode) -> None:
    cache.delete(_slot(scope, periode))


def alle_scopes() -> list[Scope]:
    """Every region, gemeente and active organisation: what the nightly run computes."""
    scopes = []
    for regio in regie_selectors.regio_ids():
        scopes.append(Scope(Niveau.REGIO, regio))
        scopes += [van_gemeente(g) for g in regie_selectors.gemeenten_van_regio(regio)]
        scopes += [van_organisatie(o) for o in regie_selectors.organisaties_in(regio_id=regio)]
    return scopes


def bijwerken(vandaag: datetime.date | None = None) -> int:
    """The nightly run: the current year of every scope, and every stored stand of a period
    that has not ended yet (a quarter or month someone looked at). Returns how many."""
    vandaag = vandaag or timezone.localdate()
    jaar = huidig_jaar(vandaag)
    te_doen = {(scope_sleutel(s), jaar.sleutel): (s, jaar) for s in alle_scopes()}
    for sleutel, periode in Monitoringstand.objects.values_list("scope", "periode"):
        p = Periode.van_sleutel(periode, vandaag=vandaag)
        if p is not None and p.eind > vandaag:
            te_doen[(sleutel, periode)] = (scope_van_sleutel(sleutel), p)
    for _sleutel, (scope, periode) in sorted(te_doen.items()):
        stand_berekenen(scope=scope, periode=periode)
    return len(te_doen)
