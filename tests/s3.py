"""An S3-compatible server for the tests (issue #15, "More than one machine"): moto in server
mode on a free local port, started once per test session, and a fixture that points Django's
default storage at a fresh bucket on it. Registered by the root conftest.py.

moto is installed by requirements-dev.txt, so a clean clone has it: when it cannot start, the
tests that need it fail with the reason instead of being skipped.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

REGION = "eu-central-1"
ACCESS_KEY = "regie-test"
SECRET_KEY = "regie-test-secret"  # noqa: S105 - moto accepts any key


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MotoServer:
    """`moto_server` as a subprocess; `url` is its endpoint."""

    def __init__(self):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.proc = None

    def start(self, timeout: float = 30.0) -> None:
        executable = Path(sys.executable).parent / "moto_server"
        if not executable.exists():
            executable = shutil.which("moto_server")
        if not executable:
            raise RuntimeError("moto_server ontbreekt: installeer requirements-dev.txt")
        self.proc = subprocess.Popen(
            [str(executable), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            # No proxy or real AWS account may leak into the server from the environment.
            env={k: v for k, v in os.environ.items() if not k.startswith("AWS_")},
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"moto_server stopte met code {self.proc.returncode}")
            # Ready when it answers the S3 API, and it is ours: still running afterwards
            # (another process that took the port in between would answer or hang instead).
            with contextlib.suppress(Exception):
                self.client(timeout=1).list_buckets()
                if self.proc.poll() is None:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"moto_server antwoordde niet binnen {timeout:.0f} s op {self.url}")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def client(self, timeout: float = 10):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            config=Config(
                connect_timeout=timeout, read_timeout=timeout, retries={"max_attempts": 1}
            ),
        )


@pytest.fixture(scope="session")
def s3_server():
    server = MotoServer()
    try:
        server.start()
    except (OSError, RuntimeError) as exc:
        output = server.output()
        server.stop()
        pytest.fail(f"De S3-testserver (moto_server) start niet: {exc}\n{output}")
    yield server
    server.stop()


class Bucket:
    """A bucket of the test server as Django's default storage sees it."""

    def __init__(self, client, name: str, location: str, media_root: Path):
        self.client, self.name, self.location, self.media_root = client, name, location, media_root

    def key(self, name: str) -> str:
        """The object key of a stored file's `name` (FieldFile.name)."""
        return f"{self.location}/{name}"

    def objecten(self) -> list[str]:
        return [o["Key"] for o in self.client.list_objects_v2(Bucket=self.name).get("Contents", [])]

    def read(self, name: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=self.key(name))["Body"].read()

    def public_grants(self, name: str) -> list[dict]:
        """Grants of the object to anyone beyond its owner: everyone or any AWS account."""
        acl = self.client.get_object_acl(Bucket=self.name, Key=self.key(name))
        return [
            g
            for g in acl["Grants"]
            if g["Grantee"].get("Type") == "Group" or g["Grantee"].get("ID") != acl["Owner"]["ID"]
        ]


@pytest.fixture
def s3_opslag(s3_server, settings, tmp_path):
    """Django's default storage on a new, private bucket of the test server, configured
    exactly as regie/settings/base.py does with S3_BUCKET set."""
    from regie.settings.base import _media_storage

    name = f"regie-{uuid.uuid4().hex[:12]}"
    client = s3_server.client()
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    env = {
        "S3_BUCKET": name,
        "S3_ENDPOINT_URL": s3_server.url,
        "S3_ACCESS_KEY_ID": ACCESS_KEY,
        "S3_SECRET_ACCESS_KEY": SECRET_KEY,
        "S3_REGION": REGION,
        "S3_LOCATION": "regie-test",
    }
    with _environ(env):
        default = _media_storage()
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    # pytest-django's settings fixture goes through override_settings, whose setting_changed
    # signal makes Django 5.2 drop its cached storages and default_storage (the FileFields
    # refer to that lazy default_storage); the old value comes back after the test.
    settings.STORAGES = {**settings.STORAGES, "default": default}
    # An empty MEDIA_ROOT: whatever lands here bypassed the storage API.
    settings.MEDIA_ROOT = tmp_path
    return Bucket(client, name, default["OPTIONS"]["location"], tmp_path)


@contextlib.contextmanager
def _environ(values: dict):
    previous = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in previous.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
