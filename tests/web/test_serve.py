"""`slant serve`: starts, serves the page and the API; a bad address or store is one line and exit 2 or 6."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _slant(*args: str) -> list[str]:
    return [sys.executable, "-m", "slant", *args]


def test_serve_starts_and_answers(store: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        _slant("serve", "--port", str(port), "--db", str(store)), stderr=subprocess.PIPE, env=os.environ.copy()
    )
    try:
        url = f"http://127.0.0.1:{port}"
        ready = False
        for _ in range(600):
            assert server.poll() is None, (server.stderr.read() if server.stderr else b"").decode()
            try:
                health = httpx.get(url + "/api/health", timeout=2)
            except httpx.HTTPError:
                time.sleep(0.2)
                continue
            if health.json()["ready"]:
                ready = True
                break
            time.sleep(0.2)
        assert ready
        assert health.json()["stories"] is True
        page = httpx.get(url + "/")
        assert page.status_code == 200 and '<form id="compare"' in page.text
        assert httpx.get(url + "/api/stories?limit=2").json()["stories"]
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert f"slant: serving on http://127.0.0.1:{port}/" in err.decode()
    assert "Traceback" not in err.decode()


def test_serve_refuses_a_port_in_use() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(_slant("serve", "--port", str(port)), capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"slant: error: 127.0.0.1:{port}: cannot listen there (Address already in use)"
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--host", "no-such-host.invalid"], 2, "--host no-such-host.invalid: not an address this machine has"),
        (["--db", "{tmp}/missing.duckdb"], 6, "missing.duckdb: no such store"),
        (["--db", "{tmp}/notes.duckdb"], 6, "cannot open as a DuckDB store"),
        (["--port", "70000"], 2, "Invalid value for '--port'"),
    ],
)
def test_serve_bad_options_are_one_line(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    (tmp_path / "notes.duckdb").write_text("not a database", encoding="utf-8")
    args = [a.format(tmp=tmp_path) for a in args]
    done = subprocess.run(_slant("serve", *args), capture_output=True, text=True, timeout=60)
    assert done.returncode == code
    assert message in done.stderr
    assert "Traceback" not in done.stderr
