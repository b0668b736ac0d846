from datetime import timedelta

from .env import env

AUTH_USER_MODEL = "regie.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out account before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "start"

# django-allauth: e-mail login, no self sign-up (a beheerder creates accounts).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "regie.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Regie] "
ACCOUNT_PREVENT_ENUMERATION = True
# An unknown address gets no mail (allauth's would offer a sign-up Regie does not have), and
# the page answers exactly as for a known one.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_FORMS = {"reset_password_from_key": "regie.auth_forms.InvitationPasswordForm"}
# Failed logins are counted by django-axes (below); allauth's own counter would answer
# the sixth attempt with a different message, so it is switched off. That switch also
# removes allauth's limit on MFA codes: regie.mfa's forms count wrong codes in axes instead.
ACCOUNT_RATE_LIMITS = {"login_failed": False}

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Regie"
MFA_ADAPTER = "regie.adapters.MFAAdapter"
MFA_RECOVERY_CODE_COUNT = 10
MFA_FORMS = {
    "authenticate": "regie.auth_forms.MFAAuthenticateForm",
    "reauthenticate": "regie.auth_forms.MFAReauthenticateForm",
}

# django-axes: five failed attempts lock the account for half an hour (a beheerder can unlock).
# Attempts and lock-outs are rows in the database (axes' default handler, named here so it
# stays so): they hold across every web process and machine (docs/SCALING.md).
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_FORM_FIELD = "email"
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "regie.audit.client_ip"

# Session lifetimes, enforced by regie.middleware.SessionTimeoutMiddleware.
SESSION_IDLE_TIMEOUT = timedelta(minutes=env.int("SESSION_IDLE_MINUTES", default=15))
SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=env.int("SESSION_ABSOLUTE_HOURS", default=12))
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_TIMEOUT.total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PASSWORD_RESET_TIMEOUT = 60 * 60 * 72  # an invitation link stays valid for three days
AXES_USERNAME_CALLABLE = "regie.adapters.axes_username"
# Locking per IP address would lock out a whole municipality office behind one NAT address
# after five typos by anyone; we lock the account that is attacked instead.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
