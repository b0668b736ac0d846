"""Results of the evaluation per organisation and quarter, and of the monitoring surveys, with
small-count suppression (issue #14: "results aggregate per organisation and period, with the
same small-count suppression"; seed 002 DEEL I)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from implementatie import evaluatie as selectors
from implementatie import services_evaluatie as services
from implementatie.models import Inzending, Vraag, Vragenlijst
from implementatie.scope import van_organisatie
from implementatie.tests.fixtures import enquete, vragenlijsten  # noqa: F401
from regie.constants import Rol
from regie.models import Bericht
from tests.factories import OrganisatieFactory, UserFactory

pytestmark = pytest.mark.django_db


def _antwoorden(org, groep, waarden, *, maand=None):
    """One evaluation per value, all four statements answered with that value."""
    vl = Vragenlijst.objects.get(sleutel="evaluatie")
    vragen = list(Vraag.objects.filter(vragenlijst=vl, groep=groep))
    for w in waarden:
        inzending = Inzending.objects.create(
            vragenlijst=vl,
            organisatie=org,
            periode=maand or timezone.localdate().replace(day=1),
            groep=groep,
        )
        services._antwoorden_save(inzending=inzending, antwoorden={v.pk: (w, "") for v in vragen})


def _klant(resultaat, kwartaal):
    k = resultaat[kwartaal - 1]
    return next(g for g in k.groepen if g.groep == "klant").stellingen[0]


KWARTAAL = (timezone.localdate().month - 1) // 3 + 1
JAAR = timezone.localdate().year


def test_counts_under_five_are_hidden_with_their_complement(org_a):
    # Zeer eens 6, eens 7, neutraal 2: neutraal is hidden, and so is the smallest other
    # (zeer eens), or 15 - 7 would give the 2 back.
    _antwoorden(org_a, "klant", [5] * 6 + [4] * 7 + [3] * 2)
    s = _klant(selectors.evaluatie_resultaten(van_organisatie(org_a), JAAR), KWARTAAL)
    assert s.cellen == ["<5", "7", "<5", "0", "0"]
    assert s.totaal == "15"
    assert s.gemiddelde == "", "the mean would give the hidden cells back"


def test_with_every_cell_shown_the_mean_is_shown(org_a):
    _antwoorden(org_a, "klant", [5] * 5 + [4] * 5)
    s = _klant(selectors.evaluatie_resultaten(van_organisatie(org_a), JAAR), KWARTAAL)
    assert s.cellen == ["5", "5", "0", "0", "0"]
    assert s.gemiddelde == "4.5"


def test_fewer_than_five_answers_hide_the_whole_statement(org_a):
    _antwoorden(org_a, "klant", [5, 5, 4])
    s = _klant(selectors.evaluatie_resultaten(van_organisatie(org_a), JAAR), KWARTAAL)
    assert s.totaal == "<5"
    assert s.cellen == ["<5"] * 5


def test_an_organisation_cannot_be_subtracted_from_its_gemeente(org_a):
    """Rule 3: the aandachtsfunctionaris of A and the agendahouder of the gemeente may be one
    person; gemeente minus A would give B's 2 answers, so A's cell is hidden too."""
    org_b = OrganisatieFactory(gemeente=org_a.gemeente)
    _antwoorden(org_a, "klant", [5] * 10)
    _antwoorden(org_b, "klant", [5] * 2)
    s_a = _klant(selectors.evaluatie_resultaten(van_organisatie(org_a), JAAR), KWARTAAL)
    assert s_a.totaal == "<5"
    assert s_a.cellen[0] == "<5"
    gemeente = selectors.wijdere_scopes(van_organisatie(org_a))[0]
    s_g = _klant(selectors.evaluatie_resultaten(gemeente, JAAR), KWARTAAL)
    assert s_g.totaal == "12"


def test_results_are_per_quarter_and_scope(org_a):
    andere = OrganisatieFactory()  # another gemeente and region
    vorig = datetime.date(JAAR - 1, 2, 1)
    _antwoorden(org_a, "klant", [4] * 5, maand=vorig)
    _antwoorden(andere, "klant", [1] * 9, maand=vorig)
    s = _klant(selectors.evaluatie_resultaten(van_organisatie(org_a), JAAR - 1), 1)
    assert s.cellen == ["0", "5", "0", "0", "0"]
    assert selectors.evaluatie_resultaten(van_organisatie(org_a), JAAR)[0].leeg


def test_the_results_page_for_the_aandachtsfunctionaris(login, aandachtsfunctionaris, org_a):
    _antwoorden(org_a, "klant", [5] * 6 + [4] * 7 + [3] * 2)
    response = login(aandachtsfunctionaris).get(reverse("implementatie:evaluatie_resultaten"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ik ben tevreden met het resultaat." in body
    assert "&lt;5" in body
    assert "Zeer oneens" in body


def test_the_results_page_counts_its_queries(
    login, aandachtsfunctionaris, org_a, django_assert_max_num_queries
):
    _antwoorden(org_a, "klant", [5] * 20)
    client = login(aandachtsfunctionaris)
    with django_assert_max_num_queries(20):
        client.get(reverse("implementatie:evaluatie_resultaten"))


# --- surveys (002 DEEL I, "Monitoring voorbeeldvragen") --------------------------------------


def _beantwoord(token, data, client):
    return client.post(reverse("implementatie:evaluatie_invullen", args=[token]), data)


def test_a_survey_sends_links_and_shows_results_from_five_answers(
    login, aandachtsfunctionaris, client
):
    beheer = login(aandachtsfunctionaris)
    vl = Vragenlijst.objects.get(sleutel="klantpanel")
    adressen = [f"klant{i}@example.test" for i in range(6)]
    response = beheer.post(
        reverse("implementatie:evaluatie_enquetes"),
        {"vragenlijst": vl.pk, "titel": "Klantpanel najaar", "adressen": "\n".join(adressen)},
    )
    assert response.status_code == 302
    berichten = Bericht.objects.filter(sleutel__startswith="enquete:")
    assert sorted(berichten.values_list("aan", flat=True)) == adressen
    tokens = [
        b.tekst.split("/implementatie/evaluatie/invullen/")[1].split("/")[0] for b in berichten
    ]
    pagina = response["Location"]
    # Four answers: only the count, hidden.
    for i, token in enumerate(tokens[:4]):
        data = {"v_aanspreekpunt": "1", "v_plan": "1", "v_tips": f"Tip {i}"}
        assert _beantwoord(token, data, client).status_code == 200
    body = beheer.get(pagina).content.decode()
    assert "vanaf vijf antwoorden" in body
    assert "Tip 0" not in body
    # Six: counts (the two "nee" hidden with their complement), texts in alphabetical order.
    for token in tokens[4:]:
        data = {"v_aanspreekpunt": "0", "v_ervaring": "1", "v_ervaring_tekst": "Fijn"}
        assert _beantwoord(token, data, client).status_code == 200
    aantal, vragen = selectors.enquete_resultaten(_enquete())
    assert aantal == "6"
    aanspreekpunt = next(r for r in vragen if r.vraag.sleutel == "aanspreekpunt")
    assert aanspreekpunt.cellen == [("Ja", "<5"), ("Nee", "<5")]
    assert aanspreekpunt.totaal == "6"
    tips = next(r for r in vragen if r.vraag.sleutel == "tips")
    assert tips.teksten == ["Tip 0", "Tip 1", "Tip 2", "Tip 3"]
    assert "Tip 3" in beheer.get(pagina).content.decode()


def _enquete():
    from implementatie.models import Enquete

    return Enquete.objects.get()


def test_a_survey_is_seen_inside_its_scope_only(login, request, manager, agendahouder, org_a):
    e = request.getfixturevalue("enquete")
    url = reverse("implementatie:evaluatie_enquete", args=[e.pk])
    assert login(manager).get(url).status_code == 200  # the same organisation
    assert login(agendahouder).get(url).status_code == 200  # its gemeente
    elders = UserFactory(
        organisatie=OrganisatieFactory(), rollen=[Rol.AANDACHTSFUNCTIONARIS], with_totp=True
    )
    assert login(elders).get(url).status_code == 404


def test_survey_links_reach_each_address_once(request):
    e = request.getfixturevalue("enquete")
    assert services.enquete_links_send(enquete=e, adressen=["a@x.test", "A@x.test "]) == 1
    assert services.enquete_links_send(enquete=e, adressen=["a@x.test", "b@x.test"]) == 1
    e.refresh_from_db()
    assert e.links_verstuurd == 2


def test_a_survey_with_a_bad_address_is_refused(login, aandachtsfunctionaris):
    vl = Vragenlijst.objects.get(sleutel="organisaties")
    response = login(aandachtsfunctionaris).post(
        reverse("implementatie:evaluatie_enquetes"),
        {"vragenlijst": vl.pk, "titel": "Organisaties", "adressen": "a@x.test\ngeen-adres"},
    )
    assert response.status_code == 200
    assert "Geen geldig e-mailadres" in response.content.decode()
    assert not Bericht.objects.exists()
