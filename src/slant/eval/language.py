"""`slant eval language` and `slant eval terms`: language marks and terms scored against the lang_* gold.

Protocol (gold format and annotation guidelines in ``slant.eval.language_gold``):

- *Marks.* Only word-level kinds are scored (loaded, epistemic, hedge, scare_quote,
  intensifier). A predicted mark is correct when it overlaps a gold mark of the same
  kind in the same article; a gold mark is found when a predicted mark of its kind
  overlaps it. Precision = correct predictions / predictions, recall = found gold /
  gold, per kind and micro-averaged over kinds; ``any_*`` ignore the kind.
  ``fp_in_quotes`` counts wrong predictions (scare quotes aside) lying inside a quotation
  (the gold never marks a speaker's words). Biased sentences are scored apart:
  a predicted ``biased_sentence`` mark is correct when a gold biased sentence starts in it.
- *Terms.* A gold referent is found when one predicted ``Term`` has variants that
  overlap at least two of its gold variants, in at least two articles (a predicted
  variant overlaps a gold one when, in the same article, one of its spans overlaps
  an occurrence of the gold text). Precision = predicted terms that match a gold
  referent / predicted terms (the gold lists only clear cases, so this is a floor).
  ``loaded_accuracy``: over gold variants of found referents covered by the matching
  term, how often the covering variant's ``loaded`` flag equals the gold one.
  ``pair_recall``: over cross-article pairs of differently worded gold variants of one
  referent (in word-choice sets, names and titles aside), the share one predicted term
  holds both of; ``loaded_pair_recall`` the same over pairs where one wording is loaded;
  ``loaded_referent_recall``: gold referents with such a loaded pair, one of which a term holds.
  ``variant_purity``: of the variants of predicted terms that match a gold referent, the share that
  are wordings of that referent (a row mixing two things scores low).
- *Checks* (``checks_*`` in ``slant eval language``, see ``checks``): the recall a reader would
  check by eye — loaded words marked as loaded in any way, epistemic verbs and scare quotes
  marked, loaded word-choice referents shown in one term — per group and pooled.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from slant.eval.language_gold import WORD_KINDS, GoldTerm, GoldVariant, LanguageGold, load_gold, wording
from slant.model import Comparison, LanguageMark, Term, TermVariant
from slant.pipeline import compare
from slant.settings import Settings

ANCHOR = "no published anchor: gold written for slant's own lang_* example events (src/slant/examples/gold)"

_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class MarkTally:
    """Counts behind the mark scores, with the missed and wrong terms for error analysis."""

    predicted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    any_correct: int = 0
    any_found: int = 0
    fp_in_quotes: int = 0
    biased_predicted: int = 0
    biased_correct: int = 0
    biased_gold: int = 0
    biased_found: int = 0
    false_positives: dict[str, Counter[str]] = field(default_factory=dict)
    false_negatives: dict[str, Counter[str]] = field(default_factory=dict)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def add_marks(tally: MarkTally, gold: LanguageGold, marks: list[LanguageMark]) -> None:
    """Score one event's predicted marks against its gold into ``tally``."""
    words = [m for m in marks if m.kind in WORD_KINDS]
    for m in words:
        same = [g for g in gold.marks if g.article == m.article and _overlaps((m.start, m.end), (g.start, g.end))]
        tally.predicted[m.kind] += 1
        tally.any_correct += bool(same)
        if any(g.kind == m.kind for g in same):
            tally.correct[m.kind] += 1
            continue
        tally.false_positives.setdefault(m.kind, Counter())[m.term.lower()] += 1
        text = next(a.text for a in gold.articles if a.id == m.article)
        inside = any(q[0] <= m.start and m.end <= q[1] for q in _quoted_spans(text))
        tally.fp_in_quotes += inside and m.kind != "scare_quote"
    for g in gold.marks:
        hits = [m for m in words if m.article == g.article and _overlaps((m.start, m.end), (g.start, g.end))]
        tally.gold[g.kind] += 1
        tally.any_found += bool(hits)
        if any(m.kind == g.kind for m in hits):
            tally.found[g.kind] += 1
        else:
            tally.false_negatives.setdefault(g.kind, Counter())[g.term.lower()] += 1
    biased = [m for m in marks if m.kind == "biased_sentence"]
    tally.biased_predicted += len(biased)
    tally.biased_gold += len(gold.biased)
    tally.biased_correct += sum(any(m.article == a and m.start <= at < m.end for a, at in gold.biased) for m in biased)
    tally.biased_found += sum(any(m.article == a and m.start <= at < m.end for m in biased) for a, at in gold.biased)


