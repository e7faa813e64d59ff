"""Mention candidates of one article: the noun phrases, names and titles that may name a referent.

A mention is a base noun phrase (spaCy's noun chunks as ``nlp/chunks.py`` mends them, leading
articles and demonstratives left out), a named entity outside any chunk, the name inside a titled
name ("North Korean leader Kim Jong Un" gives "Kim Jong Un" and its title "North Korean leader"),
and a name or nationality modifying another noun ("Trump" in "the Trump administration",
"Japanese" in "Japanese officials"). In sentences that report a fact another article also
reports, the main verbs with their particles are actions ("tore down", "dismantled"): the same
event told with other verbs. An actor mention no other candidate overlaps is a name of its own.
Pronouns, numbers, dates and amounts are not referents; neither are speech verbs, which the quotes
analysis reads. Only sentences of the article body are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from slant.analyses.actors.names import coordinated, hyphen_tail, names_several
from slant.nlp.chunks import noun_chunks

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DROP_FIRST = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_NOT_REFERENT_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
_QUOTES = "\"'“”‘’„«»"
_MAX_TOKENS = 12


@dataclass(frozen=True)
class Candidate:
    """One place an article may name a referent (token and character offsets into its doc)."""

    article: str
    first: int
    """Index of the first token."""
    last: int
    """Index of the last token (inclusive)."""
    head: int
    """Index of the syntactic head token."""
    start: int
    end: int
    text: str
    kind: str
    """``name`` (a proper name), ``title`` (a description written against a name), ``nominal``,
    ``action`` (a verb and its particles)."""
    label: str
    """spaCy's entity label of the head, or ``""``."""


def _trim(tokens: Iterable["Token"]) -> list["Token"]:
    words = list(tokens)
    while words and (
        words[0].lower_ in _DROP_FIRST or words[0].is_punct or words[0].text in _QUOTES or words[0].pos_ == "CCONJ"
    ):
        words.pop(0)
    while words and (
        words[-1].is_punct or words[-1].text in _QUOTES or words[-1].tag_ == "POS" or words[-1].pos_ == "CCONJ"
    ):
        words.pop()
    return words


def _make(article: str, doc: "Doc", words: Sequence["Token"], head: "Token", kind: str) -> Candidate | None:
    if not words or len(words) > _MAX_TOKENS or not any(ch.isalpha() for t in words for ch in t.text):
        return None
    if head.pos_ == "PRON" or head.ent_type_ in _NOT_REFERENT_LABELS or head.like_num:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    text = "".join(t.text_with_ws for t in words).rstrip()
    if kind == "name" and names_several(words, head.ent_type_):
        kind = "nominal"  # several people or places under one entity, no one name
    return Candidate(article, words[0].i, words[-1].i, head.i, start, end, text, kind, head.ent_type_)


def _names_in(span: "Span") -> list["Span"]:
    """The names inside a span, with a hyphenated end the tagger left out ("Moon Jae" + "-in")."""
    return [hyphen_tail(e) for e in span.ents if e.label_ in _NAME_LABELS]


def _chunk_mentions(article: str, doc: "Doc", chunk: "Span") -> Iterator[Candidate]:
    root = chunk.root
    owner = next((c for c in root.children if c.dep_ == "poss" and c.i < root.i), None)
    if owner is not None and owner.pos_ != "PRON":
        # "Donald Trump's border czar": the czar is named after the possessor, which is a mention of its own.
        possessor = doc[owner.left_edge.i : owner.i + 1]
        if found := _make(article, doc, _trim(possessor), owner, "name" if owner.ent_type_ else "nominal"):
            yield found
        yield from _modifying_names(article, doc, _names_in(possessor), possessor.start, owner.i)
        chunk = doc[owner.right_edge.i + 1 : chunk.end]
    words = _trim(chunk)
    if not words:
        return
    names = _names_in(chunk)
    head_name = next((e for e in names if e.start <= root.i < e.end), None)
    if head_name is not None and coordinated(doc[words[0].i : head_name.start + 1]):
        # "North and South Korea": several places under one head, not a title and a name.
        if (found := _make(article, doc, words, root, "nominal")) is not None:
            yield found
    elif head_name is not None and head_name.start > words[0].i:
        # "North Korean leader Kim Jong Un": the name, and the title written against it.
        title = _trim(doc[words[0].i : head_name.start])
        if title and any(t.pos_ in {"NOUN", "PROPN"} for t in title):
            title_head = max(title, key=lambda t: t.i if t.pos_ in {"NOUN", "PROPN"} else -1)
            if (found := _make(article, doc, title, title_head, "title")) is not None:
                yield found
        if (found := _make(article, doc, _trim(head_name), root, "name")) is not None:
            yield found
    else:
        kind = "name" if head_name is not None else "nominal"
        if (found := _make(article, doc, words, root, kind)) is not None:
            yield found
    yield from _modifying_names(article, doc, names, words[0].i, root.i)


