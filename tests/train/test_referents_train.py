"""`slant train referents` on a small invented NewsWCL50-layout folder (train/referents.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from slant.analyses.referents.features import FEATURES
from slant.analyses.referents.metric import Metric
from slant.analyses.referents.pairs import PairModel
from slant.errors import InputError
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
def test_train_referents_writes_a_loadable_model(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    result = train(_two_events(tmp_path / "wcl"), (), out=out)
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


def test_train_referents_refuses_a_folder_without_annotations(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="annotations.csv"):
        train(tmp_path, (), out=tmp_path / "model.json")


def test_train_referents_refuses_a_gold_folder_without_sets(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no word-choice gold sets"):
        train(_two_events(tmp_path / "wcl"), (), [tmp_path / "missing"], out=tmp_path / "model.json")
