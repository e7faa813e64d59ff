"""Claim units: sentences, cut into clauses where one sentence joins several independent claims.

A unit also carries what alignment and contradiction checks read from it: its
content lemmas, the actors it names, the quantities it states and whether its
main verbs are negated. Built once per comparison from the parsed documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from slant.analyses.quantities import Quantity, quantities_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from slant.model import Actor, Comparison

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
_CLAUSE_DEPS = {"conj"}
_MIN_CLAUSE_TOKENS = 5


@dataclass
class Unit:
    """One claim unit of one article."""

    index: int
    article: str
    sentence: str
    start: int
    end: int
    text: str
    lemmas: frozenset[str]
    actors: frozenset[str]
    quantities: list[Quantity] = field(default_factory=list)
    verbs: dict[str, bool] = field(default_factory=dict)
    """Lemma of each verb -> whether it is negated."""


def _clause_cuts(sent: "Span") -> list[int]:
    """Token indices where an independent clause starts inside the sentence.

    A clause starts at a verb conjoined to the root that has its own subject,
    cut just after the comma or conjunction that joins it; and after a semicolon.
    """
    cuts: list[int] = []
    root = sent.root
    for child in root.children:
        if child.dep_ in _CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"}:
            if any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in child.children):
                # the clause starts at its subject; the "and"/"but" and commas joining it stay behind and are trimmed
                cuts.append(min(t.i for t in child.subtree))
    for token in sent:
        if token.text == ";" and token.i + 1 < sent.end:
            cuts.append(token.i + 1)
    return sorted(set(c for c in cuts if sent.start < c < sent.end))


def _pieces(sent: "Span", split: bool) -> list["Span"]:
    if not split:
        return [sent]
    cuts = _clause_cuts(sent)
    bounds = [sent.start, *cuts, sent.end]
    pieces = [sent.doc[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    if any(sum(1 for t in p if not t.is_punct) < _MIN_CLAUSE_TOKENS for p in pieces):
        return [sent]
    return pieces


def _trim(piece: "Span") -> tuple[int, int]:
    """Character bounds of a piece without the commas, semicolons and conjunctions at its edges."""
    tokens = list(piece)

    def loose(t: Any) -> bool:
        return t.is_space or t.text in {",", ";", "—", "–", "-"} or t.dep_ == "cc"

    while tokens and loose(tokens[0]):
        tokens.pop(0)
    while tokens and loose(tokens[-1]):
        tokens.pop()
    if not tokens:
        return piece.start_char, piece.end_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _actors_in(actors: list["Actor"], article: str, start: int, end: int) -> frozenset[str]:
    return frozenset(
        a.id for a in actors for m in a.mentions if m.article == article and start <= m.start and m.end <= end
    )


def _verbs(piece: "Span") -> dict[str, bool]:
    verbs: dict[str, bool] = {}
    for t in piece:
        if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"aux", "auxpass"}:
            negated = any(c.dep_ == "neg" or c.lower_ in {"never", "no"} for c in t.children)
            negated = negated or any(
                c.dep_ == "neg" for a in t.children if a.dep_ in {"aux", "auxpass"} for c in a.children
            )
            verbs[t.lemma_.lower()] = verbs.get(t.lemma_.lower(), False) or negated
    return verbs


def build_units(comparison: "Comparison", split: bool = True) -> list[Unit]:
    """Cut every article's sentences into claim units.

    Args:
        comparison: a parsed comparison (``comparison.nlp.docs`` set; actors optional).
        split: cut sentences into independent clauses.

    Returns:
        Units in article order, then text order; ``index`` is the position in the list.
    """
    actors = comparison.actors or []
    units: list[Unit] = []
    for article in comparison.articles:
        doc: Doc = comparison.nlp.docs[article.id]
        for sentence in article.sentences:
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None:
                continue
            for piece in _pieces(span, split):
                start, end = _trim(piece)
                start, end = max(start, sentence.start), min(end, sentence.end)
                text = article.text[start:end]
                if not any(ch.isalnum() for ch in text):
                    continue
                lemmas = frozenset(
                    t.lemma_.lower() for t in piece if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha
                )
                units.append(
                    Unit(
                        index=len(units),
                        article=article.id,
                        sentence=sentence.id,
                        start=start,
                        end=end,
                        text=text,
                        lemmas=lemmas,
                        actors=_actors_in(actors, article.id, start, end),
                        quantities=quantities_in(piece),
                        verbs=_verbs(piece),
                    )
                )
    return units


def unit_vectors(units: list[Unit], comparison: "Comparison", embed: Any) -> np.ndarray:
    """Embeddings of the units: the sentence's own vector when the unit is the whole sentence.

    Args:
        units: claim units.
        comparison: the comparison whose ``nlp.vectors`` hold sentence embeddings.
        embed: callable ``list[str] -> np.ndarray`` for units cut from a sentence.
    """
    sentence_row: dict[str, tuple[str, int]] = {}
    for article in comparison.articles:
        for i, s in enumerate(article.sentences):
            sentence_row[s.id] = (article.id, i)
    whole: dict[int, np.ndarray] = {}
    partial: list[Unit] = []
    for u in units:
        art, row = sentence_row[u.sentence]
        sent = comparison.article(art).sentences[row]
        if u.start == sent.start and u.end == sent.end:
            whole[u.index] = comparison.nlp.vectors[art][row]
        else:
            partial.append(u)
    extra = embed([u.text for u in partial]) if partial else None
    dim = next(iter(whole.values())).shape[0] if whole else (extra.shape[1] if extra is not None else 0)
    out = np.zeros((len(units), dim), dtype=np.float32)
    for idx, vec in whole.items():
        out[idx] = vec
    for k, u in enumerate(partial):
        assert extra is not None
        out[u.index] = extra[k]
    return out
