"""Login events go to the audit log, and a new login starts the session clock.

These receivers only record; no business rule lives in a signal.
"""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from regie import audit
from regie.constants import AuditActie, AuditUitkomst
from regie.middleware import mark_session_started


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    if request is None:
        return
    mark_session_started(request.session)
    audit.log(request, action=AuditActie.LOGIN, obj=user, user=user)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if request is None or user is None:
        return
    audit.log(request, action=AuditActie.LOGOUT, obj=user, user=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    email = str(credentials.get("email") or credentials.get("username") or "")[:254]
    factor = credentials.get("factor")
    audit.log(
        request,
        action=AuditActie.LOGIN_FAILED,
        outcome=AuditUitkomst.DENIED,
        detail=f"inlogpoging voor {email}" + (f" ({factor})" if factor else ""),
    )
