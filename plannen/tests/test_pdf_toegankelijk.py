"""Tagged, accessible PDFs (PDF/UA-1, issue #12), rendered through regie.pdf for every app:
the plan version, the invitation letter, and so the meldcode's inspection copy too."""

import io

from django.urls import reverse
from pypdf import PdfReader

from plannen.pdf import render_versie_pdf


def _assert_tagged(pdf: bytes, titel: str):
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "nl"
    assert titel in reader.metadata.title
    assert "pdfuaid" in reader.xmp_metadata.stream.get_data().decode()


def test_the_plan_pdf_is_tagged_with_language_and_title(planversie, traject):
    _assert_tagged(render_versie_pdf(planversie), f"Ondersteuningsplan traject #{traject.pk}")


def test_the_invitation_letter_is_tagged(login, procesregisseur, overleg, genodigde):
    response = login(procesregisseur).get(
        reverse("plannen:uitnodiging_brief", args=[overleg.pk, genodigde.pk])
    )
    _assert_tagged(response.content, "Uitnodiging overleg 1Gezin1Plan1Regisseur")
