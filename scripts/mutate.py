"""A small mutation tester for the method's rule modules (issue #16; docs/TESTING.md).

Each mutant is one small deliberate change to a module: a comparison flipped, `and`/`or`
swapped, a `not` removed, a number +-1, a boolean flipped, one element dropped from a set,
frozenset, tuple or list literal (the rule tables; also `frozenset("DZB")`), a `return`
made `return None`, an `if` body made `pass`. The mutant is written over the module in
place (the original is restored in a `finally`) and only the tests that cover the mutated
lines run, `pytest -x` against a test database created once (`--reuse-db`). A mutant the
tests do not notice "survives": either a test is missing, or the change is equivalent.

Which tests cover a line: one coverage run per invocation with `--cov-context=test` over
the modules' test paths. A module-level statement (a rule table) runs at import, outside
any test, so its mutants run the tests that cover the lines of the functions using the
names it defines (transitively through other module-level names); the same for a function
no test reaches because it only runs at import (`rules._rij`, building the tables).

    make mutate                                   # every module below (services started)
    make mutate ARGS="--module regiekaart/rules.py"
    .venv/bin/python scripts/mutate.py --list --module huishoudens/policy.py

Needs PostgreSQL and Redis as scripts/test.sh starts them (`make mutate` does). Refuses to
start when a module to mutate has uncommitted changes, so a crash can always be undone
with `git checkout -- <module>`.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

# scripts/mutanten.py: which mutants a module gets (this folder is on the path when run).
from mutanten import ROOT, Mutant, defined_names, generate, mutated_source

PYTHON = str(ROOT / ".venv" / "bin" / "python")

# Module -> the test paths whose tests may cover it (the coverage run narrows to lines).
MODULES: dict[str, list[str]] = {
    "regiekaart/rules.py": ["regiekaart/tests"],
    "regiekaart/policy.py": ["regiekaart/tests"],
    "huishoudens/consent.py": ["huishoudens/tests"],
    "huishoudens/workflow.py": ["huishoudens/tests"],
    "huishoudens/policy.py": ["huishoudens/tests"],
    "meldcode/afwegingskader.py": ["meldcode/tests"],
    "regie/visibility.py": ["regie/tests", "tests/test_access_policy.py"],
    "regie/access.py": ["regie/tests", "tests/test_access_policy.py"],
}
PYTEST_FLAGS = ["-p", "no:randomly", "-p", "no:cacheprovider", "--reuse-db"]
NOT_SLOW = ["-m", "not browser and not worker"]


def collect_coverage(
    modules: list[str], workdir: Path, only: list[str] | None = None
) -> tuple[dict, dict[str, float]]:
    """{module: {line: {test ids}}} and {test id: seconds}, from one pytest run."""
    paths = only or sorted(
        {p for m in modules for p in MODULES.get(m, [str(Path(m).parent / "tests")])}
    )
    data_file = workdir / "coverage"
    junit = workdir / "junit.xml"
    cov = [f"--cov={m.removesuffix('.py').replace('/', '.')}" for m in modules]
    env = dict(os.environ, COVERAGE_FILE=str(data_file))
    cmd = [PYTHON, "-m", "pytest", "-q", *PYTEST_FLAGS, *NOT_SLOW, *sorted(set(cov))]
    cmd += ["--cov-context=test", "--cov-report=", f"--junitxml={junit}", *paths]
    print("== coverage per test:", " ".join(paths), flush=True)
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode not in (0, 1):
        sys.exit(f"the coverage run failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    if result.returncode == 1:
        sys.exit(f"the tests fail without any mutant; fix them first:\n{result.stdout[-3000:]}")

    from coverage import CoverageData

    data = CoverageData(basename=str(data_file))
    data.read()
    per_module: dict[str, dict[int, set[str]]] = {}
    for module in modules:
        filename = str(ROOT / module)
        lines: dict[int, set[str]] = defaultdict(set)
        for lineno, contexts in (data.contexts_by_lineno(filename) or {}).items():
            for context in contexts:
                if context:
                    lines[lineno].add(context.split("|")[0])
        per_module[module] = lines

    durations: dict[str, float] = {}
    for case in ET.parse(junit).getroot().iter("testcase"):  # noqa: S314 (our own file)
        # junit names: classname "regiekaart.tests.test_x", name "test_f[1-DZ]"
        path = case.get("classname", "").replace(".", "/") + ".py"
        durations[f"{path}::{case.get('name')}"] = float(case.get("time") or 0)
    return per_module, durations


def _functions_using(module: str, names: set[str]) -> set[int]:
    """Lines of the function bodies that read any of `names`, following module-level
    statements that build on them (AFSCHALEN uses _GEEN_KETEN, OMVAT uses _CA, ...)."""
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    names = set(names)
    changed = True
    while changed:
        changed = False
        for stmt in tree.body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            reads = {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name)}
            new = defined_names(stmt) - names
            if reads & names and new:
                names |= new
                changed = True
    lines: set[int] = set()
    for stmt in ast.walk(tree):
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            for n in ast.walk(stmt):
                if isinstance(n, ast.Name) and n.id in names:
                    lines.add(n.lineno)
            # a decorated function runs its decorator at import; its body is what tests reach
            if stmt.name in names:
                lines.update(range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1))
    return lines


def tests_for(mutant: Mutant, coverage: dict[int, set[str]]) -> set[str]:
    lines = set(range(mutant.lineno, mutant.end_lineno + 1))
    tests = {t for line in lines for t in coverage.get(line, ())}
    # Module-level code, or a function only run at import (a helper building a rule table):
    # the tests of the functions that read what it defines.
    if mutant.toplevel or not tests:
        tests |= {
            t
            for line in _functions_using(mutant.module, mutant.names)
            for t in coverage.get(line, ())
        }
    return tests


# --- running ------------------------------------------------------------------------------


def git_clean(module: str) -> bool:
    cmd = ["git", "status", "--porcelain", "--", module]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)  # noqa: S603, S607
    return out.returncode == 0 and not out.stdout.strip()


def run_mutant(mutant: Mutant, tests: list[str], timeout: float) -> str:
    path = ROOT / mutant.module
    original = path.read_bytes()
    new = mutated_source(mutant, original)
    try:
        compile(new, str(path), "exec")
    except SyntaxError:
        return "invalid"
    try:
        path.write_bytes(new)
        try:
            result = subprocess.run(  # noqa: S603
                [PYTHON, "-m", "pytest", "-x", "-q", *PYTEST_FLAGS, *tests],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return "killed (timeout)"
    finally:
        path.write_bytes(original)
    if result.returncode == 0:
        return "survived"
    if result.returncode == 5:
        return "no tests"
    return "killed"


# --- the fast way: one pytest session, one fork per mutant, the mutant applied in memory ----
# Starting pytest with Django and the test database costs 20-30 s a run on this shared
# machine, more than the tests of a mutant. So one session starts once (the database is set
# up by a first test), and each mutant runs in a fork of it: the child compiles the mutated
# module, gives every live function of the module the mutated code (closures and decorated
# views included, found through `gc`), rebinds the module-level data that changed (the rule
# tables) in every module that imported it, runs the covering tests and exits. The file on
# disk is never touched; the parent stays clean. `--subprocess` runs the slow, literal way
# (the mutant written to the file, one pytest run per mutant).

PLAIN = (dict, set, frozenset, tuple, list, str, int, float, bool, type(None))


def _codes(code, out: dict) -> dict:
    out.setdefault(code.co_qualname, code)
    for const in code.co_consts:
        if isinstance(const, type(code)):
            _codes(const, out)
    return out


class MutantImportError(Exception):
    """The mutated module raises when it is executed (a mutant of a rule table)."""


def apply_in_memory(module_name: str, path: str, source: bytes) -> None:
    import gc
    import importlib
    import types

    module = importlib.import_module(module_name)
    new_code = compile(source, path, "exec")
    namespace = {k: module.__dict__[k] for k in ("__name__", "__file__", "__package__", "__spec__")}
    namespace["__builtins__"] = module.__dict__["__builtins__"]
    try:
        exec(new_code, namespace)  # noqa: S102 (our own module, mutated)
    except Exception as error:
        raise MutantImportError(error) from error
    codes = _codes(new_code, {})
    for obj in gc.get_objects():
        # type(), not isinstance(): isinstance reads __class__, which evaluates lazy objects.
        if type(obj) is types.FunctionType and obj.__code__.co_filename == path:
            new = codes.get(obj.__code__.co_qualname)
            if new is not None and new is not obj.__code__:
                with contextlib.suppress(ValueError):  # another closure: left as it is
                    obj.__code__ = new
    # Defaults of module-level functions (`op: date | None = None`).
    for name, new in namespace.items():
        old = module.__dict__.get(name)
        if isinstance(new, types.FunctionType) and isinstance(old, types.FunctionType):
            old.__defaults__, old.__kwdefaults__ = new.__defaults__, new.__kwdefaults__
    # Module-level data that changed: rebound here and wherever it was imported by name.
    for name, new in namespace.items():
        old = module.__dict__.get(name, namespace)
        if old is namespace or not isinstance(new, PLAIN) or type(old) is not type(new):
            continue
        if new == old:
            continue
        for other in list(sys.modules.values()):
            if getattr(other, "__dict__", {}).get(name) is old:
                other.__dict__[name] = new
    # Class-level data and generated methods (dataclass defaults, declared rules).
    for name, new in namespace.items():
        old = module.__dict__.get(name)
        if isinstance(new, type) and isinstance(old, type) and new is not old:
            for attr, value in new.__dict__.items():
                mine = old.__dict__.get(attr, namespace)
                if isinstance(value, PLAIN) and value != mine and not attr.startswith("__"):
                    setattr(old, attr, value)
            if "__dataclass_fields__" in new.__dict__:
                old.__init__ = new.__init__
                if new.__setattr__ is not old.__setattr__:
                    old.__setattr__, old.__delattr__ = new.__setattr__, new.__delattr__


class FailureReport:
    def __init__(self):
        self.failed: list[str] = []

    def pytest_runtest_logreport(self, report):
        if report.failed:
            self.failed.append(f"{report.nodeid} ({report.when}):\n{report.longreprtext[-2000:]}")


class ForkRunner:
    """A pytest plugin: runs the plan's mutants in forks of one session."""

    def __init__(self, plan: list[dict], results: Path, timeout: float):
        self.plan, self.results, self.timeout = plan, results, timeout

    def pytest_runtestloop(self, session):
        import signal

        from django.db import connections

        items = {item.nodeid: item for item in session.items}
        ordered = list(session.items)
        if not ordered:
            return True
        # Set up the session (test database) once, keeping the session fixtures.
        nxt = ordered[1] if len(ordered) > 1 else None
        ordered[0].ihook.pytest_runtest_protocol(item=ordered[0], nextitem=nxt)
        outcomes = []
        for number, mutant in enumerate(self.plan, 1):
            connections.close_all()
            tests = [items[t] for t in mutant["tests"] if t in items]
            pid = os.fork()
            if pid == 0:  # the child: apply, run, report by exit code
                code = 4  # the tester itself failed: "error", never counted as killed
                report = FailureReport()
                try:
                    devnull = os.open(os.devnull, os.O_WRONLY)
                    os.dup2(devnull, 1)
                    os.dup2(devnull, 2)
                    try:
                        apply_in_memory(mutant["name"], mutant["path"], mutant["source"].encode())
                    except MutantImportError:  # the mutated module cannot load: killed
                        import traceback

                        report.failed.append(traceback.format_exc())
                        code = 2
                        raise
                    session.config.pluginmanager.register(report, "mutant-report")
                    failed = report.failed
                    # Leave the warm-up test's module, keeping the session (the database).
                    session._setupstate.teardown_exact(tests[0])
                    code = 0
                    for i, item in enumerate(tests):
                        following = tests[i + 1] if i + 1 < len(tests) else item
                        item.ihook.pytest_runtest_protocol(item=item, nextitem=following)
                        if failed:
                            code = 1
                            break
                except BaseException:  # noqa: BLE001
                    import traceback

                    report.failed.append(traceback.format_exc())
                    code = 2 if code == 2 else 4
                finally:
                    stem = mutant["name"].replace(".", "-")
                    log = self.results.parent / f"{stem}-mutant-{number}.log"
                    log.write_text("\n".join(report.failed[:1]))
                    os._exit(code)
            started = time.monotonic()
            while True:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    rc = os.waitstatus_to_exitcode(status)
                    break
                if time.monotonic() - started > mutant.get("timeout", self.timeout):
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    rc = -1
                    break
                time.sleep(0.02)
            outcome = {0: "survived", -1: "killed (timeout)", 4: "error"}.get(rc, "killed")
            outcomes.append(outcome)
            print(f"\n[{number}/{len(self.plan)}] {outcome}", flush=True)
        self.results.write_text(json.dumps(outcomes))
        return True


