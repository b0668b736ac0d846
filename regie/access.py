"""The access policy: who may see and change what (need to know).

All decisions live here, so they can be read and tested in one place.

* Roles gate areas of the application. A user with several roles acts in one role at a
  time (`user.active_role`, set per request by `ActiveRoleMiddleware` from the choice in
  the menu); that role is what the audit log records and what `require_role` checks.
* Case data (households, trajecten, plans, meldcode) is visible only to professionals
  involved with that household. Case apps register how a user is involved through
  `register_household_relation` (issue #3 onward: procesregisseur, casusregisseur,
  linked professional); `filter_households(qs, user, field=...)` unites them into one
  subquery filter, used by the case models' `for_user`. Managers see only what
  the escalation views show; the beheerder sees no case content at all.
* Row filtering is a QuerySet method `for_user(user)` that delegates to a `visible_*`
  function here; each object kind has one helper `get_<noun>_for_user(request, pk)` that
  returns the object or raises 404 and logs the denied attempt. Never fetch a
  household-related object by id without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from regie import audit
from regie.constants import CASE_ROLES, Rol

# --- roles ---------------------------------------------------------------------------


def has_role(user, *roles: str) -> bool:
    return user.is_authenticated and getattr(user, "active_role", None) in roles


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


# --- households (relations registered by the case apps) ------------------------------

# A relation returns the ids of the households a user is involved with: a values() queryset
# (used as a subquery, so lists stay one query) or any iterable of ids.
HouseholdRelation = Callable[[object], Iterable[int]]
_household_relations: list[HouseholdRelation] = []


def register_household_relation(fn: HouseholdRelation) -> HouseholdRelation:
    """Register a function `user -> household ids` the user is involved with."""
    if fn not in _household_relations:
        _household_relations.append(fn)
    return fn


def filter_households(qs: QuerySet, user, *, field: str) -> QuerySet:
    """`qs` narrowed to rows whose `field` is a household the user is involved with.

    Only the case roles see case data; every other role (beheerder, manager...) gets none.
    """
    if not has_role(user, *CASE_ROLES) or not _household_relations:
        return qs.none()
    condition = Q()
    for relation in _household_relations:
        condition |= Q(**{f"{field}__in": relation(user)})
    return qs.filter(condition)


# --- visibility per object kind ------------------------------------------------------


def visible_organisaties(qs: QuerySet, user) -> QuerySet:
    """The organisation register is kept by the beheerder."""
    return qs if has_role(user, Rol.BEHEERDER) else qs.none()


def visible_users(qs: QuerySet, user) -> QuerySet:
    """Accounts (professionals' own data, not case data) are managed by the beheerder."""
    return qs if has_role(user, Rol.BEHEERDER) else qs.none()


def visible_audit_entries(qs: QuerySet, user) -> QuerySet:
    """Only the privacy officer reads the audit log."""
    return qs if has_role(user, Rol.PRIVACYFUNCTIONARIS) else qs.none()


def get_for_user_or_404(request, queryset: QuerySet, pk):
    """Return the object with `pk` from `queryset.for_user(request.user)` or raise 404.

    A hit on a household-scoped object is logged as a read of that household (once per
    request, see regie.audit); a miss as a denied attempt, naming the household the object
    belongs to: the id may exist but not be visible to this user.
    """
    try:
        obj = queryset.for_user(request.user).get(pk=pk)
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
    from regie.models import Organisatie

    return get_for_user_or_404(request, Organisatie.objects.select_related("gemeente"), pk)


def get_user_for_user(request, pk):
    from regie.models import User

    return get_for_user_or_404(
        request,
        User.objects.select_related("organisatie", "manager").prefetch_related(
            "role_assignments", "competenties"
        ),
        pk,
    )
