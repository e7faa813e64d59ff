"""`slant eval babe` / `babe-words`: the shipped bias model scored on any BABE-format CSV.

Sentence level: Biased vs Non-biased ("No agreement" rows are left out), macro-F1, accuracy and
per-class precision/recall. Word level (protocol): every sentence labelled Biased or Non-biased is
cut into words by ``analyses.language.bias.word_spans``; a word is positive when the sentence is Biased and
its lower-cased form equals a lower-cased word of the row's ``biased_words`` list cut the same way
(so '"so-called"' matches so-called; every occurrence counts). Non-biased sentences have no
positive words. Precision, recall and F1 of the positive class are counted over all words.
"""

from __future__ import annotations

import ast
import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slant.analyses.language.bias import MODEL, TAGGER, WORD, BiasScores, load, word_spans
from slant.errors import InputError

ANCHOR = "BABE (Spinde et al., 2021): macro-F1 0.804, RoBERTa + distant supervision, 5-fold CV"
WORDS_ANCHOR = "BABE word level: Dbias (Raza et al., 2022) reports F 0.60"
LABELS = {"Biased": 1, "Non-biased": 0}


@dataclass(frozen=True)
class Row:
    """One labelled BABE sentence."""

    text: str
    biased: int
    words: frozenset[str]
    """Lower-cased bias-carrying words (empty for Non-biased sentences)."""
    spans: tuple[tuple[int, int], ...] | None = None
    """Character spans of the bias-carrying words when they are known by place (rows made from the
    word-choice gold); then ``words`` is not read."""


def content_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the words of ``text[start:end]`` that carry a marked phrase (``Row.spans``): its
    content words, or every word when it has none ("So much for")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [m.span() for m in WORD.finditer(text, start, end)]
    return [(a, b) for a, b in words if text[a:b].lower() not in STOP_WORDS] or words


def _words(raw: str) -> frozenset[str]:
    try:
        items = ast.literal_eval(raw) if raw.strip() else []
    except (ValueError, SyntaxError):
        items = []
    if not isinstance(items, list):
        return frozenset()
    return frozenset(m.group().lower() for item in items for m in WORD.finditer(str(item)))


