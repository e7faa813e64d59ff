"""Claim units: sentences, cut into clauses where one sentence joins several independent claims.

A unit also carries what alignment and contradiction checks read from it: its
content lemmas, the actors it names, the quantities it states and whether its
main verbs are negated. Built once per comparison from the parsed documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from slant.analyses.facts.quantities import Quantity, quantities_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from slant.model import Actor, Comparison

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
_CLAUSE_DEPS = {"conj"}
_MIN_CLAUSE_TOKENS = 5
_MIN_PREDICATE_TOKENS = 6
_CONTRAST_MARKS = {"while", "whereas", "although", "though"}


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
    """Token indices where another claim starts inside the sentence.

    Claims start at: a verb conjoined to the root with its own subject, or with a
    verb phrase long enough to state something of its own ("voted to clear the
    camp and set aside $4.2 million for beds"); a contrasting or concurrent
    adverbial clause ("..., while setting aside $4.2 million"); and after a semicolon.
    The joining "and"/"but" and commas stay behind and are trimmed.
    """
    cuts: list[int] = []
    for head in _predicates(sent.root):
        cuts += _cuts_below(head)
    for token in sent:
        if token.text == ";" and token.i + 1 < sent.end:
            cuts.append(token.i + 1)
    return sorted(set(c for c in cuts if sent.start < c < sent.end))


def _predicates(root: Any) -> list[Any]:
    """The root and the verbs its main predicate runs through ("voted ... to clear", "said that ...").

    spaCy attaches a purpose infinitive ("voted to clear") as an adverbial clause; it is followed too.
    """
    out = [root]
    frontier = [root]
    while frontier:
        verb = frontier.pop()
        for child in verb.children:
            infinitive = child.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
            if (child.dep_ in {"xcomp", "ccomp"} or infinitive) and child.pos_ in {"VERB", "AUX"} and len(out) < 6:
                out.append(child)
                frontier.append(child)
    return out


def _cuts_below(head: Any) -> list[int]:
    cuts: list[int] = []
    for child in head.children:
        subtree = list(child.subtree)
        start = min(t.i for t in subtree)
        if start <= head.i:
            continue
        if child.dep_ in _CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"}:
            has_subject = any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in child.children)
            if has_subject or len(subtree) >= _MIN_PREDICATE_TOKENS:
                cuts.append(start)
        elif child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _CONTRAST_MARKS for g in child.children):
            cuts.append(start)
    return cuts


def _content_tokens(span: "Span") -> int:
    return sum(1 for t in span if not t.is_punct and not t.is_space)


def _pieces(sent: "Span", split: bool) -> list["Span"]:
    """The sentence cut at its claim boundaries, keeping only cuts that leave every piece a real claim."""
    if not split:
        return [sent]
    kept: list[int] = []
    for cut in _clause_cuts(sent):
        left = sent.doc[kept[-1] if kept else sent.start : cut]
        if _content_tokens(left) >= _MIN_CLAUSE_TOKENS:
            kept.append(cut)
    if kept and _content_tokens(sent.doc[kept[-1] : sent.end]) < _MIN_CLAUSE_TOKENS:
        kept.pop()
    bounds = [sent.start, *kept, sent.end]
    return [sent.doc[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


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
            # "voted no" is a vote, not a negation; only "not"/"n't"/"never" negate the verb
            negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in t.children)
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
