"""An invited professional gets from the invitation mail to the start page, and the
password reset does not tell which addresses have an account (issue #11)."""

import re

import pyotp
import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from regie import services
from regie.constants import Rol
from regie.models import Bericht
from tests.factories import UserFactory

PASSWORD = "Een-nieuw-wachtwoord-2026"
RESET = reverse("account_reset_password")


def link_in(body: str) -> str:
    url = re.search(r"https?://\S+/account/password/reset/key/\S+", body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def set_password_through(client, url: str):
    response = client.get(url, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else url
    return client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})


def test_an_invited_professional_enrols_totp_and_reaches_the_start_page(
    client, org_a, django_capture_on_commit_callbacks
):
    """Before the fix the invitee looped between /account/2fa/totp/activate/ and /account/2fa/:
    making the invitation's token stored the address as an unverified EmailAddress, and
    allauth refuses TOTP while an address is unverified."""
    with django_capture_on_commit_callbacks(execute=True):
        user = services.user_create(
            email="Nieuw.Lid@regie.test",
            first_name="Nina",
            last_name="de Boer",
            organisatie=org_a,
            rollen=[Rol.CASUSREGISSEUR],
        )
    assert EmailAddress.objects.filter(user=user, verified=False).exists()
    assert set_password_through(client, link_in(mail.outbox[-1].body)).status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(
        reverse("account_login"), {"login": "nieuw.lid@regie.test", "password": PASSWORD}
    )
    assert response["Location"] == reverse("start")
    activate = reverse("mfa_activate_totp")
    assert client.get(reverse("start"))["Location"] == activate
    page = client.get(activate)
    assert page.status_code == 200, "de inschrijfpagina stuurt door in plaats van te openen"
    secret = page.context["form"].secret
    response = client.post(activate, {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert client.get(reverse("start")).status_code == 200


def test_a_password_reset_leaves_the_address_verified(
    client, org_a, django_capture_on_commit_callbacks
):
    user = UserFactory(organisatie=org_a, rollen=[Rol.CASUSREGISSEUR], email="reset@regie.test")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": user.email})
    assert EmailAddress.objects.filter(user=user, verified=False).exists()
    assert set_password_through(client, link_in(mail.outbox[-1].body)).status_code == 302
    assert list(EmailAddress.objects.filter(user=user).values_list("verified", flat=True)) == [True]


@pytest.mark.parametrize("known", [True, False])
def test_password_reset_answers_the_same_for_known_and_unknown_addresses(
    client, org_a, known, django_capture_on_commit_callbacks
):
    """Before the fix an unknown address answered 500 (NoReverseMatch: 'account_signup' in
    allauth's unknown-account mail) and a known one 302."""
    UserFactory(organisatie=org_a, rollen=[Rol.CASUSREGISSEUR], email="bekend@regie.test")
    address = "bekend@regie.test" if known else "onbekend@regie.test"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESET, {"email": address})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    # Only the account holder gets a mail, and it goes through the outbox.
    assert Bericht.objects.filter(aan=address).count() == (1 if known else 0)
    assert len(mail.outbox) == (1 if known else 0)


def test_the_migration_frees_professionals_already_stuck_at_enrolment(org_a):
    """Accounts that set their password through the link before the fix keep an unverified
    address; migration 0006 marks it verified. An account without a password stays as is."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("regie.migrations.0006_verify_invited_addresses")
    stuck = UserFactory(organisatie=org_a, email="vast@regie.test")
    invited = UserFactory(organisatie=org_a, email="nog-niet@regie.test")
    invited.set_unusable_password()
    invited.save()
    for user in (stuck, invited):
        EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)

    migration.verify_proven_addresses(apps, None)

    assert EmailAddress.objects.get(user=stuck).verified
    assert not EmailAddress.objects.get(user=invited).verified
