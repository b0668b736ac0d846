"""Meetings of a traject: planning, attendance, planning the next one (seed 002 fase 3a, 3b
step 8, 5a, 5b step 11). Invitations (DEEL G) are in plannen.uitnodigingen; this module
calls them where a change must reach the invitees."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Min

from huishoudens.selectors import betrokken_users
from plannen import uitnodigingen
from plannen.models import (
    Antwoord,
    Genodigde,
    Overleg,
    OverlegSoort,
    OverlegStatus,
    Voorbereiding,
)
from regie.models import User

# A change of these fields is news for the invitees' calendars (a new SEQUENCE).
AGENDAVELDEN = ("datum", "begin", "eind", "locatie", "online_link")


def mogelijke_genodigden(traject) -> list[dict]:
    """Everyone who can be invited: members, network, professionals and the regisseurs."""
    huishouden = traject.huishouden
    mensen = [
        {
            "key": f"lid:{lid.pk}",
            "naam": str(lid),
            "email": lid.email,
            "rol": lid.get_rol_in_gezin_display(),
        }
        for lid in huishouden.leden.all()
    ]
    mensen += [
        {"key": f"netwerk:{n.pk}", "naam": n.naam, "email": n.email, "rol": n.rol}
        for n in huishouden.netwerk.all()
    ]
    mensen += [
        {
            "key": f"prof:{p.pk}",
            "naam": p.weergavenaam,
            "email": p.email or (p.user.email if p.user_id else ""),
            "rol": p.organisatienaam or "professional",
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
        }
        for b in traject.betrokkenen.actief().select_related("user")
        if b.user.email not in bekend
    ]
    return mensen


@transaction.atomic
def overleg_plan(
    *, traject, door, genodigden: list[dict], status: str = OverlegStatus.GEPLAND, **fields
) -> Overleg:
    overleg = Overleg.objects.create(traject=traject, aangemaakt_door=door, status=status, **fields)
    genodigden_toevoegen(overleg=overleg, genodigden=genodigden)
    return overleg


def genodigden_toevoegen(*, overleg: Overleg, genodigden: list[dict]) -> None:
    Genodigde.objects.bulk_create(
        Genodigde(
            overleg=overleg, naam=g["naam"], email=g["email"], rol=g["rol"], moet_aanwezig=g["moet"]
        )
        for g in genodigden
    )


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


@transaction.atomic
def overleg_afronden(
    *,
    overleg: Overleg,
    aanwezig: set[int],
    planversie=None,
    volgende: dict | None = None,
    door=None,
) -> Overleg | None:
    """Record who attended and mark the meeting held; plan the next one with the same invitees."""
    for genodigde in overleg.genodigden.all():
        genodigde.aanwezig = genodigde.pk in aanwezig
        genodigde.save(update_fields=["aanwezig"])
    overleg.status = OverlegStatus.GEHOUDEN
    overleg.planversie = planversie
    overleg.save(update_fields=["status", "planversie"])
    if not volgende:
        return None
    genodigden = [
        {"naam": g.naam, "email": g.email, "rol": g.rol, "moet": g.moet_aanwezig}
        for g in overleg.genodigden.all()
    ]
    return overleg_plan(
        traject=overleg.traject,
        door=door or overleg.aangemaakt_door,
        genodigden=genodigden,
        soort=OverlegSoort.VOORTGANGSOVERLEG,
        locatie=overleg.locatie,
        online_link=overleg.online_link,
        voorzitter=overleg.voorzitter,
        notulist=overleg.notulist,
        **volgende,
    )


def voorzitter_keuzes(traject, user):
    """Who can chair: those involved with the traject and the planner's colleagues."""
    collega = User.objects.filter(
        is_active=True, organisatie_id=user.organisatie_id, organisatie__isnull=False
    )
    return (betrokken_users(traject) | collega).distinct().order_by("last_name", "first_name")


@transaction.atomic
def overleg_wijzigen(
    *, overleg: Overleg, gewijzigd: list[str], extra_genodigden: list[dict] = ()
) -> int:
    """Save a planned meeting whose form changed `gewijzigd`; a new date, time or place
    raises the SEQUENCE, clears the replies (they were for the old time) and sends the
    update to everyone already invited. People added to the list get their invitation when
    the invitations already went out. Returns the number of messages queued."""
    aantal = 0
    if set(gewijzigd) & set(AGENDAVELDEN):
        overleg.volgnummer += 1
        overleg.save()
        overleg.genodigden.update(antwoord=Antwoord.GEEN, beantwoord_op=None)
        aantal = uitnodigingen.wijziging_versturen(overleg)
    else:
        overleg.save()
    if extra_genodigden:
        genodigden_toevoegen(overleg=overleg, genodigden=list(extra_genodigden))
        if overleg.uitgenodigd_op:
            aantal += uitnodigingen.versturen(overleg)[0]
    return aantal


@transaction.atomic
def overleg_annuleren(*, overleg: Overleg) -> int:
    """Cancel the meeting; invitees already invited get a cancellation (CANCEL)."""
    overleg.status = OverlegStatus.GEANNULEERD
    overleg.volgnummer += 1
    overleg.save(update_fields=["status", "volgnummer"])
    return uitnodigingen.annulering_versturen(overleg)


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
    acties = list(FaseActie.objects.filter(fase=fase, rol="procesregisseur"))
    for actie in acties:
        actie.gedaan = gedaan.get(actie.pk)
    return acties


@transaction.atomic
def voorbereiding_opslaan(*, overleg: Overleg, gedaan: set[int], door) -> None:
    """Tick exactly the actions in `gedaan` for this meeting (earlier ticks keep who and when)."""
    geldig = {actie.pk for actie in checklist(overleg)}
    gedaan &= geldig
    overleg.voorbereiding.exclude(actie_id__in=gedaan).delete()
    al = set(overleg.voorbereiding.values_list("actie_id", flat=True))
    Voorbereiding.objects.bulk_create(
        Voorbereiding(overleg=overleg, actie_id=pk, gedaan_door=door) for pk in gedaan - al
    )
