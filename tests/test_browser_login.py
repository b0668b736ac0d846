"""Signing in through a real browser: password, TOTP and the start page, plus first-time
TOTP enrolment. Every page on the way must pass axe without violations.

Playwright drives Debian's Chromium (see tests/browser.py); never run `playwright install`,
it downloads a browser of its own.
"""

import re

import pyotp
import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from django.urls import reverse
from playwright.sync_api import expect

from regie.constants import Rol
from tests.browser import (  # noqa: F401 (fixtures, used by name)
    assert_no_axe_violations,
    base_url_fixture,
    browser_page_fixture,
    browser_type_launch_args_fixture,
    close_db_connections_fixture,
    fill_login_form,
    wait_for_fresh_totp_window,
)
from tests.factories import UserFactory, totp_code

pytestmark = pytest.mark.browser

# Regie's house colour on .site-header (static/regie/regie.css): proves the CSS was served.
REGIE_BLAUW = "rgb(21, 66, 115)"


def test_procesregisseur_logs_in_with_password_and_totp(browser_page, org_a):
    page = browser_page
    user = UserFactory(organisatie=org_a, rollen=[Rol.PROCESREGISSEUR], with_totp=True)

    page.goto(reverse("account_login"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    expect(page.locator(".site-header")).to_have_css("background-color", REGIE_BLAUW)
    assert_no_axe_violations(page)

    fill_login_form(page, user.email)

    expect(page).to_have_url(reverse("mfa_authenticate"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Twee-factor-authenticatie")
    assert_no_axe_violations(page)

    wait_for_fresh_totp_window()
    page.get_by_role("textbox", name="Code").fill(totp_code(user))
    page.get_by_role("button", name="Aanmelden", exact=True).click()

    expect(page).to_have_url(reverse("start"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn trajecten")
    assert_no_axe_violations(page)

    # Keyboard: the first Tab lands on the skip link, which then becomes visible and
    # moves the focus to the main content.
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()


def test_new_user_without_totp_must_enrol_first(browser_page, org_a):
    page = browser_page
    user = UserFactory(organisatie=org_a, rollen=[Rol.PROCESREGISSEUR])

    page.goto(reverse("account_login"))
    fill_login_form(page, user.email)

    expect(page).to_have_url(re.compile(r"/account/2fa/totp/activate/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Activeer authenticator-app")
    expect(page.get_by_role("status")).to_contain_text("Tweestapsverificatie is verplicht")
    assert_no_axe_violations(page)

    secret = page.locator("input#authenticator_secret")
    expect(secret).to_be_disabled()
    wait_for_fresh_totp_window()
    page.get_by_label("Authenticator code").fill(pyotp.TOTP(secret.input_value()).now())
    page.get_by_role("button", name="Activeer", exact=True).click()

    expect(page).to_have_url(reverse("mfa_view_recovery_codes"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Herstelcodes")
    assert_no_axe_violations(page)
    codes = page.get_by_label("Ongebruikte codes").input_value().split()
    assert len(codes) == mfa_settings.RECOVERY_CODE_COUNT
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
