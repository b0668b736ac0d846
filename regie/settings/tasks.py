from celery.schedules import crontab

from .env import BASE_DIR, env

# Without a broker, tasks run in-process (the run command); production sets REDIS_URL.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=env.str("REDIS_URL", default=""))
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="regie")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Celery beat: pending outbox messages and PDFs are queued again (see regie/dispatch.py).
CELERY_BEAT_SCHEDULE = {
    "outbox-sweep": {"task": "regie.tasks.sweep_outbox", "schedule": 300.0},
    "pdf-sweep": {"task": "plannen.tasks.sweep_pdfs", "schedule": 300.0},
    "herinneringen-voortgangsoverleg": {
        "task": "plannen.tasks.herinneringen",
        "schedule": crontab(hour=7, minute=0),
    },
    # Meldcode "Als zorgen blijven": weigh again, and ask Veilig Thuis for feedback.
    "herinneringen-meldcode": {
        "task": "meldcode.tasks.herinneringen",
        "schedule": crontab(hour=7, minute=0),
    },
    # The monitoring figures, computed ahead for the next day (implementatie.monitoring_stand).
    "monitoring-bijwerken": {
        "task": "implementatie.tasks.monitoring_bijwerken",
        "schedule": crontab(hour=5, minute=0),
    },
}
# A monitoring stand older than this is computed again when someone opens it (issue #15).
REGIE_MONITORING_MINUTEN = env.int("REGIE_MONITORING_MINUTEN", default=60)
# Fase 5a: the reminder of a voortgangsoverleg goes out this many days before it.
REGIE_HERINNERING_DAGEN = env.int("REGIE_HERINNERING_DAGEN", default=7)
# Meldcode: after this many days without feedback from Veilig Thuis on a melding, its owner
# is reminded to ask for it ("Wees hier ook proactief", seed 002 ch. 2).
REGIE_VT_TERUGKOPPELING_DAGEN = env.int("REGIE_VT_TERUGKOPPELING_DAGEN", default=14)

# E-mail goes to a local folder in development; production sets EMAIL_URL (smtp://...).
_email = env.email_url("EMAIL_URL", default="filemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_FILE_PATH = env.path("EMAIL_FILE_PATH", default=BASE_DIR / "var" / "mail")
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS", False))
EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL", False))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Regie <noreply@regie.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Absolute links in e-mails (invitations) are built from this address.
REGIE_BASE_URL = env.str("REGIE_BASE_URL", default="http://127.0.0.1:8000")
