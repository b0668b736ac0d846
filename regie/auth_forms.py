"""Regie's versions of allauth forms (registered in regie/settings/auth.py).

Wrong second-factor codes count like wrong passwords (issue #11).

allauth's own per-user limit on MFA codes is part of its `login_failed` rate limit, which
Regie switches off because django-axes counts failed logins (regie/settings/auth.py). So
the forms below hand every wrong TOTP or recovery code to axes as a failed login of that
account: the same counter, the same lockout after five failures and the same Dutch page,
and the audit log records it as a denied login (regie.receivers). A locked account is
refused before its code is even checked, so the right code does not get past the lock.
"""

from __future__ import annotations

from allauth.account.forms import ResetPasswordKeyForm
from allauth.account.models import EmailAddress
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


class InvitationPasswordForm(ResetPasswordKeyForm):
    """Choosing a password through the link in the invitation (or a reset) mail.

    Following that link proves the person reads mail at the account's address. allauth
    stores the address as an unverified `EmailAddress` when it makes the link's token,
    and refuses TOTP enrolment while any address is unverified: without this, an invited
    professional loops between the enrolment page and /account/2fa/ forever (issue #11).
    """

    def save(self) -> None:
        super().save()
        email_mark_verified(user=self.user)


def email_mark_verified(*, user) -> None:
    """The account's own address is verified and primary; others it once had are dropped."""
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).delete()
    EmailAddress.objects.update_or_create(
        user=user,
        email__iexact=user.email,
        defaults={"email": user.email, "verified": True, "primary": True},
    )
