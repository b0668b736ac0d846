"""Counts for implementatie's monitoring figures (issue #14): escalations and their
resolutions per month and per level ("het aantal escalaties en oplossingen", 001 theme E
regionaal; 002 ch. 10 F "Monitor op de daadwerkelijke inzet"), and open trajecten per level.
Aggregates only: no escalation, traject or household leaves this module.

An escalation belongs where it was recorded when it was decided (`Opschaling.gemeente`, the
household's gemeente, and `.organisatie`, the deciding regisseur's): a region or gemeente
counts by the gemeente, an organisation by its own rows inside its region (so they are
always part of the region's)."""

from __future__ import annotations

from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce

from huishoudens.models import Traject
from huishoudens.selectors import traject_scope
from regie.selectors import moment, tel_per_maand
from regiekaart.constants import START_NIVEAU
from regiekaart.models import Opschaling


def _opschaling_scope(*, regio_id: int, gemeente_id=None, organisatie_id=None) -> Q:
    q = Q(gemeente__regio_id=regio_id)
    if gemeente_id:
        q &= Q(gemeente_id=gemeente_id)
    if organisatie_id:
        q &= Q(organisatie_id=organisatie_id)
    return q


def _afhandeling(**scope):
    """Escalations up and requests to the manager: the rows that ask for a resolution."""
    return Opschaling.objects.filter(_opschaling_scope(**scope)).vraagt_afhandeling()


def escalaties_per_maand(*, jaar: int, **scope) -> tuple[dict[int, int], dict[int, int]]:
    """(escalations, resolutions) per month of `jaar`: by the month decided, and by the
    month resolved."""
    qs = _afhandeling(**scope)
    return (
        tel_per_maand(qs, "op", jaar, tijdstip=True),
        tel_per_maand(qs, "opgelost_op", jaar, tijdstip=True),
    )


def escalaties_per_niveau(*, begin, eind, **scope) -> tuple[dict[int, int], dict[int, int]]:
    """(escalations, resolutions) in [begin, eind) (dates) per level escalated to."""
    van, tot = moment(begin), moment(eind)
    in_periode = Q(op__gte=van, op__lt=tot)
    opgelost = Q(opgelost_op__gte=van, opgelost_op__lt=tot)
    rows = (
        _afhandeling(**scope)
        .filter(in_periode | opgelost)
        .values("naar_niveau")
        .annotate(op=Count("pk", filter=in_periode), opgelost=Count("pk", filter=opgelost))
        .order_by()
        .values_list("naar_niveau", "op", "opgelost")
    )
    escalaties, oplossingen = {}, {}
    for niveau, op, opg in rows:
        escalaties[niveau], oplossingen[niveau] = op, opg
    return escalaties, oplossingen


def trajecten_per_niveau(**scope) -> dict[int, int]:
    """Open trajecten in the scope per current level (never assessed: the start level)."""
    rows = (
        Traject.objects.open()
        .filter(traject_scope(**scope))
        .annotate(n=Coalesce("regiekaart_niveau__nummer", Value(START_NIVEAU)))
        .values("n")
        .annotate(aantal=Count("pk"))
        .order_by()
        .values_list("n", "aantal")
    )
    return dict(rows)
