"""The ``summary`` analysis: a neutral merged account of the event in which every sentence cites its sources.

Built from the aligned facts, never generated freely, so every sentence can be traced:

1. **Shared facts** (reported by two or more articles), in story order (earliest position in any
   article): each told by the evidence sentence with the fewest language marks, then neutralised;
2. **Contradictions**: that sentence plus who says what ("Accounts differ: A says 40; B says 25.");
3. **Unique facts**, the earliest ones of each article: "Only <outlet> reports that ...".

Neutralising rewrites only what slant marked, inside the chosen sentence: a wording that ``terms``
judged loaded becomes the neutral wording another article used for the same referent ("illegal
immigrants" -> "undocumented immigrants"), a loaded reporting verb becomes "said" ("claimed" ->
"said"), and scare quotes lose their quotation marks. Each summary sentence cites the sentences of
every article that reports its fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from slant.model import Article, Comparison, Fact, LanguageMark, Sentence, Summary, SummarySentence

if TYPE_CHECKING:
    from slant.nlp.resources import Resources
    from slant.settings import Settings

_QUOTES = "\"'“”‘’"
# Words that open a sentence without being names; used to decide on case only where there is no parse.
_OPENERS = frozenset(
    "the a an this that these those it its he she they we in on at for after before when while under "
    "with as by from to of some many most several one two three if but and or so yet".split()
)
# A mark of one of these kinds counts against a sentence's neutrality (neutral verbs and factives do not).
_LOADED_CATEGORIES = {"loaded_verb"}
_UNIQUE_POOL = 3
"""Unique facts considered per one told: the earliest, of which the least loaded are told."""
_WORD_KINDS = {"loaded", "hedge", "scare_quote", "intensifier"}


def _label(article: Article) -> str:
    return article.outlet or f"article {article.id}"


def _said(verb: str) -> str:
    """The form of "say" matching a reporting verb's inflection ("claimed" -> "said", "insists" -> "says")."""
    word = verb.lower()
    if word.endswith("ing"):
        return "saying"
    if word.endswith("ed") or word in {"wrote", "told", "swore", "spoke", "thought"}:
        return "said"
    if word.endswith("s"):
        return "says"
    return "say"


class _Article:
    """One article's sentences and the marks and loaded wordings inside them."""

    def __init__(self, comparison: Comparison, article: Article) -> None:
        self.article = article
        self.doc = comparison.nlp.docs.get(article.id) if comparison.nlp is not None else None
        self.index = {s.id: k for k, s in enumerate(article.sentences)}
        self.marks: dict[str, list[LanguageMark]] = {}
        for m in comparison.language or []:
            if m.article == article.id:
                self.marks.setdefault(m.sentence, []).append(m)
        # Loaded wording -> the neutral wording another article used for the same referent.
        self.swaps: list[tuple[int, int, str]] = []
        for term in comparison.terms or []:
            neutral = [v for v in term.variants if not v.loaded]
            if not neutral:
                continue
            plain = max(neutral, key=lambda v: v.count).text
            for v in term.variants:
                if v.article == article.id and v.loaded:
                    self.swaps += [(sp.start, sp.end, plain) for sp in v.spans]

    def opens_with_name(self, sentence: Sentence) -> bool:
        """Whether the sentence's first word is a proper noun (or "I"), by the parse when there is one."""
        first = sentence.text.split(" ", 1)[0]
        doc = self.doc
        if doc is not None:
            span = doc.char_span(sentence.start, sentence.start + max(1, len(first)), alignment_mode="expand")
            if span is not None and len(span):
                return bool(span[0].pos_ == "PROPN" or span[0].text == "I")
        return first[:1].isupper() and first.strip(",;:").lower() not in _OPENERS

    def weight(self, sentence: Sentence) -> tuple[int, float, int]:
        """How loaded a sentence reads: word-level marks, biased-sentence score, length (smaller is more neutral)."""
        marks = self.marks.get(sentence.id, [])
        words = sum(1 for m in marks if m.kind in _WORD_KINDS or m.category in _LOADED_CATEGORIES)
        biased = max((m.score for m in marks if m.kind == "biased_sentence"), default=0.0)
        return words, biased, len(sentence.text)

    def neutral(self, sentence: Sentence) -> str:
        """The sentence with its loaded wordings, loaded reporting verbs and scare quotes neutralised."""
        edits: list[tuple[int, int, str]] = []
        for m in self.marks.get(sentence.id, []):
            if m.category in _LOADED_CATEGORIES:
                edits.append((m.start, m.end, _said(m.term)))
            elif m.kind == "scare_quote":
                text = self.article.text[m.start : m.end]
                edits.append((m.start, m.end, text.strip(_QUOTES)))
        edits += [(a, b, plain) for a, b, plain in self.swaps if sentence.start <= a and b <= sentence.end]
        text, cut = self.article.text, sentence.end
        out: list[str] = []
        for a, b, new in sorted(edits, key=lambda e: -e[0]):
            if b > cut or a < sentence.start:
                continue  # overlaps an edit already made
            out.append(text[b:cut])
            out.append(new)
            cut = a
        out.append(text[sentence.start : cut])
        return re.sub(r"\s+", " ", "".join(reversed(out))).strip()


