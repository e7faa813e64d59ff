"""How each article names the same referent: "illegal immigrants" / "undocumented immigrants", "housing czar".

Three kinds of referent are compared across articles:

- **Known contested referents** from ``slant/data/language/referents.txt``: each variant is a
  lemma sequence matched at the end of a noun phrase (hyphenated ones, "pro-life", also as a
  modifier: "pro-life groups"), with a judgement (loaded, neutral,
  euphemism) and why. A referent becomes a ``Term`` when two or more articles name it, they
  do not all use the same wording, and at least one wording used is judged loaded or a
  euphemism (two neutral wordings are not a slant).
- **Actors described differently**: a person or organisation of ``actors`` that two or more
  articles describe (title before the name, apposition, or a description standing for the
  name) with different wording: "the “housing czar”" vs "former deputy Housing Secretary".
- **Same head, different judgement**: noun phrases with the same head noun in two or more
  articles whose modifiers differ and where some article's wording carries a loaded mark
  ("violent protesters" vs "protesters").

A wording is ``loaded`` when the lexicon judges it so, or when a mark of kind loaded,
scare_quote or intensifier from the ``language`` analysis covers part of it.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING, Any

from slant.analyses.actors.names import ROLE_WORDS, TITLE_WORDS
from slant.model import Actor, Comparison, LanguageMark, Span, Term, TermVariant

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from slant.nlp.resources import Resources
    from slant.settings import Settings

_QUOTE_CHARS = "\"'“”‘’„«»"
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "mr.", "mrs.", "ms.", "dr."}
_DETERMINERS = {"det", "poss", "predet", "nummod", "case", "punct"}
_MARKING_KINDS = {"loaded", "scare_quote", "intensifier"}
_MAX_DESCRIPTION = 7


@dataclass(frozen=True)
class Variant:
    """A wording of a known contested referent."""

    referent: str
    lemmas: tuple[str, ...]
    judgement: str
    why: str


@dataclass
class _Use:
    """One place an article names a referent."""

    article: str
    key: str
    text: str
    start: int
    end: int
    wording: str = ""
    """For same-head phrases: the modifiers and the head's lemma, lower-cased, quotation marks dropped."""


@functools.cache
def referent_lexicon() -> tuple[Variant, ...]:
    """The known contested referents and their wordings, from ``slant/data/language/referents.txt``."""
    text = (importlib_resources.files("slant") / "data" / "language" / "referents.txt").read_text(encoding="utf-8")
    out: list[Variant] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        referent, variant, judgement, why = (line.split("\t") + ["", "", ""])[:4]
        lemmas = tuple(variant.lower().replace("-", " - ").split())
        out.append(Variant(referent.strip(), lemmas, judgement.strip() or "neutral", why.strip()))
    return tuple(out)


def _token_lemmas(doc: "Doc") -> list[str]:
    return [t.lemma_.lower() if t.pos_ in {"NOUN", "PROPN"} else t.lower_ for t in doc]


def _is_phrase_head(token: "Token") -> bool:
    """True when no noun follows the token inside its phrase ("immigrant" in "immigrant rights" is not)."""
    return not (token.dep_ in {"compound", "amod"} and token.head.i > token.i and token.head.pos_ in {"NOUN", "PROPN"})


def _known_uses(article_id: str, doc: "Doc", bounds: list[tuple[int, int]]) -> list[tuple[Variant, _Use]]:
    """Places where the article uses a wording of a known contested referent (longest wording wins)."""
    lemmas = _token_lemmas(doc)
    by_last: dict[str, list[Variant]] = defaultdict(list)
    for v in referent_lexicon():
        by_last[v.lemmas[-1]].append(v)
    for group in by_last.values():
        group.sort(key=lambda v: -len(v.lemmas))
    found: list[tuple[Variant, _Use]] = []
    taken: set[int] = set()
    for token in doc:
        candidates = by_last.get(lemmas[token.i]) or by_last.get(token.lower_)
        if not candidates or token.i in taken:
            continue
        head = _is_phrase_head(token)
        for v in candidates:
            if not head and "-" not in v.lemmas:
                continue  # "immigrant" in "immigrant advocates" names the advocates; "pro-life groups" is fine
            n = len(v.lemmas)
            first = token.i - n + 1
            if first < 0:
                continue
            window = [doc[j].lower_.strip(_QUOTE_CHARS) for j in range(first, token.i)]
            if window != list(v.lemmas[:-1]) or v.lemmas[-1] not in {lemmas[token.i], token.lower_}:
                continue
            if n == 1 and token.pos_ not in {"NOUN", "PROPN"}:
                continue  # "undocumented" as an adjective of another noun is not a naming
            start, end = doc[first].idx, token.idx + len(token.text)
            if not any(a <= start and end <= b for a, b in bounds):
                continue
            taken.update(range(first, token.i + 1))
            found.append((v, _Use(article_id, " ".join(v.lemmas), doc.text[start:end], start, end)))
            break
    return found


