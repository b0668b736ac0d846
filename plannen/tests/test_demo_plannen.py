"""The demo Ondersteuningsplannen of the run command (issue #4)."""

from django.core.management import call_command

from plannen.constants import ActieStatus, KrachtZorgSoort
from plannen.models import Actie, KrachtZorg, Ondersteuningsplan, Overleg, PlanVersie
from plannen.selectors import diff, mijn_acties, plan_with_everything, quality_issues, snapshot
from regie.management.commands.demo_data import demo_email
from regie.models import Bericht, User


def test_demo_plans_show_a_plan_at_work(db):
    call_command("demo_data")
    call_command("demo_huishoudens")
    call_command("demo_plannen")
    counts = (
        Ondersteuningsplan.objects.count(),
        PlanVersie.objects.count(),
        Actie.objects.count(),
        KrachtZorg.objects.count(),
    )
    overleg = Overleg.objects.get(traject__huishouden__naam="Familie Jansen")
    assert overleg.uitgenodigd_op and overleg.genodigden.filter(moet_aanwezig=True).exists()
    assert Bericht.objects.filter(sleutel__startswith=f"overleg:{overleg.uid}:").exists()
    call_command("demo_plannen")  # safe to run again: nothing is added
    assert Overleg.objects.count() == 1
    assert (
        Ondersteuningsplan.objects.count(),
        PlanVersie.objects.count(),
        Actie.objects.count(),
        KrachtZorg.objects.count(),
    ) == counts

    jansen = plan_with_everything(
        Ondersteuningsplan.objects.get(traject__huishouden__naam="Familie Jansen").pk
    )
    versie = jansen.versies.get()
    assert versie.nummer == 1 and versie.overleg == "Startoverleg"
    assert 2 <= jansen.doelen.count() <= 3
    assert jansen.krachten_zorgen.filter(citaat=True).exists()
    assert jansen.krachten_zorgen.filter(soort=KrachtZorgSoort.ZORG).exclude(wie="").exists()
    assert jansen.eerdere_hulp.count() == 1 and jansen.zorgen_veiligheid is False
    # The draft moved on since the startoverleg: an action's status and the summary.
    changed = {section for section, _old, _new in diff(versie.inhoud, snapshot(jansen))}
    assert {"doelen", "samenvatting"} <= changed
    assert Actie.objects.filter(doel__plan=jansen, status=ActieStatus.BEZIG).exists()

    karim = User.objects.get(email=demo_email("Karim", "El Amrani"))
    open_acties = list(mijn_acties(karim))
    assert len(open_acties) >= 2
    assert sum(a.te_laat for a in open_acties) == 1
    assert open_acties[0].te_laat  # overdue first

    bakker = Ondersteuningsplan.objects.get(traject__huishouden__naam="Familie Bakker")
    assert bakker.zorgen_veiligheid is True and not bakker.versies.exists()
    assert any("Veiligheidsplan" in issue for issue in quality_issues(bakker))


def test_demo_plans_need_the_demo_households(db, capsys):
    call_command("demo_data")
    call_command("demo_plannen")
    assert not Ondersteuningsplan.objects.exists()
    assert "demo_huishoudens" in capsys.readouterr().out
