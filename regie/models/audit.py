"""The audit log (in the spirit of NEN 7513): who did what with whose data, and when.

One row per read of personal data, change, export, print/PDF, search, login event and
denied attempt. Rows are written synchronously in the same database as the data.
The user is stored by id and e-mail, not as a foreign key, so the log outlives accounts.

Nobody can change or remove a row unseen, in three layers (issue #11):

- The model and its QuerySet refuse updates and deletes; on PostgreSQL a trigger
  (migration 0002) refuses them too.
- The application connects as a database role that owns nothing and may only INSERT and
  SELECT on this table (`manage.py db_rechten`), so it cannot truncate the table, disable
  or drop the trigger, or switch triggers off with `session_replication_role`.
- Every row is chained to the one before: `chain_seq` is its position (1, 2, 3, ... without
  holes) and `chain_hash` is HMAC-SHA256, keyed with `settings.AUDIT_KEY`, over the previous
  row's hash and this row's own content. The key is not in the database, so even the
  database owner, who can disable the trigger, cannot remove or change a row and re-chain
  the rest; `manage.py audit_verify` finds the hole or the changed row. Writers take a
  PostgreSQL advisory lock for the rest of their transaction, so two writers never read the
  same head and fork the chain (READ COMMITTED: after the lock, the previous writer's row is
  committed and visible). A holder of the key can still forge new rows, and removing the
  newest rows leaves no hole: record the head hash `audit_verify` prints elsewhere.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import ipaddress
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections, models, router, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regie.constants import AuditActie, AuditUitkomst, Rol
from regie.visibility import VisibleQuerySet

# The stored fields each row's hash covers, in this order: everything but `id` (assigned by
# the database after hashing) and `chain_hash` itself. A new field joins the chain only with
# a new canonical form (and a migration that says from which position it applies).
CHAINED_FIELDS = (
    "chain_seq",
    "timestamp",
    "user_id",
    "user_email",
    "role",
    "organisation_id",
    "organisation_name",
    "household_id",
    "person_id",
    "action",
    "object_type",
    "object_id",
    "outcome",
    "ip_address",
    "path",
    "detail",
)

# pg_advisory_xact_lock key that serialises writers of the chain ("regi" in ASCII).
CHAIN_LOCK_KEY = 0x72656769


class AppendOnlyError(Exception):
    pass


def _canonical(name: str, value) -> object:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat(timespec="microseconds")
    if name == "ip_address":
        return str(ipaddress.ip_address(value))
    if isinstance(value, int):
        return value
    return str(value)


def chain_digest(*, key: str, previous: str, values: dict) -> str:
    """The chain hash of a row with these `values` (a dict over CHAINED_FIELDS) after the row
    whose hash is `previous` ("" for the first row)."""
    content = [[name, _canonical(name, values[name])] for name in CHAINED_FIELDS]
    message = json.dumps([previous, content], ensure_ascii=True, separators=(",", ":"))
    return hmac.new(key.encode(), message.encode(), hashlib.sha256).hexdigest()


def chain_lock(using: str) -> None:
    """Serialise chain writers until the current transaction ends (PostgreSQL only; SQLite,
    the development default, writes one transaction at a time anyway)."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])


class AuditQuerySet(VisibleQuerySet):
    # Only the privacy officer reads the audit log.
    visible_to_role = Rol.PRIVACYFUNCTIONARIS

    def update(self, **kwargs):
        raise AppendOnlyError("Het auditlog kan niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Het auditlog kan niet worden verwijderd.")

    def _raw_delete(self, *args, **kwargs):
        raise AppendOnlyError("Het auditlog kan niet worden verwijderd.")

    def bulk_create(self, *args, **kwargs):
        # bulk_create skips save(), and with it the chain.
        raise AppendOnlyError("Auditregels worden één voor één aan de keten toegevoegd.")


