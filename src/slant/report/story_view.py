"""Comparison -> the view data of the story and actor sections: lean, neutral summary, informational
bias, portrayal and voices. Like ``view.py``, it looks things up and computes nothing new."""

from __future__ import annotations

from dataclasses import dataclass

from slant.model import Comparison
from slant.report.refs import ArticleRef, ref_of, sentence_text

PORTRAYAL_TYPES = frozenset({"PERSON", "ORG", "NORP"})
"""Actor types the portrayal table shows (places stay in the JSON)."""


@dataclass(frozen=True)
class LeanView:
    """One article's lean: the side, the probability of each side, a left (-1) to right (+1) score,
    and the sentences that pull hardest toward that side (id, text, weight)."""

    article: ArticleRef
    lean: str
    probabilities: dict[str, float]
    score: float
    evidence: tuple[tuple[str, str, float], ...]


@dataclass(frozen=True)
class InformationalView:
    """A sentence flagged as informational bias: its article, id, text and why."""

    article: ArticleRef
    sentence: str
    text: str
    why: str


@dataclass(frozen=True)
class SummaryLine:
    """One sentence of the neutral summary: its text, kind (shared / contradiction / unique) and the
    ids of the sentences it cites."""

    text: str
    kind: str
    cites: tuple[str, ...]


@dataclass(frozen=True)
class ToneEvidence:
    """A sentence that shows an article's stance toward an actor."""

    sentence: str
    text: str
    polarity: str
    score: float


@dataclass(frozen=True)
class PortrayalCell:
    """How one article presents one actor."""

    mentions: int
    references: tuple[str, ...]
    tone: float
    polarity: str | None
    sentences: int
    """Sentences mentioning the actor that the sentiment model read."""
    evidence: tuple[ToneEvidence, ...]
    quotes: int
    quoted_words: int
    voice_share: float


@dataclass(frozen=True)
class PortrayalView:
    """An actor and, per article in order, its portrayal (None: the article does not mention it)."""

    id: str
    name: str
    type: str
    side: str | None
    cells: tuple[PortrayalCell | None, ...]


@dataclass(frozen=True)
class VoiceRow:
    """One speaker's share of an article's quoted words."""

    name: str
    side: str | None
    anonymous: bool
    quotes: int
    words: int
    share: float


@dataclass(frozen=True)
class VoicesView:
    """Who is quoted in one article, in quoted words."""

    article: ArticleRef
    quotes: int
    quoted_words: int
    voices: tuple[VoiceRow, ...]
    anonymous_share: float
    sides: dict[str, float]


def voices_views(comparison: Comparison, refs: dict[str, ArticleRef]) -> tuple[VoicesView, ...] | None:
    """Who each article quotes; None when the portrayal analysis did not run."""
    if comparison.voices is None:
        return None
    return tuple(
        VoicesView(
            article=ref_of(refs, v.article),
            quotes=v.quotes,
            quoted_words=v.quoted_words,
            voices=tuple(VoiceRow(x.name, x.side, x.anonymous, x.quotes, x.words, x.share) for x in v.voices),
            anonymous_share=v.anonymous_share,
            sides=dict(v.sides),
        )
        for v in comparison.voices
    )


def lean_views(comparison: Comparison, refs: dict[str, ArticleRef]) -> tuple[LeanView, ...] | None:
    """Each article's lean with its evidence sentences' texts; None when the lean analysis did not run."""
    if comparison.lean is None:
        return None
    return tuple(
        LeanView(
            ref_of(refs, x.article),
            x.lean,
            dict(x.probabilities),
            x.score,
            tuple((e.sentence, sentence_text(comparison, e.sentence), e.weight) for e in x.evidence),
        )
        for x in comparison.lean
    )


def summary_lines(comparison: Comparison) -> tuple[SummaryLine, ...] | None:
    """The neutral summary's sentences; None when the summary analysis did not run."""
    if comparison.summary is None:
        return None
    return tuple(SummaryLine(x.text, x.kind, tuple(x.cites)) for x in comparison.summary.sentences)


def informational_views(comparison: Comparison, refs: dict[str, ArticleRef]) -> tuple[InformationalView, ...] | None:
    """The sentences flagged as informational bias; None when that analysis did not run."""
    if comparison.informational is None:
        return None
    return tuple(
        InformationalView(ref_of(refs, m.article), m.sentence, sentence_text(comparison, m.sentence), m.why)
        for m in comparison.informational
    )


def portrayal_views(comparison: Comparison, order: list[str]) -> tuple[PortrayalView, ...]:
    views = []
    for actor in comparison.actors or ():
        if actor.type not in PORTRAYAL_TYPES or not actor.portrayal:
            continue
        by_article = {p.article: p for p in actor.portrayal}
        cells = []
        for art_id in order:
            p = by_article.get(art_id)
            cells.append(
                None
                if p is None
                else PortrayalCell(
                    mentions=p.mentions,
                    references=tuple(p.references),
                    tone=p.tone,
                    polarity=p.polarity,
                    sentences=sum(p.sentences.values()),
                    evidence=tuple(
                        ToneEvidence(e.sentence, sentence_text(comparison, e.sentence), e.polarity, e.score)
                        for e in p.evidence
                    ),
                    quotes=p.quotes,
                    quoted_words=p.quoted_words,
                    voice_share=p.voice_share,
                )
            )
        views.append(PortrayalView(actor.id, actor.name, actor.type, actor.side, tuple(cells)))
    views.sort(key=lambda v: -sum(c.mentions + c.quotes for c in v.cells if c is not None))
    return tuple(views)


def lean_bar(score: float, width: int = 11) -> str:
    """A left-to-right bar with a marker where ``score`` (-1 left .. +1 right) lies: "L····●·····R"."""
    k = round((max(-1.0, min(1.0, score)) + 1) / 2 * (width - 1))
    return "L" + "".join("\u25cf" if i == k else "\u00b7" for i in range(width)) + "R"


def tone_label(tone: float) -> str:
    """A tone in [-1, 1] in words, as every report shows it."""
    if tone <= -0.5:
        return "very negative"
    if tone <= -0.15:
        return "negative"
    if tone < 0.15:
        return "neutral"
    if tone < 0.5:
        return "positive"
    return "very positive"
