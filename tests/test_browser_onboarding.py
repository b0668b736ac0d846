"""Onboarding an invited professional, end to end in the browser (issue #11).

A beheerder creates the account; the invitation mail is read from the test mail outbox;
the invitee, in a browser of their own, chooses a password, signs in, enrols TOTP and
reaches the start page. Before the fix the invitee looped between the enrolment page and
/account/2fa/ until the browser gave up. axe checks every page of the invitee's way.
"""

import re

import pyotp
import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from regie.constants import Rol
from tests.browser import (  # noqa: F401 (fixtures, used by name)
    assert_no_axe_violations,
    base_url_fixture,
    browser_page_fixture,
    browser_type_launch_args_fixture,
    close_db_connections_fixture,
    log_in,
    wait_for_fresh_totp_window,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

NEW_PASSWORD = "Zomer-aan-de-Gouwe-2026"


def test_an_invited_professional_gets_from_the_invitation_mail_to_the_start_page(
    browser_page, browser, base_url, org_a
):
    page = browser_page
    beheerder = UserFactory(organisatie=org_a, rollen=[Rol.BEHEERDER], with_totp=True)
    log_in(page, beheerder)

    page.goto(reverse("beheer:gebruiker_nieuw"))
    page.get_by_label("E-mailadres").fill("nina.deboer@regie.test")
    page.get_by_label("Voornaam").fill("Nina")
    page.get_by_label("Achternaam").fill("de Boer")
    page.get_by_label("Organisatie").select_option(label=org_a.naam)
    page.get_by_role("checkbox", name="Casusregisseur").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nina de Boer")

    invitation = next(m for m in mail.outbox if m.to == ["nina.deboer@regie.test"])
    link = re.search(r"https?://\S+/account/password/reset/key/\S+", invitation.body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)

    # The invitee, in a browser of their own.
    context = browser.new_context(base_url=base_url)
    invitee = context.new_page()
    invitee.goto(path)
    assert_no_axe_violations(invitee)
    # The labels end in a "*" (required field), hence no exact=True.
    invitee.get_by_label("Nieuw wachtwoord").first.fill(NEW_PASSWORD)
    invitee.get_by_label("Nieuw wachtwoord (bevestigen)").fill(NEW_PASSWORD)
    invitee.get_by_role("button", name="Wachtwoord wijzigen").click()
    expect(invitee).to_have_url(reverse("account_reset_password_from_key_done"))

    invitee.goto(reverse("account_login"))
    invitee.get_by_role("textbox", name="E-mailadres").fill("nina.deboer@regie.test")
    invitee.get_by_label("Wachtwoord").fill(NEW_PASSWORD)
    invitee.get_by_role("button", name="Inloggen", exact=True).click()

    expect(invitee).to_have_url(re.compile(r"/account/2fa/totp/activate/$"))
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Activeer authenticator-app")
    assert_no_axe_violations(invitee)
    secret = invitee.locator("input#authenticator_secret").input_value()
    wait_for_fresh_totp_window()
    invitee.get_by_label("Authenticator code").fill(pyotp.TOTP(secret).now())
    invitee.get_by_role("button", name="Activeer", exact=True).click()

    expect(invitee).to_have_url(reverse("mfa_view_recovery_codes"))
    assert_no_axe_violations(invitee)
    invitee.goto(reverse("start"))
    expect(invitee).to_have_url(reverse("start"))
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Mijn huishoudens")
    assert_no_axe_violations(invitee)
    context.close()
