"""Input hygiene, session lifetime, required MFA, the active role and caching, checked on
every request."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, resolve_url
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from regie.adapters import has_totp

SESSION_STARTED = "regie_auth_started"
SESSION_LAST_SEEN = "regie_last_seen"
SESSION_ROLE = "regie_active_role"
# Last-seen is kept exact in the shared cache, written on every authenticated request (one
# cheap cache write). The session row keeps a copy written at most once a minute: a
# database write per request would cost a transaction each time. Without the cache entry
# (evicted, cache restarted) the copy applies, which can only end a session early, never late.
LAST_SEEN_SESSION_RESOLUTION = 60


def _last_seen_key(session) -> str:
    # Hashed: the cache need not hold a usable session key.
    return "regie:last_seen:" + hashlib.sha256(session.session_key.encode()).hexdigest()


class NulByteMiddleware:
    """Refuses a NUL byte in the path, the query string or a form value with a plain 400.

    PostgreSQL cannot store or compare a string holding NUL, so such a value would end in a
    500 wherever it reaches a query or the audit log; no honest browser sends one (issue
    #11). Uploaded files are not looked at (Regie takes none)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_nul(request):
            return HttpResponseBadRequest(
                _("Ongeldige invoer: het adres of formulier bevat een niet-toegestaan teken."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)

    @staticmethod
    def _has_nul(request) -> bool:
        if "\x00" in request.path:
            return True
        data = [request.GET]
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            data.append(request.POST)
        return any(
            "\x00" in key or any("\x00" in value for value in values)
            for querydict in data
            for key, values in querydict.lists()
        )


class NoStoreMiddleware:
    """`Cache-Control: no-store, private` on every answer of Regie's own views (issue #11).

    Case pages, PDFs and the reply page hold personal data that no browser cache or proxy
    may keep; forms and login pages lose nothing by it. A view that sets its own
    Cache-Control keeps it (the public level colours). Static files never get here:
    WhiteNoise, above this middleware, serves them with its own long caching."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store, private"
        return response


def mark_session_started(session) -> None:
    now = time.time()
    session[SESSION_STARTED] = now
    session[SESSION_LAST_SEEN] = now


def _last_seen(session) -> float | None:
    stored = session.get(SESSION_LAST_SEEN)
    if stored is None or session.session_key is None:
        return stored
    return max(stored, cache.get(_last_seen_key(session), stored))


def _record_seen(session, now: float, stored: float) -> None:
    if session.session_key is not None:
        cache.set(
            _last_seen_key(session),
            now,
            timeout=settings.SESSION_IDLE_TIMEOUT.total_seconds() + LAST_SEEN_SESSION_RESOLUTION,
        )
    if now - stored > LAST_SEEN_SESSION_RESOLUTION:
        session[SESSION_LAST_SEEN] = now


class SessionTimeoutMiddleware:
    """Ends a session after 15 minutes idle or 12 hours in all (server-side)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            session = request.session
            now = time.time()
            started = session.get(SESSION_STARTED)
            last_seen = _last_seen(session)
            if started is None or last_seen is None:
                mark_session_started(session)
            elif (
                now - last_seen > settings.SESSION_IDLE_TIMEOUT.total_seconds()
                or now - started > settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds()
            ):
                logout(request)  # flushes the session row: the old cookie is worthless
                messages.info(request, _("Uw sessie is verlopen. Log opnieuw in."))
                if getattr(request, "htmx", False):
                    response = HttpResponse(status=204)
                    response["HX-Redirect"] = resolve_url(settings.LOGIN_URL)
                    return response
                return redirect_to_login(request.get_full_path())
            else:
                # Every request counts: the idle timeout is exact to the second (issue #11).
                _record_seen(session, now, session[SESSION_LAST_SEEN])
        return self.get_response(request)


MFA_EXEMPT_URLS = {
    "mfa_activate_totp",
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "account_logout",
}


def mfa_required_for(user) -> bool:
    """Every professional needs TOTP; the run command's demo accounts are exempt in demo mode."""
    return not (settings.DEMO and user.is_demo)


class MFARequiredMiddleware:
    """Sends a signed-in user without TOTP to the enrolment page before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and mfa_required_for(user)
            and not self._exempt(request)
            and not has_totp(user)
        ):
            messages.warning(
                request, _("Tweestapsverificatie is verplicht. Stel eerst uw authenticator-app in.")
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _exempt(request) -> bool:
        if request.path_info.startswith(settings.STATIC_URL):
            return True
        try:
            return resolve(request.path_info).url_name in MFA_EXEMPT_URLS
        except Resolver404:
            return False


class ActiveRoleMiddleware:
    """Sets `request.user.active_role`: the role the user acts in (see regie.access)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            roles = user.rollen
            chosen = request.session.get(SESSION_ROLE)
            if chosen not in roles:
                chosen = roles[0] if roles else None
                request.session[SESSION_ROLE] = chosen
            user.active_role = chosen
        return self.get_response(request)
