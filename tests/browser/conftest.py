"""Browser fixtures: real servers (``sitrep serve``) on free ports over two databases.

Needs Debian's chromium and ``node_modules/playwright-core``; without them the
tests skip, unless SITREP_REQUIRE_REAL_COMPONENTS=1 (CI), where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sitrep.config import Settings
from sitrep.serve.fake import write_demo
from sitrep.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("SITREP_CHROMIUM", "/usr/bin/chromium"))
PLAYWRIGHT = ROOT / "node_modules" / "playwright-core"


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    if not PLAYWRIGHT.exists():
        return "node_modules/playwright-core is missing (npm install)"
    if shutil.which("node") is None:
        return "node is not on PATH"
    return None


@pytest.fixture(scope="session")
def browser_ready() -> None:
    reason = _missing()
    if reason is None:
        return
    if os.environ.get("SITREP_REQUIRE_REAL_COMPONENTS") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def serve(browser_ready: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """``serve(db) -> base URL``: runs ``sitrep serve`` on a free port until the session ends."""
    procs: list[subprocess.Popen[bytes]] = []
    started: dict[Path, str] = {}

    def start(db: Path) -> str:
        if db in started:
            return started[db]
        port = _free_port()
        cmd = [sys.executable, "-c", "from sitrep.cli import main; main()"]
        cmd += ["serve", "--db", str(db), "--port", str(port)]
        log = tmp_path_factory.mktemp("serve") / "serve.log"
        with log.open("wb") as sink:
            procs.append(subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT))
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if httpx.get(f"{base}/api/stories", timeout=1).status_code == 200:
                    started[db] = base
                    return base
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError(f"sitrep serve did not start on {base}: {log.read_text()}")

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented demo corpus of sitrep.serve.fake (contradictions, a hostile article)."""
    path = tmp_path_factory.mktemp("browser") / "hostile.db"
    with open_store(Settings(db=str(path))) as store:
        write_demo(store)
    return path


@pytest.fixture(scope="session")
def scale_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12,000 synthetic incidents in 24 towns (bench/api_latency.py's store), for the map at scale."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("api_latency", ROOT / "bench" / "api_latency.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    path = tmp_path_factory.mktemp("browser") / "scale.db"
    bench.build(str(path), SCALE_INCIDENTS)
    return path


SCALE_INCIDENTS = 12_000


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database ``sitrep demo`` builds from the bundled corpus."""
    from sitrep.demo import build_demo

    path = tmp_path_factory.mktemp("browser") / "demo.db"
    build_demo(Settings(db=str(path)), lambda *args, **kwargs: None)
    return path
