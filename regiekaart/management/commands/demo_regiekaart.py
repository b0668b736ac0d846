"""Demo regiekaart for the run command (after `demo_data`, `demo_huishoudens`, `demo_plannen`).

The region adopted the card and filled in its named people; the demo trajecten get levels
through `regiekaart.services`: Familie Jansen is assessed and stays on level 2, Familie El
Idrissi is escalated to level 3 (the open escalation Marieke, Petra's manager, sees on her
start page), Familie Bakker went to level 4 with the Zorg- en Veiligheidshuis and that
escalation is resolved. Familie de Wit has no procesregisseur yet and keeps the start level.
Safe to run again: nothing is added once a demo traject has an assessment. All names are
invented.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction

from huishoudens.models import Traject
from regie.management.commands.demo_data import REGIO, demo_email
from regie.models import Gemeente, Organisatie, Regio, User
from regiekaart import services
from regiekaart.constants import KaartRol
from regiekaart.models import Beoordeling
from regiekaart.selectors import niveau_stand

# (gemeente or organisatie, rol, naam, toelichting, contact)
NAMEN = [
    (
        "gemeente",
        "Gouda",
        KaartRol.WETHOUDER,
        "Karin van Dijk",
        "wethouder Jeugd en Zorg",
        "0182-588 100",
    ),
    ("gemeente", "Gouda", KaartRol.BURGEMEESTER, "Willem Rietveld", "burgemeester", "0182-588 000"),
    ("gemeente", "Gouda", KaartRol.AMBTENAAR_IVZ, "Esra Koç", "ambtenaar IVZ", "0182-588 230"),
    (
        "gemeente",
        "Leiden",
        KaartRol.WETHOUDER,
        "Hans Dekker",
        "wethouder Sociaal Domein",
        "071-516 5000",
    ),
    ("gemeente", "Leiden", KaartRol.BURGEMEESTER, "Ingrid Bosman", "burgemeester", "071-516 5001"),
    (
        "organisatie",
        "Sociaal Team Gouda",
        KaartRol.MANAGER,
        "Marieke Jansen",
        "teammanager",
        "marieke.jansen@demo.regie.test",
    ),
    (
        "organisatie",
        "Zorg- en Veiligheidshuis Hollands Midden",
        KaartRol.KETENMANAGER_ZVH,
        "Ruud Vermeulen",
        "ketenmanager",
        "088-123 4567",
    ),
]


def _user(first: str, last: str) -> User:
    return User.objects.get(email=demo_email(first, last))


def _traject(naam: str) -> Traject | None:
    return (
        Traject.objects.filter(huishouden__naam=naam, gesloten_op__isnull=True)
        .select_related("huishouden")
        .order_by("-aangemeld_op")
        .first()
    )


def _criteria(**toelichting: str) -> dict[str, tuple[bool, str]]:
    return {code: (True, tekst) for code, tekst in toelichting.items()}


class Command(BaseCommand):
    help = "Geeft de demotrajecten een niveau op de regiekaart en één open escalatie."

    @transaction.atomic
    def handle(self, *args, **options):
        jansen, idrissi, bakker = (
            _traject(n) for n in ("Familie Jansen", "Familie El Idrissi", "Familie Bakker")
        )
        if None in (jansen, idrissi, bakker):
            self.stdout.write("Geen demotrajecten gevonden: voer eerst demo_huishoudens uit.")
            return
        if Beoordeling.objects.filter(traject__in=[jansen, idrissi, bakker]).exists():
            self.stdout.write("De demo-regiekaart bestaat al.")
            return
        bram = _user("Bram", "Smit")
        petra = _user("Petra", "de Vries")
        sanne = _user("Sanne", "Mulder")

        services.vaststelling_record(
            regio=Regio.objects.get(naam=REGIO),
            vastgesteld_op=datetime.date(2026, 3, 12),
            besluit="Regionaal managementoverleg Hollands Midden, besluit 2026-14",
            door=bram,
        )
        for soort, van, rol, naam, toelichting, contact in NAMEN:
            plek = (
                {"gemeente": Gemeente.objects.get(naam=van)}
                if soort == "gemeente"
                else {"organisatie": Organisatie.objects.get(naam=van)}
            )
            services.kaartinvulling_save(
                door=bram, rol=rol, naam=naam, toelichting=toelichting, contact=contact, **plek
            )

        basis = {
            "D": "Ouders zijn uitgeput door de geldzorgen.",
            "Z": "Post en rekeningen blijven liggen.",
            "B": "Schuldhulp en steun bij de opvoeding zijn nodig.",
        }
        self._besluit(jansen, petra, _criteria(**basis), 2)
        self._besluit(
            idrissi,
            petra,
            _criteria(
                D="Moeder staat er alleen voor en is bang.",
                Z="Moeder zoekt zelf geen hulp meer.",
                B="Er is meer hulp nodig dan het sociaal team biedt.",
                O="De wijkagent meldt herhaaldelijk ruzie en geschreeuw.",
            ),
            3,
        )
        bakker_op = self._besluit(
            bakker,
            sanne,
            _criteria(
                D="Vader is overbelast.",
                Z="Het gezin regelt weinig zelf.",
                B="Meerdere ketenpartners zijn nodig.",
                O="Veilig Thuis meldt huiselijk geweld.",
                K="Politie, Veilig Thuis en jeugdhulp moeten samen de veiligheid herstellen.",
            ),
            4,
        )
        services.opschaling_resolve(
            opschaling=bakker_op,
            door=sanne,
            oplossing="Het Zorg- en Veiligheidshuis voert de procesregie; het casusoverleg is gepland.",
        )
        self.stdout.write(
            self.style.SUCCESS(
                "Regiekaart vastgesteld; Familie Jansen op niveau 2, Familie El Idrissi op "
                "niveau 3 (open escalatie), Familie Bakker op niveau 4."
            )
        )

    @staticmethod
    def _besluit(traject, door, criteria, naar):
        return services.opschaling_decide(
            traject=traject,
            door=door,
            verwacht_niveau=niveau_stand(traject)[0],
            criteria=criteria,
            naar_niveau=naar,
        ).opschaling
