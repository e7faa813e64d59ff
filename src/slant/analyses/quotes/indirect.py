"""Reported (indirect) speech: "X said (that) …", "according to X, …", "X slammed the plan as rushed".

Every sentence outside quotation marks (a headline-like first line aside) is searched for an
"according to" or an active, unnegated reporting verb (``speech.verb_kind``: reporting, naming or
judging) with a subject; what it reports (``reporting.py``) becomes an indirect ``Quote`` when it has
at least three words of its own outside quotation marks and its subject can speak: a person, a group
or an organisation, not a document, nor an outlet (a cited outlet is no speaker). A report whose
content is a noun phrase ("confirmed the plan to The New York Times") counts only when its source is
unnamed or an outlet is cited. An attribution that runs straight into a quotation (‘the camp, she
said, “has become …”’) is left to direct speech.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from slant.analyses.quotes import attribution
from slant.analyses.quotes.attribution import Found
from slant.analyses.quotes.context import ArticleContext, Attr
from slant.analyses.quotes.outlets import tied_outlet
from slant.analyses.quotes.reporting import according_clause, according_to, judgement, reported_clause, subject_of
from slant.analyses.quotes.speakers import Speaker
from slant.analyses.quotes.speech import is_negated, is_passive, may_speak, person_like, verb_kind
from slant.model import Quote

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["indirect_quotes"]

_GOING_ON = frozenset({"go", "continue", "proceed", "repeat"})


def indirect_quotes(ctx: ArticleContext) -> tuple[list[Quote], list[Attr]]:
    """The reported speech of an article, in text order, and the attribution of each quote."""
    quotes: list[Quote] = []
    attrs: list[Attr] = []
    head_lo, head_hi = _headline(ctx.text)
    for sentence in ctx.sentences:
        if head_lo <= sentence.start < head_hi:
            continue
        span = ctx.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            reported = None if ctx.inq[tok.i] else _reported(ctx, tok, sentence.end)
            if reported is None:
                continue
            clause, found = reported
            if sum(1 for t in clause if t.is_alpha and not ctx.inq[t.i]) < 3:
                continue
            attr = ctx.attr(found, direct=False)
            if found.subject is None or attr.speaker is None or not _speaks(found.subject, attr.speaker, found.lemma):
                continue
            quote = ctx.quote(attr, clause.start_char, clause.end_char, direct=False)
            if quote is not None:
                quotes.append(quote)
                attrs.append(attr)
    return quotes, attrs


def _headline(text: str) -> tuple[int, int]:
    """Bounds of a first line that reads as a headline (no closing full stop, more lines follow)."""
    first = text.lstrip()
    line = first.split("\n", 1)[0].rstrip()
    offset = len(text) - len(first)
    if "\n" in first and line and line[-1] not in '.!?"”’' and len(line.split()) < 25:
        return offset, offset + len(line)
    return 0, 0


def _speaks(head: "Token", speaker: Speaker, cue: str) -> bool:
    """Whether what an attribution names can be a speaker (not a document or, after "according to", an outlet)."""
    ref = speaker.referent
    if ref is not None and ref.kind == "outlet":
        return False  # "Reuters reported", "according to Fox News": a cited outlet, not a speaker
    if not may_speak(head):
        return False  # "according to port documents", "licences saying": no one spoke
    if cue != "according to" or ref is None:
        return True
    if ref.anonymous or ref.kind == "person":
        return True
    return (ref.kind == "group" and person_like(head.lemma_)) or (ref.kind == "org" and head.pos_ == "PROPN")


def _object_report(ctx: ArticleContext, verb: "Token", subject: "Token") -> "Span | None":
    """A report whose content is a noun phrase, kept when a source is unnamed or an outlet is cited:
    ‘Two people familiar with the matter confirmed the plan to The New York Times’.
    """
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if not objects or any(person_like(o.lemma_) or _cited(ctx, o.idx) for o in objects):
        return None
    ref = ctx.discourse.speaker(subject).referent
    if not (ref is not None and ref.anonymous) and tied_outlet(verb, ctx.cited) is None:
        return None
    lo, hi = verb.left_edge.i, verb.right_edge.i + 1
    while hi > lo and (ctx.doc[hi - 1].is_punct or ctx.doc[hi - 1].is_space):
        hi -= 1
    return ctx.doc[lo:hi]


def _cited(ctx: ArticleContext, offset: int) -> bool:
    """Whether a character offset lies in an outlet's name the article cites (itself included)."""
    return any(c.start <= offset < c.end for c in ctx.cites)


def _reported(ctx: ArticleContext, tok: "Token", end: int) -> "tuple[Span, Found] | None":
    """The words an "according to" or a reporting verb reports, and its attribution; ``None`` if none."""
    obj = according_to(tok)
    if obj is not None and not ctx.inq[obj.i]:
        clause = according_clause(tok)
        return (clause, Found(tok, "according to", obj, end)) if clause is not None else None
    kind = verb_kind(tok)
    if kind not in ("report", "name", "judge") or is_passive(tok) or is_negated(tok):
        return None
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() not in _GOING_ON:
        return None  # "declined to say", "organized to demand": nothing was reported
    subject = subject_of(tok, ctx.inq)
    if subject is None:
        return None
    found = Found(tok, tok.lemma_.lower(), subject, end)
    if kind != "report":
        clause = judgement(tok, ctx.inq)  # "called such removals a threat", "slammed it as rushed"
        return (clause, found) if clause is not None else None
    clause = reported_clause(tok, ctx.inq)
    if clause is None:
        clause = _object_report(ctx, tok, subject)
        return (clause, found) if clause is not None else None
    if clause.start <= subject.i < clause.end and not tok.left_edge.i <= subject.i <= tok.right_edge.i:
        return None  # the "speaker" is part of what is reported
    if attribution.introduces(tok, ctx.text, ctx.quoted):
        return None
    return clause, found
