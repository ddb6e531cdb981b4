"""bench/load.py reduced: 20 clients for 5 s against `claimgraph serve` over the sample corpus."""

from __future__ import annotations

import importlib.util
import secrets
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ..conftest import REPO

pytestmark = pytest.mark.slow


def bench_load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_load", REPO / "bench" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is made.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_twenty_clients_for_five_seconds_get_no_error(sample_db: Path) -> None:
    load = bench_load()
    token = secrets.token_urlsafe(32)
    with load.served(sample_db, token=token) as url:
        # A generous timeout: the suite may share the machine with heavier work than this.
        report = load.run(url, token=token, clients=20, seconds=5, timeout=120)
    load.print_report(report)
    print(f"p95 {report.p95_ms:.1f} ms over {report.requests} requests")
    assert report.errors == 0, report.error_examples
    assert report.requests >= 20
