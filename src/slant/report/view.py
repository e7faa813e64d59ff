"""Comparison -> the plain view data every renderer shares; it looks things up, it computes nothing new.

The view answers the questions each report asks of a ``Comparison`` in the
same way for every format: which facts a sentence carries, what text an
evidence span covers (``article.text[start:end]``), how many shared, unique
and contradicting facts an article has, which quotes, cited outlets and
boilerplate belong to it, how often each actor is named in each article, how each names the same referent,
which words and sentences carry a slant and how each article's language profile compares.
A section whose analysis did not run is ``None``; one that ran and found
nothing is an empty tuple, so renderers can tell "not run" from "none".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from slant.model import Article, Comparison, Fact
from slant.report.refs import ArticleRef, ref_of, sentence_text
from slant.report.story_view import (
    InformationalView,
    LeanView,
    PortrayalView,
    SummaryLine,
    VoicesView,
    informational_views,
    lean_views,
    portrayal_views,
    summary_lines,
    voices_views,
)

STATUSES = ("shared", "contradiction", "unique")
# A sentence carrying facts of several statuses is shown in the most telling one.
_PRIORITY = {"contradiction": 0, "shared": 1, "unique": 2}


SECTIONS = (
    ("lean", "Lean: how each article leans, read from its wording"),
    ("summary", "Neutral summary (each sentence cites its sources)"),
    ("side_by_side", "Side by side"),
    ("informational", "Informational bias: what only one article brings in, far from the shared story"),
    ("contradictions", "Contradictions"),
    ("terms", "Word choice: the same thing named differently"),
    ("profiles", "Language profile (marks per 100 words)"),
    ("marks", "Loaded language and framing"),
    ("portrayal", "How each article portrays each actor"),
    ("voices", "Voices: who is quoted"),
    ("quotes", "Quotes"),
    ("sources", "Cited outlets"),
    ("actors", "Actors"),
    ("boilerplate", "Boilerplate removed"),
    ("warnings", "Warnings"),
)
"""The report sections after the header, as (key, title) in the order every renderer shows them."""
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
PORTRAYAL_LIMIT = 10
"""Actors the terminal and Markdown portrayal tables show (most mentioned first); the rest are in the JSON."""


@dataclass(frozen=True)
class ConflictValue:
    """The value one article gives in a conflict."""

    article: ArticleRef
    value: str


@dataclass(frozen=True)
class ConflictView:
    """What aligned claims disagree on."""

    kind: str
    why: str
    values: tuple[ConflictValue, ...]


@dataclass(frozen=True)
class EvidenceView:
    """One evidence span with the text it covers."""

    article: str
    sentence: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FactView:
    """A fact row: its evidence, and its evidence per article in article order."""

    id: str
    status: str
    score: float
    coverage: str
    articles: tuple[ArticleRef, ...]
    missing: tuple[ArticleRef, ...]
    evidence: tuple[EvidenceView, ...]
    cells: tuple[tuple[EvidenceView, ...], ...]
    """For each article of the comparison, in order, the evidence found in it (empty: omitted)."""
    conflicts: tuple[ConflictView, ...]


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
class QuoteView:
    """A quote as reports show it."""

    speaker: str | None
    mention: str | None
    verb: str | None
    text: str
    direct: bool
    anonymous: bool
    sentence: str | None
    cited_outlet: str | None


@dataclass(frozen=True)
class SourceView:
    """An outlet an article cites as its source."""

    article: ArticleRef
    outlet: str
    cue: str
    sentence: str
    sentence_text: str


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


@dataclass(frozen=True)
class ReportView:
    """Everything a renderer shows, in the order it shows it."""

    articles: tuple[ArticleView, ...]
    facts: tuple[FactView, ...] | None
    """Side-by-side order: shared facts, then contradictions, then unique facts."""
    quotes_run: bool
    sources: tuple[SourceView, ...] | None
    actors: tuple[ActorView, ...] | None
    terms: tuple[TermView, ...] | None
    profiles: tuple[ProfileView, ...] | None
    portrayal: tuple[PortrayalView, ...] | None
    """Actors with a portrayal, most mentioned first; None when the portrayal analysis did not run."""
    voices: tuple[VoicesView, ...] | None
    lean: tuple[LeanView, ...] | None
    summary: tuple[SummaryLine, ...] | None
    informational: tuple[InformationalView, ...] | None
    analyses: tuple[str, ...]
    settings: dict[str, object]
    version: str | None
    warnings: tuple[str, ...]

    def lean_of(self, article_id: str) -> LeanView | None:
        """The lean of an article, when the lean analysis ran."""
        return next((x for x in self.lean or () if x.article.id == article_id), None)

    @property
    def contradictions(self) -> tuple[FactView, ...]:
        """The facts whose articles disagree."""
        return tuple(fact for fact in self.facts or () if fact.status == "contradiction")


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


def span_text(comparison: Comparison, article_id: str, start: int, end: int) -> str:
    """Return ``article.text[start:end]``, or "" when no article has that id."""
    for art in comparison.articles:
        if art.id == article_id:
            return art.text[start:end]
    return ""


def build_view(comparison: Comparison) -> ReportView:
    """Look up everything the reports show, once.

    Args:
        comparison: the comparison to show.

    Returns:
        The view data, in display order.
    """
    refs = {art.id: ArticleRef(art.id, art.outlet or art.id) for art in comparison.articles}
    order = [art.id for art in comparison.articles]
    facts = None if comparison.facts is None else _facts(comparison, refs, order)
    return ReportView(
        articles=tuple(_article(comparison, art, facts or (), refs) for art in comparison.articles),
        facts=facts,
        quotes_run=comparison.quotes is not None,
        sources=None
        if comparison.sources is None
        else tuple(
            SourceView(
                article=ref_of(refs, cite.article),
                outlet=cite.outlet,
                cue=cite.cue,
                sentence=cite.sentence,
                sentence_text=sentence_text(comparison, cite.sentence),
            )
            for cite in comparison.sources
        ),
        actors=None
        if comparison.actors is None
        else tuple(
            ActorView(
                id=actor.id,
                name=actor.name,
                type=actor.type,
                aliases=tuple(actor.aliases),
                counts=tuple(sum(1 for m in actor.mentions if m.article == art_id) for art_id in order),
            )
            for actor in comparison.actors
        ),
        terms=None if comparison.terms is None else _terms(comparison, order),
        profiles=None
        if comparison.profiles is None
        else tuple(
            ProfileView(
                ref_of(refs, p.article), p.words, dict(p.counts), dict(p.rates), p.biased_share, dict(p.attribution)
            )
            for p in comparison.profiles
        ),
        portrayal=None if comparison.voices is None else portrayal_views(comparison, order),
        voices=voices_views(comparison, refs),
        lean=lean_views(comparison, refs),
        summary=summary_lines(comparison),
        informational=informational_views(comparison, refs),
        analyses=tuple(comparison.provenance.analyses) if comparison.provenance else (),
        settings=dict(comparison.provenance.settings) if comparison.provenance else {},
        version=comparison.provenance.version if comparison.provenance else None,
        warnings=tuple(comparison.provenance.warnings) if comparison.provenance else (),
    )


def _terms(comparison: Comparison, order: list[str]) -> tuple[TermView, ...]:
    return tuple(
        TermView(
            id=term.id,
            referent=term.referent,
            why=term.why,
            cells=tuple(
                tuple(VariantView(v.text, v.count, v.loaded) for v in term.variants if v.article == art_id)
                for art_id in order
            ),
        )
        for term in comparison.terms or ()
    )


def _fact_articles(fact: Fact) -> list[str]:
    """The ids of the articles reporting a fact: as stated, else where its evidence lies."""
    if fact.articles:
        return list(fact.articles)
    return list(dict.fromkeys(ev.article for ev in fact.evidence))


def _facts(comparison: Comparison, refs: dict[str, ArticleRef], order: list[str]) -> tuple[FactView, ...]:
    views = []
    for fact in comparison.facts or ():
        evidence = tuple(
            EvidenceView(ev.article, ev.sentence, ev.start, ev.end, span_text(comparison, ev.article, ev.start, ev.end))
            for ev in fact.evidence
        )
        views.append(
            FactView(
                id=fact.id,
                status=fact.status,
                score=fact.score,
                coverage=fact.coverage,
                articles=tuple(ref_of(refs, a) for a in _fact_articles(fact)),
                missing=tuple(ref_of(refs, a) for a in fact.missing),
                evidence=evidence,
                cells=tuple(tuple(ev for ev in evidence if ev.article == art_id) for art_id in order),
                conflicts=tuple(
                    ConflictView(
                        kind=conflict.kind,
                        why=conflict.why,
                        values=tuple(ConflictValue(ref_of(refs, a), value) for a, value in conflict.values.items()),
                    )
                    for conflict in fact.conflicts
                ),
            )
        )
    # Stable sort: the analysis's order is kept inside each status.
    return tuple(sorted(views, key=lambda view: STATUSES.index(view.status)))


def _article(
    comparison: Comparison, art: Article, facts: tuple[FactView, ...], refs: dict[str, ArticleRef]
) -> ArticleView:
    marks = (
        None
        if comparison.language is None
        else tuple(
            MarkView(m.kind, m.category, m.term, m.why, m.score, m.sentence, m.start, m.end)
            for m in comparison.language
            if m.article == art.id
        )
    )
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
                _pieces(art.text, s.start, s.end, [m for m in marks or () if m.sentence == s.id]),
                next((m for m in marks or () if m.sentence == s.id and m.kind == "biased_sentence"), None),
            )
            for s in art.sentences
        ),
        boilerplate=tuple(BoilerplateView(b.kind, b.text, b.start, b.end) for b in art.boilerplate),
        counts=counts,
        quotes=None
        if comparison.quotes is None
        else tuple(
            QuoteView(q.speaker, q.mention, q.verb, q.text, q.direct, q.anonymous, q.sentence, q.cited_outlet)
            for q in comparison.quotes
            if q.article == art.id
        ),
        warnings=tuple(art.warnings),
        marks=marks,
    )


def _pieces(text: str, start: int, end: int, marks: list[MarkView]) -> tuple[tuple[str, MarkView | None], ...]:
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
