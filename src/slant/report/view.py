"""Comparison -> the plain view data every renderer shares; it looks things up, it computes nothing new.

``build_view`` is what renderers call: it assembles one ``ReportView`` from the section views, each
built by the module for its sections (dependencies run one way, from here down):

- ``article_view``: the header row and column of each article (sentences tagged with facts and marks)
- ``facts_view``: side by side, contradictions, informational bias
- ``judgement_view``: lean, neutral summary
- ``language_view``: word choice (terms), language profiles, loaded language and framing (marks)
- ``actors_view``: actors, portrayal, voices
- ``quotes_view``: quotes, cited outlets
- ``refs``: how reports name articles and look up sentence texts

The view answers the questions each report asks of a ``Comparison`` in the same way for every
format. A section whose analysis did not run is ``None``; one that ran and found nothing is an empty
tuple, so renderers can tell "not run" from "none".
"""

from __future__ import annotations

from dataclasses import dataclass

from slant.model import Comparison
from slant.report.actors_view import (
    ActorView,
    PortrayalView,
    VoicesView,
    actor_views,
    portrayal_views,
    voices_views,
)
from slant.report.article_view import ArticleView, article_view
from slant.report.facts_view import FactView, InformationalView, fact_views, informational_views
from slant.report.judgement_view import LeanView, SummaryLine, lean_views, summary_lines
from slant.report.language_view import ProfileView, TermView, profile_views, term_views
from slant.report.quotes_view import SourceView, source_views
from slant.report.refs import ArticleRef

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


def build_view(comparison: Comparison) -> ReportView:
    """Look up everything the reports show, once.

    Args:
        comparison: the comparison to show.

    Returns:
        The view data, in display order.
    """
    refs = {art.id: ArticleRef(art.id, art.outlet or art.id) for art in comparison.articles}
    order = [art.id for art in comparison.articles]
    facts = fact_views(comparison, refs, order)
    provenance = comparison.provenance
    return ReportView(
        articles=tuple(article_view(comparison, art, facts or (), refs) for art in comparison.articles),
        facts=facts,
        quotes_run=comparison.quotes is not None,
        sources=source_views(comparison, refs),
        actors=actor_views(comparison, order),
        terms=term_views(comparison, order),
        profiles=profile_views(comparison, refs),
        portrayal=portrayal_views(comparison, order),
        voices=voices_views(comparison, refs),
        lean=lean_views(comparison, refs),
        summary=summary_lines(comparison),
        informational=informational_views(comparison, refs),
        analyses=tuple(provenance.analyses) if provenance else (),
        settings=dict(provenance.settings) if provenance else {},
        version=provenance.version if provenance else None,
        warnings=tuple(provenance.warnings) if provenance else (),
    )
