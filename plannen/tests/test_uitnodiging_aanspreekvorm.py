"""u or jij, and the professional's text (issue #12): the preview said "of je komt", the
text part "of u komt" and the reply page "Komt u?", and professionals got the household's
text ("voor jou en (eventueel) jouw gezin"). The household's choice (seed 002 DEEL G: u-vorm
and jij-vorm) now holds in every part of every message; professionals get Regie's
professional variant of the DEEL G text, in u-vorm (plannen/README.md)."""

import datetime
import email
from email.policy import default

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from plannen.models import GenodigdeSoort, Overleg
from plannen.services import overleg_plan, uitnodigingen_send


@pytest.fixture
def jij_overleg(traject, procesregisseur):
    traject.huishouden.aanspreekvorm = "jij"
    traject.huishouden.save()
    return overleg_plan(
        traject=traject,
        door=procesregisseur,
        soort="start",
        datum=datetime.date.today() + datetime.timedelta(days=7),
        begin=datetime.time(10),
        eind=datetime.time(11),
        locatie="Stadhuis Gouda",
        voorzitter=procesregisseur,
        genodigden=[
            {
                "naam": "Sanne de Vries",
                "email": "sanne@voorbeeld.nl",
                "rol": "moeder",
                "soort": GenodigdeSoort.KLANT,
                "moet": True,
            },
            {
                "naam": "Karim",
                "email": "karim@regie.test",
                "rol": "casusregisseur",
                "soort": GenodigdeSoort.PROFESSIONAL,
                "moet": False,
            },
        ],
    )


def _delen(message) -> tuple[str, str, str]:
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=default)
    (cal,) = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    (event,) = Calendar.from_ical(cal.get_content()).walk("VEVENT")
    return message.body, message.alternatives[0][0], str(event["DESCRIPTION"])


@pytest.fixture
def berichten(jij_overleg, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        uitnodigingen_send(jij_overleg)
    return {m.to[0]: m for m in mail.outbox}


def test_the_households_jij_holds_in_text_html_and_calendar(berichten):
    tekst, html, ics = _delen(berichten["sanne@voorbeeld.nl"])
    for deel in (tekst, html, ics):
        assert "of je komt" in deel
        assert "of u komt" not in deel
    assert "een plan voor jou en (eventueel) jouw gezin" in tekst and "jouw gezin" in html


def test_a_professional_gets_the_professionals_text_in_u_vorm(berichten):
    tekst, html, ics = _delen(berichten["karim@regie.test"])
    for deel in (tekst, html, ics):
        assert "of u komt" in deel and "of je komt" not in deel
    assert "jou" not in tekst and "jouw" not in html
    assert "Graag nodigen wij u uit" in tekst
    assert "een plan voor de klant(en) en (eventueel) het gezin" in tekst
    assert "Zorgen: wat wil de klant veranderen?" in html


def test_the_reply_page_follows_the_invitee(client, berichten, jij_overleg):
    sanne = jij_overleg.genodigden.get(naam="Sanne de Vries")
    karim = jij_overleg.genodigden.get(naam="Karim")
    html = client.get(reverse("plannen:antwoord", args=[sanne.token])).content.decode()
    assert "Kom je?" in html and "Komt u?" not in html
    client.post(reverse("plannen:antwoord", args=[sanne.token]), {"antwoord": "geaccepteerd"})
    html = client.get(reverse("plannen:antwoord", args=[sanne.token])).content.decode()
    assert "Jouw antwoord: geaccepteerd" in html and "Je kunt het" in html
    html = client.get(reverse("plannen:antwoord", args=[karim.token])).content.decode()
    assert "Komt u?" in html and "Kom je?" not in html


def test_the_preview_shows_each_invitee_their_own_text(login, procesregisseur, jij_overleg):
    html = (
        login(procesregisseur)
        .get(reverse("plannen:uitnodiging", args=[jij_overleg.pk]))
        .content.decode()
    )
    sanne, karim = html.split("Aan Sanne de Vries")[1].split("Aan Karim")
    assert "of je komt" in sanne and "jouw gezin" in sanne and "of u komt" not in sanne
    assert "of u komt" in karim and "jouw" not in karim


def test_planning_marks_professionals_and_network(
    login, procesregisseur, traject, gezinslid, casusregisseur
):
    client = login(procesregisseur)
    client.post(
        reverse("plannen:overleg_nieuw", args=[traject.pk]),
        {
            "soort": "start",
            "datum": (datetime.date.today() + datetime.timedelta(days=3)).isoformat(),
            "begin": "10:00",
            "eind": "11:00",
            "locatie": "Stadhuis",
            "genodigden": [f"lid:{gezinslid.pk}", f"user:{casusregisseur.pk}"],
        },
    )
    soorten = dict(Overleg.objects.get().genodigden.values_list("naam", "soort"))
    assert soorten == {
        str(gezinslid): GenodigdeSoort.KLANT,
        casusregisseur.get_full_name(): GenodigdeSoort.PROFESSIONAL,
    }
