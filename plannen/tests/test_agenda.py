"""The calendar file of an invitation (issue #12): the ORGANIZER was the app's no-reply
address, so a calendar reply went nowhere. The chair is the organizer now, the app its
SENT-BY; asserted on the parsed ICS."""

import datetime
from email.utils import parseaddr

from django.conf import settings
from icalendar import Calendar

from plannen import agenda


def _organizer(overleg):
    genodigde = overleg.genodigden.get(naam="Karim")
    (event,) = Calendar.from_ical(agenda.ics(overleg, genodigde, methode=agenda.REQUEST)).walk(
        "VEVENT"
    )
    return event["ORGANIZER"]


def test_the_chair_organizes_and_the_app_sends_on_their_behalf(overleg, procesregisseur):
    organizer = _organizer(overleg)
    assert str(organizer) == f"mailto:{procesregisseur.email}"
    assert organizer.params["CN"] == procesregisseur.get_full_name()
    assert organizer.params["SENT-BY"] == f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}"
    assert "noreply" not in str(organizer)


def test_without_a_chair_whoever_planned_it_organizes(overleg, procesregisseur, casusregisseur):
    overleg.voorzitter = None
    overleg.aangemaakt_door = casusregisseur
    overleg.save()
    assert str(_organizer(overleg)) == f"mailto:{casusregisseur.email}"


def test_a_cancellation_has_the_same_organizer(overleg, procesregisseur):
    genodigde = overleg.genodigden.get(naam="Karim")
    overleg.datum = datetime.date.today() + datetime.timedelta(days=3)
    (event,) = Calendar.from_ical(agenda.ics(overleg, genodigde, methode=agenda.CANCEL)).walk(
        "VEVENT"
    )
    assert str(event["ORGANIZER"]) == f"mailto:{procesregisseur.email}"
