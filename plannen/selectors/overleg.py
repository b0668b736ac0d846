"""Reads of meetings: who can be invited or chair, the meetings still to come, the next
meeting per traject (start pages) and the preparation checklist (seed 002 fase 3a, 5a)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Count, F, Min, OuterRef, Q, Subquery
from django.db.models.functions import ExtractMonth, TruncDate
from django.utils import timezone

from huishoudens.constants import TrajectRol
from huishoudens.models import Traject
from huishoudens.selectors import betrokken_users, traject_scope
from plannen.models import GenodigdeSoort, Overleg, OverlegSoort, OverlegStatus
from regie.models import User
from regie.selectors import DagenTussen, Mediaan, jaar_filter, tel_per_maand


def overleg_begonnen(datum: date, begin: time) -> bool:
    """Has a meeting on `datum` at `begin` (local time) started? Only then can it be held."""
    return datetime.combine(datum, begin) <= timezone.localtime().replace(tzinfo=None)


def mogelijke_genodigden(traject) -> list[dict]:
    """Everyone who can be invited: members, network, professionals and the regisseurs."""
    huishouden = traject.huishouden
    mensen = [
        {
            "key": f"lid:{lid.pk}",
            "naam": str(lid),
            "email": lid.email,
            "rol": lid.get_rol_in_gezin_display(),
            "soort": GenodigdeSoort.KLANT,
        }
        for lid in huishouden.leden.all()
    ]
    mensen += [
        {
            "key": f"netwerk:{n.pk}",
            "naam": n.naam,
            "email": n.email,
            "rol": n.rol,
            "soort": GenodigdeSoort.NETWERK,
        }
        for n in huishouden.netwerk.all()
    ]
    mensen += [
        {
            "key": f"prof:{p.pk}",
            "naam": p.weergavenaam,
            "email": p.email or (p.user.email if p.user_id else ""),
            "rol": p.organisatienaam or "professional",
            "soort": GenodigdeSoort.PROFESSIONAL,
        }
        for p in huishouden.professionals.select_related("user")
    ]
    bekend = {m["email"] for m in mensen if m["email"]}
    mensen += [
        {
            "key": f"user:{b.user_id}",
            "naam": b.user.get_full_name(),
            "email": b.user.email,
            "rol": b.get_rol_display(),
            "soort": GenodigdeSoort.PROFESSIONAL,
        }
        for b in traject.actieve_betrokkenen
        if b.user.email not in bekend
    ]
    return mensen


def nog_niet_genodigd(overleg: Overleg) -> list[dict]:
    """The people of the traject who are not on the meeting's list yet."""
    genodigden = list(overleg.genodigden.all())
    namen = {g.naam for g in genodigden}
    emails = {g.email.lower() for g in genodigden if g.email}
    return [
        m
        for m in mogelijke_genodigden(overleg.traject)
        if m["naam"] not in namen and (not m["email"] or m["email"].lower() not in emails)
    ]


def voorzitter_keuzes(traject, user):
    """Who can chair: those involved with the traject and the planner's colleagues."""
    collega = User.objects.filter(
        is_active=True, organisatie_id=user.organisatie_id, organisatie__isnull=False
    )
    return (betrokken_users(traject) | collega).distinct().order_by("last_name", "first_name")


def geplande_overleggen(traject) -> list:
    """The traject's meetings still to come (status gepland, today or later)."""
    return list(
        traject.overleggen.filter(
            status=OverlegStatus.GEPLAND, datum__gte=timezone.localdate()
        ).order_by("datum", "begin")
    )


def volgende_overleggen(traject_ids) -> dict[int, date]:
    """The date of the next planned meeting per traject, in one query (start pages)."""
    rows = (
        Overleg.objects.filter(
            traject_id__in=traject_ids, status=OverlegStatus.GEPLAND, datum__gte=date.today()
        )
        .values("traject_id")
        .annotate(eerste=Min("datum"))
    )
    return {r["traject_id"]: r["eerste"] for r in rows}


def checklist(overleg: Overleg) -> list:
    """The procesregisseur's preparation actions of 3a (startoverleg) or 5a (the other
    meetings), each with `.gedaan` (the Voorbereiding row of this meeting, or None)."""
    from huishoudens.models import FaseActie

    fase = "3a" if overleg.soort == OverlegSoort.STARTOVERLEG else "5a"
    gedaan = {v.actie_id: v for v in overleg.voorbereiding.select_related("gedaan_door")}
    acties = list(FaseActie.objects.filter(fase=fase, rol=TrajectRol.PROCESREGISSEUR))
    for actie in acties:
        actie.gedaan = gedaan.get(actie.pk)
    return acties


# --- Counts for the monitoring figures (issue #14): aggregates only, no household data ----


def _eerste_startoverleg():
    """The date of a traject's first held startoverleg (fase 3b), as a subquery."""
    return Subquery(
        Overleg.objects.filter(
            traject=OuterRef("pk"),
            soort=OverlegSoort.STARTOVERLEG,
            status=OverlegStatus.GEHOUDEN,
        )
        .order_by("datum")
        .values("datum")[:1]
    )


def startoverleggen_per_maand(*, jaar: int, **scope) -> dict[int, int]:
    """Trajecten in the scope per month (1-12 of `jaar`) of their first held startoverleg."""
    qs = Traject.objects.filter(traject_scope(**scope)).annotate(start=_eerste_startoverleg())
    return tel_per_maand(qs, "start", jaar)


def dagen_tot_startoverleg(*, begin: date, eind: date, **scope) -> tuple[int, float | None]:
    """(trajecten, median days) from aanmelding to the first held startoverleg, for the
    trajecten in the scope whose first startoverleg fell in [begin, eind)."""
    telling = (
        Traject.objects.filter(traject_scope(**scope))
        .annotate(start=_eerste_startoverleg())
        .filter(start__gte=begin, start__lt=eind)
        .aggregate(
            aantal=Count("pk"), mediaan=Mediaan(DagenTussen(F("start"), TruncDate("aangemeld_op")))
        )
    )
    return telling["aantal"], telling["mediaan"]


def overleggen_per_maand(*, jaar: int, tot: date, **scope) -> tuple[dict[int, int], dict[int, int]]:
    """(planned, held) meetings in the scope per month of their date in `jaar`, up to and
    including `tot` (today: a meeting still to come is not yet one that was not held).
    Planned counts every meeting set for the date, also those cancelled later."""
    rows = (
        Overleg.objects.filter(
            traject_scope(**scope, pad="traject__"),
            jaar_filter("datum", jaar, tijdstip=False),
            datum__lte=tot,
        )
        .annotate(maand=ExtractMonth("datum"))
        .values("maand")
        .annotate(
            gepland=Count("pk"), gehouden=Count("pk", filter=Q(status=OverlegStatus.GEHOUDEN))
        )
        .order_by()
        .values_list("maand", "gepland", "gehouden")
    )
    gepland, gehouden = {}, {}
    for maand, g, h in rows:
        gepland[maand], gehouden[maand] = g, h
    return gepland, gehouden
