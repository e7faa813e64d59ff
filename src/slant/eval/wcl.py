"""`slant eval wcl`: slant's referents against NewsWCL50's hand-coded mentions (how outlets name one thing).

Each event's articles (``event_N/{LL,L,M,R,RR}.txt``) become one comparison (analyses ``actors``,
``facts``, ``referents``), and every coded mention of a concept (all types but PROPERTY, which codes
framing, not reference) is matched to the mention of a slant referent overlapping it best (its head
inside the coded words, or character Jaccard ≥ 0.5); a coded mention no referent covers is not found.
Headlines are not analysed, so their coded mentions are left out. Scores:

- **recall**: per concept, the share of its cross-outlet pairs of *differently worded* mentions
  (lower-cased, leading article dropped) that slant puts in one referent; macro-averaged over the
  concepts that have such a pair, overall and per concept type;
- **precision**: of slant's cross-outlet pairs of differently worded mentions in one referent whose
  two mentions are coded, the share coded as one concept;
- **CoNLL F1** (MUC, B³, CEAF-e) over the coded mentions slant finds, their concepts as the key;
- the same recall and precision for a baseline in the same run: the coded mentions themselves
  (perfect mention detection) grouped by their head lemma.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from slant.eval.coref import conll
from slant.eval.wcl_data import CodedMention, WclEvent, ascii_folded, read_wcl

if TYPE_CHECKING:
    from slant.model import Comparison
    from slant.nlp.resources import Resources
    from slant.settings import Settings

ANCHOR = (
    "NewsWCL50 (Hamborg et al., JCDL 2019); TCA (2019) and XCoref (Zhukova et al., 2022) cluster its mentions; "
    "a same-head-lemma baseline scores about 0.54 CoNLL-F1 on the re-annotated set. Issue goal on held-out "
    "events 5-9: macro recall >= 0.40 at precision >= 0.80"
)
SKIPPED_TYPES = frozenset({"PROPERTY"})
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


@dataclass(frozen=True)
class Placed:
    """A coded mention placed in the analysed article body (offsets into ``Article.text``)."""

    article: str
    start: int
    end: int
    concept: str
    type: str
    text: str


def wording(text: str) -> str:
    """A mention's wording as compared: lower-cased, ASCII quotes, no leading article, spaces collapsed."""
    return _ARTICLE.sub("", re.sub(r"\s+", " ", ascii_folded(text).lower().strip()))


def comparison_for(event: WclEvent, settings: "Settings") -> "Comparison":
    """The event's articles as a comparison (article ids are the outlet codes, headline split off)."""
    from slant.ingest import read_articles
    from slant.model import Comparison

    outlets = list(event.paths)
    articles = read_articles([str(event.paths[o]) for o in outlets], settings)
    return Comparison(articles=[a.model_copy(update={"id": o}) for a, o in zip(articles, outlets, strict=True)])


def place(event: WclEvent, comparison: "Comparison", skipped: frozenset[str] = SKIPPED_TYPES) -> list[Placed]:
    """The event's coded mentions moved into each article's body; headline mentions are dropped."""
    out: list[Placed] = []
    for outlet, text in event.texts.items():
        body = comparison.article(outlet).text
        folded_body = ascii_folded(body).lower()
        offset = text.find(body[:80]) if body else -1
        for m in (m for m in event.mentions if m.outlet == outlet and m.type not in skipped):
            if offset < 0 or m.end <= offset:
                continue
            want = ascii_folded(m.text).lower()
            guess = m.start - offset
            lo, hi = max(0, guess - 80), min(len(body), guess + 80 + len(want))
            hits = [k.start() for k in re.finditer(re.escape(want), folded_body[lo:hi])]
            if hits:
                start = lo + min(hits, key=lambda k: abs(lo + k - guess))
                out.append(Placed(outlet, start, start + len(want), m.concept, m.type, body[start : start + len(want)]))
    return out


def match(gold: Sequence[Placed], spans: Sequence[tuple[str, int, int, int]]) -> tuple[dict[int, int], dict[int, int]]:
    """Pair coded mentions with predicted ones: ``(gold -> predicted, predicted -> gold)``.

    Args:
        gold: the coded mentions.
        spans: predicted mentions as ``(article, start, end, head_offset)``.
    """
    by_article: dict[str, list[int]] = defaultdict(list)
    for k, (article, *_) in enumerate(spans):
        by_article[article].append(k)
    g2c: dict[int, int] = {}
    best: dict[int, tuple[float, int]] = {}
    for gi, g in enumerate(gold):
        choice: tuple[float, int] | None = None
        for k in by_article[g.article]:
            _, start, end, head = spans[k]
            inter = min(end, g.end) - max(start, g.start)
            if inter <= 0:
                continue
            jaccard = inter / (max(end, g.end) - min(start, g.start))
            if (g.start <= head < g.end or jaccard >= 0.5) and (choice is None or jaccard > choice[0]):
                choice = (jaccard, k)
        if choice is not None:
            g2c[gi] = choice[1]
            if choice[1] not in best or choice[0] > best[choice[1]][0]:
                best[choice[1]] = (choice[0], gi)
    return g2c, {k: gi for k, (_, gi) in best.items()}


