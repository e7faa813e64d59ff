"""Scare quotes: quotation marks around a word or short phrase that nobody is quoted as saying.

A quoted stretch (``quotemarks.find_quoted``) is speech, not a scare quote, when any of
the article's quotes overlaps it, or when it reads as speech: more than four words,
a question or exclamation mark (a full stop inside the closing mark is American style, not
speech), a finite verb inside, a comma before the closing mark
followed by a speech verb (‘“Reckless,” she said’), or a speech verb it hangs from
(‘called it “a disaster”’, ‘dismissed as “hysterical”’). Titles of works and written texts after a cue
word (‘the book “Hillbilly Elegy”’, ‘signs reading “No More”’) and nicknames between names (‘Dwayne “The Rock”
Johnson’) are neither. A short label right after "so-called" is always the writer's distance, even inside
reported speech, and so is one a branding verb pins on something (‘branded the plan a “power grab”’,
‘painted him as a “victim”’), even when the one who pinned it is named, as the brief the word-choice gold
was written from counts a label after "so-called" or "branded". What remains — ‘a “living wage”
ordinance’, ‘the “housing czar”’ — is the writer's scare quote: it puts distance between the writer and the word.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from slant.analyses.quotes.quotemarks import Quoted
from slant.analyses.quotes.speech import verb_kind
from slant.model import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MAX_WORDS = 4
RANK = 0
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_TITLE_CUES = frozenset(
    """titled entitled book books film films movie song album show series episode documentary podcast
    play poem novel memoir headline article column essay op-ed editorial hashtag slogan motto
    chant nickname nicknamed dubbed read reads reading""".split()
)
"""Words before a quoted title, name or written text: ‘the film “Sound of Freedom”’, ‘signs reading “Justice
for Jalen”’ (words written on a sign, a shirt or a banner are quoted writing, not the writer's distance)."""
_NICKNAME_NEXT = frozenset({"PROPN"})
_BRANDING = frozenset({"brand", "dub", "label", "paint", "tar", "tag"})
"""Verbs that pin a label on something (‘branded the plan a “power grab”’, ‘painted him as a “victim”’): the
label they quote is a scare quote even when the one who pinned it is named, as the word-choice brief counts it."""
_LABEL_SLOTS = frozenset({"dobj", "oprd", "attr", "appos", "pobj", "ccomp", "acomp", "npadvmod"})


def _words(span: "Span") -> int:
    return sum(1 for t in span if any(ch.isalnum() for ch in t.text))


def _overlaps(q: Quoted, quotes: Sequence[Quote]) -> bool:
    return any(q.start < quote.end and quote.start < q.end for quote in quotes)


def _titled(doc: "Doc", span: "Span") -> bool:
    """A title of a work or a written text after a cue word (‘the film “Sound of Freedom”’)."""
    before = [t for t in doc[max(0, span.start - 4) : span.start] if not t.is_punct]
    return any(t.lower_ in _TITLE_CUES for t in before)


def _nickname(doc: "Doc", span: "Span") -> bool:
    """A nickname between the parts of a name (‘Dwayne “The Rock” Johnson’)."""
    prev = next((t for t in reversed(doc[: span.start]) if not t.is_punct), None)
    nxt = next((t for t in doc[span.end :] if not t.is_punct), None)
    return bool(
        prev is not None
        and nxt is not None
        and prev.is_title
        and nxt.is_title
        and prev.pos_ == "PROPN"
        and nxt.pos_ in _NICKNAME_NEXT
        and nxt.i - span.end <= 1
    )


def _so_called(doc: "Doc", q: Quoted) -> bool:
    """A short quoted label right after "so-called": the writer's distance, whoever is reported around it."""
    before = doc.text[max(0, q.start - 14) : q.start].lower().rstrip("\"“‘' ")
    inner = doc.text[q.start : q.end]
    return before.endswith("so-called") and 1 <= len(inner.split()) <= MAX_WORDS


def _branded(span: "Span") -> bool:
    """A short label a branding verb pins on something: the label fills the verb's object or predicate slot,
    directly, as an apposition to its object or after "as". A label in Title Case is a name (‘dubbed “The
    Beast”’), left to the title rule."""
    if all(t.text[:1].isupper() for t in span if t.is_alpha):
        return False
    node = span.root
    for _ in range(3):
        if node.head.i == node.i or not (node.dep_ in _LABEL_SLOTS or (node.dep_ == "prep" and node.lower_ == "as")):
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() in _BRANDING
        if not (node.lower_ == "as" or node.dep_ in ("dobj", "appos")):
            return False
    return False


def _attributed(doc: "Doc", q: Quoted, span: "Span") -> bool:
    """Words a speech verb gives to someone: the verb governs them, or follows a comma closing them."""
    root = span.root
    node = root
    for _ in range(3):
        if node.dep_ in ("nsubj", "nsubjpass") or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.tag_.startswith("VB"):
            if verb_kind(node) is not None:
                return True
            break
    inner = doc.text[q.start : q.end].rstrip()
    if inner.endswith(",") or (q.close is not None and doc.text[q.close + 1 : q.close + 2] == ","):
        after = doc[span.end : span.end + 5]
        return any(verb_kind(t) in ("report", "manner") for t in after)
    return False


def is_scare_quote(doc: "Doc", q: Quoted, quotes: Sequence[Quote]) -> bool:
    """Whether a quoted stretch is a scare quote (see the module docstring).

    Args:
        doc: the article's parse.
        q: a quoted stretch of the article's text.
        quotes: the article's quotes; a stretch any of them overlaps is speech.
    """
    if q.close is None:
        return False
    if _so_called(doc, q):
        return True
    end = term_end(doc.text, q)
    inner = doc.text[q.start : end].strip().rstrip(",")
    if not inner or inner[-1] in ".!?…":
        return False
    span = doc.char_span(q.start, end, alignment_mode="expand")
    if span is None or not 1 <= _words(span) <= MAX_WORDS:
        return False
    if any(t.tag_ in _FINITE for t in span):
        return False
    if _branded(span):
        return True
    if _overlaps(q, quotes):
        return False
    return not (_titled(doc, span) or _nickname(doc, span) or _attributed(doc, q, span))


def term_end(text: str, q: Quoted) -> int:
    """Where the quoted term ends: before a single full stop set inside the closing mark (American style:
    So much for "dialogue.")."""
    inner = text[q.start : q.end].rstrip()
    stop = inner.endswith(".") and not inner.endswith("..") and len(inner) > 1
    return q.start + len(inner) - int(stop)


def why(term: str) -> str:
    """The explanation of a scare-quote mark."""
    return (
        f'quotation marks around "{term}", with no one quoted as saying it, keep the writer at a distance from the word'
    )
