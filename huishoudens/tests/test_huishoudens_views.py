"""Households and trajecten through the browser-facing views (issue #3)."""

import datetime

import pytest
from django.urls import reverse

from huishoudens.constants import Fase
from huishoudens.models import (
    BetrokkenProfessional,
    FaseOvergang,
    Gezinslid,
    Huishouden,
    StartCriterium,
    Traject,
)
from regie.constants import AuditActie, Rol
from regie.models import AuditEntry
from tests.factories import GezinslidFactory, TrajectFactory, UserFactory


def _aanmelding(gemeente, **overrides):
    data = {
        "hh-naam": "Familie de Groot",
        "hh-aanspreekvorm": "u",
        "hh-adres": "Markt 1",
        "hh-postcode": "2801jk",
        "hh-woonplaats": "Gouda",
        "hh-gemeente": gemeente.pk,
        "hh-telefoon": "",
        "hh-email": "",
        "lid-voornaam": "Sara",
        "lid-achternaam": "de Groot",
        "lid-geslacht": "v",
        "lid-geboortedatum": "1990-02-03",
        "lid-rol_in_gezin": "ouder",
        "lid-vir_signaal": "unknown",
        "aanm-vraag": "Hulp bij schulden en opvoeding",
        "aanm-melder_naam": "Huisarts Pietersen",
    }
    data.update(overrides)
    return data


@pytest.fixture
def petra(login, procesregisseur):
    return login(procesregisseur)


def test_aanmelding_creates_household_member_and_traject(petra, org_a, procesregisseur):
    response = petra.post(reverse("huishoudens:aanmelden"), _aanmelding(org_a.gemeente))
    traject = Traject.objects.get()
    assert response["Location"] == traject.get_absolute_url()
    assert traject.fase == Fase.AANMELDING and traject.huishouden.postcode == "2801 JK"
    assert traject.huishouden.leden.get().voornaam == "Sara"
    # Whoever registers is involved, so they see what they registered.
    assert petra.get(traject.get_absolute_url()).status_code == 200
    assert AuditEntry.objects.filter(
        action=AuditActie.CREATE, household_id=traject.huishouden_id
    ).exists()


def test_acute_unsafety_starts_with_a_safety_signal_and_a_prompt(petra, org_a):
    response = petra.post(
        reverse("huishoudens:aanmelden"),
        _aanmelding(org_a.gemeente, **{"aanm-acuut": "on"}),
        follow=True,
    )
    traject = Traject.objects.get()
    assert traject.zorgen_veiligheid and traject.signalen.count() == 1
    html = response.content.decode()
    assert "Veiligheidsplan" in html and "meldcode" in html


def test_duplicate_guard_shows_the_match_instead_of_a_twin(petra, org_a, traject, gezinslid):
    data = _aanmelding(
        org_a.gemeente,
        **{
            "lid-voornaam": gezinslid.voornaam,
            "lid-achternaam": gezinslid.achternaam,
            "lid-geboortedatum": gezinslid.geboortedatum.isoformat(),
        },
    )
    response = petra.post(reverse("huishoudens:aanmelden"), data)
    assert response.status_code == 200
    assert list(response.context["matches_zichtbaar"]) == [traject.huishouden]
    assert Huishouden.objects.count() == 1
    # Confirming that it really is another household creates it.
    petra.post(reverse("huishoudens:aanmelden"), {**data, "toch_nieuw": "1"})
    assert Huishouden.objects.count() == 2


