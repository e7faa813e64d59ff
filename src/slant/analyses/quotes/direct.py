"""Direct speech: the quoted stretches of an article that are speech, each with its speaker.

A quotation takes the attribution of its own (``attribution.py``: after it, before it, or the verb
governing it, tried in an order that depends on whether it opens its sentence), else that of the
first attributed quotation of its block (the paragraphs of one long quotation). One with none inside
a sentence goes on from an earlier quotation of that sentence, or is no speech at all (a scare quote,
a title, a term; left to the language analysis). One with none that opens its sentence, if it reads
as speech or ends its sentence, continues the attribution just before it when only white space lies
between (a second quoted sentence; a later paragraph of a direct quotation, or the same paragraph as
reported speech); failing that, speech is said by the person the sentence before it introduces, or
stays a quote with no speaker, and anything else is no quote.
"""

from __future__ import annotations

from collections.abc import Callable

from slant.analyses.quotes import attribution
from slant.analyses.quotes.attribution import Found
from slant.analyses.quotes.context import ArticleContext, Attr
from slant.analyses.quotes.quotemarks import Quoted
from slant.model import Quote

__all__ = ["direct_quotes"]

_TRIM = " \t\n,;:"


def direct_quotes(ctx: ArticleContext, indirect: list[Attr]) -> list[Quote]:
    """The direct quotes of an article in text order; ``indirect`` are the attributions of its reported
    speech, which a quotation right after one may continue."""
    own: dict[int, Attr] = {}
    for n, q in enumerate(ctx.quoted):
        found = _own(ctx, q)
        if found is not None:
            own[n] = ctx.attr(found, direct=True)
    by_block: dict[int, Attr] = {}
    for n, q in enumerate(ctx.quoted):
        if n in own and q.block not in by_block:
            by_block[q.block] = own[n]
    quotes: list[Quote] = []
    earlier = list(indirect)
    for n, q in enumerate(ctx.quoted):
        attr = own.get(n) or by_block.get(q.block)
        if attr is None and not attribution.opens_sentence(ctx.text, q, ctx.paragraph_start(q.open)):
            attr = _same_sentence(ctx, n, own)
            if attr is None:
                continue  # a scare quote, a title, a term: not speech
        elif attr is None:
            speech = attribution.speech_like(ctx.doc, q)
            if speech or attribution.ends_sentence(ctx.text, q):
                attr = _continued(ctx, q, earlier)
            if attr is None and speech:
                attr = _introduced(ctx, q)
            if attr is None and not speech:
                continue
        if attr is not None:
            end = q.close + 1 if q.close is not None else q.end
            earlier.append(Attr(attr.speaker, attr.verb, attr.outlet, max(end, attr.end), ctx.paragraph(q.open), True))
        start, stop = q.start, q.end
        while stop > start and ctx.text[stop - 1] in _TRIM:
            stop -= 1
        quote = ctx.quote(attr, start, stop, direct=True)
        if quote is not None:
            quotes.append(quote)
    return quotes


def _own(ctx: ArticleContext, q: Quoted) -> Found | None:
    """The attribution a quotation has of its own, if any."""
    para = ctx.paragraph_start(q.open)
    order: tuple[Callable[[], attribution.Found | None], ...]
    if attribution.opens_sentence(ctx.text, q, para):
        order = (
            lambda: attribution.after(ctx.doc, q, ctx.inq),
            lambda: attribution.before(ctx.doc, q, ctx.inq, ctx.text, para),
            lambda: attribution.governing(ctx.doc, q, ctx.inq),
        )
    else:
        if attribution.is_label(ctx.doc, q):
            return None
        phrase = attribution.phrase_before(ctx.doc, q, ctx.inq)
        if phrase is not None and not phrase.lemma:  # "in the words of one federal monitor, … “…”"
            return phrase
        order = (
            lambda: attribution.governing(ctx.doc, q, ctx.inq),
            lambda: attribution.before(ctx.doc, q, ctx.inq, ctx.text, para),
            lambda: attribution.after(ctx.doc, q, ctx.inq),
            lambda: phrase,
        )
    for attempt in order:
        found = attempt()
        if found is not None:
            return found
    return None


def _continued(ctx: ArticleContext, q: Quoted, earlier: list[Attr]) -> Attr | None:
    """The attribution a quotation with none of its own continues, if only white space lies between."""
    before = [a for a in earlier if a.end <= q.open]
    if not before:
        return None
    last = max(before, key=lambda a: a.end)
    gap = ctx.text[_past_labels(ctx, last.end, q.open) : q.open]
    if gap.strip(" \t\n.,\"'“”‘’") or last.speaker is None:
        return None
    if not last.direct and last.paragraph != ctx.paragraph(q.open):
        return None
    return last


def _past_labels(ctx: ArticleContext, end: int, limit: int) -> int:
    """Where an attribution ending at ``end`` really ends when a quoted title cut it short: the end of
    its sentence if every quotation from ``end`` to there is a label (‘said Trump on NBC's “Today”
    show, according to TIME.’), else ``end``."""
    sentence = ctx.sentence_at(end) or ctx.sentence_at(max(0, end - 1))
    if sentence is None or sentence.end > limit:
        return end
    between = [q for q in ctx.quoted if end <= q.open < sentence.end]
    if not between or not all(attribution.is_label(ctx.doc, q) for q in between):
        return end
    return sentence.end


def _same_sentence(ctx: ArticleContext, n: int, own: dict[int, Attr]) -> Attr | None:
    """The attribution of an earlier quotation in the sentence that a quoted fragment goes on with."""

    def sentence_id(offset: int) -> str | None:
        sentence = ctx.sentence_at(offset)
        return sentence.id if sentence is not None else None

    k = attribution.goes_on_from(ctx.doc, ctx.quoted, n, set(own), ctx.inq, sentence_id)
    return own[k] if k is not None else None


def _introduced(ctx: ArticleContext, q: Quoted) -> Attr | None:
    """The person named as the subject of the sentence just before an unattributed quotation in its
    paragraph (‘Councilwoman Rita Sandoval spoke first. “The contract was rigged. …”’).
    """
    subject = attribution.introduced_by(ctx.doc, q, ctx.inq, ctx.text, ctx.paragraph_start(q.open))
    speaker = ctx.discourse.speaker(subject) if subject is not None else None
    if speaker is None or speaker.referent is None or speaker.referent.kind != "person":
        return None
    return Attr(speaker, None, None, q.open, ctx.paragraph(q.open), True)