def read_babe(path: Path) -> list[Row]:
    """The Biased and Non-biased rows of a BABE-format CSV (``;``-separated, optional UTF-8 BOM).

    Raises:
        InputError: the file cannot be read or lacks the ``text`` and ``label_bias`` columns.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            records = list(csv.DictReader(handle, delimiter=";"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read the BABE file ({exc})") from None
    if not records or not {"text", "label_bias"} <= set(records[0]):
        raise InputError(f"{path}: not a BABE file (need ';'-separated columns text and label_bias)")
    rows = []
    for r in records:
        label = LABELS.get((r.get("label_bias") or "").strip())
        if label is None or not (r.get("text") or "").strip():
            continue
        words = _words(r.get("biased_words") or "") if label else frozenset()
        rows.append(Row(r["text"], label, words))
    if not rows:
        raise InputError(f"{path}: no rows labelled Biased or Non-biased")
    return rows


def word_labels(row: Row) -> list[int]:
    """Gold label (1 = bias-carrying) of each word of ``row.text``, in order."""
    if row.spans is not None:
        return [int(any(a <= m.start() < b for a, b in row.spans)) for m in WORD.finditer(row.text)]
    return [int(m.group().lower() in row.words) for m in WORD.finditer(row.text)]


def sentence_scores(gold: list[int], prob: list[float], threshold: float = 0.5) -> dict[str, Any]:
    """Macro-F1, accuracy and per-class precision/recall of thresholded probabilities."""
    pred = [int(p >= threshold) for p in prob]
    out: dict[str, Any] = {}
    f1s = []
    for name, cls in (("biased", 1), ("non_biased", 0)):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p == cls)
        precision = tp / max(1, sum(1 for p in pred if p == cls))
        recall = tp / max(1, sum(1 for g in gold if g == cls))
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
        out[f"precision_{name}"], out[f"recall_{name}"] = round(precision, 4), round(recall, 4)
    out["macro_f1"] = round(sum(f1s) / 2, 4)
    out["accuracy"] = round(sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / max(1, len(gold)), 4)
    out["sentences"] = len(gold)
    return out


def word_scores(gold: list[list[int]], scores: list[list[float]], threshold: float) -> dict[str, Any]:
    """Precision, recall and F1 of the positive (bias-carrying) words over all sentences."""
    tp = fp = fn = 0
    for g_row, s_row in zip(gold, scores, strict=True):
        for g, s in zip(g_row, s_row, strict=True):
            p = s >= threshold
            tp += int(p and g == 1)
            fp += int(p and g == 0)
            fn += int(not p and g == 1)
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "gold_words": tp + fn,
        "predicted_words": tp + fp,
        "words": sum(len(g) for g in gold),
    }


MODELS = {"babe": MODEL, "tagger": TAGGER}
"""What ``--model`` names: the BABE model (the published anchors' comparison) or the tagger comparisons use."""


def _predict(rows: list[Row], name: str = "babe") -> tuple[list[BiasScores], float]:
    model = load(None, MODELS[name])
    out: list[BiasScores] = []
    for i in range(0, len(rows), 256):
        out.extend(model.score([r.text for r in rows[i : i + 256]]))
    return out, model.word_threshold


def evaluate(data: Path, model: str = "babe") -> dict[str, Any]:
    """Score a shipped sentence classifier (``MODELS``) on a BABE-format CSV."""
    rows = read_babe(data)
    scores, _ = _predict(rows, model)
    return sentence_scores([r.biased for r in rows], [s.sentence for s in scores])


def evaluate_words(data: Path, lexicons: str | None = None, model: str = "babe") -> dict[str, Any]:
    """Score a shipped loaded-word tagger (``MODELS``) on a BABE-format CSV (protocol in the module docstring).

    Also scored, as ``lexicon_*`` and ``combined_*``: the ``loaded`` marks of slant's lexicons alone
    (``analyses/language/markers.py``; with ``lexicons``, also the Recasens and MPQA lists read from that
    folder), and their union with the model's words, which is what ``slant compare`` shows.
    """
    rows = read_babe(data)
    scores, threshold = _predict(rows, model)
    labels = [word_labels(r) for r in rows]
    words = [[w[2] for w in s.words] for s in scores]
    out = word_scores(labels, words, threshold)
    hits = _lexicon_words(rows, lexicons)
    lexicon = [[1.0 if h else 0.0 for h in row] for row in hits]
    combined = [[1.0 if h else m for h, m in zip(hr, mr, strict=True)] for hr, mr in zip(hits, words, strict=True)]
    out |= {f"lexicon_{k}": v for k, v in word_scores(labels, lexicon, threshold).items()}
    out |= {f"combined_{k}": v for k, v in word_scores(labels, combined, threshold).items()}
    return out


def _lexicon_words(rows: list[Row], lexicons: str | None) -> list[list[bool]]:
    """For each row, whether each of its words lies in a ``loaded`` lexicon mark of slant's markers."""
    from slant.analyses.language import markers
    from slant.model import Article, Sentence
    from slant.nlp.resources import Resources

    lex = markers.load_lexicons(lexicons)
    texts = [r.text for r in rows]
    out = []
    for text, doc in zip(texts, Resources().nlp.pipe(texts, batch_size=64), strict=True):
        article = Article(
            id="a1", source="babe", text=text, sentences=[Sentence(id="a1.s1", start=0, end=len(text), text=text)]
        )
        marks = [m for m in markers.mark_article(article, doc, [], lex) if m.kind == "loaded"]
        out.append([any(m.start < b and a < m.end for m in marks) for a, b in word_spans(text)])
    return out