def test_duplicate_guard_does_not_reveal_a_household_the_user_is_not_involved_with(
    login, buitenstaander, org_a, traject
):
    client = login(buitenstaander)
    data = _aanmelding(
        org_a.gemeente,
        **{"hh-adres": traject.huishouden.adres, "hh-postcode": traject.huishouden.postcode},
    )
    response = client.post(reverse("huishoudens:aanmelden"), data, follow=True)
    # Issue #11: not even a count; the aanmelding is registered as if there were no match
    # (huishoudens/tests/test_aanmelding_dubbel.py compares the two responses).
    nieuw = Traject.objects.get(aangemeld_door=buitenstaander)
    assert response.redirect_chain == [(nieuw.get_absolute_url(), 302)]
    html = response.content.decode()
    assert traject.huishouden.naam not in html and "betrokken bent" not in html


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"lid-geboortedatum": "2999-01-01"},
            "geboortedatum",
            "De geboortedatum kan niet in de toekomst liggen.",
        ),
        (
            {"lid-geboortedatum": "2015-01-01"},
            "gezag",
            "Vul in wie het gezag heeft over deze minderjarige.",
        ),
        ({"lid-email": "geen-adres"}, "email", "Voer een geldig e-mailadres in."),
        ({"lid-telefoon": "12ab"}, "telefoon", "Vul een geldig telefoonnummer in"),
    ],
)
def test_member_validation_in_dutch(petra, org_a, overrides, field, message):
    response = petra.post(
        reverse("huishoudens:aanmelden"), _aanmelding(org_a.gemeente, **overrides)
    )
    assert message in " ".join(response.context["lid_form"].errors[field])
    assert not Traject.objects.exists()


def test_postcode_is_validated(petra, org_a):
    response = petra.post(
        reverse("huishoudens:aanmelden"), _aanmelding(org_a.gemeente, **{"hh-postcode": "12"})
    )
    assert "Vul een postcode in als 2801 LS." in response.content.decode()


def test_reading_a_household_is_audited_with_its_id(login, casusregisseur, traject):
    client = login(casusregisseur)
    client.get(reverse("huishoudens:huishouden", args=[traject.huishouden_id]))
    row = AuditEntry.objects.latest("id")
    assert (row.action, row.household_id, row.role) == (
        AuditActie.READ,
        traject.huishouden_id,
        Rol.CASUSREGISSEUR,
    )


def test_a_foreign_household_is_a_logged_404(login, buitenstaander, traject):
    response = login(buitenstaander).get(reverse("huishoudens:traject", args=[traject.pk]))
    assert response.status_code == 404
    row = AuditEntry.objects.latest("id")
    assert row.outcome == "denied" and row.object_id == str(traject.pk)


def test_two_users_moving_the_same_traject_one_wins(petra, login, traject):
    data = {"van": Fase.AANMELDING, "naar": Fase.INTAKE}
    petra.post(reverse("huishoudens:fase", args=[traject.pk]), data)
    response = petra.post(reverse("huishoudens:fase", args=[traject.pk]), data, follow=True)
    assert "intussen verplaatst" in response.content.decode()
    assert FaseOvergang.objects.filter(traject=traject).count() == 1


def test_intake_decision_no_closes_with_the_reason_in_the_timeline(petra, traject):
    Traject.objects.filter(pk=traject.pk).update(fase=Fase.INTAKE)
    response = petra.post(
        reverse("huishoudens:intake", args=[traject.pk]),
        {
            "van": Fase.INTAKE,
            "besluit_start": "nee",
            "besluit_reden": "Lichte vraag, past bij het wijkteam",
        },
        follow=True,
    )
    traject.refresh_from_db()
    assert traject.fase == Fase.GESLOTEN
    assert "Lichte vraag, past bij het wijkteam" in response.content.decode()


def test_intake_requires_a_decision_and_a_reason(petra, traject):
    Traject.objects.filter(pk=traject.pk).update(fase=Fase.INTAKE)
    response = petra.post(reverse("huishoudens:intake", args=[traject.pk]), {"van": Fase.INTAKE})
    html = response.content.decode()
    assert "Kies of 1Gezin1Plan1Regisseur start." in html and "Leg het besluit uit" in html


def test_closing_with_open_signals_offers_the_way_back_to_5b(petra, traject, signaal):
    Traject.objects.filter(pk=traject.pk).update(fase=Fase.AFSLUITEN, besluit_start=True)
    page = petra.get(traject.get_absolute_url()).content.decode()
    assert "ga terug naar fase 5b" in page and "Traject afsluiten" not in page
    response = petra.post(
        reverse("huishoudens:fase", args=[traject.pk]),
        {"van": Fase.AFSLUITEN, "naar": Fase.GESLOTEN},
        follow=True,
    )
    assert "Sluit het traject niet af" in response.content.decode()
    assert Traject.objects.get(pk=traject.pk).fase == Fase.AFSLUITEN


