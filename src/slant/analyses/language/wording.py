"""Loaded words beyond the BABE tagger: a trained scorer over the evidence each word of the story carries.

Every content word (adjective, adverb, verb, noun) of an article's own voice is described by
``FEATURES``: the BABE tagger's word score and sentence probability, the word's VADER valence and
pattern polarity/subjectivity (``valence.py``), its part of speech, and the contrast inside the
story — whether a sentence of another article reports the same fact (``facts``) without this word,
and how close the nearest word of the same part of speech there is ("slashes" where another article
writes "cuts"). A logistic model over them (``slant/data/language/wording.json``, made by ``slant
train wording`` from BABE's biased words and the word-choice dev gold) gives each word a probability
of being loaded; those at or above its threshold become ``loaded`` marks (category ``wording``) with
the strongest reason as ``why``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from slant.analyses.language.valence import valence
from slant.errors import ModelUnavailableError
from slant.model import Article, Comparison, LanguageMark

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from slant.analyses.language.bias import BiasScores
    from slant.nlp.resources import Resources

MODEL = "language/wording"
FEATURES = (
    "babe_word",
    "babe_sentence",
    "vader_strength",
    "vader_negative",
    "subjectivity",
    "polarity_strength",
    "adjective",
    "adverb",
    "verb",
    "noun",
    "aligned",
    "contrast",
    "contrast_similarity",
)
_POS = {"ADJ": "adjective", "ADV": "adverb", "VERB": "verb", "NOUN": "noun"}


@dataclass(frozen=True)
class Word:
    """One content word of an article and what the scorer reads about it."""

    article: str
    sentence: str
    start: int
    end: int
    text: str
    features: tuple[float, ...]
    counterpart: str
    """The closest word of the same part of speech in an aligned sentence of another article, or ``""``."""
    lemma: str = ""


def _aligned(comparison: Comparison) -> dict[str, set[str]]:
    """Sentence id -> ids of sentences of other articles reporting one of its facts."""
    out: dict[str, set[str]] = defaultdict(set)
    for fact in comparison.facts or []:
        if fact.status == "unique":
            continue
        for a in fact.evidence:
            for b in fact.evidence:
                if a.article != b.article:
                    out[a.sentence].add(b.sentence)
    return out


def _content(doc: "Doc", start: int, end: int) -> list["Token"]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span or () if t.pos_ in _POS and t.is_alpha and not t.is_stop and not t.ent_type_]


def _sentence_words(comparison: Comparison) -> dict[str, list[tuple[str, str, str]]]:
    """Sentence id -> its content words as (lemma, part of speech, text), read once."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for article in comparison.articles:
        doc = comparison.nlp.docs[article.id]
        for s in article.sentences:
            out[s.id] = [(t.lemma_.lower(), t.pos_, t.text) for t in _content(doc, s.start, s.end)]
    return out


@dataclass(frozen=True)
class Story:
    """What every article's words are compared with: the aligned sentences and their content words."""

    aligned: dict[str, set[str]]
    words: dict[str, list[tuple[str, str, str]]]

    @classmethod
    def of(cls, comparison: Comparison) -> "Story":
        """Read the comparison's facts and sentences once."""
        return cls(_aligned(comparison), _sentence_words(comparison))


def words_of(
    comparison: Comparison,
    article: Article,
    scores: Sequence["BiasScores"],
    spoken: Sequence[tuple[int, int]],
    resources: "Resources",
    story: Story | None = None,
) -> list[Word]:
    """The content words of an article's own voice (speech left out) with their features."""
    doc = comparison.nlp.docs[article.id]
    story = story or Story.of(comparison)
    aligned, words = story.aligned, story.words
    found: list[tuple[Any, ...]] = []
    for sent, score in zip(article.sentences, scores, strict=True):
        others = [w for sid in sorted(aligned.get(sent.id, ())) for w in words.get(sid, [])]
        lemmas = {lemma for lemma, _, _ in others}
        by_pos: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for lemma, pos, text in others:
            by_pos[pos].append((lemma, text))
        for token in _content(doc, sent.start, sent.end):
            if any(a <= token.idx < b for a, b in spoken):
                continue
            a, b = token.idx - sent.start, token.idx + len(token.text) - sent.start
            babe = max((s for x, y, s in score.words if x < b and a < y), default=0.0)
            lemma = token.lemma_.lower()
            same_pos = [w for w in by_pos.get(token.pos_, ()) if w[0] != lemma]
            found.append((sent, score, token, lemma, babe, bool(others), lemma not in lemmas, same_pos))
    vectors = _vectors(resources, [f[3] for f in found] + [w[0] for f in found for w in f[7]])
    out: list[Word] = []
    for sent, score, token, lemma, babe, has_others, absent, same_pos in found:
        rated = valence(token.text, lemma)
        similarity, counterpart = 0.0, ""
        if absent and same_pos:
            sims = np.array([vectors[w[0]] for w in same_pos]) @ vectors[lemma]
            k = int(np.argmax(sims))
            similarity, counterpart = float(sims[k]), same_pos[k][1]
        features = (
            babe,
            score.sentence,
            abs(rated.vader) / 4.0,
            float(rated.vader < 0),
            rated.subjectivity,
            abs(rated.polarity),
            float(token.pos_ == "ADJ"),
            float(token.pos_ == "ADV"),
            float(token.pos_ == "VERB"),
            float(token.pos_ == "NOUN"),
            float(has_others),
            float(has_others and absent),
            max(similarity, 0.0),
        )
        out.append(
            Word(article.id, sent.id, token.idx, token.idx + len(token.text), token.text, features, counterpart, lemma)
        )
    return out


