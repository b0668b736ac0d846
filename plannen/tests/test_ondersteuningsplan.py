"""The Ondersteuningsplan: draft, versions fixed per overleg, conflicts, quality, my actions (#4)."""

import datetime

import pytest
from django.urls import reverse

from plannen import services
from plannen.constants import ActieStatus, KrachtZorgSoort
from plannen.models import Actie, PlanVersie
from plannen.selectors import diff, quality_issues, sections
from plannen.services import overleg_plan
from regie.constants import AuditActie
from regie.models import AuditEntry
from tests.factories import TrajectFactory


def test_sections_carry_the_quality_criteria_of_the_seed():
    assert sections()["krachten"]["criterium"].startswith(
        "Beschrijf de krachten, dat wat er goed gaat."
    )
    assert "wie doet wat wanneer" in sections()["acties"]["criterium"]


def test_fixing_a_version_snapshots_every_section_and_never_changes(plan, procesregisseur):
    versie = services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg 12 maart")
    assert versie.nummer == 1 and len(versie.inhoud_hash) == 64
    assert list(versie.inhoud)[:4] == ["datum", "contactgegevens", "gezinsleden", "procesregisseur"]
    assert versie.inhoud["doelen"][0]["acties"][0]["wat"] == "Aanmelden bij schuldhulpverlening"
    assert versie.inhoud["procesregisseur"]["naam"] == procesregisseur.get_full_name()
    # The draft moves on; the fixed version does not.
    services.plan_sections_save(
        plan=plan, revisie=plan.revisie, door=procesregisseur, aanleiding="Nieuw"
    )
    assert PlanVersie.objects.get(pk=versie.pk).inhoud["aanleiding"] == ""
    versie.overleg = "anders"
    with pytest.raises(ValueError):
        versie.save()
    assert (
        services.plan_fix(plan=plan, door=procesregisseur, overleg="Voortgangsoverleg").nummer == 2
    )


def test_what_changed_since_the_last_overleg(plan, procesregisseur):
    een = services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")
    services.plan_sections_save(
        plan=plan, revisie=0, door=procesregisseur, gewenst_resultaat="Rust in huis"
    )
    twee = services.plan_fix(plan=plan, door=procesregisseur, overleg="Voortgangsoverleg")
    changed = {section for section, _old, _new in diff(een.inhoud, twee.inhoud)}
    assert changed == {"gewenst_resultaat"}


def test_a_second_save_from_an_old_revision_is_a_conflict(plan, procesregisseur, casusregisseur):
    services.plan_sections_save(
        plan=plan, revisie=0, door=procesregisseur, aanleiding="Petra's tekst"
    )
    with pytest.raises(services.PlanConflict) as conflict:
        services.plan_sections_save(
            plan=plan, revisie=0, door=casusregisseur, aanleiding="Karim's tekst"
        )
    assert conflict.value.current.aanleiding == "Petra's tekst"
    plan.refresh_from_db()
    assert plan.aanleiding == "Petra's tekst" and plan.revisie == 1


def test_conflict_in_the_browser_keeps_both_texts(
    login, plan, procesregisseur, casusregisseur, traject
):
    url = reverse("plannen:teksten", args=[traject.pk])
    login(procesregisseur).post(url, {"revisie": 0, "aanleiding": "Tekst van Petra"})
    response = login(casusregisseur).post(url, {"revisie": 0, "aanleiding": "Tekst van Karim"})
    html = response.content.decode()
    assert response.status_code == 409
    assert "Tekst van Petra" in html and "Tekst van Karim" in html
    assert "Een collega heeft het plan intussen opgeslagen." in html


