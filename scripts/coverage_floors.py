#!/usr/bin/env python3
"""Checks the test coverage of each app against its floor.

coverage's own `fail_under` is one number for the whole project; a well-tested app would
hide an untested one. scripts/test.sh measures the whole suite once (pytest-cov, data in
$COVERAGE_FILE) and then runs this script, which adds up statements and covered statements
per app (the first folder of each measured file) and compares the percentage with the
floors in pyproject.toml `[tool.regie.coverage-floors]`. An app without a floor fails too,
so a new app gets one.

Usage: scripts/coverage_floors.py  (exit status 1 when an app is below its floor)
"""

from __future__ import annotations

import json
import sys
import tempfile
import tomllib
from pathlib import Path

import coverage

ROOT = Path(__file__).resolve().parent.parent


def per_app(cov: coverage.Coverage) -> dict[str, tuple[int, int]]:
    """{app: (statements, covered)}; the JSON report honours the omit list of the config."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "coverage.json"
        cov.json_report(outfile=str(out))
        files = json.loads(out.read_text(encoding="utf-8"))["files"]
    result: dict[str, tuple[int, int]] = {}
    for name, data in files.items():
        path = Path(name)
        app = (path.relative_to(ROOT) if path.is_absolute() else path).parts[0]
        statements, covered = result.get(app, (0, 0))
        summary = data["summary"]
        result[app] = (statements + summary["num_statements"], covered + summary["covered_lines"])
    return result


def main() -> int:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    floors: dict[str, float] = config["tool"]["regie"]["coverage-floors"]
    cov = coverage.Coverage(config_file=str(ROOT / "pyproject.toml"))
    cov.load()
    measured = per_app(cov)
    failures = []
    print(f"{'app':<16}{'statements':>12}{'missed':>8}{'coverage':>10}{'floor':>8}")
    for app in sorted(set(measured) | set(floors)):
        statements, covered = measured.get(app, (0, 0))
        percent = 100.0 * covered / statements if statements else 100.0
        floor = floors.get(app)
        shown = "-" if floor is None else f"{floor:.0f}%"
        print(f"{app:<16}{statements:>12}{statements - covered:>8}{percent:>9.1f}%{shown:>8}")
        if floor is None:
            failures.append(f"{app} has no floor in [tool.regie.coverage-floors]")
        elif percent < floor:
            failures.append(f"{app}: {percent:.1f}% is below its floor of {floor:.0f}%")
    for failure in failures:
        print(f"FAIL {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
