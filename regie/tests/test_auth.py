"""Login by e-mail and password, required TOTP, lockout and session lifetimes (issue #2)."""

import datetime

import pyotp
import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regie.constants import Rol
from tests.factories import PASSWORD, UserFactory, totp_code

START = reverse("start")
ACTIVATE = reverse("mfa_activate_totp")


@pytest.fixture
def user(org_a):
    return UserFactory(organisatie=org_a, rollen=[Rol.PROCESREGISSEUR], with_totp=True)


def _password_step(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_asks_for_the_totp_code_after_the_password(client, user):
    response = _password_step(client, user.email)
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    # Not signed in yet: the start page still sends us to the login page.
    assert client.get(START)["Location"].startswith(reverse("account_login"))
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(user)})
    assert response.status_code == 302
    assert client.get(START).status_code == 200


def test_a_wrong_totp_code_does_not_sign_in(client, user):
    _password_step(client, user.email)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert "code" in response.content.decode().lower()
    assert client.get(START).status_code == 302


def test_login_is_case_insensitive_on_the_email_address(client, user):
    response = _password_step(client, user.email.upper())
    assert response["Location"] == reverse("mfa_authenticate")


def test_an_account_without_totp_must_enrol_before_anything_else(client, org_a):
    user = UserFactory(organisatie=org_a, rollen=[Rol.CASUSREGISSEUR])
    # Without TOTP the password alone signs in, straight into the enrolment.
    assert _password_step(client, user.email)["Location"] == START
    response = client.get(START)
    assert response.status_code == 302 and response["Location"] == ACTIVATE
    assert client.get(reverse("beheer:gebruikers"))["Location"] == ACTIVATE
    # The enrolment page itself opens (it shows the QR code and the secret).
    page = client.get(ACTIVATE)
    assert page.status_code == 200
    assert b"data:image/svg+xml" in page.content
    secret = page.context["form"].secret
    response = client.post(ACTIVATE, {"code": pyotp.TOTP(secret).now()}, follow=True)
    assert response.redirect_chain[0][0] == reverse("mfa_view_recovery_codes")
    assert response.status_code == 200
    assert len(response.context["unused_codes"]) == 10
    assert client.get(START).status_code == 200


def test_demo_accounts_skip_mfa_only_in_demo_mode(client, settings, org_a):
    demo = UserFactory(organisatie=org_a, rollen=[Rol.PROCESREGISSEUR], is_demo=True)
    gewoon = UserFactory(organisatie=org_a, rollen=[Rol.PROCESREGISSEUR])

    settings.DEMO = True
    client.force_login(demo)
    assert client.get(START).status_code == 200
    client.force_login(gewoon)
    assert client.get(START)["Location"] == ACTIVATE

    settings.DEMO = False
    client.force_login(demo)
    assert client.get(START)["Location"] == ACTIVATE


def test_five_failed_attempts_lock_the_account_with_a_clear_message(client, user):
    for _ in range(4):
        assert _password_step(client, user.email, "verkeerd").status_code == 200
    response = _password_step(client, user.email, "verkeerd")
    assert response.status_code == 429
    assert "Account tijdelijk geblokkeerd" in response.content.decode()
    # Even the right password is refused now.
    response = _password_step(client, user.email)
    assert response.status_code == 429
    assert "vijf keer een verkeerd wachtwoord" in response.content.decode()


def test_four_failed_attempts_do_not_lock(client, user):
    for _ in range(4):
        _password_step(client, user.email, "verkeerd")
    assert _password_step(client, user.email)["Location"] == reverse("mfa_authenticate")


def test_a_beheerder_lifts_the_lockout(client, user, beheerder):
    for _ in range(5):
        _password_step(client, user.email, "verkeerd")
    assert _password_step(client, user.email).status_code == 429
    client.force_login(beheerder)
    client.post(reverse("beheer:gebruiker_ontgrendelen", args=[user.pk]))
    client.logout()
    assert _password_step(client, user.email)["Location"] == reverse("mfa_authenticate")


