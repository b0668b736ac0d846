"""Writing the audit log: one call per event, synchronously in the same database.

A change and its audit row are written in one `transaction.atomic()` block by the view,
so neither exists without the other. Denied attempts are written outside any transaction
that is rolled back, so they stay.

Reads are logged structurally (issue #11): the access helpers in `regie.access` that fetch
a household-scoped object for a user call `note_access`, and `AuditReadMiddleware` writes
one "read" row per household the request touched, unless the view already wrote a row
naming that household (a change, print, export or a more specific read). A view cannot
forget it. Views call `audit.log(request, action=..., obj=...)` for every change, export,
print/PDF and search; the access helpers log denied attempts, with the household the
attempted object belongs to and the action attempted. See `regie.models.audit` for the row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import HttpRequest

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
    if household_id is not None and outcome == AuditUitkomst.ALLOWED:
        _covered(request).add(household_id)
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
        path=masked_path(request)[:500],
        detail=detail[:500],
    )


def attempted_action(request) -> AuditActie:
    """What a refused request tried to do: read for GET/HEAD, otherwise a change."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return AuditActie.READ
    return AuditActie.DELETE if request.method == "DELETE" else AuditActie.UPDATE


def log_denied(request, *, detail: str = "", **kwargs) -> AuditEntry:
    return log(
        request,
        action=attempted_action(request),
        outcome=AuditUitkomst.DENIED,
        detail=detail,
        **kwargs,
    )


# --- secrets in paths ------------------------------------------------------------------

# URL arguments that are a key in themselves (the invitation reply token, the password link).
SECRET_URL_KWARGS = frozenset({"token", "key", "uidb36"})
MASK = "***"


def masked_path(request) -> str:
    """The request's path with secret URL arguments replaced by a mask: a live reply token
    in the audit log would let anyone who reads the log answer in the invitee's name."""
    path = request.get_full_path()
    match = getattr(request, "resolver_match", None)
    for name, value in match.kwargs.items() if match else ():
        if name in SECRET_URL_KWARGS and value:
            path = path.replace(str(value), MASK)
    return path


# --- structural read logging ---------------------------------------------------------


def _covered(request) -> set[int]:
    if not hasattr(request, "_audit_covered"):
        request._audit_covered = set()
    return request._audit_covered


def note_access(request, obj: models.Model) -> None:
    """Remember that this request opened `obj` (a household-scoped object) for its user; the
    read is written when the response is ready (AuditReadMiddleware)."""
    household_id = getattr(obj, "audit_household_id", None)
    if household_id is None:
        return
    if not hasattr(request, "_audit_opened"):
        request._audit_opened = {}
    request._audit_opened.setdefault(household_id, obj)


def log_reads(request) -> None:
    """One read row per household the request opened and no row named yet."""
    opened = getattr(request, "_audit_opened", {})
    for household_id, obj in opened.items():
        if household_id not in _covered(request):
            log(request, action=AuditActie.READ, obj=obj)


class AuditReadMiddleware:
    """Writes the read rows of `note_access` once the view has answered successfully (a
    refused or failed request has written its own denied row or shows nothing)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        response = self.get_response(request)
        if response.status_code < 400:
            log_reads(request)
        return response
