"""`slant eval wcl` on a small invented NewsWCL50-layout folder (eval/wcl_data.py, eval/wcl.py)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from slant.cli import app, main
from slant.errors import InputError
from slant.eval.wcl import evaluate, wording
from slant.eval.wcl_data import read_wcl
from slant.settings import Settings

LL = (
    "Caravan of Asylum Seekers Reaches Veskaria\n\n"
    "A caravan of asylum seekers reached the Veskarian border on Monday. The asylum seekers waited at the gate.\n\n"
    "Interior Minister Rolf Adler said the government would process every claim."
)
RR = (
    "Illegal Migrants Storm Veskaria's Border\n\n"
    "Thousands of illegal migrants stormed the border on Monday. The migrants demanded entry.\n\n"
    "Minister Adler vowed to stop the invasion and said Veskaria would hold the line."
)
ROWS = [
    ("GROUP", "Migrants", "A caravan of asylum seekers", "LL", 1),
    ("GROUP", "Migrants", "The asylum seekers", "LL", 1),
    ("COUNTRY", "Veskaria", "Veskarian", "LL", 1),
    ("ACTOR", "Adler", "Interior Minister Rolf Adler", "LL", 2),
    ("GROUP", "Migrants", "illegal migrants", "RR", 1),
    ("GROUP", "Migrants", "The migrants", "RR", 1),
    ("ACTOR", "Adler", "Minister Adler", "RR", 2),
    ("COUNTRY", "Veskaria", "Veskaria", "RR", 2),
    ("PROPERTY", "Threat", "the invasion", "RR", 2),
    ("GROUP", "Migrants", "no such words anywhere", "RR", 2),
]


def _folder(root: Path) -> Path:
    event = root / "event_0"
    event.mkdir(parents=True)
    (event / "LL.txt").write_text(LL, encoding="utf-8")
    (event / "RR.txt").write_text(RR, encoding="utf-8")
    with (root / "annotations.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "code_type", "code_name", "code_mention", "target_concept", "event_id",
                         "publisher_id", "paragraph", "sentence", "start", "end"])  # fmt: skip
        for k, (kind, concept, words, outlet, paragraph) in enumerate(ROWS):
            writer.writerow([f"0_{outlet}_{k}", kind, concept, words, "", "0", outlet, paragraph, 0, 0, 1])
    return root


def test_wcl_reader_finds_mentions_by_their_words(tmp_path: Path) -> None:
    [event] = read_wcl(_folder(tmp_path))
    assert event.missing == 1
    texts = {(m.outlet, m.text) for m in event.mentions}
    assert ("RR", "illegal migrants") in texts and ("LL", "A caravan of asylum seekers") in texts
    for m in event.mentions:
        assert event.texts[m.outlet][m.start : m.end].lower() == m.text.lower()
    # "Veskaria" is coded in paragraph 2 of RR: the match there, not the headline's or paragraph 1's.
    [veskaria] = [m for m in event.mentions if m.outlet == "RR" and m.concept == "Veskaria"]
    assert veskaria.start > RR.index("hold the line") - 20


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p, "no annotations.csv"),
        (lambda p: p / "nowhere", "no such folder"),
    ],
)
def test_wcl_reader_refuses_other_layouts(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message):
        read_wcl(make(tmp_path))


def test_wcl_reader_refuses_a_csv_without_its_columns(tmp_path: Path) -> None:
    (tmp_path / "annotations.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a NewsWCL50 annotations file"):
        read_wcl(tmp_path)


def test_wcl_wording_drops_case_and_article() -> None:
    assert wording("The Asylum  Seekers") == wording("asylum seekers")
    assert wording("“the caravan”") != wording("caravan of migrants")


@pytest.mark.slow
def test_wcl_evaluate_scores_are_fractions(tmp_path: Path) -> None:
    scores = evaluate(_folder(tmp_path))
    for key in ("recall", "precision", "conll_f1", "muc_f1", "b3_f1", "ceafe_f1", "mentions_found",
                "baseline_head_lemma_recall", "baseline_head_lemma_precision"):  # fmt: skip
        assert 0.0 <= scores[key] <= 1.0, key
    assert scores["events"] == 1
    assert "recall_property" not in scores  # PROPERTY codes framing, not reference
    assert scores["concepts"] >= 1


@pytest.mark.slow
def test_wcl_cli_prints_one_json_object(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "wcl", "--data", str(_folder(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    assert "recall" in json.loads(result.stdout)


def test_wcl_cli_bad_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "wcl", "--data", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert "no such folder" in err and "Traceback" not in err and err.count("\n") == 1


@pytest.mark.parametrize("command", ["wcl", "terms", "language"])
def test_eval_referent_threshold_reaches_the_settings(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import slant.eval.language
    import slant.eval.wcl

    seen: list[float | None] = []

    def record(data: Path, settings: object = None) -> dict[str, float]:
        seen.append(getattr(settings, "referent_threshold", "missing"))  # type: ignore[arg-type]
        return {"recall": 0.5}

    monkeypatch.setattr(slant.eval.wcl, "evaluate", record)
    monkeypatch.setattr(slant.eval.language, "evaluate", record)
    monkeypatch.setattr(slant.eval.language, "evaluate_terms", record)
    for extra in ([], ["--referent-threshold", "0.3"]):
        result = CliRunner().invoke(app, ["eval", command, "--data", str(tmp_path), "--json", *extra])
        assert result.exit_code == 0, result.output
    assert seen == [None, 0.3]
    assert main(["eval", command, "--data", str(tmp_path), "--referent-threshold", "1.5"]) == 2


@pytest.mark.slow
def test_wcl_a_lower_referent_threshold_joins_more(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    loose = evaluate(folder, Settings().with_(referent_threshold=0.0))
    strict = evaluate(folder, Settings().with_(referent_threshold=1.0))
    assert loose["recall"] > strict["recall"]
