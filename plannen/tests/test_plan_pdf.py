"""The plan as PDF: rendered by Celery, restricted fetching, escaped text, audit (#4)."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from plannen import services
from plannen.models import PlanPdf
from plannen.pdf import render_versie_pdf
from plannen.services import overleg_plan
from plannen.tasks import render_plan_pdf
from regie.constants import AuditActie
from regie.models import AuditEntry
from regie.pdf import new_fetcher

HOSTILE = [
    '<img src="http://evil.example/pixel.png">',
    '<link rel="stylesheet" href="file:///etc/passwd">',
    "<style>@import url(http://evil.example/x.css);</style>",
    '<iframe src="https://evil.example/"></iframe>',
    "{{ 7*7 }} {% now 'Y' %}",
]


def _text(pdf_bytes: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


@pytest.fixture
def hostile_version(plan, procesregisseur, doel):
    evil = " ".join(HOSTILE)
    services.plan_sections_save(
        plan=plan,
        revisie=plan.revisie,
        door=procesregisseur,
        aanleiding=evil,
        integrale_analyse=evil,
        gewenst_resultaat=evil,
        samenvatting=evil,
    )
    services.kracht_zorg_add(plan=plan, soort="zorg", wie=evil[:150], wat=evil, gevolgen=evil)
    services.eerdere_hulp_add(plan=plan, hulp=evil[:300], door=evil[:200], resultaat=evil)
    services.actie_add(doel=doel, door=procesregisseur, wat=evil, wie=evil[:150])
    overleg_plan(
        traject=plan.traject,
        door=procesregisseur,
        genodigden=[],
        soort="voortgang",
        datum=datetime.date.today() + datetime.timedelta(days=7),
        begin=datetime.time(10),
        eind=datetime.time(11),
        locatie=evil[:200],
    )
    from plannen.services import veiligheidsplan as veiligheid

    vp = veiligheid.veiligheidsplan_start(plan=plan, namen=evil[:200])
    veiligheid.veiligheidsplan_save(
        vp=vp,
        revisie=0,
        **{
            f: evil
            for f in [
                "veiligheidsvoorwaarden",
                "zorgen_onveiligheid",
                "grootste_zorg",
                "complicerende_factoren",
                "bestaande_veiligheid",
            ]
        },
    )
    veiligheid.afspraak_add(
        vp=vp,
        minimaal=evil,
        concreet=evil,
        nodig=evil,
        toezicht=evil[:200],
        als_nagekomen=evil,
        als_niet_nagekomen=evil,
    )
    veiligheid.contact_add(
        vp=vp, naam=evil[:150], wanneer_bellen=evil[:200], telefoon="0182 123 456"
    )
    veiligheid.score_add(
        vp=vp,
        overleg=evil[:120],
        datum=datetime.date(2026, 12, 1),
        naam=evil[:150],
        score=4,
        toelichting=evil[:500],
    )
    return services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg <script>")


def test_hostile_text_is_printed_as_text_and_nothing_is_fetched(hostile_version):
    fetcher = new_fetcher()
    text = _text(render_versie_pdf(hostile_version, fetcher=fetcher))
    assert fetcher.blocked == []  # only our own stylesheet was asked for
    assert "evil.example/pixel.png" in text  # shown literally, never loaded
    assert "{{ 7*7 }}" in text


def test_the_fetcher_refuses_everything_but_our_static_files(db):
    from weasyprint import HTML

    fetcher = new_fetcher()
    html = (
        '<link rel="stylesheet" href="regie-static:regie/pdf.css">'
        '<img src="http://evil.example/a.png"><img src="file:///etc/hostname">'
        '<link rel="stylesheet" href="regie-static:../../etc/passwd"><p>x</p>'
    )
    HTML(string=html, base_url="regie-static:", url_fetcher=fetcher).write_pdf()
    assert set(fetcher.blocked) == {
        "http://evil.example/a.png",
        "file:///etc/hostname",
        "regie-static:../../etc/passwd",
    }


def test_pdf_has_the_sections_in_order_confidential_and_page_numbers(plan, procesregisseur):
    services.plan_sections_save(
        plan=plan, revisie=0, door=procesregisseur, aanleiding="Schulden en opvoeding"
    )
    versie = services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")
    text = _text(render_versie_pdf(versie))
    assert "Vertrouwelijk" in text and "Pagina 1 van" in text
    assert procesregisseur.organisatie.naam in text and "Versie 1" in text
    order = [
        "Contactgegevens",
        "Gezinsleden",
        "Procesregisseur",
        "Betrokken familie en vrienden",
        "Betrokken professionals",
        "Overige gegevens",
        "Aanleiding voor 1Gezin1Plan1Regisseur",
        "Krachten en zorgen",
        "Eerdere hulpverlening",
        "Integrale analyse",
        "Gewenste resultaat",
        "Zorgen rondom basiszorg en veiligheid",
        "Doelen en acties",
        "Samenvatting",
        "Planning overleg",
    ]
    positions = [text.index(title) for title in order]
    assert positions == sorted(positions)
    assert "Aanmelden bij schuldhulpverlening" in text


def test_render_task_is_idempotent_and_download_is_audited(login, plan, procesregisseur, traject):
    versie = services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")
    pdf = PlanPdf.objects.get(versie=versie)  # requested by plan_fix, rendered after commit
    assert render_plan_pdf(pdf.pk) == "rendered"
    assert render_plan_pdf(pdf.pk) == "skipped"
    client = login(procesregisseur)
    response = client.get(reverse("plannen:pdf", args=[traject.pk, versie.nummer]))
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    row = AuditEntry.objects.latest("id")
    assert (row.action, row.household_id) == (AuditActie.PRINT, traject.huishouden_id)


def test_a_failed_render_shows_a_retry(login, plan, procesregisseur, traject):
    versie = services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")
    PlanPdf.objects.filter(versie=versie).update(status=PlanPdf.Status.MISLUKT, fout="kapot")
    client = login(procesregisseur)
    html = client.get(reverse("plannen:versie", args=[traject.pk, versie.nummer])).content.decode()
    assert "Het maken van de PDF is mislukt." in html and "Opnieuw proberen" in html
    client.post(reverse("plannen:pdf_maken", args=[traject.pk, versie.nummer]))
    assert PlanPdf.objects.get(versie=versie).status == PlanPdf.Status.BEZIG


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_renders_the_pdf(redis_worker, werkproces, procesregisseur, casusregisseur):
    import time

    from tests.factories import TrajectFactory

    traject = TrajectFactory(procesregisseur=procesregisseur, casusregisseurs=[casusregisseur])
    plan = services.plan_ensure(traject=traject)
    services.doel_add(plan=plan, tekst="Rust in huis")
    versie = services.plan_fix(
        plan=plan, door=procesregisseur, overleg="Startoverleg"
    )  # commits: queued
    for _ in range(150):
        pdf = PlanPdf.objects.get(versie=versie)
        if pdf.status != PlanPdf.Status.BEZIG:
            break
        time.sleep(0.2)
    assert pdf.status == PlanPdf.Status.KLAAR, pdf.fout
    assert "Rust in huis" in _text(pdf.bestand.read())


def test_sharing_needs_consent_the_household_does_not_and_the_pdf_is_attached(
    login,
    procesregisseur,
    casusregisseur,
    traject,
    gerenderde_versie,
    gezinslid,
    django_capture_on_commit_callbacks,
):
    """Issue #12: the household gets its own plan without consent; others only with it."""
    from django.core import mail

    from huishoudens.models import Toestemming

    traject.huishouden.email = "jansen@voorbeeld.nl"
    traject.huishouden.save()
    client = login(procesregisseur)
    url = reverse("plannen:versturen", args=[traject.pk, gerenderde_versie.nummer])
    assert "geen (volledige) toestemming om informatie te delen voor Anna" in (
        client.get(url).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "Niet verstuurd aan:" in response.content.decode()
    assert [m.to[0] for m in mail.outbox] == ["jansen@voorbeeld.nl"]
    mail.outbox.clear()

    Toestemming.objects.create(
        gezinslid=gezinslid,
        toestemmer="betrokkene",
        naam_toestemmer="Anna",
        status="gegeven",
        datum=gerenderde_versie.vastgesteld_op.date(),
        vastgelegd_door=procesregisseur,
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == sorted(
        ["jansen@voorbeeld.nl", procesregisseur.email, casusregisseur.email]
    )
    naam, inhoud, soort = mail.outbox[0].attachments[0]
    assert soort == "application/pdf" and inhoud.startswith(b"%PDF")
    assert AuditEntry.objects.filter(
        action=AuditActie.EXPORT, household_id=traject.huishouden_id
    ).exists()
