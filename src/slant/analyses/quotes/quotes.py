"""Quotes, their speakers (pronouns and titles resolved), speech verbs, anonymous sources and cited outlets.

For every article: each quoted stretch that is speech becomes a direct
``Quote`` with the speaker its attribution names; quotations with no
attribution of their own continue the speech just before them (later
paragraphs of a long quotation, a second quoted sentence); short unattributed
quoted phrases are scare quotes and are left to the language analysis
(``direct.py``). Reported speech ("X said (that) …", "according to X, …",
"X slammed the plan as rushed") becomes an indirect ``Quote`` (``indirect.py``),
and a paragraph a speech verb and a colon introduce is a direct one even without
quotation marks (``blocks.py``). Only people and organisations speak: a document,
a sign or an outlet cited with "according to" does not. Outlets cited as
sources (other than the article's own) become ``SourceCite``s, and the
``cited_outlet`` of the quotes whose attribution names them. When ``comparison.actors`` is filled, speakers are
named and linked as the actors analysis names them (``context.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from slant.analyses.quotes.blocks import unmarked_blocks
from slant.analyses.quotes.context import ArticleContext
from slant.analyses.quotes.direct import direct_quotes
from slant.analyses.quotes.indirect import indirect_quotes
from slant.errors import PipelineError
from slant.model import Actor, Article, Comparison, Quote, SourceCite

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from slant.nlp.resources import Resources
    from slant.settings import Settings


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """Find the quotes and cited outlets of every article.

    Args:
        comparison: parsed articles (``comparison.nlp.docs``); ``actors`` used when present.
        resources: unused; models are never loaded here.
        settings: unused.

    Returns:
        ``{"quotes": [Quote, ...], "sources": [SourceCite, ...]}`` in article and text order.

    Raises:
        PipelineError: the articles were not parsed first.
    """
    docs = getattr(comparison.nlp, "docs", None)
    if docs is None:
        raise PipelineError("the quotes analysis needs parsed articles; run slant.nlp.parse.parse() first")
    quotes: list[Quote] = []
    sources: list[SourceCite] = []
    for article in comparison.articles:
        if article.id not in docs:
            raise PipelineError(f"article {article.id!r} was not parsed; run slant.nlp.parse.parse() first")
        found_quotes, found_sources = ArticleQuotes(article, docs[article.id], comparison.actors or []).find()
        quotes += found_quotes
        sources += found_sources
    return {"quotes": quotes, "sources": sources}


class ArticleQuotes:
    """Quotes and cited outlets of one parsed article."""

    def __init__(self, article: Article, doc: "Doc", actors: Sequence[Actor]) -> None:
        self.context = ArticleContext(article, doc, actors)

    def find(self) -> tuple[list[Quote], list[SourceCite]]:
        """Quotes (direct and indirect, in text order) and cited outlets of the article."""
        ctx = self.context
        indirect, indirect_attrs = indirect_quotes(ctx)
        quotes = direct_quotes(ctx, indirect_attrs) + indirect
        quotes += unmarked_blocks(ctx, quotes)
        quotes.sort(key=lambda q: (q.start, not q.direct))
        sources = []
        for cite in ctx.cited:
            sentence = ctx.sentence_at(cite.cue_start)
            if sentence is None:
                continue
            sources.append(
                SourceCite(
                    article=ctx.article.id,
                    outlet=cite.outlet,
                    sentence=sentence.id,
                    start=cite.cue_start,
                    end=cite.cue_end,
                    cue=ctx.text[cite.cue_start : cite.cue_end],
                )
            )
        return quotes, sources
