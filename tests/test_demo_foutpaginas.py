"""The run command's demo shows Regie's Dutch error pages (issue #12: "In demo mode an
uninvolved user gets Django's English debug 404 page listing every URL").

REGIE_DEMO switches DEBUG off whatever DEBUG says (regie/settings/env.py), so the demo
answers as production does; WhiteNoise serves the static files without collectstatic."""

import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
from django.conf import settings
from django.test import Client
client = Client()
missing = client.get("/bestaat-niet/")
css = client.get("/static/regie/regie.css")
print("DEBUG", settings.DEBUG, "SECURE", settings.SESSION_COOKIE_SECURE)
print("STATUS", missing.status_code, css.status_code)
print(missing.content.decode())
"""


def test_debug_and_demo_together_give_the_dutch_404_page(tmp_path):
    """As the run command used to start it: DEBUG=true REGIE_DEMO=true."""
    base = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE],
        cwd=ROOT,
        env=base
        | {
            "DEBUG": "true",
            "REGIE_DEMO": "true",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
            "STATIC_ROOT": str(tmp_path / "static"),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "DEBUG False SECURE False" in out  # the demo runs on plain http://127.0.0.1
    assert "STATUS 404 200" in out  # and still has its style sheet
    assert "Pagina niet gevonden" in out and 'lang="nl"' in out
    # Nothing of Django's debug page: no URL patterns, no settings, no English.
    for debug_text in ("Page not found", "URLconf", "DEBUG = True", "huishoudens/<int:pk>"):
        assert debug_text not in out


def test_someone_not_involved_gets_the_dutch_404_page(login, buitenstaander, traject, settings):
    settings.DEBUG = False  # what the demo runs with now
    response = login(buitenstaander).get(traject.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 404
    assert "Pagina niet gevonden" in html and "Deze pagina bestaat niet" in html
    assert traject.huishouden.naam not in html and "URLconf" not in html


def test_a_role_without_access_gets_the_dutch_403_page(login, manager, traject):
    response = login(manager).get(reverse("huishoudens:traject", args=[traject.pk]))
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


def test_the_500_page_is_dutch_and_stands_alone():
    """500.html extends nothing: it must render when the database or a context processor is
    what failed."""
    html = (ROOT / "templates" / "500.html").read_text(encoding="utf-8")
    assert "{% extends" not in html and 'lang="nl"' in html and "Er ging iets mis" in html
