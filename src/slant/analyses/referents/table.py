"""Build the ``MentionTable`` of one comparison: candidates with their actor, lemmas, role, facts and vectors."""

from __future__ import annotations

import bisect
from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np

from slant.analyses.actors.names import coordinated
from slant.analyses.quotes.speech import is_negated
from slant.analyses.referents.features import KINDS, MentionTable, mean_rows, role_of
from slant.analyses.referents.mentions import Candidate, candidates
from slant.analyses.referents.metric import Metric, raw_vectors, unit_rows
from slant.model import Comparison
from slant.nlp.places import country_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from slant.nlp.minilm import Hidden
    from slant.nlp.resources import Resources

CONTEXT_LAYER = 6
"""MiniLM block count whose token states give a mention's vector in context (the last block)."""
_CONTENT = {"NOUN", "PROPN", "ADJ", "VERB", "NUM"}
_KINDS = {kind: k for k, kind in enumerate(KINDS)}
_LABELS = {"PERSON": 1, "ORG": 2, "GPE": 3, "LOC": 3, "NORP": 4, "FAC": 5, "EVENT": 6, "LAW": 7}


def _lemmas(doc: "Doc", cand: Candidate) -> frozenset[str]:
    return frozenset(
        t.lemma_.lower() for t in doc[cand.first : cand.last + 1] if t.pos_ in _CONTENT and not t.is_stop and t.is_alpha
    )


def _head_lemma(token: "Token") -> str:
    return token.lemma_.lower() if token.pos_ != "PROPN" else token.lower_


def _actor_index(comparison: Comparison) -> dict[str, list[tuple[int, int, int]]]:
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for k, actor in enumerate(comparison.actors or []):
        for m in actor.mentions:
            spans[m.article].append((m.start, m.end, k))
    for found in spans.values():
        found.sort()
    return spans


def _actor_of(spans: list[tuple[int, int, int]], head_start: int, head_end: int) -> int:
    for start, end, k in spans:
        if start <= head_start and head_end <= end:
            return k
    return -1


def _fact_index(comparison: Comparison) -> dict[str, list[tuple[int, int, str]]]:
    units: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for fact in comparison.facts or []:
        if fact.status == "unique":
            continue
        for ev in fact.evidence:
            units[ev.article].append((ev.start, ev.end, fact.id))
    return units


def _predicating_verb(head: "Token") -> "Token | None":
    """The verb that says what its object is, when ``head`` is that saying: "called [the decision] a
    correction" (object predicate), "described [the plan] as a giveaway" ("as" and its object)."""
    if head.dep_ == "oprd" and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ == "VERB":
        return head.head.head
    return None


_FUTURE = frozenset({"will", "shall", "'ll", "’ll"})


def _conjectured(verb: "Token") -> bool:
    """Whether a modal of possibility governs the verb ("cranes could be a first step", "it may be a
    ploy"): a guess at what something is or leads to, not what the article calls it; "will" is not one."""
    return any(t.tag_ == "MD" and t.lower_ not in _FUTURE for t in verb.children)


def _links(doc: "Doc", cands: list[Candidate], offset: int) -> set[tuple[int, int]]:
    """Pairs of candidates (global indices) one article ties together: a title and its name, an
    apposition, a copula ("the strait is a tinderbox"), and an object with what a verb calls it ("called
    the decision a correction", "described the plan as a giveaway"); never a negated one, nor a copula
    under a modal of possibility."""
    by_head = {c.head: offset + k for k, c in enumerate(cands)}
    out: set[tuple[int, int]] = set()
    for k, c in enumerate(cands):
        # The title's name is the first candidate after it, not a name inside it ("South Korean" of
        # "South Korean President Moon Jae-in" starts where the title does).
        after = next((j for j in range(k + 1, len(cands)) if cands[j].first > c.last), None)
        if c.kind == "title" and after is not None and cands[after].kind == "name":
            between = doc[c.last + 1 : cands[after].first]
            if all(t.is_punct or t.is_quote for t in between):
                out.add((offset + k, offset + after))
        head = doc[c.head]
        partner = None
        if head.dep_ == "appos":
            partner = by_head.get(head.head.i)
        elif (
            head.dep_ == "attr"
            and head.head.lemma_ == "be"
            and not is_negated(head.head)
            and not _conjectured(head.head)
        ):
            subject = next((t for t in head.head.children if t.dep_ == "nsubj"), None)
            partner = by_head.get(subject.i) if subject is not None else None
        elif (verb := _predicating_verb(head)) is not None and not is_negated(verb):
            obj = next((t for t in verb.children if t.dep_ == "dobj"), None)
            partner = by_head.get(obj.i) if obj is not None else None
        if partner is not None and partner != offset + k:
            out.add((min(partner, offset + k), max(partner, offset + k)))
    return out