def test_idle_session_ends_after_fifteen_minutes(client, user):
    start = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.force_login(user)
        session_key = client.session.session_key
        traveller.shift(datetime.timedelta(minutes=14))
        assert client.get(START).status_code == 200
        traveller.shift(datetime.timedelta(minutes=14))  # 14 idle minutes since the last request
        assert client.get(START).status_code == 200
        traveller.shift(datetime.timedelta(minutes=15, seconds=5))
        response = client.get(START)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        assert not Session.objects.filter(session_key=session_key).exists()


def test_the_idle_timeout_is_exact_to_the_second(client, user):
    """Issue #11: last-seen was written at most once a minute, so requests within that
    minute did not count and a session in use could end up to a minute early. Now every
    request counts (one UPDATE of the session row)."""
    start = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.force_login(user)
        traveller.shift(datetime.timedelta(seconds=30))
        assert client.get(START).status_code == 200  # seen at 9:00:30
        traveller.shift(datetime.timedelta(seconds=20))
        assert client.get(START).status_code == 200  # seen at 9:00:50, 20 s after the last
        # 14 min 59 s idle since 9:00:50: the session continues.
        traveller.shift(datetime.timedelta(minutes=14, seconds=59))
        assert client.get(START).status_code == 200
        # 15 min 1 s idle since then: it ends, though the last minute was not "rounded".
        traveller.shift(datetime.timedelta(minutes=15, seconds=1))
        response = client.get(START)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_an_idle_session_of_fifteen_minutes_and_a_second_ends(client, user):
    start = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.force_login(user)
        traveller.shift(datetime.timedelta(seconds=10))
        assert client.get(START).status_code == 200
        traveller.shift(datetime.timedelta(minutes=15, seconds=1))
        assert client.get(START).status_code == 302


def test_recording_last_seen_costs_no_database_write(client, user):
    """The exact last-seen goes to the shared cache; the session row is written at most once
    a minute, as before (issue #11)."""
    start = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.force_login(user)
        assert client.get(START).status_code == 200  # the first request stores the role
        traveller.shift(datetime.timedelta(seconds=20))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(START).status_code == 200
        assert not [q for q in captured if q["sql"].startswith('UPDATE "django_session"')]


def test_without_the_cache_entry_a_session_ends_early_never_late(client, user):
    start = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.force_login(user)
        traveller.shift(datetime.timedelta(seconds=50))
        assert client.get(START).status_code == 200  # in the cache only
        cache.clear()  # e.g. the cache restarted
        # The session row's copy (9:00) applies: 15 min 10 s idle by that count.
        traveller.shift(datetime.timedelta(minutes=14, seconds=20))
        assert client.get(START).status_code == 302


def test_the_expired_session_is_told_on_the_login_page(client, user):
    """The timeout flushes the session and then flashes its message into the new one (issue
    #11: messages are kept in the session, no longer in a readable cookie)."""
    start = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.force_login(user)
        traveller.shift(datetime.timedelta(minutes=16))
        response = client.get(START)
        assert response["Location"].startswith(reverse("account_login"))
        assert "messages" not in response.cookies
        page = client.get(response["Location"])
        assert "Uw sessie is verlopen. Log opnieuw in." in page.content.decode()


def test_session_ends_after_twelve_hours_even_when_active(client, user):
    start = datetime.datetime(2026, 11, 25, 7, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.force_login(user)
        for _ in range(71):  # a request every ten minutes for 11h50m
            traveller.shift(datetime.timedelta(minutes=10))
            assert client.get(START).status_code == 200
        traveller.shift(datetime.timedelta(minutes=11))
        assert client.get(START).status_code == 302


def test_logout_ends_the_session_on_the_server(client, user):
    client.force_login(user)
    session_key = client.session.session_key
    client.post(reverse("account_logout"))
    assert not Session.objects.filter(session_key=session_key).exists()
    # Replaying the old cookie does not sign anyone in.
    client.cookies["sessionid"] = session_key
    assert client.get(START).status_code == 302


def test_deactivated_account_is_signed_out(client, user):
    client.force_login(user)
    user.is_active = False
    user.save()
    assert client.get(START)["Location"].startswith(reverse("account_login"))


def test_self_signup_does_not_exist(client, db):
    assert client.get("/account/signup/").status_code == 404
