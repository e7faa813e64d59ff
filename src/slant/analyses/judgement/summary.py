"""The ``summary`` analysis: a neutral merged account of the event in which every sentence cites its sources.

Extractive, never generated freely, so every sentence can be traced:

1. **Choose** the story's central sentences: each body sentence is scored by how much of it the other
   articles also tell (mean best cosine similarity to their sentences), less a little for each loaded
   word; sentences are taken by maximal marginal relevance (Carbonell & Goldstein, 1998) within
   ``Settings.summary_words`` words, never telling one aligned fact twice.
2. **Tell** shared facts first (reported by two or more articles, citing every article's sentence for
   that fact), with who says what where they disagree ("Accounts differ: A says 40; B says 25."),
   then what one article alone reports, as "Only <outlet> reports that ...". Each group in story order.

Neutralising rewrites only what slant marked, inside the chosen sentence: a wording that ``terms``
judged loaded becomes the neutral wording another article used for the same referent ("illegal
immigrants" -> "undocumented immigrants"), a loaded reporting verb becomes "said" ("claimed" ->
"said"), and scare quotes lose their quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

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
_LOADED_PENALTY = 0.05
"""Centrality lost per loaded word: of two sentences telling the same, the plainer is told."""
_MMR = 0.3
"""Weight of the similarity to sentences already chosen (maximal marginal relevance)."""
_SAME = 0.8
"""Cosine above which a sentence repeats one already chosen and is skipped."""
_ORDER = 1e-3
"""Centrality lost per sentence of depth: ties go to the earlier sentence."""
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
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


class _Candidate:
    """A sentence the summary may tell: its article, how central it is, and the facts it carries."""

    def __init__(self, art: _Article, sentence: Sentence, rank: int, centrality: float) -> None:
        self.art, self.sentence, self.rank, self.centrality = art, sentence, rank, centrality
        self.facts: list[Fact] = []
        self.vector: np.ndarray | None = None

    @property
    def position(self) -> float:
        """Relative position in its article (0 = opening sentence)."""
        return self.rank / max(1, len(self.art.article.sentences))

    @property
    def shared(self) -> list[Fact]:
        return [f for f in self.facts if len(f.articles) >= 2]

    def score(self) -> float:
        return self.centrality - _LOADED_PENALTY * self.art.weight(self.sentence)[0] - _ORDER * self.rank


def _candidates(comparison: Comparison, articles: dict[str, _Article]) -> list[_Candidate]:
    """Every body sentence, scored by how much of it the other articles also tell.

    Centrality is the mean, over the other articles, of the best cosine similarity to one of their
    sentences (sentence embeddings); without embeddings, 1 for each other article a fact links it to.
    """
    by_sentence: dict[str, list[Fact]] = {}
    for fact in comparison.facts or []:
        for ev in fact.evidence:
            by_sentence.setdefault(ev.sentence, []).append(fact)
    vectors = comparison.nlp.vectors if comparison.nlp is not None else {}
    out = []
    for art in articles.values():
        article = art.article
        body = [(k, s) for k, s in enumerate(article.sentences) if article.title is None or s.text != article.title]
        others = [a for a in comparison.articles if a.id != article.id]
        for rank, (k, sentence) in enumerate(body):
            facts = by_sentence.get(sentence.id, [])
            own = vectors.get(article.id)
            if own is not None and len(own) == len(article.sentences) and others:
                v = own[k]
                sims = [float((vectors[o.id] @ v).max()) for o in others if len(vectors.get(o.id, ()))]
                centrality = sum(sims) / len(others)
            else:
                v = None
                linked = {a for f in facts for a in f.articles if a != article.id}
                centrality = len(linked) / max(1, len(others))
            cand = _Candidate(art, sentence, rank, centrality)
            cand.facts, cand.vector = facts, v
            out.append(cand)
    return out


def _similarity(a: _Candidate, b: _Candidate) -> float:
    if a.vector is None or b.vector is None:
        return 0.0
    return float(a.vector @ b.vector)


def _select(candidates: list[_Candidate], budget: int) -> list[_Candidate]:
    """Maximal marginal relevance within a word budget: the most central sentence first, then the next
    most central that repeats least of what was chosen; a sentence telling a fact already told, or
    nearly the same as a chosen one, is skipped."""
    chosen: list[_Candidate] = []
    told: set[str] = set()
    words = 0
    pool = list(candidates)
    while pool:
        best = max(pool, key=lambda c: c.score() - _MMR * max((_similarity(c, x) for x in chosen), default=0.0))
        pool.remove(best)
        if any(f.id in told for f in best.shared) or any(_similarity(best, x) > _SAME for x in chosen):
            continue
        size = word_count(best.sentence.text)
        if chosen and words + size > budget:
            break
        chosen.append(best)
        told.update(f.id for f in best.shared)
        words += size
    return chosen


def _cited(candidate: _Candidate, articles: dict[str, _Article]) -> list[tuple[_Article, Sentence]]:
    """The candidate's sentence and the other articles' sentences telling the same shared facts."""
    out = [(candidate.art, candidate.sentence)]
    seen = {candidate.sentence.id}
    for fact in candidate.shared:
        for ev in fact.evidence:
            art = articles.get(ev.article)
            k = art.index.get(ev.sentence) if art is not None else None
            if art is not None and k is not None and ev.sentence not in seen:
                seen.add(ev.sentence)
                out.append((art, art.article.sentences[k]))
    return out


def _entry(text: str, kind: str, fact: Fact | None, cited: Sequence[tuple[_Article, Sentence]]) -> SummarySentence:
    return SummarySentence(
        text=text,
        kind=kind,
        cites=[s.id for _, s in cited],
        articles=sorted({a.article.id for a, _ in cited}),
        fact=fact.id if fact is not None else None,
    )


def _only(label: str, sentence: str, keep_case: bool) -> str:
    """ "Only X reports that ..." around a sentence, keeping a quotation or question whole; the first
    letter is lower-cased unless the sentence opens with a name (``keep_case``)."""
    if sentence[:1] in _QUOTES or sentence.rstrip().endswith("?"):
        return f"Only {label} reports: {sentence}"
    return f"Only {label} reports that {sentence if keep_case else sentence[:1].lower() + sentence[1:]}"


def word_count(text: str) -> int:
    """Words as the summary's budget counts them (letters and digits, joined by apostrophes or hyphens)."""
    return len(_WORD.findall(text))


