"""`slant train referents` on a small invented NewsWCL50-layout folder (train/referents.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from slant.analyses.referents.features import FEATURES
from slant.analyses.referents.metric import Metric
from slant.analyses.referents.pairs import PairModel
from slant.errors import InputError
from slant.train import referent_metric
from slant.train.referents import THRESHOLDS, train
from tests.eval.test_wcl import _folder


def _two_events(root: Path) -> Path:
    _folder(root)
    shutil.copytree(root / "event_0", root / "event_1")
    rows = (root / "annotations.csv").read_text(encoding="utf-8").splitlines()
    extra = [r.replace("0_", "1_", 1).replace(",0,", ",1,", 1) for r in rows[1:]]
    (root / "annotations.csv").write_text("\n".join(rows + extra) + "\n", encoding="utf-8")
    return root


@pytest.mark.slow
def test_train_referents_writes_a_loadable_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, cache = tmp_path / "model.json", tmp_path / "cache"
    result = train(_two_events(tmp_path / "wcl"), (), out=out, metric_cache=cache)
    data = json.loads(out.read_text(encoding="utf-8"))
    model = PairModel.from_json(data)
    assert set(model.coef) == set(FEATURES)
    assert result["threshold"] in THRESHOLDS and model.threshold == result["threshold"]
    assert data["trained_on"] == ["wcl0", "wcl1"]
    assert set(data["cv"]["chosen"]) == {"recall", "precision", "conll_f1"}
    with np.load(tmp_path / "metric.npz") as arrays:
        metric = Metric(arrays["weight"])
    assert data["metric"] == {"dims": 64, "trained_on": ["wcl0", "wcl1"]}
    assert metric.weight.shape == (64, 384 + 256 + 256) and np.isfinite(metric.weight).all()

    # Fitted on both events, and on either alone: the two events are copies, so those two fits share
    # their inputs and one cache entry. A rerun reads every metric back and writes the same files.
    assert len(list(cache.glob("*.npy"))) == 2
    # (A fit left with no events refuses at once and is never kept.)
    calls: list[str] = []
    real = referent_metric.fit_metric

    def watched(*args: Any, **kwargs: Any) -> Any:
        try:
            fitted = real(*args, **kwargs)
        except InputError:
            calls.append("refused")
            raise
        calls.append("fitted")
        return fitted

    monkeypatch.setattr(referent_metric, "fit_metric", watched)
    again = tmp_path / "again" / "model.json"
    train(tmp_path / "wcl", (), out=again, metric_cache=cache)
    assert "fitted" not in calls
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    with np.load(again.with_name("metric.npz")) as arrays:
        assert np.array_equal(arrays["weight"], metric.weight)


def test_train_referents_refuses_a_folder_without_annotations(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="annotations.csv"):
        train(tmp_path, (), out=tmp_path / "model.json")


def test_train_referents_refuses_a_gold_folder_without_sets(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no word-choice gold sets"):
        train(_two_events(tmp_path / "wcl"), (), [tmp_path / "missing"], out=tmp_path / "model.json")


def _gold_set(root: Path) -> Path:
    """One invented set: two articles on a port vote, one referent named two ways."""
    folder = root / "port"
    folder.mkdir(parents=True)
    (folder / "left.txt").write_text(
        "Dockworkers cheered on Tuesday as the council approved the harbor plan. "
        "Union leaders said the vote protects jobs, and a spokesman was handing out flyers.\n",
        encoding="utf-8",
    )
    (folder / "right.txt").write_text(
        "Shipping firms fumed on Tuesday after the council rammed through the harbor scheme. "
        "Executives said the decision would cost millions, brushing aside the union's claims.\n",
        encoding="utf-8",
    )
    variants = [{"file": "left.txt", "text": "harbor plan"}, {"file": "right.txt", "text": "harbor scheme"}]
    council = [{"file": "left.txt", "text": "council"}, {"file": "right.txt", "text": "council"}]
    gold = {
        "event": "port",
        "articles": [{"file": "left.txt", "marks": []}, {"file": "right.txt", "marks": []}],
        "referents": [{"type": "OBJECT", "variants": variants}, {"type": "GROUP", "variants": council}],
    }
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return root


@pytest.mark.slow
def test_gold_sets_add_uncoded_negatives_and_newswcl50_does_not(tmp_path: Path) -> None:
    """In a gold set a candidate touching no listed wording is a referent of its own, and cross-article
    pairs holding one are drawn as negatives (at most ``NEGATIVES`` per labelled pair); a NewsWCL50
    event keeps only pairs of two coded mentions."""
    from slant.nlp.resources import Resources
    from slant.settings import Settings
    from slant.train.referents import NEGATIVES, UNCODED, prepare

    settings = Settings()
    resources = Resources(settings)
    (gold_event,) = prepare(None, [_gold_set(tmp_path / "gold")], settings, resources)
    i, j = gold_event.pairs
    concept = gold_event.concept
    uncoded = (concept[i] >= UNCODED) | (concept[j] >= UNCODED)
    labelled = int((~uncoded).sum())
    assert labelled > 0 and 0 < int(uncoded.sum()) <= NEGATIVES * labelled
    assert (gold_event.table.article[i[uncoded]] != gold_event.table.article[j[uncoded]]).all()
    assert (concept[i[uncoded]] != concept[j[uncoded]]).all()
    texts = {c.text for c, k in zip(gold_event.table.candidates, concept, strict=True) if k >= UNCODED}
    assert not any("harbor" in t or "council" in t for t in texts)
    assert (concept[i[~uncoded]] == concept[j[~uncoded]]).any()
    for wcl_event in prepare(_two_events(tmp_path / "wcl"), (), settings, resources):
        members = wcl_event.concept[np.concatenate(wcl_event.pairs)]
        assert ((members >= 0) & (members < UNCODED)).all()
        assert (wcl_event.concept < UNCODED).all()