def _groups(cands: list[Candidate], actor: list[int], links: set[tuple[int, int]], definite: list[bool]) -> np.ndarray:
    """A group index per candidate: the names of one actor (and the definite descriptions the ``actors``
    analysis gave it: "the transit chief"), with the titles and descriptions an article writes against one
    of those names or against each other ("the strait is a tinderbox"). A group never holds two actors."""
    parent = list(range(len(cands)))
    owner = {k: a for k, a in enumerate(actor) if a >= 0 and (cands[k].kind == "name" or definite[k])}

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra == rb or (ra in owner and rb in owner and owner[ra] != owner[rb]):
            return
        root, other = min(ra, rb), max(ra, rb)
        parent[other] = root
        if other in owner:
            owner.setdefault(root, owner[other])

    first: dict[int, int] = {}
    for k, a in sorted(owner.items()):
        union(first.setdefault(a, k), k)
    for a, b in sorted(links):
        if cands[a].kind != "name" or cands[b].kind != "name":  # two names are never one by apposition alone
            union(a, b)
    roots = {r: g for g, r in enumerate(sorted({find(a) for a in range(len(cands))}))}
    return np.array([roots[find(a)] for a in range(len(cands))], dtype=np.int64)


def _modifiers(doc: "Doc", cand: Candidate) -> frozenset[str]:
    return frozenset(
        t.lower_ for t in doc[cand.first : cand.head] if t.text[:1].isupper() and t.is_alpha and t.i > cand.first - 1
    )


def _countries(doc: "Doc", cand: Candidate) -> tuple[str, frozenset[str]]:
    """The country the candidate names (a name, acronym, capital or demonym), and those its modifiers and
    its possessor name ("Russian" in "Russian officials", "Russia's" or "Moscow's" before "government")."""
    own = country_of(cand.text) if cand.kind == "name" or cand.label in {"GPE", "NORP", "LOC"} else None
    before = frozenset(
        code for t in doc[cand.first : cand.head] if t.text[:1].isupper() and (code := country_of(t.text, False))
    )
    owners = frozenset(
        code
        for t in doc[cand.head].children
        if t.dep_ == "poss"
        and t.i < cand.first
        and t.text[:1].isupper()
        and (code := country_of(doc[t.left_edge.i : t.i + 1].text))
    )
    names = frozenset(
        code
        for e in doc[cand.first : cand.head].ents
        if e.label_ in {"GPE", "NORP"} and (code := country_of(e.text, False))
    )
    return own or "", before | names | owners


_DEFINITE = frozenset({"the", "'s", "’s"})


def _definite(doc: "Doc", first: int) -> bool:
    """Whether "the" or a possessive opens the phrase (quotation marks between allowed: the “border
    czar”, Trump’s “border czar”, his deputy)."""
    i = first - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_punct) and doc[i].tag_ != "POS":
        i -= 1
    return i >= 0 and (doc[i].lower_ in _DEFINITE or doc[i].tag_ in ("POS", "PRP$"))


def _context_states(comparison: Comparison, resources: "Resources", article_id: str, texts: list[str]) -> "Hidden":
    kept = comparison.nlp.hidden.get(article_id, {})
    if CONTEXT_LAYER in kept:
        hidden: Hidden = kept[CONTEXT_LAYER]
        return hidden
    return resources.minilm().hidden_states(texts, CONTEXT_LAYER)


