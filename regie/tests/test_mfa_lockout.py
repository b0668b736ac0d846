"""Wrong second-factor codes count like wrong passwords (issue #11).

Before the fix, 300 wrong TOTP codes after a correct password all answered 200, none was
logged, and the right code then signed in: allauth's per-user MFA limit is part of the
`login_failed` rate limit that Regie switches off in favour of django-axes.
"""

import time

import pyotp
import pytest
from django.urls import reverse

from regie.constants import AuditActie, AuditUitkomst, Rol
from regie.models import AuditEntry
from tests.factories import PASSWORD, UserFactory, totp_code

START = reverse("start")
MFA = reverse("mfa_authenticate")


@pytest.fixture
def user(org_a):
    return UserFactory(organisatie=org_a, rollen=[Rol.PROCESREGISSEUR], with_totp=True)


def wrong_code(user) -> str:
    """A six-digit code that is valid in no time window near now."""
    totp = pyotp.TOTP(user.totp_secret)
    now = time.time()
    near = {totp.at(now + d * totp.interval) for d in range(-3, 4)}
    return next(f"{n:06d}" for n in range(1, 10**6) if f"{n:06d}" not in near)


def password_step(client, user, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": user.email, "password": password})


def test_five_wrong_totp_codes_lock_the_account_with_the_lockout_page(client, user):
    assert password_step(client, user)["Location"] == MFA
    code = wrong_code(user)
    for _ in range(4):
        assert client.post(MFA, {"code": code}).status_code == 200
    response = client.post(MFA, {"code": code})
    assert response.status_code == 429
    assert "Account tijdelijk geblokkeerd" in response.content.decode()


def test_a_locked_account_refuses_even_the_right_code(client, user):
    password_step(client, user)
    code = wrong_code(user)
    for _ in range(5):
        client.post(MFA, {"code": code})
    response = client.post(MFA, {"code": totp_code(user)})
    assert response.status_code == 429
    assert client.get(START)["Location"].startswith(reverse("account_login"))
    # And the password step is refused too: it is one lock for the account.
    client.cookies.clear()
    assert password_step(client, user).status_code == 429


def test_wrong_codes_and_wrong_passwords_share_one_counter(client, user):
    for _ in range(3):
        password_step(client, user, "verkeerd")
    password_step(client, user)
    code = wrong_code(user)
    assert client.post(MFA, {"code": code}).status_code == 200
    assert client.post(MFA, {"code": code}).status_code == 429


def test_wrong_codes_are_written_to_the_audit_log_as_denied(client, user):
    password_step(client, user)
    client.post(MFA, {"code": wrong_code(user)})
    rows = AuditEntry.objects.filter(action=AuditActie.LOGIN_FAILED)
    assert rows.count() == 1
    row = rows.get()
    assert row.outcome == AuditUitkomst.DENIED
    assert user.email in row.detail and "tweede factor" in row.detail


def test_a_wrong_recovery_code_counts_as_well(client, user):
    password_step(client, user)
    for _ in range(5):
        response = client.post(MFA, {"code": "abcd1234"})
    assert response.status_code == 429


def test_four_wrong_codes_then_the_right_one_signs_in(client, user):
    password_step(client, user)
    code = wrong_code(user)
    for _ in range(4):
        client.post(MFA, {"code": code})
    assert client.post(MFA, {"code": totp_code(user)}).status_code == 302
    assert client.get(START).status_code == 200


def test_wrong_codes_when_confirming_with_the_second_factor_count_too(client, user):
    """The reauthentication form (signed in, asked for a code again) is limited as well."""
    password_step(client, user)
    client.post(MFA, {"code": totp_code(user)})
    url = reverse("mfa_reauthenticate")
    code = wrong_code(user)
    for _ in range(4):
        assert client.post(url, {"code": code}).status_code == 200
    assert client.post(url, {"code": code}).status_code == 429


def test_the_beheerder_unlock_lifts_a_code_lockout(client, user, beheerder):
    password_step(client, user)
    code = wrong_code(user)
    for _ in range(5):
        client.post(MFA, {"code": code})
    client.force_login(beheerder)
    client.post(reverse("beheer:gebruiker_ontgrendelen", args=[user.pk]))
    client.logout()
    assert password_step(client, user)["Location"] == MFA
    assert client.post(MFA, {"code": totp_code(user)}).status_code == 302
