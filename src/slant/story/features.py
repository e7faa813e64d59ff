"""What story clustering reads of one article: weighted terms, named entities, sentences, a content key.

Everything here is a pure function of the article's text and the shipped term weights, so it can run
in any worker process (or Ray task) and give identical results. Terms are lower-cased words (stop
words left out) and capitalised name sequences ("Supreme Court", "Newsom"), hashed with CRC-32 into
``BUCKETS`` buckets, weighted by sublinear term frequency times inverse document frequency (IDF
learned from AllSides articles: ``slant train stories``), words of the title counted ``TITLE_WEIGHT``
times, and L2-normalised; only the ``TOP_TERMS`` heaviest are kept.
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from slant.errors import ModelUnavailableError

BUCKETS = 1 << 18
TITLE_WEIGHT = 2
TOP_TERMS = 60
LEAD_CHARS = 3000
"""Characters of the body read for terms and entities (news puts the event up front)."""
IDF_PATH = Path(__file__).resolve().parent.parent / "data" / "stories_idf.npz"

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’][^\W_]+)?")
_NAME = re.compile(r"\b[A-Z][\w'’.-]*[A-Za-z](?:\s+(?:of\s+|de\s+|van\s+)?[A-Z][\w'’.-]*[A-Za-z])*")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)]*|$)")
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours said says say told according new one two year years
    mr ms mrs dr monday tuesday wednesday thursday friday saturday sunday week""".split()
)
_NAME_STOP = frozenset(
    "the a an in on at for and but or if when while after before this that these those it he she they we i his her "
    "their its as by from to of with why how what who where mr ms mrs dr monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october november december".split()
)


@dataclass(frozen=True)
class Features:
    """One article as story clustering sees it."""

    key: str
    """Content key: SHA-256 (hex, 32 characters) of the whitespace-normalised title and text."""
    terms: dict[int, float]
    """Bucket -> weight, L2-normalised, the ``TOP_TERMS`` heaviest."""
    entities: tuple[str, ...]
    """Named entities (capitalised name sequences), most frequent first, at most 10."""
    sentences: tuple[tuple[int, int], ...]
    """(start, end) character offsets of the body's sentences."""


def content_key(title: str, text: str) -> str:
    """The key that makes the same article found twice (another URL, a feed re-read) one article."""
    norm = " ".join(f"{title}\n{text}".split()).lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence offsets by punctuation and line breaks: cheap, for storage and display, not for analysis."""
    out = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start >= 2 and any(ch.isalnum() for ch in text[start:end]):
            out.append((start, end))
    return tuple(out)


def entities(text: str) -> Counter[str]:
    """Capitalised name sequences, a leading function word dropped ("The Senate" -> "Senate")."""
    found: Counter[str] = Counter()
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        while words and words[0].lower() in _NAME_STOP:
            words = words[1:]
        if not words or (len(words) == 1 and len(words[0]) < 3):
            continue
        found[" ".join(words).rstrip(".")] += 1
    return found


def bucket(term: str) -> int:
    """The term's hash bucket (CRC-32: the same in every process, unlike ``hash``)."""
    return zlib.crc32(term.encode("utf-8")) & (BUCKETS - 1)


def term_counts(title: str, text: str) -> Counter[int]:
    """Bucketed counts of words and names of the title (counted ``TITLE_WEIGHT`` times) and the lead."""
    counts: Counter[int] = Counter()
    for part, times in ((title, TITLE_WEIGHT), (text[:LEAD_CHARS], 1)):
        for w in _WORD.findall(part):
            lw = w.lower()
            if lw not in _STOP and len(lw) > 1:
                counts[bucket(lw)] += times
        for name, n in entities(part).items():
            if " " in name:
                counts[bucket("name:" + name.lower())] += n * times
    return counts


class TermWeights:
    """IDF per bucket, learned from a corpus (``slant train stories``) and shipped as ``data/stories_idf.npz``."""

    def __init__(self, idf: np.ndarray) -> None:
        self.idf = idf.astype(np.float32)

    @classmethod
    def load(cls, path: Path = IDF_PATH) -> "TermWeights":
        if not path.is_file():
            raise ModelUnavailableError(f"the story term weights are missing at {path}; run `slant train stories`")
        with np.load(path) as data:
            return cls(data["idf"].astype(np.float32) / float(data["scale"]))

    @classmethod
    def fit(cls, documents: Iterable[tuple[str, str]]) -> "TermWeights":
        """IDF (smoothed, as scikit-learn's) from (title, text) pairs."""
        df = np.zeros(BUCKETS, dtype=np.int64)
        n = 0
        for title, text in documents:
            n += 1
            keys = np.fromiter(term_counts(title, text).keys(), dtype=np.int64)
            df[keys] += 1
        return cls(np.log((1 + n) / (1 + df)).astype(np.float32) + 1.0)

    def save(self, path: Path) -> None:
        scale = 255.0 / float(self.idf.max())
        np.savez_compressed(path, idf=np.round(self.idf * scale).astype(np.uint8), scale=np.float32(scale))

    def vector(self, counts: Counter[int]) -> dict[int, float]:
        """Sublinear TF-IDF of bucket counts, the heaviest ``TOP_TERMS``, L2-normalised."""
        weighted = {b: (1.0 + math.log(c)) * float(self.idf[b]) for b, c in counts.items()}
        top = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {b: w / norm for b, w in top}


def features(title: str, text: str, weights: TermWeights) -> Features:
    """Everything clustering needs of one article."""
    names = entities(f"{title}\n{text[:LEAD_CHARS]}")
    top = tuple(name for name, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:10])
    return Features(
        key=content_key(title, text),
        terms=weights.vector(term_counts(title, text)),
        entities=top,
        sentences=sentence_spans(text),
    )
