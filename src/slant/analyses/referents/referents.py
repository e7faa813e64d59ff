"""The ``referents`` analysis: every person, group, organisation, place, event and object the articles
name, each mention grouped with the others that name the same thing, across all articles.

Candidates (``mentions.py``) are described for the pair model (``table.py``, ``features.py``); the
model (``pairs.py``) gives every pair a probability of naming one thing, and ``cluster.py`` groups
them. A referent is kept when it has two or more mentions; one whose names are those of an actor of
the ``actors`` analysis carries that actor's id and name.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from slant.analyses.referents.cluster import attach, cluster
from slant.analyses.referents.features import ACTION, NAME, NOMINAL, MentionTable
from slant.analyses.referents.metric import load as load_metric
from slant.analyses.referents.pairs import load
from slant.analyses.referents.table import CONTEXT_LAYER, build_table
from slant.model import Comparison, Mention, Referent

if TYPE_CHECKING:
    from spacy.tokens import Token

    from slant.nlp.resources import Resources
    from slant.settings import Settings

_NOT_PEOPLE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
"""Actor types that are never one referent with a person."""
_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
_TYPES |= {"NORP": "group", "EVENT": "event", "LAW": "thing"}
_EVENT_SUFFIXES = ("tion", "sion", "ment", "ing", "ance", "ence", "al")
_EVENT_HEADS = frozenset(
    """meeting summit talks talk visit trip war strike vote election campaign attack raid deal agreement
    protest rally hearing trial ruling decision crisis conflict ban cut cuts policy plan law bill""".split()
)


@dataclass(frozen=True)
class Resolved:
    """The candidates of one comparison and the referent label of each (singletons included)."""

    table: MentionTable
    labels: np.ndarray
    prob: np.ndarray
    """The pair probabilities the labels were clustered from (n×n)."""
    families: np.ndarray
    """A looser grouping of the same probabilities (``Settings.referent_family_threshold``, then
    ``cluster.attach`` at ``Settings.referent_attach_threshold``): referents likely, not surely, the same
    thing, which the terms compare as one."""


def hidden_layers(resources: "Resources") -> tuple[int, ...]:
    """The MiniLM block whose token states give mentions their vectors in context."""
    return (CONTEXT_LAYER,)


def resolve(comparison: Comparison, resources: "Resources", settings: "Settings") -> Resolved:
    """Group every mention candidate of the comparison into referents (singletons included)."""
    table = build_table(comparison, resources, load_metric(resources))
    if not table.candidates:
        empty = np.zeros(0, dtype=np.int64)
        return Resolved(table, empty, np.zeros((0, 0), dtype=np.float32), empty)
    model = load(resources)
    threshold = settings.referent_threshold if settings.referent_threshold is not None else model.threshold
    prob = model.probabilities(table)
    keep_apart = apart(comparison, table)
    labels = cluster(prob, table.group, threshold, keep_apart)
    apart_labels = _apart_labels(keep_apart, table.group, labels)
    families = labels
    if settings.referent_family_threshold < threshold:
        families = cluster(prob, labels, settings.referent_family_threshold, apart_labels)
    if settings.referent_attach_threshold < 1.0:
        families = attach(
            prob,
            families,
            table.article,
            table.kind == ACTION,
            settings.referent_attach_threshold,
            _apart_labels(apart_labels, labels, families),
        )
    return Resolved(table, labels, prob, families)


def _apart_labels(apart_groups: np.ndarray, group: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The never-join pairs of groups carried over to the referents the groups formed."""
    count = int(labels.max()) + 1
    out = np.zeros((count, count), dtype=bool)
    of_group = np.zeros(int(group.max()) + 1, dtype=np.int64)
    of_group[group] = labels
    a, b = np.nonzero(apart_groups)
    out[of_group[a], of_group[b]] = True
    np.fill_diagonal(out, False)
    return out


def _cross_mean(prob: np.ndarray, members: np.ndarray, parts: np.ndarray) -> float | None:
    """Mean pair probability between ``members`` that lie in different ``parts``; None when all share one."""
    cross = parts[:, None] != parts[None, :]
    if not cross.any():
        return None
    return round(float(prob[np.ix_(members, members)][cross].mean()), 3)


def _confidence(resolved: Resolved, members: list[int]) -> float:
    """Mean pair probability between members of different linked groups (1.0 when all are one group)."""
    found = _cross_mean(resolved.prob, np.asarray(members), resolved.table.group[members])
    return 1.0 if found is None else found


def _family_confidence(resolved: Resolved) -> dict[int, float]:
    """Per family of two or more referents: the mean pair probability between mentions of its different referents."""
    out: dict[int, float] = {}
    for family in np.unique(resolved.families).tolist():
        ks = np.flatnonzero(resolved.families == family)
        if (found := _cross_mean(resolved.prob, ks, resolved.labels[ks])) is not None:
            out[int(family)] = found
    return out


