"""Demo implementation plans (issue #14): the demo aandachtsfunctionaris (MEE Midden-Holland)
and agendahouder (Gemeente Gouda) each get the 2025 plan for the current year with a few
items under way, one of them past its date. Run by `manage.py demo_data`; safe to run again
(a plan that exists is left as it is)."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from implementatie import services
from implementatie.models import Implementatieplan, PlanItem, Sjabloon
from implementatie.policy import eigen_plan_scope
from regie.constants import Rol
from regie.models import User

DEMO = [
    (
        "anouk.bakker@demo.regie.test",
        Rol.AANDACHTSFUNCTIONARIS,
        {
            "A-O1": ("gereed", "Regiemodel vastgesteld in het MT", "Directeur", -60),
            "B-O2": ("bezig", "Competentieprofielen in de vacatureteksten", "HR-adviseur", -7),
            "D-O3": ("bezig", "Intervisie elke zes weken", "Anouk Bakker", 45),
        },
    ),
    (
        "gert.visser@demo.regie.test",
        Rol.AGENDAHOUDER,
        {
            "A-G1": ("gereed", "Collegebesluit regiemodel", "Wethouder sociaal domein", -90),
            "C-G1": ("bezig", "Bijeenkomst voor aanbieders", "Gert Visser", 20),
        },
    ),
]


class Command(BaseCommand):
    help = "Maakt een demo-implementatieplan voor de demo-aandachtsfunctionaris en -agendahouder."

    @transaction.atomic
    def handle(self, *args, **options):
        sjabloon = Sjabloon.objects.get(standaard=True)
        vandaag = timezone.localdate()
        for email, rol, items in DEMO:
            user = User.objects.filter(email=email).first()
            if user is None:
                continue
            user.active_role = rol
            scope = eigen_plan_scope(user)
            if Implementatieplan.objects.binnen(scope).filter(niveau=scope.niveau).exists():
                continue
            plan = services.plan_create(
                sjabloon=sjabloon, scope=scope, door=user, jaar=vandaag.year
            )
            for sleutel, (status, actie, wie, dagen) in items.items():
                item = PlanItem.objects.get(ronde__plan=plan, sleutel=sleutel)
                services.item_update(
                    item=item,
                    door=user,
                    status=status,
                    actie=actie,
                    verantwoordelijke=wie,
                    planning=vandaag + datetime.timedelta(days=dagen),
                )
            self.stdout.write(f"  Implementatieplan voor {plan.eigenaar} ({email})")
