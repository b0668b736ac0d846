"""How a plan reads (issue #12): one Dutch date format in the plan, its PDF and the
comparison page, and the comparison page in words instead of Python values."""

import datetime
import re

from django.urls import reverse
from pypdf import PdfReader

from plannen import services
from plannen.selectors.plan import leesbaar
from plannen.services import veiligheidsplan as veiligheid

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def test_the_comparison_page_speaks_dutch(login, procesregisseur, traject, plan):
    """Issue #12: `/plan/vergelijk/` showed `zorgen_veiligheid False/True`."""
    services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")
    plan.zorgen_veiligheid = True
    plan.save()
    response = login(procesregisseur).get(reverse("plannen:vergelijk", args=[traject.pk]))
    html = response.content.decode()
    assert response.context["verschillen"] == [("Zorgen rondom basiszorg en veiligheid", "—", "Ja")]
    assert "zorgen_veiligheid" not in html and "False" not in html and "True" not in html


def test_readable_values():
    assert leesbaar(True) == "Ja" and leesbaar(False) == "Nee" and leesbaar(None) == "—"
    assert leesbaar("2026-12-03") == "3 december 2026"
    assert (
        leesbaar([{"wie": "Karim", "wat": "Bellen", "wanneer": "2026-12-03", "status": ""}])
        == "wie: Karim; wat: Bellen; wanneer: 3 december 2026"
    )


def test_one_dutch_date_format_in_the_version_and_its_pdf(
    login, procesregisseur, traject, plan, gezinslid
):
    """Issue #12: birth dates, action dates, scores and the PDF's date were ISO."""
    vp = veiligheid.veiligheidsplan_start(plan=plan, namen="Anna Jansen")
    veiligheid.score_add(
        vp=vp, overleg="Startoverleg", datum=datetime.date(2026, 12, 3), naam="Anna", score=4
    )
    versie = services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")
    html = (
        login(procesregisseur)
        .get(reverse("plannen:versie", args=[traject.pk, versie.nummer]))
        .content.decode()
    )
    assert "3 december 2026" in html
    geboren = gezinslid.geboortedatum
    assert f"{geboren.day} " in html and str(geboren.year) in html
    from plannen.pdf import render_versie_pdf

    tekst = " ".join(p.extract_text() for p in PdfReader(_bytes(render_versie_pdf(versie))).pages)
    assert not ISO.search(tekst), ISO.search(tekst)
    assert "3 december 2026" in tekst


def _bytes(pdf: bytes):
    import io

    return io.BytesIO(pdf)
