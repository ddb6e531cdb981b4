"""`claimgraph serve`: loopback by default, a token or an explicit --no-auth on any other address."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from claimgraph.cli import build_parser, main

TOKEN = "Zq8-w3LrT5_yNc2vB7xKd4Hm"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_loopback_is_the_default() -> None:
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.token is None and not args.no_auth


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "example.org"])
def test_a_reachable_address_without_a_token_is_refused(
    host: str, sample_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CLAIMGRAPH_TOKEN", raising=False)
    assert main(["serve", "--db", str(sample_db), "--host", host]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"claimgraph: auth-required: refusing to serve on {host} without authentication")
    assert "--token" in err and "CLAIMGRAPH_TOKEN" in err and "--no-auth" in err
    assert err.count("\n") == 1


def test_a_weak_token_is_refused(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CLAIMGRAPH_TOKEN", "secret")
    assert main(["serve", "--db", str(sample_db), "--host", "0.0.0.0"]) == 2
    assert "a server token needs at least 16 characters" in capsys.readouterr().err


def test_token_and_no_auth_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["serve", "--token", TOKEN, "--no-auth"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_the_token_from_the_environment_guards_a_reachable_server(sample_db: Path) -> None:
    port = free_port()
    command = [sys.executable, "-m", "claimgraph.cli", "serve", "--db", str(sample_db)]
    command += ["--host", "0.0.0.0", "--port", str(port)]
    env = {**os.environ, "CLAIMGRAPH_TOKEN": TOKEN}
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert f":{port}/ (token required" in line, (line, server.stderr.read() if server.poll() else "")
        assert TOKEN not in line and TOKEN not in " ".join(command)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                refused = httpx.get(f"{url}/api/documents", timeout=10)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.1)
        assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthorized"
        answered = httpx.get(f"{url}/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
        assert answered.status_code == 200 and answered.json()["total"] >= 10
        assert "server" not in answered.headers
    finally:
        server.terminate()
        server.wait(timeout=30)
