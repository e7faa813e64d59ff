"""The ``terms`` analysis: how each article names the same thing — the word-choice view of ``referents``.

For every family of referents (referents the pair model finds likely the same thing, ``Referent.family``)
two or more articles mention, each article's wordings of it are compared: its
descriptions (titles, labels, noun phrases: "the caravan", "asylum seekers", "the North Korean
dictator"), not the bare name ("Kim", "Mr. Kim" are one name). A referent becomes a ``Term`` when two
articles describe it differently, or when one article's description is loaded and another names it
only by name. Known contested wordings (``contested.py``: "illegal aliens" / "undocumented
immigrants") are compared even when the referent model kept them apart, and so are noun phrases with
one head noun whose modifiers differ, one loaded ("violent protesters" / "student protesters").
Only the articles' own voice counts: words inside a direct quotation are the speaker's, not the
outlet's choice, and are no variant (the referents still hold them).

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
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from slant.analyses.actors.descriptions import HONORIFICS, QUOTE_CHARS, Use, normal, suffix_keys
from slant.analyses.language.contested import Variant, known_uses
from slant.analyses.language.variants import contrast, kind_of, mark_neutral, marked, ordered, variants_of
from slant.model import Comparison, LanguageMark, Referent, Term, TermVariant
from slant.nlp.chunks import noun_chunks

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from slant.nlp.resources import Resources
    from slant.settings import Settings

_MARKING_KINDS = {"loaded", "scare_quote", "intensifier"}
_DESCRIPTIVE_POS = {"NOUN", "ADJ", "VERB"}
_DROP = {"det", "poss", "predet", "case", "punct"}
_CLAUSE_TOKENS = 12
"""Longest wording, in tokens, that a relative clause may extend a mention to."""


def _words(doc: "Doc", start: int, end: int) -> list["Token"]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    root = span.root  # a possessor ("the dissent" of "the dissent's author") keeps its own head
    return [
        t
        for t in span
        if (t.dep_ not in _DROP or t.i == root.i) and t.text not in QUOTE_CHARS and t.lower_ not in HONORIFICS
    ]


def _with_clause(doc: "Doc", start: int, end: int, marks: list[LanguageMark]) -> int:
    """Where a mention's wording ends: past a relative clause of its head that holds a loaded, intensifier or
    scare-quote mark ("critics who fret about …" is worded otherwise than "critics"), else at its end."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return end
    for clause in (c for c in span.root.children if c.dep_ == "relcl" and c.i >= span.end):
        last = clause.right_edge
        while last.i > clause.i and (last.is_punct or last.text in QUOTE_CHARS):
            last = doc[last.i - 1]
        stop = last.idx + len(last.text)
        if last.i - span.start < _CLAUSE_TOKENS and any(end <= m.start and m.end <= stop for m in marks):
            return stop
    return end


def _speech(comparison: Comparison) -> dict[str, list[tuple[int, int]]]:
    """Each article's direct quotations: the words someone is quoted saying, which are not its wording."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for quote in comparison.quotes or []:
        if quote.direct:
            out[quote.article].append((quote.start, quote.end))
    return out


def _quoted(speech: dict[str, list[tuple[int, int]]], article: str, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in speech.get(article, ()))


def _uses(
    comparison: Comparison,
    referent: Referent,
    marks: dict[str, list[LanguageMark]],
    speech: dict[str, list[tuple[int, int]]],
) -> tuple[list[Use], list[Use]]:
    """The referent's descriptions (keyed by their normalised wording) and its bare names, in the
    articles' own voice (mentions inside a direct quotation left out)."""
    descriptions: list[Use] = []
    names: list[Use] = []
    for m in referent.mentions:
        if _quoted(speech, m.article, m.start, m.end):
            continue
        doc = comparison.nlp.docs[m.article]
        end = _with_clause(doc, m.start, m.end, marks.get(m.article, []))
        words = _words(doc, m.start, end)
        if not words:
            continue
        use = Use(m.article, normal(words), doc.text[m.start : end] if end != m.end else m.text, m.start, end)
        if any(t.pos_ in _DESCRIPTIVE_POS and not t.ent_type_ for t in words):
            descriptions.append(use)
        else:
            names.append(use)
    return _keyed(comparison, descriptions, marks), names


