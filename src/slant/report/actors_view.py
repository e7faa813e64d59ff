"""Comparison -> the view data of the actor sections: actors, how each article portrays each actor,
and voices (who is quoted).

Like every ``*_view`` module it looks things up and computes nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass

from slant.model import Comparison
from slant.report.refs import ArticleRef, ref_of, sentence_text

PORTRAYAL_TYPES = frozenset({"PERSON", "ORG", "NORP"})
"""Actor types the portrayal table shows (places stay in the JSON)."""
PORTRAYAL_LIMIT = 10
"""Actors the terminal and Markdown portrayal tables show (most mentioned first); the rest are in the JSON."""


@dataclass(frozen=True)
class ActorView:
    """An actor with how often each article names it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    counts: tuple[int, ...]
    """Mentions per article of the comparison, in article order."""

    @property
    def total(self) -> int:
        """Mentions over all articles."""
        return sum(self.counts)


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


def actor_views(comparison: Comparison, order: list[str]) -> tuple[ActorView, ...] | None:
    """Each actor with its mentions per article in order; None when the actor analysis did not run."""
    if comparison.actors is None:
        return None
    return tuple(
        ActorView(
            id=actor.id,
            name=actor.name,
            type=actor.type,
            aliases=tuple(actor.aliases),
            counts=tuple(sum(1 for m in actor.mentions if m.article == art_id) for art_id in order),
        )
        for actor in comparison.actors
    )


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


def portrayal_views(comparison: Comparison, order: list[str]) -> tuple[PortrayalView, ...] | None:
    """The people and groups with a portrayal, most mentioned and quoted first; None when the portrayal
    analysis did not run (it fills ``voices`` as well as each actor's portrayal)."""
    if comparison.voices is None:
        return None
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
