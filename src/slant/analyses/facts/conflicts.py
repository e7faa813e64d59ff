"""Contradictions between claim units aligned as the same fact: numbers, counts, dates, polarity."""

from __future__ import annotations

from collections import defaultdict

from slant.analyses.facts.claims import Unit
from slant.model import Conflict

# Verbs whose opposite reading is a contradiction when two outlets report the same fact.
ANTONYMS = {
    frozenset(p)
    for p in [
        ("approve", "reject"),
        ("support", "oppose"),
        ("accept", "refuse"),
        ("accept", "reject"),
        ("increase", "decrease"),
        ("increase", "cut"),
        ("rise", "fall"),
        ("raise", "lower"),
        ("pass", "fail"),
        ("win", "lose"),
        ("confirm", "deny"),
        ("allow", "ban"),
        ("allow", "prohibit"),
        ("grow", "shrink"),
        ("open", "close"),
        ("admit", "deny"),
        ("agree", "disagree"),
        ("expand", "reduce"),
        ("gain", "lose"),
        ("include", "exclude"),
        ("acquit", "convict"),
    ]
}
# Verbs whose negation says nothing about the fact itself: speech, copulas and auxiliaries ("is not
# appropriate" vs "inappropriate"), and non-answers ("did not comment" vs "declined to comment").
_NEUTRAL_VERBS = {
    "say",
    "tell",
    "add",
    "report",
    "according",
    "note",
    "state",
    "be",
    "have",
    "do",
    "get",
    "comment",
    "respond",
    "return",
    "reply",
    "answer",
    "elaborate",
    "know",
    "want",
    "think",
}
_KIND = {
    "money": "number",
    "percent": "number",
    "tally": "number",
    "weekday": "date",
    "date": "date",
    "month": "date",
    "year": "date",
}


def _quantity_conflicts(by_article: dict[str, list[Unit]]) -> list[Conflict]:
    values: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    shown: dict[tuple[str, str], str] = {}
    for article, units in by_article.items():
        for unit in units:
            for q in unit.quantities:
                if q.value not in values[q.key][article]:
                    values[q.key][article].append(q.value)
                    shown[(article, q.key + q.value)] = q.text
    conflicts: list[Conflict] = []
    for key, per_article in values.items():
        if len(per_article) < 2:
            continue
        arts = list(per_article)
        # Any two articles giving no value in common disagree, even if a third agrees with one of them.
        if not any(not set(per_article[a]) & set(per_article[b]) for i, a in enumerate(arts) for b in arts[i + 1 :]):
            continue
        kind = "count" if key.startswith("count:") else _KIND.get(key, "number")
        what = key.split(":", 1)[1] if key.startswith("count:") else key
        texts = {a: ", ".join(shown[(a, key + v)] for v in vals) for a, vals in per_article.items()}
        why = "; ".join(f"{a} says {t}" for a, t in texts.items())
        conflicts.append(Conflict(kind=kind, values=texts, why=f"different {what}: {why}"))
    return conflicts


def _polarity_conflicts(by_article: dict[str, list[Unit]]) -> list[Conflict]:
    verbs: dict[str, dict[str, bool]] = {}
    for article, units in by_article.items():
        merged: dict[str, bool] = {}
        for unit in units:
            for lemma, negated in unit.verbs.items():
                merged[lemma] = merged.get(lemma, False) or negated
        verbs[article] = merged
    arts = list(verbs)
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            for lemma in sorted(set(verbs[a]) & set(verbs[b]) - _NEUTRAL_VERBS):
                if verbs[a][lemma] != verbs[b][lemma]:
                    said = {x: ("not " if verbs[x][lemma] else "") + lemma for x in (a, b)}
                    return [Conflict(kind="polarity", values=said, why=f"{a} says '{said[a]}', {b} says '{said[b]}'")]
            for va in verbs[a]:
                for vb in verbs[b]:
                    if frozenset((va, vb)) in ANTONYMS and not verbs[a][va] and not verbs[b][vb]:
                        said = {a: va, b: vb}
                        return [Conflict(kind="polarity", values=said, why=f"{a} says '{va}', {b} says '{vb}'")]
    return []


def find_conflicts(units: list[Unit]) -> list[Conflict]:
    """What the aligned units of one fact disagree on; empty when they agree.

    Args:
        units: the evidence of one fact, from at least two articles.
    """
    by_article: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_article[unit.article].append(unit)
    if len(by_article) < 2:
        return []
    return _quantity_conflicts(by_article) + _polarity_conflicts(by_article)