def build_table(comparison: Comparison, resources: "Resources", metric: Metric | None) -> MentionTable:
    """Every mention candidate of every article, with what the pair model reads about it (the learned
    metric's vectors left zero when ``metric`` is None)."""
    actor_spans = _actor_index(comparison)
    fact_units = _fact_index(comparison)
    fact_sentences = {ev.sentence for fact in comparison.facts or [] if fact.status != "unique" for ev in fact.evidence}
    cands: list[Candidate] = []
    links: set[tuple[int, int]] = set()
    article, actor, plural, joined, role, sentence = [], [], [], [], [], []
    words, heads, facts = [], [], []
    definite: list[bool] = []
    context: list[np.ndarray] = []
    sentence_base = 0
    for a, art in enumerate(comparison.articles):
        doc = comparison.nlp.docs[art.id]
        bounds = [(s.start, s.end) for s in art.sentences]
        shared = [(s.start, s.end) for s in art.sentences if s.id in fact_sentences]
        names = [(start, end) for start, end, _ in actor_spans.get(art.id, [])]
        found = candidates(art.id, doc, bounds, shared, names)
        links |= _links(doc, found, len(cands))
        starts = [s.start for s in art.sentences]
        hidden = _context_states(comparison, resources, art.id, [s.text for s in art.sentences])
        for c in found:
            head = doc[c.head]
            k = bisect.bisect_right(starts, c.start) - 1
            article.append(a)
            actor.append(_actor_of(actor_spans.get(art.id, []), head.idx, head.idx + len(head.text)))
            joined.append(coordinated(doc[c.first : c.last + 1]))
            plural.append(head.tag_ in {"NNS", "NNPS"} or joined[-1])
            role.append(role_of(head.dep_))
            sentence.append(sentence_base + k if k >= 0 else -1)
            words.append(_lemmas(doc, c))
            definite.append(_definite(doc, c.first))
            heads.append(_head_lemma(head))
            facts.append(frozenset(f for s, e, f in fact_units.get(art.id, []) if s <= c.start and c.end <= e))
            rows: list[int] = []
            if k >= 0:
                sent = art.sentences[k]
                lo, hi = c.start - sent.start, c.end - sent.start
                base = int(hidden.starts[k])
                rows = [base + p for p, (x, y) in enumerate(hidden.encodings[k].offsets) if y > x and x < hi and lo < y]
            context.append(mean_rows(hidden.states, rows))
        cands += found
        sentence_base += len(art.sentences)
    static = resources.embedder("static")
    vocab_norm: dict[str, int] = {}
    vocab_head: dict[str, int] = {}
    group = _groups(cands, actor, links, definite)
    nested: list[frozenset[int]] = []
    for k, c in enumerate(cands):
        inner = {
            int(group[m])
            for m in range(max(0, k - 6), min(len(cands), k + 7))
            if m != k
            and cands[m].article == c.article
            and cands[m].kind == "name"
            and c.first <= cands[m].first
            and cands[m].last <= c.last
            and cands[m].head != c.head
        }
        nested.append(frozenset(inner))
    countries = [
        _countries(comparison.nlp.docs[comparison.articles[a].id], c) for a, c in zip(article, cands, strict=True)
    ]
    norm = [vocab_norm.setdefault(c.text.lower(), len(vocab_norm)) for c in cands]
    head_ids = [vocab_head.setdefault(h, len(vocab_head)) for h in heads]
    sentence_vec = np.concatenate([comparison.nlp.vectors[a.id] for a in comparison.articles] or [np.zeros((0, 384))])
    context_vec = unit_rows(np.array(context, dtype=np.float32).reshape(len(cands), -1))
    words_vec, head_vec = static.encode([c.text for c in cands]), static.encode(heads)
    return MentionTable(
        candidates=tuple(cands),
        article=np.array(article, dtype=np.int64),
        actor=np.array(actor, dtype=np.int64),
        head=np.array(head_ids, dtype=np.int64),
        head_lemmas=tuple(heads),
        words=tuple(words),
        norm=np.array(norm, dtype=np.int64),
        kind=np.array([_KINDS[c.kind] for c in cands], dtype=np.int64),
        label=np.array([_LABELS.get(c.label, 0) for c in cands], dtype=np.int64),
        plural=np.array(plural, dtype=bool),
        coordinated=np.array(joined, dtype=bool),
        role=np.array(role, dtype=np.int64),
        sentence=np.array(sentence, dtype=np.int64),
        facts=tuple(facts),
        words_vec=words_vec,
        head_vec=head_vec,
        context_vec=context_vec,
        metric_vec=metric.project(raw_vectors(context_vec, words_vec, head_vec))
        if metric
        else np.zeros((len(cands), 1), dtype=np.float32),
        sentence_vec=np.asarray(sentence_vec, dtype=np.float32),
        links=frozenset(links),
        group=group,
        nested=tuple(nested),
        country=tuple(c for c, _ in countries),
        modifier_countries=tuple(m for _, m in countries),
        modifiers=tuple(
            _modifiers(comparison.nlp.docs[comparison.articles[a].id], c) for a, c in zip(article, cands, strict=True)
        ),
    )
