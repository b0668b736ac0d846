"""Invitations of a meeting from the DEEL G templates (seed 002): the organisation's own
template when it has one, otherwise the Richtlijn's; u or jij as the household prefers.

Sending goes through the outbox (regie.outbox): every message is a row written in the
transaction of the change that causes it, with an idempotency key, and carries a calendar
file (plannen.agenda). What is sent when:
- `versturen`: the invitation (REQUEST) to every invitee with an e-mail address;
- `wijziging_versturen`: after a change of date, time or place, an update (REQUEST with a
  raised SEQUENCE) to everyone invited;
- `annulering_versturen`: a cancellation (CANCEL);
- `herinneringen_versturen` (Celery beat, daily): the reminder of fase 5a a configurable
  number of days (REGIE_HERINNERING_DAGEN) before each voortgangsoverleg.
Invitees without e-mail get a printable letter (plannen.views_overleg.uitnodiging_brief).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone

from plannen import agenda
from plannen.models import (
    Antwoord,
    Genodigde,
    Overleg,
    OverlegSoort,
    OverlegStatus,
    UitnodigingSjabloon,
)
from regie.outbox import absolute_url, bericht_queue


@dataclass
class Uitnodiging:
    genodigde: Genodigde
    onderwerp: str
    kopgegevens: list[tuple[str, str]]
    aanhef: str
    alinea_voor: list[str]
    agenda_intro: str
    agenda: list[str]
    alinea_na: list[str]
    groet: str
    afzender: list[str]
    antwoord_url: str = field(default="")
    vorm: str = "u"

    @property
    def aan(self) -> str:
        return self.genodigde.naam


# The placeholders an invitation text may hold, bare only; `{{` and `}}` are literal braces.
INVULVELDEN = ("datum", "begin", "eind")
_INVULVELD = re.compile(r"\{\{|\}\}|\{(" + "|".join(INVULVELDEN) + r")\}")


def invulvelden_geldig(tekst: str) -> bool:
    """True when every brace in `tekst` is a bare placeholder or a doubled brace: no format
    spec, conversion, attribute, index or unknown name (issue #11)."""
    rest = _INVULVELD.sub("", tekst)
    return "{" not in rest and "}" not in rest


def invullen(tekst: str, **waarden: str) -> str:
    """Fill in the bare placeholders. Not str.format: a text that slipped past the check
    (`{datum:>5000000}`, `{datum:{eind}}`) stays as typed instead of breaking the invitation."""

    def vervang(match: re.Match) -> str:
        naam = match.group(1)
        return waarden[naam] if naam else match.group(0)[0]

    return _INVULVELD.sub(vervang, tekst)


def sjabloon_voor(overleg: Overleg) -> UitnodigingSjabloon:
    soort = "start" if overleg.soort == OverlegSoort.STARTOVERLEG else "voortgang"
    kandidaten = UitnodigingSjabloon.objects.filter(
        soort=soort, vorm=overleg.traject.huishouden.aanspreekvorm
    )
    organisatie = overleg.aangemaakt_door.organisatie_id
    # The organisation's own version wins over the Richtlijn's (which has no organisation).
    return (
        kandidaten.filter(organisatie_id=organisatie).first() if organisatie else None
    ) or kandidaten.filter(organisatie__isnull=True).first()


def antwoord_url(genodigde: Genodigde) -> str:
    return absolute_url("plannen:antwoord", token=genodigde.token)


def uitnodigingen(overleg: Overleg, genodigden=None) -> list[Uitnodiging]:
    """One invitation per invitee, filled with klant(en), kinderen, genodigden and the time."""
    sjabloon = sjabloon_voor(overleg)
    leden = list(overleg.traject.huishouden.leden.all())
    alle = list(overleg.genodigden.all())
    datum = formats.date_format(overleg.datum, "l j F Y")
    kop = [
        ("Klant(en)", ", ".join(str(lid) for lid in leden if not lid.minderjarig) or "—"),
        ("Kinderen", ", ".join(str(lid) for lid in leden if lid.minderjarig) or "—"),
        ("Genodigden", ", ".join(g.naam for g in alle)),
        ("Datum", datum),
        ("Tijd", f"{overleg.begin:%H:%M} – {overleg.eind:%H:%M} uur"),
        ("Locatie", overleg.locatie or overleg.online_link),
    ]
    zin = invullen(
        sjabloon.uitnodiging,
        datum=datum,
        begin=f"{overleg.begin:%H:%M}",
        eind=f"{overleg.eind:%H:%M}",
    )
    afzender = overleg.voorzitter or overleg.aangemaakt_door
    return [
        Uitnodiging(
            genodigde=g,
            onderwerp=sjabloon.onderwerp,
            kopgegevens=kop,
            aanhef=f"Beste {g.naam},",
            alinea_voor=[zin, sjabloon.doel],
            agenda_intro=sjabloon.agenda_intro,
            agenda=list(sjabloon.agenda),
            alinea_na=[sjabloon.slot, sjabloon.afsluiting],
            groet=sjabloon.groet,
            afzender=[afzender.get_full_name(), str(afzender.organisatie or "")],
            antwoord_url=antwoord_url(g),
            vorm=sjabloon.vorm,
        )
        for g in (alle if genodigden is None else genodigden)
    ]


# What each kind of message says above the invitation text, and in its subject.
SOORTEN = {
    "uitnodiging": ("", ""),
    "wijziging": ("Gewijzigd: ", "Het overleg is gewijzigd. Dit zijn de nieuwe gegevens."),
    "herinnering": ("Herinnering: ", "Een herinnering aan het overleg hieronder."),
    "annulering": ("Geannuleerd: ", "Het overleg hieronder gaat niet door."),
}


def _verstuur(overleg: Overleg, soort: str, genodigden) -> int:
    """Queue one message of `soort` per invitee with an e-mail address; idempotent per
    meeting, SEQUENCE, invitee and kind."""
    methode = agenda.CANCEL if soort == "annulering" else agenda.REQUEST
    prefix, intro = SOORTEN[soort]
    aantal = 0
    for u in uitnodigingen(overleg, [g for g in genodigden if g.email]):
        g = u.genodigde
        tekst = "\n".join([*u.agenda, "", f"Reageren: {u.antwoord_url}"])
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
def versturen(overleg: Overleg) -> tuple[int, list[Genodigde]]:
    """Send the invitation to everyone who has not had a message about this meeting yet;
    returns how many e-mails were queued and who needs a letter."""
    genodigden = list(overleg.genodigden.all())
    aantal = _verstuur(overleg, "uitnodiging", [g for g in genodigden if g.bericht_id is None])
    overleg.uitgenodigd_op = timezone.now()
    overleg.save(update_fields=["uitgenodigd_op"])
    return aantal, [g for g in genodigden if not g.email]


def wijziging_versturen(overleg: Overleg) -> int:
    """After the meeting's date, time or place changed (and `volgnummer` was raised): to
    everyone who already had a message about it."""
    if not overleg.uitgenodigd_op:
        return 0
    return _verstuur(overleg, "wijziging", overleg.genodigden.filter(bericht__isnull=False))


def annulering_versturen(overleg: Overleg) -> int:
    if not overleg.uitgenodigd_op:
        return 0
    return _verstuur(overleg, "annulering", overleg.genodigden.filter(bericht__isnull=False))


def herinneringen_versturen(vandaag: date | None = None) -> int:
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


def antwoord_geven(*, genodigde: Genodigde, antwoord: str) -> None:
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
