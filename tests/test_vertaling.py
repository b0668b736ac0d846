"""allauth's pages and messages speak to the professional with "u", like the rest of Regie."""

import re
from pathlib import Path

from django.utils import translation

PO = Path(__file__).resolve().parents[1] / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def _entries():
    text = PO.read_text(encoding="utf-8")
    for msgid, msgstr in re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', text, re.MULTILINE):
        yield (
            msgid.replace('\\"', '"').replace("\\n", "\n"),
            msgstr.replace('\\"', '"').replace("\\n", "\n"),
        )


def test_the_compiled_catalogue_matches_the_po_file():
    entries = list(_entries())
    assert len(entries) >= 30
    with translation.override("nl"):
        for msgid, msgstr in entries:
            assert translation.gettext(msgid) == msgstr, msgid


def test_no_je_in_our_allauth_strings():
    for _msgid, msgstr in _entries():
        assert not re.search(r"\b(je|jouw|jij)\b", msgstr, re.IGNORECASE), msgstr


def test_signing_in_says_u(client, procesregisseur):
    from django.urls import reverse

    procesregisseur.set_password("Een-lang-wachtwoord-2026")
    procesregisseur.save()
    response = client.post(
        reverse("account_login"),
        {"login": procesregisseur.email, "password": "Een-lang-wachtwoord-2026"},
        follow=True,
    )
    assert "Uw account is beveiligd met tweestapsverificatie" in response.content.decode()
