"""The gunicorn configuration fits the machine (issue #15): threaded workers, so a slow page
holds a thread and not the health check; workers from the core count; a timeout."""

import importlib
import multiprocessing


def test_threaded_workers_from_the_core_count_with_a_timeout(monkeypatch):
    for name in ("GUNICORN_WORKERS", "GUNICORN_THREADS", "GUNICORN_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    conf = importlib.reload(importlib.import_module("regie.gunicorn_conf"))
    assert conf.worker_class == "gthread"
    assert conf.workers == multiprocessing.cpu_count() + 1
    assert conf.threads >= 2 and 0 < conf.timeout <= 60


def test_the_environment_overrides_it(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "7")
    monkeypatch.setenv("GUNICORN_THREADS", "2")
    conf = importlib.reload(importlib.import_module("regie.gunicorn_conf"))
    assert (conf.workers, conf.threads) == (7, 2)
