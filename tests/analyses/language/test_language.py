"""The language analysis: model and rule marks merged, per-article profiles (analyses/language/language.py)."""

from __future__ import annotations

import pytest

import slant
from slant.analyses.language import bias, language
from slant.model import Comparison, LanguageMark

LEFT = (
    "The council voted 5-2 on Tuesday to expand the shelter on Elm Street.\n\n"
    "Supporters said the plan would give families a safe place to sleep.\n\n"
    "Mayor Ruth Okafor said the city would pay for the extra beds."
)
RIGHT = (
    "The council rammed through a radical “compassion” plan on Tuesday to expand the Elm Street shelter.\n\n"
    "Councilman Dave Pruitt claimed the so-called plan would reportedly cost millions.\n\n"
    "Residents slammed the vote, which they called a disaster."
)


@pytest.fixture(scope="module")
def shelter() -> Comparison:
    return slant.compare([LEFT, RIGHT])


def _marks(c: Comparison, article: str, kind: str) -> list[LanguageMark]:
    return [m for m in c.language or [] if m.article == article and m.kind == kind]


def test_marks_point_into_their_sentence(shelter: Comparison) -> None:
    assert shelter.language
    for m in shelter.language:
        art = shelter.article(m.article)
        assert art.text[m.start : m.end] == m.term
        sent = shelter.sentence(m.sentence)
        assert sent.start <= m.start and m.end <= sent.end
        assert m.why and 0.0 <= m.score <= 1.0


def test_loaded_article_is_marked_more(shelter: Comparison) -> None:
    terms = {m.term.lower() for m in shelter.language or [] if m.article == "a2"}
    assert "claimed" in terms
    assert "reportedly" in terms
    assert "so-called" in terms
    assert "compassion" in terms  # scare quote
    assert "slammed" in terms
    assert not _marks(shelter, "a1", "epistemic")
    assert not _marks(shelter, "a1", "scare_quote")
    profiles = {p.article: p for p in shelter.profiles or []}
    total = {a: sum(p.counts[k] for k in language.KINDS if k != "biased_sentence") for a, p in profiles.items()}
    assert total["a2"] > total["a1"]


def test_profiles_count_and_rate_the_marks(shelter: Comparison) -> None:
    assert shelter.profiles and len(shelter.profiles) == 2
    for profile in shelter.profiles:
        assert set(profile.counts) == set(language.KINDS)
        for kind in language.KINDS:
            assert profile.counts[kind] == len(_marks(shelter, profile.article, kind))
            assert profile.rates[kind] == pytest.approx(profile.counts[kind] * 100 / profile.words, abs=1e-3)
        art = shelter.article(profile.article)
        assert profile.biased_share == pytest.approx(profile.counts["biased_sentence"] / len(art.sentences), abs=1e-4)
        assert 20 <= profile.words <= 40
    attribution = {p.article: p.attribution for p in shelter.profiles}
    assert attribution["a1"].get("say") == 2
    assert attribution["a2"].get("claim") == 1


def test_one_loaded_mark_per_span(shelter: Comparison) -> None:
    loaded = [m for m in shelter.language or [] if m.kind == "loaded"]
    for i, a in enumerate(loaded):
        for b in loaded[i + 1 :]:
            assert a.article != b.article or a.end <= b.start or b.end <= a.start


def test_biased_sentence_marks_follow_the_model(shelter: Comparison) -> None:
    texts = [s.text for a in shelter.articles for s in a.sentences]
    probs = bias.sentence_bias(texts)
    expected = {s.id for a in shelter.articles for s in a.sentences}
    ids = [s.id for a in shelter.articles for s in a.sentences]
    marked = {m.sentence: m.score for m in shelter.language or [] if m.kind == "biased_sentence"}
    assert set(marked) <= expected
    for sid, p in zip(ids, probs, strict=True):
        assert (sid in marked) == (p >= language.SENTENCE_THRESHOLD)
        if sid in marked:
            assert marked[sid] == pytest.approx(p, abs=2e-3)  # shared MiniLM states give the same scores


def test_static_embedder_gives_the_same_marks(shelter: Comparison) -> None:
    """With the static embedder no MiniLM states are shared; the bias model computes them itself."""
    other = slant.compare([LEFT, RIGHT], slant.Settings().with_(embedder="static"))
    key = [(m.article, m.kind, m.start, m.end) for m in shelter.language or []]
    assert [(m.article, m.kind, m.start, m.end) for m in other.language or []] == key


def test_language_runs_without_terms() -> None:
    c = slant.compare([LEFT, RIGHT], slant.Settings().with_(analyses=("language",)))
    assert c.language is not None and c.profiles is not None
    assert c.terms is None
    assert c.quotes is not None and c.facts is not None  # required by language (speech, contrast)


def test_seed_markers(seed_comparison: Comparison) -> None:
    """Issue 4 on the seeds: the words each outlet's framing rests on are flagged."""
    by_article = {
        a.id: {m.term.lower(): m for m in seed_comparison.language or [] if m.article == a.id}
        for a in seed_comparison.articles
    }
    left, right = by_article["a1"], by_article["a2"]
    assert right["claimed"].kind == "epistemic"
    assert right["reportedly"].kind == "hedge"
    assert left["inhumane"].kind == "loaded"
    assert left["hunt down"].kind == "loaded"
    scare = [m for m in seed_comparison.language or [] if m.kind == "scare_quote"]
    assert any(m.term.lower() == "sanctuary city" for m in scare)
    homan = [q for q in seed_comparison.quotes or [] if q.direct and q.speaker and "Homan" in q.speaker]
    assert homan
    for q in homan:
        assert not any(m.article == q.article and m.start < q.end and q.start < m.end for m in scare)


def test_no_word_mark_inside_a_direct_quote(seed_comparison: Comparison) -> None:
    """Word marks describe the writer's wording; a quoted speaker's words are not marked."""
    direct = [q for q in seed_comparison.quotes or [] if q.direct]
    assert direct
    for m in seed_comparison.language or []:
        if m.kind in ("biased_sentence", "scare_quote"):
            continue
        inside = [q for q in direct if q.article == m.article and q.start <= m.start < q.end]
        assert not inside, (m.term, inside[0].text)


def test_tagger_words_that_are_names_or_function_words_alone_are_not_marked(nlp_resources) -> None:  # type: ignore[no-untyped-def]
    # the scores are given, so the test reads the marking rule alone
    from slant.analyses.language.bias import BiasScores, word_spans
    from slant.model import Article

    text = "Residents told The Stoop that the plan was reckless."
    high = {"Stoop", "that", "reckless"}
    article = Article(id="a1", source="t", text=text)
    scores = BiasScores(0.9, [(a, b, 0.95 if text[a:b] in high else 0.1) for a, b in word_spans(text)])
    marks = language._model_words(article, nlp_resources.nlp(text), "a1.s1", 0, scores, 0.5)
    assert [m.term for m in marks] == ["reckless"]
