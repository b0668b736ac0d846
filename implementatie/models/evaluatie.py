"""The evaluation with the household and the monitoring surveys (seed 002 DEEL I, "Formats:
Evaluatie"; issue #14).

* `Vragenlijst` and `Vraag`: the questionnaires as data (`implementatie/data/evaluatie.json`,
  loaded by migration 0003_evaluatie): the evaluation's four statements per group (klant,
  familie en vrienden, professional) on a five-point scale, and the example monitoring
  questions for client panels and organisations.
* `Evaluatie`: that the procesregisseur opened the evaluation of a traject at the last
  overleg (002 fase 6b step 5, "Evalueer het traject en de resultaten tijdens het laatste
  overleg"), with counts only (links sent, paper forms entered), never who answered.
* `Enquete`: a monitoring survey sent by an aandachtsfunctionaris, agendahouder, manager or
  regiocoördinator to addresses they give.
* `Link`: a personal link (`/implementatie/evaluatie/invullen/<token>/`): the token itself
  is never stored, only its SHA-256; it says what may be answered (questionnaire, group,
  organisation, survey), until when, and whether it was used. It names no person and no
  traject, and it gets no answer id when used.
* `Inzending` and `Antwoord`: one filled-in questionnaire and its answers, stored with the
  organisation, the month and the group only. Random primary keys and no time of day, so
  neither the order of arrival nor a timestamp ties an answer to a link, a traject or a
  person (see `implementatie/README.md`, "Evaluatie").
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class VragenlijstSoort(models.TextChoices):
    EVALUATIE = "evaluatie", _("Evaluatie met het huishouden")
    MONITORING = "monitoring", _("Monitoring (enquête)")


class Groep(models.TextChoices):
    """The three groups of 002 DEEL I ("Voor klanten", "Voor familie en vrienden", "Voor
    professionals"); a monitoring survey has no group ("")."""

    KLANT = "klant", _("Klant")
    FAMILIE = "familie", _("Familie en vrienden")
    PROFESSIONAL = "professional", _("Professional")


class VraagSoort(models.TextChoices):
    SCHAAL = "schaal", _("Stelling (vijfpuntsschaal)")
    JA_NEE = "ja_nee", _("Ja of nee")
    POSITIEF_NEGATIEF = "positief_negatief", _("Positief of negatief, met toelichting")
    PERCENTAGE = "percentage", _("Percentage")
    OPEN = "open", _("Open vraag")
    KOP = "kop", _("Tussenkop")


class Vragenlijst(models.Model):
    sleutel = models.SlugField(unique=True)
    soort = models.CharField(max_length=12, choices=VragenlijstSoort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    inleiding = models.TextField(blank=True)
    # The five points of the scale, [{"waarde": 5, "label": "Zeer eens"}, ...].
    schaal = models.JSONField(default=list, blank=True)
    bron = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
        ordering = ["soort", "id"]

    def __str__(self) -> str:
        return self.titel


class Vraag(models.Model):
    vragenlijst = models.ForeignKey(Vragenlijst, on_delete=models.CASCADE, related_name="vragen")
    groep = models.CharField(max_length=12, choices=Groep.choices, blank=True)
    sleutel = models.SlugField(max_length=60)
    volgorde = models.PositiveSmallIntegerField()
    tekst = models.TextField()
    soort = models.CharField(max_length=20, choices=VraagSoort.choices)
    niveau = models.PositiveSmallIntegerField(default=1)  # 2: a sub-question of the one above

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["vragenlijst", "groep", "volgorde"]
        constraints = [
            models.UniqueConstraint(
                fields=["vragenlijst", "groep", "sleutel"], name="vraag_once_per_groep"
            )
        ]

    def __str__(self) -> str:
        return self.tekst


class Evaluatie(models.Model):
    """The evaluation of one traject, opened at its last overleg (002 fase 6b step 5)."""

    traject = models.OneToOneField(
        "huishoudens.Traject", on_delete=models.PROTECT, related_name="evaluatie"
    )
    organisatie = models.ForeignKey("regie.Organisatie", on_delete=models.PROTECT, related_name="+")
    geopend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    geopend_op = models.DateField(auto_now_add=True)
    links_verstuurd = models.PositiveIntegerField(default=0)
    papier_ingevoerd = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")

    @property
    def audit_household_id(self) -> int:
        return self.traject.huishouden_id


class Enquete(models.Model):
    """A monitoring survey (002 DEEL I, "Monitoring voorbeeldvragen") of one scope."""

    vragenlijst = models.ForeignKey(Vragenlijst, on_delete=models.PROTECT, related_name="+")
    titel = models.CharField(_("titel"), max_length=200)
    # The scope it belongs to: the sender's organisation and the level of their role.
    organisatie = models.ForeignKey("regie.Organisatie", on_delete=models.PROTECT, related_name="+")
    niveau = models.CharField(max_length=12)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateField(auto_now_add=True)
    links_verstuurd = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("enquête")
        verbose_name_plural = _("enquêtes")
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self) -> str:
        return self.titel


class Link(models.Model):
    """A personal, one-use link. Only the token's SHA-256 is kept; no person, no traject."""

    token_hash = models.CharField(max_length=64, unique=True)
    vragenlijst = models.ForeignKey(Vragenlijst, on_delete=models.PROTECT, related_name="+")
    groep = models.CharField(max_length=12, choices=Groep.choices, blank=True)
    organisatie = models.ForeignKey("regie.Organisatie", on_delete=models.PROTECT, related_name="+")
    enquete = models.ForeignKey(
        Enquete, on_delete=models.CASCADE, null=True, blank=True, related_name="links"
    )
    jij = models.BooleanField(default=False)  # the household's preference (u or jij)
    verloopt_op = models.DateField()
    gebruikt = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("persoonlijke link")
        verbose_name_plural = _("persoonlijke links")


class Inzending(models.Model):
    """One filled-in questionnaire: organisation, month and group, nothing more."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vragenlijst = models.ForeignKey(Vragenlijst, on_delete=models.PROTECT, related_name="+")
    organisatie = models.ForeignKey("regie.Organisatie", on_delete=models.PROTECT, related_name="+")
    periode = models.DateField()  # the first day of the month
    groep = models.CharField(max_length=12, choices=Groep.choices, blank=True)
    enquete = models.ForeignKey(
        Enquete, on_delete=models.CASCADE, null=True, blank=True, related_name="inzendingen"
    )

    class Meta:
        verbose_name = _("ingevulde vragenlijst")
        verbose_name_plural = _("ingevulde vragenlijsten")
        indexes = [models.Index(fields=["vragenlijst", "periode"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(periode__day=1), name="inzending_periode_is_a_month"
            )
        ]


class Antwoord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    inzending = models.ForeignKey(Inzending, on_delete=models.CASCADE, related_name="antwoorden")
    vraag = models.ForeignKey(Vraag, on_delete=models.PROTECT, related_name="+")
    waarde = models.SmallIntegerField(null=True, blank=True)  # scale 1-5, 1/0, a percentage
    tekst = models.TextField(blank=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["inzending", "vraag"], name="antwoord_once_per_vraag")
        ]
