"""The method's guidance as data: action lists per phase and the start criteria.

Loaded from `huishoudens/data/werkproces.json` (seed 002 DEEL A and 004; ch. 4 for the
criteria) by migration 0002. The lists guide, they do not block ("richtinggevend en
niet dwingend"): ticking or skipping an action never gates a phase change.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from huishoudens.constants import FaseActieStatus, TrajectRol

from .traject import Traject


class FaseActie(models.Model):
    fase = models.CharField(_("fase"), max_length=8)
    rol = models.CharField(_("rol"), max_length=20, choices=TrajectRol.choices)
    volgorde = models.PositiveSmallIntegerField()
    tekst = models.TextField()
    bron = models.CharField(_("bron"), max_length=200)

    class Meta:
        verbose_name = _("actie uit het werkproces")
        verbose_name_plural = _("acties uit het werkproces")
        ordering = ["fase", "rol", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["fase", "rol", "volgorde"], name="faseactie_unique")
        ]

    def __str__(self) -> str:
        return f"{self.fase} {self.rol} {self.volgorde}. {self.tekst[:60]}"


class ActieVoortgang(models.Model):
    """An action of the list ticked (done) or skipped with a note, for one traject.

    The phases that repeat (4, 5a, 5b: `RONDE_FASEN`) are ticked per round: `ronde` is the
    traject's round when ticked, and the earlier rounds' rows stay as history. Other
    phases are ticked once per traject (`ronde` 1)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="actievoortgang")
    actie = models.ForeignKey(FaseActie, on_delete=models.PROTECT, related_name="+")
    ronde = models.PositiveSmallIntegerField(_("ronde"), default=1)
    status = models.CharField(max_length=12, choices=FaseActieStatus.choices)
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["traject", "actie", "ronde"], name="actievoortgang_ronde_unique"
            )
        ]


class StartCriterium(models.Model):
    """A criterion for starting 1G1P1R: the six of 002 ch. 4, or an organisation's own."""

    tekst = models.TextField()
    volgorde = models.PositiveSmallIntegerField(default=0)
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    organisatie = models.ForeignKey(
        "regie.Organisatie",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg: geldt voor iedereen (criteria kwetsbaar huishouden)."),
    )
    actief = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("startcriterium")
        verbose_name_plural = _("startcriteria")
        ordering = ["organisatie_id", "volgorde"]

    def __str__(self) -> str:
        return self.tekst[:80]


class IntakeAntwoord(models.Model):
    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="intake_antwoorden")
    criterium = models.ForeignKey(StartCriterium, on_delete=models.PROTECT, related_name="+")
    van_toepassing = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["traject", "criterium"], name="intakeantwoord_unique")
        ]