def test_quality_panel_names_what_is_missing(plan, doel):
    services.doel_add(plan=plan, tekst="Daan gaat weer naar school.")
    services.kracht_zorg_add(plan=plan, soort=KrachtZorgSoort.ZORG, wat="Ruzie over geld", wie="")
    Actie.objects.filter(doel=doel).update(wanneer=None)
    plan.zorgen_veiligheid = True
    issues = " ".join(quality_issues(plan))
    assert "De aanleiding, vraag of zorg is nog niet beschreven." in issues
    assert "“Daan gaat weer naar school.” heeft nog geen actie" in issues
    assert "staat niet wanneer" in issues
    assert "staat niet wie de zorg omschrijft" in issues
    assert "nog geen Veiligheidsplan" in issues


def test_an_action_needs_who(login, procesregisseur, traject, doel):
    response = login(procesregisseur).post(
        reverse("plannen:actie", args=[traject.pk, doel.pk]),
        {"wat": "Bellen met school"},
        follow=True,
    )
    assert "Vul in wie de actie uitvoert" in response.content.decode()
    assert doel.acties.count() == 1


def test_casusregisseur_updates_an_action_inline(login, casusregisseur, plan_actie):
    client = login(casusregisseur)
    page = client.get(reverse("plannen:mijn_acties")).content.decode()
    assert "Aanmelden bij schuldhulpverlening" in page
    response = client.post(
        reverse("plannen:actie_bijwerken", args=[plan_actie.pk]),
        {"status": ActieStatus.GEDAAN, "notitie": "Intake op 3 december"},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in response.content.decode() and "Bijgewerkt." in response.content.decode()
    plan_actie.refresh_from_db()
    assert (plan_actie.status, plan_actie.notitie, plan_actie.bijgewerkt_door) == (
        ActieStatus.GEDAAN,
        "Intake op 3 december",
        casusregisseur,
    )
    assert (
        "Aanmelden bij schuldhulpverlening"
        not in client.get(reverse("plannen:mijn_acties")).content.decode()
    )


def test_mijn_acties_overdue_first_and_constant_queries(
    login, casusregisseur, procesregisseur, django_assert_max_num_queries
):
    client = login(casusregisseur)
    vandaag = datetime.date.today()

    def add_actions(n):
        for i in range(n):
            traject = TrajectFactory(casusregisseurs=[casusregisseur])
            plan = services.plan_ensure(traject=traject)
            doel = services.doel_add(plan=plan, tekst=f"Doel {i}")
            services.actie_add(
                doel=doel,
                door=procesregisseur,
                wat=f"Actie {i}",
                wie_user=casusregisseur,
                wanneer=vandaag + datetime.timedelta(days=i - 2),
            )

    add_actions(3)
    client.get(reverse("plannen:mijn_acties"))
    with django_assert_max_num_queries(20) as few:
        page = client.get(reverse("plannen:mijn_acties")).context["page"]
    assert page.object_list[0].te_laat and page.object_list[0].wat == "Actie 0"
    add_actions(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("plannen:mijn_acties"))


def test_plan_reads_are_audited(login, casusregisseur, traject, planversie):
    client = login(casusregisseur)
    client.get(reverse("plannen:versie", args=[traject.pk, planversie.nummer]))
    row = AuditEntry.objects.latest("id")
    assert (row.action, row.object_type, row.household_id) == (
        AuditActie.READ,
        "plannen.PlanVersie",
        traject.huishouden_id,
    )


def test_an_action_of_another_household_is_a_404(login, buitenstaander, plan_actie):
    response = login(buitenstaander).post(
        reverse("plannen:actie_bijwerken", args=[plan_actie.pk]), {"status": "gedaan"}
    )
    assert response.status_code == 404
    assert AuditEntry.objects.latest("id").outcome == "denied"


def test_compare_offers_the_draft_against_the_last_version(
    login, procesregisseur, traject, planversie, plan
):
    services.plan_sections_save(
        plan=plan, revisie=plan.revisie, door=procesregisseur, samenvatting="Goed bezig"
    )
    response = login(procesregisseur).get(reverse("plannen:vergelijk", args=[traject.pk]))
    assert [section for section, _o, _n in response.context["verschillen"]] == ["Samenvatting"]


def test_regisseur_records_a_members_action_and_plans_the_next_overleg(
    login, procesregisseur, traject, doel, plan
):
    client = login(procesregisseur)
    client.post(
        reverse("plannen:actie", args=[traject.pk, doel.pk]),
        {
            "wat": "Oma Riet haalt Daan op van school",
            "wie": "Riet van Dam",
            "wanneer": "2026-12-05",
        },
    )
    actie = doel.acties.get(wie="Riet van Dam")
    response = client.post(
        reverse("plannen:actie_bijwerken", args=[actie.pk]),
        {"status": "bezig", "notitie": "", "terug": "plan"},
    )
    assert response["Location"].endswith(f"#doel-{doel.pk}")
    actie.refresh_from_db()
    assert actie.status == ActieStatus.BEZIG and actie.bijgewerkt_door == procesregisseur
    volgende = overleg_plan(
        traject=traject,
        door=procesregisseur,
        genodigden=[],
        soort="voortgang",
        datum=datetime.date.today() + datetime.timedelta(days=30),
        begin=datetime.time(10),
        eind=datetime.time(11, 30),
        locatie="Stadhuis",
    )
    versie = services.plan_fix(plan=plan, door=procesregisseur, overleg="Startoverleg")
    assert versie.inhoud["planning_overleg"] == [
        {
            "overleg": "Voortgangsoverleg",
            "datum": volgende.datum.isoformat(),
            "tijd": "10:00–11:30",
            "locatie": "Stadhuis",
        }
    ]


def test_actions_name_only_people_involved_and_the_page_reads_them_once(
    login, procesregisseur, casusregisseur, buitenstaander, plan
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(procesregisseur)
    url = reverse("plannen:plan", args=[plan.traject_id])
    doel = plan.doelen.first()
    response = client.get(
        reverse("plannen:actie", args=[plan.traject_id, doel.pk]), headers={"HX-Request": "true"}
    )
    form = response.context["form"]
    keuzes = {value for value, _label in form.fields["wie_user"].choices if value}
    assert {procesregisseur.pk, casusregisseur.pk} <= keuzes
    assert buitenstaander.pk not in keuzes, "no list of every user in the system"

    with CaptureQueriesContext(connection) as weinig:
        client.get(url)
    for n in range(5):
        services.doel_add(plan=plan, tekst=f"Extra doel {n}")
    with CaptureQueriesContext(connection) as veel:
        client.get(url)
    assert len(veel) == len(weinig), "one query per page, not per goal"


def test_opening_the_plan_or_the_veiligheidsplan_writes_nothing(login, procesregisseur, traject):
    """Issue #13: a GET created the plan. The empty draft shows without a row in the
    database; the first form that is posted creates it."""
    from plannen.models import Ondersteuningsplan

    client = login(procesregisseur)
    response = client.get(reverse("plannen:plan", args=[traject.pk]))
    assert response.status_code == 200
    assert "De aanleiding, vraag of zorg is nog niet beschreven." in response.content.decode()
    veiligheidsplan = client.get(reverse("plannen:veiligheidsplan", args=[traject.pk]))
    assert veiligheidsplan.status_code == 200
    assert not Ondersteuningsplan.objects.filter(traject=traject).exists()

    client.post(
        reverse("plannen:teksten", args=[traject.pk]),
        {"revisie": 0, "aanleiding": "Ouders vragen hulp bij schulden."},
    )
    plan = Ondersteuningsplan.objects.get(traject=traject)
    assert plan.aanleiding == "Ouders vragen hulp bij schulden." and plan.revisie == 1


def test_the_plan_page_loads_an_action_form_only_when_asked(
    login, procesregisseur, buitenstaander, plan
):
    """Issue #15: a plan with 23 goals rendered 23 action forms (44% of the page's time). The
    page links to the form; HTMX loads it into the goal, without JavaScript it is a page."""
    from regie.models import AuditEntry

    client = login(procesregisseur)
    doel = plan.doelen.first()
    page = client.get(reverse("plannen:plan", args=[plan.traject_id])).content.decode()
    assert f'id="actie-{doel.pk}-wat"' not in page
    url = reverse("plannen:actie", args=[plan.traject_id, doel.pk])
    assert f'hx-get="{url}"' in page and f'href="{url}"' in page

    fragment = client.get(url, headers={"HX-Request": "true"})
    assert f'id="actie-{doel.pk}-wat"' in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    assert AuditEntry.objects.filter(
        household_id=plan.traject.huishouden_id, detail=f"actieformulier doel {doel.pk}"
    ).exists()
    full = client.get(url).content.decode()
    assert "<html" in full and f'id="actie-{doel.pk}-wat"' in full and 'id="plan-mensen"' in full

    assert login(buitenstaander).get(url).status_code == 404


@pytest.mark.parametrize("wat", ["status", "bereikt"])
def test_the_plan_page_shows_goals_and_actions_read_only_and_loads_a_form_when_asked(
    wat, login, procesregisseur, buitenstaander, plan
):
    """Issue #15: per goal a "bereikt" form and per action a status form made a 23-goal plan
    heavy. The page shows both as text with a link; HTMX loads the form in place, without
    JavaScript the link opens it as a page. Opening a form is a read of the plan (logged),
    and someone not involved gets a 404."""
    from regie.models import AuditEntry

    client = login(procesregisseur)
    doel = plan.doelen.first()
    actie = doel.acties.first()
    if wat == "status":
        url = reverse("plannen:actie_bijwerken", args=[actie.pk])
        veld, detail = f'id="status-{actie.pk}"', f"actie {actie.pk} status"
    else:
        url = reverse("plannen:doel_bereikt", args=[plan.traject_id, doel.pk])
        veld, detail = f'id="bereikt-{doel.pk}"', f"doel {doel.pk} bereikt"
    page = client.get(reverse("plannen:plan", args=[plan.traject_id])).content.decode()
    assert veld not in page
    assert f'hx-get="{url}"' in page and f'href="{url}"' in page

    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert veld in fragment and "<html" not in fragment and "autofocus" in fragment
    assert AuditEntry.objects.filter(
        household_id=plan.traject.huishouden_id, detail=detail
    ).exists()
    full = client.get(url).content.decode()
    assert "<html" in full and veld in full and "Terug naar het plan" in full

    assert login(buitenstaander).get(url).status_code == 404


@pytest.mark.parametrize(
    ("naam", "veld"),
    [
        ("kracht_zorg", 'id="krachten-zorgen-soort"'),
        ("eerdere_hulp", 'id="eerdere-hulp-hulp"'),
        ("doel", 'id="doelen-tekst"'),
    ],
)
def test_the_add_forms_of_the_plan_page_load_when_their_section_is_opened(
    naam, veld, login, procesregisseur, buitenstaander, plan
):
    """Issue #15: the plan page rendered five crispy forms on every view. The three
    "toevoegen" sections load their form when opened (HTMX), or open it as a page."""
    client = login(procesregisseur)
    url = reverse(f"plannen:{naam}", args=[plan.traject_id])
    page = client.get(reverse("plannen:plan", args=[plan.traject_id])).content.decode()
    assert veld not in page
    assert f'hx-get="{url}" hx-trigger="toggle once"' in page and f'href="{url}"' in page
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert veld in fragment and "<html" not in fragment and "autofocus" in fragment
    full = client.get(url).content.decode()
    assert "<html" in full and veld in full and "Terug naar het plan" in full
    assert login(buitenstaander).get(url).status_code == 404


@pytest.mark.parametrize("naam", ["kracht_zorg", "eerdere_hulp", "doel"])
def test_opening_an_add_form_of_a_plan_nobody_started_creates_nothing(
    naam, login, procesregisseur, traject
):
    """Issue #13 for the forms of issue #15: a GET creates no plan."""
    from plannen.models import Ondersteuningsplan

    response = login(procesregisseur).get(
        reverse(f"plannen:{naam}", args=[traject.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert not Ondersteuningsplan.objects.filter(traject=traject).exists()
