"""Who sees which plan (issue #14, implementatie/policy.py), evidence files (type-checked,
size-limited, only as a download for people in scope), the region's overview with the share
of gemeenten "working with 1G1P1R", and the beheerder's templates."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from implementatie import bewijs, selectors
from implementatie.models import PlanItem, Sjabloon, SjabloonItem
from implementatie.scope import eigen_scope
from regie.constants import AuditActie, AuditUitkomst, Rol
from regie.models import AuditEntry
from tests.factories import GemeenteFactory, OrganisatieFactory, UserFactory, implementatieplan

pytestmark = pytest.mark.django_db


def test_out_of_scope_is_404_and_logged(login, aandachtsfunctionaris, aandachtsfunctionaris_b):
    plan = implementatieplan(aandachtsfunctionaris)
    response = login(aandachtsfunctionaris_b).get(reverse("implementatie:plan", args=[plan.pk]))
    assert response.status_code == 404
    assert AuditEntry.objects.filter(
        outcome=AuditUitkomst.DENIED, object_id=str(plan.pk), household_id=None
    ).exists()


def test_the_regiocoordinator_reads_every_plan_of_the_region_but_changes_none(
    login, aandachtsfunctionaris, regiocoordinator
):
    plan = implementatieplan(aandachtsfunctionaris)
    item = PlanItem.objects.filter(ronde__plan=plan).first()
    client = login(regiocoordinator)
    assert client.get(reverse("implementatie:plan", args=[plan.pk])).status_code == 200
    assert (
        client.post(reverse("implementatie:item", args=[item.pk]), {"status": "gereed"}).status_code
        == 403
    )
    other_region = UserFactory(
        organisatie=OrganisatieFactory(
            gemeente=GemeenteFactory(naam="Utrecht", regio__naam="Utrecht")
        ),
        rollen=[Rol.REGIOCOORDINATOR],
        with_totp=True,
    )
    assert login(other_region).get(reverse("implementatie:plan", args=[plan.pk])).status_code == 404


def test_the_regiocoordinator_keeps_the_regions_own_plan(login, regiocoordinator):
    plan = implementatieplan(regiocoordinator)
    assert plan.niveau == "regio" and PlanItem.objects.filter(ronde__plan=plan).count() == 13
    item = PlanItem.objects.filter(ronde__plan=plan).first()
    response = login(regiocoordinator).post(
        reverse("implementatie:item", args=[item.pk]), {"status": "gereed"}
    )
    assert response.status_code == 302


def _docx(macro=False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        kind = "application/vnd.ms-word.document.macroEnabled.main+xml" if macro else "document"
        z.writestr("[Content_Types].xml", f"<Types>{kind}</Types>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data,soort",
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", "png"),
        (b"\xff\xd8\xff\xe0JFIF", "jpg"),
        (_docx(), "docx"),
        (_docx(macro=True), None),
        (b"MZ\x90\x00 an executable", None),
        (b"PK\x03\x04 not a zip at all", None),
        (b"<html><script>alert(1)</script>", None),
    ],
)
def test_evidence_is_recognised_by_its_content_not_its_name(data, soort):
    assert bewijs.soort_van(SimpleUploadedFile("bewijs.pdf", data)) == soort


def test_an_uploaded_file_is_checked_stored_and_served_as_attachment_in_scope_only(
    login, aandachtsfunctionaris, aandachtsfunctionaris_b, agendahouder, media
):
    plan = implementatieplan(aandachtsfunctionaris)
    item = PlanItem.objects.filter(ronde__plan=plan).first()
    url = reverse("implementatie:item", args=[item.pk])
    client = login(aandachtsfunctionaris)
    data = {"status": "gereed"}
    fake = client.post(url, {**data, "bestand": SimpleUploadedFile("besluit.pdf", b"MZ exe")})
    assert fake.status_code == 200 and "geen van deze" in fake.content.decode()
    too_big = b"%PDF-" + b"0" * bewijs.MAX_BYTES
    big = client.post(url, {**data, "bestand": SimpleUploadedFile("groot.pdf", too_big)})
    assert big.status_code == 200 and "groter dan 10 MB" in big.content.decode()
    ok = client.post(url, {**data, "bestand": SimpleUploadedFile("besluit MT.pdf", b"%PDF-1.4 x")})
    assert ok.status_code == 302
    item.refresh_from_db()
    assert item.bewijs_naam == "besluit MT.pdf" and item.bewijs_soort == "pdf"
    assert "besluit" not in item.bewijs_bestand.name  # stored under a random name
    assert item.wijzigingen.filter(veld="bewijs_naam", nieuw="besluit MT.pdf").exists()

    download = login(agendahouder).get(reverse("implementatie:bewijs", args=[item.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == b"%PDF-1.4 x"
    assert AuditEntry.objects.filter(action=AuditActie.EXPORT, object_id=str(item.pk)).exists()
    denied = login(aandachtsfunctionaris_b).get(reverse("implementatie:bewijs", args=[item.pk]))
    assert denied.status_code == 404


def test_working_with_1g1p1r_is_read_from_theme_a_of_the_plans(
    login, org_a, org_c, aandachtsfunctionaris, agendahouder, regiocoordinator
):
    """README decision: every non-optional theme-A item gereed or n.v.t., at least one gereed."""
    implementatieplan(aandachtsfunctionaris, A_O1="gereed", A_O2="gereed", A_O3="nvt")
    c = UserFactory(organisatie=org_c, rollen=[Rol.AANDACHTSFUNCTIONARIS])
    implementatieplan(c, A_O1="gereed", A_O2="gereed")  # A-O3 still open
    implementatieplan(agendahouder, A_G1="nvt", A_G2="nvt", A_G3="nvt")  # nothing gereed
    GemeenteFactory(naam="Bodegraven-Reeuwijk", regio=org_a.gemeente.regio)
    regiocoordinator.active_role = Rol.REGIOCOORDINATOR
    cijfers = selectors.werkend_met_methode(eigen_scope(regiocoordinator))
    assert (cijfers.organisaties_werkend, cijfers.gemeenten_werkend) == (1, 0)
    assert cijfers.gemeenten == org_a.gemeente.regio.gemeenten.count()
    page = login(regiocoordinator).get(reverse("implementatie:overzicht")).content.decode()
    assert "Organisaties: 1 van" in page and "Jeugdteam Gouda" in page


def test_the_overview_takes_the_same_number_of_queries_for_a_larger_region(
    login, org_a, regiocoordinator, django_assert_max_num_queries
):
    client = login(regiocoordinator)
    client.get(reverse("implementatie:overzicht"))
    for n in range(6):
        user = UserFactory(
            organisatie=OrganisatieFactory(gemeente=org_a.gemeente),
            rollen=[Rol.AANDACHTSFUNCTIONARIS],
        )
        implementatieplan(user, A_O1="gereed")
    with django_assert_max_num_queries(16):
        assert client.get(reverse("implementatie:overzicht")).status_code == 200


def test_the_beheerder_adapts_a_copy_but_never_a_template_from_the_files(login, beheerder):
    client = login(beheerder)
    bron = Sjabloon.objects.get(sleutel="001-implementatieplan-2025")
    page = client.get(reverse("implementatie:sjabloon", args=[bron.pk])).content.decode()
    assert "1GezinlPlanlRegisseur" in page  # the correction is shown beside the source
    thema = bron.themas.get(code="A")
    refused = client.post(
        reverse("implementatie:thema", args=[thema.pk]), {"code": "A", "titel": "X"}
    )
    assert refused.status_code == 302
    thema.refresh_from_db()
    assert thema.titel == "Regionale afspraken en verankering"

    response = client.post(
        reverse("implementatie:sjabloon_kopieren", args=[bron.pk]), {"naam": "Gouda 2026"}
    )
    kopie = Sjabloon.objects.get(naam="Gouda 2026")
    assert response["Location"] == kopie.get_absolute_url()
    assert kopie.items.count() == 41 and not kopie.uit_bestand and kopie.kopie_van == bron
    item = kopie.items.get(sleutel="A-O1")
    response = client.post(
        reverse("implementatie:sjabloon_item", args=[item.pk]),
        {
            "niveau": "organisatie",
            "tekst": "Stel het regiemodel vast in het MT.",
            "subitems_tekst": "a\n\nb",
            "bron": item.bron,
            "actief": "on",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.tekst, item.subitems) == ("Stel het regiemodel vast in het MT.", ["a", "b"])
    new = client.post(
        reverse("implementatie:sjabloon_item_nieuw", args=[item.thema_id]),
        {"niveau": "organisatie", "tekst": "Eigen item.", "actief": "on"},
    )
    assert new.status_code == 302 and kopie.items.filter(tekst="Eigen item.").exists()
    assert (
        SjabloonItem.objects.get(sjabloon=bron, sleutel="A-O1").tekst
        == "Stel het regiemodel bestuurlijk vast."
    )
    assert AuditEntry.objects.filter(
        object_type="implementatie.SjabloonItem", action=AuditActie.UPDATE
    ).exists()
