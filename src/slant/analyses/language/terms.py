"""The ``terms`` analysis: how each article names the same thing — the word-choice view of ``referents``.

For every family of referents (referents the pair model finds likely the same thing, ``Referent.family``)
two or more articles mention, each article's wordings of it are compared: its
descriptions (titles, labels, noun phrases: "the caravan", "asylum seekers", "the North Korean
dictator"), not the bare name ("Kim", "Mr. Kim" are one name). A referent becomes a ``Term`` when two
articles describe it differently, or when one article's description is loaded and another names it
only by name. Known contested wordings (``contested.py``: "illegal aliens" / "undocumented
immigrants") are compared even when the referent model kept them apart, and so are noun phrases with
one head noun whose modifiers differ, one loaded ("violent protesters" / "student protesters").

Each variant says what kind of wording it is (``why``): a ``name``, a ``neutral description``, a
``label`` (the loaded word is the head: "illegal aliens"), a ``loaded modifier`` ("violent
protesters"), or the judgement of the contested lexicon (``euphemism``, ``loaded``) with its reason.
A wording is loaded when the lexicon judges it so, or when a loaded, scare-quote or intensifier mark
of the ``language`` analysis covers part of it. The plain wording most articles use, when there is
one, is marked ``neutral``. Terms come most contrasting first (``contrast``: how little the articles'
wordings overlap, raised when one is loaded).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from slant.analyses.actors.descriptions import HONORIFICS, QUOTE_CHARS, Use, normal, suffix_keys
from slant.analyses.language.contested import Variant, known_uses
from slant.model import Comparison, LanguageMark, Referent, Span, Term, TermVariant

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from slant.nlp.resources import Resources
    from slant.settings import Settings

_MARKING_KINDS = {"loaded", "scare_quote", "intensifier"}
_DESCRIPTIVE_POS = {"NOUN", "ADJ", "VERB"}
_DROP = {"det", "poss", "predet", "case", "punct"}


def _unquoted(text: str) -> str:
    """The text without quotation marks around the whole of it ("“housing czar”" -> "housing czar")."""
    if len(text) > 2 and text[0] in QUOTE_CHARS and text[-1] in QUOTE_CHARS:
        return text[1:-1]
    return text


def _words(doc: "Doc", start: int, end: int) -> list["Token"]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if t.dep_ not in _DROP and t.text not in QUOTE_CHARS and t.lower_ not in HONORIFICS]


def _uses(comparison: Comparison, referent: Referent) -> tuple[list[Use], list[Use]]:
    """The referent's descriptions (keyed by their normalised wording) and its bare names."""
    descriptions: list[Use] = []
    names: list[Use] = []
    for m in referent.mentions:
        words = _words(comparison.nlp.docs[m.article], m.start, m.end)
        if not words:
            continue
        use = Use(m.article, normal(words), m.text, m.start, m.end)
        if any(t.pos_ in _DESCRIPTIVE_POS and not t.ent_type_ for t in words):
            descriptions.append(use)
        else:
            names.append(use)
    return suffix_keys(descriptions) if descriptions else [], names


def _marked(marks: dict[str, list[LanguageMark]], use: Use) -> LanguageMark | None:
    """The strongest loaded, scare-quote or intensifier mark overlapping the wording."""
    found = [m for m in marks.get(use.article, []) if m.start < use.end and use.start < m.end]
    return max(found, key=lambda m: m.score) if found else None


def _kind(doc: "Doc", use: Use, mark: LanguageMark | None) -> str:
    """What kind of wording a description is: a label (the loaded word is its head), a loaded modifier, or neutral."""
    if mark is None or mark.score < 0.5:
        return "neutral description"
    span = doc.char_span(use.start, use.end, alignment_mode="expand")
    head = span.root if span is not None and len(span) else None
    if head is not None and mark.start <= head.idx < mark.end:
        return "label"
    return "loaded modifier"