def _vectors(resources: "Resources", lemmas: list[str]) -> dict[str, np.ndarray]:
    unique = sorted(set(lemmas))
    if not unique:
        return {}
    encoded = resources.embedder("static").encode(unique)
    return dict(zip(unique, encoded, strict=True))


@dataclass(frozen=True)
class WordingModel:
    """Standardised logistic weights over ``FEATURES`` and the probability threshold for a mark."""

    coef: tuple[float, ...]
    intercept: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "WordingModel":
        """Read the shipped model.

        Raises:
            ModelUnavailableError: it was trained on other features.
        """
        if tuple(data.get("features", ())) != FEATURES:
            raise ModelUnavailableError("the wording model was trained on other features; run `slant train wording`")
        return cls(
            tuple(map(float, data["coef"])),
            float(data["intercept"]),
            tuple(map(float, data["mean"])),
            tuple(float(s) or 1.0 for s in data["scale"]),
            float(data["threshold"]),
        )

    def to_json(self) -> dict[str, Any]:
        """The model as the JSON object ``from_json`` reads."""
        return {
            "features": list(FEATURES),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "mean": list(self.mean),
            "scale": list(self.scale),
            "threshold": self.threshold,
        }

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P(loaded) for each row of features (rows in ``FEATURES`` order)."""
        if not len(features):
            return np.zeros(0, dtype=np.float32)
        z = (features - np.array(self.mean)) / np.array(self.scale)
        logit = z @ np.array(self.coef) + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(logit, -30, 30))), dtype=np.float32)


def load(resources: "Resources") -> WordingModel:
    """The shipped wording model, read once per process.

    Raises:
        ModelUnavailableError: the model file is missing, broken or for other features.
    """
    return WordingModel.from_json(resources.shipped(MODEL))


def _why(word: Word, other: str, p: float) -> str:
    """The strongest evidence, in words a reader can check, then the scorer's probability."""
    f = dict(zip(FEATURES, word.features, strict=True))
    if f["contrast"] and f["contrast_similarity"] >= 0.35 and word.counterpart:
        reason = f"“{word.text}” where {other} writes “{word.counterpart}” for the same fact"
    elif f["vader_strength"] >= 0.375:
        sign = "negative" if f["vader_negative"] else "positive"
        reason = f"“{word.text}” is strongly {sign} wording (VADER {f['vader_strength'] * 4:.1f} of 4)"
    elif f["subjectivity"] >= 0.5:
        reason = f"“{word.text}” is an opinion word (subjectivity {f['subjectivity']:.1f} of 1)"
    else:
        reason = f"“{word.text}” is the kind of word BABE's annotators mark"
        if f["babe_sentence"] >= 0.5:
            reason += f", in a sentence read as biased ({f['babe_sentence']:.2f})"
    return f"{reason} (wording scorer {p:.2f})"


def mark_words(
    comparison: Comparison, words: Sequence[Word], model: WordingModel, threshold: float | None = None
) -> list[LanguageMark]:
    """``loaded`` marks for the words the model scores at or above ``threshold`` (None: the model's own)."""
    least = model.threshold if threshold is None else threshold
    if not words:
        return []
    prob = model.probabilities(np.array([w.features for w in words], dtype=np.float32))
    names = {a.id: (a.outlet or f"article {a.id}") for a in comparison.articles}
    aligned = _aligned(comparison)
    out = []
    for word, p in zip(words, prob.tolist(), strict=True):
        if p < least:
            continue
        others = sorted({sid.split(".")[0] for sid in aligned.get(word.sentence, ())})
        other = " and ".join(names[o] for o in others) or "another article"
        out.append(
            LanguageMark(
                article=word.article,
                sentence=word.sentence,
                kind="loaded",
                category="wording",
                term=word.text,
                start=word.start,
                end=word.end,
                score=round(p, 3),
                why=_why(word, other, p),
            )
        )
    return out
