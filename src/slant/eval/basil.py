"""`slant eval basil`: the shipped bias model scored on lexical bias in any BASIL-layout folder.

Data. A BASIL (Fan et al., EMNLP 2019) folder as eval/basil_reader.py reads it: the body sentences
of every article (BASIL's own segmentation; the title is not scored) with the phrase annotations
placed in them (a span placed in no body sentence, e.g. one in the title, is counted in
``unmatched_spans`` and left out).

Sentence level (lexical bias). A sentence is positive when it holds a ``lex`` span. The rule was
fixed before looking at BASIL and uses only the model's shipped thresholds: a sentence is predicted
positive when its biased-sentence probability is >= 0.5 **or** one of its words scores >= the
model's ``word_threshold`` (a loaded word). Printed: precision, recall and F1 of the positive class,
macro-F1 over both classes, the base rate, and two threshold-free figures of the sentence
probability, ROC-AUC (``auc``) and average precision (``ap``); ``auc_words`` ranks sentences by
their highest word score instead. ``f1_sentence_rule`` and ``f1_word_rule`` give each half of the
rule alone (diagnostics, not a choice made on BASIL). ``any_*`` repeats the sentence figures with a
sentence positive when it holds a span of either kind (``lex`` or ``inf``), as later BASIL work
such as Lei & Huang (NAACL 2024) defines the task; ``inf_auc`` ranks ``inf`` sentences by the sentence probability.

slant's marks (``marks_*``). The same sentence and span figures for every word-level mark the
``language`` analysis makes in ``slant compare`` (loaded words from the model and the lexicon,
epistemic verbs, hedges, scare quotes, intensifiers; see ``article_marks``), and per kind the
share of its marks that overlap a ``lex`` span.

Span level. Predicted spans are the loaded words of a sentence, consecutive loaded words (no
unloaded word between them) merged into one span. A predicted span is correct when it overlaps
(shares a character with) a gold ``lex`` span of the same sentence; a gold ``lex`` span is found
when some predicted span of its sentence overlaps it. ``span_precision`` = correct / predicted,
``span_recall`` = found / gold, ``span_f1`` their harmonic mean.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from slant.analyses.language.bias import BiasScores, load
from slant.errors import InputError
from slant.eval.basil_reader import read_folder

ANCHOR = (
    "POLITICS (Liu et al., 2022): BASIL sentence-level F1 73.41, supervised on BASIL (compare with the any_* "
    "line; slant's model never saw BASIL)"
)
SENTENCE_THRESHOLD = 0.5
BATCH = 128


@dataclass(frozen=True)
class GoldSpan:
    """One annotated bias span: character offsets into its sentence and its kind (``lex`` or ``inf``)."""

    start: int
    end: int
    bias: str


@dataclass(frozen=True)
class Sentence:
    """One body sentence of a BASIL article with the gold spans placed in it."""

    article: str
    index: int
    text: str
    spans: tuple[GoldSpan, ...]

    def has(self, bias: str) -> bool:
        """Whether the sentence holds a gold span of kind ``bias``."""
        return any(s.bias == bias for s in self.spans)


@dataclass(frozen=True)
class Corpus:
    """The sentences of a BASIL-layout folder and how many annotations could not be placed."""

    sentences: list[Sentence]
    articles: int
    unmatched_spans: int


class Scorer(Protocol):
    """What the evaluation needs of a bias model (``analyses.language.bias.BiasModel`` satisfies it)."""

    word_threshold: float

    def score(self, texts: list[str]) -> list[BiasScores]: ...


def read_basil(folder: Path) -> Corpus:
    """Every body sentence of a BASIL-layout folder, with its gold spans (placement in eval/basil_reader.py).

    Raises:
        InputError: as ``basil_reader.read_folder``, or the articles hold no sentences.
    """
    articles = read_folder(folder).articles
    sentences: list[Sentence] = []
    unmatched = 0
    for article in articles:
        texts = article.sentences
        placed: list[list[GoldSpan]] = [[] for _ in texts]
        for annotation in article.annotations:
            unmatched += not annotation.places
            for place in annotation.places:
                placed[place.sentence].append(GoldSpan(place.start, place.end, annotation.bias))
        sentences += [Sentence(article.name, i, t, tuple(placed[i])) for i, t in enumerate(texts)]
    if not sentences:
        raise InputError(f"{folder / 'articles'}: the articles hold no sentences")
    return Corpus(sentences, len(articles), unmatched)


def loaded_spans(words: Sequence[tuple[int, int, float]], threshold: float) -> list[tuple[int, int]]:
    """Loaded words (score >= ``threshold``) as character spans, consecutive loaded words merged into one."""
    spans: list[tuple[int, int]] = []
    previous = False
    for start, end, score in words:
        loaded = score >= threshold
        if loaded and previous:
            spans[-1] = (spans[-1][0], end)
        elif loaded:
            spans.append((start, end))
        previous = loaded
    return spans


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def classification(gold: Sequence[bool], pred: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of the positive class, and macro-F1 over both classes."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    tn = sum(1 for g, p in zip(gold, pred, strict=True) if not g and not p)
    precision, recall, f1 = _prf(tp, sum(pred), sum(gold))
    _, _, f1_neg = _prf(tn, len(pred) - sum(pred), len(gold) - sum(gold))
    return {"precision": precision, "recall": recall, "f1": f1, "macro_f1": (f1 + f1_neg) / 2}


def roc_auc(gold: Sequence[bool], scores: Sequence[float]) -> float:
    """Probability that a random positive outscores a random negative (ties count half); 0.5 if a class is empty."""
    pos = [s for g, s in zip(gold, scores, strict=True) if g]
    neg = sorted(s for g, s in zip(gold, scores, strict=True) if not g)
    if not pos or not neg:
        return 0.5
    wins = sum(bisect_left(neg, s) + 0.5 * (bisect_right(neg, s) - bisect_left(neg, s)) for s in pos)
    return wins / (len(pos) * len(neg))


def average_precision(gold: Sequence[bool], scores: Sequence[float]) -> float:
    """Mean precision at the rank of each positive, ranked by score (ties broken by input order)."""
    total = sum(gold)
    if not total:
        return 0.0
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits = 0
    ap = 0.0
    for rank, i in enumerate(order, 1):
        if gold[i]:
            hits += 1
            ap += hits / rank
    return ap / total


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def span_scores(sentences: Sequence[Sentence], predicted: Sequence[Sequence[tuple[int, int]]]) -> dict[str, float]:
    """Span-overlap precision, recall and F1 of predicted spans against gold ``lex`` spans, sentence by sentence."""
    correct = found = n_pred = n_gold = 0
    for sentence, spans in zip(sentences, predicted, strict=True):
        gold = [(g.start, g.end) for g in sentence.spans if g.bias == "lex"]
        correct += sum(1 for p in spans if any(_overlaps(p, g) for g in gold))
        found += sum(1 for g in gold if any(_overlaps(p, g) for p in spans))
        n_pred += len(spans)
        n_gold += len(gold)
    precision = correct / n_pred if n_pred else 0.0
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "span_precision": precision,
        "span_recall": recall,
        "span_f1": f1,
        "gold_spans": n_gold,
        "predicted_spans": n_pred,
    }


def score_corpus(corpus: Corpus, scores: Sequence[BiasScores], word_threshold: float) -> dict[str, Any]:
    """All metrics of the module docstring from one score per sentence, in corpus order."""
    sentences = corpus.sentences
    lex = [s.has("lex") for s in sentences]
    any_bias = [bool(s.spans) for s in sentences]
    prob = [s.sentence for s in scores]
    top_word = [max((w[2] for w in s.words), default=0.0) for s in scores]
    by_sentence = [p >= SENTENCE_THRESHOLD for p in prob]
    by_word = [w >= word_threshold for w in top_word]
    pred = [a or b for a, b in zip(by_sentence, by_word, strict=True)]
    out: dict[str, Any] = classification(lex, pred)
    out["auc"] = roc_auc(lex, prob)
    out["ap"] = average_precision(lex, prob)
    out["auc_words"] = roc_auc(lex, top_word)
    out["f1_sentence_rule"] = classification(lex, by_sentence)["f1"]
    out["f1_word_rule"] = classification(lex, by_word)["f1"]
    out["sentences"] = len(sentences)
    out["positives"] = sum(lex)
    out["base_rate"] = sum(lex) / len(lex) if lex else 0.0
    out |= span_scores(sentences, [loaded_spans(s.words, word_threshold) for s in scores])
    any_scores = classification(any_bias, pred)
    out |= {f"any_{k}": v for k, v in any_scores.items()}
    out["any_auc"] = roc_auc(any_bias, prob)
    out["any_positives"] = sum(any_bias)
    out["inf_auc"] = roc_auc([s.has("inf") for s in sentences], prob)
    out["articles"] = corpus.articles
    out["unmatched_spans"] = corpus.unmatched_spans
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}


MARK_KINDS = ("loaded", "epistemic", "hedge", "scare_quote", "intensifier")
"""Word-level kinds of ``LanguageMark`` scored against ``lex`` spans by ``marks_scores``."""


def article_marks(corpus: Corpus) -> list[list[tuple[int, int, str]]]:
    """slant's word-level language marks in each corpus sentence, as ``(start, end, kind)`` offsets into it.

    Each BASIL article becomes one slant article whose text is its body sentences, one per line (a
    line break always ends a slant sentence), run through the ``language`` analysis (quotes, the
    BABE model, the markers) exactly as ``slant compare`` runs it.
    """
    from slant.model import Article, Comparison
    from slant.nlp.resources import Resources
    from slant.pipeline import build_pipeline, run
    from slant.settings import Settings

    settings = Settings()
    resources = Resources(settings)
    plan = build_pipeline(("language",))
    out: list[list[tuple[int, int, str]]] = [[] for _ in corpus.sentences]
    groups: dict[str, list[int]] = {}
    for i, sentence in enumerate(corpus.sentences):
        groups.setdefault(sentence.article, []).append(i)
    for name, rows in groups.items():
        starts, text = [], ""
        for i in rows:
            starts.append(len(text))
            text += corpus.sentences[i].text.replace("\n", " ") + "\n"
        comparison = run(Comparison(articles=[Article(id="a1", source=name, text=text)]), settings, resources, plan)
        for mark in comparison.language or []:
            if mark.kind not in MARK_KINDS:
                continue
            k = bisect_right(starts, mark.start) - 1
            out[rows[k]].append((mark.start - starts[k], mark.end - starts[k], mark.kind))
    return out


def marks_scores(corpus: Corpus, marks: Sequence[Sequence[tuple[int, int, str]]]) -> dict[str, Any]:
    """Sentence and span figures of slant's word-level marks against ``lex`` spans, overall and per kind.

    A sentence is predicted positive when it holds any mark; spans are the marks themselves.
    ``marks_<kind>_precision`` is the share of marks of that kind that overlap a ``lex`` span.
    """
    lex = [s.has("lex") for s in corpus.sentences]
    out: dict[str, Any] = {f"marks_{k}": v for k, v in classification(lex, [bool(m) for m in marks]).items()}
    spans = span_scores(corpus.sentences, [[(a, b) for a, b, _ in m] for m in marks])
    out |= {f"marks_{k}": v for k, v in spans.items()}
    for kind in MARK_KINDS:
        hits = total = 0
        for sentence, found in zip(corpus.sentences, marks, strict=True):
            gold = [(g.start, g.end) for g in sentence.spans if g.bias == "lex"]
            for a, b, k in found:
                if k == kind:
                    total += 1
                    hits += any(_overlaps((a, b), g) for g in gold)
        out[f"marks_{kind}_count"] = total
        out[f"marks_{kind}_precision"] = hits / total if total else 0.0
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}


def evaluate(data: Path, scorer: Scorer | None = None, with_marks: bool = False) -> dict[str, Any]:
    """Score a bias model (the shipped one by default) on a BASIL-layout folder (protocol in the module docstring).

    Raises:
        InputError: the folder is not a readable BASIL folder.
        ModelUnavailableError: the shipped model is missing.
    """
    corpus = read_basil(data)
    model: Scorer = scorer if scorer is not None else load()
    texts = [s.text for s in corpus.sentences]
    scores: list[BiasScores] = []
    for i in range(0, len(texts), BATCH):
        scores.extend(model.score(texts[i : i + BATCH]))
    out = score_corpus(corpus, scores, model.word_threshold)
    if with_marks:
        out |= marks_scores(corpus, article_marks(corpus))
    return out
