"""Meetings of a traject: planning, validation, attendance and the next meeting (#5, part 1)."""

import datetime

import pytest
from django.urls import reverse

from plannen.models import Overleg, OverlegStatus
from plannen.services import overleg as overleggen
from regie.constants import AuditActie
from regie.models import AuditEntry

MORGEN = datetime.date.today() + datetime.timedelta(days=1)


def _data(gisteren=False, **overrides):
    datum = datetime.date.today() - datetime.timedelta(days=1) if gisteren else MORGEN
    data = {
        "soort": "start",
        "datum": datum.isoformat(),
        "begin": "10:00",
        "eind": "11:00",
        "locatie": "Stadhuis",
        "genodigden": ["lid:0"],
        "moet_aanwezig": [],
    }
    data.update(overrides)
    return data


def test_planning_a_startoverleg_with_invitees(
    login, procesregisseur, traject, gezinslid, casusregisseur
):
    client = login(procesregisseur)
    url = reverse("plannen:overleg_nieuw", args=[traject.pk])
    keys = [k for k, _l in client.get(url).context["form"].fields["genodigden"].choices]
    assert f"lid:{gezinslid.pk}" in keys and f"user:{casusregisseur.pk}" in keys
    response = client.post(
        url,
        _data(
            genodigden=[f"lid:{gezinslid.pk}", f"user:{casusregisseur.pk}"],
            moet_aanwezig=[f"lid:{gezinslid.pk}"],
        ),
    )
    overleg = Overleg.objects.get()
    assert response["Location"] == reverse("plannen:overleg", args=[overleg.pk])
    assert [(g.naam, g.moet_aanwezig) for g in overleg.genodigden.all()] == [
        (str(gezinslid), True),
        (casusregisseur.get_full_name(), False),
    ]
    assert AuditEntry.objects.filter(
        action=AuditActie.CREATE, household_id=traject.huishouden_id
    ).exists()


def test_meeting_validation_in_dutch(login, procesregisseur, casusregisseur, traject, gezinslid):
    client = login(procesregisseur)
    url = reverse("plannen:overleg_nieuw", args=[traject.pk])
    lid = f"lid:{gezinslid.pk}"
    cases = [
        (_data(genodigden=[lid], eind="09:00"), "De eindtijd ligt voor of op de begintijd."),
        (_data(genodigden=[lid], gisteren=True), "Deze datum ligt in het verleden."),
        (_data(genodigden=[]), "Nodig ten minste één persoon uit."),
        (_data(genodigden=[lid], locatie=""), "Vul een locatie of een online link in."),
        (
            _data(genodigden=[lid], moet_aanwezig=[lid, "netwerk:99"]),
            "Selecteer een geldige keuze.",
        ),
    ]
    for data, message in cases:
        assert message in client.post(url, data).content.decode(), message
    assert not Overleg.objects.exists()
    # A meeting in the past is fine as the record of a meeting held.
    client.post(url, _data(genodigden=[lid], gisteren=True, verslag="on"))
    assert Overleg.objects.get().status == OverlegStatus.GEHOUDEN


def test_closing_a_meeting_records_attendance_and_plans_the_next(
    login, procesregisseur, overleg, plan
):
    from plannen import services

    versie = services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")
    overleg.datum = datetime.date.today() - datetime.timedelta(days=1)  # held yesterday
    overleg.save()
    anna, karim = overleg.genodigden.order_by("naam")
    client = login(procesregisseur)
    volgende = MORGEN + datetime.timedelta(days=42)
    response = client.post(
        reverse("plannen:overleg", args=[overleg.pk]),
        {
            "actie": "afronden",
            "aanwezig": [anna.pk],
            "volgende_datum": volgende.isoformat(),
            "volgende_begin": "14:00",
            "volgende_eind": "15:00",
        },
    )
    overleg.refresh_from_db()
    assert overleg.status == OverlegStatus.GEHOUDEN and overleg.planversie == versie
    assert [(g.naam, g.aanwezig) for g in overleg.genodigden.order_by("naam")] == [
        ("Anna Jansen", True),
        ("Karim", False),
    ]
    nieuw = Overleg.objects.exclude(pk=overleg.pk).get()
    assert response["Location"] == reverse("plannen:overleg", args=[nieuw.pk])
    assert (nieuw.soort, nieuw.datum, nieuw.genodigden.count()) == ("voortgang", volgende, 2)


def test_a_meeting_in_the_future_cannot_be_recorded_as_held(
    login, procesregisseur, traject, gezinslid
):
    """Issue #12: "al gehouden" with a date ahead was saved as a held meeting."""
    client = login(procesregisseur)
    url = reverse("plannen:overleg_nieuw", args=[traject.pk])
    html = client.post(url, _data(genodigden=[f"lid:{gezinslid.pk}"], verslag="on")).content
    assert "nog niet begonnen" in html.decode()
    assert not Overleg.objects.exists()
    with pytest.raises(overleggen.OverlegNogNietBegonnen):
        overleggen.overleg_plan(
            traject=traject,
            door=procesregisseur,
            genodigden=[],
            status=OverlegStatus.GEHOUDEN,
            soort="start",
            datum=MORGEN,
            begin=datetime.time(10),
            eind=datetime.time(11),
        )


