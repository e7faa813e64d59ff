"""Base noun phrases: spaCy's noun chunks, mended where a hyphenated modifier breaks them.

spaCy's parser reads the words inside a hyphenated modifier as phrases of their own: in "out-of-state
bondholders" the "state" of "out-of-state" is the object of "of", so the noun chunks hold "state" and
drop "bondholders" (their iterator never lets two chunks overlap); "state-of-the-art facility" gives
"the-art", "over-the-counter drugs" gives "the-counter". Here a chunk that holds part of a hyphenated
word modifying a noun to its right gives way to that noun's chunk, from its leftmost dependent
("out-of-state bondholders", "the state-of-the-art facility"); a chunk holding the head of a
hyphenated word is widened to the whole word ("President Moon Jae" + "-in", "his son" + "-in-law"),
and so is any other piece unless a chunk already holds the word ("law" of "son-in-law").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NOUNS = ("NOUN", "PROPN")


def _hyphen_runs(doc: "Doc") -> list[int]:
    """Per token, the index of the first token of the hyphenated word it belongs to, or -1 for none."""
    run = [-1] * len(doc)
    for t in doc:
        if t.text != "-" or t.i == 0 or t.i + 1 >= len(doc):
            continue
        left, right = doc[t.i - 1], doc[t.i + 1]
        if left.whitespace_ or t.whitespace_ or left.is_punct or right.is_punct:
            continue
        first = run[left.i] if run[left.i] >= 0 else left.i
        for i in range(left.i, right.i + 1):
            run[i] = first
    return run


def _run_root(token: "Token", run: list[int]) -> "Token":
    """The word of the hyphenated word holding ``token`` whose head lies outside it."""
    node = token
    while node.head.i != node.i and run[node.head.i] == run[token.i]:
        node = node.head
    return node


def noun_chunks(doc: "Doc") -> list["Span"]:
    """The doc's base noun phrases in text order (rule in the module note)."""
    chunks = list(doc.noun_chunks)
    run = _hyphen_runs(doc)
    if max(run, default=-1) < 0:
        return chunks
    last: dict[int, int] = {}
    for i, first in enumerate(run):
        if first >= 0:
            last[first] = i
    kept: list[Span] = []
    mended: list[Span] = []
    for chunk in chunks:
        cut = [f for f in {run[t.i] for t in chunk if run[t.i] >= 0} if f < chunk.start or last[f] >= chunk.end]
        if not cut:
            kept.append(chunk)
            continue
        root = _run_root(chunk.root, run) if run[chunk.root.i] >= 0 else chunk.root
        target = root.head
        if run[root.i] >= 0 and target.i > root.i and run[target.i] != run[root.i] and target.pos_ in _NOUNS:
            mended.append(doc[target.left_edge.i : target.i + 1])  # "out-of-state" modifies "bondholders"
        else:  # "President Moon Jae" + "-in", "his son" + "-in-law", "law" + "son-in-"
            mended.append(doc[min(chunk.start, *cut) : max(chunk.end, *(last[f] + 1 for f in cut))])
    for span in mended:
        if not any(c.start < span.end and span.start < c.end for c in kept):
            kept.append(span)
    return sorted(kept, key=lambda c: c.start)
