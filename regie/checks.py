"""System checks of Regie's own settings (registered in regie.apps).

A shared cache (issue #15, "More than one machine"). Several things count in the cache and
only hold when every web process sees the same counts: the idle timeout's exact last-seen
(regie.middleware), the wrong-code limit of the anonymous evaluation links
(implementatie.views.evaluatie), allauth's rate limits and its refusal of a TOTP code that was
just used. With the per-process default (locmem) each gunicorn worker keeps its own counts:
an attacker gets the limit once per process, and a session can end early on a process that
did not see its last request. Production therefore sets CACHE_URL (Redis in
docker-compose.yml). Development (DEBUG) and the demo run in one process and keep locmem.

A warning, not an error: `migrate` and `makemigrations` run the checks too, and the test
command runs them without a cache server; the warning shows in the output of `migrate` in
production and fails `manage.py check --deploy --fail-level WARNING`.
"""

from django.conf import settings
from django.core import checks

# Caches that no second process shares: its own memory, or nothing at all.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.caches)
def check_shared_cache(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if settings.DEBUG or getattr(settings, "DEMO", False):
        return []
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Warning(
            f"The default cache is {backend.rsplit('.', 1)[-1]}, kept per process: rate "
            "limits, the TOTP reuse check and the session's last-seen time are not shared "
            "between gunicorn workers or machines.",
            hint="Set CACHE_URL to a shared cache, e.g. redis://redis:6379/1 (README.md "
            "'Configuratie', docs/SCALING.md).",
            id="regie.W001",
        )
    ]
