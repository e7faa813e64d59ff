"""Framing markers of one article: loaded words, epistemic verbs, hedges, scare quotes, intensifiers.

Each mark is a ``LanguageMark`` with a one-line ``why`` a reader understands. Rules and
lexicons, after Recasens et al. (2013, "Linguistic models for analyzing and detecting
biased language"), who combine report verbs, factives and assertives (Hooper 1975),
implicatives (Karttunen 1971), hedges (Hyland 2005), subjectivity clues (Wilson et al.
2005) and a bias lexicon; the word lists are slant's own (``slant/data/language/``), the
research lexicons are read at run time only (see ``lexicons.py``).

Kinds, from the most specific down (``RANKS``): ``scare_quote`` (``scare.py``);
``epistemic`` and ``hedge`` (``epistemic.py``); ``intensifier`` (intensifiers, dramatic
verbs, judgement superlatives); ``loaded`` (slant's lexicon, then Recasens, then MPQA).
Marks never overlap: where two would, the more specific kind keeps the span, then the
longer one. Marks describe the writer's wording: words inside a real quotation (not a scare
quote; see ``speech_spans``) are the speaker's and are never marked; reported speech without
quotation marks is the writer's wording.
Marks outside every sentence (boilerplate) are dropped.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from slant.analyses.language import epistemic, scare
from slant.analyses.language.lexicons import CONTENT_POS, Hit, Lexicons, load_lexicons, mpqa_pos
from slant.analyses.language.phrases import forms, index
from slant.analyses.quotes.quotemarks import Quoted, find_quoted, within
from slant.model import Article, LanguageMark, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["attribution_verbs", "load_lexicons", "mark_article", "speech_spans"]

INTENSIFIER_RANK, LEXICON_RANK, RECASENS_RANK, MPQA_RANK = 3, 4, 5, 6
_SIDES = {"left": ", typical of left-leaning outlets", "right": ", typical of right-leaning outlets"}
_WHY = {
    "intensifier": '"{term}" intensifies the statement beyond a plain description',
    "dramatic_verb": '"{term}" dramatises the action where a plainer verb would do',
    "superlative": '"{term}" is a superlative of judgement: it ranks rather than describes',
}


def _inq(doc: "Doc", quoted: Sequence[Quoted]) -> list[bool]:
    return within(quoted, [t.idx for t in doc])


def attribution_verbs(article: Article, doc: "Doc", quotes: Sequence[Quote]) -> dict[str, int]:
    """How often the article attributes words with each reporting verb, neutral and loaded alike.

    Args:
        article: the article (its text is what ``doc`` parsed).
        doc: the article's spaCy parse.
        quotes: the article's quotes; their reporting verbs are counted once each.

    Returns:
        Reporting-verb lemma ("say", "claim", "according to") -> uses, for verbs outside quotation marks.
    """
    inq = _inq(doc, find_quoted(article.text))
    linked = epistemic.linked_verbs(doc, quotes, inq)
    counts: dict[str, int] = {}
    for tok in epistemic.attribution_tokens(doc, inq, linked, load_lexicons()):
        key = "according to" if tok.lower_ == "according" else tok.lemma_.lower()
        counts[key] = counts.get(key, 0) + 1
    return counts


def _superlative(tok: "Token") -> tuple[int, int] | None:
    """The span of a superlative ("worst", "most dangerous"), else ``None``."""
    if tok.tag_ in ("JJS", "RBS") and tok.lower_ not in ("most", "least"):
        return tok.idx, tok.idx + len(tok.text)
    for child in tok.children:
        if child.lower_ in ("most", "least") and child.dep_ == "advmod" and child.i < tok.i:
            return child.idx, tok.idx + len(tok.text)
    return None


def _intensifier_hits(doc: "Doc", lexicons: Lexicons) -> list[Hit]:
    hits: list[Hit] = []
    superlatives = {e.words[0] for e in lexicons.intensifiers if e.category == "superlative"}
    others = tuple(e for e in lexicons.intensifiers if e.category != "superlative")
    for tok in doc:
        if tok.pos_ in ("ADJ", "ADV") and (tok.lemma_.lower() in superlatives or tok.lower_ in superlatives):
            span = _superlative(tok)
            if span is not None:
                term = doc.text[span[0] : span[1]]
                hits.append(Hit(*span, "intensifier", "superlative", _WHY["superlative"].format(term=term), 3))
    for first, after, entry in index(others).find(doc):
        if entry.category == "dramatic_verb" and doc[first].dep_ in ("amod", "compound"):
            continue  # "the threatened deportations": an attribute, not a dramatised act
        start, end = doc[first].idx, doc[after - 1].idx + len(doc[after - 1].text)
        why = _WHY[entry.category].format(term=doc.text[start:end])
        hits.append(Hit(start, end, "intensifier", entry.category, why, INTENSIFIER_RANK))
    return hits


def _lexicon_hits(doc: "Doc", lexicons: Lexicons) -> list[Hit]:
    hits: list[Hit] = []
    for first, after, entry in index(lexicons.loaded).find(doc):
        start, end = doc[first].idx, doc[after - 1].idx + len(doc[after - 1].text)
        note = f" ({entry.note})" if entry.note else ""
        why = f'"{doc.text[start:end]}" is loaded wording{_SIDES.get(entry.side, "")}{note}'
        hits.append(Hit(start, end, "loaded", "lexicon", why, LEXICON_RANK))
    neutral = {lemma for lemma, e in lexicons.attribution.items() if e.category == "neutral"}
    for tok in doc:
        # Names, function words and neutral reporting verbs ("said") never read as loaded.
        if tok.pos_ not in CONTENT_POS or tok.is_stop or tok.ent_type_ or tok.lemma_.lower() in neutral:
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        lower, lemma = forms(tok)
        if lemma in lexicons.recasens:
            why = f'"{tok.text}" is in the Recasens et al. (2013) lexicon of words Wikipedia editors cut as biased'
            hits.append(Hit(start, end, "loaded", "recasens", why, RECASENS_RANK))
        for key in (lemma, "=" + lower):
            for pos in ("anypos", *[p for p in ("adj", "adverb", "noun", "verb") if tok.pos_ in mpqa_pos(p)]):
                polarity = lexicons.mpqa.get((key, pos))
                if polarity is not None:
                    tone = f" {polarity}" if polarity in ("positive", "negative") else ""
                    why = f'"{tok.text}" is a strongly subjective{tone} word (MPQA subjectivity lexicon)'
                    hits.append(Hit(start, end, "loaded", "mpqa", why, MPQA_RANK))
    return hits


def _reconcile(hits: list[Hit]) -> list[Hit]:
    """One mark a span: the lowest rank, then the longest, wins each overlap."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.rank, h.start - h.end, h.start)):
        if all(hit.end <= k.start or k.end <= hit.start for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


def _spoken(speech: Sequence[Quoted], quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    spoken = [(q.open, q.close if q.close is not None else q.end) for q in speech]
    return spoken + [(q.start, q.end) for q in quotes if q.direct]


def _stretches(doc: "Doc", text: str, quotes: Sequence[Quote]) -> tuple[list[Quoted], list[Quoted]]:
    """The article's quoted stretches split into scare quotes and speech, computed once per document
    and set of quotes (``mark_article`` and ``speech_spans`` both need them)."""
    key = "slant.markers.stretches " + " ".join(f"{q.start}:{q.end}:{int(q.direct)}" for q in quotes)
    if key not in doc.user_data:
        quoted = find_quoted(text)
        scares = [q for q in quoted if scare.is_scare_quote(doc, q, quotes)]
        doc.user_data[key] = (scares, [q for q in quoted if q not in scares])
    found: tuple[list[Quoted], list[Quoted]] = doc.user_data[key]
    return found


def speech_spans(article: Article, doc: "Doc", quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Character spans of the article's real quotations (direct quotes and quoted speech, not scare
    quotes): words there are the speaker's, not the writer's."""
    quotes = [q for q in quotes if q.article == article.id]
    return _spoken(_stretches(doc, article.text, quotes)[1], quotes)


def mark_article(article: Article, doc: "Doc", quotes: Sequence[Quote], lexicons: Lexicons) -> list[LanguageMark]:
    """The framing markers of one article (see the module docstring).

    Args:
        article: the article, with ``sentences`` filled.
        doc: the article's spaCy parse (of ``article.text``).
        quotes: the article's quotes (``Comparison.quotes`` of this article).
        lexicons: from ``load_lexicons``.

    Returns:
        Marks in text order, none overlapping, none outside the article's sentences.
    """
    quotes = [q for q in quotes if q.article == article.id]
    scares, speech = _stretches(doc, article.text, quotes)
    inq = _inq(doc, sorted([*scares, *speech], key=lambda q: q.start))
    linked = epistemic.linked_verbs(doc, quotes, inq)

    hits = [
        Hit(q.start, end, "scare_quote", "scare_quote", scare.why(article.text[q.start : end]), 0)
        for q in scares
        for end in [scare.term_end(article.text, q)]
    ]
    hits += epistemic.verb_hits(doc, inq, linked, lexicons)
    hits += epistemic.hedge_hits(doc, inq, lexicons)
    hits += _intensifier_hits(doc, lexicons)
    hits += _lexicon_hits(doc, lexicons)

    spoken = _spoken(speech, quotes)
    starts = [s.start for s in article.sentences]
    marks: list[LanguageMark] = []
    for hit in _reconcile(hits):
        k = bisect.bisect_right(starts, hit.start) - 1
        if k < 0 or not (article.sentences[k].start <= hit.start and hit.end <= article.sentences[k].end):
            continue
        why = hit.why
        if hit.kind != "scare_quote" and any(a <= hit.start < b for a, b in spoken):
            continue
        marks.append(
            LanguageMark(
                article=article.id,
                sentence=article.sentences[k].id,
                kind=hit.kind,
                category=hit.category,
                term=article.text[hit.start : hit.end],
                start=hit.start,
                end=hit.end,
                score=1.0,
                why=why,
            )
        )
    return marks
