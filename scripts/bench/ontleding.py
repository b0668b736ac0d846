"""Where each page's time goes, for the report of scripts/bench.sh (issue #15): run as
`manage.py shell < scripts/bench/ontleding.py` with BENCH_DOELEN and ONTLEDING_UIT set.

Every page of the load test is opened in-process (Django's test client: no network, no
gunicorn) as its persona, after one warm-up: the median of five timings, the number of
queries and their time, and the size of the page. What is not SQL is Python: the view,
the templates and the middleware. Written as JSON per page name."""

import json
import os
import statistics
import sys
import time
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

from implementatie.meetdoelen import aangemelde_client

sys.path.insert(0, str(Path("scripts/bench").resolve()))
from paginas import pagina_s  # noqa: E402

doelen = json.loads(Path(os.environ["BENCH_DOELEN"]).read_text())
clients = {}


def client_voor(persona: str):
    if persona not in clients:
        clients[persona] = aangemelde_client(doelen[persona]["email"])
    return clients[persona]


uitkomst = {}
for persona, naam, url in pagina_s(doelen):
    client = client_voor(persona)
    client.get(url)
    tijden = []
    for _ in range(5):
        begin = time.perf_counter()
        client.get(url)
        tijden.append((time.perf_counter() - begin) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    totaal = statistics.median(tijden)
    sql = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    uitkomst[naam] = {
        "status": response.status_code,
        "queries": len(queries.captured_queries),
        "totaal_ms": round(totaal, 1),
        "sql_ms": round(sql, 1),
        "python_ms": round(max(totaal - sql, 0), 1),
        "kib": len(response.content) // 1024,
    }
Path(os.environ["ONTLEDING_UIT"]).write_text(json.dumps(uitkomst, indent=2))
print(f"ontleding: {len(uitkomst)} pagina's")