def _position(fact: Fact, articles: dict[str, _Article]) -> float:
    """Where a fact first appears in story order: its earliest relative sentence position in any article."""
    best = 1.0
    for ev in fact.evidence:
        art = articles[ev.article]
        k = art.index.get(ev.sentence)
        if k is not None:
            best = min(best, k / max(1, len(art.article.sentences)))
    return best


def _sentences(fact: Fact, articles: dict[str, _Article]) -> list[tuple[_Article, Sentence]]:
    out, seen = [], set()
    for ev in fact.evidence:
        art = articles[ev.article]
        k = art.index.get(ev.sentence)
        if k is not None and ev.sentence not in seen:
            seen.add(ev.sentence)
            out.append((art, art.article.sentences[k]))
    return out


def _entry(text: str, kind: str, fact: Fact, cited: Sequence[tuple[_Article, Sentence]]) -> SummarySentence:
    return SummarySentence(
        text=text,
        kind=kind,
        cites=[s.id for _, s in cited],
        articles=sorted({a.article.id for a, _ in cited}),
        fact=fact.id,
    )


def _only(label: str, sentence: str, keep_case: bool) -> str:
    """ "Only X reports that ..." around a sentence, keeping a quotation or question whole; the first
    letter is lower-cased unless the sentence opens with a name (``keep_case``)."""
    if sentence[:1] in _QUOTES or sentence.rstrip().endswith("?"):
        return f"Only {label} reports: {sentence}"
    return f"Only {label} reports that {sentence if keep_case else sentence[:1].lower() + sentence[1:]}"


def summarise(comparison: Comparison, settings: "Settings") -> Summary:
    """The neutral summary of a comparison whose facts (and, if run, language and terms) are filled in."""
    articles = {a.id: _Article(comparison, a) for a in comparison.articles}
    facts = sorted(comparison.facts or [], key=lambda f: _position(f, articles))
    out: list[SummarySentence] = []
    shared = [f for f in facts if f.status == "shared" and len(f.articles) >= 2][: settings.summary_shared]
    disputed = [f for f in facts if f.status == "contradiction"][: settings.summary_contradictions]
    for fact in sorted(shared + disputed, key=lambda f: _position(f, articles)):
        cited = _sentences(fact, articles)
        if not cited:
            continue
        art, best = min(cited, key=lambda pair: pair[0].weight(pair[1]))
        text = art.neutral(best)
        if fact.status == "contradiction" and fact.conflicts:
            values = fact.conflicts[0].values
            said = "; ".join(f"{_label(articles[a].article)} says {v}" for a, v in values.items() if a in articles)
            text = f"{text} Accounts differ: {said}."
            out.append(_entry(text, "contradiction", fact, cited))
        else:
            out.append(_entry(text, "shared", fact, cited))
    used = {sid for entry in out for sid in entry.cites}
    for article_id, art in articles.items():
        # The earliest facts only this article reports, the most neutrally worded of them first.
        candidates = []
        for fact in (f for f in facts if f.status == "unique" and f.articles == [article_id]):
            cited = [(a, s) for a, s in _sentences(fact, articles) if s.id not in used]
            if cited:
                pick = min(cited, key=lambda pair: pair[0].weight(pair[1]))
                candidates.append((fact, cited, pick[1]))
            if len(candidates) >= _UNIQUE_POOL * settings.summary_unique_per_article:
                break
        chosen = sorted(candidates, key=lambda c: art.weight(c[2])[:2])[: settings.summary_unique_per_article]
        for fact, cited, sentence in sorted(chosen, key=lambda c: art.index[c[2].id]):
            text = _only(_label(art.article), art.neutral(sentence), art.opens_with_name(sentence))
            out.append(_entry(text, "unique", fact, cited))
            used.update(s.id for _, s in cited)
    return Summary(sentences=out)


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """The ``summary`` field: a neutral account citing its source sentences."""
    return {"summary": summarise(comparison, settings)}
