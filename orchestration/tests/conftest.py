"""Shared fixtures: a malformed CSV, warehouses per target, a local HTTP server."""

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from orchestration.ingestion.warehouse import Warehouse, connect
from orchestration.tests.fixture_data import MALFORMED_BYTES


@pytest.fixture
def malformed_csv(tmp_path: Path) -> Path:
    path = tmp_path / "jours_feries_malformed.csv"
    path.write_bytes(MALFORMED_BYTES)
    return path


# One database per pytest-xdist worker (gw0, gw1, ...): loader tests of two
# workers must not drop each other's database.
PG_TEST_DATABASE = "wattlas_ingestion_test_" + os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture
def postgres_database(monkeypatch) -> Iterator[str]:
    """A fresh database of its own on the PG* server, made the libpq default.

    Never the database PGDATABASE names: under ``make test`` that one holds
    the built warehouse the cross-engine test compares, and loader tests
    drop and rewrite ``raw``.
    """
    if os.environ.get("WATTLAS_TEST_POSTGRES") != "1":
        pytest.skip("PostgreSQL tests need WATTLAS_TEST_POSTGRES=1 and PG* variables")
    import psycopg2

    admin = psycopg2.connect("")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f"drop database if exists {PG_TEST_DATABASE} with (force)")
        cursor.execute(f"create database {PG_TEST_DATABASE}")
    monkeypatch.setenv("PGDATABASE", PG_TEST_DATABASE)
    yield PG_TEST_DATABASE
    with admin.cursor() as cursor:
        cursor.execute(f"drop database if exists {PG_TEST_DATABASE} with (force)")
    admin.close()


@pytest.fixture(params=["duckdb", "postgres"])
def warehouse(request, tmp_path: Path) -> Iterator[Warehouse]:
    """An empty warehouse on each target; PostgreSQL only when enabled."""
    if request.param == "postgres":
        request.getfixturevalue("postgres_database")
        target = connect("postgres")
    else:
        target = connect("duckdb", tmp_path / "test.duckdb")
    yield target
    target.close()


# --- local HTTP server -------------------------------------------------------


@dataclass
class Route:
    """What the server answers on one path: ``failures`` HTTP 500s first,
    then ``body`` (or a hang of ``hang_seconds``, or a body cut short)."""

    body: bytes = b""
    failures: int = 0
    always_fail: bool = False
    hang_seconds: float = 0.0
    truncate_to: int | None = None
    hits: int = 0


@dataclass
class LocalServer:
    base_url: str
    routes: dict[str, Route] = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)

    def serve(self, path: str, **route) -> str:
        """Register ``path`` and return its full URL."""
        self.routes[path] = Route(**route)
        return self.base_url + path


def _handler(server: Callable[[], LocalServer]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            route = server().routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            route.hits += 1
            if route.hang_seconds:
                server().stop.wait(route.hang_seconds)
                return  # never answer; the client must time out
            if route.always_fail or route.hits <= route.failures:
                self.send_error(500, "fixture failure")
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body[: route.truncate_to])

        def log_message(self, *args):  # keep test output clean
            pass

    return Handler


@pytest.fixture
def http_server(monkeypatch) -> Iterator[LocalServer]:
    """A threaded HTTP server on 127.0.0.1, on a free port."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    state: dict[str, LocalServer] = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(lambda: state["server"]))
    httpd.daemon_threads = True
    host, port = httpd.server_address[:2]
    state["server"] = LocalServer(base_url=f"http://{host}:{port}")
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state["server"]
    state["server"].stop.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)
