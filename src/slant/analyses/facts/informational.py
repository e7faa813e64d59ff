"""The ``informational`` analysis: sentences whose content, not wording, may be chosen to sway.

BASIL (Fan et al., EMNLP 2019) calls this informational bias: facts an article brings in that are
tangential or speculative, such as an unrelated crime in a story about a city ordinance. The
cross-article alignment gives the signal: a sentence is flagged when every claim unit in it is a
fact only its article reports (``unique``), and it lies far from the story the articles share:
its highest cosine similarity to any sentence (of any article) that carries a shared or contradicted
fact is below ``Settings.informational_similarity``. Without a shared fact there is no common story
to be far from, and nothing is flagged.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

import numpy as np

from slant.model import Comparison, InformationalMark

if TYPE_CHECKING:
    from slant.nlp.resources import Resources
    from slant.settings import Settings


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """Sentences of unique facts far from the shared story, with how far and why."""
    layer = comparison.nlp
    statuses: dict[str, set[str]] = defaultdict(set)  # sentence id -> statuses of the facts it carries
    unique_facts: dict[str, list[str]] = defaultdict(list)
    for fact in comparison.facts or []:
        for ev in fact.evidence:
            statuses[ev.sentence].add(fact.status)
            if fact.status == "unique" and fact.id not in unique_facts[ev.sentence]:
                unique_facts[ev.sentence].append(fact.id)
    core_rows = []
    for article in comparison.articles:
        vectors = layer.vectors.get(article.id) if layer is not None else None
        if vectors is None:
            continue
        for k, sentence in enumerate(article.sentences):
            if statuses.get(sentence.id, set()) & {"shared", "contradiction"}:
                core_rows.append(vectors[k])
    if not core_rows:
        return {"informational": []}
    core = np.asarray(core_rows, dtype=np.float32)
    out = []
    for article in comparison.articles:
        vectors = layer.vectors.get(article.id)
        label = article.outlet or f"article {article.id}"
        for k, sentence in enumerate(article.sentences):
            if statuses.get(sentence.id) != {"unique"}:
                continue
            similarity = float(np.clip((core @ vectors[k]).max(), -1.0, 1.0))
            if similarity >= settings.informational_similarity:
                continue
            out.append(
                InformationalMark(
                    article=article.id,
                    sentence=sentence.id,
                    facts=unique_facts[sentence.id],
                    similarity=round(similarity, 4),
                    score=round(1.0 - max(similarity, 0.0), 4),
                    why=f"only {label} reports this, and it is far from what the articles share "
                    f"(similarity {similarity:.2f} to the closest shared fact)",
                )
            )
    return {"informational": out}
