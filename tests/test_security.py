"""Security headers, CSRF and the production configuration (issue #2)."""

import os
import subprocess
import sys
from pathlib import Path

from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def test_security_headers_on_every_page(client, db):
    response = client.get(reverse("account_login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_posts_without_csrf_token_are_refused(db, procesregisseur):
    client = Client(enforce_csrf_checks=True)
    client.force_login(procesregisseur)
    assert client.post(reverse("rol_wisselen"), {"rol": "manager"}).status_code == 403


def test_dutch_error_pages(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    assert '<html lang="nl">' in response.content.decode()


def _run_manage(*args, **env):
    # A clean environment: only what a production host would set, none of the test settings.
    base = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy():
    result = _run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="a-production-secret-that-is-long-and-random-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="regie.gemeente.nl",
        DATABASE_URL="postgres://regie:regie@db:5432/regie",
        REDIS_URL="redis://redis:6379/0",
        # A shared cache: without it regie.W001 warns (issue #15, regie/checks.py).
        CACHE_URL="redis://redis:6379/1",
        EMAIL_URL="smtp://mail:1025",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_manage("check", DEBUG="false", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_client_ip_behind_a_trusted_proxy(rf, settings):
    from regie.audit import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.2")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"  # the forged first entry is ignored


def test_health_check_answers_over_plain_http_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/gezondheid/").status_code == 200
    assert client.get("/account/login/").status_code == 301


# --- issue #11: no personal data in browser caches -----------------------------------------

NO_STORE = "no-store, private"


def test_case_pages_are_not_stored_by_the_browser(login, procesregisseur, traject):
    client = login(procesregisseur)
    response = client.get(reverse("huishoudens:huishouden", args=[traject.huishouden_id]))
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE
    response = client.get(reverse("huishoudens:traject", args=[traject.pk]))
    assert response["Cache-Control"] == NO_STORE


def test_plan_pdf_and_invitation_letter_are_not_stored(
    login, procesregisseur, traject, gerenderde_versie, genodigde
):
    client = login(procesregisseur)
    response = client.get(reverse("plannen:pdf", args=[traject.pk, gerenderde_versie.nummer]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == NO_STORE
    response = client.get(
        reverse("plannen:uitnodiging_brief", args=[genodigde.overleg_id, genodigde.pk])
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == NO_STORE


def test_the_reply_page_is_not_stored(client, genodigde):
    response = client.get(reverse("plannen:antwoord", args=[genodigde.token]))
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE


def test_static_files_and_the_public_colours_stay_cacheable(settings, db):
    # A fresh client, so WhiteNoise starts with the finders (the test run collects nothing).
    settings.WHITENOISE_USE_FINDERS = True
    client = Client()
    response = client.get(settings.STATIC_URL + "regie/regie.css")
    assert response.status_code == 200
    assert "no-store" not in response["Cache-Control"]
    assert "max-age" in response["Cache-Control"]
    response = client.get(reverse("regiekaart:kleuren"))
    assert response["Cache-Control"] == "max-age=300"


# --- issue #11: flash messages stay on the server ------------------------------------------


def test_a_message_with_a_name_travels_in_the_session_not_in_a_cookie(
    login, procesregisseur, traject, netwerklid
):
    client = login(procesregisseur)
    url = reverse("huishoudens:verwijderen", args=[traject.huishouden_id, "netwerk", netwerklid.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert "messages" not in response.cookies
    assert not any("Riet" in morsel.value for morsel in response.cookies.values())
    # The message itself still arrives, once.
    response = client.get(response["Location"])
    assert "Riet van Dam (oma) is verwijderd." in response.content.decode()
    assert "messages" not in response.cookies
    assert (
        "Riet van Dam (oma) is verwijderd."
        not in client.get(response.request["PATH_INFO"]).content.decode()
    )
