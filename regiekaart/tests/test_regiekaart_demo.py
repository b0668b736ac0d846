"""The demo regiekaart of the run command (issue #6)."""

from django.core.management import call_command

from regie.management.commands.demo_data import demo_email
from regie.models import User
from regiekaart.models import KaartInvulling, Opschaling, Vaststelling
from regiekaart.selectors import niveau_stand, open_escalaties


def test_demo_trajecten_have_levels_and_one_open_escalation(db):
    call_command("demo_data")
    call_command("demo_huishoudens")
    call_command("demo_plannen")
    call_command("demo_regiekaart")
    call_command("demo_regiekaart")  # safe to run again: nothing is added
    assert Vaststelling.objects.count() == 1
    assert KaartInvulling.objects.count() == 7

    levels = {
        o.traject.huishouden.naam: niveau_stand(o.traject)[0]
        for o in Opschaling.objects.select_related("traject__huishouden")
    }
    assert levels == {"Familie El Idrissi": 3, "Familie Bakker": 4}
    (open_row,) = Opschaling.objects.open()
    assert open_row.traject.huishouden.naam == "Familie El Idrissi"

    marieke = User.objects.get(email=demo_email("Marieke", "Jansen"))
    marieke.active_role = "manager"
    assert list(open_escalaties(marieke)) == [open_row]
