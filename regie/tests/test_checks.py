"""The system check for a shared cache (issue #15, "More than one machine"; regie/checks.py):
production with the per-process default cache is warned about, production with Redis and
development or the demo are not."""

import os
import subprocess
import sys
from pathlib import Path

import environ
import pytest
from django.core.checks import Tags, run_checks

ROOT = Path(__file__).resolve().parents[2]
REDIS = environ.Env.cache_url_config("redis://redis:6379/1")
LOCMEM = environ.Env.cache_url_config("locmemcache://regie")
DUMMY = environ.Env.cache_url_config("dummycache://")


def _ids(settings, *, cache, debug=False, demo=False) -> list[str]:
    settings.CACHES = {"default": cache}
    settings.DEBUG, settings.DEMO = debug, demo
    return [m.id for m in run_checks(tags=[Tags.caches])]


@pytest.mark.parametrize("cache", [LOCMEM, DUMMY], ids=["locmem", "dummy"])
def test_production_with_a_per_process_cache_is_warned(settings, cache):
    assert "regie.W001" in _ids(settings, cache=cache)


def test_production_with_redis_is_not_warned(settings):
    assert "regie.W001" not in _ids(settings, cache=REDIS)


@pytest.mark.parametrize("mode", ["debug", "demo"])
def test_one_process_development_and_the_demo_keep_locmem_without_a_warning(settings, mode):
    assert "regie.W001" not in _ids(settings, cache=LOCMEM, **{mode: True})


def _check_deploy(**env):
    # A clean environment: only what a production host would set, none of the test settings.
    base = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    production = {
        "DEBUG": "false",
        "SECRET_KEY": "a-production-secret-that-is-long-and-random-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "regie.gemeente.nl",
        "DATABASE_URL": "postgres://regie:regie@db:5432/regie",
        "REDIS_URL": "redis://redis:6379/0",
        "EMAIL_URL": "smtp://mail:1025",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=base | production | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_without_cache_url_fail_check_deploy():
    """The settings as a production host reads them: Redis for Celery but no CACHE_URL."""
    without = _check_deploy()
    assert without.returncode != 0
    assert "regie.W001" in without.stdout + without.stderr
    with_redis = _check_deploy(CACHE_URL="redis://redis:6379/1")
    assert with_redis.returncode == 0, with_redis.stdout + with_redis.stderr


def test_what_a_web_process_remembers_lives_in_the_database_or_the_shared_cache(settings):
    """Issue #15: several web processes or machines behind a load balancer see the same
    sessions (database), messages (in the session), lock-outs (axes' database handler) and,
    with CACHE_URL, the same rate limits. Nothing of this may move into a process."""
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert settings.MESSAGE_STORAGE == "django.contrib.messages.storage.session.SessionStorage"
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