def _variants(
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
        texts = Counter(_unquoted(u.text) for u in members)
        found = [m for u in members if (m := _marked(marks, u)) is not None]
        mark = max(found, key=lambda m: m.score) if found else None
        score = mark.score if mark else 0.0
        hits = [(k, v) for u in members for k, v in judged.items() if _within(k, u)]
        lexicon = hits[0][1] if hits else None
        whole = bool(hits) and any(k[1] <= u.start + 4 for u in members for k, _ in hits if _within(k, u))
        if kind is not None:
            why, loaded = kind, False
        elif lexicon is not None and lexicon.judgement != "neutral":
            why, loaded, score = f"{lexicon.judgement}: {lexicon.why}", lexicon.judgement == "loaded", 1.0
        elif lexicon is not None and whole:
            why, loaded, score = "neutral description", False, 0.0  # the lexicon's neutral wording, as written
        else:
            why = _kind(comparison.nlp.docs[article], members[0], mark)
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


def _within(key: tuple[str, int, int], use: Use) -> bool:
    article, start, end = key
    return article == use.article and use.start <= start and end <= use.end


def _contrast(variants: Sequence[TermVariant]) -> float:
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


def _mark_neutral(variants: list[TermVariant]) -> None:
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


def _head(comparison: Comparison, use: Use) -> str:
    span = comparison.nlp.docs[use.article].char_span(use.start, use.end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None and len(span) else use.key


def _differs(comparison: Comparison, descriptions: Sequence[Use], variants: Sequence[TermVariant]) -> bool:
    """A referent is a term when a wording of it is loaded (or judged by the lexicon) while another article
    names it otherwise, or when two articles describe it with different head nouns ("caravan" / "asylum
    seekers"; "state senator, budget writer" / "state senator, liberal"). Different modifiers alone
    ("eleven employees" / "11 employees") are not word choice, nor are two plain verbs for one action
    ("approved" / "passed"); "tore down" against "dismantled" is, "tore down" being marked."""
    wordings: dict[str, set[str]] = defaultdict(set)
    for v in variants:
        wordings[v.article].add(v.text.lower())
    if len(wordings) < 2 or len({frozenset(s) for s in wordings.values()}) < 2:
        return False
    if any(v.loaded or v.why.startswith(("euphemism", "loaded")) for v in variants):
        return True
    heads: dict[str, set[str]] = defaultdict(set)
    verbs = 0
    for use in descriptions:
        span = comparison.nlp.docs[use.article].char_span(use.start, use.end, alignment_mode="expand")
        verbs += span is not None and len(span) > 0 and span.root.pos_ == "VERB"
        heads[use.article].add(_head(comparison, use))
    if verbs * 2 >= len(descriptions):
        return False  # actions told with other verbs are word choice only when one verb is loaded
    return len(heads) >= 2 and any(a != b for a, b in itertools.combinations(heads.values(), 2))


def _ordered(variants: list[TermVariant], order: dict[str, int]) -> list[TermVariant]:
    return sorted(variants, key=lambda v: (order[v.article], v.why == "name", -v.count, v.text.lower()))


def _families(referents: Sequence[Referent], order: dict[str, int]) -> list[Referent]:
    """Each family of referents as one referent (its largest member's id, label and type, every mention)."""
    by_family: dict[str, list[Referent]] = defaultdict(list)
    for referent in referents:
        by_family[referent.family or referent.id].append(referent)
    out = []
    for members in by_family.values():
        main = max(members, key=lambda r: (r.actor is not None, len(r.mentions)))
        mentions = sorted((m for r in members for m in r.mentions), key=lambda m: (order[m.article], m.start))
        out.append(
            main.model_copy(
                update={
                    "mentions": mentions,
                    "articles": sorted({m.article for m in mentions}, key=order.__getitem__),
                    "actor": main.actor or next((r.actor for r in members if r.actor), None),
                }
            )
        )
    return out


def _referent_term(
    comparison: Comparison,
    referent: Referent,
    marks: dict[str, list[LanguageMark]],
    judged: dict[tuple[str, int, int], Variant],
    order: dict[str, int],
) -> Term | None:
    descriptions, names = _uses(comparison, referent)
    variants = _variants(comparison, descriptions, marks, judged)
    described = {v.article for v in variants}
    by_name: dict[str, list[Use]] = defaultdict(list)
    for use in names:
        if use.article not in described:
            by_name[use.article].append(use)
    for uses in by_name.values():
        common = Counter(u.key for u in uses).most_common(1)[0][0]
        variants += _variants(comparison, [u for u in uses if u.key == common], marks, judged, kind="name")
    if not descriptions or not _differs(comparison, descriptions, variants):
        return None
    _mark_neutral(variants)
    known = [v for k, v in judged.items() if _inside(k, referent) and v.judgement != "neutral"]
    lexicon = sorted({f"{' '.join(v.lemmas)}: {v.why}" for v in known})
    neutral = next((v.text for v in variants if v.neutral), None)
    why = "; ".join(lexicon) or "the articles name the same referent differently"
    return Term(
        id="",
        referent=known[0].referent if known else referent.label if referent.actor else neutral or referent.label,
        actor=referent.actor,
        variants=_ordered(variants, order),
        why=why,
        referent_id=referent.id,
        type=referent.type,
        contrast=_contrast(variants),
    )


def _inside(key: tuple[str, int, int], referent: Referent) -> bool:
    article, start, end = key
    return any(m.article == article and m.start <= start and end <= m.end for m in referent.mentions)


def _known_terms(
    comparison: Comparison,
    found: list[tuple[Variant, Use]],
    marks: dict[str, list[LanguageMark]],
    order: dict[str, int],
) -> list[Term]:
    """Terms of the contested lexicon for wordings no referent term holds."""
    by_referent: dict[str, list[tuple[Variant, Use]]] = defaultdict(list)
    for variant, use in found:
        by_referent[variant.referent].append((variant, use))
    terms: list[Term] = []
    for referent, hits in by_referent.items():
        judged = {(u.article, u.start, u.end): v for v, u in hits}
        variants = _variants(comparison, [u for _, u in hits], marks, judged)
        per_article: dict[str, set[str]] = defaultdict(set)
        for _, use in hits:
            per_article[use.article].add(use.key)
        if len(per_article) < 2 or len({frozenset(s) for s in per_article.values()}) < 2:
            continue
        if all(v.judgement == "neutral" for v, _ in hits):
            continue
        _mark_neutral(variants)
        whys = sorted({f"{' '.join(v.lemmas)}: {v.why}" for v, _ in hits if v.judgement != "neutral"})
        terms.append(
            Term(
                id="",
                referent=referent,
                variants=_ordered(variants, order),
                why="; ".join(whys),
                type="group",
                contrast=_contrast(variants),
            )
        )
    return terms


def _join_known(
    comparison: Comparison,
    terms: list[Term],
    loose: list[tuple[Variant, Use]],
    marks: dict[str, list[LanguageMark]],
    judged: dict[tuple[str, int, int], Variant],
    order: dict[str, int],
) -> list[tuple[Variant, Use]]:
    """Add lexicon wordings the referent model left apart to the term that holds another wording of the
    same contested referent ("illegal aliens" joins the row of "undocumented immigrants"); return the rest."""
    rest = []
    for variant, use in loose:
        home = next((t for t in terms if t.referent == variant.referent and t.referent_id is not None), None)
        if home is None:
            rest.append((variant, use))
            continue
        home.variants = _ordered(home.variants + _variants(comparison, [use], marks, judged), order)
        home.contrast = _contrast(home.variants)
    return rest


def _head_uses(article: str, doc: "Doc", bounds: list[tuple[int, int]]) -> list[Use]:
    """Common-noun phrases with modifiers, keyed by head lemma ("violent protesters" -> "protester")."""
    uses: list[Use] = []
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.pos_ != "NOUN" or head.ent_type_:
            continue
        mods = [t for t in chunk if t.i < head.i and t.dep_ in {"amod", "compound"} and t.pos_ in _DESCRIPTIVE_POS]
        if not mods:
            continue
        start, end = mods[0].idx, head.idx + len(head.text)
        if any(a <= start and end <= b for a, b in bounds):
            key = " ".join([t.lower_ for t in mods if t.text not in QUOTE_CHARS] + [head.lemma_.lower()])
            text = "".join(t.text_with_ws for t in doc[mods[0].i : head.i + 1]).rstrip()
            uses.append(Use(article, head.lemma_.lower(), text, start, end, key))
    return uses


def _same_head_terms(
    comparison: Comparison,
    marks: dict[str, list[LanguageMark]],
    held: set[tuple[str, int, int]],
    order: dict[str, int],
) -> list[Term]:
    """Noun phrases with one head noun in two or more articles whose modifiers differ, one of them loaded
    ("violent protesters" / "student protesters"), where no referent term already shows them."""
    by_head: dict[str, list[Use]] = defaultdict(list)
    for article in comparison.articles:
        bounds = [(s.start, s.end) for s in article.sentences]
        for use in _head_uses(article.id, comparison.nlp.docs[article.id], bounds):
            if not any(a == use.article and s < use.end and use.start < e for a, s, e in held):
                by_head[use.key].append(use)
    terms: list[Term] = []
    for head, uses in by_head.items():
        keyed = [Use(u.article, u.wording, u.text, u.start, u.end) for u in uses]
        variants = _variants(comparison, keyed, marks, {})
        wordings: dict[str, set[str]] = defaultdict(set)
        for use in keyed:
            wordings[use.article].add(use.key)
        if len(wordings) < 2 or len({frozenset(s) for s in wordings.values()}) < 2:
            continue
        if not any(v.loaded and v.why.startswith("loaded modifier") for v in variants):
            continue
        _mark_neutral(variants)
        neutral = next((v.text for v in variants if v.neutral), head)
        terms.append(
            Term(
                id="",
                referent=neutral,
                variants=_ordered(variants, order),
                why="the same head noun with different modifiers, one of them loaded",
                contrast=_contrast(variants),
            )
        )
    return terms


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """Compare how the articles name each referent.

    Returns:
        ``{"terms": [Term, ...]}``, most contrasting first.
    """
    order = {a.id: i for i, a in enumerate(comparison.articles)}
    marks: dict[str, list[LanguageMark]] = defaultdict(list)
    for mark in comparison.language or []:
        if mark.kind in _MARKING_KINDS:
            marks[mark.article].append(mark)
    contested: list[tuple[Variant, Use]] = []
    for article in comparison.articles:
        bounds = [(s.start, s.end) for s in article.sentences]
        contested += known_uses(article.id, comparison.nlp.docs[article.id], bounds)
    judged = {(u.article, u.start, u.end): v for v, u in contested}
    terms: list[Term] = []
    held: set[tuple[str, int, int]] = set()
    for referent in _families(comparison.referents or [], order):
        if len(referent.articles) < 2:
            continue
        term = _referent_term(comparison, referent, marks, judged, order)
        if term is not None:
            terms.append(term)
            held |= {k for k in judged if _inside(k, referent)}
    loose = [(v, u) for v, u in contested if (u.article, u.start, u.end) not in held]
    loose = _join_known(comparison, terms, loose, marks, judged, order)
    terms += _known_terms(comparison, loose, marks, order)
    shown = {(s.article, s.start, s.end) for t in terms for v in t.variants for s in v.spans}
    terms += _same_head_terms(comparison, marks, shown, order)
    terms.sort(key=lambda t: (-t.contrast, -len({v.article for v in t.variants}), t.referent.lower()))
    for i, term in enumerate(terms, start=1):
        term.id = f"t{i}"
    return {"terms": terms}
