"""The Ondersteuningsplan: one plan per traject (seed 002 DEEL H), filled in or amended at
every overleg.

Between meetings the plan is a draft: these rows, edited by the people involved. At an
overleg the draft is fixed ("vastgesteld") as a `PlanVersie`: a read-only snapshot of every
section, including the household's personal sections as they were then, with a hash of its
content (signatures in the Veiligheidsplan refer to it). Earlier versions never change.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huishoudens.constants import Leefgebied
from plannen.constants import ActieStatus, DoelBereikt, KrachtZorgSoort
from regie.visibility import VisibleQuerySet


class PlanQuerySet(VisibleQuerySet):
    household_field = "traject__huishouden_id"


class Ondersteuningsplan(models.Model):
    traject = models.OneToOneField(
        "huishoudens.Traject", on_delete=models.PROTECT, related_name="ondersteuningsplan"
    )
    aanleiding = models.TextField(_("aanleiding, vraag of zorg"), blank=True)
    integrale_analyse = models.TextField(_("integrale analyse"), blank=True)
    gewenst_resultaat = models.TextField(_("gewenste resultaat"), blank=True)
    zorgen_veiligheid = models.BooleanField(
        _("zorgen over basiszorg en/of veiligheid"), null=True, blank=True
    )
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    # 002 DEEL H, Ondersteuningsplan, "Overige gegevens": "Indien het een aanvraag of
    # beschikking betreft: Het woonplaatsbeginsel is gecontroleerd / Legitimatie is
    # gecontroleerd". Only then does the plan print those two checks per member (issue #12).
    aanvraag_beschikking = models.BooleanField(
        _("dit plan dient als aanvraag voor een beschikking"),
        default=False,
        help_text=_(
            "Dan staat in het plan per gezinslid of het woonplaatsbeginsel en de legitimatie "
            "zijn gecontroleerd."
        ),
    )
    # Optimistic locking of the text sections: a save must name the revision it started from.
    revisie = models.PositiveIntegerField(default=0)
    bijgewerkt_op = models.DateTimeField(auto_now=True)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("ondersteuningsplan")
        verbose_name_plural = _("ondersteuningsplannen")

    def __str__(self) -> str:
        return f"Ondersteuningsplan {self.traject.huishouden}"

    @property
    def audit_household_id(self) -> int:
        return self.traject.huishouden_id


class KrachtZorg(models.Model):
    """A strength or a concern: who says it, what, since when, with what consequences."""

    plan = models.ForeignKey(
        Ondersteuningsplan, on_delete=models.CASCADE, related_name="krachten_zorgen"
    )
    soort = models.CharField(_("soort"), max_length=10, choices=KrachtZorgSoort.choices)
    wie = models.CharField(_("wie zegt het"), max_length=150, blank=True)
    wat = models.TextField(_("wat"))
    citaat = models.BooleanField(_("letterlijk citaat"), default=False)
    sinds = models.CharField(_("sinds wanneer"), max_length=100, blank=True)
    gevolgen = models.TextField(_("gevolgen"), blank=True)
    leefgebied = models.CharField(
        _("leefgebied"), max_length=20, choices=Leefgebied.choices, blank=True
    )

    class Meta:
        ordering = ["soort", "id"]


class EerdereHulp(models.Model):
    plan = models.ForeignKey(
        Ondersteuningsplan, on_delete=models.CASCADE, related_name="eerdere_hulp"
    )
    hulp = models.CharField(_("welke hulp"), max_length=300)
    door = models.CharField(_("door wie"), max_length=200, blank=True)
    wanneer = models.CharField(_("wanneer"), max_length=100, blank=True)
    resultaat = models.TextField(_("resultaat"), blank=True)

    class Meta:
        ordering = ["id"]


class Doel(models.Model):
    plan = models.ForeignKey(Ondersteuningsplan, on_delete=models.CASCADE, related_name="doelen")
    tekst = models.TextField(_("doel: wat wilt u/jij bereiken?"))
    leefgebied = models.CharField(
        _("leefgebied"), max_length=20, choices=Leefgebied.choices, blank=True
    )
    bereikt = models.CharField(
        _("is het doel bereikt?"),
        max_length=10,
        choices=DoelBereikt.choices,
        default=DoelBereikt.NOG_NIET,
    )
    volgorde = models.PositiveSmallIntegerField(default=0)
    # The goal starting a Veiligheidsplan adds (002 DEEL H doelencheck); marked, so the
    # check does not depend on its words (issue #13).
    standaarddoel = models.BooleanField(
        _("standaarddoel van het Veiligheidsplan"), default=False, editable=False
    )

    class Meta:
        ordering = ["volgorde", "id"]

    def __str__(self) -> str:
        return self.tekst[:80]


class ActieQuerySet(VisibleQuerySet):
    household_field = "doel__plan__traject__huishouden_id"


class Actie(models.Model):
    """Wie doet wat wanneer. `wie_user` is set when a Regie user does it (their "Mijn acties");
    members, network and external professionals are named in `wie`."""

    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="acties")
    wat = models.TextField(_("wat moet er gebeuren"))
    wie = models.CharField(_("wie"), max_length=150, blank=True)
    wie_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_acties",
        verbose_name=_("wie (gebruiker van Regie)"),
    )
    wanneer = models.DateField(_("wanneer (uiterlijk)"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ActieStatus.choices, default=ActieStatus.OPEN
    )
    notitie = models.TextField(_("notitie"), blank=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    objects = ActieQuerySet.as_manager()

    class Meta:
        ordering = ["wanneer", "id"]
        indexes = [models.Index(fields=["wie_user", "status", "wanneer"])]

    def __str__(self) -> str:
        return self.wat[:80]

    @property
    def audit_household_id(self) -> int:
        return self.doel.plan.traject.huishouden_id

    @property
    def te_laat(self) -> bool:
        return bool(
            self.wanneer
            and self.wanneer < timezone.localdate()
            and self.status in (ActieStatus.OPEN, ActieStatus.BEZIG)
        )

    @property
    def uitvoerder(self) -> str:
        return self.wie_user.get_full_name() if self.wie_user_id else self.wie


class PlanningOverleg(models.Model):
    """ "Planning overleg" (002 DEEL H): which overleg, date, time, place. The meetings of issue
    #5 will fill this from the agenda; until then the regisseur notes them here."""

    plan = models.ForeignKey(Ondersteuningsplan, on_delete=models.CASCADE, related_name="planning")
    overleg = models.CharField(_("overleg"), max_length=150)
    datum = models.DateField(_("datum"))
    tijd = models.TimeField(_("tijd"), null=True, blank=True)
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)

    class Meta:
        ordering = ["datum", "tijd"]


