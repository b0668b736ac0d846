"""A traject's level on the regiekaart, its assessments and escalations (seed 002 ch. 5,
"C. Op- en afschalen"; DOMEIN.md "Regiekaart": "Every escalation is recorded: from, to (or
manager), which rule, criteria, who decided, when, and when and how it was resolved").

* `TrajectNiveau`: the current level, one row per traject, created by the first decision;
  a traject without one is on `constants.START_NIVEAU`. Changed only through
  `regiekaart.services.opschaling_decide`, which locks it.
* `Beoordeling` with one `BeoordelingCriterium` per criterion (D, Z, B, O, K, E, P, VO, VI):
  what holds, with a note each, and the advice `rules.advies` gave. Never edited; the
  latest is the current assessment.
* `Opschaling`: a decision that changed the level, went to the manager, or deviated from
  the advice: from, to, manager yes/no, the criteria and rules, advice followed or not (and
  why not), who and when, and later its resolution (when, how, by whom). Rows that go up or
  to the manager stay open until resolved.
* `Melding`: an in-app notification for a manager (every "naar manager" request and every
  escalation to level 4 or 5), next to the e-mail through the outbox.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regie.constants import Rol
from regie.models import Gemeente, Organisatie
from regie.visibility import VisibleQuerySet, has_role
from regiekaart.constants import Criterium, Richting
from regiekaart.policy import manager_scope

NIVEAU = {"validators": [MinValueValidator(1), MaxValueValidator(5)]}


class TrajectNiveau(models.Model):
    traject = models.OneToOneField(
        "huishoudens.Traject", on_delete=models.CASCADE, related_name="regiekaart_niveau"
    )
    nummer = models.PositiveSmallIntegerField(_("niveau"), **NIVEAU)
    sinds = models.DateTimeField(_("op dit niveau sinds"), default=timezone.now)

    class Meta:
        verbose_name = _("niveau van een traject")
        verbose_name_plural = _("niveaus van trajecten")
        constraints = [
            models.CheckConstraint(
                condition=Q(nummer__gte=1, nummer__lte=5), name="trajectniveau_nummer_1_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.traject_id}: {self.nummer}"


class Beoordeling(models.Model):
    traject = models.ForeignKey(
        "huishoudens.Traject", on_delete=models.CASCADE, related_name="beoordelingen"
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)
    niveau = models.PositiveSmallIntegerField(_("niveau bij de beoordeling"), **NIVEAU)
    advies_niveau = models.PositiveSmallIntegerField(_("geadviseerd niveau"), **NIVEAU)
    advies_naar_manager = models.BooleanField(_("advies: naar de manager"), default=False)
    advies_opties = models.JSONField(_("niveaus naar keuze (P)"), default=list, blank=True)
    advies_regels = models.JSONField(_("regels van het advies"), default=list, blank=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["-op", "-id"]
        get_latest_by = ["op", "id"]

    def __str__(self) -> str:
        return f"{self.traject_id} {self.op:%d-%m-%Y}"

    @property
    def audit_household_id(self) -> int:
        return self.traject.huishouden_id


class BeoordelingCriterium(models.Model):
    beoordeling = models.ForeignKey(Beoordeling, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("criterium"), max_length=2, choices=Criterium.choices)
    geldt = models.BooleanField(_("geldt"))
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("criterium van een beoordeling")
        verbose_name_plural = _("criteria van een beoordeling")
        constraints = [
            models.UniqueConstraint(
                fields=["beoordeling", "code"], name="criterium_once_per_beoordeling"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}: {'ja' if self.geldt else 'nee'}"


# Rows that ask for a resolution: escalations up, and requests to the manager.
AFHANDELING_NODIG = Q(richting=Richting.OPSCHALEN) | Q(naar_manager=True)


class OpschalingQuerySet(VisibleQuerySet):
    household_field = "traject__huishouden_id"

    def visible(self, user):
        """Case roles: rows of households they are involved with. Managers: the rows of
        their organisation or municipality (see `regiekaart.policy.manager_scope`)."""
        if has_role(user, Rol.MANAGER):
            return self.filter(manager_scope(user))
        return super().visible(user)

    def vraagt_afhandeling(self):
        return self.filter(AFHANDELING_NODIG)

    def open(self):
        return self.filter(AFHANDELING_NODIG, opgelost_op__isnull=True)


class Opschaling(models.Model):
    traject = models.ForeignKey(
        "huishoudens.Traject", on_delete=models.CASCADE, related_name="opschalingen"
    )
    beoordeling = models.OneToOneField(
        Beoordeling, on_delete=models.PROTECT, related_name="opschaling"
    )
    van_niveau = models.PositiveSmallIntegerField(_("van niveau"), **NIVEAU)
    naar_niveau = models.PositiveSmallIntegerField(_("naar niveau"), **NIVEAU)
    richting = models.CharField(_("richting"), max_length=8, choices=Richting.choices)
    naar_manager = models.BooleanField(_("naar de manager"), default=False)
    criteria = models.JSONField(_("criteria die gelden"), default=list)
    regels = models.JSONField(_("regels van het advies"), default=list)
    advies_niveau = models.PositiveSmallIntegerField(_("geadviseerd niveau"), **NIVEAU)
    advies_naar_manager = models.BooleanField(_("advies: naar de manager"), default=False)
    advies_gevolgd = models.BooleanField(_("advies gevolgd"))
    reden_afwijking = models.TextField(_("reden om af te wijken van het advies"), blank=True)
    vraag_manager = models.TextField(_("vraag aan de manager"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now, db_index=True)
    # Who this lands with, as it was when it was decided (an account may move on later):
    # the deciding regisseur's organisation and manager, and the household's municipality.
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opgelost_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    opgelost_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    oplossing = models.TextField(_("hoe is het afgehandeld"), blank=True)

    objects = OpschalingQuerySet.as_manager()

    class Meta:
        verbose_name = _("opschaling")
        verbose_name_plural = _("opschalingen")
        ordering = ["-op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(advies_gevolgd=True) | ~Q(reden_afwijking=""),
                name="opschaling_afwijking_met_reden",
            ),
            models.CheckConstraint(
                condition=Q(opgelost_op__isnull=True) | ~Q(oplossing=""),
                name="opschaling_afhandeling_met_toelichting",
            ),
        ]
        indexes = [
            models.Index(fields=["organisatie", "opgelost_op"]),
            models.Index(fields=["manager", "opgelost_op"]),
            models.Index(fields=["gemeente", "opgelost_op"]),
        ]

    def __str__(self) -> str:
        return f"Traject #{self.traject_id}: {self.van_niveau} → {self.naar_niveau}"

    def get_absolute_url(self) -> str:
        return reverse("regiekaart:escalatie", args=[self.pk])

    @property
    def audit_household_id(self) -> int:
        return self.traject.huishouden_id

    @property
    def vraagt_afhandeling(self) -> bool:
        return self.richting == Richting.OPSCHALEN or self.naar_manager

    @property
    def is_open(self) -> bool:
        return self.vraagt_afhandeling and self.opgelost_op is None

    @property
    def leeftijd(self):
        return (self.opgelost_op or timezone.now()) - self.op


class Melding(models.Model):
    aan = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="regiekaart_meldingen"
    )
    opschaling = models.ForeignKey(Opschaling, on_delete=models.CASCADE, related_name="meldingen")
    tekst = models.CharField(max_length=300)
    gemaakt_op = models.DateTimeField(auto_now_add=True)
    gelezen_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-gemaakt_op", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["aan", "opschaling"], name="melding_once_per_manager")
        ]
        indexes = [
            models.Index(fields=["aan"], condition=Q(gelezen_op__isnull=True), name="ongelezen_idx")
        ]

    def __str__(self) -> str:
        return self.tekst

    def get_absolute_url(self) -> str:
        return reverse("regiekaart:escalatie", args=[self.opschaling_id])