def run_forked(
    jobs: list[tuple[Mutant, list[str]]], workdir: Path, timeout: float, durations: dict
) -> list[str]:
    plan = []
    for mutant, tests in jobs:
        # An endless loop is killed: a few times what its tests took without the mutant.
        path = ROOT / mutant.module
        plan.append(
            {
                "name": mutant.module.removesuffix(".py").replace("/", "."),
                "path": str(path),
                "source": mutated_source(mutant, path.read_bytes()).decode(),
                "tests": tests,
                "timeout": min(timeout, 10 + 5 * sum(durations.get(t, 1) for t in tests)),
            }
        )
    (workdir / "plan.json").write_text(json.dumps(plan))
    results = workdir / "results.json"
    every = sorted({t for _m, tests in jobs for t in tests})
    (workdir / "tests.txt").write_text("\n".join(every))
    cmd = [PYTHON, str(Path(__file__)), "--worker", str(workdir), "--timeout", str(timeout)]
    subprocess.run(cmd, cwd=ROOT, check=False)  # noqa: S603
    if not results.exists():
        sys.exit("the mutant runner stopped before the end (see its output above)")
    return json.loads(results.read_text())


def worker(workdir: Path, timeout: float) -> int:
    import pytest

    plan = json.loads((workdir / "plan.json").read_text())
    tests = (workdir / "tests.txt").read_text().split("\n")
    runner = ForkRunner(plan, workdir / "results.json", timeout)
    return pytest.main(
        ["-q", "-p", "no:randomly", "-p", "no:cacheprovider", "--reuse-db", *tests],
        plugins=[runner],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", action="append", help="only this module (repeatable)")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--line", type=int, action="append", help="only mutants on these lines")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument(
        "--subprocess",
        action="store_true",
        help="write each mutant to the file and run pytest anew (slow; default: forks)",
    )
    parser.add_argument(
        "--tests", action="append", help="only these test paths (narrows a slow module)"
    )
    parser.add_argument("--keep", help="keep the work files (coverage, logs) in this folder")
    parser.add_argument("--timeout", type=float, default=120, help=argparse.SUPPRESS)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(Path(args.worker), args.timeout)
    modules = args.module or list(MODULES)
    for module in modules:
        if not (ROOT / module).is_file():
            parser.error(f"no such module: {module}")

    mutants = {m: generate(m) for m in modules}
    if args.line:
        mutants = {m: [x for x in ms if x.lineno in args.line] for m, ms in mutants.items()}
    if args.list:
        for module, ms in mutants.items():
            print(f"== {module}: {len(ms)} mutants")
            for m in ms:
                print(f"{m.where}  {m.change}")
        return 0

    dirty = [m for m in modules if not git_clean(m)]
    if dirty:
        sys.exit(f"refusing to mutate modules with uncommitted changes: {', '.join(dirty)}")

    results = {}
    with tempfile.TemporaryDirectory(prefix="regie-mutate.") as tmp:
        if args.keep:
            tmp = args.keep
            Path(tmp).mkdir(parents=True, exist_ok=True)
        coverage, durations = collect_coverage(modules, Path(tmp), args.tests)
        for module, ms in mutants.items():
            started = time.monotonic()
            print(f"== {module}: {len(ms)} mutants", flush=True)
            jobs = []
            for m in ms:
                tests = sorted(
                    tests_for(m, coverage[module]), key=lambda t: (durations.get(t, 9), t)
                )
                m.tests = len(tests)
                compiles = True
                try:
                    compile(mutated_source(m, (ROOT / module).read_bytes()), module, "exec")
                except SyntaxError:
                    compiles = False
                if not compiles:
                    m.outcome = "invalid"
                elif not tests:
                    m.outcome = "no tests"
                elif args.subprocess:
                    budget = 60 + 3 * sum(durations.get(t, 1) for t in tests)
                    m.outcome = run_mutant(m, tests, budget)
                else:
                    jobs.append((m, tests))
            if jobs:
                for (m, _t), outcome in zip(
                    jobs, run_forked(jobs, Path(tmp), args.timeout, durations), strict=True
                ):
                    m.outcome = outcome
            for m in ms:
                if m.outcome not in ("killed", "invalid"):
                    print(f"  {m.outcome:16} {m.where}  {m.change}  ({m.tests} tests)", flush=True)
            if not git_clean(module):
                sys.exit(f"{module} is left modified: restore it with git checkout -- {module}")
            counted = [m for m in ms if m.outcome != "invalid"]
            killed = sum(m.outcome.startswith("killed") for m in counted)
            score = f"{killed}/{len(counted)}" + (
                f" ({100 * killed / len(counted):.0f}%)" if counted else ""
            )
            print(f"   score {module}: {score} in {time.monotonic() - started:.0f} s", flush=True)
            results[module] = {
                "killed": killed,
                "total": len(counted),
                "surviving": [
                    {"where": m.where, "change": m.change, "outcome": m.outcome}
                    for m in counted
                    if not m.outcome.startswith("killed")
                ],
            }
    print("\n== scores")
    for module, r in results.items():
        print(f"{module:32} {r['killed']:4}/{r['total']:<4} surviving {len(r['surviving'])}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0 if all(not r["surviving"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
