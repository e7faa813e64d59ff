"""Comparison -> the view data of the language sections: word choice (terms), language profiles and
loaded language and framing (marks).

Like every ``*_view`` module it looks things up and computes nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from slant.model import Comparison
from slant.report.refs import ArticleRef, ref_of

KIND_LABELS = {
    "loaded": "loaded words",
    "biased_sentence": "biased sentences",
    "epistemic": "epistemic verbs",
    "hedge": "hedges and distancing",
    "scare_quote": "scare quotes",
    "intensifier": "intensifiers",
}
"""Each kind of language mark as reports name it, in the order they list them."""
MARK_LIMIT = 12
"""Marks a short report (terminal) lists per article before summing up the rest."""


@dataclass(frozen=True)
class MarkView:
    """A marked word, phrase or sentence (loaded word, hedge, scare quote, biased sentence ...)."""

    kind: str
    category: str
    term: str
    why: str
    score: float
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class MarkRow:
    """Marks of one kind with the same wording in one article, as a report lists them."""

    kind: str
    category: str
    term: str
    why: str
    count: int


@dataclass(frozen=True)
class VariantView:
    """One wording an article uses for a referent."""

    text: str
    count: int
    loaded: bool
    why: str = ""
    neutral: bool = False


@dataclass(frozen=True)
class TermView:
    """A referent and, for each article in order, the wordings it uses (empty: not named)."""

    id: str
    referent: str
    why: str
    cells: tuple[tuple[VariantView, ...], ...]


@dataclass(frozen=True)
class ProfileView:
    """One article's marks per kind: counts, rates per 100 words, share of biased sentences."""

    article: ArticleRef
    words: int
    counts: dict[str, int]
    rates: dict[str, float]
    biased_share: float
    attribution: dict[str, int]


def mark_views(comparison: Comparison, article_id: str) -> tuple[MarkView, ...] | None:
    """One article's language marks in text order; None when the language analysis did not run."""
    if comparison.language is None:
        return None
    return tuple(
        MarkView(m.kind, m.category, m.term, m.why, m.score, m.sentence, m.start, m.end)
        for m in comparison.language
        if m.article == article_id
    )


def term_views(comparison: Comparison, order: list[str]) -> tuple[TermView, ...] | None:
    """Each referent with the wordings of each article; None when the word-choice analysis did not run."""
    if comparison.terms is None:
        return None
    return tuple(
        TermView(
            id=term.id,
            referent=term.referent,
            why=term.why,
            cells=tuple(
                tuple(
                    VariantView(v.text, v.count, v.loaded, v.why, v.neutral)
                    for v in term.variants
                    if v.article == art_id
                )
                for art_id in order
            ),
        )
        for term in comparison.terms
    )


def profile_views(comparison: Comparison, refs: dict[str, ArticleRef]) -> tuple[ProfileView, ...] | None:
    """Each article's language profile; None when the language analysis did not run."""
    if comparison.profiles is None:
        return None
    return tuple(
        ProfileView(
            ref_of(refs, p.article), p.words, dict(p.counts), dict(p.rates), p.biased_share, dict(p.attribution)
        )
        for p in comparison.profiles
    )


def shown_marks(marks: tuple[MarkView, ...], limit: int | None = None) -> tuple[tuple[MarkRow, ...], int]:
    """An article's marks as reports list them: word-level marks grouped by kind and wording (in
    order of kind, then first use), then biased sentences, most confident first. With ``limit``: at
    most ``limit`` word-level rows and three sentences, and how many marks were left out."""
    kinds = list(KIND_LABELS)
    rows: dict[tuple[str, str, str], MarkRow] = {}
    for m in sorted((m for m in marks if m.kind != "biased_sentence"), key=lambda m: (kinds.index(m.kind), m.start)):
        key = (m.kind, m.category, m.term.lower())
        row = rows.get(key)
        rows[key] = MarkRow(m.kind, m.category, m.term, m.why, 1) if row is None else replace(row, count=row.count + 1)
    words = list(rows.values())
    sentences = [
        MarkRow(m.kind, m.category, m.term, m.why, 1)
        for m in sorted((m for m in marks if m.kind == "biased_sentence"), key=lambda m: -m.score)
    ]
    if limit is not None:
        words, sentences = words[:limit], sentences[:3]
    shown = tuple(words + sentences)
    return shown, len(marks) - sum(r.count for r in shown)


def pieces(text: str, start: int, end: int, marks: list[MarkView]) -> tuple[tuple[str, MarkView | None], ...]:
    """``text[start:end]`` cut at the word-level marks inside it (the first of overlapping marks wins)."""
    words = sorted((m for m in marks if m.kind != "biased_sentence"), key=lambda m: (m.start, -m.end))
    if not words:
        return ()
    out: list[tuple[str, MarkView | None]] = []
    at = start
    for mark in words:
        if mark.start < at or mark.end > end:
            continue
        if mark.start > at:
            out.append((text[at : mark.start], None))
        out.append((text[mark.start : mark.end], mark))
        at = mark.end
    if at < end:
        out.append((text[at:end], None))
    return tuple(out)
