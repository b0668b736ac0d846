"""A household (huishouden): its members, informal network and involved professionals.

Fields follow the Ondersteuningsplan's personal sections (seed 002 DEEL H) and the
legal chapter on consent and parental authority (002 ch. 7). Data minimisation: no BSN
or other identifiers the method does not ask for.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from huishoudens.constants import (
    Geslacht,
    Gezag,
    RolInGezin,
    Toestemmer,
    ToestemmingStatus,
    Vertegenwoordiging,
)
from regie.visibility import VisibleQuerySet


class HuishoudenQuerySet(VisibleQuerySet):
    household_field = "pk"


class Huishouden(models.Model):
    naam = models.CharField(
        _("naam huishouden"), max_length=150, help_text=_("Bijvoorbeeld: familie Jansen.")
    )
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True, db_index=True)
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    gemeente = models.ForeignKey(
        "regie.Gemeente", on_delete=models.PROTECT, verbose_name=_("gemeente"), related_name="+"
    )
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    aanspreekvorm = models.CharField(
        _("aanspreekvorm"),
        max_length=3,
        choices=[("u", _("u")), ("jij", _("jij"))],
        default="u",
        help_text=_("Hoe het huishouden aangesproken wil worden, onder meer in uitnodigingen."),
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = HuishoudenQuerySet.as_manager()

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def audit_household_id(self) -> int:
        return self.pk


class Gezinslid(models.Model):
    huishouden = models.ForeignKey(Huishouden, on_delete=models.CASCADE, related_name="leden")
    voornaam = models.CharField(_("voornaam"), max_length=100)
    achternaam = models.CharField(_("achternaam"), max_length=150)
    geslacht = models.CharField(_("geslacht"), max_length=1, choices=Geslacht.choices)
    geboortedatum = models.DateField(_("geboortedatum"))
    rol_in_gezin = models.CharField(
        _("rol in het gezin"), max_length=20, choices=RolInGezin.choices
    )
    gezag = models.CharField(
        _("gezag"),
        max_length=20,
        choices=Gezag.choices,
        blank=True,
        help_text=_("Verplicht voor minderjarigen."),
    )
    burgerlijke_staat = models.CharField(_("burgerlijke staat"), max_length=60, blank=True)
    beroep = models.CharField(_("beroep / school"), max_length=100, blank=True)
    adres = models.CharField(
        _("adres"),
        max_length=200,
        blank=True,
        help_text=_("Alleen als dit afwijkt van het huishouden."),
    )
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    vertegenwoordiging = models.CharField(
        _("wettelijke vertegenwoordiging"),
        max_length=20,
        choices=Vertegenwoordiging.choices,
        blank=True,
    )
    vertegenwoordiger = models.CharField(
        _("naam curator/bewindvoerder/mentor"), max_length=150, blank=True
    )
    vir_signaal = models.BooleanField(
        _("signaal Verwijsindex Risicojongeren"),
        null=True,
        blank=True,
        help_text=_("Alleen voor minderjarigen: is er een signaal afgegeven in de VIR?"),
    )
    woonplaatsbeginsel_gecontroleerd = models.BooleanField(
        _("woonplaatsbeginsel gecontroleerd"), default=False
    )
    legitimatie_gecontroleerd = models.BooleanField(_("legitimatie gecontroleerd"), default=False)

    class Meta:
        verbose_name = _("gezinslid")
        verbose_name_plural = _("gezinsleden")
        ordering = ["geboortedatum"]
        indexes = [models.Index(fields=["achternaam", "geboortedatum"])]

    def __str__(self) -> str:
        return f"{self.voornaam} {self.achternaam}"

    @property
    def audit_household_id(self) -> int:
        return self.huishouden_id

    @property
    def audit_person_id(self) -> int:
        return self.pk

    def leeftijd(self, op: date | None = None) -> int:
        op = op or date.today()
        jaren = op.year - self.geboortedatum.year
        return jaren - ((op.month, op.day) < (self.geboortedatum.month, self.geboortedatum.day))

    @property
    def minderjarig(self) -> bool:
        return self.leeftijd() < 18


class Netwerklid(models.Model):
    """Informal network: family, friends, neighbours (002 DEEL H "familie en vrienden")."""

    huishouden = models.ForeignKey(Huishouden, on_delete=models.CASCADE, related_name="netwerk")
    naam = models.CharField(_("naam"), max_length=150)
    rol = models.CharField(
        _("rol / relatie"), max_length=100, help_text=_("Bijvoorbeeld: oma, buurvrouw.")
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    steun = models.JSONField(_("soort steun"), default=list, blank=True)

    class Meta:
        verbose_name = _("netwerklid")
        verbose_name_plural = _("netwerk")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.rol})"

    @property
    def audit_household_id(self) -> int:
        return self.huishouden_id


class BetrokkenProfessional(models.Model):
    """A professional involved with the household: a Regie user or an external contact."""

    huishouden = models.ForeignKey(
        Huishouden, on_delete=models.CASCADE, related_name="professionals"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="betrokken_bij",
        verbose_name=_("gebruiker van Regie"),
    )
    naam = models.CharField(_("naam"), max_length=150, blank=True)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    functie = models.CharField(_("functie"), max_length=150, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    lifetime = models.BooleanField(
        _("life-time betrokkene"),
        default=False,
        help_text=_("Blijvend betrokken, zoals huisarts, JGZ, school of langdurige zorg."),
    )

    class Meta:
        verbose_name = _("betrokken professional")
        verbose_name_plural = _("betrokken professionals")
        constraints = [
            models.UniqueConstraint(
                fields=["huishouden", "user"],
                condition=models.Q(user__isnull=False),
                name="professional_once_per_household",
            )
        ]

    def __str__(self) -> str:
        return self.weergavenaam

    @property
    def weergavenaam(self) -> str:
        return (self.user.get_full_name() if self.user_id else self.naam) or self.email

    @property
    def organisatienaam(self) -> str:
        if self.user_id and self.user.organisatie_id:
            return self.user.organisatie.naam
        return self.organisatie

    @property
    def audit_household_id(self) -> int:
        return self.huishouden_id


class Toestemming(models.Model):
    """Consent to share information for one member, given (or refused) by one party.

    Rows are never edited: a withdrawal is a new row, so the history stays readable.
    """

    gezinslid = models.ForeignKey(Gezinslid, on_delete=models.CASCADE, related_name="toestemmingen")
    toestemmer = models.CharField(
        _("gegeven door (hoedanigheid)"), max_length=20, choices=Toestemmer.choices
    )
    naam_toestemmer = models.CharField(_("naam van wie toestemming geeft"), max_length=150)
    status = models.CharField(_("status"), max_length=12, choices=ToestemmingStatus.choices)
    datum = models.DateField(_("datum"))
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["-datum", "-vastgelegd_op"]

    def __str__(self) -> str:
        return f"{self.gezinslid}: {self.get_status_display()} ({self.get_toestemmer_display()})"

    @property
    def audit_household_id(self) -> int:
        return self.gezinslid.huishouden_id

    @property
    def audit_person_id(self) -> int:
        return self.gezinslid_id
