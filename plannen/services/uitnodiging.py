"""Sending the invitations of a meeting (seed 002 DEEL G; the texts come from
plannen.selectors.uitnodiging).

Sending goes through the outbox (regie.outbox): every message is a row written in the
transaction of the change that causes it, with an idempotency key, and carries a calendar
file (plannen.agenda). What is sent when:
- `versturen`: the invitation (REQUEST) to every invitee with an e-mail address;
- `wijziging_send`: after a change of date, time or place, an update (REQUEST with a
  raised SEQUENCE) to everyone invited;
- `annulering_send`: a cancellation (CANCEL);
- `herinneringen_send` (Celery beat, daily): the reminder of fase 5a a configurable
  number of days (REGIE_HERINNERING_DAGEN) before each voortgangsoverleg.
Invitees without e-mail get a printable letter (plannen.views.overleg.uitnodiging_brief).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from plannen import agenda
from plannen.models import (
    Antwoord,
    Genodigde,
    Overleg,
    OverlegSoort,
    OverlegStatus,
)
from plannen.selectors.uitnodiging import uitnodigingen
from regie.outbox import absolute_url, bericht_queue

# What each kind of message says above the invitation text, and in its subject.
BERICHTSOORTEN = {
    "uitnodiging": ("", ""),
    "wijziging": ("Gewijzigd: ", "Het overleg is gewijzigd. Dit zijn de nieuwe gegevens."),
    "herinnering": ("Herinnering: ", "Een herinnering aan het overleg hieronder."),
    "annulering": ("Geannuleerd: ", "Het overleg hieronder gaat niet door."),
}


def _verstuur(overleg: Overleg, soort: str, genodigden) -> int:
    """Queue one message of `soort` per invitee with an e-mail address; idempotent per
    meeting, SEQUENCE, invitee and kind."""
    methode = agenda.CANCEL if soort == "annulering" else agenda.REQUEST
    prefix, intro = BERICHTSOORTEN[soort]
    aantal = 0
    for u in uitnodigingen(overleg, [g for g in genodigden if g.email]):
        g = u.genodigde
        tekst = "\n".join([*u.agenda, "", u.antwoord_zin, u.antwoord_url])
        bericht = bericht_queue(
            aan=g.email,
            template="overleg",
            context={"u": u, "prefix": prefix, "intro": intro, "annulering": soort == "annulering"},
            agenda=agenda.ics(overleg, g, methode=methode, beschrijving=tekst),
            sleutel=f"overleg:{overleg.uid}:{overleg.volgnummer}:{g.pk}:{soort}",
        )
        g.bericht = bericht
        g.save(update_fields=["bericht"])
        aantal += 1
    return aantal


@transaction.atomic
def uitnodigingen_send(overleg: Overleg) -> tuple[int, list[Genodigde]]:
    """Send the invitation to everyone who has not had a message about this meeting yet;
    returns how many e-mails were queued and who needs a letter."""
    genodigden = list(overleg.genodigden.all())
    aantal = _verstuur(overleg, "uitnodiging", [g for g in genodigden if g.bericht_id is None])
    overleg.uitgenodigd_op = timezone.now()
    overleg.save(update_fields=["uitgenodigd_op"])
    return aantal, [g for g in genodigden if not g.email]


def wijziging_send(overleg: Overleg) -> int:
    """After the meeting's date, time or place changed (and `volgnummer` was raised): to
    everyone who already had a message about it."""
    if not overleg.uitgenodigd_op:
        return 0
    return _verstuur(overleg, "wijziging", overleg.genodigden.filter(bericht__isnull=False))


def annulering_send(overleg: Overleg) -> int:
    if not overleg.uitgenodigd_op:
        return 0
    return _verstuur(overleg, "annulering", overleg.genodigden.filter(bericht__isnull=False))


def herinneringen_send(vandaag: date | None = None) -> int:
    """Fase 5a: remind the invitees of every voortgangsoverleg within the coming
    REGIE_HERINNERING_DAGEN days, once per meeting, but not within two days of the
    invitation itself. Invitees who declined are skipped."""
    vandaag = vandaag or timezone.localdate()
    grens = vandaag + timedelta(days=settings.REGIE_HERINNERING_DAGEN)
    # An invitation of the last two days needs no reminder yet; it comes a day or two later.
    recent = timezone.now() - timedelta(days=2)
    overleggen = Overleg.objects.filter(
        Q(uitgenodigd_op__isnull=True) | Q(uitgenodigd_op__lt=recent),
        soort=OverlegSoort.VOORTGANGSOVERLEG,
        status=OverlegStatus.GEPLAND,
        herinnerd_op__isnull=True,
        datum__gte=vandaag,
        datum__lte=grens,
    ).select_related(
        "traject__huishouden", "voorzitter__organisatie", "aangemaakt_door__organisatie"
    )
    aantal = 0
    for overleg in overleggen:
        with transaction.atomic():
            genodigden = overleg.genodigden.filter(~Q(antwoord=Antwoord.AFGEMELD))
            aantal += _verstuur(overleg, "herinnering", genodigden)
            # A reminder is an invitation too: later changes must reach these calendars.
            overleg.herinnerd_op = timezone.now()
            overleg.uitgenodigd_op = overleg.uitgenodigd_op or overleg.herinnerd_op
            overleg.save(update_fields=["herinnerd_op", "uitgenodigd_op"])
    return aantal


def antwoord_record(*, genodigde: Genodigde, antwoord: str) -> None:
    """Record the answer given through the personal link. When someone who must attend
    declines, the chair (or whoever planned the meeting) hears it by e-mail: without them
    the meeting does not go ahead (002 fase 3a)."""
    genodigde.antwoord = antwoord
    genodigde.beantwoord_op = timezone.now()
    genodigde.save(update_fields=["antwoord", "beantwoord_op"])
    overleg = genodigde.overleg
    if antwoord != Antwoord.AFGEMELD or not genodigde.moet_aanwezig:
        return
    regisseur = overleg.voorzitter or overleg.aangemaakt_door
    bericht_queue(
        aan=regisseur.email,
        template="overleg_afmelding",
        context={
            "regisseur": regisseur,
            "genodigde": genodigde,
            "overleg": overleg,
            "url": absolute_url("plannen:overleg", overleg.pk),
        },
        sleutel=f"overleg:{overleg.uid}:{overleg.volgnummer}:{genodigde.pk}:afgemeld",
    )
