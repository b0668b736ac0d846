"""The meldcode's pages (issue #10): Dutch errors per step, few eyes per persona, audit rows
for reads, grants and shielding, the inzage PDF without shielded items, acuut gevaar with
default and configured contacts, and closing refused while a melding is owed."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from meldcode import services
from meldcode.constants import DossierStatus
from meldcode.models import CrisisContact, CrisisOproep, Signalen, Weging
from regie.constants import AuditActie, AuditUitkomst, Rol
from regie.models import AuditEntry
from tests.factories import OrganisatieFactory, UserFactory

TODAY = datetime.date.today()


def _url(name, *args):
    return reverse(f"meldcode:{name}", args=args)


@pytest.fixture
def collega(org_a, traject):
    """Another casusregisseur on the same traject: sees only that a dossier exists."""
    from tests.factories import _betrokkene

    user = UserFactory(
        organisatie=org_a, rollen=[Rol.CASUSREGISSEUR], first_name="Chris", with_totp=True
    )
    _betrokkene(traject, user, "casusregisseur")
    return user


# --- opening -----------------------------------------------------------------------


def test_opening_from_a_signal_makes_the_opener_owner(login, casusregisseur, traject, signaal):
    lid = traject.huishouden.leden.get()
    client = login(casusregisseur)
    url = _url("nieuw", traject.pk) + f"?signaal={signaal.pk}"
    page = client.get(url)
    assert "Vanuit een veiligheidssignaal" in page.content.decode()
    response = client.post(
        url,
        {"leden": [lid.pk], "eigenaar": casusregisseur.pk, "weeg_interval_dagen": 14},
    )
    dossier = traject.meldcode_dossiers.get()
    assert response.status_code == 302 and response["Location"] == _url("dossier", dossier.pk)
    assert (dossier.eigenaar, dossier.signaal, dossier.aanleiding) == (
        casusregisseur,
        signaal,
        "signaal",
    )
    assert dossier.weeg_interval_dagen == 14
    assert AuditEntry.objects.filter(
        action=AuditActie.CREATE, object_type="meldcode.Dossier", object_id=str(dossier.pk)
    ).exists()


def test_opening_needs_members_in_dutch(login, casusregisseur, traject):
    response = login(casusregisseur).post(
        _url("nieuw", traject.pk), {"eigenaar": casusregisseur.pk, "weeg_interval_dagen": 28}
    )
    assert "Kies ten minste één gezinslid." in response.content.decode()
    assert not traject.meldcode_dossiers.exists()


# --- each step's required fields give Dutch errors ---------------------------------


@pytest.mark.parametrize(
    ("code", "data", "fout"),
    [
        ("0", {}, "Kies ten minste één vorm van huiselijk geweld."),
        ("1", {"stap1-check_soort": "nvt"}, "Dit veld is verplicht."),
        (
            "1",
            {"stap1-feiten": "Gezien: blauwe plek.", "stap1-check_soort": "kindcheck"},
            "Vul de uitkomst van de kindcheck in.",
        ),
        (
            "2",
            {
                "stap2-op": TODAY.isoformat(),
                "stap2-wie": "Anouk",
                "stap2-rol": "aandachtsfunctionaris",
                "stap2-advies": "Melden.",
            },
            "Leg vast waarom van het advies is afgeweken.",
        ),
        ("3", {}, "Leg vast waarom er geen gesprek over de signalen is gevoerd."),
        ("3", {"stap3-gevoerd": "on"}, "Dit veld is verplicht."),
    ],
)
def test_each_step_names_what_is_missing(login, casusregisseur, dossier, code, data, fout):
    response = login(casusregisseur).post(_url("stap", dossier.pk, code), data)
    assert response.status_code == 200
    assert fout in response.content.decode()
    assert not Signalen.objects.filter(dossier=dossier).exists()


def test_the_melding_and_its_feedback_need_their_fields(login, casusregisseur, dossier):
    client = login(casusregisseur)
    response = client.post(_url("melding", dossier.pk), {"melding-op": TODAY.isoformat()})
    assert "Dit veld is verplicht." in response.content.decode()
    melding = services.melding_record(dossier=dossier, door=casusregisseur, op=TODAY, inhoud="x")
    response = client.post(_url("terugkoppeling", dossier.pk, melding.pk), {})
    assert "Dit veld is verplicht." in response.content.decode()


def test_a_step_is_recorded_again_as_a_new_row(login, casusregisseur, dossier):
    client = login(casusregisseur)
    for vorm in ("partnergeweld", "kindermishandeling"):
        response = client.post(_url("stap", dossier.pk, "0"), {"stap0-vormen": [vorm]})
        assert response.status_code == 302
    assert Signalen.objects.filter(dossier=dossier).count() == 2
    page = client.get(_url("dossier", dossier.pk)).content.decode()
    assert "Eerder vastgelegd (1)" in page


def test_the_instrument_is_offered_only_to_the_trained(login, casusregisseur, dossier):
    client = login(casusregisseur)
    assert "stap1-instrument" not in client.get(_url("dossier", dossier.pk)).content.decode()
    services.scholing_record(user=casusregisseur, instrument="arij", geschoold_op=TODAY)
    page = client.get(_url("dossier", dossier.pk)).content.decode()
    assert 'name="stap1-instrument"' in page
    assert 'value="arij"' in page and 'value="cfra"' not in page


# --- the afwegingskader, one question at a time -------------------------------------


def test_weighing_walks_the_questions_and_saves_the_decision(login, casusregisseur, dossier):
    client = login(casusregisseur)
    url = _url("weging", dossier.pk)
    first = client.get(url).content.decode()
    assert "Heb ik een vermoeden van / is er sprake van huiselijk geweld?" in first
    assert "acuut en/of structurele onveiligheid" not in first
    missing = client.post(url, {"stap": "volgende"}).content.decode()
    assert "Kies ja of nee." in missing
    after_1 = client.post(url, {"antwoord_1": "ja", "stap": "volgende"}).content.decode()
    assert "acuut en/of structurele onveiligheid" in after_1
    answers = {"antwoord_1": "ja", "antwoord_2": "nee", "stap": "volgende"}
    at_3 = client.post(url, answers).content.decode()
    assert "Vereisten voor goede hulp" in at_3
    answers.update({"antwoord_3": "nee", "samen_3": "on"})
    done = client.post(url, answers).content.decode()
    assert "melden bij Veilig Thuis" in done and "Weging opslaan" in done
    refused = client.post(url, {**answers, "stap": "opslaan", "op": TODAY.isoformat()})
    assert "Leg de weging vast." in refused.content.decode()
    saved = client.post(
        url, {**answers, "stap": "opslaan", "op": TODAY.isoformat(), "overwegingen": "Gewogen."}
    )
    assert saved.status_code == 302
    weging = Weging.objects.get(dossier=dossier)
    assert weging.antwoorden == {"1": True, "2": False, "3": False}
    assert (weging.melden, weging.hulp, weging.samen_met_veilig_thuis) == (True, False, [3])


def test_answers_off_the_path_are_refused(login, casusregisseur, dossier):
    response = login(casusregisseur).post(
        _url("weging", dossier.pk), {"antwoord_1": "nee", "antwoord_2": "ja", "stap": "volgende"}
    )
    assert "De antwoorden passen niet bij het afwegingskader" in response.content.decode()


# --- few eyes: visibility per persona -----------------------------------------------


MARKER = "Blauwe plek op de arm van Anna"


def test_owner_and_procesregisseur_read_the_content(
    login, casusregisseur, procesregisseur, meldcode_signalen
):
    dossier = meldcode_signalen.dossier
    for user in (casusregisseur, procesregisseur):
        response = login(user).get(_url("dossier", dossier.pk))
        assert response.status_code == 200 and MARKER in response.content.decode()
        assert AuditEntry.objects.filter(
            user_id=user.pk,
            action=AuditActie.READ,
            outcome=AuditUitkomst.ALLOWED,
            object_type="meldcode.Dossier",
            object_id=str(dossier.pk),
            household_id=dossier.traject.huishouden_id,
        ).exists()


def test_another_casusregisseur_sees_only_that_it_exists(login, collega, meldcode_signalen):
    dossier = meldcode_signalen.dossier
    response = login(collega).get(_url("dossier", dossier.pk))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Karim" in page and timezone.localtime(dossier.geopend_op).strftime("%d-%m-%Y") in page
    assert MARKER not in page and "Kindermishandeling" not in page
    assert AuditEntry.objects.filter(
        user_id=collega.pk, outcome=AuditUitkomst.DENIED, object_id=str(dossier.pk)
    ).exists()
    assert login(collega).get(_url("weging", dossier.pk)).status_code == 403


def test_a_named_grant_shows_the_content_until_withdrawn(
    login, casusregisseur, aandachtsfunctionaris, meldcode_signalen
):
    dossier = meldcode_signalen.dossier
    url = _url("dossier", dossier.pk)
    assert login(aandachtsfunctionaris).get(url).status_code == 403
    owner = login(casusregisseur)
    owner.post(
        _url("toegang", dossier.pk),
        {"user": aandachtsfunctionaris.pk, "reden": "Geraadpleegd in stap 2."},
    )
    toegang = dossier.toegang.get()
    grant_row = AuditEntry.objects.get(action=AuditActie.UPDATE, detail__startswith="toegang")
    assert grant_row.object_id == str(dossier.pk) and str(aandachtsfunctionaris.pk) in (
        grant_row.detail
    )
    response = login(aandachtsfunctionaris).get(url)
    assert response.status_code == 200 and MARKER in response.content.decode()

    owner = login(casusregisseur)
    confirm = owner.get(_url("toegang_intrekken", dossier.pk, toegang.pk))
    assert "intrekken?" in confirm.content.decode()
    toegang.refresh_from_db()
    assert toegang.ingetrokken_op is None  # the GET only asks
    owner.post(_url("toegang_intrekken", dossier.pk, toegang.pk))
    assert AuditEntry.objects.filter(detail__startswith="toegang ingetrokken").exists()
    assert login(aandachtsfunctionaris).get(url).status_code == 403


@pytest.mark.parametrize("persona", ["manager", "beheerder", "privacyfunctionaris"])
def test_non_case_roles_get_403_logged(login, persona, request, dossier):
    user = request.getfixturevalue(persona)
    assert login(user).get(_url("dossier", dossier.pk)).status_code == 403
    assert AuditEntry.objects.filter(
        user_id=user.pk,
        outcome=AuditUitkomst.DENIED,
        household_id=dossier.traject.huishouden_id,
    ).exists()


def test_another_organisation_gets_404(login, buitenstaander, dossier):
    assert login(buitenstaander).get(_url("dossier", dossier.pk)).status_code == 404


def test_only_the_owner_records(login, procesregisseur, dossier):
    response = login(procesregisseur).post(
        _url("stap", dossier.pk, "0"), {"stap0-vormen": ["partnergeweld"]}
    )
    assert response.status_code == 403
    assert not Signalen.objects.filter(dossier=dossier).exists()


# --- shielding and the inzage PDF --------------------------------------------------


def _pdf_text(content: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)


def test_shielded_items_stay_out_of_the_inzage_pdf(login, casusregisseur, dossier):
    geheim = services.signalen_record(
        dossier=dossier,
        door=casusregisseur,
        vormen=["partnergeweld"],
        toelichting="GEHEIMADRES Dorpsstraat 9",
    )
    services.consultatie_record(
        dossier=dossier,
        door=casusregisseur,
        op=TODAY,
        wie="Anouk",
        rol="aandachtsfunctionaris",
        advies="ZICHTBAARADVIES",
        anoniem=True,
        advies_gevolgd=True,
    )
    client = login(casusregisseur)
    response = client.post(
        _url("afschermen", dossier.pk, "signalen", geheim.pk),
        {"reden": "privacy_derde", "toelichting": "Geheim adres van moeder."},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(
        action=AuditActie.UPDATE, detail__contains=f"signalen:{geheim.pk}"
    ).exists()

    pdf = client.get(_url("inzage", dossier.pk))
    assert pdf["Content-Type"] == "application/pdf"
    text = _pdf_text(pdf.content)
    assert "ZICHTBAARADVIES" in text
    assert "GEHEIMADRES" not in text
    assert "Afgeschermd: Privacy van een derde" in text
    assert AuditEntry.objects.filter(
        action=AuditActie.PRINT, object_id=str(dossier.pk), user_id=casusregisseur.pk
    ).exists()


# --- acuut gevaar -------------------------------------------------------------------


def test_acuut_shows_the_defaults_when_the_region_has_none(login, procesregisseur, traject):
    page = login(procesregisseur).get(_url("acuut", traject.pk)).content.decode()
    assert 'href="tel:112"' in page and 'href="tel:08002000"' in page
    assert "Crisis Interventieteam GGZ" in page and "Raad voor de Kinderbescherming" in page
    assert page.count("telefoonnummer nog niet ingesteld door de beheerder") == 2


def test_acuut_shows_the_regions_own_contacts_and_records_the_call(
    login, procesregisseur, traject, crisiscontact
):
    client = login(procesregisseur)
    page = client.get(_url("acuut", traject.pk)).content.decode()
    assert "Crisisdienst GGZ Midden-Holland" in page and 'href="tel:0182123456"' in page
    assert "nog niet ingesteld" not in page
    response = client.post(
        _url("acuut", traject.pk),
        {
            "contact": "Politie",
            "telefoon": "112",
            "op": "2026-01-10T21:15",
            "toelichting": "Politie komt ter plaatse.",
        },
    )
    assert response.status_code == 302
    oproep = CrisisOproep.objects.get()
    assert oproep.traject == traject and oproep.door == procesregisseur
    assert AuditEntry.objects.filter(
        action=AuditActie.CREATE, household_id=traject.huishouden_id, detail__contains="Politie"
    ).exists()


def test_the_region_of_another_beheerder_is_not_shown(login, beheerder, crisiscontact):
    other_org = OrganisatieFactory(gemeente__naam="Utrecht", gemeente__regio__naam="Utrecht")
    other = UserFactory(organisatie=other_org, rollen=[Rol.BEHEERDER], with_totp=True)
    assert login(other).get(_url("crisiscontact", crisiscontact.pk)).status_code == 404
    assert "Midden-Holland" in login(beheerder).get(_url("crisiscontacten")).content.decode()


@pytest.mark.parametrize("telefoon", ["112", "0800-2000", "0900 8844", "0182 123 456", "14 0182"])
def test_crisis_numbers_accept_service_numbers(login, beheerder, telefoon):
    response = login(beheerder).post(
        _url("crisiscontact_nieuw"), {"naam": "Dienst", "telefoon": telefoon, "volgorde": 0}
    )
    assert response.status_code == 302
    assert CrisisContact.objects.get().telefoon == telefoon


@pytest.mark.parametrize("telefoon", ["12", "bel mij", "0800-20"])
def test_crisis_numbers_refuse_nonsense_in_dutch(login, beheerder, telefoon):
    response = login(beheerder).post(
        _url("crisiscontact_nieuw"), {"naam": "Dienst", "telefoon": telefoon, "volgorde": 0}
    )
    assert "Vul een geldig telefoonnummer in" in response.content.decode()
    assert not CrisisContact.objects.exists()


def test_deleting_a_contact_asks_first(login, beheerder, crisiscontact):
    client = login(beheerder)
    url = _url("crisiscontact_verwijderen", crisiscontact.pk)
    assert "verwijderen?" in client.get(url).content.decode()
    assert CrisisContact.objects.exists()
    client.post(url)
    assert not CrisisContact.objects.exists()
    assert AuditEntry.objects.filter(action=AuditActie.DELETE, detail__contains="crisiscontact")


def test_the_beheerder_records_training(login, beheerder, casusregisseur):
    client = login(beheerder)
    data = {"user": casusregisseur.pk, "instrument": "cfra", "geschoold_op": "2025-05-01"}
    assert client.post(_url("scholingen"), data).status_code == 302
    again = client.post(_url("scholingen"), data).content.decode()
    assert "Deze scholing is al vastgelegd voor deze medewerker." in again
    assert services.instrumenten_voor(casusregisseur) == ["cfra"]


# --- closing --------------------------------------------------------------------------


def test_closing_is_refused_while_a_melding_is_owed(login, casusregisseur, dossier):
    services.weging_record(
        dossier=dossier,
        door=casusregisseur,
        op=TODAY,
        antwoorden={1: True, 2: True, 3: True, 4: True, 5: True},
        overwegingen="Acuut onveilig.",
    )
    client = login(casusregisseur)
    page = client.get(_url("dossier", dossier.pk)).content.decode()
    assert "Een melding bij Veilig Thuis is vereist" in page
    response = client.post(
        _url("sluiten", dossier.pk), {"reden": "gestopt", "toelichting": "Verhuisd."}
    )
    assert "Leg eerst de melding bij Veilig Thuis vast" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.OPEN

    services.melding_record(dossier=dossier, door=casusregisseur, op=TODAY, inhoud="Gemeld.")
    response = client.post(
        _url("sluiten", dossier.pk), {"reden": "gestopt", "toelichting": "Verhuisd."}
    )
    dossier.refresh_from_db()
    assert response.status_code == 302 and dossier.status == DossierStatus.GESLOTEN


def test_an_event_that_requires_a_melding_warns(login, casusregisseur, dossier):
    client = login(casusregisseur)
    response = client.post(
        _url("gebeurtenis", dossier.pk),
        {"gb-soort": "hulp_geweigerd", "gb-op": TODAY.isoformat(), "gb-toelichting": "Weigert."},
        follow=True,
    )
    page = response.content.decode()
    assert "vraagt altijd een melding bij Veilig Thuis" in page
    assert "Een melding bij Veilig Thuis is vereist" in page


def test_waiting_for_feedback_shows_its_age(login, casusregisseur, dossier):
    services.melding_record(
        dossier=dossier,
        door=casusregisseur,
        op=TODAY - datetime.timedelta(days=12),
        inhoud="Gemeld.",
    )
    page = login(casusregisseur).get(_url("dossier", dossier.pk)).content.decode()
    assert "12 dagen geleden" in page


def test_the_page_keeps_its_query_count(
    login, casusregisseur, dossier, django_assert_max_num_queries
):
    for _ in range(3):
        services.signalen_record(dossier=dossier, door=casusregisseur, vormen=["partnergeweld"])
    client = login(casusregisseur)
    with django_assert_max_num_queries(60):
        assert client.get(_url("dossier", dossier.pk)).status_code == 200
