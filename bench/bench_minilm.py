"""Benchmark the MiniLM forward pass on the demo pair's sentences: slant's NumPy pass against torch.

Prints the median time to embed the 71 sentences of `src/slant/examples/harbor_*.txt` with
slant's NumPy MiniLM (feed-forward in blocks of 128 tokens, the shipped setting, and unblocked),
with 1 and 2 BLAS threads, and with torch (transformers' BertModel, fp32 and dynamic int8) with
1 and 2 threads, all in the same run. `--json` prints one object of seconds.

Run: `.venv/bin/python bench/bench_minilm.py [--json] [--repeats N]`
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIR = [ROOT / "src/slant/examples/harbor_left.txt", ROOT / "src/slant/examples/harbor_right.txt"]


def _median(fn: Callable[[], object], repeats: int) -> float:
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times), 4)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="slant-bench-")
    os.environ.update(HOME=tmp, XDG_CACHE_HOME=tmp, HF_HOME=tmp, TMPDIR=tmp, HF_HUB_OFFLINE="1")

    from threadpoolctl import threadpool_limits

    import slant
    from slant.nlp import minilm
    from slant.nlp.resources import Resources

    settings = slant.Settings().with_(analyses=())
    comparison = slant.compare([p.read_text(encoding="utf-8") for p in PAIR], settings)
    sentences = [s.text for a in comparison.articles for s in a.sentences]
    model = Resources().embedder("minilm")
    out: dict[str, float] = {}
    shipped = minilm._FFN_ROWS
    for threads in (1, 2):
        with threadpool_limits(threads, user_api="blas"):
            for label, rows in (("blocked", shipped), ("unblocked", 1 << 30)):
                minilm._FFN_ROWS = rows
                out[f"numpy_{label}_{threads}t"] = _median(lambda: model.encode(sentences), args.repeats)
    minilm._FFN_ROWS = shipped

    import torch
    from transformers import AutoModel, AutoTokenizer

    path = str(minilm.model_dir())
    tokenizer = AutoTokenizer.from_pretrained(path)
    fp32 = AutoModel.from_pretrained(path).eval()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        int8 = torch.ao.quantization.quantize_dynamic(fp32, {torch.nn.Linear}, dtype=torch.qint8)
    for name, net in (("fp32", fp32), ("int8", int8)):
        for threads in (1, 2):
            torch.set_num_threads(threads)

            def run(net: torch.nn.Module = net) -> object:
                with torch.inference_mode():
                    batch = tokenizer(sentences, padding=True, truncation=True, return_tensors="pt")
                    return net(**batch).last_hidden_state

            out[f"torch_{name}_{threads}t"] = _median(run, args.repeats)
    if args.json:
        print(json.dumps({"sentences": len(sentences), **out}))
    else:
        print(f"MiniLM forward pass on {len(sentences)} sentences, median of {args.repeats} (seconds)")
        for key, value in out.items():
            print(f"  {key:<22} {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