def mark_scores(tally: MarkTally) -> dict[str, Any]:
    """Per-kind, micro and kind-agnostic precision/recall/F1 (fractions) from a tally."""
    scores: dict[str, Any] = {}
    for kind in WORD_KINDS:
        p, r = _ratio(tally.correct[kind], tally.predicted[kind]), _ratio(tally.found[kind], tally.gold[kind])
        scores |= {f"{kind}_precision": p, f"{kind}_recall": r, f"{kind}_f1": _f1(p, r)}
        scores |= {f"{kind}_gold": tally.gold[kind], f"{kind}_predicted": tally.predicted[kind]}
    predicted, gold = sum(tally.predicted.values()), sum(tally.gold.values())
    p, r = _ratio(sum(tally.correct.values()), predicted), _ratio(sum(tally.found.values()), gold)
    ap, ar = _ratio(tally.any_correct, predicted), _ratio(tally.any_found, gold)
    bp, br = _ratio(tally.biased_correct, tally.biased_predicted), _ratio(tally.biased_found, tally.biased_gold)
    return scores | {
        "precision": p,
        "recall": r,
        "f1": _f1(p, r),
        "any_precision": ap,
        "any_recall": ar,
        "any_f1": _f1(ap, ar),
        "biased_sentence_precision": bp,
        "biased_sentence_recall": br,
        "biased_sentence_f1": _f1(bp, br),
        "gold_marks": gold,
        "predicted_marks": predicted,
        "fp_in_quotes": tally.fp_in_quotes,
    }


def _covers(variant: TermVariant, spans: list[tuple[int, int]]) -> int:
    """Characters of the gold spans that a predicted variant's spans overlap."""
    return sum(
        max(0, min(s.end, g[1]) - max(s.start, g[0]))
        for s in variant.spans
        for g in spans
        if _overlaps((s.start, s.end), g)
    )


def _match(term: Term, gold: GoldTerm) -> dict[int, TermVariant]:
    """Gold variant index -> the predicted variant covering it best; {} unless >= 2 variants in >= 2 articles."""
    cover: dict[int, TermVariant] = {}
    for k, g in enumerate(gold.variants):
        best = max(
            ((_covers(v, g.spans), v) for v in term.variants if v.article == g.article),
            key=lambda x: x[0],
            default=None,
        )
        if best is not None and best[0] > 0:
            cover[k] = best[1]
    if len(cover) < 2 or len({gold.variants[k].article for k in cover}) < 2:
        return {}
    return cover


@dataclass
class TermTally:
    """Counts behind the term scores."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    predicted_touching: int = 0
    loaded_total: int = 0
    loaded_correct: int = 0
    pairs: int = 0
    pairs_found: int = 0
    loaded_pairs: int = 0
    loaded_pairs_found: int = 0
    loaded_referents: int = 0
    """Gold referents with a loaded wording that another article words otherwise."""
    loaded_referents_found: int = 0
    variants: int = 0
    """Variants of the predicted terms that match a gold referent."""
    variants_pure: int = 0
    """Of those, the ones that are wordings of the matched referent."""
    missed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


def _held(term: Term, variant: GoldVariant) -> bool:
    return any(v.article == variant.article and _covers(v, variant.spans) > 0 for v in term.variants)


def _add_pairs(tally: TermTally, gold: LanguageGold, terms: list[Term]) -> None:
    """Cross-article pairs of differently worded descriptions (names and titles aside) of one gold referent:
    found when one predicted term holds both."""
    for g in gold.terms:
        described = [v for v in g.variants if v.why not in ("name", "title")]
        loaded_hits: list[bool] = []
        for a, b in itertools.combinations(described, 2):
            if a.article == b.article or wording(a.text) == wording(b.text):
                continue
            hit = any(_held(term, a) and _held(term, b) for term in terms)
            tally.pairs += 1
            tally.pairs_found += hit
            if a.loaded or b.loaded:
                tally.loaded_pairs += 1
                tally.loaded_pairs_found += hit
                loaded_hits.append(hit)
        if loaded_hits:
            tally.loaded_referents += 1
            tally.loaded_referents_found += any(loaded_hits)


def _overlapping(variant: TermVariant, gold: GoldTerm) -> bool:
    return any(g.article == variant.article and _covers(variant, g.spans) > 0 for g in gold.variants)


def add_terms(tally: TermTally, gold: LanguageGold, terms: list[Term]) -> None:
    """Score one event's predicted terms against its gold referents into ``tally``."""
    _add_pairs(tally, gold, terms)
    tally.gold += len(gold.terms)
    tally.predicted += len(terms)
    for term in terms:
        matched = [g for g in gold.terms if _match(term, g)]
        if matched:
            tally.predicted_matched += 1
            # Purity: the variants of a matched term that are wordings of the referent it matches.
            best = max(matched, key=lambda g: sum(_overlapping(v, g) for v in term.variants))
            tally.variants += len(term.variants)
            tally.variants_pure += sum(_overlapping(v, best) for v in term.variants)
        else:
            tally.unmatched.append(
                f"{gold.name}: {term.referent} = " + " / ".join(sorted({v.text for v in term.variants}))
            )
        every = [(g.article, s) for t in gold.terms for g in t.variants for s in g.spans]
        tally.predicted_touching += any(
            v.article == a and any(_overlaps((s.start, s.end), g) for s in v.spans)
            for v in term.variants
            for a, g in every
        )
    for g in gold.terms:
        cover: dict[int, TermVariant] = {}
        for term in terms:
            found = _match(term, g)
            if len(found) > len(cover):
                cover = found
        if not cover:
            tally.missed.append(f"{gold.name}: {g.referent}")
            continue
        tally.found += 1
        for k, variant in cover.items():
            tally.loaded_total += 1
            tally.loaded_correct += variant.loaded == g.variants[k].loaded


