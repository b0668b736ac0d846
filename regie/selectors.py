"""Reads of the regie app: the beheerder's registers of organisations and accounts. Every
read starts from `for_user`, so a non-beheerder gets nothing."""

from __future__ import annotations

import datetime

from django.db.models import Aggregate, Count, FloatField, Func, IntegerField, Q
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from regie.constants import CASE_ROLES, Rol
from regie.models import Competentie, Gemeente, Organisatie, User


def organisaties_zoeken(user, q: str = ""):
    qs = Organisatie.objects.for_user(user).select_related("gemeente__regio")
    if q:
        qs = qs.filter(Q(naam__icontains=q) | Q(gemeente__naam__icontains=q))
    return qs


def users_zoeken(user, q: str = "", rol: str = ""):
    qs = (
        User.objects.for_user(user)
        .select_related("organisatie")
        .prefetch_related("role_assignments")
    )
    if q:
        qs = qs.filter(
            Q(first_name__icontains=q)
            | Q(last_name__icontains=q)
            | Q(email__icontains=q)
            | Q(organisatie__naam__icontains=q)
        )
    if rol in Rol.values:
        qs = qs.filter(role_assignments__rol=rol)
    return qs


# --- Counts for the monitoring figures (issue #14) -----------------------------------------
# Shared by the apps' count selectors: aggregates only, never a row leaves the database.


class Mediaan(Aggregate):
    """PostgreSQL's median (`percentile_cont(0.5) WITHIN GROUP (ORDER BY ...)`)."""

    function = "PERCENTILE_CONT"
    name = "Mediaan"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


class DagenTussen(Func):
    """Whole days from `begin` to `eind`, both dates (PostgreSQL's date - date)."""

    template = "(%(expressions)s)"
    arg_joiner = " - "
    output_field = IntegerField()

    def __init__(self, eind, begin, **extra):
        super().__init__(eind, begin, **extra)


def moment(dag: datetime.date) -> datetime.datetime:
    """The start of `dag` in Regie's time zone, to compare with date-time fields."""
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time.min))


def jaar_filter(veld: str, jaar: int, *, tijdstip: bool) -> Q:
    """Rows whose `veld` lies in calendar year `jaar` (local time for date-time fields)."""
    begin, eind = datetime.date(jaar, 1, 1), datetime.date(jaar + 1, 1, 1)
    if tijdstip:
        begin, eind = moment(begin), moment(eind)
    return Q(**{f"{veld}__gte": begin, f"{veld}__lt": eind})


def tel_per_maand(qs, veld: str, jaar: int, *, tijdstip: bool = False) -> dict[int, int]:
    """Rows of `qs` per month (1-12) of `veld` in `jaar`: one grouped query."""
    rows = (
        qs.filter(jaar_filter(veld, jaar, tijdstip=tijdstip))
        .annotate(maand=ExtractMonth(veld))
        .values("maand")
        .annotate(aantal=Count("pk"))
        .order_by()
        .values_list("maand", "aantal")
    )
    return dict(rows)


def professionals_scope(*, regio_id: int, gemeente_id=None, organisatie_id=None, pad="") -> Q:
    """Professionals by their organisation: of the region, a gemeente or one organisation."""
    if organisatie_id:
        return Q(**{f"{pad}organisatie_id": organisatie_id})
    if gemeente_id:
        return Q(**{f"{pad}organisatie__gemeente_id": gemeente_id})
    return Q(**{f"{pad}organisatie__gemeente__regio_id": regio_id})


def getraind_per_profiel(*, tot: datetime.date, **scope) -> dict[str, int]:
    """Active professionals in the scope trained in each competence profile (002 ch. 6) on
    or before `tot`, by profile value."""
    rows = (
        Competentie.objects.filter(
            professionals_scope(**scope, pad="user__"), user__is_active=True, getraind_op__lte=tot
        )
        .values("profiel")
        .annotate(aantal=Count("pk"))
        .order_by()
        .values_list("profiel", "aantal")
    )
    return dict(rows)


def regisseurs_getraind(*, tot: datetime.date, **scope) -> tuple[int, int]:
    """(regisseurs, of whom trained): active professionals in the scope holding the role
    procesregisseur or casusregisseur, and those with a competence profile by `tot`."""
    telling = (
        User.objects.filter(
            professionals_scope(**scope), is_active=True, role_assignments__rol__in=CASE_ROLES
        )
        .order_by()
        .aggregate(
            staf=Count("pk", distinct=True),
            getraind=Count("pk", distinct=True, filter=Q(competenties__getraind_op__lte=tot)),
        )
    )
    return telling["staf"], telling["getraind"]


def regio_ids() -> list[int]:
    return list(Gemeente.objects.order_by("regio_id").values_list("regio_id", flat=True).distinct())


def gemeenten_van_regio(regio_id: int):
    return Gemeente.objects.filter(regio_id=regio_id).order_by("naam")


def organisaties_in(*, regio_id: int, gemeente_id=None):
    """Active organisations of a region or of one gemeente, for the scope filter."""
    qs = Organisatie.objects.filter(actief=True, gemeente__regio_id=regio_id)
    if gemeente_id:
        qs = qs.filter(gemeente_id=gemeente_id)
    return qs.select_related("gemeente").order_by("naam")
