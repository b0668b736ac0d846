"""A real Celery worker on the Redis started by scripts/test.sh, and an SMTP sink: helpers
and fixtures for the worker tests of every app (registered by the root conftest.py)."""

import contextlib

import pytest

# --- a real Celery worker on the Redis started by scripts/test.sh ------------------------


@pytest.fixture
def redis_worker(settings):
    """A real Celery worker (in a thread) on the Redis that scripts/test.sh started."""
    import os

    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.fail("TEST_REDIS_URL is not set: run the suite with scripts/test.sh")
    with worker_on(url, settings) as worker:
        yield worker


@contextlib.contextmanager
def celery_on(url, settings, *, results=True):
    """Point the Celery app at the Redis at `url` (no eager tasks) for the block. Production
    keeps no results; tests that wait for a task's result store them in the same Redis."""
    from regie.celery import app

    previous = {k: app.conf[k] for k in ("broker_url", "result_backend", "task_always_eager")}
    app.conf.update(
        broker_url=url, result_backend=url if results else None, task_always_eager=False
    )
    _reset_connections(app)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    try:
        yield app
    finally:
        app.conf.update(previous)
        _reset_connections(app)


@contextlib.contextmanager
def worker_on(url, settings):
    """A worker (solo pool, in a thread) on the Redis at `url`."""
    import celery.contrib.testing.tasks  # noqa: F401  (registers celery.ping)
    from celery.contrib.testing.worker import start_worker

    with (
        celery_on(url, settings) as app,
        start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker,
    ):
        yield worker


def _reset_connections(app):
    # Connections and the result backend are cached on the app with the URL of their
    # first use (other tests ran eagerly); start from scratch with the current settings.
    app.close()
    app._pool = None
    app.amqp._producer_pool = None
    app.__dict__.pop("backend", None)
    app._local.__dict__.pop("backend", None)


@pytest.fixture
def smtp_sink(settings):
    """A local SMTP server (aiosmtpd); Django sends to it over real SMTP."""
    from regie.smtp_sink import SmtpSink

    with SmtpSink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        yield sink