def test_second_procesregisseur_is_refused_in_the_form(petra, traject, org_a):
    sanne = UserFactory(organisatie=org_a, rollen=[Rol.PROCESREGISSEUR], first_name="Sanne")
    response = petra.post(
        reverse("huishoudens:regisseur_nieuw", args=[traject.pk]),
        {"user": sanne.pk, "rol": "procesregisseur"},
    )
    assert "al een procesregisseur" in response.content.decode()


def test_consent_is_recorded_and_shown(petra, traject, gezinslid):
    url = reverse("huishoudens:toestemming", args=[traject.huishouden_id, gezinslid.pk])
    petra.post(
        url,
        {
            "toestemmer": "betrokkene",
            "naam_toestemmer": "Anna Jansen",
            "status": "gegeven",
            "datum": datetime.date.today().isoformat(),
        },
    )
    page = petra.get(
        reverse("huishoudens:huishouden", args=[traject.huishouden_id])
    ).content.decode()
    assert "Gegeven" in page and "Nog geen (volledige) toestemming" not in page


def test_each_parent_with_gezag_consents_on_a_line_of_their_own(petra, traject):
    """Issue #12 (002 ch. 7): with gezag "Beide ouders" the page asks each parent and shows
    each parent's record; the same parent cannot fill in both lines."""
    from tests.factories import GezinslidFactory

    kind = GezinslidFactory(
        huishouden=traject.huishouden,
        voornaam="Sem",
        geboortedatum=datetime.date(datetime.date.today().year - 14, 1, 1),
        rol_in_gezin="kind",
        gezag="beide_ouders",
    )
    url = reverse("huishoudens:toestemming", args=[traject.huishouden_id, kind.pk])
    form = petra.get(url).content.decode()
    assert "Eerste ouder met gezag" in form and "Tweede ouder met gezag" in form
    vandaag = datetime.date.today().isoformat()
    for toestemmer, naam in [
        ("betrokkene", "Sem Jansen"),
        ("gezaghebbende", "Fatima Jansen"),
        ("gezaghebbende_2", "Ruben de Wit"),
    ]:
        petra.post(
            url,
            {
                "toestemmer": toestemmer,
                "naam_toestemmer": naam,
                "status": "gegeven",
                "datum": vandaag,
            },
        )
    page = petra.get(
        reverse("huishoudens:huishouden", args=[traject.huishouden_id])
    ).content.decode()
    assert "Fatima Jansen" in page and "Ruben de Wit" in page
    assert "Tweede ouder met gezag" in page
    assert kind.toestemmingen.count() == 3
    response = petra.post(
        url,
        {
            "toestemmer": "gezaghebbende_2",
            "naam_toestemmer": "fatima jansen",
            "status": "gegeven",
            "datum": vandaag,
        },
    )
    assert "elke ouder met gezag apart" in response.content.decode()
    assert kind.toestemmingen.count() == 3


def test_bewind_and_mentorschap_on_the_household_page(petra, procesregisseur, traject, gezinslid):
    """Issue #12 (002 ch. 7; 002 ch. 2 stap 3): consent of the person under bewind suffices
    for sharing in general; the bewindvoerder's line says it is for the finances only; a
    mentor is named as the one to involve."""
    from tests.factories import GezinslidFactory

    gezinslid.vertegenwoordiging = "bewind"
    gezinslid.vertegenwoordiger = "Bureau Geldzaak"
    gezinslid.save()
    GezinslidFactory(
        huishouden=traject.huishouden,
        voornaam="Kees",
        vertegenwoordiging="mentorschap",
        vertegenwoordiger="M. de Boer",
    )
    for lid in traject.huishouden.leden.all():
        lid.toestemmingen.create(
            toestemmer="betrokkene",
            naam_toestemmer=lid.voornaam,
            status="gegeven",
            datum=datetime.date.today(),
            vastgelegd_door=procesregisseur,
        )
    page = petra.get(
        reverse("huishoudens:huishouden", args=[traject.huishouden_id])
    ).content.decode()
    assert "Nog geen (volledige) toestemming" not in page
    assert "alleen voor de financiën onder bewind" in page
    assert "mentor: M. de Boer" in page and "betrek de mentor" in page


