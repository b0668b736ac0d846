"""A beheerder keeps organisations and accounts in the app (issue #2)."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from regie.constants import BerichtStatus, Competentieprofiel, OrganisatieSoort, Rol
from regie.models import Bericht, Organisatie, User
from tests.factories import OrganisatieFactory, UserFactory


@pytest.fixture
def client_b(login, beheerder):
    return login(beheerder)


def _user_data(org, **overrides):
    data = {
        "email": "nieuw@regie.test",
        "first_name": "Nina",
        "last_name": "de Boer",
        "organisatie": org.pk,
        "functie": "Procesregisseur",
        "telefoon": "0182 123 456",
        "manager": "",
        "rollen": [Rol.PROCESREGISSEUR],
        "comp-TOTAL_FORMS": "1",
        "comp-INITIAL_FORMS": "0",
        "comp-MIN_NUM_FORMS": "0",
        "comp-MAX_NUM_FORMS": "6",
        "comp-0-profiel": Competentieprofiel.PROCES_A,
        "comp-0-getraind_op": "2025-05-01",
    }
    data.update(overrides)
    return data


def test_creating_an_account_sends_an_invitation(
    client_b, org_a, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_b.post(
            reverse("beheer:gebruiker_nieuw"), _user_data(org_a, manager=manager.pk)
        )
    user = User.objects.get(email="nieuw@regie.test")
    assert response["Location"] == reverse("beheer:gebruiker", args=[user.pk])
    assert user.rollen == [Rol.PROCESREGISSEUR]
    assert user.manager == manager
    assert not user.has_usable_password()
    competentie = user.competenties.get()
    assert (competentie.profiel, competentie.getraind_op) == (
        Competentieprofiel.PROCES_A,
        datetime.date(2025, 5, 1),
    )
    bericht = Bericht.objects.get(aan="nieuw@regie.test")
    assert bericht.status == BerichtStatus.SENT
    assert len(mail.outbox) == 1
    assert "/account/password/reset/key/" in mail.outbox[0].body
    assert mail.outbox[0].subject == "[Regie] Uw account is aangemaakt"


def test_the_invitation_link_lets_the_new_user_choose_a_password(
    client, org_a, django_capture_on_commit_callbacks
):
    from regie import services

    with django_capture_on_commit_callbacks(execute=True):
        user = services.user_create(
            email="link@regie.test",
            first_name="Lin",
            last_name="K",
            organisatie=org_a,
            rollen=[Rol.CASUSREGISSEUR],
        )
    url = services.invitation_url(user).removeprefix("http://127.0.0.1:8000")
    response = client.get(url, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else url
    response = client.post(
        form_url,
        {"password1": "Een-nieuw-wachtwoord-2026", "password2": "Een-nieuw-wachtwoord-2026"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Een-nieuw-wachtwoord-2026")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "bram@regie.test"}, "email", "Er bestaat al een account met dit e-mailadres."),
        ({"email": "geen-adres"}, "email", "Voer een geldig e-mailadres in."),
        ({"rollen": []}, "rollen", "Kies ten minste één rol."),
        ({"telefoon": "12ab"}, "telefoon", "Vul een geldig telefoonnummer in"),
        ({"first_name": ""}, "first_name", "Dit veld is verplicht."),
    ],
)
def test_account_form_validates_in_dutch(client_b, org_a, overrides, field, message):
    response = client_b.post(reverse("beheer:gebruiker_nieuw"), _user_data(org_a, **overrides))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert not User.objects.filter(email="nieuw@regie.test").exists()


def test_training_date_in_the_future_is_refused(client_b, org_a):
    response = client_b.post(
        reverse("beheer:gebruiker_nieuw"),
        _user_data(org_a, **{"comp-0-getraind_op": "2999-01-01"}),
    )
    assert response.status_code == 200
    assert "De trainingsdatum kan niet in de toekomst liggen." in response.content.decode()


def test_editing_changes_roles(client_b, casusregisseur):
    data = _user_data(
        casusregisseur.organisatie,
        email=casusregisseur.email,
        rollen=[Rol.CASUSREGISSEUR, Rol.PROCESREGISSEUR],
        **{"comp-0-profiel": "", "comp-0-getraind_op": ""},
    )
    response = client_b.post(reverse("beheer:gebruiker_bewerken", args=[casusregisseur.pk]), data)
    assert response.status_code == 302
    assert User.objects.get(pk=casusregisseur.pk).rollen == [
        Rol.PROCESREGISSEUR,
        Rol.CASUSREGISSEUR,
    ]


def test_deactivation_asks_for_confirmation_first(client_b, casusregisseur):
    url = reverse("beheer:gebruiker_status", args=[casusregisseur.pk])
    page = client_b.get(url)
    assert "Account deactiveren?" in page.content.decode()
    casusregisseur.refresh_from_db()
    assert casusregisseur.is_active
    client_b.post(url)
    casusregisseur.refresh_from_db()
    assert not casusregisseur.is_active


def test_a_beheerder_cannot_deactivate_themselves(client_b, beheerder):
    client_b.post(reverse("beheer:gebruiker_status", args=[beheerder.pk]))
    beheerder.refresh_from_db()
    assert beheerder.is_active


def test_user_list_searches_and_filters_by_role(client_b, casusregisseur, procesregisseur):
    response = client_b.get(reverse("beheer:gebruikers"), {"q": "karim"})
    assert list(response.context["page"].object_list) == [casusregisseur]
    response = client_b.get(reverse("beheer:gebruikers"), {"rol": Rol.PROCESREGISSEUR})
    assert list(response.context["page"].object_list) == [procesregisseur]


def test_user_list_htmx_request_gets_only_the_rows(client_b, casusregisseur):
    response = client_b.get(
        reverse("beheer:gebruikers"), {"q": "karim"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html and casusregisseur.email in html


def test_user_list_query_count_does_not_grow_with_users(
    client_b, org_a, django_assert_max_num_queries
):
    UserFactory.create_batch(5, organisatie=org_a, rollen=[Rol.CASUSREGISSEUR])
    # 14: the audit row of the read costs 3 (chain lock, head, insert; issue #11).
    with django_assert_max_num_queries(14) as few:
        client_b.get(reverse("beheer:gebruikers"))
    UserFactory.create_batch(20, organisatie=org_a, rollen=[Rol.CASUSREGISSEUR, Rol.MANAGER])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client_b.get(reverse("beheer:gebruikers"))


def test_organisation_list_is_paginated(client_b, org_a):
    OrganisatieFactory.create_batch(30, gemeente=org_a.gemeente)
    response = client_b.get(reverse("beheer:organisaties"))
    page = response.context["page"]
    assert page.paginator.num_pages == 2 and len(page.object_list) == 25
    assert "Pagina 1 van 2" in response.content.decode()


def test_creating_an_organisation(client_b, org_a):
    response = client_b.post(
        reverse("beheer:organisatie_nieuw"),
        {
            "naam": "  Veilig   Thuis Hollands Midden ",
            "soort": OrganisatieSoort.VEILIG_THUIS,
            "gemeente": org_a.gemeente_id,
            "actief": "on",
        },
    )
    assert response.status_code == 302
    assert Organisatie.objects.filter(naam="Veilig Thuis Hollands Midden").exists()


def test_duplicate_organisation_name_in_a_municipality_is_refused(client_b, org_a):
    response = client_b.post(
        reverse("beheer:organisatie_nieuw"),
        {"naam": org_a.naam, "soort": org_a.soort, "gemeente": org_a.gemeente_id, "actief": "on"},
    )
    assert response.status_code == 200
    assert Organisatie.objects.filter(naam=org_a.naam).count() == 1