class AuditEntry(models.Model):
    timestamp = models.DateTimeField(
        _("tijdstip (UTC)"), default=timezone.now, editable=False, db_index=True
    )
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
    chain_seq = models.PositiveBigIntegerField(
        _("positie in de keten"), unique=True, editable=False
    )
    chain_hash = models.CharField(_("ketenhash"), max_length=64, editable=False)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        # Newest first by position in the chain: unique and in insertion order, so the
        # privacy page pages by it without counting (keyset, issue #15); each search it
        # offers has an index ending in it.
        ordering = ["-chain_seq"]
        indexes = [
            models.Index(fields=["user_id", "chain_seq"], name="audit_user_seq"),
            models.Index(fields=["user_email", "chain_seq"], name="audit_email_seq"),
            models.Index(fields=["household_id", "chain_seq"], name="audit_household_seq"),
            models.Index(fields=["person_id", "chain_seq"], name="audit_person_seq"),
        ]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.user_email} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        """Insert this row at the head of the chain; a stored row is never saved again."""
        if self.pk is not None or self.chain_hash:
            raise AppendOnlyError("Het auditlog kan niet worden gewijzigd.")
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        # No savepoint of its own: if the insert fails, the caller's transaction fails too.
        with transaction.atomic(using=using, savepoint=False):
            # Lock and read the head in two statements: in READ COMMITTED each statement
            # sees what was committed when it started, so only a read after the lock
            # sees the row of the writer that held it before us.
            chain_lock(using)
            head = (
                type(self)
                ._base_manager.using(using)
                .order_by("-chain_seq")
                .values_list("chain_seq", "chain_hash")
                .first()
            )
            seq, previous = head if head else (0, "")
            self.timestamp = timezone.now()
            self.chain_seq = seq + 1
            # Hash exactly what the database will store and give back.
            for name in CHAINED_FIELDS:
                f = self._meta.get_field(name)
                value = f.to_python(getattr(self, f.attname))
                if name == "ip_address" and value:
                    value = str(ipaddress.ip_address(value))
                setattr(self, f.attname, value)
            values = {name: getattr(self, name) for name in CHAINED_FIELDS}
            self.chain_hash = chain_digest(key=settings.AUDIT_KEY, previous=previous, values=values)
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Het auditlog kan niet worden verwijderd.")


@dataclass
class ChainReport:
    """What `chain_verify` found: `count` rows, the head (last position and its hash) and
    one line per finding (a hole or a changed row); intact when `findings` is empty."""

    count: int = 0
    head_seq: int = 0
    head_hash: str = ""
    findings: list[str] = field(default_factory=list)


def chain_verify(*, using: str = "default", key: str | None = None) -> ChainReport:
    """Walk the log in id order and check every row against the chain.

    A row whose position skips ahead follows a hole (rows removed; its own hash cannot be
    checked, it was made over the missing row's hash). A row whose position or hash does not
    match was changed. Removing the newest rows leaves no hole: compare the head with one
    recorded earlier."""
    key = settings.AUDIT_KEY if key is None else key
    report = ChainReport()
    expected, previous = 1, ""
    rows = (
        AuditEntry._base_manager.using(using)
        .order_by("id")
        .values("id", "chain_hash", *CHAINED_FIELDS)
        .iterator(chunk_size=2000)
    )
    for row in rows:
        report.count += 1
        seq = row["chain_seq"]
        if seq > expected:
            report.findings.append(
                _("Gat: positie %(first)s tot en met %(last)s ontbreekt (vóór regel %(id)s).")
                % {"first": expected, "last": seq - 1, "id": row["id"]}
                if seq - expected > 1
                else _("Gat: positie %(first)s ontbreekt (vóór regel %(id)s).")
                % {"first": expected, "id": row["id"]}
            )
            expected = seq
        elif seq < expected:
            report.findings.append(
                _("Gewijzigd: regel %(id)s staat op positie %(seq)s, verwacht %(expected)s.")
                % {"id": row["id"], "seq": seq, "expected": expected}
            )
        elif chain_digest(key=key, previous=previous, values=row) != row["chain_hash"]:
            report.findings.append(
                _("Gewijzigd: regel %(id)s (positie %(seq)s) klopt niet met de keten.")
                % {"id": row["id"], "seq": seq}
            )
        previous = row["chain_hash"]
        report.head_seq, report.head_hash = expected, previous
        expected += 1
    return report
