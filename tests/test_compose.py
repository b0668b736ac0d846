"""The production form, read as an operator would run it (issue #17).

No container engine runs on these machines, so these tests read `docker-compose.yml` and the
`Dockerfile` and check the properties that a run would otherwise show too late: web and
worker share the file storage, only a one-off `migrate` service changes the schema, every
service has a health check that the others wait for, images are pinned, secrets have no
default, static files are collected when the image is built, and a backup runs. The last
test lets Debian's `docker-compose` (v1, no daemon needed) interpolate the file.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_TEXT = (ROOT / "docker-compose.yml").read_text()
COMPOSE = yaml.safe_load(COMPOSE_TEXT)
SERVICES = COMPOSE["services"]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
APP_SERVICES = ("web", "worker", "beat")
# The variables that must be set: no value of theirs may sit in the file.
REQUIRED = ("SECRET_KEY", "POSTGRES_PASSWORD", "REGIE_DB_OWNER_PASSWORD", "REGIE_DB_APP_PASSWORD")
SECRET_NAME = re.compile(r"PASSWORD|SECRET|_KEY$|TOKEN")
# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}; `$${` is a literal `${`.
VARIABLE = re.compile(
    r"(?<!\$)\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<op>:?[-?])?(?P<rest>[^}]*)\}"
)


def command(service: str) -> str:
    value = SERVICES[service].get("command", "")
    return " ".join(value) if isinstance(value, list) else value


def healthcheck(service: str) -> str:
    test = SERVICES[service]["healthcheck"]["test"]
    return " ".join(test) if isinstance(test, list) else test


def mounts(service: str) -> dict[str, str]:
    """Target path -> source of each volume of a service (short syntax)."""
    result = {}
    for entry in SERVICES[service].get("volumes", []):
        source, target = entry.split(":")[:2]
        result[target] = source
    return result


def test_web_and_worker_share_the_media_volume():
    """Issue #17: the worker renders the plan PDF, the web server hands it out; both see
    MEDIA_ROOT on one named volume, which outlives the containers."""
    media_roots = {SERVICES[s]["environment"]["MEDIA_ROOT"] for s in ("web", "worker")}
    assert len(media_roots) == 1
    media_root = media_roots.pop()
    sources = {mounts(s).get(media_root) for s in ("web", "worker")}
    assert len(sources) == 1, "web and worker mount different storage at MEDIA_ROOT"
    source = sources.pop()
    assert source is not None, "MEDIA_ROOT is not on a volume"
    # A named volume, declared at the top: not a path on one host, not a container's layer.
    assert source in COMPOSE["volumes"]
    # The image creates the mount point as the non-root user, so a new volume is writable.
    user_at = DOCKERFILE.index("USER regie")
    assert re.search(rf"^RUN install -d .*{re.escape(media_root)}", DOCKERFILE[user_at:], re.M)


def test_only_the_migrate_service_migrates_and_the_others_wait_for_it():
    """Issue #17: two web replicas raced on `migrate` and `collectstatic` at start, and
    migrations ran as the application's role. One `migrate` service, as the owner `regie`."""
    migrate = SERVICES["migrate"]
    assert "manage.py migrate" in command("migrate")
    assert "manage.py db_rechten" in command("migrate")
    assert migrate["environment"]["DATABASE_URL"].startswith("postgres://regie:")
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    for name in APP_SERVICES:
        service = SERVICES[name]
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert service["environment"]["DATABASE_URL"].startswith("postgres://regie_app:")
        assert "migrate" not in command(name)
        assert "collectstatic" not in command(name)


def test_every_long_running_service_has_a_health_check_that_others_wait_for():
    """Issue #17: no health checks for web and worker before."""
    assert "/gezondheid/" in healthcheck("web")
    assert re.search(r"celery -A regie inspect ping -d celery@\$\$HOSTNAME", healthcheck("worker"))
    assert "pg_isready" in healthcheck("db")
    assert "redis-cli ping" in healthcheck("redis")
    assert "regie-*.dump" in healthcheck("backup")
    for name, service in SERVICES.items():
        for dependency in ("db", "redis"):
            if dependency in service.get("depends_on", {}):
                condition = service["depends_on"][dependency]["condition"]
                assert condition == "service_healthy", f"{name} -> {dependency}"


