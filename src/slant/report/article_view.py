"""Comparison -> the view of one article: the header row (source, fact counts, most loaded sentence),
its sentences tagged with the facts and marks they carry, its quotes, boilerplate and warnings.

It ties the section views together per article, so it reads ``facts_view``, ``language_view`` and
``quotes_view``; like them it looks things up and computes nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass

from slant.model import Article, Comparison
from slant.report.facts_view import STATUSES, ConflictView, FactView
from slant.report.language_view import MarkView, mark_views, pieces
from slant.report.quotes_view import QuoteView, quote_views
from slant.report.refs import ArticleRef

# A sentence carrying facts of several statuses is shown in the most telling one.
_PRIORITY = {"contradiction": 0, "shared": 1, "unique": 2}


@dataclass(frozen=True)
class FactTag:
    """A fact a sentence carries."""

    id: str
    status: str
    conflicts: tuple[ConflictView, ...]
    others: tuple[ArticleRef, ...]
    """The other articles that report the fact."""


@dataclass(frozen=True)
class SentenceView:
    """A sentence with the facts whose evidence lies in it."""

    id: str
    text: str
    start: int
    end: int
    paragraph: int
    facts: tuple[FactTag, ...]
    pieces: tuple[tuple[str, MarkView | None], ...] = ()
    """The sentence text cut at its word-level marks: (text, mark or None), in order; empty when unmarked."""
    biased: MarkView | None = None
    """The biased-sentence mark, when the model reads the sentence as biased."""

    @property
    def status(self) -> str | None:
        """The most telling status among the sentence's facts, None when it carries none."""
        if not self.facts:
            return None
        return min((tag.status for tag in self.facts), key=lambda status: _PRIORITY.get(status, 9))


@dataclass(frozen=True)
class BoilerplateView:
    """A block removed from the reporting."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ArticleView:
    """One article with everything reports show beside it."""

    ref: ArticleRef
    source: str
    title: str | None
    url: str | None
    date: str | None
    author: str | None
    text: str
    sentences: tuple[SentenceView, ...]
    boilerplate: tuple[BoilerplateView, ...]
    counts: dict[str, int]
    """Number of facts of each status ("shared", "unique", "contradiction") the article reports."""
    quotes: tuple[QuoteView, ...] | None
    warnings: tuple[str, ...]
    marks: tuple[MarkView, ...] | None = None
    """The article's language marks in text order; None when the language analysis did not run."""

    @property
    def most_loaded(self) -> SentenceView | None:
        """The sentence with the most word-level marks (ties: the more confidently biased one, then the
        first); None when nothing in the article is marked."""
        best = max(
            self.sentences,
            key=lambda s: (sum(1 for _, m in s.pieces if m is not None), s.biased.score if s.biased else 0.0),
            default=None,
        )
        if best is None or not (best.biased or any(m is not None for _, m in best.pieces)):
            return None
        return best

    @property
    def paragraphs(self) -> tuple[tuple[SentenceView, ...], ...]:
        """The sentences grouped by paragraph, in order."""
        groups: list[list[SentenceView]] = []
        last: int | None = None
        for sent in self.sentences:
            if not groups or sent.paragraph != last:
                groups.append([])
                last = sent.paragraph
            groups[-1].append(sent)
        return tuple(tuple(group) for group in groups)


def article_view(
    comparison: Comparison, art: Article, facts: tuple[FactView, ...], refs: dict[str, ArticleRef]
) -> ArticleView:
    """One article of the comparison with its sentences tagged by the ``facts`` whose evidence lies in them.

    Args:
        comparison: the comparison the article belongs to.
        art: the article.
        facts: the comparison's fact views (empty when fact alignment did not run).
        refs: how reports name each article, by id.

    Returns:
        The article's view.
    """
    marks = mark_views(comparison, art.id)
    ids = {sent.id for sent in art.sentences}
    tags: dict[str, list[FactTag]] = {sent.id: [] for sent in art.sentences}
    counts = dict.fromkeys(STATUSES, 0)
    for fact in facts:
        mine = [ev for ev in fact.evidence if ev.article == art.id]
        if art.id in {ref.id for ref in fact.articles} or mine:
            counts[fact.status] += 1
        tag = FactTag(fact.id, fact.status, fact.conflicts, tuple(r for r in fact.articles if r.id != art.id))
        for ev in mine:
            # Evidence names its sentence; an unknown id falls back to the sentences its offsets overlap.
            hits = (
                [ev.sentence]
                if ev.sentence in ids
                else [s.id for s in art.sentences if s.start < max(ev.end, ev.start + 1) and ev.start < s.end]
            )
            for sid in hits:
                if tag not in tags[sid]:
                    tags[sid].append(tag)
    return ArticleView(
        ref=refs[art.id],
        source=art.source,
        title=art.title,
        url=art.url,
        date=art.date,
        author=art.author,
        text=art.text,
        sentences=tuple(
            SentenceView(
                s.id,
                s.text,
                s.start,
                s.end,
                s.paragraph,
                tuple(tags[s.id]),
                pieces(art.text, s.start, s.end, [m for m in marks or () if m.sentence == s.id]),
                next((m for m in marks or () if m.sentence == s.id and m.kind == "biased_sentence"), None),
            )
            for s in art.sentences
        ),
        boilerplate=tuple(BoilerplateView(b.kind, b.text, b.start, b.end) for b in art.boilerplate),
        counts=counts,
        quotes=quote_views(comparison, art.id),
        warnings=tuple(art.warnings),
        marks=marks,
    )