def test_search_respects_the_access_policy(login, procesregisseur, buitenstaander, traject):
    assert (
        login(procesregisseur)
        .get(reverse("huishoudens:huishoudens"), {"q": "Anna"})
        .context["page"]
        .paginator.count
        == 1
    )
    assert (
        login(buitenstaander)
        .get(reverse("huishoudens:huishoudens"), {"q": "Anna"})
        .context["page"]
        .paginator.count
        == 0
    )


def test_handover_accepted_by_the_successor(login, casusregisseur, overdracht, traject):
    client = login(casusregisseur)
    assert "draagt de Procesregisseur" in client.get(reverse("start")).content.decode()
    client.post(reverse("huishoudens:overdracht", args=[overdracht.pk]), {"besluit": "accepteren"})
    assert traject.betrokkenen.actief().get(rol="procesregisseur").user == casusregisseur


def _mijn_trajecten_queries(client, procesregisseur, n, django_assert_max_num_queries, limit):
    for _ in range(n):
        t = TrajectFactory(procesregisseur=procesregisseur)
        GezinslidFactory(huishouden=t.huishouden)
    client.get(reverse("start"))  # warm up: the first request also refreshes the session
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(reverse("start"))
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_mijn_trajecten_query_count_is_constant(
    petra, procesregisseur, django_assert_max_num_queries
):
    few = _mijn_trajecten_queries(petra, procesregisseur, 5, django_assert_max_num_queries, 25)
    many = _mijn_trajecten_queries(petra, procesregisseur, 45, django_assert_max_num_queries, few)
    assert many == few


def test_member_is_added_to_the_household(petra, traject):
    url = reverse("huishoudens:gezinslid_nieuw", args=[traject.huishouden_id])
    petra.post(
        url,
        {
            "voornaam": "Tim",
            "achternaam": "Jansen",
            "geslacht": "m",
            "geboortedatum": "2016-05-01",
            "rol_in_gezin": "kind",
            "gezag": "beide_ouders",
            "vir_signaal": "false",
        },
    )
    tim = Gezinslid.objects.get(voornaam="Tim")
    assert tim.vir_signaal is False and tim.huishouden == traject.huishouden


def test_removing_asks_for_confirmation_and_keeps_regisseurs(
    petra, traject, netwerklid, casusregisseur
):
    url = reverse("huishoudens:verwijderen", args=[traject.huishouden_id, "netwerk", netwerklid.pk])
    assert "verwijderen?" in petra.get(url).content.decode()
    assert traject.huishouden.netwerk.count() == 1
    petra.post(url)
    assert traject.huishouden.netwerk.count() == 0
    # Karim is casusregisseur of the traject: removing him as professional is refused.
    karim = BetrokkenProfessional.objects.create(huishouden=traject.huishouden, user=casusregisseur)
    response = petra.post(
        reverse("huishoudens:verwijderen", args=[traject.huishouden_id, "professional", karim.pk]),
        follow=True,
    )
    assert "Draag de regie eerst over" in response.content.decode()


def test_unknown_kind_to_remove_is_a_404(petra, traject):
    url = reverse("huishoudens:verwijderen", args=[traject.huishouden_id, "gezinslid", 1])
    assert petra.get(url).status_code == 404


def test_own_criteria_appear_in_the_intake_of_that_organisation(
    login, aandachtsfunctionaris, procesregisseur, traject
):
    Traject.objects.filter(pk=traject.pk).update(fase=Fase.INTAKE)
    intake_url = reverse("huishoudens:intake", args=[traject.pk])
    login(aandachtsfunctionaris).post(
        reverse("huishoudens:criteria"), {"tekst": "Schulden boven 10.000 euro"}
    )
    assert "Schulden boven 10.000 euro" in login(procesregisseur).get(intake_url).content.decode()
    # Switched off, it no longer shows.
    criterium = StartCriterium.objects.get(tekst="Schulden boven 10.000 euro")
    login(aandachtsfunctionaris).post(reverse("huishoudens:criterium_actief", args=[criterium.pk]))
    assert (
        "Schulden boven 10.000 euro" not in login(procesregisseur).get(intake_url).content.decode()
    )
