"""The Veiligheidsplan: doelencheck, sections, schaalvraag over time, signing (#4)."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from plannen import schaalvraag, services
from plannen.models import Schaalscore
from plannen.selectors import plan_with_everything, quality_issues
from plannen.services import veiligheidsplan as veiligheid


@pytest.fixture
def vp(plan):
    return veiligheid.veiligheidsplan_start(plan=plan, namen="Anna en Marco Jansen")


def test_starting_adds_the_standard_goal_and_marks_safety_concerns(plan, vp):
    plan.refresh_from_db()
    assert plan.zorgen_veiligheid is True
    assert plan.doelen.filter(
        tekst="Wij, Anna en Marco Jansen, houden ons aan de veiligheidsafspraken van dit veiligheidsplan."
    ).exists()
    assert "nog geen Veiligheidsplan" not in " ".join(quality_issues(plan_with_everything(plan.pk)))


def test_quality_panel_asks_for_a_veiligheidsplan_when_safety_is_a_concern(plan):
    plan.zorgen_veiligheid = True
    plan.save()
    assert "nog geen Veiligheidsplan" in " ".join(quality_issues(plan_with_everything(plan.pk)))


def test_scores_are_0_to_10(vp):
    with pytest.raises(IntegrityError), transaction.atomic():
        Schaalscore.objects.create(
            veiligheidsplan=vp, overleg="x", datum=datetime.date.today(), naam="A", score=11
        )


def test_score_form_refuses_11_in_dutch(login, procesregisseur, traject, vp):
    response = login(procesregisseur).post(
        reverse("plannen:score", args=[traject.pk]),
        {"overleg": "Startoverleg", "datum": "2026-11-01", "naam": "Anna", "score": "11"},
        follow=True,
    )
    assert (
        "kleiner dan of gelijk aan 10" in response.content.decode()
        or "0 tot en met 10" in response.content.decode()
    )
    assert not vp.scores.exists()


def test_chart_shows_each_person_over_time_with_the_range(login, procesregisseur, traject, vp):
    for datum, overleg, scores in [
        ("2026-09-01", "Startoverleg", {"Anna": 3, "Marco": 5, "Karim": 2}),
        ("2026-10-15", "Voortgangsoverleg 1", {"Anna": 5, "Marco": 6, "Karim": 4}),
    ]:
        for naam, score in scores.items():
            veiligheid.score_add(
                vp=vp,
                overleg=overleg,
                datum=datetime.date.fromisoformat(datum),
                naam=naam,
                score=score,
            )
    chart = schaalvraag.score_chart(list(vp.scores.all()))
    assert [lijn["naam"] for lijn in chart["lijnen"]] == ["Anna", "Marco", "Karim"]
    assert len({lijn["marker"] for lijn in chart["lijnen"]}) == 3  # shapes, not only colours
    assert [(b["min"], b["max"]) for b in chart["bereik"]] == [(2, 5), (4, 6)]
    html = (
        login(procesregisseur)
        .get(reverse("plannen:veiligheidsplan", args=[traject.pk]))
        .content.decode()
    )
    assert "<svg" in html and "Schaalvraag: cijfers per overleg" in html  # chart and its table


def test_signing_records_the_hash_of_the_fixed_version(login, procesregisseur, traject, vp, plan):
    veiligheid.afspraak_add(
        vp=vp,
        minimaal="Geen geweld",
        concreet="Marco belt Riet als de spanning oploopt",
        toezicht="Karim",
    )
    versie = services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")
    assert versie.inhoud["veiligheidsplan"]["afspraken"][0]["toezicht"] == "Karim"
    client = login(procesregisseur)
    client.post(
        reverse("plannen:ondertekenen", args=[traject.pk, versie.nummer]),
        {"naam": "Anna Jansen", "hoedanigheid": "klant", "wijze": "papier"},
    )
    client.post(
        reverse("plannen:ondertekenen", args=[traject.pk, versie.nummer]),
        {"naam": procesregisseur.get_full_name(), "hoedanigheid": "professional", "wijze": "app"},
    )
    handtekeningen = list(versie.ondertekeningen.all())
    assert [h.inhoud_hash for h in handtekeningen] == [versie.inhoud_hash] * 2
    assert handtekeningen[1].user == procesregisseur and handtekeningen[0].user is None
    # The signed content is what the hash says, and it cannot change.
    assert services.content_hash(versie.inhoud) == versie.inhoud_hash
    with pytest.raises(ValueError):
        versie.save()


def test_vp_edit_conflict_keeps_both_texts(login, procesregisseur, casusregisseur, traject, vp):
    url = reverse("plannen:veiligheidsplan", args=[traject.pk])
    login(procesregisseur).post(url, {"revisie": 0, "grootste_zorg": "Dat Yassin gewond raakt"})
    response = login(casusregisseur).post(
        url, {"revisie": 0, "grootste_zorg": "Dat moeder vertrekt"}
    )
    html = response.content.decode()
    assert (
        response.status_code == 409
        and "Dat Yassin gewond raakt" in html
        and "Dat moeder vertrekt" in html
    )


def test_the_standard_goal_is_marked_not_found_by_its_words(login, procesregisseur, traject, plan):
    """Issue #13: the page found the standard goal by matching a piece of its text, so a goal
    typed with the same words counted as the standard goal. Starting marks it instead."""
    from plannen.models import Veiligheidsplan

    Veiligheidsplan.objects.create(plan=plan)
    services.doel_add(
        plan=plan, tekst="Wij houden ons aan de veiligheidsafspraken van dit veiligheidsplan."
    )
    url = reverse("plannen:veiligheidsplan", args=[traject.pk])
    client = login(procesregisseur)
    assert client.get(url).context["standaard_doel_aanwezig"] is False


def test_starting_marks_the_standard_goal(login, procesregisseur, traject, plan, vp):
    """Issue #13: the goal the start adds carries the marker the page looks for."""
    assert [d.tekst for d in plan.doelen.filter(standaarddoel=True)] == [
        "Wij, Anna en Marco Jansen, houden ons aan de veiligheidsafspraken van dit veiligheidsplan."
    ]
    url = reverse("plannen:veiligheidsplan", args=[traject.pk])
    assert login(procesregisseur).get(url).context["standaard_doel_aanwezig"] is True
