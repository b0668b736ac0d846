"""Writing the audit log: one call per event, in the request's own transaction.

Views call `audit.log(request, action=..., obj=...)` for every read of a page or file
with personal data, every change, export, print/PDF and search; the access helpers in
`regie.access` log denied attempts. See `regie.models.audit` for the row itself.
"""

from __future__ import annotations

from django.db import models

from regie.constants import AuditActie, AuditUitkomst
from regie.models import AuditEntry


def client_ip(request) -> str | None:
    # Behind the production proxy REMOTE_ADDR is set from X-Forwarded-For by gunicorn's
    # --forwarded-allow-ips; we never trust the header ourselves.
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
