"""Demo households and trajecten for the run command (after `demo_data`).

Four households in different phases, so a newcomer sees a living region: Petra runs two
trajecten (one with a safety signal), one aanmelding still lacks a procesregisseur, and the
Zorg- en Veiligheidshuis runs a traject at phase 5b. Safe to run again: nothing is added
when the demo households exist. All names are invented.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction

from huishoudens import services
from huishoudens.constants import Fase, TrajectRol
from huishoudens.models import Huishouden, Netwerklid, StartCriterium
from regie.management.commands.demo_data import demo_email
from regie.models import Gemeente, User

ROUTE = [
    Fase.INTAKE,
    Fase.STARTOVERLEG_VOORBEREIDEN,
    Fase.STARTOVERLEG_UITVOEREN,
    Fase.VOORTGANG,
    Fase.VOORTGANGSOVERLEG_VOORBEREIDEN,
    Fase.VOORTGANGSOVERLEG_UITVOEREN,
]

HUISHOUDENS = [
    {
        "naam": "Familie Jansen",
        "adres": "Lange Tiendeweg 12",
        "postcode": "2801 KH",
        "gemeente": "Gouda",
        "leden": [
            ("Marco", "Jansen", "m", (1982, 3, 14), "ouder", ""),
            ("Ilse", "Jansen", "v", (1985, 9, 2), "ouder", ""),
            ("Daan", "Jansen", "m", (2012, 6, 21), "kind", "beide_ouders"),
            ("Noor", "Jansen", "v", (2016, 1, 8), "kind", "beide_ouders"),
        ],
        "vraag": "Ouders willen hulp bij oplopende schulden en bij de opvoeding van Daan (wil niet naar school).",
        "melder": "Huisarts Pietersen",
        "fase": Fase.VOORTGANG,
        "veilig": False,
        "proces": ("Petra", "de Vries"),
        "casus": [(("Karim", "El Amrani"), ["inkomen", "wonen"])],
        "netwerk": [("Riet van Dam", "oma (moeder van Ilse)", ["praktisch", "emotioneel"])],
    },
    {
        "naam": "Familie El Idrissi",
        "adres": "Goudsewagenstraat 4",
        "postcode": "2802 AB",
        "gemeente": "Gouda",
        "leden": [
            ("Samira", "El Idrissi", "v", (1990, 4, 30), "ouder", ""),
            ("Yassin", "El Idrissi", "m", (2019, 11, 3), "kind", "moeder"),
        ],
        "vraag": "Wijkagent meldt herhaaldelijk ruzie en geschreeuw; moeder wil hulp maar is bang.",
        "melder": "Wijkagent Gouda-Oost",
        "fase": Fase.STARTOVERLEG_VOORBEREIDEN,
        "veilig": True,
        "proces": ("Petra", "de Vries"),
        "casus": [(("Lotte", "Verbeek"), ["gezondheid"])],
        "netwerk": [],
    },
    {
        "naam": "Familie de Wit",
        "adres": "Kerkweg 8",
        "postcode": "2741 HA",
        "gemeente": "Waddinxveen",
        "leden": [("Henk", "de Wit", "m", (1958, 7, 17), "ouder", "")],
        "vraag": "Buurvrouw maakt zich zorgen: meneer komt nauwelijks buiten en de post stapelt zich op.",
        "melder": "Buurvrouw via het wijkteam",
        "fase": Fase.INTAKE,
        "veilig": False,
        "proces": None,
        "casus": [],
        "netwerk": [("Joke Smit", "buurvrouw", ["praktisch"])],
    },
    {
        "naam": "Familie Bakker",
        "adres": "Breestraat 40",
        "postcode": "2311 CS",
        "gemeente": "Leiden",
        "leden": [
            ("Kevin", "Bakker", "m", (1987, 2, 11), "ouder", ""),
            ("Mila", "Bakker", "v", (2010, 5, 5), "kind", "vader"),
        ],
        "vraag": "Veilig Thuis: zorgen over huiselijk geweld en overlast; meerdere ketenpartners betrokken.",
        "melder": "Veilig Thuis Hollands Midden",
        "fase": Fase.VOORTGANGSOVERLEG_UITVOEREN,
        "veilig": True,
        "proces": ("Sanne", "Mulder"),
        "casus": [(("Tom", "Hendriks"), ["veiligheid"])],
        "netwerk": [],
    },
]


def _user(naam):
    return User.objects.get(email=demo_email(*naam))


class Command(BaseCommand):
    help = "Maakt demohuishoudens met trajecten in verschillende fasen (na demo_data)."

    @transaction.atomic
    def handle(self, *args, **options):
        if Huishouden.objects.filter(naam__in=[h["naam"] for h in HUISHOUDENS]).exists():
            self.stdout.write("Demohuishoudens bestaan al.")
            return
        petra = _user(("Petra", "de Vries"))
        services.startcriterium_add(
            organisatie=petra.organisatie,
            tekst="Er zijn problematische schulden en er is ook hulp nodig op een ander leefgebied.",
        )
        for spec in HUISHOUDENS:
            door = _user(spec["proces"]) if spec["proces"] else petra
            eerste, *rest = spec["leden"]
            huishouden = services.huishouden_create(
                door=door,
                lid=self._lid(eerste),
                naam=spec["naam"],
                adres=spec["adres"],
                postcode=spec["postcode"],
                woonplaats=spec["gemeente"],
                gemeente=Gemeente.objects.get(naam=spec["gemeente"]),
            )
            for lid in rest:
                services.gezinslid_save(huishouden=huishouden, **self._lid(lid))
            for naam, rol, steun in spec["netwerk"]:
                Netwerklid.objects.create(huishouden=huishouden, naam=naam, rol=rol, steun=steun)
            traject = services.aanmelding_create(
                huishouden=huishouden,
                door=door,
                vraag=spec["vraag"],
                melder_naam=spec["melder"],
                zorgen_veiligheid=spec["veilig"],
            )
            if spec["proces"]:
                services.regisseur_assign(
                    traject=traject, user=door, rol=TrajectRol.PROCESREGISSEUR, door=door
                )
            for naam, gebieden in spec["casus"]:
                services.regisseur_assign(
                    traject=traject,
                    user=_user(naam),
                    rol=TrajectRol.CASUSREGISSEUR,
                    door=door,
                    leefgebieden=gebieden,
                )
            self._walk(traject, door, spec["fase"])
        self.stdout.write(
            self.style.SUCCESS(f"{len(HUISHOUDENS)} demohuishoudens met trajecten staan klaar.")
        )

    @staticmethod
    def _lid(spec):
        voornaam, achternaam, geslacht, (j, m, d), rol, gezag = spec
        return {
            "voornaam": voornaam,
            "achternaam": achternaam,
            "geslacht": geslacht,
            "geboortedatum": datetime.date(j, m, d),
            "rol_in_gezin": rol,
            "gezag": gezag,
        }

    @staticmethod
    def _walk(traject, door, doel):
        for fase in ROUTE[: ROUTE.index(doel) + 1]:
            if fase == Fase.STARTOVERLEG_VOORBEREIDEN:
                criteria = list(StartCriterium.objects.filter(organisatie__isnull=True)[:2])
                traject = services.intake_save(
                    traject=traject,
                    door=door,
                    verwacht_van=Fase.INTAKE,
                    criteria_ja=[c.pk for c in criteria],
                    toelichting="",
                    besluit_start=True,
                    besluit_reden="Zorgen op meerdere leefgebieden.",
                )
            else:
                traject = services.traject_move(
                    traject=traject, naar=fase, door=door, verwacht_van=traject.fase
                )
