"""`slant eval quotes`: quotes, speakers and cited outlets scored against the gold example events.

A gold quote is *found* when a predicted quote of the same article overlaps it;
its attribution is *correct* when the predicted speaker is the gold speaker (same
name, or same surname), or, for an anonymous gold source, the prediction is
marked anonymous. Accuracy counts a gold quote that was not found as wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from slant.eval.gold import GoldEvent, load_events
from slant.model import Comparison, Quote
from slant.pipeline import compare
from slant.settings import Settings

ANCHOR = "no published anchor for these events; BASIL speaker attribution (issue 5) targets >= 0.85 accuracy"


def _norm_outlet(name: str) -> str:
    name = name.lower().strip()
    return name[4:] if name.startswith("the ") else name


def _same_speaker(predicted: str | None, gold: str) -> bool:
    if not predicted:
        return False
    p, g = predicted.lower().split(), gold.lower().split()
    return p == g or (bool(p) and bool(g) and p[-1] == g[-1])


def _match(comparison: Comparison, article: str, quote: str) -> Quote | None:
    text = comparison.article(article).text
    at = text.find(quote)
    if at < 0:
        return None
    end = at + len(quote)
    hits = [q for q in comparison.quotes or [] if q.article == article and q.start < end and at < q.end]
    return max(hits, key=lambda q: min(q.end, end) - max(q.start, at), default=None)


def _score_event(event: GoldEvent, comparison: Comparison, tally: dict[str, int]) -> None:
    matched: set[int] = set()
    for gold in event.raw.get("quotes", []):
        tally["gold"] += 1
        found = _match(comparison, gold["article"], gold["quote"])
        if found is None:
            continue
        matched.add(id(found))
        tally["found"] += 1
        if gold.get("anonymous"):
            tally["correct"] += bool(found.anonymous)
        else:
            tally["correct"] += _same_speaker(found.speaker, gold["speaker"] or "")
        tally["verb"] += (found.verb or "") == (gold.get("verb") or "")
        tally["direct"] += found.direct == bool(gold.get("direct"))
    own = [q for q in comparison.quotes or []]
    tally["predicted"] += len(own)
    tally["predicted_matched"] += sum(1 for q in own if id(q) in matched)
    gold_sources = {(s["article"], _norm_outlet(s["outlet"])) for s in event.raw.get("sources", [])}
    pred_sources = {(s.article, _norm_outlet(s.outlet)) for s in comparison.sources or []}
    tally["sources_gold"] += len(gold_sources)
    tally["sources_pred"] += len(pred_sources)
    tally["sources_tp"] += len(gold_sources & pred_sources)


def evaluate(data: Path, settings: Settings | None = None) -> dict[str, Any]:
    """Score quote detection, speaker attribution and cited outlets on gold events in ``data``."""
    settings = settings or Settings()
    keys = (
        "gold",
        "found",
        "correct",
        "verb",
        "direct",
        "predicted",
        "predicted_matched",
        "sources_gold",
        "sources_pred",
        "sources_tp",
    )
    tally = dict.fromkeys(keys, 0)
    for event in load_events(data, settings):
        _score_event(event, compare(event.articles, settings), tally)

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    sp, sr = ratio(tally["sources_tp"], tally["sources_pred"]), ratio(tally["sources_tp"], tally["sources_gold"])
    return {
        "accuracy": ratio(tally["correct"], tally["gold"]),
        "recall": ratio(tally["found"], tally["gold"]),
        "precision": ratio(tally["predicted_matched"], tally["predicted"]),
        "speaker_accuracy_found": ratio(tally["correct"], tally["found"]),
        "verb_accuracy_found": ratio(tally["verb"], tally["found"]),
        "direct_accuracy_found": ratio(tally["direct"], tally["found"]),
        "sources_precision": sp,
        "sources_recall": sr,
        "sources_f1": 2 * sp * sr / (sp + sr) if sp + sr else 0.0,
        "gold_quotes": tally["gold"],
        "predicted_quotes": tally["predicted"],
    }
