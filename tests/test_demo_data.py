"""The demo data of the run command (issue #2)."""

from django.core.management import call_command

from regie.constants import OrganisatieSoort, Rol
from regie.management.commands.demo_data import DEMO_PASSWORD, GEMEENTEN
from regie.models import Gemeente, Organisatie, Regio, RoleAssignment, User


def test_demo_data_builds_the_region_with_every_kind_and_role(db, capsys):
    call_command("demo_data")
    regio = Regio.objects.get(naam="Hollands Midden")
    assert set(Gemeente.objects.filter(regio=regio).values_list("naam", flat=True)) == set(
        GEMEENTEN
    )
    assert set(Organisatie.objects.values_list("soort", flat=True)) == set(OrganisatieSoort.values)
    assert set(RoleAssignment.objects.values_list("rol", flat=True)) == set(Rol.values)
    assert all(u.is_demo and u.check_password(DEMO_PASSWORD) for u in User.objects.all())
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out and "petra.devries@demo.regie.test" in out


def test_demo_data_can_run_twice(db):
    call_command("demo_data")
    counts = (Organisatie.objects.count(), User.objects.count(), RoleAssignment.objects.count())
    call_command("demo_data")
    assert (
        Organisatie.objects.count(),
        User.objects.count(),
        RoleAssignment.objects.count(),
    ) == counts


def test_first_beheerder_of_a_fresh_installation(db, capsys):
    call_command(
        "beheerder_aanmaken",
        "--email",
        "Beheer@Gouda.nl",
        "--voornaam",
        "Bea",
        "--achternaam",
        "Heer",
        "--organisatie",
        "Gemeente Gouda",
        "--gemeente",
        "Gouda",
        "--regio",
        "Hollands Midden",
    )
    user = User.objects.get(email="beheer@gouda.nl")
    assert user.rollen == [Rol.BEHEERDER] and not user.has_usable_password()
    assert "/account/password/reset/key/" in capsys.readouterr().out


def test_demo_households_show_a_living_region(db):
    from huishoudens.constants import Fase
    from huishoudens.models import Traject

    call_command("demo_data")
    call_command("demo_huishoudens")
    fasen = set(Traject.objects.values_list("fase", flat=True))
    assert {
        Fase.INTAKE,
        Fase.STARTOVERLEG_VOORBEREIDEN,
        Fase.VOORTGANG,
        Fase.VOORTGANGSOVERLEG_UITVOEREN,
    } <= fasen
    assert Traject.objects.filter(signalen__afgesloten_op__isnull=True).exists()
    call_command("demo_huishoudens")
    assert Traject.objects.count() == 4
