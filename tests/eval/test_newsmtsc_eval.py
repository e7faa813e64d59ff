"""`slant eval newsmtsc`: reading NewsMTSC files, the scores, and the shipped model on the real test file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from slant.errors import InputError
from slant.eval.newsmtsc import evaluate, read_newsmtsc, scores

DEVTEST = Path(__file__).resolve().parents[3] / "shared" / "data" / "newsmtsc" / "devtest_mt.jsonl"


def _write(path: Path, records: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


RECORD = {
    "sentence_normalized": "Smith praised Jones but attacked Brown.",
    "targets": [
        {"from": 14, "to": 19, "mention": "Jones", "polarity": 6.0},
        {"from": 33, "to": 38, "mention": "Brown", "polarity": 2.0, "further_mentions": [{"from": 0, "to": 5}]},
        {"from": 0, "to": 99, "mention": "bad span", "polarity": 4.0},
        {"from": 0, "to": 5, "mention": "Smith", "polarity": 3.0},
    ],
}


def test_reads_targets_and_skips_bad_ones(tmp_path: Path) -> None:
    [item] = read_newsmtsc(_write(tmp_path / "a.jsonl", [RECORD]))
    assert [t.label for t in item.targets] == [2, 0]
    assert item.targets[1].spans == ((33, 38), (0, 5))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json\n", "not a NewsMTSC record"),
        ('{"sentence_normalized": 3, "targets": []}\n', "must be text"),
        ('{"sentence_normalized": "x", "targets": []}\n', "no target"),
    ],
)
def test_bad_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_newsmtsc(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_newsmtsc(tmp_path / "none.jsonl")


def test_scores() -> None:
    out = scores([0, 1, 2, 2], [0, 1, 2, 1])
    assert out["accuracy"] == 0.75
    assert out["f1_negative"] == 1.0 and out["f1_positive"] == pytest.approx(2 / 3, abs=1e-4)
    assert out["macro_f1"] == pytest.approx((1.0 + 2 / 3 + 2 / 3) / 3, abs=1e-4)


class _Always:
    def __init__(self, k: int) -> None:
        self.k = k

    def probabilities(
        self, texts: list[str], targets: Sequence[Sequence[Sequence[tuple[int, int]]]]
    ) -> list[list[tuple[float, float, float]]]:
        p = (float(self.k == 0), float(self.k == 1), float(self.k == 2))
        return [[p for _ in ts] for ts in targets]


def test_evaluate_with_a_given_model(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", [RECORD])
    assert evaluate(path, _Always(2))["accuracy"] == 0.5
    assert evaluate(path, _Always(1))["accuracy"] == 0.0


@pytest.mark.skipif(not DEVTEST.is_file(), reason="../shared/data/newsmtsc is not available")
def test_shipped_model_on_devtest_mt() -> None:
    out = evaluate(DEVTEST)
    assert out["targets"] == 1476
    assert out["macro_f1"] >= 0.70  # measured value in docs/EVALUATION.md; a broken model scores ~0.3


def test_cli_prints_one_json_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from slant.cli import main

    path = _write(tmp_path / "a.jsonl", [RECORD])
    assert main(["eval", "newsmtsc", "--data", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["targets"] == 2 and 0.0 <= out["macro_f1"] <= 1.0 and 0.0 <= out["accuracy"] <= 1.0


def test_cli_bad_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from slant.cli import main

    path = tmp_path / "bad.jsonl"
    path.write_text("[1, 2]\n", encoding="utf-8")
    assert main(["eval", "newsmtsc", "--data", str(path), "--json"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("slant: error:") and "\n" not in err
