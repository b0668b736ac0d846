"""Reads of the manager's pages: the escalations in the manager's scope (with the
household's name and the criteria's notes only where the manager is involved with the
household), the distribution of open trajecten over the levels, escalations and
resolutions per month, and the notifications (seed 002 ch. 5 "Opschalen naar manager";
ch. 10 monitoring). The scope is `regiekaart.policy.manager_scope`."""

from __future__ import annotations

import datetime

from django.db.models import BooleanField, Case, CharField, Count, F, Q, Value, When
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from huishoudens.models import Traject
from huishoudens.selectors import household_ids_of_professional, household_ids_of_regisseur
from regiekaart import policy
from regiekaart.constants import START_NIVEAU
from regiekaart.models import Melding, Niveau, Opschaling
from regiekaart.selectors.kaart import niveaus_per_nummer


def _betrokken(user) -> Q:
    """The escalation's household is one the user is involved with (as in need to know)."""
    return Q(traject__huishouden_id__in=household_ids_of_regisseur(user)) | Q(
        traject__huishouden_id__in=household_ids_of_professional(user)
    )


def voor_manager(user):
    """Escalations in the manager's scope, with the household's name only where the manager
    is involved with the household (`betrokken`); the name is not even read otherwise."""
    return (
        Opschaling.objects.for_user(user)
        .select_related("door__organisatie", "opgelost_door")
        .annotate(
            betrokken=Case(
                When(_betrokken(user), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            huishouden_naam=Case(
                When(_betrokken(user), then=F("traject__huishouden__naam")),
                default=Value(""),
                output_field=CharField(),
            ),
        )
    )


def open_escalaties(user):
    return voor_manager(user).open().order_by("op", "pk")


def toelichtingen(opschaling: Opschaling) -> list[tuple[str, str]]:
    """(code, note) of the criteria that held. The notes are case content: read only where
    the manager is involved with the household (`betrokken` of `voor_manager`)."""
    if not opschaling.betrokken:
        return []
    return list(
        opschaling.beoordeling.criteria.filter(geldt=True).values_list("code", "toelichting")
    )


def verdeling(user) -> list[tuple[Niveau | int, int]]:
    """Open trajecten in the manager's scope per level (never assessed: the start level)."""
    counts = dict(
        Traject.objects.open()
        .filter(policy.manager_trajecten_scope(user))
        .annotate(n=Coalesce("regiekaart_niveau__nummer", Value(START_NIVEAU)))
        .values_list("n")
        .annotate(aantal=Count("pk"))
        .values_list("n", "aantal")
    )
    niveaus = niveaus_per_nummer()
    return [(niveaus.get(n, n), counts.get(n, 0)) for n in range(1, 6)]


def _maand(moment) -> datetime.date:
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return datetime.date(local.year, local.month, 1)


def _maanden(aantal: int) -> list[datetime.date]:
    """The first days of this month and the `aantal - 1` before it, newest first."""
    vandaag = timezone.localdate()
    months = [datetime.date(vandaag.year, vandaag.month, 1)]
    for _i in range(aantal - 1):
        vorige = months[-1] - datetime.timedelta(days=1)
        months.append(datetime.date(vorige.year, vorige.month, 1))
    return months


def _tel_per_maand(scope, field: str, start) -> dict[datetime.date, int]:
    """Rows of `scope` per month of `field`, from `start` on."""
    rows = (
        scope.filter(**{f"{field}__gte": start})
        .annotate(maand=TruncMonth(field))
        .values("maand")
        .annotate(aantal=Count("pk"))
        .values_list("maand", "aantal")
    )
    result: dict[datetime.date, int] = {}
    for maand, aantal in rows:
        key = _maand(maand) if isinstance(maand, datetime.datetime) else maand
        result[key] = result.get(key, 0) + aantal
    return result


def per_maand(user, maanden: int = 12) -> list[tuple[datetime.date, int, int]]:
    """(month, escalations and requests to the manager, resolutions) for the last months,
    newest first: the monitoring figure of 002 ch. 10 ("Monitor op de daadwerkelijke inzet")."""
    months = _maanden(maanden)
    start = timezone.make_aware(datetime.datetime.combine(months[-1], datetime.time.min))
    scope = Opschaling.objects.filter(policy.manager_scope(user)).vraagt_afhandeling()
    opgeschaald = _tel_per_maand(scope, "op", start)
    opgelost = _tel_per_maand(scope, "opgelost_op", start)
    return [(m, opgeschaald.get(m, 0), opgelost.get(m, 0)) for m in months]


def meldingen(user, limit: int = 10) -> tuple[list[Melding], int]:
    """The latest notifications and the number unread."""
    qs = Melding.objects.filter(aan=user)
    ongelezen = qs.filter(gelezen_op__isnull=True).count()
    return list(qs.order_by(F("gelezen_op").desc(nulls_first=True), "-gemaakt_op")[:limit]), (
        ongelezen
    )
