"""How articles describe an actor beyond its name: titles, appositions and descriptions standing for it.

"Former deputy Housing Secretary Lin", "Lin, a veteran budget writer,", "Lin is a hardliner",
"the housing czar": each gives a description, compared across articles by its normalised wording
("city councilwoman" and "councilwoman" count as one through ``suffix_keys``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from slant.analyses.actors.names import ROLE_WORDS, TITLE_WORDS
from slant.model import Actor, Comparison

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

QUOTE_CHARS = "\"'“”‘’„«»"
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "mr.", "mrs.", "ms.", "dr."}
_MAX_DESCRIPTION = 7


@dataclass
class Use:
    """One place an article names something: where, and the wording compared across articles."""

    article: str
    key: str
    text: str
    start: int
    end: int
    wording: str = ""
    """For same-head phrases: the modifiers and the head's lemma, lower-cased, quotation marks dropped."""


def _description_tokens(doc: "Doc", first: int, last: int) -> list["Token"]:
    """Title words written right before a name: "Former deputy Housing Secretary" / "Lin's “housing czar”"."""
    out: list[Token] = []
    i = first - 1
    while i >= 0 and len(out) < _MAX_DESCRIPTION:
        tok = doc[i]
        if tok.text in QUOTE_CHARS:
            i -= 1
            continue
        inside = first <= tok.head.i <= last or (out and tok.head.i == out[0].i) or tok.head.i > i
        if tok.dep_ in {"compound", "amod", "nmod"} and tok.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"} and inside:
            out.insert(0, tok)
            i -= 1
            continue
        break
    while out and out[0].lower_ in HONORIFICS:
        out.pop(0)
    return out


def _noun_phrase(head: "Token") -> list["Token"]:
    """A description headed by ``head`` without determiners, clauses or prepositional phrases:
    "a tax-and-spend liberal on budgets" -> "tax-and-spend liberal"."""
    first = head.i
    for child in head.lefts:
        if child.dep_ in {"amod", "compound", "nmod", "npadvmod", "advmod", "punct"} or child.text == "-":
            first = min(first, child.left_edge.i)
    words = [
        t
        for t in head.doc[first : head.i + 1]
        if t.dep_ not in {"det", "poss", "predet", "case"} and t.text not in QUOTE_CHARS and t.text not in ",;:()"
    ]
    while words and words[0].text == "-":
        words.pop(0)
    return words


def _label_tokens(doc: "Doc", first: int, last: int) -> list[list["Token"]]:
    """Descriptions given to the name by apposition ("Brody, a veteran budget writer,") or by a copula
    ("Brody is a hardliner"); short ones only, never another person's name."""
    root = doc[first : last + 1].root
    heads = [c for c in root.children if c.dep_ == "appos" and c.i > last]
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        heads += [c for c in root.head.children if c.dep_ == "attr"]
    out = []
    for head in heads:
        if head.pos_ not in {"NOUN", "PROPN"}:
            continue
        words = _noun_phrase(head)
        if 0 < len(words) <= _MAX_DESCRIPTION and not any(t.ent_type_ == "PERSON" for t in words):
            out.append(words)
    return out


def _is_description(tokens: Sequence["Token"]) -> bool:
    """True for a description headed by a common noun or a role ("housing czar", "Housing Secretary"), not "former"."""
    head = tokens[-1]
    if len(tokens) == 1 and head.lower_ in HONORIFICS:
        return False
    return head.pos_ == "NOUN" or head.lower_ in ROLE_WORDS or head.lower_ in TITLE_WORDS


def normal(tokens: Sequence["Token"]) -> str:
    """A description as compared across articles: lower-case unless an acronym or a name."""
    words = [t.text if (t.text.isupper() and len(t.text) > 1) else t.lower_ for t in tokens]
    if tokens[-1].tag_ in {"NNS", "NNPS"} and not tokens[-1].text.isupper():
        words[-1] = tokens[-1].lemma_.lower()
    return "".join(w + t.whitespace_ for w, t in zip(words, tokens, strict=True)).strip()


def actor_uses(comparison: Comparison, actor: Actor) -> list[Use]:
    """Descriptions of one actor in every article: titles, appositions and standalone descriptions."""
    uses: list[Use] = []
    name_words = {w.lower() for alias in [actor.name, *actor.aliases] for w in alias.split() if w[:1].isupper()}
    for mention in actor.mentions:
        doc: Doc = comparison.nlp.docs[mention.article]
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        words = [t for t in span if not t.is_punct and t.dep_ not in {"det", "poss"} and t.text not in QUOTE_CHARS]
        if words and not any(t.text.lower() in name_words for t in words):
            found = [words]  # a description standing for the name: "the housing czar"
        else:
            found = [_description_tokens(doc, span.start, span.end - 1)] if actor.type == "PERSON" else []
            found += _label_tokens(doc, span.start, span.end - 1)
        for tokens in found:
            tokens = [t for t in tokens if t.lower_ not in name_words]
            if tokens and _is_description(tokens):
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                text = "".join(t.text_with_ws for t in doc[tokens[0].i : tokens[-1].i + 1]).rstrip()
                uses.append(Use(mention.article, normal(tokens), text, start, end))
    return uses


def suffix_keys(uses: list[Use]) -> list[Use]:
    """Descriptions keyed by the shortest description they end with: "city councilwoman" -> "councilwoman"."""
    keys = sorted({u.key.lower() for u in uses}, key=lambda k: len(k.split()))
    out = []
    for use in uses:
        key = use.key.lower()
        short = next(k for k in keys if key == k or key.endswith(" " + k))
        out.append(Use(use.article, short, use.text, use.start, use.end))
    return out
