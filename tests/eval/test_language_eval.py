"""`slant eval language` and `slant eval terms`: gold reading, span and term scoring, CLI output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from slant.cli import main
from slant.errors import InputError
from slant.eval import language as lang_eval
from slant.eval.gold import load_events
from slant.eval.language import MarkTally, TermTally, add_marks, add_terms, mark_scores, term_scores
from slant.eval.language_gold import GoldMark, GoldTerm, GoldVariant, LanguageGold, load_gold, occurrences
from slant.model import Article, Comparison, LanguageMark, Span, Term, TermVariant
from slant.settings import Settings

LEFT = "The mayor said it may rain. Critics claimed the so-called reform was a giveaway."
RIGHT = "The mayor said the tax relief plan was very popular."


def _mark(article: str, kind: str, term: str, text: str, occurrence: int = 1) -> LanguageMark:
    start, end = occurrences(text, term)[occurrence - 1]
    return LanguageMark(article=article, sentence=f"{article}.s1", kind=kind, term=term, start=start, end=end, why="")  # type: ignore[arg-type]


def _gold(*marks: tuple[str, str, str]) -> LanguageGold:
    texts = {"a1": LEFT, "a2": RIGHT}
    gold = LanguageGold(
        name="toy",
        path=Path("toy.json"),
        articles=[Article(id=k, source=f"{k}.txt", text=v) for k, v in texts.items()],
    )
    for article, kind, term in marks:
        start, end = occurrences(texts[article], term)[0]
        gold.marks.append(GoldMark(article, kind, term, start, end))
    return gold


def test_occurrences_match_whole_words_only() -> None:
    assert occurrences("The mayor may go; may he.", "may") == [(10, 13), (18, 21)]


def test_add_marks_scores_overlap_of_same_kind() -> None:
    gold = _gold(("a1", "hedge", "may"), ("a1", "epistemic", "claimed"), ("a1", "loaded", "giveaway"))
    predicted = [
        _mark("a1", "hedge", "may", LEFT),  # right
        _mark("a1", "loaded", "claimed", LEFT),  # overlaps a gold mark of another kind
        _mark("a2", "intensifier", "very", RIGHT),  # nothing in the gold
        _mark("a1", "loaded", "a giveaway", LEFT),  # overlapping span, same kind
    ]
    tally = MarkTally()
    add_marks(tally, gold, predicted)
    scores = mark_scores(tally)
    assert (scores["hedge_precision"], scores["hedge_recall"]) == (1.0, 1.0)
    assert (scores["loaded_precision"], scores["loaded_recall"]) == (0.5, 1.0)
    assert (scores["epistemic_precision"], scores["epistemic_recall"]) == (0.0, 0.0)
    assert (scores["precision"], scores["recall"]) == (0.5, pytest.approx(2 / 3))
    assert (scores["any_precision"], scores["any_recall"]) == (0.75, 1.0)
    assert tally.false_negatives["epistemic"]["claimed"] == 1
    assert tally.false_positives["intensifier"]["very"] == 1


def test_add_marks_scores_biased_sentences_by_start() -> None:
    gold = _gold()
    gold.biased = [("a1", LEFT.index("Critics"))]
    biased = LanguageMark(
        article="a1",
        sentence="a1.s2",
        kind="biased_sentence",
        term="",
        start=LEFT.index("Critics"),
        end=len(LEFT),
        why="",
    )
    other = biased.model_copy(update={"article": "a2", "start": 0, "end": len(RIGHT)})
    tally = MarkTally()
    add_marks(tally, gold, [biased, other])
    scores = mark_scores(tally)
    assert (scores["biased_sentence_precision"], scores["biased_sentence_recall"]) == (0.5, 1.0)


def test_add_marks_counts_wrong_marks_inside_quotes() -> None:
    text = "“It was very bad,” she said. Very few came."
    gold = LanguageGold(name="q", path=Path("q.json"), articles=[Article(id="a1", source="q.txt", text=text)])
    predicted = [_mark("a1", "intensifier", "very", text), _mark("a1", "intensifier", "Very", text)]
    tally = MarkTally()
    add_marks(tally, gold, predicted)
    assert (tally.fp_in_quotes, tally.predicted["intensifier"]) == (1, 2)


def _variant(article: str, text: str, source: str, loaded: bool) -> TermVariant:
    spans = [Span(article=article, start=s, end=e) for s, e in occurrences(source, text)]
    return TermVariant(article=article, text=text, count=len(spans), spans=spans, loaded=loaded)


def test_add_terms_needs_two_variants_in_two_articles() -> None:
    gold = _gold()
    gold.terms = [
        GoldTerm(
            "the reform",
            [
                GoldVariant("a1", "reform", False, occurrences(LEFT, "reform")),
                GoldVariant("a2", "tax relief", True, occurrences(RIGHT, "tax relief")),
            ],
        ),
        GoldTerm("the mayor", [GoldVariant("a1", "mayor", False, occurrences(LEFT, "mayor"))] * 2),
    ]
    found = Term(
        id="t1",
        referent="tax plan",
        variants=[_variant("a1", "so-called reform", LEFT, True), _variant("a2", "tax relief plan", RIGHT, True)],
    )
    one_side = Term(id="t2", referent="mayor", variants=[_variant("a1", "mayor", LEFT, False)])
    tally = TermTally()
    add_terms(tally, gold, [found, one_side])
    scores = term_scores(tally)
    assert (scores["precision"], scores["recall"]) == (0.5, 0.5)
    assert scores["loaded_accuracy"] == 0.5
    assert scores["precision_any_overlap"] == 1.0


def _write_gold(folder: Path, article: str = LEFT, **override: Any) -> Path:
    (folder / "left.txt").write_text(article, encoding="utf-8")
    spec: dict[str, Any] = {
        "event": "toy",
        "articles": [
            {"file": "left.txt", "marks": [{"kind": "hedge", "term": "may"}], "biased_sentences": ["Critics"]}
        ],
        "terms": [{"referent": "reform", "variants": [{"file": "left.txt", "text": "reform", "loaded": False}]}],
    }
    spec |= override
    path = folder / "lang_toy.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def test_load_gold_locates_marks(tmp_path: Path) -> None:
    _write_gold(tmp_path)
    [gold] = load_gold(tmp_path)
    assert gold.biased == [("a1", LEFT.index("Critics"))]
    assert gold.marks == [GoldMark("a1", "hedge", "may", *occurrences(LEFT, "may")[0])]


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"articles": [{"file": "gone.txt", "marks": []}]}, "does not exist"),
        ({"articles": [{"file": "left.txt", "marks": [{"kind": "hedge", "term": "perhaps"}]}]}, "not found"),
        ({"articles": [{"file": "left.txt", "marks": [{"kind": "hedge", "term": "may", "occurrence": 2}]}]}, "1 time"),
        ({"articles": [{"file": "left.txt", "marks": [{"kind": "spin", "term": "may"}]}]}, "unknown mark kind"),
        ({"terms": [{"referent": "x", "variants": [{"file": "right.txt", "text": "x"}]}]}, "not an article"),
        ({"terms": [{"referent": "x", "variants": [{"file": "left.txt", "text": "absent"}]}]}, "not found"),
        ({"articles": [{"file": "left.txt", "marks": [], "biased_sentences": ["Nobody"]}]}, "not found"),
    ],
)
def test_load_gold_rejects_bad_annotation(tmp_path: Path, override: dict[str, Any], message: str) -> None:
    _write_gold(tmp_path, **override)
    with pytest.raises(InputError, match=message):
        load_gold(tmp_path)


def test_load_gold_rejects_broken_json(tmp_path: Path) -> None:
    _write_gold(tmp_path).write_text('{"articles": [', encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_gold(tmp_path)


@pytest.mark.parametrize("name", ["missing", "empty"])
def test_load_gold_rejects_folder_without_gold(tmp_path: Path, name: str) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no such gold folder|no language gold files"):
        load_gold(tmp_path / name)


def test_bundled_language_gold_reads(examples: Path) -> None:
    events = load_gold(examples / "gold")
    assert len(events) >= 6
    assert all(event.marks and event.terms for event in events)


def test_fact_gold_readers_skip_language_gold(examples: Path) -> None:
    assert not [e for e in load_events(examples / "gold") if e.path.name.startswith("lang_")]


def _fake_compare(articles: list[Article], settings: Settings | None = None) -> Comparison:
    hedge = _mark("a1", "hedge", "may", articles[0].text)
    term = Term(id="t1", referent="reform", variants=[_variant("a1", "reform", articles[0].text, False)])
    return Comparison(articles=articles, language=[hedge], terms=[term])


@pytest.mark.parametrize("command", ["language", "terms"])
def test_eval_json_prints_one_object(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_gold(tmp_path)
    monkeypatch.setattr(lang_eval, "compare", _fake_compare)
    assert main(["eval", command, "--data", str(tmp_path), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert {"precision", "recall", "f1"} <= set(scores)
    assert all(0.0 <= v <= 1.0 for k, v in scores.items() if isinstance(v, float))
    if command == "language":
        assert scores["hedge_f1"] == 1.0


@pytest.mark.parametrize("command", ["language", "terms"])
def test_eval_bad_data_is_one_line_exit_2(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", command, "--data", str(tmp_path / "nope"), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such gold folder" in err


@pytest.fixture(scope="module")
def bundled_pairs(examples: Path) -> list[tuple[LanguageGold, Comparison]]:
    return lang_eval.run(examples / "gold")


@pytest.mark.slow
def test_language_eval_on_bundled_gold(bundled_pairs: list[tuple[LanguageGold, Comparison]]) -> None:
    tally = MarkTally()
    for gold, comparison in bundled_pairs:
        add_marks(tally, gold, comparison.language or [])
    scores = mark_scores(tally)
    print(json.dumps(scores, sort_keys=True))
    assert scores["gold_marks"] > 100
    assert scores["recall"] > 0.3 and scores["precision"] > 0.3
    assert scores["epistemic_f1"] > 0.3 and scores["hedge_f1"] > 0.3


@pytest.mark.slow
def test_terms_eval_on_bundled_gold(bundled_pairs: list[tuple[LanguageGold, Comparison]]) -> None:
    tally = TermTally()
    for gold, comparison in bundled_pairs:
        add_terms(tally, gold, comparison.terms or [])
    scores = term_scores(tally)
    print(json.dumps(scores, sort_keys=True))
    # This gold lists only clear naming differences, so term precision is a floor (labels an article gives by a
    # copula, "the package is a good start" / "tax relief" as a "giveaway", are rows it does not list: 0.148 on
    # 2026-12-06); the rows must still be mostly made of the matched referent's own wordings.
    assert scores["recall"] > 0.3 and scores["precision"] > 0.12 and scores["variant_purity"] > 0.4


@pytest.mark.slow
def test_checks_on_bundled_gold_are_fractions(bundled_pairs: list[tuple[LanguageGold, Comparison]]) -> None:
    from slant.eval.language import checks

    scores = checks(bundled_pairs)
    assert set(scores) >= {"checks", "checks_loaded", "checks_epistemic", "checks_scare_quote", "checks_wordchoice"}
    assert all(0.0 <= v <= 1.0 for k, v in scores.items() if not k.endswith("_total"))
    assert scores["checks_loaded_total"] == 83  # 60 loaded + 23 intensifier gold words


def test_word_choice_sets_read_as_language_gold() -> None:
    from slant.eval.language_gold import described_differently, gold_files, load_gold

    dev = Path(__file__).resolve().parents[2] / "src/slant/examples/wordchoice/dev"
    assert len(gold_files(dev)) == 8
    [gold] = load_gold(dev / "steel" / "gold.json")
    assert gold.referents and all(described_differently(t) for t in gold.terms)
    assert {v.why for t in gold.referents for v in t.variants} <= {
        "name", "title", "neutral description", "label", "euphemism", "loaded modifier", "other",
    }  # fmt: skip


def test_eval_language_passes_the_thresholds_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    import slant.eval.language as language
    from slant.cli import main
    from slant.settings import Settings

    seen: list[Settings] = []

    def fake(data: Path, settings: Settings | None = None) -> dict[str, float]:
        seen.append(settings or Settings())
        return {"f1": 0.5}

    monkeypatch.setattr(language, "evaluate", fake)
    assert main(["eval", "language", "--json"]) == 0
    assert main(["eval", "language", "--json", "--tagger-threshold", "0.4", "--wording-threshold", "0.95"]) == 0
    assert (seen[0].tagger_threshold, seen[0].wording_threshold) == (None, Settings().wording_threshold)
    assert (seen[1].tagger_threshold, seen[1].wording_threshold) == (0.4, 0.95)