def _description_tokens(doc: "Doc", first: int, last: int) -> list["Token"]:
    """Title words written right before a name: "Former deputy Housing Secretary" / "Lin's “housing czar”"."""
    out: list[Token] = []
    i = first - 1
    while i >= 0 and len(out) < _MAX_DESCRIPTION:
        tok = doc[i]
        if tok.text in _QUOTE_CHARS:
            i -= 1
            continue
        inside = first <= tok.head.i <= last or (out and tok.head.i == out[0].i) or tok.head.i > i
        if tok.dep_ in {"compound", "amod", "nmod"} and tok.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"} and inside:
            out.insert(0, tok)
            i -= 1
            continue
        break
    while out and out[0].lower_ in _HONORIFICS:
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
        if t.dep_ not in {"det", "poss", "predet", "case"} and t.text not in _QUOTE_CHARS and t.text not in ",;:()"
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
    if len(tokens) == 1 and head.lower_ in _HONORIFICS:
        return False
    return head.pos_ == "NOUN" or head.lower_ in ROLE_WORDS or head.lower_ in TITLE_WORDS


def _suffix_keys(uses: list[_Use]) -> list[_Use]:
    """Descriptions keyed by the shortest description they end with: "city councilwoman" -> "councilwoman"."""
    keys = sorted({u.key.lower() for u in uses}, key=lambda k: len(k.split()))
    out = []
    for use in uses:
        key = use.key.lower()
        short = next(k for k in keys if key == k or key.endswith(" " + k))
        out.append(_Use(use.article, short, use.text, use.start, use.end))
    return out


def _normal(tokens: Sequence["Token"]) -> str:
    """A description as compared across articles: lower-case unless an acronym or a name."""
    words = [t.text if (t.text.isupper() and len(t.text) > 1) else t.lower_ for t in tokens]
    if tokens[-1].tag_ in {"NNS", "NNPS"} and not tokens[-1].text.isupper():
        words[-1] = tokens[-1].lemma_.lower()
    return "".join(w + t.whitespace_ for w, t in zip(words, tokens, strict=True)).strip()


def actor_uses(comparison: Comparison, actor: Actor) -> list[_Use]:
    """Descriptions of one actor in every article: titles, appositions and standalone descriptions."""
    uses: list[_Use] = []
    name_words = {w.lower() for alias in [actor.name, *actor.aliases] for w in alias.split() if w[:1].isupper()}
    for mention in actor.mentions:
        doc: Doc = comparison.nlp.docs[mention.article]
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        words = [t for t in span if not t.is_punct and t.dep_ not in {"det", "poss"} and t.text not in _QUOTE_CHARS]
        if words and not any(t.text.lower() in name_words for t in words):
            found = [words]  # a description standing for the name: "the housing czar"
        else:
            found = [_description_tokens(doc, span.start, span.end - 1)] if actor.type == "PERSON" else []
            found += _label_tokens(doc, span.start, span.end - 1)
        for tokens in found:
            tokens = [t for t in tokens if t.lower_ not in name_words]
            if tokens and _is_description(tokens):
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                uses.append(_Use(mention.article, _normal(tokens), doc.text[start:end], start, end))
    return uses


def _head_uses(article_id: str, doc: "Doc", bounds: list[tuple[int, int]], taken: set[tuple[int, int]]) -> list[_Use]:
    """Common-noun phrases with adjective modifiers, keyed by head lemma ("violent protesters")."""
    uses: list[_Use] = []
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.pos_ != "NOUN" or head.ent_type_:
            continue
        mods = [
            t for t in chunk if t.i < head.i and t.dep_ in {"amod", "compound"} and t.pos_ in {"ADJ", "NOUN", "VERB"}
        ]
        if not mods:
            continue
        first = mods[0].i
        if first > 0 and doc[first - 1].text in _QUOTE_CHARS and any(t.text in _QUOTE_CHARS for t in chunk[1:]):
            first -= 1  # keep a quotation mark that opens inside the phrase: “living wage” ordinance
        start, end = doc[first].idx, head.idx + len(head.text)
        if (start, end) in taken or not any(a <= start and end <= b for a, b in bounds):
            continue
        wording = " ".join([t.lower_ for t in mods if t.text not in _QUOTE_CHARS] + [head.lemma_.lower()])
        uses.append(_Use(article_id, head.lemma_.lower(), doc.text[start:end], start, end, wording))
    return uses


def _key(use: _Use) -> str:
    return use.key


def _unquoted(text: str) -> str:
    """The text without quotation marks around the whole of it ("“housing czar”" -> "housing czar")."""
    if len(text) > 2 and text[0] in _QUOTE_CHARS and text[-1] in _QUOTE_CHARS:
        return text[1:-1]
    return text


def _wording(use: _Use) -> str:
    return use.wording


def _marked(marks: dict[str, list[LanguageMark]], use: _Use) -> float:
    """Highest score of a loaded, scare-quote or intensifier mark overlapping the wording (0 if none)."""
    return max(
        (m.score for m in marks.get(use.article, []) if m.start < use.end and use.start < m.end),
        default=0.0,
    )


