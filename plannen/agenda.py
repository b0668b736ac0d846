"""The calendar file (iCalendar, RFC 5545/5546) that goes with every invitation e-mail.

One meeting is one event for its whole life: the UID is the meeting's `uid`, SEQUENCE is
its `volgnummer` (raised on every change of time or place, and on cancellation), so a
calendar replaces the event instead of adding a second one. METHOD is REQUEST for an
invitation, update or reminder, CANCEL for a cancellation. Replies come through the
personal link in the e-mail, hence RSVP=FALSE.

The ORGANIZER is the chair (or whoever planned the meeting), with the app's sender address
as SENT-BY (RFC 5545 3.2.18): the app sends the message on the chair's behalf. A calendar
that replies anyway (or a "reply" to the event) then reaches a person who reads it, not the
app's no-reply box (issue #12). Without an address for the chair the app's sender remains
the organizer.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from plannen.models import Genodigde, Overleg

REQUEST = "REQUEST"
CANCEL = "CANCEL"


def _een_regel(tekst: str) -> str:
    """Names and places on one line: no line break can reach a header or a property."""
    return " ".join(str(tekst).split())


def organizer(overleg: Overleg) -> vCalAddress:
    """The chair as organizer, the app's sender as SENT-BY (see the module docstring)."""
    voorzitter = overleg.voorzitter or overleg.aangemaakt_door
    afzender = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    adres = _een_regel(voorzitter.email).replace(" ", "")
    result = vCalAddress(f"mailto:{adres or afzender}")
    result.params["cn"] = vText(_een_regel(voorzitter.get_full_name()))
    if adres and adres.lower() != afzender.lower():
        result.params["sent-by"] = f"mailto:{afzender}"
    return result


def ics(overleg: Overleg, genodigde: Genodigde, *, methode: str, beschrijving: str = "") -> str:
    tz = ZoneInfo(settings.TIME_ZONE)
    cal = Calendar()
    cal.add("prodid", "-//Regie//1Gezin1Plan1Regisseur//NL")
    cal.add("version", "2.0")
    cal.add("method", methode)
    event = Event()
    event.add("uid", f"{overleg.uid}@regie")
    event.add("sequence", overleg.volgnummer)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", datetime.combine(overleg.datum, overleg.begin, tzinfo=tz))
    event.add("dtend", datetime.combine(overleg.datum, overleg.eind, tzinfo=tz))
    event.add("summary", _een_regel(f"{overleg.get_soort_display()} 1Gezin1Plan1Regisseur"))
    if overleg.locatie or overleg.online_link:
        event.add("location", _een_regel(overleg.locatie or overleg.online_link))
    if overleg.online_link:
        event.add("url", overleg.online_link)
    if beschrijving:
        event.add("description", beschrijving)
    event.add("status", "CANCELLED" if methode == CANCEL else "CONFIRMED")
    event.add("organizer", organizer(overleg))
    attendee = vCalAddress(f"mailto:{genodigde.email}")
    attendee.params["cn"] = vText(_een_regel(genodigde.naam))
    attendee.params["role"] = "REQ-PARTICIPANT" if genodigde.moet_aanwezig else "OPT-PARTICIPANT"
    attendee.params["partstat"] = "NEEDS-ACTION"
    attendee.params["rsvp"] = "FALSE"
    event.add("attendee", attendee)
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode()
