from allauth.account import urls as account_urls
from allauth.mfa import urls as mfa_urls
from django.urls import URLPattern, include, path

from regie.views import beheer, privacy, start

beheer_patterns = (
    [
        path("organisaties/", beheer.organisatie_list, name="organisaties"),
        path("organisaties/nieuw/", beheer.organisatie_edit, name="organisatie_nieuw"),
        path("organisaties/<int:pk>/", beheer.organisatie_edit, name="organisatie"),
        path("gebruikers/", beheer.user_list, name="gebruikers"),
        path("gebruikers/nieuw/", beheer.user_edit, name="gebruiker_nieuw"),
        path("gebruikers/<int:pk>/", beheer.user_detail, name="gebruiker"),
        path("gebruikers/<int:pk>/bewerken/", beheer.user_edit, name="gebruiker_bewerken"),
        path("gebruikers/<int:pk>/status/", beheer.user_set_active, name="gebruiker_status"),
        path(
            "gebruikers/<int:pk>/ontgrendelen/", beheer.user_unlock, name="gebruiker_ontgrendelen"
        ),
        path("gebruikers/<int:pk>/uitnodigen/", beheer.user_invite, name="gebruiker_uitnodigen"),
    ],
    "beheer",
)

privacy_patterns = (
    [
        path("auditlog/", privacy.auditlog, name="auditlog"),
        path("auditlog/export/", privacy.auditlog_export, name="auditlog_export"),
    ],
    "privacy",
)

# allauth pages Regie does not offer: no self sign-up, the beheerder keeps e-mail addresses,
# no login codes, and TOTP cannot be switched off (it is required).
UNUSED_ALLAUTH = {
    "account_signup",
    "account_email",
    "account_email_verification_sent",
    "account_confirm_email",
    "account_confirm_login_code",
    "account_set_password",
    "mfa_deactivate_totp",
}


def _without_unused(patterns):
    kept = []
    for p in patterns:
        if isinstance(p, URLPattern):
            if p.name not in UNUSED_ALLAUTH:
                kept.append(p)
        else:
            kept.append(path(str(p.pattern), include(_without_unused(p.url_patterns))))
    return kept


urlpatterns = [
    path("", start.start, name="start"),
    path("rol/", start.switch_role, name="rol_wisselen"),
    path("gezondheid/", start.health, name="health"),
    path("beheer/", include(beheer_patterns)),
    path("privacy/", include(privacy_patterns)),
    path("", include("huishoudens.urls")),
    path("", include("plannen.urls")),
    path("", include("regiekaart.urls")),
    path("meldcode/", include("meldcode.urls")),
    path("implementatie/", include("implementatie.urls")),
    path("account/", include(_without_unused(account_urls.urlpatterns))),
    path("account/2fa/", include(_without_unused(mfa_urls.urlpatterns))),
]
