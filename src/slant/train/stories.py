"""`slant train stories`: the term weights (IDF) story clustering uses, from AllSides articles.

Document frequencies of the hashed terms of ``story.features.term_counts`` over every article of the
AllSides file (title and content; labels and outlets are not read), turned into smoothed IDF and
written, quantised to a byte per bucket, to ``slant/data/stories_idf.npz``.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from slant.eval.allsides import read_allsides
from slant.story.features import IDF_PATH, TermWeights

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "allsides" / "media_trainvalid.jsonl.gz"


def train(data: Path = DATA, out: Path = IDF_PATH) -> dict[str, Any]:
    """Learn the IDF from ``data`` and write it to ``out``; returns what was done."""
    started = time.perf_counter()
    rows = read_allsides(data)
    weights = TermWeights.fit((r.title, r.content) for r in rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    weights.save(out)
    seconds = time.perf_counter() - started
    log.info("story term weights from %d articles in %.0f s", len(rows), seconds)
    return {"articles": len(rows), "out": str(out), "bytes": out.stat().st_size, "seconds": round(seconds, 1)}
