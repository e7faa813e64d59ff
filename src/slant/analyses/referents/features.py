"""What the pair model reads about two mention candidates: the evidence that they name one referent.

Per mention (``MentionTable``): its article, the actor it belongs to (from the ``actors`` analysis),
its group (the names of one actor and the titles and descriptions an article writes against them),
head lemma, content lemmas, kind and entity label, number, grammatical role, the country it names,
the facts whose claim units hold it, and three vectors — the static embedding of its words, of its
head word, and its MiniLM states in context (the mean of the last block's token states over its
wordpieces) — and the three projected by the learned metric (``metric.py``). ``pair_features``
yields one n×n matrix per entry of ``FEATURES``, so the pair model is a weighted sum of matrices (no
per-pair Python), and training reads the pairs it needs from them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from slant.analyses.referents.mentions import Candidate
from slant.nlp.places import state_noun

FEATURES = (
    "same_article",
    "same_actor",
    "different_actors",
    "same_words",
    "same_head",
    "head_in_other",
    "head_modifies_description",
    "lemma_jaccard",
    "words_cosine",
    "context_cosine",
    "head_cosine",
    "label_clash",
    "two_names",
    "name_and_description",
    "number_clash",
    "same_fact",
    "same_fact_and_role",
    "sentence_cosine",
    "sentence_distance",
    "written_link",
    "words_cosine_cross",
    "context_cosine_cross",
    "head_cosine_descriptions",
    "group_words_max",
    "group_context_max",
    "group_head_shared",
    "modifier_names_other",
    "modifier_clash",
    "same_country",
    "modifier_country_other",
    "state_of_country",
    "name_inside_other",
    "title_share",
    "action_and_other",
    "two_actions",
    "metric_cosine",
)
"""Pair feature columns, in order (a bias term is added by the model)."""

ROLES = ("subject", "object", "oblique", "modifier", "other")
KINDS = ("name", "title", "nominal", "action")
"""The kinds of candidate (``Candidate.kind``); ``MentionTable.kind`` holds the index."""
NAME, NOMINAL, ACTION = KINDS.index("name"), KINDS.index("nominal"), KINDS.index("action")


@dataclass(frozen=True)
class MentionTable:
    """Everything known about each candidate of one comparison, one row per candidate."""

    candidates: tuple[Candidate, ...]
    article: np.ndarray
    actor: np.ndarray
    """Index of the candidate's actor, -1 for none."""
    head: np.ndarray
    """Index of the head lemma in a per-comparison vocabulary."""
    head_lemmas: tuple[str, ...]
    words: tuple[frozenset[str], ...]
    norm: np.ndarray
    """Index of the lower-cased wording in a per-comparison vocabulary."""
    kind: np.ndarray
    """Index into ``KINDS``."""
    label: np.ndarray
    """Index of the coarse entity label (0 for none)."""
    plural: np.ndarray
    """A plural head, or a coordination (``coordinated``)."""
    coordinated: np.ndarray
    """Whether the phrase joins several things with a conjunction ("North and South Korea")."""
    role: np.ndarray
    sentence: np.ndarray
    """Index of the candidate's sentence over all articles (-1 when outside every sentence)."""
    facts: tuple[frozenset[str], ...]
    words_vec: np.ndarray
    head_vec: np.ndarray
    context_vec: np.ndarray
    metric_vec: np.ndarray
    """The three vectors above projected by the learned metric (``metric.Metric``), unit rows; zero
    rows when no metric is given (while ``slant train referents`` fits one)."""
    sentence_vec: np.ndarray
    """One row per sentence over all articles (``sentence`` indexes it)."""
    links: frozenset[tuple[int, int]]
    """Pairs (i < j) linked inside one article by apposition, a copula or a title against a name."""
    group: np.ndarray
    """Index of the candidate's linked group: one actor's mentions and what articles tie to them."""
    nested: tuple[frozenset[int], ...]
    """Groups of the names written inside the candidate ("Japanese" in "Japanese officials")."""
    modifiers: tuple[frozenset[str], ...]
    """Capitalised words before the head ("north" in "North Korea")."""
    country: tuple[str, ...]
    """ISO3 code of the country a name stands for ("Pyongyang" -> "PRK"), else ``""``."""
    modifier_countries: tuple[frozenset[str], ...]
    """Countries named by words before the head ("Russian" in "Russian officials")."""


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.asarray(np.clip(a @ b.T, -1.0, 1.0), dtype=np.float32)


