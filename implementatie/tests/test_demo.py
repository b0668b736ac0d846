"""The demo plans (issue #14): `demo_data` gives the demo aandachtsfunctionaris and
agendahouder a plan with items under way; a second run changes nothing."""

import pytest
from django.core.management import call_command

from implementatie.models import Implementatieplan, ItemWijziging

pytestmark = pytest.mark.django_db


def test_demo_data_gives_the_beleidsregie_roles_a_plan_once():
    call_command("demo_data")
    plannen = Implementatieplan.objects.order_by("niveau")
    assert [(p.niveau, p.eigenaar) for p in plannen] == [
        ("gemeente", "Gouda"),
        ("organisatie", "MEE Midden-Holland"),
    ]
    changes = ItemWijziging.objects.count()
    assert changes > 0
    call_command("demo_data")
    assert (Implementatieplan.objects.count(), ItemWijziging.objects.count()) == (2, changes)
