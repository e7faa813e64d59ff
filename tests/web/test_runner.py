"""Runner: work runs in worker threads, a full line is refused (429), a late result times out (503)."""

from __future__ import annotations

import asyncio
import threading

import pytest

from slant.web.runner import Busy, Runner, TimedOut


def test_runs_in_a_worker_thread_and_returns_the_result() -> None:
    runner = Runner(workers=2, queue=4, timeout_s=5)
    main = threading.get_ident()
    got = asyncio.run(runner.run(lambda: threading.get_ident()))
    assert got != main
    assert runner.pending == 0
    runner.close()


def test_errors_of_the_work_reach_the_caller() -> None:
    runner = Runner(workers=1, queue=0, timeout_s=5)

    def fail() -> None:
        raise ValueError("bad article")

    with pytest.raises(ValueError, match="bad article"):
        asyncio.run(runner.run(fail))
    assert runner.pending == 0
    runner.close()


def test_a_full_line_is_refused_at_once() -> None:
    runner = Runner(workers=1, queue=1, timeout_s=5)
    release = threading.Event()
    first = runner.submit(release.wait)
    second = runner.submit(release.wait)
    with pytest.raises(Busy, match="2 requests are in line already"):
        runner.submit(release.wait)
    release.set()
    first.result(5)
    second.result(5)
    assert runner.pending == 0
    assert asyncio.run(runner.run(lambda: 7)) == 7
    runner.close()


def test_late_work_times_out_and_frees_its_place_when_done() -> None:
    runner = Runner(workers=1, queue=0, timeout_s=0.2)
    release = threading.Event()
    with pytest.raises(TimedOut, match=r"longer than 0\.2 s"):
        asyncio.run(runner.run(release.wait))
    assert runner.pending == 1  # still running in its thread
    release.set()
    for _ in range(100):
        if runner.pending == 0:
            break
        threading.Event().wait(0.01)
    assert runner.pending == 0
    runner.close()


def test_concurrency_is_bounded_by_workers() -> None:
    runner = Runner(workers=2, queue=10, timeout_s=5)
    lock = threading.Lock()
    active = [0, 0]  # now, most

    def work() -> None:
        with lock:
            active[0] += 1
            active[1] = max(active[1], active[0])
        threading.Event().wait(0.05)
        with lock:
            active[0] -= 1

    async def many() -> None:
        await asyncio.gather(*(runner.run(work) for _ in range(8)))

    asyncio.run(many())
    assert active[1] == 2
    runner.close()


@pytest.mark.parametrize(("workers", "queue", "timeout"), [(0, 1, 1.0), (1, -1, 1.0), (1, 1, 0.0)])
def test_refuses_impossible_limits(workers: int, queue: int, timeout: float) -> None:
    with pytest.raises(ValueError):
        Runner(workers, queue, timeout)
