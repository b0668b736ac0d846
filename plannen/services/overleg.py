"""Writes of meetings: planning, changing, cancelling, attendance, planning the next one and
the preparation ticks (seed 002 fase 3a, 3b step 8, 5a, 5b step 11). Invitations (DEEL G)
are in plannen.services.uitnodiging; this module calls them where a change must reach the
invitees."""

from __future__ import annotations

from datetime import date, time

from django.db import transaction

from plannen.models import (
    Antwoord,
    Genodigde,
    GenodigdeSoort,
    Overleg,
    OverlegSoort,
    OverlegStatus,
    Voorbereiding,
)
from plannen.selectors.overleg import checklist, overleg_begonnen
from plannen.services.uitnodiging import annulering_send, uitnodigingen_send, wijziging_send

# A change of these fields is news for the invitees' calendars (a new SEQUENCE).
AGENDAVELDEN = ("datum", "begin", "eind", "locatie", "online_link")


class OverlegNietGepland(Exception):
    """The meeting was held or cancelled: only a planned meeting can change."""

    def __init__(self, overleg: Overleg):
        super().__init__(f"Overleg {overleg.pk} is {overleg.status}")
        self.overleg = overleg


def overleg_check_gepland(overleg: Overleg) -> None:
    """The one rule for changing a meeting (its attendance, preparation, time, place,
    invitees, cancellation): it must still be planned. Raises OverlegNietGepland; the
    views say so in Dutch."""
    if overleg.status != OverlegStatus.GEPLAND:
        raise OverlegNietGepland(overleg)


class OverlegNogNietBegonnen(Exception):
    """A meeting that has not started yet cannot be recorded as held (issue #12)."""

    def __init__(self, datum: date, begin: time):
        super().__init__(f"Overleg op {datum} {begin} is nog niet begonnen")
        self.datum, self.begin = datum, begin


def overleg_check_begonnen(datum: date, begin: time) -> None:
    """Only a meeting that has started can be recorded as held: a report of a meeting in the
    future is a typo or a report written too early (issue #12)."""
    if not overleg_begonnen(datum, begin):
        raise OverlegNogNietBegonnen(datum, begin)


@transaction.atomic
def overleg_plan(
    *, traject, door, genodigden: list[dict], status: str = OverlegStatus.GEPLAND, **fields
) -> Overleg:
    if status == OverlegStatus.GEHOUDEN:
        overleg_check_begonnen(fields["datum"], fields["begin"])
    overleg = Overleg.objects.create(traject=traject, aangemaakt_door=door, status=status, **fields)
    genodigden_add(overleg=overleg, genodigden=genodigden)
    return overleg


def genodigden_add(*, overleg: Overleg, genodigden: list[dict]) -> None:
    Genodigde.objects.bulk_create(
        Genodigde(
            overleg=overleg,
            naam=g["naam"],
            email=g["email"],
            rol=g["rol"],
            soort=g.get("soort", GenodigdeSoort.KLANT),
            moet_aanwezig=g["moet"],
        )
        for g in genodigden
    )


@transaction.atomic
def overleg_finish(
    *,
    overleg: Overleg,
    aanwezig: set[int],
    planversie=None,
    volgende: dict | None = None,
    door=None,
) -> Overleg | None:
    """Record who attended and mark the meeting held; plan the next one with the same invitees.
    A meeting that has not started yet cannot be held (OverlegNogNietBegonnen)."""
    overleg_check_gepland(overleg)
    overleg_check_begonnen(overleg.datum, overleg.begin)
    for genodigde in overleg.genodigden.all():
        genodigde.aanwezig = genodigde.pk in aanwezig
        genodigde.save(update_fields=["aanwezig"])
    overleg.status = OverlegStatus.GEHOUDEN
    overleg.planversie = planversie
    overleg.save(update_fields=["status", "planversie"])
    if not volgende:
        return None
    genodigden = [
        {"naam": g.naam, "email": g.email, "rol": g.rol, "soort": g.soort, "moet": g.moet_aanwezig}
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


@transaction.atomic
def overleg_change(
    *, overleg: Overleg, gewijzigd: list[str], extra_genodigden: list[dict] = ()
) -> int:
    """Save a planned meeting whose form changed `gewijzigd`; a new date, time or place
    raises the SEQUENCE, clears the replies (they were for the old time) and sends the
    update to everyone already invited. People added to the list get their invitation when
    the invitations already went out. Returns the number of messages queued."""
    overleg_check_gepland(overleg)
    aantal = 0
    if set(gewijzigd) & set(AGENDAVELDEN):
        overleg.volgnummer += 1
        overleg.save()
        overleg.genodigden.update(antwoord=Antwoord.GEEN, beantwoord_op=None)
        aantal = wijziging_send(overleg)
    else:
        overleg.save()
    if extra_genodigden:
        genodigden_add(overleg=overleg, genodigden=list(extra_genodigden))
        if overleg.uitgenodigd_op:
            aantal += uitnodigingen_send(overleg)[0]
    return aantal


@transaction.atomic
def overleg_cancel(*, overleg: Overleg) -> int:
    """Cancel the meeting; invitees already invited get a cancellation (CANCEL)."""
    overleg_check_gepland(overleg)
    overleg.status = OverlegStatus.GEANNULEERD
    overleg.volgnummer += 1
    overleg.save(update_fields=["status", "volgnummer"])
    return annulering_send(overleg)


@transaction.atomic
def voorbereiding_save(*, overleg: Overleg, gedaan: set[int], door) -> None:
    """Tick exactly the actions in `gedaan` for this meeting (earlier ticks keep who and when)."""
    overleg_check_gepland(overleg)
    geldig = {actie.pk for actie in checklist(overleg)}
    gedaan &= geldig
    overleg.voorbereiding.exclude(actie_id__in=gedaan).delete()
    al = set(overleg.voorbereiding.values_list("actie_id", flat=True))
    Voorbereiding.objects.bulk_create(
        Voorbereiding(overleg=overleg, actie_id=pk, gedaan_door=door) for pk in gedaan - al
    )
