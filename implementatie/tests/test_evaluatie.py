"""The evaluation with the household at the last overleg (issue #14; seed 002 fase 6b step 5
"Evalueer het traject en de resultaten tijdens het laatste overleg", DEEL I "Iedere
betrokkene vult een evaluatie in"): paper forms, personal links (no account, unguessable,
one use, expiring) and answers stored without a link to the person."""

import datetime

import pytest
from django.db import models
from django.urls import reverse
from django.utils import timezone

from huishoudens.models import Netwerklid
from implementatie import services_evaluatie as services
from implementatie.models import Antwoord, Evaluatie, Inzending, Link, Vragenlijst
from implementatie.tests.fixtures import evaluatie_link, traject_6b, vragenlijsten  # noqa: F401
from regie.constants import AuditActie
from regie.models import AuditEntry, Bericht

pytestmark = pytest.mark.django_db

ALLE_VIJF = {"v_stelling_1": "5", "v_stelling_2": "4", "v_stelling_3": "3", "v_stelling_4": "2"}


def _url(token):
    return reverse("implementatie:evaluatie_invullen", args=[token])


# --- the personal link ----------------------------------------------------------------------


def test_a_link_stores_the_answers_once_and_then_says_nothing(client, request):
    token = request.getfixturevalue("evaluatie_link").token
    assert client.get(_url(token)).status_code == 200
    response = client.post(_url(token), ALLE_VIJF)
    assert response.status_code == 200
    assert "Bedankt" in response.content.decode()
    assert Inzending.objects.count() == 1
    assert sorted(Antwoord.objects.values_list("waarde", flat=True)) == [2, 3, 4, 5]
    # Used: the same answer as an unknown link, for GET and POST, and nothing more stored.
    onbekend = client.get(_url("x" * 43))
    for response in (client.get(_url(token)), client.post(_url(token), ALLE_VIJF)):
        assert response.status_code == 404
        assert response.content == onbekend.content
    assert Inzending.objects.count() == 1


def test_an_expired_link_is_refused(client, request):
    token = request.getfixturevalue("evaluatie_link").token
    Link.objects.update(verloopt_op=timezone.localdate() - datetime.timedelta(days=1))
    assert client.get(_url(token)).status_code == 404
    assert client.post(_url(token), ALLE_VIJF).status_code == 404
    assert not Inzending.objects.exists()


def test_a_link_expires_after_thirty_days(request):
    request.getfixturevalue("evaluatie_link")
    assert Link.objects.get().verloopt_op == timezone.localdate() + datetime.timedelta(days=30)


def test_the_token_is_unguessable_and_stored_only_hashed(request):
    token = request.getfixturevalue("evaluatie_link").token
    link = Link.objects.get()
    assert len(token) >= 43
    assert token not in {str(getattr(link, f.attname)) for f in Link._meta.concrete_fields}
    assert link.token_hash == services.token_hash(token)


def test_a_link_cannot_be_used_twice_even_by_racing_requests(request):
    """The conditional UPDATE decides: the second call finds the link used."""
    token = request.getfixturevalue("evaluatie_link").token
    vraag = Vragenlijst.objects.get(sleutel="evaluatie").vragen.filter(groep="klant").first()
    assert services.link_answer(token=token, antwoorden={vraag.pk: (5, "")})
    assert not services.link_answer(token=token, antwoorden={vraag.pk: (1, "")})
    assert Antwoord.objects.get().waarde == 5


def test_an_empty_form_is_refused_and_leaves_the_link_usable(client, request):
    token = request.getfixturevalue("evaluatie_link").token
    response = client.post(_url(token), {})
    assert response.status_code == 200
    assert "Beantwoord ten minste één vraag" in response.content.decode()
    assert not Link.objects.get().gebruikt


def test_many_wrong_tokens_from_one_address_are_slowed_down(client, request):
    token = request.getfixturevalue("evaluatie_link").token
    from implementatie.views.evaluatie import MAX_MISSERS

    for i in range(MAX_MISSERS):
        assert client.get(_url(f"fout-{i}")).status_code == 404
    assert client.get(_url("nog-een")).status_code == 429
    # From then on even a good link waits; nothing about it is revealed.
    assert client.get(_url(token)).status_code == 429


def test_the_public_page_writes_no_audit_row(client, request):
    """A row with the time of use would tie the answer's month to a moment and a person."""
    token = request.getfixturevalue("evaluatie_link").token
    client.post(_url(token), ALLE_VIJF)
    assert not AuditEntry.objects.filter(path__contains="invullen").exists()


# --- anonymity ----------------------------------------------------------------------------------


def test_answers_hold_no_foreign_key_or_timestamp_to_a_token_person_or_traject():
    """Issue #14 "Answers are stored without a link to the person": the answer tables point
    only at the questionnaire, the organisation, the survey and each other; their dates are
    months; random ids keep the order of arrival out; the link points at no answer."""
    toegestaan = {
        Inzending: {"vragenlijst", "organisatie", "enquete"},
        Antwoord: {"inzending", "vraag"},
    }
    for model, fks in toegestaan.items():
        velden = model._meta.concrete_fields
        assert {f.name for f in velden if f.is_relation} == fks, model
        assert not [f for f in velden if isinstance(f, models.DateTimeField | models.TimeField)]
        assert isinstance(model._meta.pk, models.UUIDField)
    assert [f.name for f in Inzending._meta.concrete_fields if isinstance(f, models.DateField)] == [
        "periode"
    ]
    link_fks = {f.related_model for f in Link._meta.concrete_fields if f.is_relation}
    assert not link_fks & {Inzending, Antwoord}
    assert not [
        f
        for f in Link._meta.concrete_fields
        if isinstance(f, models.DateTimeField) or f.name in ("email", "naam", "traject")
    ]


