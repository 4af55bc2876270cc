"""`paracite serve` under load: 16 concurrent clients over loopback, with an ingest in the middle (#16).

Run: ``python bench/perf_serve.py [--clients 16] [--seconds 10] [--source corpus/A-69-207.txt]
[--index DIR]``.

It builds an index from ``--source`` in a temporary folder (or uses a *copy* of ``--index``, so a
shared index is never written), starts ``paracite serve`` on it in its own process on a free
127.0.0.1 port, and runs ``--clients`` threads, each with its own keep-alive connection, sending
``GET /api/search`` with the dev queries (k=10, hybrid) for ``--seconds``; then it starts
``paracite ingest`` of ``--source`` into the served folder (at ``--nice 10`` unless told) and keeps the clients going until the
server answers from the new build and ``--seconds`` more have passed. It prints p50/p95/max and the
failed requests (any status but 200, or a broken connection) before, during and after the ingest.

Baselines from the same run: ``Searcher.search`` in this process, one query at a time (what a
request costs without HTTP or concurrency), and one HTTP client alone.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUERIES = ROOT / "tests" / "fixtures" / "a69207_queries_dev.jsonl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """One keep-alive connection; ``get`` returns (status, milliseconds), status 0 for a broken link."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path: str) -> tuple[int, float, bytes]:
        t = time.perf_counter()
        try:
            self.conn.request("GET", path)
            r = self.conn.getresponse()
            body = r.read()
            return r.status, (time.perf_counter() - t) * 1000, body
        except (OSError, http.client.HTTPException) as e:
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            return 0, (time.perf_counter() - t) * 1000, str(e).encode()


class Load:
    """``n`` client threads searching until stopped; each result is tagged with the phase it started in."""

    def __init__(self, port: int, queries: list[str], n: int):
        self.port, self.queries, self.n = port, queries, n
        self.phase = "before"
        self.results: list[tuple[str, int, float]] = []
        self.errors: list[str] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(n)]

    def _run(self, i: int) -> None:
        client, j = Client(self.port), i
        while not self._stop.is_set():
            q = self.queries[j % len(self.queries)]
            j += 1
            phase = self.phase
            status, ms, body = client.get("/api/search?" + urlencode({"q": q, "k": 10}))
            with self._lock:
                self.results.append((phase, status, ms))
                if status != 200:
                    self.errors.append(f"{status}: {body[:160]!r}")

    def start(self) -> None:
        for t in self._threads:
            t.start()

    def stop(self) -> None:
        self._stop.set()
        for t in self._threads:
            t.join()


def summary(name: str, ms: list[float], failed: int, seconds: float | None = None) -> str:
    a = np.array(ms) if ms else np.array([np.nan])
    rate = f"  {len(ms) / seconds:6.1f} req/s" if seconds else ""
    return (f"  {name:38s} n {len(ms):5d}  p50 {np.nanpercentile(a, 50):7.1f} ms  p95 {np.nanpercentile(a, 95):7.1f} ms"
            f"  max {np.nanmax(a):7.1f} ms  failed {failed}{rate}")