def _onehot(sets: Sequence[frozenset[str]], vocab: dict[str, int]) -> np.ndarray:
    for s in sets:
        for w in s:
            vocab.setdefault(w, len(vocab))
    out = np.zeros((len(sets), max(len(vocab), 1)), dtype=np.float32)
    for r, s in enumerate(sets):
        out[r, [vocab[w] for w in s]] = 1.0
    return out


def _group_max(sim: np.ndarray, group: np.ndarray) -> np.ndarray:
    """``out[a, g]``: the highest ``sim[a, k]`` over the members ``k`` of group ``g`` other than ``a``."""
    groups = int(group.max()) + 1
    sim = sim.copy()
    np.fill_diagonal(sim, -1.0)
    order = np.argsort(group, kind="stable")
    bounds = np.searchsorted(group[order], np.arange(groups))
    out: np.ndarray = np.maximum.reduceat(sim[:, order], bounds, axis=1).astype(np.float32)
    return out


def _either(a: np.ndarray) -> np.ndarray:
    """A symmetric matrix: ``a[i, j] or a[j, i]`` (max for numbers)."""
    out: np.ndarray = np.maximum(a, a.T)
    return out


def _equal(values: np.ndarray) -> np.ndarray:
    return np.asarray(values[:, None] == values[None, :])


