"""Enforcing the access policy per request: decorators, get-or-404 and their audit rows.

The rules themselves (who may see which household, which role sees which register) are in
`regie.visibility`, which imports no model; this module applies them to a request and
writes what happened to the audit log (`regie.audit`). Views use one name for both:
`access.require_role(...)`, `access.has_role(...)`, `access.get_for_user_or_404(...)`.

* `require_role(*roles)` gates a view on the active role (`user.active_role`, set per
  request by `ActiveRoleMiddleware`); a refusal is a 403 and a denied audit row.
  `login_required` is for pages every signed-in professional may open.
* Each object kind has one helper `get_<noun>_for_user(request, pk)` that returns the
  object from `Model.objects.for_user(user)` (see `regie.visibility.VisibleQuerySet`) or
  raises 404 and logs the denied attempt. Never fetch a household-related object by id
  without it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404

from regie import audit
from regie.constants import Rol
from regie.models import Organisatie, User

# The rules, re-exported so views keep one name for the policy (`access.has_role(...)`).
from regie.visibility import (  # noqa: F401
    _household_relations,
    filter_households,
    has_role,
    register_household_relation,
)

# --- roles ---------------------------------------------------------------------------


def require_role(*roles: Rol) -> Callable:
    """View decorator: the active role must be one of `roles`; others get 403, logged."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                audit.log_denied(request, object_type=view.__name__, detail="rol ontbreekt")
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.required_roles = tuple(roles)
        return wrapper

    return decorator


def login_required(view):
    """For pages every signed-in professional may open (start page, role switch)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


# --- one object -----------------------------------------------------------------------


def get_for_user_or_404(request, queryset: QuerySet, pk, *, existence_only: bool = False):
    """Return the object with `pk` from `queryset.for_user(request.user)` or raise 404.

    With `existence_only`, the declared base rule without the object-level restriction
    (`VisibleQuerySet.visible`): for a page that shows that an object exists to people who
    may not read its content (a meldcode dossier), and checks the content itself.

    A hit on a household-scoped object is logged as a read of that household (once per
    request, see regie.audit); a miss as a denied attempt, naming the household the object
    belongs to: the id may exist but not be visible to this user.
    """
    user = request.user
    try:
        rows = queryset.visible(user) if existence_only else queryset.for_user(user)
        obj = rows.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError, ValidationError):
        audit.log_denied(
            request,
            object_type=queryset.model._meta.label,
            object_id=str(pk)[:60],
            household_id=_household_of(queryset.model, pk),
            detail="niet zichtbaar",
        )
        raise Http404 from None
    audit.note_access(request, obj)
    return obj


def _household_of(model, pk) -> int | None:
    """The household an object belongs to, whoever asks: a privacy officer searching a
    household must find the attempts on it by people who were not involved."""
    try:
        obj = model._base_manager.filter(pk=pk).first()
    except (ValueError, TypeError, ValidationError):
        return None
    return getattr(obj, "audit_household_id", None) if obj is not None else None


def get_organisatie_for_user(request, pk):
    return get_for_user_or_404(request, Organisatie.objects.select_related("gemeente"), pk)


def get_user_for_user(request, pk):
    return get_for_user_or_404(
        request,
        User.objects.select_related("organisatie", "manager").prefetch_related(
            "role_assignments", "competenties"
        ),
        pk,
    )