def _keyed(comparison: Comparison, descriptions: list[Use], marks: dict[str, list[LanguageMark]]) -> list[Use]:
    """Descriptions keyed by the shortest description they end with ("city councilwoman" -> "councilwoman"),
    except one whose modifier is marked, which keeps its own wording: "bruising legislative hearing" is
    another word choice than "hearing"."""
    out = []
    for short, use in zip(suffix_keys(descriptions), descriptions, strict=True):
        own = use.key.lower()
        if short.key != own and kind_of(comparison.nlp.docs[use.article], use, marked(marks, use)) == "loaded modifier":
            short = Use(use.article, own, use.text, use.start, use.end)
        out.append(short)
    return out


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
    speech: dict[str, list[tuple[int, int]]],
) -> Term | None:
    descriptions, names = _uses(comparison, referent, marks, speech)
    variants = variants_of(comparison, descriptions, marks, judged)
    described = {v.article for v in variants}
    by_name: dict[str, list[Use]] = defaultdict(list)
    for use in names:
        if use.article not in described:
            by_name[use.article].append(use)
    for uses in by_name.values():
        common = Counter(u.key for u in uses).most_common(1)[0][0]
        variants += variants_of(comparison, [u for u in uses if u.key == common], marks, judged, kind="name")
    if not descriptions or not _differs(comparison, descriptions, variants):
        return None
    mark_neutral(variants)
    known = [v for k, v in judged.items() if _inside(k, referent) and v.judgement != "neutral"]
    lexicon = sorted({f"{' '.join(v.lemmas)}: {v.why}" for v in known})
    neutral = next((v.text for v in variants if v.neutral), None)
    why = "; ".join(lexicon) or "the articles name the same referent differently"
    return Term(
        id="",
        referent=known[0].referent if known else referent.label if referent.actor else neutral or referent.label,
        actor=referent.actor,
        variants=ordered(variants, order),
        why=why,
        referent_id=referent.id,
        type=referent.type,
        contrast=contrast(variants),
        confidence=referent.family_confidence,
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
        variants = variants_of(comparison, [u for _, u in hits], marks, judged)
        per_article: dict[str, set[str]] = defaultdict(set)
        for _, use in hits:
            per_article[use.article].add(use.key)
        if len(per_article) < 2 or len({frozenset(s) for s in per_article.values()}) < 2:
            continue
        if all(v.judgement == "neutral" for v, _ in hits):
            continue
        mark_neutral(variants)
        whys = sorted({f"{' '.join(v.lemmas)}: {v.why}" for v, _ in hits if v.judgement != "neutral"})
        terms.append(
            Term(
                id="",
                referent=referent,
                variants=ordered(variants, order),
                why="; ".join(whys),
                type="group",
                contrast=contrast(variants),
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
        home.variants = ordered(home.variants + variants_of(comparison, [use], marks, judged), order)
        home.contrast = contrast(home.variants)
    return rest


def _head_uses(article: str, doc: "Doc", bounds: list[tuple[int, int]]) -> list[Use]:
    """Common-noun phrases with modifiers, keyed by head lemma ("violent protesters" -> "protester")."""
    uses: list[Use] = []
    for chunk in noun_chunks(doc):
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
    speech: dict[str, list[tuple[int, int]]],
) -> list[Term]:
    """Noun phrases with one head noun in two or more articles whose modifiers differ, one of them loaded
    ("violent protesters" / "student protesters"), where no referent term already shows them; never
    inside a direct quotation."""
    by_head: dict[str, list[Use]] = defaultdict(list)
    for article in comparison.articles:
        bounds = [(s.start, s.end) for s in article.sentences]
        for use in _head_uses(article.id, comparison.nlp.docs[article.id], bounds):
            shown = any(a == use.article and s < use.end and use.start < e for a, s, e in held)
            if not shown and not _quoted(speech, use.article, use.start, use.end):
                by_head[use.key].append(use)
    terms: list[Term] = []
    for head, uses in by_head.items():
        keyed = [Use(u.article, u.wording, u.text, u.start, u.end) for u in uses]
        variants = variants_of(comparison, keyed, marks, {})
        wordings: dict[str, set[str]] = defaultdict(set)
        for use in keyed:
            wordings[use.article].add(use.key)
        if len(wordings) < 2 or len({frozenset(s) for s in wordings.values()}) < 2:
            continue
        if not any(v.loaded and v.why.startswith("loaded modifier") for v in variants):
            continue
        mark_neutral(variants)
        neutral = next((v.text for v in variants if v.neutral), head)
        terms.append(
            Term(
                id="",
                referent=neutral,
                variants=ordered(variants, order),
                why="the same head noun with different modifiers, one of them loaded",
                contrast=contrast(variants),
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
    speech = _speech(comparison)
    contested: list[tuple[Variant, Use]] = []
    for article in comparison.articles:
        bounds = [(s.start, s.end) for s in article.sentences]
        uses = known_uses(article.id, comparison.nlp.docs[article.id], bounds)
        contested += [(v, u) for v, u in uses if not _quoted(speech, u.article, u.start, u.end)]
    judged = {(u.article, u.start, u.end): v for v, u in contested}
    terms: list[Term] = []
    held: set[tuple[str, int, int]] = set()
    for referent in _families(comparison.referents or [], order):
        if len(referent.articles) < 2:
            continue
        term = _referent_term(comparison, referent, marks, judged, order, speech)
        if term is not None:
            terms.append(term)
            held |= {k for k in judged if _inside(k, referent)}
    loose = [(v, u) for v, u in contested if (u.article, u.start, u.end) not in held]
    loose = _join_known(comparison, terms, loose, marks, judged, order)
    terms += _known_terms(comparison, loose, marks, order)
    shown = {(s.article, s.start, s.end) for t in terms for v in t.variants for s in v.spans}
    terms += _same_head_terms(comparison, marks, shown, order, speech)
    terms.sort(key=lambda t: (-t.contrast, -len({v.article for v in t.variants}), t.referent.lower()))
    for i, term in enumerate(terms, start=1):
        term.id = f"t{i}"
    return {"terms": terms}