def test_images_are_pinned_to_a_version():
    """Issue #17: `postgres:15`, `redis:7` and mailpit without a tag moved under a running
    installation at every pull."""
    assert re.fullmatch(r"postgres:15\.\d+(-bookworm)?", SERVICES["db"]["image"])
    assert re.fullmatch(r"redis:7\.\d+\.\d+(-bookworm)?", SERVICES["redis"]["image"])
    assert re.fullmatch(r"axllent/mailpit:v\d+\.\d+\.\d+", SERVICES["mail"]["image"])
    # pg_dump of the same release as the server.
    assert SERVICES["backup"]["image"] == SERVICES["db"]["image"]
    for name, service in SERVICES.items():
        if "build" not in service:
            assert re.search(r":v?\d+\.\d+", service["image"]), name
    base = re.search(r"^FROM (\S+)", DOCKERFILE, re.M).group(1)
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm", base)


def test_no_secret_has_a_default():
    """Issue #17: a forgotten variable must stop compose, not start Regie with a password
    from this file. AUDIT_KEY may be empty: it then derives from the required SECRET_KEY."""
    variables = {}
    for match in VARIABLE.finditer(COMPOSE_TEXT):
        variables.setdefault(match["name"], set()).add((match["op"], match["rest"]))
        if SECRET_NAME.search(match["name"]) and match["op"] in ("-", ":-"):
            assert match["rest"] == "", f"{match['name']} has a default"
    for name in REQUIRED:
        assert variables[name] and all(op == ":?" for op, _ in variables[name]), name
    # No literal secret in the environment or in a URL's password.
    for name, service in SERVICES.items():
        for key, value in (service.get("environment") or {}).items():
            if SECRET_NAME.search(key):
                assert VARIABLE.fullmatch(str(value)), f"{name}: {key} is written out"
            for password in re.findall(r"://[^:/@\s]+:([^@\s]+)@", str(value)):
                assert re.fullmatch(r"\$\{[A-Z_]+:\?[^}]*\}", password), f"{name}: {key}"


def test_static_files_are_collected_when_the_image_is_built():
    """Issue #17: collectstatic at build, without a database and without a real secret:
    the placeholder SECRET_KEY lives in that one RUN line, never in ENV or ARG."""
    lines = [line for line in DOCKERFILE.splitlines() if not line.lstrip().startswith("#")]
    run = [line for line in lines if "collectstatic" in line]
    assert len(run) == 1 and run[0].startswith("RUN SECRET_KEY=")
    assert DOCKERFILE.index("COPY --chown=regie:regie . /app") < DOCKERFILE.index(run[0])
    assert [line for line in lines if "SECRET_KEY" in line] == run


def test_a_backup_runs_and_the_readme_says_how_to_restore():
    """Issue #17: no backups before. A nightly pg_dump of the database and a copy of the
    media volume; the restore command in the README's production section."""
    backup = command("backup")
    assert "pg_dump --format=custom" in backup
    assert "tar -C /media" in backup
    assert mounts("backup")["/backups"] in COMPOSE["volumes"]
    assert mounts("backup")["/media"] == mounts("web")["/app/var/media"]
    assert SERVICES["backup"]["volumes"][1].endswith(":ro")
    readme = (ROOT / "README.md").read_text()
    productie = readme[readme.index("## Productie") : readme.index("## Configuratie")]
    assert "pg_restore" in productie
    assert "docker compose run --rm migrate" in productie


@pytest.mark.skipif(not shutil.which("docker-compose"), reason="Debian's docker-compose absent")
# Each run takes seconds; test_no_secret_has_a_default covers the other required variables.
@pytest.mark.parametrize("missing", [None, "REGIE_DB_APP_PASSWORD"])
def test_docker_compose_accepts_the_file_and_refuses_a_missing_secret(missing, tmp_path):
    """Issue #17: `docker-compose config` interpolates the file as `up` would; without a
    required variable (here the one inside the DATABASE_URL) it stops and names it."""
    env = {k: v for k, v in os.environ.items() if k not in REQUIRED}
    env.update({name: "dummy" for name in REQUIRED if name != missing})
    empty = tmp_path / "empty.env"  # a developer's .env must not fill the gap
    empty.write_text("")
    result = subprocess.run(
        ["docker-compose", "--env-file", str(empty), "config", "-q"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if missing is None:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode != 0
        assert f"set {missing}" in result.stderr
