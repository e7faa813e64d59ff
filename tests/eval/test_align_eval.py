"""`slant eval align` and `slant train align`: scores as fractions, JSON output, a reproducible shipped model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slant.cli import main
from slant.errors import InputError
from slant.eval.align import evaluate
from slant.eval.gold import load_events, prf

KEYS = {"precision", "recall", "f1", "contradiction_precision", "contradiction_recall", "contradiction_f1"}


def test_prf_counts() -> None:
    a, b, c = (frozenset((f"a1.s{i}", f"a2.s{i}")) for i in range(3))
    scores = prf({a, b}, {b, c})
    assert (scores["precision"], scores["recall"], scores["f1"]) == (0.5, 0.5, 0.5)
    assert prf(set(), set())["f1"] == 0.0


def test_load_events_rejects_folder_without_gold(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no gold alignment files"):
        load_events(tmp_path)


def test_gold_quotes_resolve_to_sentences(examples: Path) -> None:
    events = load_events(examples / "gold")
    assert len(events) >= 5
    for event in events:
        texts = {a.id: a.text for a in event.articles}
        for group in event.raw["facts"]:
            for ref in group:
                assert texts[ref["article"]].count(ref["quote"]) == 1, (event.name, ref)


@pytest.mark.slow
def test_eval_align_json_prints_fractions(examples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "align", "--data", str(examples / "gold"), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert KEYS <= set(scores)
    assert all(0.0 <= scores[k] <= 1.0 for k in KEYS)
    assert scores["gold_links"] > 0


@pytest.mark.slow
def test_eval_align_finds_links_on_one_event(examples: Path, tmp_path: Path) -> None:
    gold = json.loads((examples / "gold" / "harbor.json").read_text(encoding="utf-8"))
    for spec in gold["articles"]:
        spec["path"] = str((examples / "gold" / spec["path"]).resolve())
    (tmp_path / "harbor.json").write_text(json.dumps(gold), encoding="utf-8")
    scores = evaluate(tmp_path)
    assert scores["events"] == 1
    assert scores["recall"] > 0.5


@pytest.mark.slow
def test_train_align_reproduces_shipped_model(examples: Path, tmp_path: Path) -> None:
    from slant.nlp.resources import DATA_DIR
    from slant.train.align import train

    out = tmp_path / "align.json"
    result = train(examples / "gold", out=out)
    shipped = json.loads((DATA_DIR / "align.json").read_text(encoding="utf-8"))
    for name, model in shipped["models"].items():
        assert result["models"][name]["weights"] == pytest.approx(model["weights"], abs=1e-3)
        assert result["models"][name]["threshold"] == model["threshold"]
