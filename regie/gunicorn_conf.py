"""Gunicorn settings that fit the machine (issue #15): `gunicorn -c regie/gunicorn_conf.py
regie.wsgi:application`. Every value can be overridden by the usual GUNICORN_CMD_ARGS or
a command-line flag.

- Threaded workers (`gthread`): a page waiting on PostgreSQL holds a thread, not a whole
  process, so one slow page (a PDF, a large plan) never holds up the health check or the
  next person's request. Workers = cores + 1, each with 4 threads.
- A timeout that ends a stuck request instead of letting it pile up; the worker is
  restarted after a number of requests so a slow leak cannot grow for weeks.
- Each thread keeps its database connection (`CONN_MAX_AGE` in the environment, 60 s
  by default in docker-compose.yml, measured in docs/BENCHMARKS.md).
"""

import multiprocessing
import os

cores = multiprocessing.cpu_count()
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", cores + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-" if os.environ.get("GUNICORN_ACCESSLOG") else None