@dataclass
class Tally:
    """Pair counts pooled over events: recall per concept, precision counts, CoNLL partitions."""

    recall: dict[str, list[float]]
    good: int = 0
    total: int = 0

    @classmethod
    def empty(cls) -> "Tally":
        """No events counted yet."""
        return cls(defaultdict(list))


def tally(
    gold: Sequence[Placed],
    g2c: dict[int, int],
    c2g: dict[int, int],
    labels: Sequence[int],
    texts: Sequence[str],
    articles: Sequence[str],
    into: Tally,
) -> dict[str, float]:
    """Add one event's pairs to ``into`` and return its CoNLL scores over the coded mentions found."""
    by_concept: dict[str, list[int]] = defaultdict(list)
    for gi, g in enumerate(gold):
        by_concept[g.concept].append(gi)
    for members in by_concept.values():
        pairs = [
            (a, b)
            for a, b in itertools.combinations(members, 2)
            if gold[a].article != gold[b].article and wording(gold[a].text) != wording(gold[b].text)
        ]
        if pairs:
            hit = sum(1 for a, b in pairs if a in g2c and b in g2c and labels[g2c[a]] == labels[g2c[b]])
            into.recall[gold[members[0]].type].append(hit / len(pairs))
            into.recall["all"].append(hit / len(pairs))
    by_label: dict[int, list[int]] = defaultdict(list)
    for k in c2g:
        by_label[labels[k]].append(k)
    for ks in by_label.values():
        for a, b in itertools.combinations(ks, 2):
            if articles[a] != articles[b] and wording(texts[a]) != wording(texts[b]):
                into.total += 1
                into.good += gold[c2g[a]].concept == gold[c2g[b]].concept
    key = {gi: gold[gi].concept for gi in g2c}
    response = {gi: labels[g2c[gi]] for gi in g2c}
    return conll(key, response)


def _spans(comparison: "Comparison") -> tuple[list[tuple[str, int, int, int]], list[int], list[str]]:
    """Every mention of every referent as ``(article, start, end, head offset)``, its referent index, its text."""
    spans, labels, texts = [], [], []
    for r, referent in enumerate(comparison.referents or []):
        for m in referent.mentions:
            span = comparison.nlp.docs[m.article].char_span(m.start, m.end, alignment_mode="expand")
            head = span.root.idx if span is not None and len(span) else m.start
            spans.append((m.article, m.start, m.end, head))
            labels.append(r)
            texts.append(m.text)
    return spans, labels, texts


def _head_lemma_labels(gold: Sequence[Placed], comparison: "Comparison") -> list[int]:
    """The baseline: each coded mention labelled by the lemma of its syntactic head."""
    lemmas: dict[str, int] = {}
    out = []
    for g in gold:
        doc = comparison.nlp.docs[g.article]
        span = doc.char_span(g.start, g.end, alignment_mode="expand")
        head = span.root.lemma_.lower() if span is not None and len(span) else wording(g.text)
        out.append(lemmas.setdefault(head, len(lemmas)))
    return out


def _summary(tally_: Tally, prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for kind, values in sorted(tally_.recall.items()):
        name = "recall" if kind == "all" else f"recall_{kind.lower().replace('-', '_')}"
        out[prefix + name] = round(float(np.mean(values)), 4)
    out[prefix + "precision"] = round(tally_.good / tally_.total, 4) if tally_.total else 0.0
    out[prefix + "concepts"] = len(tally_.recall.get("all", []))
    return out


def evaluate(folder: Path, settings: "Settings | None" = None, resources: "Resources | None" = None) -> dict[str, Any]:
    """Score slant's referents on every event of a NewsWCL50-layout folder.

    Raises:
        InputError: the folder is not in NewsWCL50 layout.
    """
    from slant.nlp.resources import Resources
    from slant.pipeline import build_pipeline, run
    from slant.settings import Settings

    events = read_wcl(folder)
    settings = settings or Settings()
    resources = resources or Resources(settings)
    plan = build_pipeline(["actors", "facts", "referents"])
    system, baseline = Tally.empty(), Tally.empty()
    scores: list[dict[str, float]] = []
    found = coded = 0
    for event in events:
        comparison = run(comparison_for(event, settings), settings, resources, plan)
        gold = place(event, comparison)
        spans, labels, texts = _spans(comparison)
        g2c, c2g = match(gold, spans)
        scores.append(tally(gold, g2c, c2g, labels, texts, [s[0] for s in spans], system))
        found += len(g2c)
        coded += len(gold)
        own = {gi: gi for gi in range(len(gold))}
        tally(
            gold,
            own,
            own,
            _head_lemma_labels(gold, comparison),
            [g.text for g in gold],
            [g.article for g in gold],
            baseline,
        )
    out: dict[str, Any] = _summary(system)
    for key in ("conll_f1", "muc_f1", "b3_f1", "ceafe_f1"):
        out[key] = round(float(np.mean([s[key] for s in scores])), 4)
    out["mentions_found"] = round(found / coded, 4) if coded else 0.0
    out["events"] = len(events)
    out.update(_summary(baseline, "baseline_head_lemma_"))
    return out


def coded_mentions(events: Sequence[WclEvent]) -> list[CodedMention]:
    """All coded mentions of the events, in event order (for callers that train on them)."""
    return [m for e in events for m in e.mentions]
