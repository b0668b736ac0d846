"""Plan e-mail subjects and PDF file names name the traject, not the household (issue #11).

A subject line and a file name travel where the content does not: mailbox lists, phone
notifications, mail server logs, download folders, the title bar of a PDF viewer. They carry
the traject reference used elsewhere (the managers' escalations: "traject #12"); the
content itself, for those who open it, is unchanged.
"""

import io

from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from huishoudens.models import Toestemming
from plannen.pdf import render_versie_pdf


def _pdf_titel(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).metadata.title


def test_the_downloaded_plan_pdf_is_named_after_the_traject(
    login, procesregisseur, traject, gerenderde_versie
):
    naam = traject.huishouden.naam
    client = login(procesregisseur)
    response = client.get(reverse("plannen:pdf", args=[traject.pk, gerenderde_versie.nummer]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert f'filename="ondersteuningsplan-traject-{traject.pk}-versie-1.pdf"' in disposition
    assert "Jansen" not in disposition and naam not in disposition
    pdf = b"".join(response.streaming_content)
    assert _pdf_titel(pdf) == f"Ondersteuningsplan traject #{traject.pk}, versie 1"


def test_the_pdf_title_holds_no_household_name(traject, planversie):
    titel = _pdf_titel(render_versie_pdf(planversie))
    assert "Jansen" not in titel and traject.huishouden.naam not in titel
    assert f"traject #{traject.pk}" in titel


def test_the_plan_e_mail_subject_and_attachment_name_the_traject(
    login,
    procesregisseur,
    traject,
    gerenderde_versie,
    gezinslid,
    django_capture_on_commit_callbacks,
):
    traject.huishouden.email = "jansen@voorbeeld.nl"
    traject.huishouden.save()
    Toestemming.objects.create(
        gezinslid=gezinslid,
        toestemmer="betrokkene",
        naam_toestemmer="Anna",
        status="gegeven",
        datum=gerenderde_versie.vastgesteld_op.date(),
        vastgelegd_door=procesregisseur,
    )
    client = login(procesregisseur)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("plannen:versturen", args=[traject.pk, gerenderde_versie.nummer]))
    assert len(mail.outbox) == 3
    for bericht in mail.outbox:
        assert bericht.subject == (f"[Regie] Ondersteuningsplan traject #{traject.pk}, versie 1")
        (bestandsnaam, _inhoud, _soort) = bericht.attachments[0]
        assert bestandsnaam == f"ondersteuningsplan-traject-{traject.pk}-versie-1.pdf"
        assert "Jansen" not in bericht.subject + bestandsnaam


def test_the_invitation_letter_is_named_without_the_household(login, procesregisseur, genodigde):
    client = login(procesregisseur)
    response = client.get(
        reverse("plannen:uitnodiging_brief", args=[genodigde.overleg_id, genodigde.pk])
    )
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert "Jansen" not in disposition and "Anna" not in disposition
    assert f'filename="uitnodiging-{genodigde.overleg_id}-{genodigde.pk}.pdf"' in disposition
