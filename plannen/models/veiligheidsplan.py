"""The Veiligheidsplan (seed 002 DEEL H "Veiligheidsplan"), added to the Ondersteuningsplan on
signals of onvoldoende basiszorg, onveiligheid or geweld. It is fixed together with the
Ondersteuningsplan (its sections are part of the `PlanVersie` snapshot); signatures belong to
such a fixed version and carry its content hash, so a signed version cannot change.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .ondersteuningsplan import Ondersteuningsplan, PlanVersie
from .overleg import Overleg


class Veiligheidsplan(models.Model):
    plan = models.OneToOneField(
        Ondersteuningsplan, on_delete=models.PROTECT, related_name="veiligheidsplan"
    )
    # Doelencheck: goals and actions exist for these three (002 DEEL H, ch. 8).
    doel_opheffen = models.BooleanField(
        _("doelen voor het opheffen van de (acute) onveiligheid"), default=False
    )
    doel_oorzaak = models.BooleanField(
        _("doelen voor het behandelen van de problemen waardoor de onveiligheid is ontstaan"),
        default=False,
    )
    doel_herstel = models.BooleanField(
        _("doelen voor behandeling en nazorg zodat herstel van opgelopen schade mogelijk is"),
        default=False,
    )
    veiligheidsvoorwaarden = models.TextField(
        _("veiligheidsvoorwaarden (indien aanwezig)"), blank=True
    )
    zorgen_onveiligheid = models.TextField(
        _("wat is er gebeurd waardoor er zorgen zijn?"), blank=True
    )
    grootste_zorg = models.TextField(
        _("grootste zorg of gevaar: wat is het ergste dat er kan gebeuren als er niets verandert?"),
        blank=True,
    )
    complicerende_factoren = models.TextField(
        _("wat maakt het soms moeilijker om het veilig te houden?"), blank=True
    )
    bestaande_veiligheid = models.TextField(
        _("wat is er al dat veiligheid geeft voor de grootste zorg(en)?"), blank=True
    )
    datum_vervolgevaluatie = models.DateField(_("datum (vervolg)evaluatie"), null=True, blank=True)
    revisie = models.PositiveIntegerField(default=0)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("veiligheidsplan")
        verbose_name_plural = _("veiligheidsplannen")

    def __str__(self) -> str:
        return f"Veiligheidsplan {self.plan.traject.huishouden}"

    @property
    def audit_household_id(self) -> int:
        return self.plan.traject.huishouden_id


class Veiligheidsafspraak(models.Model):
    veiligheidsplan = models.ForeignKey(
        Veiligheidsplan, on_delete=models.CASCADE, related_name="afspraken"
    )
    minimaal = models.TextField(
        _("wat moet er minimaal gebeuren om de (acute) onveiligheid op te heffen?")
    )
    concreet = models.TextField(
        _("wat moet er concreet en direct gebeuren? (wie, wat, waar en wanneer)")
    )
    nodig = models.TextField(_("wat is hiervoor nodig?"), blank=True)
    toezicht = models.CharField(
        _("wie ziet erop toe dat de afspraken worden uitgevoerd?"), max_length=200
    )
    als_nagekomen = models.TextField(_("wanneer de afspraken wel worden nagekomen"), blank=True)
    als_niet_nagekomen = models.TextField(
        _("wanneer de afspraken niet worden nagekomen"), blank=True
    )

    class Meta:
        ordering = ["id"]


class AfspraakNakoming(models.Model):
    """Whether a veiligheidsafspraak was kept, as discussed at one overleg: the Veiligheidsplan
    asks "Wat gebeurt er wanneer de afspraken wel/niet worden nagekomen?" (seed 002 DEEL H,
    Veiligheidsafspraken) and every voortgangsoverleg "bespreek of de veiligheidsafspraken zijn
    behaald" (002 fase 5b, stap 4). One row per afspraak and overleg, so the rows of an
    afspraak are its history; an afspraak not discussed has no row or "niet besproken"."""

    class Status(models.TextChoices):
        NIET_BESPROKEN = "niet_besproken", _("Niet besproken")
        NAGEKOMEN = "nagekomen", _("Nagekomen")
        NIET_NAGEKOMEN = "niet_nagekomen", _("Niet nagekomen")

    afspraak = models.ForeignKey(
        Veiligheidsafspraak, on_delete=models.CASCADE, related_name="nakomingen"
    )
    overleg = models.ForeignKey(
        Overleg, on_delete=models.PROTECT, related_name="+", verbose_name=_("overleg")
    )
    status = models.CharField(
        _("nagekomen?"), max_length=15, choices=Status.choices, default=Status.NIET_BESPROKEN
    )
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["overleg__datum", "overleg__begin", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["afspraak", "overleg"], name="afspraaknakoming_eenmaal_per_overleg"
            )
        ]


class VeiligheidsContact(models.Model):
    veiligheidsplan = models.ForeignKey(
        Veiligheidsplan, on_delete=models.CASCADE, related_name="contacten"
    )
    naam = models.CharField(_("naam"), max_length=150)
    wanneer_bellen = models.CharField(_("wanneer te bellen"), max_length=200)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["id"]


class Schaalscore(models.Model):
    """The schaalvraag: 0 (very serious, life-threatening unsafety) to 10 (enough safety to
    close the case), given by each person present at every overleg. `gegeven_in` is that
    overleg, one of the traject's (issue #12); rows from before keep only their typed label."""

    veiligheidsplan = models.ForeignKey(
        Veiligheidsplan, on_delete=models.CASCADE, related_name="scores"
    )
    # The label as typed before meetings were chosen (issue #12); for a chosen meeting its kind.
    overleg = models.CharField(_("overleg"), max_length=120)
    gegeven_in = models.ForeignKey(
        Overleg,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("overleg"),
    )
    datum = models.DateField(_("datum"))
    naam = models.CharField(_("naam"), max_length=150)
    score = models.PositiveSmallIntegerField(
        _("cijfer"), validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        ordering = ["datum", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(score__lte=10), name="schaalscore_0_10"),
        ]


class Ondertekening(models.Model):
    """A signature of a fixed plan version: in the app, or a paper signature received."""

    class Wijze(models.TextChoices):
        APP = "app", _("Ondertekend in Regie")
        PAPIER = "papier", _("Papieren handtekening ontvangen")

    class Hoedanigheid(models.TextChoices):
        KLANT = "klant", _("Lid van het huishouden")
        VERTEGENWOORDIGER = "vertegenwoordiger", _("Wettelijk vertegenwoordiger")
        PROFESSIONAL = "professional", _("Professional")

    versie = models.ForeignKey(PlanVersie, on_delete=models.PROTECT, related_name="ondertekeningen")
    naam = models.CharField(_("naam"), max_length=150)
    hoedanigheid = models.CharField(_("hoedanigheid"), max_length=20, choices=Hoedanigheid.choices)
    wijze = models.CharField(_("wijze"), max_length=10, choices=Wijze.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    getekend_op = models.DateTimeField(auto_now_add=True)
    inhoud_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["getekend_op"]
