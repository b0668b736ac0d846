"""The audit log (in the spirit of NEN 7513): who did what with whose data, and when.

One row per read of personal data, change, export, print/PDF, search, login event and
denied attempt. Rows are written synchronously in the same database as the data.
The log is append-only: this model refuses updates and deletes, and on PostgreSQL a
trigger (migration 0002) refuses them too. The user is stored by id and e-mail, not as
a foreign key, so the log outlives accounts.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from regie.constants import AuditActie, AuditUitkomst


class AppendOnlyError(Exception):
    pass


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Het auditlog kan niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Het auditlog kan niet worden verwijderd.")

    def _raw_delete(self, *args, **kwargs):
        raise AppendOnlyError("Het auditlog kan niet worden verwijderd.")

    def for_user(self, user):
        from regie.access import visible_audit_entries

        return visible_audit_entries(self, user)


class AuditEntry(models.Model):
    timestamp = models.DateTimeField(_("tijdstip (UTC)"), auto_now_add=True, db_index=True)
    user_id = models.BigIntegerField(_("gebruiker-id"), null=True, blank=True)
    user_email = models.CharField(_("gebruiker"), max_length=254, blank=True)
    role = models.CharField(_("rol"), max_length=30, blank=True)
    organisation_id = models.BigIntegerField(null=True, blank=True)
    organisation_name = models.CharField(_("organisatie"), max_length=200, blank=True)
    household_id = models.BigIntegerField(_("huishouden"), null=True, blank=True)
    person_id = models.BigIntegerField(_("persoon"), null=True, blank=True)
    action = models.CharField(_("actie"), max_length=20, choices=AuditActie.choices)
    object_type = models.CharField(_("objecttype"), max_length=60, blank=True)
    object_id = models.CharField(_("object-id"), max_length=60, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=10, choices=AuditUitkomst.choices)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    path = models.CharField(_("adres"), max_length=500, blank=True)
    detail = models.CharField(_("toelichting"), max_length=500, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-timestamp", "-id"]
        indexes = [
            models.Index(fields=["user_id", "timestamp"]),
            models.Index(fields=["household_id", "timestamp"]),
            models.Index(fields=["person_id", "timestamp"]),
        ]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.user_email} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Het auditlog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Het auditlog kan niet worden verwijderd.")
