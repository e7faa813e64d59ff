"""`slant eval allsides` and `slant train allsides`: AllSides files read, outlet-grouped CV, the exported
model reproducing scikit-learn exactly, one-line errors. The data are tiny invented articles."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from slant.analyses.judgement.lean import LeanModel
from slant.cli import main
from slant.errors import InputError
from slant.eval.allsides import LeanRow, read_allsides, scores
from slant.train.allsides import Recipe, _analyse, article_text, cross_validate, fit

# Words each side's invented outlets lean on, plus words every outlet uses.
SIDE_WORDS = {
    0: "climate justice workers union equity healthcare",
    1: "officials said budget report agency data",
    2: "border security taxpayers freedom liberty crime",
}
COMMON = "the council met on tuesday and the mayor spoke about the plan for the city"


def _rows(per_outlet: int = 4, outlets_per_side: int = 3) -> list[LeanRow]:
    rows = []
    rng = np.random.default_rng(3)
    for side, words in SIDE_WORDS.items():
        vocab = words.split()
        for o in range(outlets_per_side):
            for k in range(per_outlet):
                picked = " ".join(rng.choice(vocab, size=6))
                rows.append(
                    LeanRow(
                        f"Title {side} {o} {k}", f"{COMMON}. {picked}. {COMMON}.", side, f"outlet{side}{o}", "train"
                    )
                )
    return rows


def _write(path: Path, records: list[dict[str, object]], gz: bool = False) -> Path:
    text = "".join(json.dumps(r) + "\n" for r in records)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _records(rows: list[LeanRow]) -> list[dict[str, object]]:
    names = ("left", "center", "right")
    return [{"title": r.title, "content": r.content, "bias_text": names[r.side], "source": r.source} for r in rows]


def test_read_allsides_reads_gzip_and_either_label_field(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.jsonl.gz",
        [
            {"title": "A", "content": "x", "bias_text": "right"},
            {"title": "B", "content": "y", "bias": 0},
            {"title": "C", "content": "z"},
        ],
        gz=True,
    )
    assert [r.side for r in read_allsides(path)] == [2, 0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("{not json\n", "line 1 is not JSON"),
        ('{"title": "A"}\n', "no article"),
        ("[1]\n", "not a JSON object"),
    ],
)
def test_read_allsides_errors(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_allsides(path)


def test_scores_are_fractions_with_a_confusion_matrix() -> None:
    out = scores([0, 1, 2, 2], [0, 2, 2, 1])
    assert out["accuracy"] == 0.5 and 0 <= out["macro_f1"] <= 1
    assert out["confusion"] == [[1, 0, 0], [0, 0, 1], [0, 1, 1]]


def test_exported_model_reproduces_scikit_learn() -> None:
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
    from sklearn.linear_model import LogisticRegression

    rows = _rows()
    recipe = Recipe(min_sources=2, min_df=1, max_df=1.0)
    model = LeanModel(fit(rows, recipe))
    # The same fit done by hand with scikit-learn, keeping the exported vocabulary.
    texts = [article_text(r) for r in rows]
    counter = CountVectorizer(analyzer=_analyse, vocabulary=list(model.index))
    counts = counter.transform(texts)
    x = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    clf = LogisticRegression(C=recipe.C, max_iter=3000, class_weight="balanced").fit(x, [r.side for r in rows])
    assert isinstance(x, sparse.csr_matrix)
    ours = np.array([model.probabilities(t) for t in texts])
    np.testing.assert_allclose(ours, clf.predict_proba(x), atol=1e-3)


def test_pulls_add_up_to_the_logits() -> None:
    model = LeanModel(fit(_rows(), Recipe(min_sources=2, min_df=1, max_df=1.0)))
    sentences = ["The council met on Tuesday.", "Border security and freedom for taxpayers.", "Equity and healthcare."]
    probs, pulls = model.read(sentences)
    logits = np.log(probs)
    centred = logits - logits.mean()
    np.testing.assert_allclose(pulls.sum(0), centred - (model.bias - model.bias.mean()), atol=1e-6)
    assert model.sides[int(np.argmax(pulls[1]))] == "right" and model.sides[int(np.argmax(pulls[2]))] == "left"


def test_outlet_grouped_cv_reads_unseen_outlets() -> None:
    out = cross_validate(_rows(), Recipe(min_sources=2, min_df=1, max_df=1.0, folds=3))
    assert out["articles"] == 36 and out["macro_f1"] > 0.8


def test_cv_needs_enough_outlets() -> None:
    rows = [r for r in _rows() if r.source in ("outlet00", "outlet10")]
    with pytest.raises(InputError, match="at least 5 outlets"):
        cross_validate(rows)


def test_cli_eval_allsides_json(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", _records(_rows()))
    assert main(["eval", "allsides", "--data", str(path), "--json"]) == 0


def test_cli_eval_allsides_bad_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("oops\n", encoding="utf-8")
    assert main(["eval", "allsides", "--data", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("slant: error:") and err.count("\n") == 1