def apart(comparison: Comparison, table: MentionTable) -> np.ndarray:
    """Groups that never join: two different people, a person and a named place, country or organisation
    ("Kim Jong Un" and "North Korea"), two places that stand for different countries ("North Korea" and
    "Seoul"), a person with a group named in the plural, one named thing with a coordination ("North
    Korea" and "North and South Korea"), two plural descriptions of which one has the other's head among
    its modifiers ("immigrant advocates" and "immigrants"), a verb and a phrase filling one of its slots
    ("deport" and "immigrants"), two phrases in different slots of one verb ("shields immigrants from
    deportation"), and two actions one article tells with different verbs ("tore down" and "hauled off").

    Not held apart (left to the pair model, which weighs the same evidence as features): two conjuncts
    ("mothers and fathers", both "parents" in NewsWCL50's loose coding), and two articles' verbs in
    sentences of no shared fact (the fact links miss some). As hard constraints these cost NewsWCL50
    recall at every precision (docs/EVALUATION.md, twelfth session)."""
    groups = int(table.group.max()) + 1
    actors = comparison.actors or []
    person = np.full(groups, -1, dtype=np.int64)
    plural = np.zeros(groups, dtype=np.float32)
    size = np.zeros(groups, dtype=np.float32)
    country: dict[int, set[str]] = defaultdict(set)
    named_thing = np.zeros(groups, dtype=bool)
    several = np.zeros(groups, dtype=bool)
    for k, g in enumerate(table.group.tolist()):
        a = int(table.actor[k])
        if a >= 0 and table.kind[k] == NAME and actors[a].type == "PERSON":
            person[g] = a
        if table.kind[k] == NAME and table.country[k]:
            country[g].add(table.country[k])
        if table.kind[k] == NAME and (table.country[k] or (a >= 0 and actors[a].type in _NOT_PEOPLE)):
            named_thing[g] = True
        plural[g] += float(table.plural[k])
        size[g] += 1.0
        if table.kind[k] == NOMINAL and table.coordinated[k]:
            several[g] = True
    is_person = person >= 0
    many = plural * 2 > size
    two_people = is_person[:, None] & is_person[None, :] & (person[:, None] != person[None, :])
    person_and_many = (is_person[:, None] & many[None, :]) | (many[:, None] & is_person[None, :])
    person_and_thing = (is_person[:, None] & named_thing[None, :]) | (named_thing[:, None] & is_person[None, :])
    one = is_person | named_thing
    several_and_one = (several[:, None] & one[None, :]) | (one[:, None] & several[None, :])
    out: np.ndarray = two_people | person_and_many | person_and_thing | several_and_one | _two_verbs(table, groups)
    out |= _co_arguments(comparison, table, groups) | _modifier_and_head(table, groups)
    for g, h in itertools.combinations(sorted(country), 2):
        if not country[g] & country[h]:
            out[g, h] = out[h, g] = True
    return out


def _modifier_and_head(table: MentionTable, groups: int) -> np.ndarray:
    """Pairs of groups holding two plural descriptions of which one has the other's head word among its
    other words: "immigrant advocates" are not "immigrants", "campaign aides" not "campaigns". A singular
    one is left to the pair model (``head_modifies_description``): a compound often names the thing
    itself ("the summit meeting" and "the summit", "Measure R" and "the measure", "police officers" and
    "the police"); held apart, these cost NewsWCL50 recall (docs/EVALUATION.md, sixteenth session).
    Names are left to the pair model too ("the Trump administration" and "Trump")."""
    out = np.zeros((groups, groups), dtype=bool)
    heads: dict[str, set[int]] = defaultdict(set)
    several = [k for k in np.flatnonzero(table.kind == NOMINAL).tolist() if table.plural[k]]
    for k in several:
        heads[table.head_lemmas[k]].add(int(table.group[k]))
    for k in several:
        g = int(table.group[k])
        for word in table.words[k] - {table.head_lemmas[k]}:
            for h in heads.get(word, ()):
                out[g, h] = out[h, g] = h != g
    return out


_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent"})


def _slot(token: "Token") -> tuple[int, str] | None:
    """The predicate ``token`` fills a slot of, and the slot: its subject or object, or the object of a
    preposition attached to it ("shields [immigrants] from [deportation]")."""
    if token.dep_ in _SLOTS:
        return token.head.i, token.dep_
    if token.dep_ == "pobj" and token.head.dep_ in {"prep", "agent"} and token.head.head.pos_ in {"VERB", "AUX"}:
        return token.head.head.i, f"{token.head.dep_}:{token.head.lower_}"
    return None


