"""Fetching a dossier for a request, with the meldcode's narrower rule on top of the
household's (meldcode.policy): the dossier exists for everyone involved and for people
granted by name; its content is for few eyes; recording is the owner's."""

from __future__ import annotations

from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.db import transaction

from meldcode import policy, selectors
from meldcode.models import Dossier, DossierToegang
from meldcode.services import MeldcodeError
from regie import access, audit
from regie.constants import CASE_ROLES


def get_dossier(request, pk, *, content: bool = False, record: bool = False) -> Dossier:
    """The dossier or 404 (not visible: logged by the access helper) or 403 (visible, but
    its content or recording is not this user's: logged as denied)."""
    user = request.user
    granted = DossierToegang.objects.filter(
        dossier_id=pk, user=user, ingetrokken_op__isnull=True
    ).exists()
    if not access.has_role(user, *CASE_ROLES) and not granted:
        # Managers, the beheerder, the privacy officer: no case pages, unless named.
        dossier = Dossier.objects.filter(pk=pk).select_related("traject").first()
        audit.log_denied(
            request,
            object_type=Dossier._meta.label,
            object_id=str(pk),
            household_id=dossier.audit_household_id if dossier else None,
            detail="rol ontbreekt",
        )
        raise PermissionDenied
    dossier = access.get_for_user_or_404(
        request, selectors.dossier_for_page(pk), pk, existence_only=True
    )
    if record and not policy.may_record(user, dossier):
        audit.log_denied(request, obj=dossier, detail="alleen de eigenaar legt vast")
        raise PermissionDenied
    if content and not policy.may_read_content(user, dossier):
        audit.log_denied(request, obj=dossier, detail="inhoud meldcodedossier")
        raise PermissionDenied
    return dossier


@contextmanager
def saving(form):
    """A write and its audit row in one transaction. A MeldcodeError (the service's Dutch
    message) rolls both back and becomes an error on `form`; the view then sees
    `form.errors` and shows the form again instead of confirming."""
    try:
        with transaction.atomic():
            yield
    except MeldcodeError as error:
        form.add_error(None, str(error))