def test_a_planned_meeting_is_held_only_once_it_has_started(login, procesregisseur, overleg):
    """Issue #12: closing a meeting a week ahead marked it held."""
    client = login(procesregisseur)
    url = reverse("plannen:overleg", args=[overleg.pk])
    assert "zodra het begonnen is" in client.get(url).content.decode()
    response = client.post(url, {"actie": "afronden"}, follow=True)
    assert "nog niet begonnen" in response.content.decode()
    overleg.refresh_from_db()
    assert overleg.status == OverlegStatus.GEPLAND
    assert not overleg.genodigden.filter(aanwezig__isnull=False).exists()


def test_next_meeting_on_the_start_page(login, procesregisseur, overleg):
    html = login(procesregisseur).get(reverse("start")).content.decode()
    assert overleg.datum.strftime("%Y") in html and "nog niet gepland" not in html


def test_meeting_page_shows_the_preparation_checklist(login, casusregisseur, overleg):
    response = login(casusregisseur).get(reverse("plannen:overleg", args=[overleg.pk]))
    assert [a.fase for a in response.context["checklist"]] and {
        a.fase for a in response.context["checklist"]
    } == {"3a"}
    assert "moet zeker aanwezig zijn" in response.content.decode()


def test_four_templates_of_the_richtlijn_are_loaded(db):
    from plannen.models import UitnodigingSjabloon

    assert set(
        UitnodigingSjabloon.objects.filter(organisatie__isnull=True).values_list("soort", "vorm")
    ) == {
        ("start", "u"),
        ("start", "jij"),
        ("voortgang", "u"),
        ("voortgang", "jij"),
        # Regie's professional variant (issue #12, plannen/README.md)
        ("start", "professional"),
        ("voortgang", "professional"),
    }


def test_invitation_preview_uses_the_households_form_of_address(
    login, procesregisseur, overleg, traject
):
    client = login(procesregisseur)
    html = client.get(reverse("plannen:uitnodiging", args=[overleg.pk])).content.decode()
    assert "Beste Anna Jansen," in html and "Beste Karim," in html
    assert (
        "Het overleg heeft als doel het maken van een plan voor u en (eventueel) uw gezin." in html
    )
    assert "Graag nodigen wij u/jullie uit voor een overleg op" in html and "Stadhuis Gouda" in html
    traject.huishouden.aanspreekvorm = "jij"
    traject.huishouden.save()
    html = client.get(reverse("plannen:uitnodiging", args=[overleg.pk])).content.decode()
    assert (
        "Zorgen: wat wil jij veranderen?" in html
        and "Wij hopen je hiermee voldoende te hebben" in html
    )


def test_an_organisations_own_template_wins(login, procesregisseur, overleg):
    from plannen.models import UitnodigingSjabloon

    eigen = UitnodigingSjabloon.objects.get(organisatie__isnull=True, soort="start", vorm="u")
    eigen.pk = None
    eigen.organisatie = procesregisseur.organisatie
    eigen.slot = "Na afloop drinken we samen koffie."
    eigen.save()
    html = (
        login(procesregisseur)
        .get(reverse("plannen:uitnodiging", args=[overleg.pk]))
        .content.decode()
    )
    assert "Na afloop drinken we samen koffie." in html


def test_the_chair_is_chosen_from_the_traject_and_the_own_organisation(
    login, procesregisseur, casusregisseur, buitenstaander, traject
):
    form = login(procesregisseur).get(reverse("plannen:overleg_nieuw", args=[traject.pk]))
    keuzes = set(form.context["form"].fields["voorzitter"].queryset)
    assert {procesregisseur, casusregisseur} <= keuzes
    assert buitenstaander not in keuzes, "no list of every user in the system"


def test_preparation_is_ticked_per_meeting(login, procesregisseur, overleg):
    client = login(procesregisseur)
    acties = client.get(reverse("plannen:overleg", args=[overleg.pk])).context["checklist"]
    eerste, tweede = acties[0].pk, acties[1].pk
    url = reverse("plannen:voorbereiding", args=[overleg.pk])
    client.post(url, {"gedaan": [eerste, tweede, 999999]})
    assert set(overleg.voorbereiding.values_list("actie_id", flat=True)) == {eerste, tweede}
    client.post(url, {"gedaan": [tweede]})
    (rij,) = overleg.voorbereiding.all()
    assert rij.actie_id == tweede and rij.gedaan_door == procesregisseur
    assert AuditEntry.objects.filter(detail="voorbereiding").count() == 2

    # The next meeting (a voortgangsoverleg) is prepared anew: the 5a list, nothing ticked.
    overleg.datum = datetime.date.today() - datetime.timedelta(days=1)
    volgende = overleggen.overleg_finish(
        overleg=overleg,
        aanwezig=set(),
        volgende={
            "datum": MORGEN + datetime.timedelta(days=42),
            "begin": datetime.time(10),
            "eind": datetime.time(11),
        },
    )
    lijst = client.get(reverse("plannen:overleg", args=[volgende.pk])).context["checklist"]
    assert {a.fase for a in lijst} == {"5a"} and not any(a.gedaan for a in lijst)
