"""Word-choice gold sets as BABE-style training rows for ``slant train babe``.

Each body sentence of each article becomes a row: Biased when the set lists it among its biased
sentences or a ``loaded`` / ``intensifier`` mark lies in it. Its bias-carrying words are known by
place: the words of those marks (the function words inside a phrase left out, unless the phrase has
nothing else: "So much for"). Sentences that quote someone at length are left out: quoted words are
never marked, so a loaded word inside the quote would be taught as neutral.
"""

from __future__ import annotations

from pathlib import Path

from slant.analyses.quotes.quotemarks import find_quoted
from slant.eval.babe import Row, content_spans
from slant.eval.language_gold import GoldMark, load_gold
from slant.nlp.parse import sentences_of
from slant.nlp.resources import Resources
from slant.settings import Settings

LOADED = ("loaded", "intensifier")
_LONG_QUOTE = 4
"""Quotes of this many words or more are someone's speech, not a scare quote."""


def _long_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of the article's quotations of ``_LONG_QUOTE`` words or more, marks included."""
    return [
        (q.open, q.close + 1)
        for q in find_quoted(text)
        if q.close is not None and len(text[q.start : q.end].split()) >= _LONG_QUOTE
    ]


def _word_spans(text: str, mark: GoldMark, offset: int) -> list[tuple[int, int]]:
    """Spans (relative to ``offset``) of the mark's words that carry it."""
    return [(a - offset, b - offset) for a, b in content_spans(text, mark.start, mark.end)]


def gold_rows(folder: Path, settings: Settings | None = None) -> list[Row]:
    """The rows of every word-choice gold set under ``folder`` (see the module note).

    Raises:
        InputError: the gold is missing or unusable (see ``slant.eval.language_gold``).
    """
    resources = Resources(settings)
    rows: list[Row] = []
    for gold in load_gold(folder, settings):
        for article in gold.articles:
            marks = [m for m in gold.marks if m.article == article.id and m.kind in LOADED]
            starts = [offset for a, offset in gold.biased if a == article.id]
            quoted = _long_quotes(article.text)
            for s in sentences_of(article, resources.nlp(article.text)):
                if any(s.start < b and a < s.end for a, b in quoted):
                    continue
                inside = [m for m in marks if s.start <= m.start < s.end]
                spans = tuple(span for m in inside for span in _word_spans(article.text, m, s.start))
                biased = int(bool(inside) or any(s.start <= o < s.end for o in starts))
                rows.append(Row(s.text, biased, frozenset(), spans))
    return rows