def _variants(
    uses: Iterable[_Use], order: dict[str, int], wording: Any, marks: dict[str, list[LanguageMark]]
) -> list[TermVariant]:
    """One variant per (article, wording), in article order then by count."""
    groups: dict[tuple[str, str], list[_Use]] = defaultdict(list)
    for use in uses:
        groups[(use.article, wording(use))].append(use)
    out: list[TermVariant] = []
    for (article, _key), members in groups.items():
        texts = Counter(_unquoted(u.text) for u in members)
        score = max(_marked(marks, u) for u in members)
        out.append(
            TermVariant(
                article=article,
                text=texts.most_common(1)[0][0],
                count=len(members),
                spans=[Span(article=u.article, start=u.start, end=u.end) for u in members],
                loaded=score >= 0.5,
                score=round(score, 3),
            )
        )
    out.sort(key=lambda v: (order[v.article], -v.count, v.text.lower()))
    return out


def _differs(uses: Iterable[_Use], wording: Any) -> bool:
    """True when two or more articles name the referent and they do not all use the same wordings."""
    per_article: dict[str, set[str]] = defaultdict(set)
    for use in uses:
        per_article[use.article].add(wording(use))
    if len(per_article) < 2:
        return False
    return len({frozenset(s) for s in per_article.values()}) > 1


def _known_terms(
    comparison: Comparison, order: dict[str, int], marks: dict[str, list[LanguageMark]], taken: set[tuple[int, int]]
) -> list[Term]:
    by_referent: dict[str, list[tuple[Variant, _Use]]] = defaultdict(list)
    for article in comparison.articles:
        bounds = [(s.start, s.end) for s in article.sentences]
        for variant, use in _known_uses(article.id, comparison.nlp.docs[article.id], bounds):
            by_referent[variant.referent].append((variant, use))
    terms: list[Term] = []
    for referent, found in by_referent.items():
        judged = {" ".join(v.lemmas): v for v, _ in found}
        variants = _variants([u for _, u in found], order, _key, marks)
        keys = {v.article: {u.key for _, u in found if u.article == v.article} for v in variants}
        if not _differs((u for _, u in found), _key) or all(
            judged[k].judgement == "neutral" for ks in keys.values() for k in ks
        ):
            continue
        for v in variants:
            key = next(u.key for _, u in found if u.article == v.article and u.start == v.spans[0].start)
            lex = judged[key]
            v.loaded = lex.judgement == "loaded"
            v.score = 1.0 if v.loaded else v.score
        whys = sorted({f"{' '.join(v.lemmas)}: {v.why}" for v, _ in found if v.judgement != "neutral"})
        taken.update((u.start, u.end) for _, u in found)
        terms.append(Term(id="", referent=referent, variants=variants, why="; ".join(whys)))
    return terms


def _actor_terms(comparison: Comparison, order: dict[str, int], marks: dict[str, list[LanguageMark]]) -> list[Term]:
    terms: list[Term] = []
    for actor in comparison.actors or []:
        uses = _suffix_keys(actor_uses(comparison, actor))
        variants = _variants(uses, order, _key, marks)
        if _differs(uses, _key):
            terms.append(
                Term(
                    id="",
                    referent=actor.name,
                    actor=actor.id,
                    variants=variants,
                    why="the articles describe the same actor differently",
                )
            )
    return terms


def _head_terms(
    comparison: Comparison, order: dict[str, int], marks: dict[str, list[LanguageMark]], taken: set[tuple[int, int]]
) -> list[Term]:
    by_head: dict[str, list[_Use]] = defaultdict(list)
    for article in comparison.articles:
        bounds = [(s.start, s.end) for s in article.sentences]
        for use in _head_uses(article.id, comparison.nlp.docs[article.id], bounds, taken):
            by_head[use.key].append(use)
    terms: list[Term] = []
    for head, uses in by_head.items():
        variants = _variants(uses, order, _wording, marks)
        if _differs(uses, _wording) and any(v.loaded for v in variants):
            terms.append(
                Term(id="", referent=head, variants=variants, why="same head noun, different modifiers; one is loaded")
            )
    return terms


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """Find the referents the articles name differently.

    Returns:
        ``{"terms": [Term, ...]}``: known contested referents first, then actors, then same-head phrases.
    """
    order = {a.id: i for i, a in enumerate(comparison.articles)}
    marks: dict[str, list[LanguageMark]] = defaultdict(list)
    for mark in comparison.language or []:
        if mark.kind in _MARKING_KINDS:
            marks[mark.article].append(mark)
    taken: set[tuple[int, int]] = set()
    terms = _known_terms(comparison, order, marks, taken)
    terms += _actor_terms(comparison, order, marks)
    terms += _head_terms(comparison, order, marks, taken)
    for i, term in enumerate(terms, start=1):
        term.id = f"t{i}"
    return {"terms": terms}
