"""factory_boy factories shared by the suite."""

import datetime

import factory
import pyotp
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from regie.constants import OrganisatieSoort, Rol
from regie.models import Competentie, Gemeente, Organisatie, Regio, RoleAssignment, User

PASSWORD = "Een-lang-test-wachtwoord-42"


class RegioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regio
        django_get_or_create = ("naam",)

    naam = "Hollands Midden"


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("naam",)

    naam = factory.Iterator(["Gouda", "Leiden", "Zuidplas", "Waddinxveen"])
    regio = factory.SubFactory(RegioFactory)


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    soort = OrganisatieSoort.LOKAAL_TEAM
    gemeente = factory.SubFactory(GemeenteFactory)


class UserFactory(factory.django.DjangoModelFactory):
    """A professional. `rollen=[...]` assigns roles; trait `with_totp` enrols TOTP."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"medewerker{n}@regie.test")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    organisatie = factory.SubFactory(OrganisatieFactory)
    password = factory.django.Password(PASSWORD)

    class Params:
        with_totp = factory.Trait(
            totp_secret=factory.LazyFunction(pyotp.random_base32),
        )

    totp_secret = None

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):
        for rol in extracted or []:
            RoleAssignment.objects.create(user=self, rol=rol)

    @factory.post_generation
    def enrol_totp(self, create, extracted, **kwargs):
        if self.totp_secret:
            TOTP.activate(self, self.totp_secret)
            RecoveryCodes.activate(self)
            # Enrolled long ago, as an established user would be (see regie.adapters).
            Authenticator.objects.filter(user=self).update(
                created_at=timezone.now() - datetime.timedelta(days=30)
            )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        secret = kwargs.pop("totp_secret", None)
        user = super()._create(model_class, *args, **kwargs)
        user.totp_secret = secret
        return user


class CompetentieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competentie

    user = factory.SubFactory(UserFactory)
    profiel = "proces_a"
    getraind_op = datetime.date(2025, 1, 15)


def totp_code(user) -> str:
    return pyotp.TOTP(user.totp_secret).now()


__all__ = ["PASSWORD", "Rol", "totp_code"]


# --- huishoudens ---------------------------------------------------------------------


class HuishoudenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "huishoudens.Huishouden"

    naam = factory.Sequence(lambda n: f"Familie Jansen {n}")
    adres = factory.Sequence(lambda n: f"Lange Groenendaal {n}")
    postcode = "2801 LS"
    woonplaats = "Gouda"
    gemeente = factory.SubFactory(GemeenteFactory, naam="Gouda")
    aangemaakt_door = factory.SubFactory(UserFactory)


class GezinslidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "huishoudens.Gezinslid"

    huishouden = factory.SubFactory(HuishoudenFactory)
    voornaam = factory.Faker("first_name", locale="nl_NL")
    achternaam = "Jansen"
    geslacht = "v"
    geboortedatum = datetime.date(1985, 4, 12)
    rol_in_gezin = "ouder"


class TrajectFactory(factory.django.DjangoModelFactory):
    """A traject in `fase` (default 1); `procesregisseur=user` assigns one."""

    class Meta:
        model = "huishoudens.Traject"
        skip_postgeneration_save = True

    huishouden = factory.SubFactory(HuishoudenFactory)
    vraag = "Ouders vragen hulp bij schulden en de opvoeding."
    melder_naam = "Huisarts Pietersen"
    aangemeld_door = factory.SelfAttribute("huishouden.aangemaakt_door")

    @factory.post_generation
    def procesregisseur(self, create, extracted, **kwargs):
        if extracted:
            _betrokkene(self, extracted, "procesregisseur")

    @factory.post_generation
    def casusregisseurs(self, create, extracted, **kwargs):
        for user in extracted or []:
            _betrokkene(self, user, "casusregisseur")


def _betrokkene(traject, user, rol):
    from huishoudens.models import TrajectBetrokkene

    TrajectBetrokkene.objects.create(
        traject=traject, user=user, rol=rol, vanaf=datetime.date(2026, 1, 5)
    )


# --- bulk data for the monitoring figures (issue #14) --------------------------------------


def bulk_trajecten(aantal, *, gemeente, regisseur, fase="4", aangemeld_op=None):
    """`aantal` households with a traject each in `fase`, `regisseur` their procesregisseur,
    in a fixed number of queries (bulk_create), for counts over many trajecten."""
    from huishoudens.models import Huishouden, Traject, TrajectBetrokkene

    huishoudens = Huishouden.objects.bulk_create(
        [
            Huishouden(naam=f"Huishouden {i}", gemeente=gemeente, aangemaakt_door=regisseur)
            for i in range(aantal)
        ]
    )
    trajecten = Traject.objects.bulk_create(
        [
            Traject(
                huishouden=h,
                fase=fase,
                vraag="Hulp bij schulden.",
                melder_naam="Huisarts",
                aangemeld_door=regisseur,
            )
            for h in huishoudens
        ]
    )
    TrajectBetrokkene.objects.bulk_create(
        [
            TrajectBetrokkene(
                traject=t, user=regisseur, rol="procesregisseur", vanaf=datetime.date(2026, 1, 5)
            )
            for t in trajecten
        ]
    )
    if aangemeld_op is not None:
        Traject.objects.filter(pk__in=[t.pk for t in trajecten]).update(aangemeld_op=aangemeld_op)
    return trajecten


# --- plannen -------------------------------------------------------------------------------


class OverlegFactory(factory.django.DjangoModelFactory):
    """A meeting of a traject; `status="gehouden"` for one already held (issue #12)."""

    class Meta:
        model = "plannen.Overleg"

    traject = factory.SubFactory(TrajectFactory)
    soort = "start"
    datum = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=7))
    begin = datetime.time(10)
    eind = datetime.time(11, 30)
    locatie = "Stadhuis Gouda"
    status = "gepland"
    aangemaakt_door = factory.SelfAttribute("traject.aangemeld_door")


# --- implementatie -----------------------------------------------------------------------


def checklists_geladen() -> None:
    """The templates as migration 0002 loads them; a transactional (browser) test flushes
    the database when it ends, so later ones load them again."""
    from implementatie import bronnen
    from implementatie.models import Sjabloon, SjabloonItem, Thema

    if not Sjabloon.objects.filter(uit_bestand=True).exists():
        bronnen.bijwerken(
            Sjabloon=Sjabloon,
            Thema=Thema,
            SjabloonItem=SjabloonItem,
            paden=bronnen.bestanden(),
            opslaan=True,
        )


def implementatieplan(
    eigenaar, *, sjabloon: str = "001-implementatieplan-2025", jaar: int = 2026, **statussen
):
    """A plan for the scope of `eigenaar`'s active role (their first role), made as the
    owner makes it: from a loaded template (migration 0002) through the service. Keyword
    arguments set item statuses by key (`A_O1="gereed"`)."""
    from implementatie.models import PlanItem, Sjabloon
    from implementatie.policy import eigen_plan_scope
    from implementatie.services import plan_create

    checklists_geladen()
    eigenaar.active_role = eigenaar.rollen[0]
    plan = plan_create(
        sjabloon=Sjabloon.objects.get(sleutel=sjabloon),
        scope=eigen_plan_scope(eigenaar),
        door=eigenaar,
        jaar=jaar,
    )
    for sleutel, status in statussen.items():
        PlanItem.objects.filter(ronde__plan=plan, sleutel=sleutel.replace("_", "-")).update(
            status=status
        )
    return plan
