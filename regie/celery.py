"""The Celery app. Tasks take ids, are idempotent and are dispatched after commit."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.settings")

app = Celery("regie")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
