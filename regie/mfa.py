"""Wrong second-factor codes count like wrong passwords (issue #11).

allauth's own per-user limit on MFA codes is part of its `login_failed` rate limit, which
Regie switches off because django-axes counts failed logins (regie/settings/auth.py). So
the forms below hand every wrong TOTP or recovery code to axes as a failed login of that
account: the same counter, the same lockout after five failures and the same Dutch page,
and the audit log records it as a denied login (regie.receivers). A locked account is
refused before its code is even checked, so the right code does not get past the lock.
"""

from __future__ import annotations

from allauth.core import context
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext as _

# Marks the failure as a second-factor code in the audit log's detail.
FACTOR = "tweede factor"


def _credentials(user) -> dict:
    return {"email": user.email, "factor": FACTOR}


class LockoutMixin:
    user: object

    def clean_code(self) -> str:
        request = context.request
        credentials = _credentials(self.user)
        if AxesProxyHandler.is_locked(request, credentials):
            # AxesMiddleware turns the response into the lockout page.
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            raise forms.ValidationError(_("Dit account is tijdelijk geblokkeerd."))
        try:
            return super().clean_code()
        except forms.ValidationError:
            # Counted by axes (and locks at the limit), written to the audit log.
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            raise


class MFAAuthenticateForm(LockoutMixin, AuthenticateForm):
    pass


class MFAReauthenticateForm(LockoutMixin, ReauthenticateForm):
    pass
