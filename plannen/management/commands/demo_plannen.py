"""Demo Ondersteuningsplannen for the run command (after `demo_data` and `demo_huishoudens`).

Familie Jansen (phase 4, Petra procesregisseur, Karim casusregisseur) gets a full plan, fixed
once at the startoverleg and changed in the draft since, so "Wat is er veranderd" shows a
difference and Karim finds open actions (one overdue) under "Mijn acties"; its next
voortgangsoverleg is planned and the invitations are sent. Familie Bakker
gets a small plan with zorgen over veiligheid and no Veiligheidsplan yet, so the quality
panel names it. Everything goes through plannen.services. Safe to run again: nothing is
added when the plan of Familie Jansen already has a version. All names are invented.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from huishoudens.constants import Leefgebied
from huishoudens.models import Traject
from plannen.constants import ActieStatus, KrachtZorgSoort
from plannen.models import Ondersteuningsplan, OverlegSoort
from plannen.selectors.overleg import mogelijke_genodigden
from plannen.services import plan as plan_services
from plannen.services.overleg import overleg_plan
from plannen.services.uitnodiging import uitnodigingen_send
from regie.management.commands.demo_data import demo_email
from regie.models import User


def _user(first: str, last: str) -> User:
    return User.objects.get(email=demo_email(first, last))


def _traject(naam: str) -> Traject | None:
    return (
        Traject.objects.filter(huishouden__naam=naam, gesloten_op__isnull=True)
        .order_by("-aangemeld_op")
        .first()
    )


def _save_sections(plan: Ondersteuningsplan, door, **fields) -> Ondersteuningsplan:
    plan.refresh_from_db()
    return plan_services.plan_sections_save(plan=plan, revisie=plan.revisie, door=door, **fields)


class Command(BaseCommand):
    help = "Maakt demo-ondersteuningsplannen voor Familie Jansen en Familie Bakker (na demo_huishoudens)."

    @transaction.atomic
    def handle(self, *args, **options):
        jansen = _traject("Familie Jansen")
        bakker = _traject("Familie Bakker")
        if jansen is None or bakker is None:
            self.stdout.write("Geen demohuishoudens gevonden: voer eerst demo_huishoudens uit.")
            return
        if Ondersteuningsplan.objects.filter(traject=jansen, versies__isnull=False).exists():
            self.stdout.write("Demoplannen bestaan al.")
            return
        self._jansen(jansen)
        self._bakker(bakker)
        self.stdout.write(
            self.style.SUCCESS("Ondersteuningsplannen voor Familie Jansen en Bakker staan klaar.")
        )

    @staticmethod
    def _jansen(traject: Traject) -> None:
        petra = _user("Petra", "de Vries")
        karim = _user("Karim", "El Amrani")
        today = timezone.localdate()
        plan = plan_services.plan_ensure(traject=traject)
        _save_sections(
            plan,
            petra,
            aanleiding=(
                "Marco en Ilse hebben schulden die de laatste maanden snel oplopen; er komen "
                "aanmaningen en de energieleverancier dreigt af te sluiten. Daan (13) wil sinds "
                "de herfstvakantie niet meer naar school. De huisarts heeft het gezin aangemeld."
            ),
            integrale_analyse=(
                "De geldzorgen geven spanning in huis: ouders hebben vaker ruzie en weinig rust "
                "voor de kinderen. Daan trekt zich terug en verzuimt; Noor doet het goed op "
                "school. Oma Riet is een belangrijke steun. Als de schulden in beeld zijn en er "
                "een regeling is, ontstaat ruimte voor de opvoedvragen."
            ),
            gewenst_resultaat=(
                "Over een half jaar zijn de schulden geregeld, is er rust in huis en gaat Daan "
                "weer elke dag naar school."
            ),
            zorgen_veiligheid=False,
            samenvatting=(
                "Het gezin wil grip op het geld en Daan weer naar school. Karim pakt de "
                "schulden op, ouders en school maken een plan voor Daan, oma Riet helpt mee."
            ),
        )
        for fields in [
            {
                "soort": KrachtZorgSoort.KRACHT,
                "wie": "Ilse",
                "wat": "We praten thuis weer meer met elkaar, ook over geld.",
                "citaat": True,
                "sinds": "sinds het eerste gesprek",
                "gevolgen": "Ouders zoeken samen naar oplossingen in plaats van ruzie te maken.",
                "leefgebied": Leefgebied.INKOMEN,
            },
            {
                "soort": KrachtZorgSoort.KRACHT,
                "wie": "Riet van Dam (oma)",
                "wat": "Oma past twee middagen per week op Noor en kookt dan mee.",
                "sinds": "al jaren",
                "gevolgen": "Ouders hebben tijd voor afspraken; Noor heeft een vaste plek.",
            },
            {
                "soort": KrachtZorgSoort.ZORG,
                "wie": "Marco",
                "wat": "De schulden lopen op en we openen de post niet meer.",
                "sinds": "begin dit jaar",
                "gevolgen": "Afsluiting van energie dreigt; spanning en ruzie in huis.",
                "leefgebied": Leefgebied.INKOMEN,
            },
            {
                "soort": KrachtZorgSoort.ZORG,
                "wie": "Mentor van Daan",
                "wat": "Daan verzuimt veel en zegt dat hij zich op school niet veilig voelt.",
                "sinds": "de herfstvakantie",
                "gevolgen": "Achterstand en kans op een melding bij de leerplichtambtenaar.",
                "leefgebied": Leefgebied.ONDERWIJS,
            },
        ]:
            plan_services.kracht_zorg_add(plan=plan, **fields)
        plan_services.eerdere_hulp_add(
            plan=plan,
            hulp="Budgetcursus",
            door="Sociaal Team Gouda",
            wanneer="2023",
            resultaat="Ouders hielden een kasboek bij; na een half jaar zijn ze ermee gestopt.",
        )

        geld = plan_services.doel_add(
            plan=plan,
            tekst="Wij hebben overzicht over onze schulden en een betalingsregeling.",
            leefgebied=Leefgebied.INKOMEN,
        )
        plan_services.actie_add(
            doel=geld,
            door=petra,
            wat="Alle post en aanmaningen met ouders doornemen en een schuldenoverzicht maken.",
            wie_user=karim,
            wanneer=today - datetime.timedelta(days=5),  # overdue
        )
        aanmelden = plan_services.actie_add(
            doel=geld,
            door=petra,
            wat="Gezin aanmelden bij de schuldhulpverlening.",
            wie_user=karim,
            wanneer=today + datetime.timedelta(days=10),
        )
        plan_services.actie_add(
            doel=geld,
            door=petra,
            wat="Elke week samen de post openen.",
            wie="Marco Jansen",
            wanneer=today + datetime.timedelta(days=7),
        )
        school = plan_services.doel_add(
            plan=plan,
            tekst="Daan gaat weer elke dag naar school.",
            leefgebied=Leefgebied.ONDERWIJS,
        )
        plan_services.actie_add(
            doel=school,
            door=petra,
            wat="Gesprek met de mentor over wat Daan nodig heeft om zich veilig te voelen.",
            wie="Ilse Jansen",
            wanneer=today + datetime.timedelta(days=14),
        )
        plan_services.actie_add(
            doel=school,
            door=petra,
            wat="Daan de eerste twee weken 's ochtends naar school brengen.",
            wie="Riet van Dam",
            wanneer=today + datetime.timedelta(days=21),
        )
        rust = plan_services.doel_add(
            plan=plan,
            tekst="Er is meer rust in huis en ouders hebben tijd voor de kinderen.",
            leefgebied=Leefgebied.MAATSCHAPPELIJKE_ONDERSTEUNING,
        )
        plan_services.actie_add(
            doel=rust,
            door=petra,
            wat="Samen met ouders een vast weekritme maken.",
            wie_user=karim,
            wanneer=today + datetime.timedelta(days=28),
        )

        plan_services.plan_fix(plan=plan, door=petra, overleg="Startoverleg")

        # Since the startoverleg the draft moved on: "Wat is er veranderd" shows it.
        plan_services.actie_update(
            actie=aanmelden,
            door=karim,
            status=ActieStatus.BEZIG,
            notitie="Intakegesprek bij de schuldhulpverlening is gepland.",
        )
        _save_sections(
            plan,
            karim,
            samenvatting=(
                "Het gezin wil grip op het geld en Daan weer naar school. De aanmelding bij de "
                "schuldhulpverlening loopt; het schuldenoverzicht is nog niet klaar. Ouders en "
                "school maken een plan voor Daan, oma Riet helpt mee."
            ),
        )

        # The next voortgangsoverleg is planned and the invitations went out (demo mail
        # lands in var/mail); the reminder follows from Celery beat.
        overleg = overleg_plan(
            traject=traject,
            door=petra,
            genodigden=[{**m, "moet": m["rol"] == "Ouder"} for m in mogelijke_genodigden(traject)],
            soort=OverlegSoort.VOORTGANGSOVERLEG,
            datum=today + datetime.timedelta(days=21),
            begin=datetime.time(10),
            eind=datetime.time(11, 30),
            locatie="Wijkcentrum De Vaart, Gouda",
            voorzitter=petra,
        )
        uitnodigingen_send(overleg)

    @staticmethod
    def _bakker(traject: Traject) -> None:
        sanne = _user("Sanne", "Mulder")
        tom = _user("Tom", "Hendriks")
        today = timezone.localdate()
        plan = plan_services.plan_ensure(traject=traject)
        _save_sections(
            plan,
            sanne,
            aanleiding=(
                "Veilig Thuis meldt zorgen over huiselijk geweld en overlast; meerdere "
                "ketenpartners zijn betrokken bij Kevin en Mila."
            ),
            zorgen_veiligheid=True,
        )
        plan_services.kracht_zorg_add(
            plan=plan,
            soort=KrachtZorgSoort.ZORG,
            wie="Buren",
            wat="Herhaaldelijk geschreeuw en harde klappen 's avonds.",
            sinds="de zomer",
            gevolgen="Mila is bang en slaapt slecht.",
            leefgebied=Leefgebied.VEILIGHEID,
        )
        doel = plan_services.doel_add(
            plan=plan,
            tekst="Mila is thuis veilig en weet bij wie ze terecht kan.",
            leefgebied=Leefgebied.VEILIGHEID,
        )
        plan_services.actie_add(
            doel=doel,
            door=sanne,
            wat="Met Kevin en Mila afspraken maken over wat er gebeurt als het thuis misgaat.",
            wie_user=tom,
            wanneer=today + datetime.timedelta(days=7),
        )