def test_an_answer_through_a_link_keeps_organisation_month_and_group_only(client, request, org_a):
    token = request.getfixturevalue("evaluatie_link").token
    client.post(_url(token), ALLE_VIJF)
    inzending = Inzending.objects.get()
    assert inzending.organisatie == org_a
    assert inzending.groep == "klant"
    assert inzending.periode == timezone.localdate().replace(day=1)
    link = Link.objects.get()
    assert link.gebruikt
    assert str(inzending.pk) not in {str(getattr(link, f.attname)) for f in Link._meta.fields}


# --- the procesregisseur's page at the last overleg -----------------------------------------------


def test_the_evaluation_opens_only_at_the_last_overleg(login, procesregisseur, traject, request):
    request.getfixturevalue("vragenlijsten")
    client = login(procesregisseur)
    url = reverse("implementatie:evaluatie_traject", args=[traject.pk])
    assert "hoort bij het laatste overleg" in client.get(url).content.decode()
    response = client.post(
        reverse("implementatie:evaluatie_papier", args=[traject.pk]),
        {"groep": "klant", **ALLE_VIJF},
    )
    assert response.status_code == 302
    assert not Inzending.objects.exists()
    assert not Evaluatie.objects.exists()


def test_paper_forms_are_stored_anonymously_per_group(login, procesregisseur, request, org_a):
    traject = request.getfixturevalue("traject_6b")
    client = login(procesregisseur)
    url = reverse("implementatie:evaluatie_papier", args=[traject.pk])
    assert client.post(url, {"groep": "familie", **ALLE_VIJF}).status_code == 302
    assert client.post(url, {"groep": "professional", "v_stelling_1": "1"}).status_code == 302
    assert sorted(Inzending.objects.values_list("groep", flat=True)) == ["familie", "professional"]
    assert set(Inzending.objects.values_list("organisatie", flat=True)) == {org_a.pk}
    # The professional's statement is the professional group's question, not the client's.
    assert Antwoord.objects.get(inzending__groep="professional").vraag.groep == "professional"
    evaluatie = Evaluatie.objects.get(traject=traject)
    assert evaluatie.papier_ingevoerd == 2
    # Audit: the regisseur's pages name the household; the group is not in the row.
    rijen = AuditEntry.objects.filter(household_id=traject.huishouden_id, action=AuditActie.CREATE)
    assert rijen.count() == 2
    assert not rijen.filter(detail__icontains="familie").exists()


def test_a_paper_form_without_any_answer_is_shown_again(login, procesregisseur, request):
    traject = request.getfixturevalue("traject_6b")
    client = login(procesregisseur)
    response = client.post(
        reverse("implementatie:evaluatie_papier", args=[traject.pk]), {"groep": "klant"}
    )
    assert response.status_code == 200
    assert "Beantwoord ten minste één vraag" in response.content.decode()
    assert not Inzending.objects.exists()


def test_links_go_to_participants_with_an_address_in_the_households_form(
    login, procesregisseur, request
):
    traject = request.getfixturevalue("traject_6b")
    huishouden = traject.huishouden
    huishouden.aanspreekvorm = "jij"
    huishouden.save(update_fields=["aanspreekvorm"])
    lid = huishouden.leden.get()
    lid.email = "anna@example.test"
    lid.save(update_fields=["email"])
    Netwerklid.objects.create(huishouden=huishouden, naam="Riet", rol="oma", email="riet@x.test")
    client = login(procesregisseur)
    page = client.get(reverse("implementatie:evaluatie_traject", args=[traject.pk]))
    keys = [k for k, _label in page.context["deelnemers_form"].fields["deelnemers"].choices]
    url = reverse("implementatie:evaluatie_versturen", args=[traject.pk])
    assert client.post(url, {"deelnemers": keys}).status_code == 302
    berichten = {b.aan: b for b in Bericht.objects.filter(sleutel__startswith="evaluatie:")}
    assert {"anna@example.test", "riet@x.test", "petra@regie.test"} <= set(berichten)
    assert "je antwoorden" in berichten["anna@example.test"].tekst.lower()
    assert "uw antwoorden" in berichten["petra@regie.test"].tekst.lower()
    # The e-mail names no household and no traject.
    for b in berichten.values():
        assert huishouden.naam not in b.tekst + b.onderwerp + b.html
    groepen = sorted(Link.objects.values_list("groep", flat=True))
    assert groepen.count("klant") == 1 and groepen.count("familie") == 1
    assert Link.objects.filter(jij=True).count() == 2  # the household's people, not Petra
    # Sending again reaches nobody twice.
    aantal = Link.objects.count()
    client.post(url, {"deelnemers": keys})
    assert Link.objects.count() == aantal
    assert Evaluatie.objects.get().links_verstuurd == aantal
    # The link in the e-mail works.
    link = (
        berichten["riet@x.test"].tekst.split("/implementatie/evaluatie/invullen/")[1].split("/")[0]
    )
    assert client.post(_url(link), ALLE_VIJF).status_code == 200
    assert Inzending.objects.get().groep == "familie"


def test_the_traject_page_shows_the_evaluation_link_from_6b(
    login, procesregisseur, casusregisseur, request
):
    traject = request.getfixturevalue("traject_6b")
    link = reverse("implementatie:evaluatie_traject", args=[traject.pk])
    assert link in login(procesregisseur).get(traject.get_absolute_url()).content.decode()
    assert link not in login(casusregisseur).get(traject.get_absolute_url()).content.decode()
