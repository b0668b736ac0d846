"""An organisation's invitation text may hold only the bare placeholders {datum}, {begin} and
{eind} (issue #11).

The check used to accept format specs: `{datum:{eind}}` made every invitation of that
organisation fail with a 500 and `{datum:>5000000}` made each one 5 MB. The form now refuses
anything but the bare placeholders, and filling in no longer uses str.format, so a text that
is already stored can never break an invitation either.
"""

import pytest
from django.core import mail
from django.urls import reverse

from plannen.models import UitnodigingSjabloon
from plannen.selectors import invullen, uitnodigingen
from plannen.services import uitnodigingen_send
from regie.models import AuditEntry

FOUT = "Gebruik alleen {datum}, {begin} en {eind} tussen accolades."

WEIGEREN = [
    "Op {datum:{eind}}.",
    "Op {datum:>5000000}.",
    "Op {datum:%Y}.",
    "Op {datum!r}.",
    "Op {datum!s:>9}.",
    "Op {datum.upper}.",
    "Op {datum.__class__}.",
    "Op {datum[0]}.",
    "Op {tijd}.",
    "Op {}.",
    "Op {0}.",
    "Op { datum }.",
    "Op {DATUM}.",
    "Op {datum.",
    "Op datum}.",
    "Op {{datum}.",
]


def _data(richtlijn, uitnodiging):
    return {
        "onderwerp": "Uitnodiging",
        "uitnodiging": uitnodiging,
        "doel": richtlijn.doel,
        "agenda_intro": richtlijn.agenda_intro,
        "agenda": "Kennismaken",
        "slot": richtlijn.slot,
        "afsluiting": richtlijn.afsluiting,
        "groet": richtlijn.groet,
    }


@pytest.fixture
def richtlijn(db):
    return UitnodigingSjabloon.objects.get(organisatie=None, soort="start", vorm="u")


@pytest.mark.parametrize("tekst", WEIGEREN)
def test_format_specs_conversions_and_unknown_names_are_refused(login, beheerder, richtlijn, tekst):
    client = login(beheerder)
    url = reverse("plannen:sjabloon_bewerken", args=["start", "u"])
    response = client.post(url, _data(richtlijn, tekst))
    assert response.status_code == 200
    assert response.context["form"].errors["uitnodiging"] == [FOUT]
    assert not UitnodigingSjabloon.objects.exclude(organisatie=None).exists()


@pytest.mark.parametrize(
    "tekst",
    [
        "Op {datum} van {begin} tot {eind} uur.",
        "Alleen {eind}.",
        "Geen invulvelden.",
        "Met {{accolades}} als tekst.",
    ],
)
def test_bare_placeholders_and_escaped_braces_are_accepted(login, beheerder, richtlijn, tekst):
    client = login(beheerder)
    url = reverse("plannen:sjabloon_bewerken", args=["start", "u"])
    assert client.post(url, _data(richtlijn, tekst)).status_code == 302
    assert UitnodigingSjabloon.objects.get(organisatie=beheerder.organisatie).uitnodiging == tekst


def test_filling_in_replaces_only_the_bare_placeholders():
    waarden = {"datum": "maandag 1 juni 2026", "begin": "10:00", "eind": "11:30"}
    assert invullen("Op {datum} van {begin} tot {eind}.", **waarden) == (
        "Op maandag 1 juni 2026 van 10:00 tot 11:30."
    )
    # Doubled braces are literal braces, as they were with str.format.
    assert invullen("{{datum}} is {datum}", **waarden) == "{datum} is maandag 1 juni 2026"
    # Anything else stays as typed: never an error, never a blow-up.
    assert invullen("{datum:{eind}}", **waarden) == "{datum:11:30}"
    assert invullen("{datum:>5000000}", **waarden) == "{datum:>5000000}"
    assert invullen("{datum.__class__} {tijd} {0} {", **waarden) == (
        "{datum.__class__} {tijd} {0} {"
    )


@pytest.mark.parametrize("tekst", ["Op {datum:{eind}}.", "Op {datum:>5000000}.", "{datum!r}"])
def test_a_bad_text_already_stored_breaks_no_invitation(
    login, procesregisseur, overleg, richtlijn, tekst, django_capture_on_commit_callbacks
):
    """A text stored before the check was strict (or written past it) still sends."""
    eigen = UitnodigingSjabloon.objects.get(pk=richtlijn.pk)
    eigen.pk = None
    eigen.organisatie = procesregisseur.organisatie
    eigen.uitnodiging = tekst
    eigen.save()
    (eerste, *_rest) = uitnodigingen(overleg)
    assert len(eerste.alinea_voor[0]) < 200
    client = login(procesregisseur)
    response = client.get(reverse("plannen:uitnodiging", args=[overleg.pk]))
    assert response.status_code == 200
    assert len(response.content) < 200_000
    with django_capture_on_commit_callbacks(execute=True):
        uitnodigingen_send(overleg)
    (bericht,) = mail.outbox
    assert len(bericht.body) < 20_000
    assert AuditEntry.objects.exists()
