"""Writing the audit log: one call per event, synchronously in the same database.

A change and its audit row are written in one `transaction.atomic()` block by the view,
so neither exists without the other. Denied attempts are written outside any transaction
that is rolled back, so they stay.

Views call `audit.log(request, action=..., obj=...)` for every read of a page or file
with personal data, every change, export, print/PDF and search; the access helpers in
`regie.access` log denied attempts. See `regie.models.audit` for the row itself.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from regie.constants import AuditActie, AuditUitkomst
from regie.models import AuditEntry


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the
    X-Forwarded-For entry the outermost trusted proxy added (earlier entries can be forged)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def log(
    request,
    *,
    action: AuditActie,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    household_id: int | None = None,
    person_id: int | None = None,
    outcome: AuditUitkomst = AuditUitkomst.ALLOWED,
    detail: str = "",
    user=None,
) -> AuditEntry:
    user = user if user is not None else getattr(request, "user", None)
    authenticated = user is not None and user.is_authenticated
    organisatie = getattr(user, "organisatie", None) if authenticated else None
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = object_id or obj.pk
        household_id = household_id or getattr(obj, "audit_household_id", None)
        person_id = person_id or getattr(obj, "audit_person_id", None)
    return AuditEntry.objects.create(
        user_id=user.pk if authenticated else None,
        user_email=user.email if authenticated else "",
        role=(getattr(user, "active_role", "") or "") if authenticated else "",
        organisation_id=organisatie.pk if organisatie else None,
        organisation_name=organisatie.naam if organisatie else "",
        household_id=household_id,
        person_id=person_id,
        action=action,
        object_type=object_type,
        object_id=str(object_id) if object_id != "" else "",
        outcome=outcome,
        ip_address=client_ip(request),
        path=request.get_full_path()[:500],
        detail=detail[:500],
    )


def log_denied(request, *, detail: str = "", **kwargs) -> AuditEntry:
    return log(
        request, action=AuditActie.READ, outcome=AuditUitkomst.DENIED, detail=detail, **kwargs
    )
