"""Load benchmark of the web API: many compare requests on loopback against `slant serve`.

Starts `slant serve` on a free 127.0.0.1 port (in this run's isolated HOME and caches), waits until
its models are loaded, then sends ``--requests`` POST /api/compare requests (default 2,000) at
``--concurrency`` (default 16), cycling through the bundled example sets (2-3 articles each).

Prints throughput, p50/p95/p99 latency, the count of 5xx and of other non-200 answers, and the
server's resident memory after the first quarter of the requests and at the end (growth in MB).
Baseline, measured in the same run before the server starts: the same requests compared by the
library in this process, one after another; ``ratio`` is the server's throughput over it (above 1:
the server's worker threads overlap work). ``--json`` prints one object. Goal (issue 8): zero 5xx,
no memory growth across the run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _bodies() -> list[dict[str, Any]]:
    from slant.web.examples import example_sets

    return [{"articles": [{"text": text} for _, text in files]} for files in example_sets().values()]


def _baseline(bodies: list[dict[str, Any]], embedder: str) -> float:
    """Requests per second of the library itself, sequentially, after one warm-up comparison."""
    from slant.ingest.text import article_from_text
    from slant.pipeline import compare
    from slant.settings import Settings

    settings = Settings(embedder=embedder)

    def run(body: dict[str, Any]) -> None:
        articles = [article_from_text(a["text"], f"article {k}", settings) for k, a in enumerate(body["articles"], 1)]
        compare(articles, settings)

    run(bodies[0])
    t0 = time.perf_counter()
    for body in bodies:
        run(body)
    return len(bodies) / (time.perf_counter() - t0)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _start(port: int, workers: int, embedder: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "slant", "serve", "--port", str(port), "--workers", str(workers)]
    return subprocess.Popen([*command, "--embedder", embedder], stderr=subprocess.PIPE)


async def _wait_ready(url: str, server: subprocess.Popen[bytes]) -> None:
    import httpx

    async with httpx.AsyncClient(timeout=5) as client:
        for _ in range(1200):
            if server.poll() is not None:
                raise SystemExit(f"slant serve exited: {(server.stderr.read() if server.stderr else b'').decode()}")
            try:
                if (await client.get(url + "/api/health")).json().get("ready"):
                    return
            except (httpx.HTTPError, ValueError):
                pass
            await asyncio.sleep(0.25)
    raise SystemExit("slant serve was not ready within 5 minutes")


async def _load(url: str, bodies: list[dict[str, Any]], n: int, concurrency: int, pid: int) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    statuses: dict[int, int] = {}
    rss: dict[str, float] = {}
    queue: asyncio.Queue[int] = asyncio.Queue()
    for k in range(n):
        queue.put_nowait(k)
    done = 0

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal done
        while True:
            try:
                k = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            t0 = time.perf_counter()
            try:
                response = await client.post(url + "/api/compare", json=bodies[k % len(bodies)])
                status = response.status_code
            except httpx.HTTPError:
                status = 599  # no answer at all counts as a server failure
            latencies.append(time.perf_counter() - t0)
            statuses[status] = statuses.get(status, 0) + 1
            done += 1
            if done == n // 4:
                rss["quarter"] = _rss_mb(pid)

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=600, limits=limits) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        seconds = time.perf_counter() - t0
    rss["end"] = _rss_mb(pid)
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "requests": n,
        "concurrency": concurrency,
        "seconds": round(seconds, 1),
        "requests_per_s": round(n / seconds, 2),
        "p50_ms": round(cuts[49] * 1000),
        "p95_ms": round(cuts[94] * 1000),
        "p99_ms": round(cuts[98] * 1000),
        "status_5xx": sum(v for s, v in statuses.items() if s >= 500),
        "non_200": sum(v for s, v in statuses.items() if s != 200),
        "statuses": {str(s): v for s, v in sorted(statuses.items())},
        "rss_quarter_mb": round(rss.get("quarter", float("nan")), 1),
        "rss_end_mb": round(rss["end"], 1),
        "rss_growth_mb": round(rss["end"] - rss.get("quarter", rss["end"]), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1, help="comparisons the server runs at once")
    parser.add_argument("--embedder", choices=("minilm", "static"), default="minilm")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if args.requests < 4 or args.concurrency < 1:
        parser.error("--requests must be at least 4 and --concurrency at least 1")

    bodies = _bodies()
    baseline = _baseline(bodies, args.embedder)
    port = _free_port()
    server = _start(port, args.workers, args.embedder)
    url = f"http://127.0.0.1:{port}"
    try:
        asyncio.run(_wait_ready(url, server))
        rss_ready = _rss_mb(server.pid)
        result = asyncio.run(_load(url, bodies, args.requests, args.concurrency, server.pid))
    finally:
        server.terminate()
        server.wait(30)
    result |= {
        "workers": args.workers,
        "embedder": args.embedder,
        "rss_ready_mb": round(rss_ready, 1),
        "baseline_per_s": round(baseline, 2),
        "ratio_vs_library": round(result["requests_per_s"] / baseline, 2),
    }
    if args.json:
        print(json.dumps(result, sort_keys=True))
        return
    print(
        f"slant serve, {args.requests} POST /api/compare at concurrency {args.concurrency} on 127.0.0.1 "
        f"({args.workers} workers, {args.embedder} embedder, {len(bodies)} example sets in turn)"
    )
    print(f"  throughput   {result['requests_per_s']:.2f} requests/s over {result['seconds']} s")
    print(f"  latency      p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms")
    print(f"  answers      {result['statuses']}  ->  5xx: {result['status_5xx']}")
    print(
        f"  server RSS   ready {result['rss_ready_mb']} MB, after 1/4 {result['rss_quarter_mb']} MB, "
        f"end {result['rss_end_mb']} MB (growth {result['rss_growth_mb']:+} MB)"
    )
    print(
        f"  baseline     library compare in one process: {baseline:.2f} requests/s"
        f" -> ratio {result['ratio_vs_library']}"
    )


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    main()
