"""Benchmark corpus ingest (read + prepare + embed + cluster + store) on a synthetic stream.

The stream is built from the AllSides and NeuS texts in ../shared/data (10,000 articles; 100,000
with --full): each text once, then again with its sentences rotated and its date moved on by a
season, so every article is distinct and the later rounds form new stories. Articles are dated
about 30 an hour. Each size is ingested in a fresh child process into a fresh DuckDB file with
``--workers`` worker processes (default 2).

Prints articles/s of ingest, the same run's raw static-embedding throughput on the very strings
ingest embeds (one process, batches of 256) and the ratio of the two, the peak RSS of the ingest
process tree, and the cost growth from a tenth of the size to the size (seconds ratio; 10 means
linear). `--json` prints one object: articles_per_s, ratio_vs_embed, peak_rss_mb, growth_10x,
embed_per_s, articles, seconds. Goals (issue 7): >= 100 articles/s on 2 cores, ratio >= 0.5,
RSS <= 1.5 GB, growth <= 12.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def _texts() -> list[tuple[str, str, str]]:
    """(outlet, title, text) of every AllSides and NeuS article."""
    out = []
    with gzip.open(DATA / "allsides" / "media_trainvalid.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            if r.get("content"):
                out.append((r.get("source") or "unknown", r.get("title") or "", r["content"]))
    sys.path.insert(0, str(ROOT / "src"))
    from slant.eval.neus import read_stories

    for story in read_stories(DATA / "neus"):
        for k, (title, text) in enumerate(story.articles):
            out.append((f"NeuS outlet {k}", title, text))
    return out


def _stream(path: Path, n: int) -> list[str]:
    """Write n distinct articles as JSONL; returns the strings ingest embeds for them."""
    texts = _texts()
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    embedded = []
    with path.open("w", encoding="utf-8") as out:
        for k in range(n):
            rnd, (outlet, title, text) = divmod(k, len(texts))[0], texts[k % len(texts)]
            if rnd:
                parts = text.split(". ")
                shift = rnd % max(1, len(parts))
                text = ". ".join(parts[shift:] + parts[:shift]) + f" (rev. {rnd})"
            when = base + timedelta(days=120 * rnd) + timedelta(minutes=2 * (k % len(texts)))
            record = {"url": f"https://bench.example/{k}", "title": title, "text": text, "outlet": outlet}
            out.write(json.dumps({**record, "published": when.isoformat()}) + "\n")
            embedded.append(f"{title}\n{text[:1000]}")
    return embedded


def _embed_rate(strings: list[str]) -> float:
    sys.path.insert(0, str(ROOT / "src"))
    from slant.nlp.embed import StaticEmbedder

    model = StaticEmbedder()
    model.encode(strings[:256])
    t0 = time.perf_counter()
    for i in range(0, len(strings), 256):
        model.encode(strings[i : i + 256])
    return len(strings) / (time.perf_counter() - t0)


def _ingest(src: Path, db: Path, workers: int) -> tuple[float, float]:
    """Seconds of `slant ingest` in a child process and the peak RSS (MB) of its process tree."""
    code = (
        "import sys, time, resource; from pathlib import Path; from slant.story.corpus import ingest;"
        "t=time.perf_counter(); ingest([sys.argv[1]], Path(sys.argv[2]), workers=int(sys.argv[3]));"
        "s=time.perf_counter()-t; r=resource.getrusage;"
        "print(s, max(r(resource.RUSAGE_SELF).ru_maxrss, r(resource.RUSAGE_CHILDREN).ru_maxrss))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(src), str(db), str(workers)], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"bench_corpus: ingest failed: {done.stderr.strip().splitlines()[-1:]}")
    out = done.stdout.strip().splitlines()[-1].split()  # the last line: other libraries may print before it
    return float(out[0]), float(out[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="100,000 articles (growth from 10,000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not (DATA / "allsides").is_dir():
        sys.exit(f"bench_corpus: needs {DATA}/allsides and neus")
    n = 100_000 if args.full else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        small, big = Path(tmp) / "small.jsonl", Path(tmp) / "big.jsonl"
        _stream(small, n // 10)
        strings = _stream(big, n)
        embed_per_s = _embed_rate(strings)
        small_s, _ = _ingest(small, Path(tmp) / "small.duckdb", args.workers)
        big_s, rss = _ingest(big, Path(tmp) / "big.duckdb", args.workers)
    rate = n / big_s
    result = {
        "articles": n,
        "seconds": round(big_s, 1),
        "articles_per_s": round(rate, 1),
        "embed_per_s": round(embed_per_s, 1),
        "ratio_vs_embed": round(rate / embed_per_s, 3),
        "peak_rss_mb": round(rss, 1),
        "growth_10x": round(big_s / small_s, 2),
    }
    if args.json:
        print(json.dumps(result, sort_keys=True))
        return
    print(f"corpus ingest of {n:,} articles with {args.workers} workers: {big_s:.1f} s = {rate:.0f} articles/s")
    print(f"static embedding alone, same strings, one process: {embed_per_s:.0f} articles/s")
    print(f"ratio vs embedding: {rate / embed_per_s:.3f}   (goal >= 0.5)")
    print(f"peak RSS of the ingest process tree: {rss:.0f} MB   (goal <= 1536)")
    print(f"growth from {n // 10:,} to {n:,} articles: {big_s / small_s:.2f}x   (goal <= 12)")


if __name__ == "__main__":
    main()
