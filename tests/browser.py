"""Shared set-up of the browser tests: Debian's Chromium, the live server, a page that fails
on broken requests and console errors, axe, and signing in with password and TOTP.

Playwright drives Debian's Chromium (installed by scripts/bootstrap.sh); never run
`playwright install`, it downloads a browser of its own.

A browser test module imports the four fixtures below (pytest then uses them in that module):

    from tests.browser import (  # noqa: F401 (fixtures, used by name)
        base_url_fixture,
        browser_page_fixture,
        browser_type_launch_args_fixture,
        close_db_connections_fixture,
    )

They are registered under their pytest names with `name=`, so a test's `browser_page`
parameter does not shadow an import (ruff F811).
"""

import shutil
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from axe_playwright_python.sync_playwright import Axe
from django.db import connections
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD, totp_code

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Without these Chromium keeps trying to reach Google hosts the test machine cannot reach.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# allauth accepts only the code of the current window (MFA_TOTP_TOLERANCE defaults to 0):
# a code typed in the last seconds of its window could be stale when the server checks it.
TOTP_MARGIN_SECONDS = 5

_axe = Axe()


@pytest.fixture(scope="session", name="browser_type_launch_args")
def browser_type_launch_args_fixture(browser_type_launch_args):
    """pytest-playwright's launch options, pointed at Debian's Chromium."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Chromium ontbreekt: de browsertests gebruiken Debians chromium-pakket "
            "(apt-get install chromium, of start de tests met scripts/test.sh). "
            "Voer nooit `playwright install` uit.",
            pytrace=False,
        )
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "headless": browser_type_launch_args.get("headless", True),  # --headed still works
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session", name="base_url")
def base_url_fixture(live_server):
    """Relative URLs in page.goto() and to_have_url() resolve against the live server.
    (Also replaces pytest-playwright's own base_url fixture, which reads --base-url.)"""
    return live_server.url


@pytest.fixture(scope="session", name="_close_db_connections_before_playwright_stops")
def close_db_connections_fixture(playwright):
    """From the first browser test to the end of the session Playwright's event loop runs in
    the main thread, and while it runs Django keeps its connections in asgiref's per-context
    storage instead of the thread-local one. Every test from then on (pytest-django puts the
    transactional browser tests after the `db` tests, but tests that only ask for the database
    through getfixturevalue() come later still) opens a second connection that pytest-django
    never closes, and dropping the test database then fails with "being accessed by other
    users". Torn down just before `playwright`, this closes them while that storage is the one
    in use."""
    yield
    connections.close_all()


@pytest.fixture(name="browser_page")
def browser_page_fixture(
    page: Page, transactional_db, _close_db_connections_before_playwright_stops
):
    """The Playwright page; fails the test on any broken request or browser console error
    (a missing stylesheet, a CSP violation, a JavaScript error)."""
    problems = watch_problems(page)
    page.set_default_timeout(15_000)
    yield page
    assert not problems, "\n".join(problems)


def watch_problems(page: Page) -> list[str]:
    """The list that fills with the page's broken requests and browser errors: what
    `browser_page` checks, for a page of a second browser context too."""
    problems: list[str] = []
    page.on(
        "response",
        lambda r: problems.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None,
    )
    page.on("requestfailed", lambda r: problems.append(f"mislukt: {r.url} ({r.failure})"))
    page.on("console", lambda m: problems.append(f"console: {m.text}") if _is_error(m) else None)
    page.on("pageerror", lambda e: problems.append(f"JavaScript: {e}"))
    return problems


def _is_error(message) -> bool:
    # Failed requests are reported by the response listener, with their URL; Chromium's own
    # /favicon.ico request (Regie has no favicon) shows up only here and is not ours.
    return message.type == "error" and not (
        message.text.startswith("Failed to load resource")
        and message.location.get("url", "").endswith("/favicon.ico")
    )


def assert_no_axe_violations(page: Page) -> None:
    results = _axe.run(page)
    assert results.violations_count == 0, (
        f"axe vond {results.violations_count} overtreding(en) op {page.url}:\n"
        + results.generate_report()
    )


def wait_for_fresh_totp_window() -> None:
    """Sleep past the end of the current TOTP window when it is about to close, so a code
    computed now is still valid when the server checks it."""
    assert mfa_settings.TOTP_TOLERANCE == 0, "meer tolerantie: deze wachtlus kan weg"
    period = mfa_settings.TOTP_PERIOD
    remaining = period - time.time() % period
    if remaining < TOTP_MARGIN_SECONDS:
        time.sleep(remaining + 0.2)


def fill_login_form(page: Page, email: str) -> None:
    # The labels end in a "*" (required field), hence no exact=True.
    page.get_by_role("textbox", name="E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen", exact=True).click()


def log_in(page: Page, user) -> None:
    page.goto(reverse("account_login"))
    fill_login_form(page, user.email)
    expect(page).to_have_url(reverse("mfa_authenticate"))
    wait_for_fresh_totp_window()
    page.get_by_role("textbox", name="Code").fill(totp_code(user))
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    expect(page).to_have_url(reverse("start"))


def expect_fase(page: Page, fase: str, *, huishouden: str) -> None:
    """The traject page of `huishouden`, in phase `fase`."""
    expect(page.get_by_role("heading", level=1)).to_have_text(huishouden)
    expect(page.locator("main p.lead strong")).to_have_text(fase)


def naar_fase(
    page: Page, fase: str, toelichting: str = "", *, huishouden: str, axe: bool = False
) -> None:
    """Move the traject on with the "Volgende stap" panel, and check where it landed."""
    stap = page.get_by_role("region", name="Volgende stap")
    if toelichting:
        stap.get_by_label("Toelichting (komt in de tijdlijn)").fill(toelichting)
    stap.get_by_role("button", name=f"Naar {fase}", exact=True).click()
    expect_fase(page, fase, huishouden=huishouden)
    expect(page.locator(".messages")).to_have_text(f"Het traject staat nu in {fase}.")
    if axe:
        assert_no_axe_violations(page)
