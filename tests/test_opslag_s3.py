"""Stored files on S3-compatible storage (issue #15, "More than one machine").

With S3_BUCKET set, every file Regie stores (plan PDFs, implementation evidence, outbox
attachments, the folders) goes to a private bucket through Django's storage API, and every
download streams through Regie's own, access-checked and audited view. These tests run the
real code paths against moto's S3 server (tests/s3.py), which the test session starts; when it
cannot start they fail rather than skip.
"""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from huishoudens.models import FolderUitgereikt
from implementatie.models import PlanItem
from plannen import services
from plannen.models import PlanPdf
from regie.constants import AuditActie
from regie.models import AuditEntry, Bericht
from regie.settings.base import _media_storage
from tests.factories import implementatieplan
from tests.s3 import _environ

pytestmark = pytest.mark.django_db


def _assert_private_and_only_in_the_bucket(s3_opslag, name: str) -> None:
    assert s3_opslag.key(name) in s3_opslag.objecten()
    assert s3_opslag.public_grants(name) == [], "a case file is readable beyond its owner"
    assert not any(s3_opslag.media_root.iterdir()), "a file bypassed the storage API"


def test_without_s3_bucket_files_stay_on_the_file_system():
    with _environ({"S3_BUCKET": ""}):
        assert _media_storage() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_with_s3_bucket_the_storage_is_private_signed_and_never_overwrites():
    with _environ({"S3_BUCKET": "regie-zaken", "S3_LOCATION": "productie"}):
        storage = _media_storage()
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    opties = storage["OPTIONS"]
    assert (opties["bucket_name"], opties["location"]) == ("regie-zaken", "productie")
    assert opties["default_acl"] is None
    assert opties["querystring_auth"] is True
    assert opties["file_overwrite"] is False


def test_a_plan_pdf_is_rendered_into_the_bucket_and_downloaded_through_the_app(
    s3_opslag, login, plan, procesregisseur, traject, django_capture_on_commit_callbacks
):
    # plan_fix queues the real Celery task after commit; the suite runs it eagerly.
    with django_capture_on_commit_callbacks(execute=True):
        versie = services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")
    pdf = PlanPdf.objects.get(versie=versie)
    assert pdf.status == PlanPdf.Status.KLAAR, pdf.fout
    opgeslagen = s3_opslag.read(pdf.bestand.name)
    assert opgeslagen.startswith(b"%PDF")
    _assert_private_and_only_in_the_bucket(s3_opslag, pdf.bestand.name)

    response = login(procesregisseur).get(reverse("plannen:pdf", args=[traject.pk, versie.nummer]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert int(response["Content-Length"]) == len(opgeslagen)
    assert b"".join(response.streaming_content) == opgeslagen
    row = AuditEntry.objects.latest("id")
    assert (row.action, row.household_id) == (AuditActie.PRINT, traject.huishouden_id)


def test_the_plan_pdf_is_read_from_the_bucket_when_the_outbox_sends_it(
    s3_opslag, login, plan, procesregisseur, traject, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        versie = services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")
    pdf = PlanPdf.objects.get(versie=versie)
    traject.huishouden.email = "jansen@voorbeeld.nl"
    traject.huishouden.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(procesregisseur).post(
            reverse("plannen:versturen", args=[traject.pk, versie.nummer])
        )
    assert response.status_code == 302
    bericht = Bericht.objects.get(aan="jansen@voorbeeld.nl")
    assert bericht.bijlage.name == pdf.bestand.name  # the outbox refers to the stored file
    (verstuurd,) = mail.outbox
    naam, inhoud, soort = verstuurd.attachments[0]
    assert soort == "application/pdf"
    assert inhoud == s3_opslag.read(pdf.bestand.name)
    _assert_private_and_only_in_the_bucket(s3_opslag, bericht.bijlage.name)


def test_implementation_evidence_is_uploaded_to_the_bucket_and_downloaded_through_the_app(
    s3_opslag, login, aandachtsfunctionaris, agendahouder
):
    plan = implementatieplan(aandachtsfunctionaris)
    item = PlanItem.objects.filter(ronde__plan=plan).first()
    inhoud = b"%PDF-1.4 besluit van het MT"
    response = login(aandachtsfunctionaris).post(
        reverse("implementatie:item", args=[item.pk]),
        {"status": "gereed", "bestand": SimpleUploadedFile("besluit MT.pdf", inhoud)},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert s3_opslag.read(item.bewijs_bestand.name) == inhoud
    _assert_private_and_only_in_the_bucket(s3_opslag, item.bewijs_bestand.name)

    download = login(agendahouder).get(reverse("implementatie:bewijs", args=[item.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == inhoud
    assert AuditEntry.objects.filter(action=AuditActie.EXPORT, object_id=str(item.pk)).exists()


def test_the_folder_pdf_is_stored_once_in_the_bucket_and_attached_from_it(
    s3_opslag, login, procesregisseur, traject, gezinslid, django_capture_on_commit_callbacks
):
    gezinslid.email = "anna@voorbeeld.nl"
    gezinslid.save()
    client = login(procesregisseur)
    url = reverse("huishoudens:folder_uitreiken", args=[traject.pk])
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                url, {"ontvanger": f"gezinslid:{gezinslid.pk}", "wijze": "email"}
            )
        assert response.status_code == 302
    eerste, tweede = Bericht.objects.order_by("pk")
    # Rendered once per version of the folder: both messages refer to the same object.
    assert eerste.bijlage.name == tweede.bijlage.name
    assert eerste.bijlage.name.startswith("folders/")
    assert s3_opslag.objecten() == [s3_opslag.key(eerste.bijlage.name)]
    opgeslagen = s3_opslag.read(eerste.bijlage.name)
    assert opgeslagen.startswith(b"%PDF")
    assert [m.attachments[0][1] for m in mail.outbox] == [opgeslagen, opgeslagen]
    _assert_private_and_only_in_the_bucket(s3_opslag, eerste.bijlage.name)
    assert FolderUitgereikt.objects.count() == 2
