"""Turns locust's CSV output of scripts/bench.sh into the table of docs/BENCHMARKS.md
(issue #15): per page p50/p95/p99 alone and under load, its ratio to the floor measured in
the same run, throughput, errors, and whether it meets the goal.

    python scripts/bench/rapport.py RUNDIR HUISHOUDENS GEBRUIKERS
"""

import csv
import datetime
import json
import os
import platform
import re
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "BENCHMARKS.md"
VLOER = "vloer: startpagina zonder inhoud"
# Goals of the issue: case pages within 3x the floor alone and p95 <= 150 ms under load;
# dashboards, search and the audit log p95 <= 300 ms.
OVERZICHT = re.compile(r"Mijn |escalaties|zoeken|auditlog|beheer|monitoring|overzicht", re.I)


def read(path: Path) -> dict[str, dict]:
    with path.open(newline="") as f:
        return {row["Name"]: row for row in csv.DictReader(f) if row["Name"] != "Aggregated"}


def ms(row: dict, column: str) -> float:
    value = row.get(column) or "0"
    return float(value) if value != "N/A" else 0.0


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    pg = os.environ.get("BENCH_PG", "PostgreSQL")
    return f"{os.cpu_count()} cores ({cpu}), {int(mem) // 1024 // 1024} GiB, {pg}"


def oorzaak(name: str, o: dict | None, alleen_ok: bool) -> str:
    """The measured cause of a missed goal, from the in-process breakdown (ontleding.py)."""
    if alleen_ok:
        return f"{name} (alleen binnen het doel; onder belasting wachten op de cores)"
    if not o:
        return name
    deel = (
        f"vooral SQL: {o['queries']} queries, {o['sql_ms']:.0f} ms"
        if o["sql_ms"] > o["python_ms"]
        else f"vooral Python (view, templates): {o['python_ms']:.0f} ms voor {o['kib']} KiB "
        f"HTML, SQL {o['sql_ms']:.0f} ms in {o['queries']} queries"
    )
    return f"{name} ({deel})"


def table(run: Path, gebruikers: int) -> tuple[str, list[str]]:
    alleen, last = read(run / "alleen_stats.csv"), read(run / "last_stats.csv")
    pad = run / "ontleding.json"
    ontleding = json.loads(pad.read_text()) if pad.exists() else {}
    vloer = ms(alleen[VLOER], "50%") or 1.0
    rows, missed = [], []
    for name, a in alleen.items():
        if name.startswith("("):
            continue
        b = last.get(name, {})
        ratio = ms(a, "50%") / vloer
        overzicht = bool(OVERZICHT.search(name))
        p95_load = ms(b, "95%")
        goal = (
            "-" if name == VLOER else ("p95 ≤ 300 ms" if overzicht else "≤ 3x vloer, p95 ≤ 150 ms")
        )
        gemeten = int(b.get("Request Count", 0) or 0) > 0
        ok = gemeten and (
            name == VLOER
            or (overzicht and p95_load <= 300)
            or (not overzicht and ratio <= 3 and p95_load <= 150)
        )
        fouten = int(a["Failure Count"]) + int(b.get("Failure Count", 0) or 0)
        o = ontleding.get(name)
        if not ok or fouten:
            missed.append(oorzaak(name, o, overzicht or ratio <= 3))
        binnen = (
            f"{o['queries']} | {o['sql_ms']:.0f} | {o['python_ms']:.0f} | {o['kib']}"
            if o
            else "- | - | - | -"
        )
        rows.append(
            f"| {name} | {ms(a, '50%'):.0f} | {ms(a, '95%'):.0f} | {ratio:.1f}x "
            f"| {ms(b, '50%'):.0f} | {p95_load:.0f} | {ms(b, '99%'):.0f} "
            f"| {float(b.get('Requests/s', 0) or 0):.1f} | {fouten} | {binnen} | {goal} | "
            f"{('ja' if ok and not fouten else '**nee**') if gemeten else 'niet gemeten'} |"
        )
    header = (
        f"| pagina | alleen p50 (ms) | alleen p95 | p50 / vloer | {gebruikers} gebr. p50 "
        "| p95 | p99 | verzoeken/s | fouten | queries | SQL (ms) | Python (ms) | KiB "
        "| doel | gehaald |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    )
    return header + "\n" + "\n".join(rows), missed


def main(run: str, huishoudens: str, gebruikers: str) -> None:
    tabel, missed = table(Path(run), int(gebruikers))
    vooraf = Path(run).parent / "monitoring.txt"
    monitoring = (
        f"\nDe monitoringcijfers komen uit de nachtelijke berekening "
        f"(`manage.py monitoring_bijwerken`): {vooraf.read_text().strip()}.\n"
        if vooraf.exists()
        else ""
    )
    sectie = (
        f"<!-- bench {huishoudens} -->\n## {int(huishoudens):,} huishoudens".replace(",", ".")
        + f"\n\nGemeten op {datetime.date.today():%d-%m-%Y}, {machine()}; "
        f"`scripts/bench.sh {huishoudens}` (gunicorn met regie/gunicorn_conf.py, PostgreSQL, "
        f"Redis, één Celery-worker op dezelfde machine; de belasting komt van locust op "
        f"dezelfde machine).\n\n{tabel}\n{monitoring}"
        + "\nQueries, SQL, Python en KiB: dezelfde pagina binnen het proces gemeten "
        "(`scripts/bench/ontleding.py`, mediaan van vijf keer; Python is de view, de templates "
        "en de middleware).\n"
        + (
            "\nNiet gehaald, met de gemeten oorzaak:\n\n"
            + "\n".join(f"- {m}" for m in missed)
            + "\n"
            if missed
            else "\nAlle doelen gehaald.\n"
        )
        + f"<!-- /bench {huishoudens} -->"
    )
    text = DOCS.read_text() if DOCS.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"<!-- bench {huishoudens} -->.*?<!-- /bench {huishoudens} -->", re.S)
    text = (
        pattern.sub(lambda _m: sectie, text)
        if pattern.search(text)
        else text + "\n" + sectie + "\n"
    )
    DOCS.write_text(text)
    print(sectie)


if __name__ == "__main__":
    main(*sys.argv[1:4])