def _co_arguments(comparison: Comparison, table: MentionTable, groups: int) -> np.ndarray:
    """Pairs of groups one clause keeps apart: a verb and a phrase filling one of its slots ("deport" and
    "immigrants"), and two phrases filling different slots of one verb ("shields immigrants from
    deportation"). Apposition, copulas and what a verb calls its object are links (``table._links``),
    not slots, so "the strait is a tinderbox" stays one."""
    out = np.zeros((groups, groups), dtype=bool)
    verbs: dict[tuple[str, int], list[int]] = defaultdict(list)
    fills: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for k, cand in enumerate(table.candidates):
        if table.kind[k] == ACTION:
            verbs[(cand.article, cand.head)].append(int(table.group[k]))
        elif (found := _slot(comparison.nlp.docs[cand.article][cand.head])) is not None:
            fills[(cand.article, found[0])].append((found[1], int(table.group[k])))
    for key, slots in fills.items():
        for (slot, g), (other, h) in itertools.combinations(slots, 2):
            if slot != other and g != h:
                out[g, h] = out[h, g] = True
        for v in verbs.get(key, []):
            for _, g in slots:
                if g != v:
                    out[g, v] = out[v, g] = True
    return out


def _two_verbs(table: MentionTable, groups: int) -> np.ndarray:
    """Pairs of groups that are actions one article tells with different verbs."""
    verb: dict[int, tuple[str, str]] = {}
    mixed: set[int] = set()
    for k, g in enumerate(table.group.tolist()):
        told = (table.candidates[k].article, table.head_lemmas[k])
        if table.kind[k] != ACTION or verb.setdefault(g, told) != told:
            mixed.add(g)
    out = np.zeros((groups, groups), dtype=bool)
    only = [(g, told) for g, told in verb.items() if g not in mixed]
    for i, (g, (article, lemma)) in enumerate(only):
        for h, (other, second) in only[i + 1 :]:
            if article == other and lemma != second:
                out[g, h] = out[h, g] = True
    return out


def _type(comparison: Comparison, table: MentionTable, members: list[int], actor: int) -> str:
    actors = comparison.actors or []
    if actor >= 0 and actors[actor].type in _TYPES:
        return _TYPES[actors[actor].type]
    if sum(table.kind[k] == ACTION for k in members) * 2 > len(members):
        return "event"  # told with verbs: "tore down", "dismantled"
    labels = Counter(table.candidates[k].label for k in members if table.candidates[k].label)
    if labels:
        return _TYPES.get(labels.most_common(1)[0][0], "thing")
    heads = Counter(table.head_lemmas[k] for k in members)
    head = heads.most_common(1)[0][0]
    if head in _EVENT_HEADS or (len(head) > 5 and head.endswith(_EVENT_SUFFIXES)):
        return "event"
    plural = sum(bool(table.plural[k]) for k in members) * 2 > len(members)
    return "group" if plural else "thing"


def _label(comparison: Comparison, table: MentionTable, members: list[int], actor: int) -> str:
    if actor >= 0:
        return (comparison.actors or [])[actor].name
    names = Counter(table.candidates[k].text for k in members if table.kind[k] == NAME)
    if names:
        return max(names, key=lambda n: (names[n], len(n)))
    wordings = Counter(table.candidates[k].text.lower() for k in members)
    return wordings.most_common(1)[0][0]


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """Find the referents of the comparison.

    Returns:
        ``{"referents": [Referent, ...]}``: those whose family has two or more mentions, named in the most
        articles first, then by number of mentions.
    """
    resolved = resolve(comparison, resources, settings)
    table = resolved.table
    members: dict[int, list[int]] = defaultdict(list)
    family_size: Counter[int] = Counter(resolved.families.tolist())
    family_of: dict[int, int] = {}
    for k, label in enumerate(resolved.labels.tolist()):
        members[label].append(k)
        family_of[label] = int(resolved.families[k])
    order = {a.id: i for i, a in enumerate(comparison.articles)}
    actors = comparison.actors or []
    found: list[Referent] = []
    families: dict[int, str] = {}
    cohesion = _family_confidence(resolved)
    for label, ks in members.items():
        if family_size[family_of[label]] < 2:
            continue
        owners = Counter(int(table.actor[k]) for k in ks if table.actor[k] >= 0 and table.kind[k] == NAME)
        actor = owners.most_common(1)[0][0] if owners else -1
        mentions = [
            Mention(article=c.article, text=c.text, start=c.start, end=c.end)
            for c in sorted((table.candidates[k] for k in ks), key=lambda c: (order[c.article], c.start))
        ]
        found.append(
            Referent(
                id="",
                label=_label(comparison, table, ks, actor),
                type=_type(comparison, table, ks, actor),
                actor=actors[actor].id if actor >= 0 else None,
                mentions=mentions,
                articles=sorted({m.article for m in mentions}, key=order.__getitem__),
                confidence=(confidence := _confidence(resolved, ks)),
                family=families.setdefault(family_of[label], f"f{len(families) + 1}"),
                family_confidence=cohesion.get(family_of[label], confidence),
            )
        )
    found.sort(key=lambda r: (-len(r.articles), -len(r.mentions), r.label.lower()))
    for i, referent in enumerate(found, start=1):
        referent.id = f"r{i}"
    return {"referents": found}
