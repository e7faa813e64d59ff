"""The ``language`` analysis: loaded words, biased sentences and framing markers of every article, and
each article's language profile (marks per 100 words).

Two sources are merged into one list of ``LanguageMark``:

- the tagger (``bias.TAGGER``: the BABE model's architecture and recipe trained on BABE and slant's
  word-choice training sets): a ``biased_sentence`` mark for every sentence it reads as biased, and a
  ``loaded`` mark (category ``model``) for each run of adjacent words it tags as bias-carrying (stop
  words never count alone), outside quotations: word marks describe the writer's wording, not a
  quoted speaker's;
- the rules and lexicons of ``markers.py``: loaded-language lexicon hits, epistemic verbs, hedges
  and distancing, scare quotes, intensifiers;
- the wording scorer (``wording.py``): words of the article's own voice that the tagger, the
  VADER and pattern lexicons and the contrast with the other articles' wording of the same fact
  together read as loaded (category ``wording``), where no other mark lies.

Where a lexicon hit and a model word overlap, one ``loaded`` mark is kept, with both reasons.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from slant.analyses.language import bias, markers, wording
from slant.model import Article, Comparison, LanguageMark, LanguageProfile

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from slant.analyses.language.bias import BiasModel, BiasScores
    from slant.nlp.resources import Resources
    from slant.settings import Settings

KINDS = ("loaded", "biased_sentence", "epistemic", "hedge", "scare_quote", "intensifier")
SENTENCE_THRESHOLD = 0.5
"""Least model probability for a sentence to be marked biased (the threshold the CV figures use)."""


def _model_words(
    article: Article, doc: "Doc", sentence_id: str, offset: int, scores: "BiasScores", threshold: float
) -> list[LanguageMark]:
    """Runs of adjacent loaded words of one sentence as ``loaded`` marks (stop words never alone)."""
    runs: list[list[tuple[int, int, float]]] = []
    for a, b, score in scores.words:
        if score < threshold:
            continue
        start, end = offset + a, offset + b
        if runs and article.text[runs[-1][-1][1] : start].strip(" -") == "":
            runs[-1].append((start, end, score))
        else:
            runs.append([(start, end, score)])
    marks: list[LanguageMark] = []
    for run in runs:
        span = doc.char_span(run[0][0], run[-1][1], alignment_mode="expand")
        if span is None or all(t.is_stop or t.is_punct or t.like_num or t.pos_ == "PROPN" for t in span):
            continue  # function words, numbers and names are never loaded on their own ("The Stoop", "Greystone")
        start, end = run[0][0], run[-1][1]
        score = max(s for _, _, s in run)
        term = article.text[start:end]
        marks.append(
            LanguageMark(
                article=article.id,
                sentence=sentence_id,
                kind="loaded",
                category="model",
                term=term,
                start=start,
                end=end,
                score=round(score, 3),
                why=f"the BABE-trained tagger reads “{term}” as carrying bias ({score:.2f})",
            )
        )
    return marks


def _merge_loaded(rules: list[LanguageMark], model: list[LanguageMark]) -> list[LanguageMark]:
    """Rule marks plus the model's loaded words that no rule mark overlaps; overlapping ones add their reason."""
    out = list(rules)
    for m in model:
        hit = next((r for r in out if r.kind == "loaded" and r.start < m.end and m.start < r.end), None)
        if hit is None:
            if not any(r.start <= m.start and m.end <= r.end for r in out if r.kind != "biased_sentence"):
                out.append(m)
            continue
        hit.score = max(hit.score, m.score)
        hit.why = f"{hit.why}; the BABE-trained tagger agrees ({m.score:.2f})"
    return out


def _profile(article: Article, doc: "Doc", marks: list[LanguageMark], attribution: dict[str, int]) -> LanguageProfile:
    """Counts and rates per 100 words of each kind of mark in one article."""
    words = 0
    for sent in article.sentences:
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        words += sum(1 for t in span or () if not (t.is_punct or t.is_space) and any(c.isalnum() for c in t.text))
    counts: Counter[str] = Counter(m.kind for m in marks)
    per = 100.0 / words if words else 0.0
    biased = counts["biased_sentence"] / len(article.sentences) if article.sentences else 0.0
    return LanguageProfile(
        article=article.id,
        words=words,
        counts={k: counts[k] for k in KINDS},
        rates={k: round(counts[k] * per, 3) for k in KINDS},
        biased_share=round(biased, 4),
        attribution=dict(sorted(attribution.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _scores(model: "BiasModel", comparison: Comparison, article: Article) -> list["BiasScores"]:
    """The bias model's scores of an article's sentences, reusing the MiniLM states ``embed`` kept."""
    texts = [s.text for s in article.sentences]
    hidden = comparison.nlp.hidden.get(article.id, {}).get(model.frozen_layers)
    return model.score(texts, hidden=hidden) if hidden is not None else model.score(texts)


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """Mark the language of every article and profile it.

    Returns:
        ``{"language": [LanguageMark, ...], "profiles": [LanguageProfile, ...]}``, marks in article
        then text order.
    """
    tagger = bias.load(resources, bias.TAGGER)
    word_threshold = tagger.word_threshold if settings.tagger_threshold is None else settings.tagger_threshold
    lexicons = markers.load_lexicons(settings.lexicons)
    sentences = [(a, s) for a in comparison.articles for s in a.sentences]
    per_article = {article.id: _scores(tagger, comparison, article) for article in comparison.articles}
    scores = [score for article in comparison.articles for score in per_article[article.id]]
    scorer = wording.load(resources)
    story = wording.Story.of(comparison)
    by_article: dict[str, list[LanguageMark]] = {a.id: [] for a in comparison.articles}
    model_words: dict[str, list[LanguageMark]] = {a.id: [] for a in comparison.articles}
    for (article, sent), score in zip(sentences, scores, strict=True):
        doc = comparison.nlp.docs[article.id]
        model_words[article.id] += _model_words(article, doc, sent.id, sent.start, score, word_threshold)
        if score.sentence >= SENTENCE_THRESHOLD:
            by_article[article.id].append(
                LanguageMark(
                    article=article.id,
                    sentence=sent.id,
                    kind="biased_sentence",
                    category="model",
                    term=sent.text,
                    start=sent.start,
                    end=sent.end,
                    score=round(score.sentence, 3),
                    why=f"the BABE-trained classifier reads this sentence as biased ({score.sentence:.2f})",
                )
            )
    quotes = comparison.quotes or []
    language: list[LanguageMark] = []
    profiles: list[LanguageProfile] = []
    for article in comparison.articles:
        doc = comparison.nlp.docs[article.id]
        own = [q for q in quotes if q.article == article.id]
        rules = markers.mark_article(article, doc, own, lexicons)
        spoken = markers.speech_spans(article, doc, own)
        written = [m for m in model_words[article.id] if not any(a <= m.start < b for a, b in spoken)]
        marks = _merge_loaded(rules, written)
        words = wording.words_of(comparison, article, per_article[article.id], spoken, resources, story)
        marks += [
            w
            for w in wording.mark_words(comparison, words, scorer, settings.wording_threshold)
            if not any(m.start < w.end and w.start < m.end for m in marks)
        ]
        marks += by_article[article.id]
        marks.sort(key=lambda m: (m.start, m.kind != "biased_sentence", m.end))
        language += marks
        profiles.append(_profile(article, doc, marks, markers.attribution_verbs(article, doc, own)))
    return {"language": language, "profiles": profiles}
