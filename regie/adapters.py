"""django-allauth adapters: no self sign-up, TOTP cannot be removed."""

from datetime import timedelta

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.contrib.sites.shortcuts import get_current_site
from django.utils import timezone

# Right after the first TOTP enrolment the recovery codes are shown without a password.
ENROLMENT_WINDOW = timedelta(minutes=5)


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Accounts are created by a beheerder (regie.views.beheer), never by visitors.
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Through the outbox like every other message: sent by the worker after the request,
        # so a password reset for a known address takes no longer to answer than for an
        # unknown one (which gets no mail at all: ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS).
        from regie.outbox import bericht_queue_rendered

        request = allauth_context.request
        base = {"request": request, "email": email, "current_site": get_current_site(request)}
        message = self.render_mail(template_prefix, email, {**base, **context})
        html = next((c for c, t in getattr(message, "alternatives", []) if t == "text/html"), "")
        bericht_queue_rendered(aan=email, onderwerp=message.subject, tekst=message.body, html=html)

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        # The first, required TOTP enrolment comes right after the password login and ends
        # on the recovery codes; asking for the password again there adds nothing. Later
        # MFA changes (new recovery codes) do ask for it.
        user = getattr(allauth_context.request, "user", None)
        if app == "allauth.mfa" and user is not None and user.is_authenticated:
            totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
            if totp is None or timezone.now() - totp.created_at < ENROLMENT_WINDOW:
                return False
        return super().is_reauthentication_required(app=app, **kwargs)


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        # Two-factor authentication is required for every professional account.
        return authenticator.type != Authenticator.Type.TOTP


def axes_username(request, credentials) -> str:
    """Count failed logins per e-mail address regardless of capitals or spaces."""
    login = (credentials or {}).get("email") or request.POST.get("login", "")
    return str(login).strip().lower()
