"""Phase 2's "folder meegeven": a record that a folder of 1Gezin1Plan1Regisseur was given
on paper or sent by e-mail, to whom, by whom and when (seed 002 DEEL A fase 2, "Geef de
klant de folder mee"; the folders themselves are DEEL F, see `huishoudens.folders`).

One row per handing out, never edited. The choices live here rather than in
`huishoudens.constants` because only this record and `huishoudens.folders` use them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .traject import Traject


class FolderSoort(models.TextChoices):
    """The three folders of 002 DEEL F."""

    KLANT_U = "klant_u", _("Folder voor klant (u-vorm)")
    KLANT_JIJ = "klant_jij", _("Folder voor klant (jij-vorm)")
    PROFESSIONAL = "professional", _("Folder voor professional")


class FolderWijze(models.TextChoices):
    PAPIER = "papier", _("Op papier meegegeven")
    EMAIL = "email", _("Per e-mail verstuurd")


class FolderOntvanger(models.TextChoices):
    """Who received it: decides the folder (a professional gets the professional's)."""

    GEZINSLID = "gezinslid", _("Gezinslid")
    NETWERKLID = "netwerklid", _("Netwerklid")
    PROFESSIONAL = "professional", _("Betrokken professional")


class FolderUitgereikt(models.Model):
    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="folders")
    folder = models.CharField(_("folder"), max_length=12, choices=FolderSoort.choices)
    wijze = models.CharField(_("wijze"), max_length=6, choices=FolderWijze.choices)
    soort_ontvanger = models.CharField(
        _("soort ontvanger"), max_length=12, choices=FolderOntvanger.choices
    )
    # The name as it was then: the member may later leave the household.
    ontvanger = models.CharField(_("ontvanger"), max_length=150)
    # The e-mail that carried it (status in the outbox); empty for paper.
    bericht = models.ForeignKey(
        "regie.Bericht", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("uitgereikte folder")
        verbose_name_plural = _("uitgereikte folders")
        ordering = ["-op", "-id"]

    def __str__(self) -> str:
        return f"{self.get_folder_display()} -> {self.ontvanger} ({self.get_wijze_display()})"

    @property
    def audit_household_id(self) -> int:
        return self.traject.huishouden_id
