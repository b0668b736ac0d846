"""Sending invitations (#5): calendar files, updates, cancellations, reminders, the reply
link, letters for invitees without e-mail, and no header injection."""

import datetime
import email
from email.policy import default

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from plannen.models import Antwoord, Genodigde, OverlegSoort, UitnodigingSjabloon
from plannen.selectors import uitnodigingen
from plannen.services import herinneringen_send, uitnodigingen_send
from plannen.services import overleg as overleggen
from regie.constants import AuditActie, BerichtStatus
from regie.models import AuditEntry, Bericht
from regie.tasks import send_bericht

VANDAAG = datetime.date.today()


def _calendar_part(message):
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=default)
    (part,) = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    return part


def _ics(message) -> Calendar:
    return Calendar.from_ical(_calendar_part(message).get_content())


def _event(message):
    (event,) = _ics(message).walk("VEVENT")
    return event


@pytest.fixture
def verstuurd(overleg, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        aantal, zonder_email = uitnodigingen_send(overleg)
    assert aantal == 1 and [g.naam for g in zonder_email] == ["Anna Jansen"]
    return overleg


def test_invitation_carries_a_calendar_request(verstuurd):
    (bericht,) = mail.outbox
    assert bericht.to == ["karim@regie.test"]
    sjabloon = UitnodigingSjabloon.objects.get(organisatie=None, soort="start", vorm="u")
    assert bericht.subject == sjabloon.onderwerp
    cal = _ics(bericht)
    assert cal["METHOD"] == "REQUEST"
    event = _event(bericht)
    assert str(event["UID"]) == f"{verstuurd.uid}@regie"
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == datetime.datetime.combine(
        verstuurd.datum, datetime.time(10), tzinfo=event.decoded("DTSTART").tzinfo
    )
    assert str(event.decoded("DTSTART").tzinfo) == "Europe/Amsterdam"
    assert str(event["ATTENDEE"]) == "mailto:karim@regie.test"
    assert event["ATTENDEE"].params["ROLE"] == "OPT-PARTICIPANT"
    assert str(event["LOCATION"]) == "Stadhuis Gouda"
    assert _ics(bericht).walk("VTIMEZONE"), "the time zone travels with the event"
    # The personal reply link is in the text, the HTML and the calendar description.
    g = verstuurd.genodigden.get(email="karim@regie.test")
    link = reverse("plannen:antwoord", args=[g.token])
    assert link in bericht.body and link in bericht.alternatives[0][0]
    assert link in str(event["DESCRIPTION"])
    part = _calendar_part(bericht)
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "uitnodiging.ics"


def test_sending_twice_sends_once(verstuurd, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        uitnodigingen_send(verstuurd)
    assert len(mail.outbox) == 1 and Bericht.objects.count() == 1
    # The task itself is idempotent too.
    assert send_bericht(Bericht.objects.get().pk) == "skipped"
    assert len(mail.outbox) == 1
    # Also after a change (new SEQUENCE, update sent): only someone new gets the invitation.
    verstuurd.locatie = "Wijkcentrum"
    Genodigde.objects.create(overleg=verstuurd, naam="Nieuw", email="nieuw@voorbeeld.nl")
    with django_capture_on_commit_callbacks(execute=True):
        overleggen.overleg_change(overleg=verstuurd, gewijzigd=["locatie"])
        assert uitnodigingen_send(verstuurd)[0] == 1
    assert [m.to for m in mail.outbox[1:]] == [["karim@regie.test"], ["nieuw@voorbeeld.nl"]]


def test_the_message_id_follows_the_idempotency_key(verstuurd):
    bericht = Bericht.objects.get()
    assert bericht.sleutel.startswith(f"overleg:{verstuurd.uid}:0:")
    assert mail.outbox[0].extra_headers["Message-ID"].startswith("<")


def test_a_new_time_sends_an_update_with_a_higher_sequence(
    verstuurd, login, procesregisseur, django_capture_on_commit_callbacks
):
    g = verstuurd.genodigden.get(email="karim@regie.test")
    g.antwoord = Antwoord.GEACCEPTEERD
    g.save()
    client = login(procesregisseur)
    url = reverse("plannen:overleg_wijzigen", args=[verstuurd.pk])
    data = {
        "datum": verstuurd.datum.isoformat(),
        "begin": "13:00",
        "eind": "14:00",
        "locatie": "Stadhuis Gouda",
        "voorzitter": procesregisseur.pk,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data, follow=True)
    assert "1 genodigde krijgt bericht met een agenda-uitnodiging." in response.content.decode()
    assert len(mail.outbox) == 2
    update = mail.outbox[1]
    assert update.subject.startswith("Gewijzigd: ")
    event = _event(update)
    assert event["SEQUENCE"] == 1 and str(event["UID"]) == f"{verstuurd.uid}@regie"
    assert event.decoded("DTSTART").time() == datetime.time(13)
    g.refresh_from_db()
    assert g.antwoord == Antwoord.GEEN, "a reply to the old time no longer holds"
    assert AuditEntry.objects.filter(
        action=AuditActie.UPDATE, detail__startswith="gewijzigd"
    ).exists()

    # A new note-taker is no news for the calendars.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**data, "notulist": "Sanne"})
    assert len(mail.outbox) == 2


def test_changing_a_meeting_is_validated_in_dutch(login, procesregisseur, overleg):
    client = login(procesregisseur)
    url = reverse("plannen:overleg_wijzigen", args=[overleg.pk])
    gisteren = VANDAAG - datetime.timedelta(days=1)
    response = client.post(
        url, {"datum": gisteren.isoformat(), "begin": "10:00", "eind": "09:00", "locatie": ""}
    )
    errors = response.context["form"].errors
    assert errors["eind"] == ["De eindtijd ligt voor of op de begintijd."]
    assert errors["datum"] == ["Een gepland overleg ligt vandaag of later."]
    assert errors["locatie"] == ["Vul een locatie of een online link in."]


def test_cancelling_asks_first_and_sends_a_cancel(
    verstuurd, login, procesregisseur, django_capture_on_commit_callbacks
):
    client = login(procesregisseur)
    url = reverse("plannen:overleg_annuleren", args=[verstuurd.pk])
    assert "annuleren?" in client.get(url).content.decode()
    assert len(mail.outbox) == 1, "the confirmation page changes nothing"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    annulering = mail.outbox[1]
    assert annulering.subject.startswith("Geannuleerd: ")
    assert _ics(annulering)["METHOD"] == "CANCEL"
    event = _event(annulering)
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 1
    assert "persoonlijke link" not in annulering.body


def test_a_cancelled_meeting_that_was_never_sent_sends_nothing(
    overleg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert overleggen.overleg_cancel(overleg=overleg) == 0
    assert mail.outbox == []


def test_reminders_go_once_before_each_voortgangsoverleg(
    overleg, settings, django_capture_on_commit_callbacks
):
    settings.REGIE_HERINNERING_DAGEN = 7
    overleg.soort = OverlegSoort.VOORTGANGSOVERLEG
    overleg.datum = VANDAAG + datetime.timedelta(days=5)
    overleg.save()
    later = overleggen.overleg_plan(
        traject=overleg.traject,
        door=overleg.aangemaakt_door,
        genodigden=[{"naam": "Later", "email": "later@voorbeeld.nl", "rol": "", "moet": False}],
        soort=OverlegSoort.VOORTGANGSOVERLEG,
        datum=VANDAAG + datetime.timedelta(days=10),
        begin=datetime.time(9),
        eind=datetime.time(10),
        locatie="Stadhuis",
    )
    extra = Genodigde.objects.create(
        overleg=overleg, naam="Afgemeld", email="nee@voorbeeld.nl", antwoord=Antwoord.AFGEMELD
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert herinneringen_send(VANDAAG) == 1
        assert herinneringen_send(VANDAAG) == 0
    (herinnering,) = mail.outbox
    assert herinnering.to == ["karim@regie.test"] and herinnering.subject.startswith(
        "Herinnering: "
    )
    assert _ics(herinnering)["METHOD"] == "REQUEST"
    assert extra.email not in [m.to[0] for m in mail.outbox]
    later.refresh_from_db()
    assert later.herinnerd_op is None, "ten days out is not yet within the seven"
    # The reminder counted as the invitation: a later change reaches the calendars that got
    # it (not the one who had declined and so had no reminder).
    overleg.refresh_from_db()
    overleg.begin = datetime.time(14)
    with django_capture_on_commit_callbacks(execute=True):
        assert overleggen.overleg_change(overleg=overleg, gewijzigd=["begin"]) == 1


def test_reply_link_accepts_and_declines_without_an_account(client, verstuurd):
    g = verstuurd.genodigden.get(email="karim@regie.test")
    url = reverse("plannen:antwoord", args=[g.token])
    page = client.get(url).content.decode()
    assert "Stadhuis Gouda" in page
    assert verstuurd.traject.huishouden.naam not in page, "the link shows no case content"
    client.post(url, {"antwoord": "geaccepteerd"})
    g.refresh_from_db()
    assert g.antwoord == Antwoord.GEACCEPTEERD and g.beantwoord_op
    client.post(url, {"antwoord": "afgemeld"})
    g.refresh_from_db()
    assert g.antwoord == Antwoord.AFGEMELD
    client.post(url, {"antwoord": "iets anders"})
    g.refresh_from_db()
    assert g.antwoord == Antwoord.AFGEMELD
    entry = AuditEntry.objects.filter(detail__contains="persoonlijke link").first()
    assert entry.user_id is None and entry.household_id == verstuurd.traject.huishouden_id


def test_the_audit_log_never_stores_a_live_reply_token(client, verstuurd):
    """Issue #11: the reply token was stored in the audit row's path, so whoever reads the
    log could answer in the invitee's name. The path is kept, with the token masked."""
    g = verstuurd.genodigden.get(email="karim@regie.test")
    url = reverse("plannen:antwoord", args=[g.token])
    client.post(url, {"antwoord": "geaccepteerd"})
    entries = AuditEntry.objects.filter(detail__contains="persoonlijke link")
    assert entries.exists()
    for entry in entries:
        assert g.token not in entry.path
        assert entry.path == url.replace(g.token, "***")


def test_reply_link_expires_after_the_meeting_and_on_cancellation(client, overleg):
    g = overleg.genodigden.get(email="karim@regie.test")
    url = reverse("plannen:antwoord", args=[g.token])
    overleg.datum = VANDAAG - datetime.timedelta(days=1)
    overleg.save()
    response = client.post(url, {"antwoord": "geaccepteerd"})
    assert response.status_code == 410 and "voorbij" in response.content.decode()
    g.refresh_from_db()
    assert g.antwoord == Antwoord.GEEN
    overleg.datum = VANDAAG + datetime.timedelta(days=1)
    overleg.save()
    overleggen.overleg_cancel(overleg=overleg)
    assert client.get(url).status_code == 410
    assert client.get(reverse("plannen:antwoord", args=["x" * 43])).status_code == 404


def test_meeting_page_shows_the_state_per_invitee(login, procesregisseur, verstuurd):
    karim = verstuurd.genodigden.get(email="karim@regie.test")
    page = login(procesregisseur).get(reverse("plannen:overleg", args=[verstuurd.pk]))
    html = page.content.decode()
    assert "uitnodiging-afgeleverd" in html and "uitnodiging-brief" in html
    Bericht.objects.update(status=BerichtStatus.FAILED)
    html = login(procesregisseur).get(reverse("plannen:overleg", args=[verstuurd.pk])).content
    assert b"uitnodiging-mislukt" in html
    karim.antwoord = Antwoord.GEACCEPTEERD
    karim.save()
    html = login(procesregisseur).get(reverse("plannen:overleg", args=[verstuurd.pk])).content
    assert b"uitnodiging-geaccepteerd" in html


def test_invitee_without_email_gets_a_printable_letter(login, procesregisseur, genodigde):
    response = login(procesregisseur).get(
        reverse("plannen:uitnodiging_brief", args=[genodigde.overleg_id, genodigde.pk])
    )
    assert response["Content-Type"] == "application/pdf"
    tekst = "".join(
        p.extract_text() for p in PdfReader(__import__("io").BytesIO(response.content)).pages
    )
    assert "Beste Anna Jansen" in tekst
    assert genodigde.token[:20] in tekst.replace("\n", "")
    assert AuditEntry.objects.filter(detail="brief voor Anna Jansen").exists()


def test_no_header_injection_through_names_or_subjects(overleg, django_capture_on_commit_callbacks):
    Genodigde.objects.filter(email="karim@regie.test").update(
        naam="Karim\r\nBcc: mallory@kwaad.test"
    )
    sjabloon = UitnodigingSjabloon.objects.get(organisatie=None, soort="start", vorm="u")
    UitnodigingSjabloon.objects.create(
        organisatie=overleg.aangemaakt_door.organisatie,
        soort="start",
        vorm="u",
        titel="eigen",
        onderwerp="Uitnodiging\r\nBcc: mallory@kwaad.test",
        uitnodiging=sjabloon.uitnodiging,
        doel=sjabloon.doel,
        agenda_intro=sjabloon.agenda_intro,
        agenda=sjabloon.agenda,
        slot=sjabloon.slot,
        afsluiting=sjabloon.afsluiting,
        groet=sjabloon.groet,
    )
    with django_capture_on_commit_callbacks(execute=True):
        uitnodigingen_send(overleg)
    raw = mail.outbox[0].message().as_bytes()
    parsed = email.message_from_bytes(raw, policy=default)
    assert parsed["Bcc"] is None and mail.outbox[0].recipients() == ["karim@regie.test"]
    assert "\n" not in parsed["Subject"]
    ics = next(p for p in parsed.walk() if p.get_content_type() == "text/calendar")
    assert not any(line.startswith("Bcc") for line in ics.get_content().splitlines()), (
        "no line of its own in the calendar file either"
    )


def test_an_organisation_adapts_and_puts_back_a_template(login, beheerder, overleg):
    client = login(beheerder)
    url = reverse("plannen:sjabloon_bewerken", args=["start", "u"])
    form = client.get(url).context["form"]
    richtlijn = UitnodigingSjabloon.objects.get(organisatie=None, soort="start", vorm="u")
    assert form.initial["agenda"] == "\n".join(richtlijn.agenda)
    data = {
        "onderwerp": "Uitnodiging startoverleg Sociaal Team",
        "uitnodiging": "Welkom op {datum} van {begin} tot {eind} in het wijkcentrum.",
        "doel": richtlijn.doel,
        "agenda_intro": richtlijn.agenda_intro,
        "agenda": "Kennismaken\n\nAfspraken maken\n",
        "slot": richtlijn.slot,
        "afsluiting": richtlijn.afsluiting,
        "groet": richtlijn.groet,
    }
    response = client.post(url, data)
    assert response.status_code == 302
    eigen = UitnodigingSjabloon.objects.get(organisatie=beheerder.organisatie, soort="start")
    assert eigen.agenda == ["Kennismaken", "Afspraken maken"]
    assert AuditEntry.objects.filter(
        action=AuditActie.CREATE, object_type="plannen.UitnodigingSjabloon"
    ).exists()
    # Petra (same organisation) now invites with the own version.
    u = uitnodigingen(overleg)[0]
    assert u.onderwerp == "Uitnodiging startoverleg Sociaal Team"
    assert "in het wijkcentrum" in u.alinea_voor[0]

    reset = reverse("plannen:sjabloon_terugzetten", args=["start", "u"])
    assert "terugzetten naar de Richtlijn?" in client.get(reset).content.decode()
    assert UitnodigingSjabloon.objects.filter(pk=eigen.pk).exists()
    client.post(reset)
    assert not UitnodigingSjabloon.objects.filter(pk=eigen.pk).exists()
    assert AuditEntry.objects.filter(action=AuditActie.DELETE).exists()


def test_template_validation_in_dutch(login, aandachtsfunctionaris, db):
    client = login(aandachtsfunctionaris)
    url = reverse("plannen:sjabloon_bewerken", args=["voortgang", "jij"])
    response = client.post(
        url,
        {
            "onderwerp": "Uitnodiging\r\nBcc: x@y.test",
            "uitnodiging": "Op {datum} om {tijd} {datum.__class__}",
            "agenda": "  \n ",
        },
    )
    errors = response.context["form"].errors
    assert errors["onderwerp"] == ["Het onderwerp is één regel."]
    assert errors["uitnodiging"] == ["Gebruik alleen {datum}, {begin} en {eind} tussen accolades."]
    assert errors["agenda"] == ["Zet ten minste één agendapunt in de agenda."]
    assert not UitnodigingSjabloon.objects.exclude(organisatie=None).exists()


def test_someone_forgotten_is_added_and_invited_at_once(
    verstuurd, login, procesregisseur, django_capture_on_commit_callbacks
):
    client = login(procesregisseur)
    url = reverse("plannen:overleg_wijzigen", args=[verstuurd.pk])
    keuzes = dict(client.get(url).context["form"].fields["extra_genodigden"].choices)
    petra = f"user:{procesregisseur.pk}"
    assert petra in keuzes and not any("Karim" in label for label in keuzes.values())
    data = {
        "datum": verstuurd.datum.isoformat(),
        "begin": "10:00",
        "eind": "11:30",
        "locatie": "Stadhuis Gouda",
        "voorzitter": procesregisseur.pk,
        "extra_genodigden": [petra],
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    assert verstuurd.genodigden.filter(email=procesregisseur.email).exists()
    nieuw = mail.outbox[-1]
    assert nieuw.to == [procesregisseur.email] and not nieuw.subject.startswith("Gewijzigd")
    assert len(mail.outbox) == 2, "nothing again for Karim: his meeting did not change"


def test_a_failed_invitation_can_be_sent_again(
    verstuurd, login, procesregisseur, django_capture_on_commit_callbacks
):
    karim = verstuurd.genodigden.get(email="karim@regie.test")
    Bericht.objects.filter(pk=karim.bericht_id).update(
        status=BerichtStatus.FAILED, pogingen=5, fout="550 mailbox unavailable"
    )
    client = login(procesregisseur)
    page = client.get(reverse("plannen:overleg", args=[verstuurd.pk])).content.decode()
    url = reverse("plannen:uitnodiging_opnieuw", args=[verstuurd.pk, karim.pk])
    assert f'action="{url}"' in page and "opnieuw versturen" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "gaat opnieuw uit" in response.content.decode()
    bericht = Bericht.objects.get(pk=karim.bericht_id)
    assert bericht.status == BerichtStatus.SENT and bericht.pogingen == 1
    assert len(mail.outbox) == 2 and Bericht.objects.count() == 1, "the same message, once more"
    assert AuditEntry.objects.filter(detail=f"opnieuw: {karim.naam}").exists()
    # A message that did not fail is not sent again.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert len(mail.outbox) == 2


def test_the_meeting_page_warns_when_someone_who_must_attend_declines(
    login, procesregisseur, overleg
):
    url = reverse("plannen:overleg", args=[overleg.pk])
    client = login(procesregisseur)
    assert "Zonder hen gaat het overleg niet door" not in client.get(url).content.decode()
    overleg.genodigden.filter(naam="Anna Jansen").update(antwoord=Antwoord.AFGEMELD)
    overleg.genodigden.filter(naam="Karim").update(antwoord=Antwoord.AFGEMELD)  # not a must
    html = client.get(url).content.decode()
    assert "Anna Jansen moet zeker aanwezig zijn en heeft zich afgemeld." in html
    assert reverse("plannen:overleg_wijzigen", args=[overleg.pk]) in html


def test_the_chair_hears_when_someone_who_must_attend_declines(
    client, overleg, procesregisseur, django_capture_on_commit_callbacks
):
    anna = overleg.genodigden.get(naam="Anna Jansen")  # must attend
    karim = overleg.genodigden.get(email="karim@regie.test")  # need not
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("plannen:antwoord", args=[karim.token]), {"antwoord": "afgemeld"})
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("plannen:antwoord", args=[anna.token]), {"antwoord": "afgemeld"})
        client.post(reverse("plannen:antwoord", args=[anna.token]), {"antwoord": "afgemeld"})
    (bericht,) = mail.outbox
    assert bericht.to == [procesregisseur.email] and "Afmelding" in bericht.subject
    assert "Anna Jansen moet zeker aanwezig zijn" in bericht.body


def test_no_reminder_right_after_the_invitation(overleg, django_capture_on_commit_callbacks):
    import time_machine
    from django.utils import timezone

    overleg.soort = OverlegSoort.VOORTGANGSOVERLEG
    overleg.datum = VANDAAG + datetime.timedelta(days=5)
    overleg.save()
    with django_capture_on_commit_callbacks(execute=True):
        uitnodigingen_send(overleg)
        assert herinneringen_send(VANDAAG) == 0, "invited minutes ago"
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(days=3)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert herinneringen_send(VANDAAG + datetime.timedelta(days=3)) == 1
    assert [m.subject.startswith("Herinnering: ") for m in mail.outbox] == [False, True]


def test_the_message_after_sending_matches_the_state_shown(
    login, procesregisseur, overleg, django_capture_on_commit_callbacks
):
    """Issue #12: the page said "staat klaar om te verzenden" next to "uitnodiging:
    Afgeleverd". The message now holds whatever the outbox did by then."""
    client = login(procesregisseur)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("plannen:uitnodiging", args=[overleg.pk]))
    html = client.get(reverse("plannen:overleg", args=[overleg.pk])).content.decode()
    assert "klaar om te verzenden" not in html
    assert "1 uitnodiging is verstuurd; of die is afgeleverd, ziet u per genodigde." in html
    assert "uitnodiging: Afgeleverd" in html
