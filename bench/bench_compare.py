"""Benchmark `slant compare` on the bundled ~800-word article pair.

Prints warm compare time, cold CLI time, the ratio of warm compare time to a
spaCy-only parse of the same texts measured in the same run, and peak RSS.
`--json` prints one object with keys warm_s, cold_cli_s, ratio_vs_spacy, peak_rss_mb, and
stages_s (median seconds per pipeline stage, from each comparison's provenance.timings).
Goals (issue 3): ratio <= 2, cold <= 4 s, RSS <= 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIR = [ROOT / "src/slant/examples/harbor_left.txt", ROOT / "src/slant/examples/harbor_right.txt"]


def _median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _cold_cli(repeats: int, env: dict[str, str], embedder: str) -> tuple[float, float]:
    """Median wall time of a fresh `slant compare` process and the largest peak RSS (MB) among them."""
    times, rss = [], 0.0
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "slant",
                "compare",
                *map(str, PAIR),
                "--format",
                "json",
                "--output",
                os.devnull,
                "--embedder",
                embedder,
            ],
            check=True,
            env=env,
        )
        times.append(time.perf_counter() - t0)
        rss = max(rss, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024)
    return statistics.median(times), rss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--embedder", default="minilm", choices=["minilm", "static"])
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="slant-bench-")
    env = dict(os.environ, HOME=tmp, XDG_CACHE_HOME=tmp, HF_HOME=tmp, TMPDIR=tmp, HF_HUB_OFFLINE="1")
    os.environ.update({k: env[k] for k in ("HOME", "XDG_CACHE_HOME", "HF_HOME", "HF_HUB_OFFLINE")})

    import slant
    from slant.nlp.resources import Resources

    settings = slant.Settings(embedder=args.embedder)
    texts = [p.read_text(encoding="utf-8") for p in PAIR]
    words = sum(len(t.split()) for t in texts)

    # Baseline: spaCy alone parsing the same texts with the same model.
    nlp = Resources(settings).nlp
    list(nlp.pipe(texts))
    spacy_s = _median_time(lambda: list(nlp.pipe(texts)), args.repeats)

    articles = slant.read_articles([str(p) for p in PAIR], settings)
    slant.compare(articles, settings)  # load every model once
    stages: list[dict[str, float]] = []
    warm_s = _median_time(lambda: stages.append(slant.compare(articles, settings).provenance.timings), args.repeats)
    timings = {k: round(statistics.median(t[k] for t in stages), 4) for k in stages[0]}
    inproc_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    cold_s, cli_rss = _cold_cli(max(3, args.repeats // 2), env, args.embedder)
    result = {
        "warm_s": round(warm_s, 4),
        "cold_cli_s": round(cold_s, 4),
        "spacy_s": round(spacy_s, 4),
        "ratio_vs_spacy": round(warm_s / spacy_s, 3),
        "peak_rss_mb": round(max(cli_rss, inproc_rss), 1),
        "words": words,
        "embedder": args.embedder,
        "stages_s": timings,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"slant compare on {words} words ({PAIR[0].name} + {PAIR[1].name}), "
            f"embedder {args.embedder}, median of {args.repeats}"
        )
        print(f"  spaCy-only parse   {spacy_s:8.3f} s   (baseline, same run)")
        print(f"  warm compare       {warm_s:8.3f} s   ratio vs spaCy {warm_s / spacy_s:5.2f}   (goal <= 2)")
        print(f"  cold CLI           {cold_s:8.3f} s   (goal <= 4 s)")
        print(f"  peak RSS           {result['peak_rss_mb']:8.1f} MB  (goal <= 1536 MB)")
        print("  warm stages (median s): " + ", ".join(f"{k} {v:.3f}" for k, v in timings.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
