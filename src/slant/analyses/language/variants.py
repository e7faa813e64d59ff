"""Term variants: one row cell per article wording of a referent, judged and ordered.

A variant is one wording of one article with its count and spans; it is ``loaded`` when the contested
lexicon judges it so or a loaded, scare-quote or intensifier mark covers part of it, and its ``why``
says what kind of wording it is (a label when the loaded word is the head, a loaded modifier
otherwise, a neutral description, a name, or the lexicon's judgement with its reason).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from slant.analyses.actors.descriptions import QUOTE_CHARS, Use
from slant.analyses.language.contested import Variant
from slant.model import Comparison, LanguageMark, Span, TermVariant

if TYPE_CHECKING:
    from spacy.tokens import Doc


def unquoted(text: str) -> str:
    """The text without quotation marks around the whole of it ("“housing czar”" -> "housing czar")."""
    if len(text) > 2 and text[0] in QUOTE_CHARS and text[-1] in QUOTE_CHARS:
        return text[1:-1]
    return text


def marked(marks: dict[str, list[LanguageMark]], use: Use) -> LanguageMark | None:
    """The strongest loaded, scare-quote or intensifier mark overlapping the wording."""
    found = [m for m in marks.get(use.article, []) if m.start < use.end and use.start < m.end]
    return max(found, key=lambda m: m.score) if found else None


def kind_of(doc: "Doc", use: Use, mark: LanguageMark | None) -> str:
    """What kind of wording a description is: a label (the loaded word is its head), a loaded modifier, or neutral."""
    if mark is None or mark.score < 0.5:
        return "neutral description"
    span = doc.char_span(use.start, use.end, alignment_mode="expand")
    head = span.root if span is not None and len(span) else None
    if head is not None and mark.start <= head.idx < mark.end:
        return "label"
    return "loaded modifier"


def variants_of(
    comparison: Comparison,
    uses: Iterable[Use],
    marks: dict[str, list[LanguageMark]],
    judged: dict[tuple[str, int, int], Variant],
    kind: str | None = None,
) -> list[TermVariant]:
    """One variant per (article, wording), with its loaded score and kind of wording."""
    groups: dict[tuple[str, str], list[Use]] = defaultdict(list)
    for use in uses:
        groups[(use.article, use.key)].append(use)
    out: list[TermVariant] = []
    for (article, _), members in groups.items():
        texts = Counter(unquoted(u.text) for u in members)
        found = [m for u in members if (m := marked(marks, u)) is not None]
        mark = max(found, key=lambda m: m.score) if found else None
        score = mark.score if mark else 0.0
        hits = [(k, v) for u in members for k, v in judged.items() if within(k, u)]
        lexicon = hits[0][1] if hits else None
        whole = bool(hits) and any(k[1] <= u.start + 4 for u in members for k, _ in hits if within(k, u))
        if kind is not None:
            why, loaded = kind, False
        elif lexicon is not None and lexicon.judgement != "neutral":
            why, loaded, score = f"{lexicon.judgement}: {lexicon.why}", lexicon.judgement == "loaded", 1.0
        elif lexicon is not None and whole:
            why, loaded, score = "neutral description", False, 0.0  # the lexicon's neutral wording, as written
        else:
            why = kind_of(comparison.nlp.docs[article], members[0], mark)
            loaded = score >= 0.5
            if loaded and mark is not None:
                why = f"{why}: {mark.why}"
        out.append(
            TermVariant(
                article=article,
                text=texts.most_common(1)[0][0],
                count=len(members),
                spans=[Span(article=u.article, start=u.start, end=u.end) for u in members],
                loaded=loaded,
                score=round(min(score, 1.0), 3),
                why=why,
            )
        )
    return out


def within(key: tuple[str, int, int], use: Use) -> bool:
    """Whether the span ``(article, start, end)`` lies inside the wording ``use``."""
    article, start, end = key
    return article == use.article and use.start <= start and end <= use.end


def contrast(variants: Sequence[TermVariant]) -> float:
    """1 minus the mean cosine between the articles' wording counts, raised by a quarter when one is loaded."""
    per_article: dict[str, Counter[str]] = defaultdict(Counter)
    for v in variants:
        if v.why != "name":
            per_article[v.article][v.text.lower()] += v.count
    vectors = list(per_article.values())
    if len(vectors) < 2:
        base = 0.5
    else:
        sims = []
        for a in range(len(vectors)):
            for b in range(a + 1, len(vectors)):
                dot = sum(vectors[a][w] * vectors[b][w] for w in vectors[a])
                norm = math.sqrt(sum(x * x for x in vectors[a].values()) * sum(x * x for x in vectors[b].values()))
                sims.append(dot / norm if norm else 0.0)
        base = 1.0 - sum(sims) / len(sims)
    return round(min(1.0, 0.8 * base + (0.25 if any(v.loaded for v in variants) else 0.0)), 3)


def mark_neutral(variants: list[TermVariant]) -> None:
    """Mark the plain wording the most articles use (then the most often), when some wording is loaded."""
    if not any(v.loaded for v in variants):
        return
    plain = [v for v in variants if not v.loaded and v.why != "name"]
    if not plain:
        return
    articles: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for v in plain:
        articles[v.text.lower()].add(v.article)
        counts[v.text.lower()] += v.count
    best = max(articles, key=lambda w: (len(articles[w]), counts[w], -len(w)))
    for v in plain:
        v.neutral = v.text.lower() == best


def ordered(variants: list[TermVariant], order: dict[str, int]) -> list[TermVariant]:
    """Variants in article order, descriptions before names, most used first."""
    return sorted(variants, key=lambda v: (order[v.article], v.why == "name", -v.count, v.text.lower()))
