"""`slant eval basil-stance` / `basil-inf` on an invented BASIL-layout triplet: reading, ranking, scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slant.cli import main
from slant.eval.basil_story import evaluate_inf, evaluate_stance, read_triplets, relative_sides

TRIPLET = "11111111-2222-4333-8444-555555555555"
BODIES = {
    1: [
        ["The Redfield city council voted 5-2 on Monday to build a new homeless shelter on Elm Street."],
        ["The shelter will have 120 beds and open next spring, the mayor said."],
        ["Last year a man was attacked near a downtown encampment, a case critics still cite."],
    ],
    2: [
        ["Redfield's council approved a homeless shelter on Elm Street on Monday by a 5-2 vote."],
        ["Officials said the 120-bed shelter should open next spring."],
    ],
    3: [
        ["On Monday, the Redfield council voted 5-2 for a new Elm Street homeless shelter."],
        ["Advocates praised the plan as long overdue for a city with rising rents."],
    ],
}
STANCES = {1: "right", 2: "center", 3: "left"}


def _folder(tmp_path: Path) -> Path:
    for k, paragraphs in BODIES.items():
        art = tmp_path / "articles" / "2020" / f"{TRIPLET}_{k}.json"
        ann = tmp_path / "annotations" / "2020" / f"{TRIPLET}_{k}_ann.json"
        art.parent.mkdir(parents=True, exist_ok=True)
        ann.parent.mkdir(parents=True, exist_ok=True)
        art.write_text(json.dumps({"title": f"Shelter vote {k}", "body-paragraphs": paragraphs}), encoding="utf-8")
        phrases = []
        if k == 1:
            text = paragraphs[2][0]
            phrases.append({"start": 0, "end": len(text), "txt": text, "bias": "inf"})
        ann.write_text(
            json.dumps(
                {"article-level-annotations": {"relative_stance": STANCES[k]}, "phrase-level-annotations": phrases}
            ),
            encoding="utf-8",
        )
    return tmp_path


def test_relative_sides_rank_the_triplet() -> None:
    assert relative_sides([0.3, -0.2, 0.1]) == [2, 0, 1]
    assert relative_sides([0.0, 0.5]) == [0, 2]


def test_read_triplets_rebuilds_text_and_gold(tmp_path: Path) -> None:
    [group] = read_triplets(_folder(tmp_path))
    first = group[0]
    assert first.text.startswith("Shelter vote 1\n\nThe Redfield city council")
    assert [first.text[a:b] for a, b in first.sentences][1] == BODIES[1][1][0]
    assert first.inf == (False, False, True) and first.stance == "right"


@pytest.mark.slow
def test_evaluate_inf_flags_what_only_one_article_reports(tmp_path: Path) -> None:
    out = evaluate_inf(_folder(tmp_path))
    assert out["sentences"] == 7 and out["positive_rate"] == pytest.approx(1 / 7, abs=1e-3)
    assert out["recall"] == 1.0  # the attack sentence is reported by one article only
    assert 0.0 <= out["precision"] <= 1.0 and 0.0 <= out["auc"] <= 1.0


@pytest.mark.slow
def test_evaluate_stance_scores_alone_and_ranked(tmp_path: Path) -> None:
    out = evaluate_stance(_folder(tmp_path))
    assert out["articles"] == 3
    for key in ("macro_f1", "accuracy", "relative_macro_f1", "relative_accuracy"):
        assert 0.0 <= out[key] <= 1.0


def test_cli_basil_inf_missing_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "basil-inf", "--data", str(tmp_path / "nope"), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("slant: error:") and err.count("\n") == 1
