"""`slant eval neus`: NeuS folders read, ROUGE computed as rouge-score does (no stemming), one-line errors,
and an end-to-end run on two invented stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from slant.cli import main
from slant.errors import InputError
from slant.eval.neus import evaluate, read_stories, rouge

STORY = (
    "TITLE=> Council approves shelter. ARTICLE=> The city council approved a new shelter on Tuesday. "
    "The shelter will open in May, officials said. [SEP] "
    "TITLE=> Shelter plan passes. ARTICLE=> The city council voted 6-3 on Tuesday to approve a shelter. "
    "Critics said the shelter will cost too much."
)
TARGET = "TITLE=> Council Approves Shelter. ARTICLE=> The city council approved a new shelter on Tuesday."


def _folder(tmp_path: Path, stories: int = 2) -> Path:
    (tmp_path / "val.source").write_text("\n".join([STORY] * stories) + "\n", encoding="utf-8")
    (tmp_path / "val.target").write_text("\n".join([TARGET] * stories) + "\n", encoding="utf-8")
    return tmp_path


def test_rouge_of_identical_texts_is_one() -> None:
    assert rouge("The cat sat.", "the CAT sat") == {"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}


def test_rouge_counts_clipped_overlaps_and_subsequences() -> None:
    scores = rouge("the cat the cat", "the cat sat on the mat")
    # unigrams: overlap 3 (the x2, cat x1) of 4 predicted and 6 gold; bigrams: "the cat" once of 3 and 5.
    assert scores["rouge1"] == pytest.approx(2 * (3 / 4) * (3 / 6) / (3 / 4 + 3 / 6))
    assert scores["rouge2"] == pytest.approx(2 * (1 / 3) * (1 / 5) / (1 / 3 + 1 / 5))
    assert scores["rougeL"] == pytest.approx(2 * (3 / 4) * (3 / 6) / (3 / 4 + 3 / 6))  # LCS "the cat ... the"
    assert rouge("", "anything") == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}


def test_read_stories_splits_articles_and_keeps_the_summary_body(tmp_path: Path) -> None:
    [story, _] = read_stories(_folder(tmp_path))
    assert [t for t, _ in story.articles] == ["Council approves shelter.", "Shelter plan passes."]
    assert story.target == "The city council approved a new shelter on Tuesday."
    assert len(read_stories(tmp_path, limit=1)) == 1


@pytest.mark.parametrize(
    ("setup", "message"),
    [("none", "not a folder"), ("empty", "no NAME.source"), ("mismatch", "2 stories but 1 summaries")],
)
def test_read_stories_errors(tmp_path: Path, setup: str, message: str) -> None:
    folder = tmp_path / "neus"
    if setup != "none":
        folder.mkdir()
    if setup == "mismatch":
        (folder / "x.source").write_text(f"{STORY}\n{STORY}\n", encoding="utf-8")
        (folder / "x.target").write_text(f"{TARGET}\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_stories(folder)


@pytest.mark.slow
def test_evaluate_scores_summary_and_lead(tmp_path: Path) -> None:
    out = evaluate(_folder(tmp_path))
    assert out["stories"] == 2 and out["citation_coverage"] == 1.0
    for key in ("rouge1", "rouge2", "rougeL", "lead_rouge1", "lead_rouge2", "lead_rougeL"):
        assert 0.0 < out[key] <= 1.0
    assert out["loaded_rate"] >= 0 and out["human_loaded_rate"] >= 0


def test_cli_eval_neus_bad_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "neus", "--data", str(tmp_path / "missing"), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("slant: error:") and err.count("\n") == 1