def _tell(candidate: _Candidate, articles: dict[str, _Article]) -> SummarySentence:
    art, sentence = candidate.art, candidate.sentence
    text = art.neutral(sentence)
    disputed = next((f for f in candidate.shared if f.status == "contradiction" and f.conflicts), None)
    if disputed is not None:
        values = disputed.conflicts[0].values
        said = "; ".join(f"{_label(articles[a].article)} says {v}" for a, v in values.items() if a in articles)
        return _entry(f"{text} Accounts differ: {said}.", "contradiction", disputed, _cited(candidate, articles))
    if candidate.shared:
        return _entry(text, "shared", candidate.shared[0], _cited(candidate, articles))
    unique = next(iter(candidate.facts), None)
    label = _label(art.article)
    return _entry(_only(label, text, art.opens_with_name(sentence)), "unique", unique, [(art, sentence)])


def summarise(comparison: Comparison, settings: "Settings") -> Summary:
    """The neutral summary of a comparison whose facts (and, if run, language and terms) are filled in."""
    articles = {a.id: _Article(comparison, a) for a in comparison.articles}
    if not comparison.facts:
        return Summary(sentences=[])
    chosen = _select(_candidates(comparison, articles), settings.summary_words)
    # Shared facts (and disagreements) first, then what one article alone reports; each in story order.
    chosen.sort(key=lambda c: (not c.shared, c.position, c.art.article.id))
    return Summary(sentences=[_tell(c, articles) for c in chosen])


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """The ``summary`` field: a neutral account citing its source sentences."""
    return {"summary": summarise(comparison, settings)}