def term_scores(tally: TermTally) -> dict[str, Any]:
    """Referent precision/recall/F1 and loaded-flag accuracy (fractions) from a tally."""
    p, r = _ratio(tally.predicted_matched, tally.predicted), _ratio(tally.found, tally.gold)
    return {
        "precision": p,
        "recall": r,
        "f1": _f1(p, r),
        "precision_any_overlap": _ratio(tally.predicted_touching, tally.predicted),
        "loaded_accuracy": _ratio(tally.loaded_correct, tally.loaded_total),
        "variant_purity": _ratio(tally.variants_pure, tally.variants),
        "pair_recall": _ratio(tally.pairs_found, tally.pairs),
        "loaded_pair_recall": _ratio(tally.loaded_pairs_found, tally.loaded_pairs),
        "pairs": tally.pairs,
        "loaded_pairs": tally.loaded_pairs,
        "loaded_referent_recall": _ratio(tally.loaded_referents_found, tally.loaded_referents),
        "loaded_referents": tally.loaded_referents,
        "loaded_variants": tally.loaded_total,
        "gold_terms": tally.gold,
        "found_terms": tally.found,
        "predicted_terms": tally.predicted,
    }


def run(data: Path, settings: Settings | None = None) -> list[tuple[LanguageGold, Comparison]]:
    """Read the language gold in ``data`` and run ``compare`` on each event's articles."""
    settings = settings or Settings()
    return [(gold, compare(gold.articles, settings)) for gold in load_gold(data, settings)]


def evaluate(data: Path, settings: Settings | None = None) -> dict[str, Any]:
    """Score the language marks of ``compare`` on every lang_* gold event in ``data``.

    Raises:
        InputError: the gold is missing or unusable (see ``slant.eval.language_gold``).
    """
    return _evaluate(data, settings, terms=False)


def evaluate_terms(data: Path, settings: Settings | None = None) -> dict[str, Any]:
    """Score the terms of ``compare`` on every lang_* gold event in ``data``.

    Raises:
        InputError: the gold is missing or unusable (see ``slant.eval.language_gold``).
    """
    return _evaluate(data, settings, terms=True)


_LOADED_KINDS = ("loaded", "intensifier")
_MARKING = ("loaded", "intensifier", "scare_quote")


def checks(pairs: list[tuple[LanguageGold, Comparison]]) -> dict[str, Any]:
    """The reader's checks, as recall: each gold loaded or intensifier word marked as loaded in any way
    (loaded, intensifier or scare-quote mark), each epistemic verb and scare quote marked as such, and each
    cross-article pair of differently worded descriptions of one referent where one is loaded shown in one
    term (one check per gold referent: passed when one such pair of it is). ``checks`` pools them all."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for gold, comparison in pairs:
        marks = comparison.language or []
        for g in gold.marks:
            kinds = _MARKING if g.kind in _LOADED_KINDS else (g.kind,)
            if g.kind not in (*_LOADED_KINDS, "epistemic", "scare_quote"):
                continue
            group = "loaded" if g.kind in _LOADED_KINDS else g.kind
            total[group] += 1
            found[group] += any(
                m.kind in kinds and m.article == g.article and _overlaps((m.start, m.end), (g.start, g.end))
                for m in marks
            )
        tally = TermTally()
        _add_pairs(tally, gold, comparison.terms or [])
        total["wordchoice"] += tally.loaded_referents
        found["wordchoice"] += tally.loaded_referents_found
    out: dict[str, Any] = {f"checks_{k}": _ratio(found[k], total[k]) for k in sorted(total)}
    out |= {f"checks_{k}_total": total[k] for k in sorted(total)}
    return out | {"checks": _ratio(sum(found.values()), sum(total.values()))}


def _evaluate(data: Path, settings: Settings | None, terms: bool) -> dict[str, Any]:
    pairs = run(data, settings)
    if terms:
        term_tally = TermTally()
        for gold, comparison in pairs:
            add_terms(term_tally, gold, comparison.terms or [])
        return term_scores(term_tally) | {"events": len(pairs)}
    mark_tally = MarkTally()
    for gold, comparison in pairs:
        add_marks(mark_tally, gold, comparison.language or [])
    return mark_scores(mark_tally) | checks(pairs) | {"events": len(pairs)}