def wait_ready(port: int, proc: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"paracite serve exited with {proc.returncode}")
        status, _, _ = Client(port).get("/api/status")
        if status == 200:
            return
        time.sleep(0.2)
    raise SystemExit("paracite serve did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=10.0, help="load before the ingest, and after the swap")
    ap.add_argument("--source", default=str(ROOT / "corpus" / "A-69-207.txt"), help="what to ingest")
    ap.add_argument("--index", help="serve a copy of this index instead of building one from --source")
    ap.add_argument("--queries", type=Path, default=QUERIES)
    ap.add_argument("--warm", action="store_true", help="let the mid-run ingest reuse the index's cache "
                    "(default: empty it first, so the ingest parses and embeds everything again)")
    ap.add_argument("--nice", type=int, default=10,
                    help="run the ingest at this niceness (default 10, as README advises for a served index; 0 = not)")
    args = ap.parse_args()
    queries = [json.loads(line)["query"] for line in args.queries.read_text().splitlines() if line.strip()]
    tmp = Path(tempfile.mkdtemp(prefix="perf-serve-"))
    folder = tmp / "index"
    py = [sys.executable, "-m", "search"]
    try:
        if args.index:
            shutil.copytree(Path(args.index).resolve() / "current", folder / "builds" / "b0", symlinks=True)
            (folder / "current").symlink_to("builds/b0")
        else:
            subprocess.run(py + ["ingest", args.source, "--index", str(folder), "--quiet"], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
        baseline = in_process(folder, queries)
        port = free_port()
        server = subprocess.Popen(py + ["serve", "--index", str(folder), "--port", str(port)], cwd=ROOT,
                                  stderr=subprocess.DEVNULL)
        try:
            wait_ready(port, server)
            run(args, port, queries, folder, py, baseline)
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def in_process(folder: Path, queries: list[str]) -> list[float]:
    """Baseline: ``Searcher.search`` one query at a time in this process, warm."""
    from search import Searcher

    with Searcher.open(folder) as s:
        for q in queries[:3]:
            s.search(q)
        ms = []
        for _ in range(2):
            for q in queries:
                t = time.perf_counter()
                s.search(q, k=10)
                ms.append((time.perf_counter() - t) * 1000)
    return ms


def status_build(port: int) -> str:
    return json.loads(Client(port).get("/api/status")[2])["build"]


def run(args, port: int, queries: list[str], folder: Path, py: list[str], baseline: list[float]) -> None:
    one = Client(port)
    for q in queries[:3]:
        one.get("/api/search?" + urlencode({"q": q}))
    single = [one.get("/api/search?" + urlencode({"q": q, "k": 10})) for q in queries * 2]
    load = Load(port, queries, args.clients)
    old = status_build(port)
    t0 = time.monotonic()
    load.start()
    time.sleep(args.seconds)
    load.phase = "during"
    t1 = time.monotonic()
    nice = ["nice", "-n", str(args.nice)] if args.nice else []
    if not args.warm:  # a real rebuild: parse, tag and embed again, not the cache's copy (issue #13)
        shutil.rmtree(folder / "cache", ignore_errors=True)
    ingest = subprocess.run(nice + py + ["ingest", args.source, "--index", str(folder), "--quiet"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while status_build(port) == old and time.monotonic() - t1 < 120:
        time.sleep(0.05)
    t2 = time.monotonic()
    load.phase = "after"
    swapped = status_build(port) != old
    time.sleep(args.seconds)
    load.stop()
    t3 = time.monotonic()

    print(f"paracite serve, {args.clients} clients over loopback, GET /api/search (k=10, hybrid), "
          f"{len(queries)} dev queries; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"  ingest into the served index (niceness {args.nice}): exit {ingest.returncode}, {t2 - t1:.1f} s until the server answered "
          f"from the new build ({'picked up' if swapped else 'NOT picked up'})")
    seconds = {"before": t1 - t0, "during": t2 - t1, "after": t3 - t2}
    for phase in ("before", "during", "after"):
        rows = [(s, ms) for p, s, ms in load.results if p == phase]
        print(summary(f"{args.clients} clients, {phase} the ingest", [ms for s, ms in rows],
                      sum(s != 200 for s, _ in rows), seconds[phase]))
    all_ms = [ms for _, _, ms in load.results]
    failed = sum(s != 200 for _, s, _ in load.results)
    print(summary(f"{args.clients} clients, whole run", all_ms, failed, t3 - t0))
    print("baselines, same run:")
    print(summary("one HTTP client alone", [ms for _, ms, _ in single], sum(s != 200 for s, _, _ in single)))
    print(summary("Searcher.search in-process, one at a time", baseline, 0))
    p95 = np.percentile(all_ms, 95)
    print(f"  ratio: {args.clients}-client p95 / one-client p95 = "
          f"{p95 / np.percentile([ms for _, ms, _ in single], 95):.1f}x; "
          f"p95 / in-process p95 = {p95 / np.percentile(baseline, 95):.1f}x")
    print(f"goals: p95 <= 300 ms: {'met' if p95 <= 300 else 'NOT met'} ({p95:.0f} ms); "
          f"0 failed requests through the rebuild: {'met' if failed == 0 else 'NOT met'} ({failed})")
    for e in load.errors[:5]:
        print("  failure:", e)


if __name__ == "__main__":
    main()