def pair_features(table: MentionTable) -> Iterator[tuple[str, np.ndarray]]:
    """The features of every candidate pair, one symmetric n×n float32 matrix per name of ``FEATURES``,
    in that order (the diagonal is meaningless)."""
    n = len(table.candidates)
    same_article = _equal(table.article)
    cross = ~same_article
    has_actor = table.actor >= 0
    both_actors = has_actor[:, None] & has_actor[None, :]
    same_actor = _equal(table.actor)
    words_sim = _cos(table.words_vec, table.words_vec)
    context_sim = _cos(table.context_vec, table.context_vec)
    head_sim = _cos(table.head_vec, table.head_vec)
    vocab: dict[str, int] = {}
    lemmas = _onehot(table.words, vocab)
    heads = np.array([vocab.setdefault(h, len(vocab)) for h in table.head_lemmas], dtype=np.int64)
    if lemmas.shape[1] < len(vocab):
        lemmas = np.pad(lemmas, ((0, 0), (0, len(vocab) - lemmas.shape[1])))
    inter = lemmas @ lemmas.T
    sizes = lemmas.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - inter
    names = table.kind == 0
    is_name = names[:, None] & names[None, :]
    mixed = names[:, None] != names[None, :]
    descriptions = ~names[:, None] & ~names[None, :]
    group_heads = np.zeros((int(table.group.max()) + 1 if n else 0, len(vocab)), dtype=bool)
    group_heads[table.group, heads] = True
    # How often each head word is written as a title against each group's names ("President" before
    # "Trump" 30 times, before "Moon" 5): a bare "the president" likely names the group holding most.
    titled = np.zeros((len(vocab), group_heads.shape[0]), dtype=np.float32)
    for t in np.flatnonzero(table.kind == 1).tolist():
        titled[heads[t], table.group[t]] += 1.0
    title_share = titled / np.maximum(titled.sum(axis=1, keepdims=True), 1.0)
    nested = np.zeros((n, group_heads.shape[0]), dtype=bool)
    for k, gs in enumerate(table.nested):
        nested[k, list(gs)] = True
    modifiers = _onehot(table.modifiers, {})
    has_modifier = modifiers.sum(axis=1) > 0
    countries: dict[str, int] = {}
    country = np.array([countries.setdefault(c, len(countries)) if c else -1 for c in table.country], dtype=np.int64)
    has_country = country >= 0
    modifier_country = _onehot(table.modifier_countries, countries)
    if modifier_country.shape[1] < len(countries):
        modifier_country = np.pad(modifier_country, ((0, 0), (0, len(countries) - modifier_country.shape[1])))
    state = np.array([state_noun(h, bool(p)) for h, p in zip(table.head_lemmas, table.plural, strict=True)])
    name_words = _onehot([ws if table.kind[k] == 0 else frozenset() for k, ws in enumerate(table.words)], {})
    name_sizes = name_words.sum(axis=1)
    smaller = np.minimum(name_sizes[:, None], name_sizes[None, :])
    facts = _onehot(table.facts, {})
    shared_fact = ((facts @ facts.T) > 0) & cross
    inside = table.sentence >= 0
    sentence_vec = table.sentence_vec[np.maximum(table.sentence, 0)]
    sentence_cos = np.where(inside[:, None] & inside[None, :], _cos(sentence_vec, sentence_vec), 0.0)
    linked = np.zeros((n, n), dtype=bool)
    for a, b in table.links:
        linked[a, b] = linked[b, a] = True
    columns: dict[str, Callable[[], Any]] = {
        "same_article": lambda: same_article,
        "same_actor": lambda: both_actors & same_actor,
        "different_actors": lambda: both_actors & ~same_actor,
        "same_words": lambda: _equal(table.norm),
        "same_head": lambda: _equal(table.head),
        "head_in_other": lambda: _either(lemmas[:, heads].T),
        # "immigrant advocates" / "immigrants", "the Iran deal" / "Iran": a description whose modifier is
        # the other mention's head names something else.
        "head_modifies_description": lambda: _either(
            (lemmas[:, heads] > 0) & (table.kind == NOMINAL)[:, None] & ~_equal(table.head)
        ),
        "lemma_jaccard": lambda: np.where(union > 0, inter / np.maximum(union, 1.0), 0.0),
        "words_cosine": lambda: words_sim,
        "context_cosine": lambda: context_sim,
        "head_cosine": lambda: head_sim,
        "label_clash": lambda: (table.label[:, None] > 0) & (table.label[None, :] > 0) & ~_equal(table.label),
        "two_names": lambda: is_name,
        "name_and_description": lambda: mixed,
        "number_clash": lambda: ~_equal(table.plural),
        "same_fact": lambda: shared_fact,
        "same_fact_and_role": lambda: shared_fact & _equal(table.role),
        "sentence_cosine": lambda: sentence_cos,
        "sentence_distance": lambda: np.where(
            same_article & inside[:, None] & inside[None, :],
            np.log1p(np.abs(table.sentence[:, None] - table.sentence[None, :])),
            0.0,
        ),
        "written_link": lambda: linked,
        "words_cosine_cross": lambda: words_sim * cross,
        "context_cosine_cross": lambda: context_sim * cross,
        "head_cosine_descriptions": lambda: head_sim * descriptions,
        "group_words_max": lambda: _either(_group_max(words_sim, table.group)[:, table.group]),
        "group_context_max": lambda: _either(_group_max(context_sim, table.group)[:, table.group]),
        "group_head_shared": lambda: _either(group_heads[table.group][:, heads]),
        "modifier_names_other": lambda: _either(nested[:, table.group]),
        "modifier_clash": lambda: (
            has_modifier[:, None] & has_modifier[None, :] & ((modifiers @ modifiers.T) == 0) & _equal(table.head)
        ),
        "same_country": lambda: has_country[:, None] & _equal(country),
        "modifier_country_other": lambda: _either(
            has_country[None, :] & (modifier_country[:, np.maximum(country, 0)] > 0)
        ),
        # "the Russian government", "Veskaria's regime" / "Russia", "Veskaria": the state for its country.
        "state_of_country": lambda: _either(
            state[:, None] & has_country[None, :] & (modifier_country[:, np.maximum(country, 0)] > 0)
        ),
        "name_inside_other": lambda: (smaller > 0) & ((name_words @ name_words.T) == smaller),
        "action_and_other": lambda: (table.kind[:, None] == 3) != (table.kind[None, :] == 3),
        "two_actions": lambda: (table.kind[:, None] == 3) & (table.kind[None, :] == 3),
        "metric_cosine": lambda: _cos(table.metric_vec, table.metric_vec),
        "title_share": lambda: _either(np.where(names[:, None], 0.0, title_share[heads][:, table.group])),
    }
    for name in FEATURES:
        yield name, np.asarray(columns[name](), dtype=np.float32)


def role_of(dep: str) -> int:
    """The coarse grammatical role of a head with dependency label ``dep`` (an index into ``ROLES``)."""
    if dep in {"nsubj", "nsubjpass", "csubj", "agent", "expl"}:
        return 0
    if dep in {"dobj", "attr", "oprd", "dative"}:
        return 1
    if dep == "pobj":
        return 2
    if dep in {"poss", "compound", "amod", "nmod", "appos"}:
        return 3
    return 4


def mean_rows(states: np.ndarray, rows: Sequence[int]) -> np.ndarray:
    """The mean of the given rows of ``states`` (zeros for none)."""
    if not rows:
        return np.zeros(states.shape[1], dtype=np.float32)
    return np.asarray(states[list(rows)].mean(axis=0), dtype=np.float32)