class PlanVersie(models.Model):
    plan = models.ForeignKey(Ondersteuningsplan, on_delete=models.PROTECT, related_name="versies")
    nummer = models.PositiveIntegerField()
    overleg = models.CharField(
        _("overleg"), max_length=200, help_text=_("Bijvoorbeeld: startoverleg 12 maart.")
    )
    # The meeting the version was fixed in, one of the traject's (issue #12). Versions from
    # before keep only the typed `overleg` label (then a note); new ones carry the meeting's kind.
    vastgesteld_in = models.ForeignKey(
        "plannen.Overleg",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vastgestelde_versies",
        verbose_name=_("vastgesteld in overleg"),
    )
    vastgesteld_op = models.DateTimeField(auto_now_add=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    inhoud = models.JSONField()
    inhoud_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "nummer"], name="planversie_nummer_uniek")
        ]

    def __str__(self) -> str:
        return f"Versie {self.nummer} ({self.overleg})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Een vastgestelde versie kan niet meer worden gewijzigd.")
        super().save(*args, **kwargs)

    @property
    def audit_household_id(self) -> int:
        return self.plan.traject.huishouden_id


class PlanPdf(models.Model):
    """The PDF of one fixed version, rendered by a Celery task (plannen.tasks)."""

    class Status(models.TextChoices):
        BEZIG = "bezig", _("Wordt gemaakt")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    versie = models.OneToOneField(PlanVersie, on_delete=models.PROTECT, related_name="pdf")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BEZIG)
    bestand = models.FileField(upload_to="plannen/pdf/", blank=True)
    fout = models.CharField(max_length=500, blank=True)
    gevraagd_op = models.DateTimeField(auto_now=True)
    duur_ms = models.PositiveIntegerField(null=True, blank=True)

    @property
    def audit_household_id(self) -> int:
        return self.versie.plan.traject.huishouden_id
