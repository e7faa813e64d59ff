"""Where the per-article work runs: in this process, a local process pool, or a Ray cluster.

Each engine maps ``story.prepare.prepare`` over batches and yields the results in submission order,
keeping a few batches in flight; clustering and storage stay in the calling process, in input order,
so every engine gives the same stories.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from slant.errors import InputError

ENGINES = ("local", "ray")


def _local(fn: Callable[[Any], Any], jobs: Iterable[Any], workers: int) -> Iterator[Any]:
    if workers <= 1:
        for job in jobs:
            yield fn(job)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque[Future[Any]] = deque()
        for job in jobs:
            pending.append(pool.submit(fn, job))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _ray(fn: Callable[[Any], Any], jobs: Iterable[Any], workers: int, address: str | None) -> Iterator[Any]:
    try:
        import ray
    except ImportError:
        raise InputError("--engine ray needs Ray installed (pip install 'ray[default]')") from None
    started = False
    if not ray.is_initialized():
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        else:
            ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False)
        started = True
    try:
        task = ray.remote(fn)
        pending: deque[Any] = deque()
        width = 2 * max(1, workers)
        for job in jobs:
            pending.append(task.remote(job))
            if len(pending) >= width:
                yield ray.get(pending.popleft())
        while pending:
            yield ray.get(pending.popleft())
    finally:
        if started:
            ray.shutdown()


def run_map(
    fn: Callable[[Any], Any], jobs: Iterable[Any], engine: str = "local", workers: int = 1, address: str | None = None
) -> Iterator[Any]:
    """``fn`` over ``jobs`` on the chosen engine, results in job order.

    Raises:
        InputError: an unknown engine or a bad worker count.
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if workers < 1:
        raise InputError(f"--workers must be 1 or more (got {workers})")
    if engine == "ray":
        return _ray(fn, jobs, workers, address)
    return _local(fn, jobs, workers)
