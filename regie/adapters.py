"""django-allauth adapters: no self sign-up, TOTP cannot be removed."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Accounts are created by a beheerder (regie.views.beheer), never by visitors.
        return False


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        # Two-factor authentication is required for every professional account.
        return authenticator.type != Authenticator.Type.TOTP


def axes_username(request, credentials) -> str:
    """Count failed logins per e-mail address regardless of capitals or spaces."""
    login = (credentials or {}).get("email") or request.POST.get("login", "")
    return str(login).strip().lower()