def _modifying_names(article: str, doc: "Doc", names: list["Span"], first: int, head: int) -> Iterator[Candidate]:
    """The names written from token ``first`` up to a head noun, each a mention of its own: "Trump" in "the
    Trump administration", "Japanese" in "Japanese officials", "Trump" in "the Trump campaign's motion"."""
    for ent in names:
        if ent.start >= first and ent.end <= head and (inner := _trim(ent)):
            if (found := _make(article, doc, inner, inner[-1], "name")) is not None:
                yield found


_ACTION_DEPS = frozenset({"ROOT", "conj", "xcomp", "ccomp", "advcl", "relcl", "pcomp"})
_LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "take", "go", "come", "say", "seem", "become"})


def _actions(article: str, doc: "Doc", bounds: Sequence[tuple[int, int]]) -> Iterator[Candidate]:
    """Main verbs with their particles inside the given sentences ("tore down", "rammed through")."""
    from slant.analyses.quotes.speech import verb_kind

    for token in doc:
        if token.pos_ != "VERB" or token.dep_ not in _ACTION_DEPS or token.lemma_.lower() in _LIGHT_VERBS:
            continue
        if verb_kind(token) is not None or not any(a <= token.idx < b for a, b in bounds):
            continue
        words = [token, *(c for c in token.children if c.dep_ == "prt")]
        words.sort(key=lambda t: t.i)
        if words[-1].i - words[0].i > 3:
            words = [token]
        text = "".join(t.text_with_ws for t in doc[words[0].i : words[-1].i + 1]).rstrip()
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        yield Candidate(article, words[0].i, words[-1].i, token.i, start, end, text, "action", "")


def candidates(
    article: str,
    doc: "Doc",
    bounds: Sequence[tuple[int, int]],
    shared: Sequence[tuple[int, int]] = (),
    names: Sequence[tuple[int, int]] = (),
) -> list[Candidate]:
    """Every mention candidate of one parsed article inside the given sentence bounds, in text order.

    Args:
        article: the article id, kept on each candidate.
        doc: spaCy's parse of the article text.
        bounds: character ranges of the sentences to read (the body, boilerplate left out).
        shared: character ranges of the sentences that report a fact another article also reports,
            whose main verbs become action candidates.
        names: character ranges of the article's actor mentions; one that no other candidate overlaps
            is a name candidate ("[Trump]" in a quotation, which the tagger reads as no name).
    """
    found: list[Candidate] = []
    covered: set[int] = set()
    for chunk in noun_chunks(doc):
        for cand in _chunk_mentions(article, doc, chunk):
            found.append(cand)
        covered.update(range(chunk.start, chunk.end))
    for ent in map(hyphen_tail, doc.ents):
        if ent.label_ in _NAME_LABELS and not any(t.i in covered for t in ent):
            words = _trim(ent)
            if words and (named := _make(article, doc, words, ent.root, "name")) is not None:
                found.append(named)
    for start, end in names:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and not any(c.start < end and start < c.end for c in found):
            words = _trim(span)
            if words and (named := _make(article, doc, words, words[-1], "name")) is not None:
                found.append(named)
    found += list(_actions(article, doc, shared))
    inside = [c for c in found if any(a <= c.start and c.end <= b for a, b in bounds)]
    unique = {(c.start, c.end): c for c in inside}
    return sorted(unique.values(), key=lambda c: (c.start, -c.end))
