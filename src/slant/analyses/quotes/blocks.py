"""Paragraphs quoted without quotation marks: the block a speech verb and a colon introduce.

‘Lauten wrote in a Facebook post:’ then the post itself as the next paragraph: that paragraph is a
direct ``Quote`` of the verb's subject. Only the paragraph right after one ending with a colon counts,
only when the introducing sentence has no quotation in it and its verb is a speech verb with a
subject, and only when the paragraph opens with no quotation mark and no quote found already covers it.
"""

from __future__ import annotations

from collections.abc import Sequence

from slant.analyses.quotes.attribution import Found
from slant.analyses.quotes.context import ArticleContext
from slant.analyses.quotes.speech import verb_kind
from slant.model import Quote, Sentence

__all__ = ["unmarked_blocks"]

_QUOTE_OPENERS = "\"“‘'«„"


def unmarked_blocks(ctx: ArticleContext, found: Sequence[Quote]) -> list[Quote]:
    """Paragraphs quoted without quotation marks: a paragraph right after one that ends with a
    colon after a speech verb (‘Lauten wrote on Facebook:’ then the post itself), attributed to
    that verb's subject. Only the next paragraph counts, and only if no quote in ``found`` already covers it."""
    paragraphs: list[list[Sentence]] = []
    for sent in ctx.sentences:
        if paragraphs and paragraphs[-1][-1].paragraph == sent.paragraph:
            paragraphs[-1].append(sent)
        else:
            paragraphs.append([sent])
    quotes = []
    for lead, block in zip(paragraphs, paragraphs[1:], strict=False):
        if not lead[-1].text.rstrip().endswith(":") or block[0].paragraph != lead[-1].paragraph + 1:
            continue
        start, end = block[0].start, block[-1].end
        if ctx.text[start] in _QUOTE_OPENERS or any(q.start < end and start < q.end for q in found):
            continue
        verb = _introducing_verb(ctx, lead[-1])
        if verb is not None:
            quote = ctx.quote(ctx.attr(verb, direct=True), start, end, direct=True)
            if quote is not None:
                quotes.append(quote)
    return quotes


def _introducing_verb(ctx: ArticleContext, sentence: Sentence) -> Found | None:
    """The speech verb and subject of a sentence that introduces a block with a colon
    (‘Lauten wrote in a Facebook post:’, ‘Trump lashed out on Twitter, saying:’)."""
    span = ctx.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None or any(ctx.inq[t.i] for t in span):
        return None
    root = span.root
    for verb in [root, *(c for c in root.children if c.dep_ in ("advcl", "xcomp", "conj"))]:
        if verb_kind(verb) is None:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        subject = subject or next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("PROPN", "PRON", "NOUN"):
            return Found(verb, verb.lemma_.lower(), subject, sentence.end)
    return None
