import hashlib
import hmac

from .env import BASE_DIR, DEBUG, DEMO, env

SECRET_KEY = env.str(
    "SECRET_KEY",
    default="regie-development-only-secret-key-change-me-0123456789abcdef" if DEBUG or DEMO else "",
)
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY is not set. Set it, or DEBUG=true for development.")

# Key of the audit log's hash chain (regie/models/audit.py). It lives outside the database,
# so whoever holds only the database owner's password cannot re-chain the log after removing
# a row. Set it explicitly in production: the default follows SECRET_KEY, and changing the key
# makes `manage.py audit_verify` report every older row.
AUDIT_KEY = (
    env.str("AUDIT_KEY", default="")
    or hmac.new(SECRET_KEY.encode(), b"regie.audit.chain", hashlib.sha256).hexdigest()
)

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Regie's own apps, general to specific (see docs/ARCHITECTURE.md).
    "regie",
    "huishoudens",
    "plannen",
    "regiekaart",
    "meldcode",
    "implementatie",
    # Third party.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise: static files stay cacheable, everything Regie answers is no-store.
    "regie.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "regie.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # A NUL byte is refused before any view or the audit log meets it (PostgreSQL cannot).
    "regie.middleware.NulByteMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "regie.middleware.MFARequiredMiddleware",
    "regie.middleware.ActiveRoleMiddleware",
    # After the role is known: writes the read rows of the household objects a view opened.
    "regie.audit.AuditReadMiddleware",
    # Axes last, so a lock-out replaces whatever the login view answered.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "regie.urls"
WSGI_APPLICATION = "regie.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regie.context_processors.navigation",
            ],
        },
    }
]

# SQLite by default so the run command needs no server; production and tests set DATABASE_URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# A kept connection is checked before use, so a restarted PostgreSQL costs no failed request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://regie")}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"


def _media_storage() -> dict:
    """Where stored files go: plan PDFs, outbox attachments, implementation evidence, folders.

    The local file system (MEDIA_ROOT) by default. With S3_BUCKET set, an S3-compatible
    object store, so several web and worker machines share the files (docs/SCALING.md).
    These are case files: the bucket stays private (no ACL is set, so the bucket's own
    private default holds) and Regie never hands out a bucket URL; every download streams
    through Regie's own view, which checks access and writes the audit row. Without keys
    boto3 uses its own credential chain (an instance role)."""
    bucket = env.str("S3_BUCKET", default="")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    encryptie = env.str("S3_SERVER_SIDE_ENCRYPTION", default="")
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env.str("S3_ENDPOINT_URL", default=None),
            "access_key": env.str("S3_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default=None),
            "region_name": env.str("S3_REGION", default=None),
            # "path" for servers without virtual-host buckets (MinIO, Ceph); None = automatic.
            "addressing_style": env.str("S3_ADDRESSING_STYLE", default=None),
            "location": env.str("S3_LOCATION", default="regie"),
            "default_acl": None,
            # Should a URL ever be asked for, it is signed and short-lived, never public.
            "querystring_auth": True,
            "querystring_expire": 300,
            # A second file under a taken name gets a new name, as on the file system.
            "file_overwrite": False,
            "object_parameters": {"ServerSideEncryption": encryptie} if encryptie else {},
        },
    }


STORAGES = {
    "default": _media_storage(),
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_STORAGE",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or DEMO
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# Without collectstatic (development, the demo, which runs without DEBUG) WhiteNoise serves the
# static files straight from the app folders, as runserver does under DEBUG.
WHITENOISE_USE_FINDERS = DEBUG or DEMO

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_TAGS = {40: "danger"}
# Messages name members and households: keep them on the server, not in a readable cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint.progress": {"level": "WARNING"}},
}
