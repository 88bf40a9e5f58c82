"""Real redis-server and PostgreSQL servers for tests, on free loopback ports in temp dirs.

Fixtures (session-wide servers, a clean store per test): ``redis_server`` /
``redis_url`` and ``pg_server`` / ``pg_url``. A test is skipped, with the reason, only when
the server binary is absent (``.ci/run`` installs both). PostgreSQL refuses to run as root:
as root, initdb and the server run as the ``postgres`` system user (else ``nobody``).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PG_BIN_DIRS = ["/usr/local/bin", *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_port(port: int, timeout: float = 20.0) -> None:
    """Block until something accepts connections on 127.0.0.1:port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout}s")


class CuttingProxy:
    """A loopback TCP proxy to ``target`` that cuts the connection at the next client
    messages holding ``marker`` (b"": any message), one per entry of ``plan``: "after"
    passes the message on, lets the server act on it and drops its reply (the client cannot
    know whether it took); "before" drops the message itself."""

    def __init__(self, target: int, marker: bytes = b"") -> None:
        self.port, self.target, self.marker, self.plan = free_port(), target, marker, list[str]()
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target))
            cut = threading.Event()
            for src, dst, up in ((client, server, True), (server, client, False)):
                threading.Thread(target=self._pipe, args=(src, dst, up, cut), daemon=True).start()

    def _pipe(self, src: Any, dst: Any, upstream: bool, cut: threading.Event) -> None:
        try:
            while data := src.recv(65536):
                if cut.is_set():
                    break  # the server's reply to the cut message: dropped
                if upstream and self.marker in data and self.plan:
                    cut.set()
                    if self.plan.pop(0) == "after":
                        dst.sendall(data)
                        time.sleep(0.3)  # the server acts on it; its reply never comes back
                    break
                dst.sendall(data)
        except OSError:
            pass
        for sock in (src, dst):
            with contextlib.suppress(OSError):  # the FIN goes out even while the other
                sock.shutdown(socket.SHUT_RDWR)  # direction's thread still reads the socket
            sock.close()

    def close(self) -> None:
        self.listener.close()


def pg_bin(name: str) -> str | None:
    """Path of a PostgreSQL server binary (PATH, /usr/local/bin, /usr/lib/postgresql/*/bin)."""
    found = shutil.which(name)
    if found:
        return found
    for directory in PG_BIN_DIRS:
        path = Path(directory) / name
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    return None


# --- Redis ------------------------------------------------------------------------------------
class RedisServer:
    """A redis-server child process without persistence, on a free loopback port."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.dir = Path(tempfile.mkdtemp(prefix="newscrawl-redis-"))
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        cmd = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(self.dir), "--protected-mode", "no"]  # fmt: skip
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_port(self.port)
        return self

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None
        shutil.rmtree(self.dir, ignore_errors=True)

    def client(self) -> object:
        import redis

        return redis.Redis.from_url(self.url)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """One redis-server for the session (skipped when the binary is absent)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server not installed (Debian package redis-server; .ci/run installs it)")
    server = RedisServer(binary).start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session's Redis URL, emptied (FLUSHALL) for this test."""
    redis_server.client().flushall()  # type: ignore[attr-defined]
    return redis_server.url


# --- PostgreSQL --------------------------------------------------------------------------------
class PostgresServer:
    """An initdb'd PostgreSQL cluster in a temp dir, trust auth, on a free loopback port."""

    def __init__(self, initdb: str, pg_ctl: str) -> None:
        self.initdb = initdb
        self.pg_ctl = pg_ctl
        self.user = self._run_as()
        # /tmp, not $TMPDIR: the server's user must be able to reach its directory.
        self.dir = Path(tempfile.mkdtemp(prefix="newscrawl-pg-", dir="/tmp" if self.user else None))
        self.data = self.dir / "data"
        self.port = free_port()
        self._tests_db = False

    @staticmethod
    def _run_as() -> str | None:
        """The unprivileged user to run the server as, when we are root (else None)."""
        if os.geteuid() != 0:
            return None
        for name in ("postgres", "nobody"):
            try:
                pwd.getpwnam(name)
                return name
            except KeyError:
                continue
        raise RuntimeError("running as root and no 'postgres' or 'nobody' user to run PostgreSQL")

    def _cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", self.user, "--", *args] if self.user else list(args)

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def start(self) -> PostgresServer:
        if self.user:
            shutil.chown(self.dir, self.user)
        subprocess.run(self._cmd(self.initdb, "-D", str(self.data), "-U", "postgres",
                                 "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"),
                       check=True, capture_output=True)  # fmt: skip
        self._pg_ctl("start")
        return self

    def _pg_ctl(self, action: str, *extra: str) -> None:
        opts = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories="
                f"{self.dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                " -c max_connections=50")  # fmt: skip
        subprocess.run(self._cmd(self.pg_ctl, action, "-D", str(self.data), "-w", "-t", "30",
                                 "-o", opts, "-l", str(self.dir / "server.log"), *extra),
                       check=True, capture_output=True)  # fmt: skip
        if action != "stop":
            wait_port(self.port)

    def restart(self) -> None:
        """Stop (fast: every connection is cut) and start again on the same port."""
        self._pg_ctl("restart", "-m", "fast")

    def stop(self) -> None:
        try:
            self._pg_ctl("stop", "-m", "immediate")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def execute(self, sql: str, db: str = "postgres") -> list[tuple[object, ...]]:
        """Run one statement in autocommit mode (administration from the test)."""
        import psycopg

        with psycopg.connect(self.url(db), autocommit=True) as conn:
            cur = conn.execute(sql)
            return list(cur.fetchall()) if cur.description else []

    def new_database(self) -> str:
        """A fresh, empty database; returns its URL."""
        name = "t_" + uuid.uuid4().hex[:12]
        self.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def new_schema(self) -> str:
        """A fresh, empty schema in the shared database ``tests`` (much cheaper than a new
        database); the URL puts it first on the search_path."""
        if not self._tests_db:
            self.execute("CREATE DATABASE tests")
            self._tests_db = True
        name = "s_" + uuid.uuid4().hex[:12]
        self.execute(f"CREATE SCHEMA {name}", db="tests")
        return self.url("tests") + f"?options=-csearch_path%3D{name}"

    def terminate_connections(self, db_url: str) -> int:
        """Kill every backend connected to the database of ``db_url``; how many were killed."""
        db = db_url.rsplit("/", 1)[1].split("?", 1)[0]
        rows = self.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            f" WHERE datname = '{db}' AND pid <> pg_backend_pid()"
        )
        return len(rows)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """One PostgreSQL cluster for the session (skipped when initdb/pg_ctl are absent)."""
    initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL binaries initdb/pg_ctl not found (Debian package postgresql)")
    server = PostgresServer(initdb, pg_ctl).start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> str:
    """URL of a new, empty store for this test (its own schema)."""
    return pg_server.new_schema()
