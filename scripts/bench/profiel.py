"""Where a page's time goes (issue #15): `manage.py shell < scripts/bench/profiel.py` with
BENCH_DOELEN (from `manage.py meetdoelen`), PROFIEL_PERSONA and PROFIEL_URL set. Prints the
page's queries with their time, the slowest queries first, and the functions that take most
time, measured in-process with Django's test client (no network, no gunicorn)."""

import cProfile
import json
import os
import pstats
import time
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

from implementatie.meetdoelen import aangemelde_client

doelen = json.loads(Path(os.environ["BENCH_DOELEN"]).read_text())
persona = doelen[os.environ.get("PROFIEL_PERSONA", "procesregisseur")]
url = os.environ["PROFIEL_URL"]
client = aangemelde_client(persona["email"], os.environ.get("PROFIEL_ROL"))
client.get(url)  # warm up
times = []
for _ in range(5):
    start = time.perf_counter()
    response = client.get(url)
    times.append((time.perf_counter() - start) * 1000)
print(f"{url}: status {response.status_code}, {len(response.content) // 1024} KiB")
print("ms per request:", ", ".join(f"{t:.0f}" for t in times))
with CaptureQueriesContext(connection) as queries:
    client.get(url)
total = sum(float(q["time"]) for q in queries.captured_queries) * 1000
print(f"{len(queries.captured_queries)} queries, {total:.0f} ms in SQL")
for q in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[
    : int(os.environ.get("PROFIEL_Q", "8"))
]:
    print(f"  {float(q['time']) * 1000:7.1f} ms  {q['sql'][:300]}")
profile = cProfile.Profile()
profile.enable()
client.get(url)
profile.disable()
pstats.Stats(profile).sort_stats(os.environ.get("PROFIEL_SORT", "cumulative")).print_stats(
    os.environ.get("PROFIEL_FILTER", ""), int(os.environ.get("PROFIEL_N", "25"))
)
