"""A traject: one 1G1P1R case of a household, from aanmelding to afsluiting.

The phase changes only through `huishoudens.services.traject_move` (seed 002 DEEL A, 004),
which writes a `FaseOvergang` row. At most one procesregisseur per traject and one open
traject per household are database constraints.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from huishoudens.constants import AfsluitingSoort, Fase, OverdrachtStatus, TrajectRol
from regie.visibility import VisibleQuerySet

from .huishouden import Gezinslid, Huishouden, Netwerklid


class TrajectQuerySet(VisibleQuerySet):
    household_field = "huishouden_id"

    def open(self):
        return self.exclude(fase=Fase.GESLOTEN)


class Traject(models.Model):
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="trajecten")
    fase = models.CharField(_("fase"), max_length=8, choices=Fase.choices, default=Fase.AANMELDING)
    fase_sinds = models.DateTimeField(_("in deze fase sinds"), auto_now_add=True)
    # Aanmelding (fase 1)
    vraag = models.TextField(_("vraag van het huishouden"))
    melder_naam = models.CharField(_("aangemeld door"), max_length=150)
    melder_organisatie = models.CharField(
        _("organisatie van de melder"), max_length=200, blank=True
    )
    melder_telefoon = models.CharField(_("telefoon melder"), max_length=30, blank=True)
    zorgen_basiszorg = models.BooleanField(_("zorgen over onvoldoende basiszorg"), default=False)
    zorgen_veiligheid = models.BooleanField(_("signalen van (acute) onveiligheid"), default=False)
    acuut = models.BooleanField(_("acute onveiligheid"), default=False)
    aangemeld_op = models.DateTimeField(auto_now_add=True)
    aangemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Intake (fase 2): the decision to start 1G1P1R
    intake_toelichting = models.TextField(_("toelichting op de criteria"), blank=True)
    besluit_start = models.BooleanField(_("start 1Gezin1Plan1Regisseur"), null=True, blank=True)
    besluit_reden = models.TextField(_("reden van het besluit"), blank=True)
    gesloten_op = models.DateTimeField(null=True, blank=True)
    # The round of phases 4-5a-5b: +1 when 5b goes back to 4, or 6b or a closed traject
    # back to 5b (a new voortgangsoverleg); ticks of those phases count per round.
    ronde = models.PositiveSmallIntegerField(_("ronde"), default=1)
    # "de klant [kan] zelf een voorkeur ... uitspreken voor een procesregisseur uit het
    # eigen netwerk" (002 fase 3a, Toelichting; 3a step 4).
    voorkeur_procesregisseur = models.TextField(
        _("voorkeur van het huishouden voor een procesregisseur"),
        blank=True,
        help_text=_(
            "Wie het huishouden als procesregisseur wil, ook iemand uit het eigen netwerk. "
            "Wordt getoond bij het kiezen van een procesregisseur."
        ),
    )
    # Fase 6b (002 fase 6b steps 2-4, 004 fase 6.2): follow-up wanted, and when it closes.
    vervolg_wenselijk = models.BooleanField(_("is een vervolg wenselijk?"), null=True, blank=True)
    afsluitdatum = models.DateField(_("afgesproken datum van afsluiten"), null=True, blank=True)

    objects = TrajectQuerySet.as_manager()

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["-aangemeld_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["huishouden"],
                condition=~Q(fase=Fase.GESLOTEN),
                name="one_open_traject_per_household",
            )
        ]
        indexes = [models.Index(fields=["fase", "fase_sinds"])]

    def __str__(self) -> str:
        return f"{self.huishouden} ({self.get_fase_display()})"

    def get_absolute_url(self) -> str:
        return reverse("huishoudens:traject", args=[self.pk])

    @property
    def audit_household_id(self) -> int:
        return self.huishouden_id

    @property
    def veiligheid(self) -> bool:
        return self.zorgen_veiligheid or self.zorgen_basiszorg or self.acuut

    @cached_property
    def actieve_betrokkenen(self) -> list["TrajectBetrokkene"]:
        """Today's regisseurs with their accounts, read once per traject object: the access
        rules, the page and its panels all ask (issue #15: the traject page read them five
        times). A service that changes them calls `betrokkenen_gewijzigd()`."""
        return list(
            self.betrokkenen.actief()
            .select_related("user__organisatie")
            .order_by("rol", "vanaf", "pk")
        )

    def betrokkenen_gewijzigd(self) -> None:
        self.__dict__.pop("actieve_betrokkenen", None)


class TrajectBetrokkeneQuerySet(models.QuerySet):
    def actief(self, op=None):
        """Regisseurs on date `op` (today): a handover ends one and starts the next."""
        op = op or timezone.localdate()
        return self.filter(Q(tot__isnull=True) | Q(tot__gte=op), vanaf__lte=op)


class TrajectBetrokkene(models.Model):
    """A regisseur of a traject: procesregisseur (at most one) or casusregisseur (several)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="betrokkenen")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="trajectrollen"
    )
    rol = models.CharField(_("rol"), max_length=20, choices=TrajectRol.choices)
    leefgebieden = models.JSONField(_("leefgebieden"), default=list, blank=True)
    vanaf = models.DateField(_("vanaf"))
    tot = models.DateField(_("tot en met"), null=True, blank=True)

    objects = TrajectBetrokkeneQuerySet.as_manager()

    class Meta:
        verbose_name = _("regisseur van een traject")
        verbose_name_plural = _("regisseurs van trajecten")
        constraints = [
            models.UniqueConstraint(
                fields=["traject"],
                condition=Q(rol=TrajectRol.PROCESREGISSEUR, tot__isnull=True),
                name="one_procesregisseur_per_traject",
            ),
            models.UniqueConstraint(
                fields=["traject", "user", "rol"],
                condition=Q(tot__isnull=True),
                name="regisseur_once_per_traject",
            ),
        ]
        indexes = [
            models.Index(
                fields=["user", "rol"], condition=Q(tot__isnull=True), name="active_regisseur_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_rol_display()} {self.user} ({self.traject_id})"


class FaseOvergang(models.Model):
    """History of phase changes: from, to, who, when and why (one row per change)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="overgangen")
    van = models.CharField(max_length=8, choices=Fase.choices, blank=True)
    naar = models.CharField(max_length=8, choices=Fase.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now_add=True)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = _("faseovergang")
        verbose_name_plural = _("faseovergangen")
        ordering = ["op", "id"]


class VeiligheidsSignaal(models.Model):
    """An open signal of (acute) onveiligheid or onvoldoende basiszorg on a traject.

    While one is open the traject cannot be closed (002 fase 6b step 8). The meldcode
    issue adds the full "Aanvullende acties bij onveiligheid" around it.
    """

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="signalen")
    omschrijving = models.TextField(_("omschrijving"))
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    gemeld_op = models.DateTimeField(auto_now_add=True)
    afgesloten_op = models.DateTimeField(null=True, blank=True)
    afsluiting = models.TextField(_("hoe is het signaal afgehandeld"), blank=True)

    class Meta:
        verbose_name = _("veiligheidssignaal")
        verbose_name_plural = _("veiligheidssignalen")
        ordering = ["-gemeld_op"]


class OverdrachtQuerySet(VisibleQuerySet):
    # A handover is opened by its named successor, who may not see the traject yet.
    user_field = "naar"


class Overdracht(models.Model):
    """Fase 6a: procesregie or casusregie handed over from a date to a named successor."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="overdrachten")
    rol = models.CharField(_("rol"), max_length=20, choices=TrajectRol.choices)
    van = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    naar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="overdrachten_aan",
        verbose_name=_("opvolger"),
    )
    per = models.DateField(_("per"))
    toelichting = models.TextField(_("toelichting"), blank=True)
    status = models.CharField(
        max_length=12, choices=OverdrachtStatus.choices, default=OverdrachtStatus.VOORGESTELD
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    beslist_op = models.DateTimeField(null=True, blank=True)

    objects = OverdrachtQuerySet.as_manager()

    class Meta:
        verbose_name = _("overdracht")
        verbose_name_plural = _("overdrachten")
        ordering = ["-aangemaakt_op"]

    @property
    def audit_household_id(self) -> int:
        return self.traject.huishouden_id


class InformeleCasusregisseurQuerySet(models.QuerySet):
    def actief(self, op=None):
        op = op or timezone.localdate()
        return self.filter(Q(tot__isnull=True) | Q(tot__gte=op), vanaf__lte=op)


class InformeleCasusregisseur(models.Model):
    """Casusregie held by the household itself or its network, without an account.

    At regiekaart level 1 casusregie is "uzelf, een familielid, een goede vriend" (002 ch. 5,
    Niveau 1). Such a person has no login, so this is not a `TrajectBetrokkene` (whose rows
    give access to the household): it names a member or a network member, appears as
    casusregisseur on the traject page (and through `selectors.casusregisseurs` elsewhere),
    and grants nobody anything.
    """

    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, related_name="informele_casusregisseurs"
    )
    gezinslid = models.ForeignKey(
        Gezinslid,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gezinslid"),
    )
    netwerklid = models.ForeignKey(
        Netwerklid,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("netwerklid"),
    )
    leefgebieden = models.JSONField(_("leefgebieden"), default=list, blank=True)
    vanaf = models.DateField(_("vanaf"))
    tot = models.DateField(_("tot en met"), null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = InformeleCasusregisseurQuerySet.as_manager()

    class Meta:
        verbose_name = _("casusregisseur uit huishouden of netwerk")
        verbose_name_plural = _("casusregisseurs uit huishouden of netwerk")
        constraints = [
            models.CheckConstraint(
                condition=Q(gezinslid__isnull=False, netwerklid__isnull=True)
                | Q(gezinslid__isnull=True, netwerklid__isnull=False),
                name="informele_casusregisseur_een_persoon",
            )
        ]

    def __str__(self) -> str:
        return str(self.persoon)

    @property
    def persoon(self):
        return self.gezinslid or self.netwerklid

    @property
    def audit_household_id(self) -> int:
        return self.traject.huishouden_id


class NazorgAfspraak(models.Model):
    """Fase 6b: "Leg vast wie, wat, wanneer en hoe vaak inzet nodig is en wie kan
    ondersteunen bij vragen" (004 fase 6.2 step 1; 002 fase 6b steps 2-3)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="nazorg")
    wie = models.CharField(_("wie"), max_length=200)
    wat = models.TextField(_("wat"))
    wanneer = models.CharField(_("wanneer"), max_length=200)
    hoe_vaak = models.CharField(_("hoe vaak"), max_length=200, blank=True)
    vragen_bij = models.CharField(
        _("bij wie kan het huishouden terecht met vragen"), max_length=200
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("afspraak over nazorg")
        verbose_name_plural = _("afspraken over nazorg")
        ordering = ["aangemaakt_op", "pk"]


class BetrokkenheidAfsluiting(models.Model):
    """Fase 6a without a successor: a regisseur ends their own involvement ("Bij afsluiten
    betrokkenheid: stel vast of er nog ondersteuning gewenst is op het leefgebied; bespreek
    wie kan ondersteunen bij eventuele vragen of restproblematiek; maak hierover
    afspraken", 002 fase 6a casusregie 2), or procesregie is rounded off at level 1."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="afsluitingen")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rol = models.CharField(_("rol"), max_length=20, choices=TrajectRol.choices)
    soort = models.CharField(max_length=12, choices=AfsluitingSoort.choices)
    per = models.DateField(_("per"), help_text=_("De eerste dag zonder deze betrokkenheid."))
    ondersteuning_gewenst = models.BooleanField(
        _("is er nog ondersteuning gewenst op het leefgebied?"), null=True, blank=True
    )
    restproblematiek = models.TextField(
        _("wie kan ondersteunen bij eventuele vragen of restproblematiek?"), blank=True
    )
    afspraken = models.TextField(_("afspraken"), blank=True)
    manager_gemeld = models.BooleanField(default=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("afsluiting van betrokkenheid")
        verbose_name_plural = _("afsluitingen van betrokkenheid")
        ordering = ["-aangemaakt_op"]
