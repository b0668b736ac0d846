"""Demo data for the run command: region Hollands Midden with its municipalities,
organisations of every kind the regiekaart names and a user in every role.

Municipality and organisation names come from the Richtlijn (seed 002, "Met dank aan").
Safe to run again: existing rows are kept. Later issues add households and cases.
"""

import datetime

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from regie.constants import Competentieprofiel as C
from regie.constants import OrganisatieSoort as S
from regie.constants import Rol
from regie.models import Competentie, Gemeente, Organisatie, Regio, User
from regie.services import user_set_roles

DEMO_PASSWORD = "Regie-demo-2026!"
REGIO = "Hollands Midden"
GEMEENTEN = ["Gouda", "Bodegraven-Reeuwijk", "Krimpenerwaard", "Waddinxveen", "Zuidplas", "Leiden"]

ORGANISATIES = [
    ("GGD Hollands Midden Jeugdgezondheidszorg", S.BASISZORG, "Leiden"),
    ("Sociaal Team Gouda", S.LOKAAL_TEAM, "Gouda"),
    ("Sociaal Team Bodegraven-Reeuwijk", S.LOKAAL_TEAM, "Bodegraven-Reeuwijk"),
    ("Sociaal Team Waddinxveen", S.LOKAAL_TEAM, "Waddinxveen"),
    ("Sociaal Team Zuidplas", S.LOKAAL_TEAM, "Zuidplas"),
    ("Kwadraad", S.ZORGKETEN, "Gouda"),
    ("GGZ Rivierduinen", S.ZORGKETEN, "Leiden"),
    ("MEE Midden-Holland", S.ZORGKETEN, "Gouda"),
    ("William Schrikker Groep", S.VEILIGHEIDSKETEN, "Leiden"),
    ("Veilig Thuis Hollands Midden", S.VEILIG_THUIS, "Leiden"),
    ("Zorg- en Veiligheidshuis Hollands Midden", S.ZORG_EN_VEILIGHEIDSHUIS, "Gouda"),
    ("Gemeente Gouda", S.GEMEENTE, "Gouda"),
    ("Gemeente Krimpenerwaard", S.GEMEENTE, "Krimpenerwaard"),
]

# (first, last, organisation, function, roles, competences, manager e-mail)
USERS = [
    ("Marieke", "Jansen", "Sociaal Team Gouda", "Teammanager", [Rol.MANAGER], [], None),
    (
        "Petra",
        "de Vries",
        "Sociaal Team Gouda",
        "Procesregisseur",
        [Rol.PROCESREGISSEUR],
        [C.PROCES_A, C.PROCES_B],
        "marieke.jansen",
    ),
    (
        "Karim",
        "El Amrani",
        "Kwadraad",
        "Maatschappelijk werker",
        [Rol.CASUSREGISSEUR],
        [C.CASUS_A],
        None,
    ),
    (
        "Lotte",
        "Verbeek",
        "GGZ Rivierduinen",
        "Casusregisseur GGZ",
        [Rol.CASUSREGISSEUR, Rol.AANDACHTSFUNCTIONARIS],
        [C.CASUS_A, C.CASUS_B],
        None,
    ),
    (
        "Anouk",
        "Bakker",
        "MEE Midden-Holland",
        "Aandachtsfunctionaris 1G1P1R",
        [Rol.AANDACHTSFUNCTIONARIS],
        [],
        None,
    ),
    (
        "Sanne",
        "Mulder",
        "Zorg- en Veiligheidshuis Hollands Midden",
        "Procesregisseur ZVH",
        [Rol.PROCESREGISSEUR],
        [C.PROCES_B, C.PROCES_B_PLUS],
        None,
    ),
    (
        "Tom",
        "Hendriks",
        "Veilig Thuis Hollands Midden",
        "Casusregisseur Veilig Thuis",
        [Rol.CASUSREGISSEUR],
        [C.CASUS_B],
        None,
    ),
    (
        "Gert",
        "Visser",
        "Gemeente Gouda",
        "Beleidsadviseur sociaal domein",
        [Rol.AGENDAHOUDER],
        [],
        None,
    ),
    (
        "Roos",
        "de Wit",
        "Gemeente Gouda",
        "Regiocoördinator 1G1P1R",
        [Rol.REGIOCOORDINATOR],
        [],
        None,
    ),
    ("Bram", "Smit", "Gemeente Gouda", "Functioneel beheerder", [Rol.BEHEERDER], [], None),
    (
        "Fatima",
        "Yilmaz",
        "Gemeente Gouda",
        "Functionaris gegevensbescherming",
        [Rol.PRIVACYFUNCTIONARIS],
        [],
        None,
    ),
]


def demo_email(first: str, last: str) -> str:
    return f"{first}.{last}".lower().replace(" ", "") + "@demo.regie.test"


class Command(BaseCommand):
    help = "Maakt demodata: regio Hollands Midden, organisaties en een gebruiker per rol."

    @transaction.atomic
    def handle(self, *args, **options):
        regio, _ = Regio.objects.get_or_create(naam=REGIO)
        gemeenten = {
            naam: Gemeente.objects.get_or_create(naam=naam, defaults={"regio": regio})[0]
            for naam in GEMEENTEN
        }
        orgs = {
            naam: Organisatie.objects.get_or_create(
                naam=naam, gemeente=gemeenten[gemeente], defaults={"soort": soort}
            )[0]
            for naam, soort, gemeente in ORGANISATIES
        }
        trained = datetime.date(2025, 3, 12)
        rows = []
        for first, last, org, functie, rollen, competenties, manager in USERS:
            email = demo_email(first, last)
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email,
                    password=DEMO_PASSWORD,
                    first_name=first,
                    last_name=last,
                    organisatie=orgs[org],
                    functie=functie,
                    is_demo=True,
                )
            if manager:
                user.manager = User.objects.get(email=f"{manager}@demo.regie.test")
                user.save(update_fields=["manager"])
            user_set_roles(user=user, rollen=rollen)
            for profiel in competenties:
                Competentie.objects.get_or_create(
                    user=user, profiel=profiel, defaults={"getraind_op": trained}
                )
            rows.append((email, ", ".join(str(Rol(r).label) for r in rollen), org))

        if apps.is_installed("implementatie"):
            # By name, so regie imports no feature app: a demo plan per beleidsregie role.
            call_command("demo_implementatie", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demodata voor regio {REGIO} staat klaar."))
        self.stdout.write(f"Wachtwoord voor alle demo-accounts: {DEMO_PASSWORD}")
        width = max(len(r[0]) for r in rows)
        for email, rollen, org in rows:
            self.stdout.write(f"  {email.ljust(width)}  {rollen} ({org})")
