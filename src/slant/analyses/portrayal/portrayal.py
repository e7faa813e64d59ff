"""The ``portrayal`` analysis: how each article presents each actor, and whose voice it carries.

For every actor (person, organisation, group or place) and every article that mentions or quotes
it: the number of mentions, how the article names it (names as written, titles, descriptions,
epithets set off by commas: "known for mass evictions"),
the sentiment of each sentence that mentions it *toward that actor* (the NewsMTSC-trained model of
``sentiment.py``, all of the actor's mentions in the sentence read together), averaged into a tone
in [-1, 1] with the sentences that lean furthest as evidence, and its quotes and share of the
article's quoted words. Also per article: the voice balance (``voices.py``) and the sides stated
for actors (``sides.py``). Enriches ``actors`` (``side``, ``portrayal``) and adds ``voices``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from slant.analyses.actors.descriptions import actor_uses
from slant.analyses.portrayal import sentiment
from slant.analyses.portrayal.sides import actor_side
from slant.analyses.portrayal.voices import quoted_words, voice_balance
from slant.model import Actor, Article, Comparison, Portrayal, Quote, SentimentEvidence

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from slant.analyses.portrayal.sentiment import SentimentModel
    from slant.nlp.resources import Resources
    from slant.settings import Settings

TARGET_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
EPITHET_WORDS = 16
EVIDENCE = 3
REFERENCES = 8
CLASSES = sentiment.CLASSES

Probs = tuple[float, float, float]


def _sentence_targets(article: Article, actors: list[Actor]) -> list[dict[str, list[tuple[int, int]]]]:
    """Per sentence of ``article``: actor id -> the actor's mention spans in it, relative to the sentence."""
    out: list[dict[str, list[tuple[int, int]]]] = [defaultdict(list) for _ in article.sentences]
    starts = [s.start for s in article.sentences]
    for actor in actors:
        if actor.type not in TARGET_TYPES:
            continue
        for m in actor.mentions:
            if m.article != article.id:
                continue
            for k, sent in enumerate(article.sentences):
                if sent.start <= m.start and m.end <= sent.end:
                    out[k][actor.id].append((m.start - starts[k], m.end - starts[k]))
                    break
    return out


def _sentiments(
    model: "SentimentModel", comparison: Comparison, article: Article, actors: list[Actor]
) -> dict[str, list[tuple[int, Probs, tuple[int, int]]]]:
    """Actor id -> (sentence index, probabilities, first mention span in the article) per sentence mentioning it."""
    targets = _sentence_targets(article, actors)
    order = [list(t) for t in targets]
    hidden = comparison.nlp.hidden.get(article.id, {}).get(model.frozen_layers)
    spans = [[t[a] for a in ids] for t, ids in zip(targets, order, strict=True)]
    probs = model.probabilities([s.text for s in article.sentences], spans, hidden)
    out: dict[str, list[tuple[int, Probs, tuple[int, int]]]] = defaultdict(list)
    for k, (ids, ps) in enumerate(zip(order, probs, strict=True)):
        offset = article.sentences[k].start
        for actor_id, p in zip(ids, ps, strict=True):
            a, b = min(targets[k][actor_id])
            out[actor_id].append((k, p, (offset + a, offset + b)))
    return out


def epithets(doc: "Doc", start: int, end: int) -> list[str]:
    """Phrases set off by commas that characterise a named person: an apposition ("a spokeswoman for
    the Obama campaign"), a participle ("known for mass evictions", "accused of taking bribes") or a
    relative clause ("who has led the union since 2019")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    head = span.root
    out = []
    for child in head.children:
        if child.dep_ not in ("acl", "relcl", "appos") or child.i <= head.i or doc[child.left_edge.i - 1].text != ",":
            continue
        if child.dep_ == "appos" and child.pos_ != "NOUN":
            continue
        phrase = doc[child.left_edge.i : child.right_edge.i + 1]
        if 2 <= len(phrase) <= EPITHET_WORDS:
            out.append(phrase.text.strip(" ,"))
    return out


def _references(actor: Actor, article: str, descriptions: list[str]) -> list[str]:
    """Names as written (most used first), then descriptions, each once (case-insensitive)."""
    names = Counter(m.text for m in actor.mentions if m.article == article)
    seen: set[str] = set()
    out: list[str] = []
    for text in [n for n, _ in names.most_common()] + descriptions:
        key = text.lower().strip(" ,.“”\"'")
        if key and key not in seen:
            seen.add(key)
            out.append(text.strip())
    return out[:REFERENCES]


def _portrayal(
    actor: Actor,
    article: Article,
    found: list[tuple[int, Probs, tuple[int, int]]],
    descriptions: list[str],
    quotes: list[tuple[Quote, int]],
    total_words: int,
) -> Portrayal:
    mentions = sum(1 for m in actor.mentions if m.article == article.id)
    words = sum(w for _, w in quotes)
    counts: Counter[str] = Counter(CLASSES[sentiment.argmax(p)] for _, p, _ in found)
    tone, polarity = 0.0, None
    if found:
        mean = [sum(p[c] for _, p, _ in found) / len(found) for c in range(3)]
        tone = round(max(-1.0, min(1.0, mean[2] - mean[0])), 4)
        polarity = CLASSES[sentiment.argmax(mean)]
    leaning = sorted(
        ((k, p, span) for k, p, span in found if max(p[0], p[2]) > p[1]),
        key=lambda item: -max(item[1][0], item[1][2]),
    )
    evidence = [
        SentimentEvidence(
            sentence=article.sentences[k].id,
            polarity="negative" if p[0] > p[2] else "positive",
            score=round(max(p[0], p[2]), 4),
            start=span[0],
            end=span[1],
        )
        for k, p, span in leaning[:EVIDENCE]
    ]
    return Portrayal(
        article=article.id,
        mentions=mentions,
        references=_references(actor, article.id, descriptions),
        tone=tone,
        polarity=polarity,
        sentences={c: counts[c] for c in CLASSES} if found else {},
        evidence=evidence,
        quotes=len(quotes),
        quoted_words=words,
        voice_share=round(words / total_words, 4) if total_words else 0.0,
    )


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """Portray every actor in every article and balance every article's voices.

    Returns:
        ``{"actors": [Actor with side and portrayal], "voices": [VoiceBalance per article]}``.
    """
    model = sentiment.load(resources)
    actors = list(comparison.actors or [])
    quotes = comparison.quotes or []
    sides = {a.id: actor_side(comparison, a) for a in actors}
    portrayals: dict[str, list[Portrayal]] = defaultdict(list)
    voices = []
    descriptions: dict[str, dict[str, list[str]]] = {}
    for actor in actors:
        per_article: dict[str, list[str]] = defaultdict(list)
        if actor.type in TARGET_TYPES:
            for use in actor_uses(comparison, actor):
                per_article[use.article].append(use.text)
        if actor.type == "PERSON":
            for m in actor.mentions:
                per_article[m.article] += epithets(comparison.nlp.docs[m.article], m.start, m.end)
        descriptions[actor.id] = per_article
    for article in comparison.articles:
        own = [q for q in quotes if q.article == article.id]
        words = quoted_words(article, own)
        total = sum(words.values())
        voices.append(voice_balance(article, own, sides))
        by_speaker: dict[str, list[tuple[Quote, int]]] = defaultdict(list)
        for i, q in enumerate(own):
            if q.speaker_actor is not None and not q.anonymous:
                by_speaker[q.speaker_actor].append((q, words.get(i, 0)))
        found = _sentiments(model, comparison, article, actors)
        for actor in actors:
            mentioned = any(m.article == article.id for m in actor.mentions)
            if not mentioned and actor.id not in by_speaker:
                continue
            portrayals[actor.id].append(
                _portrayal(
                    actor,
                    article,
                    found.get(actor.id, []),
                    descriptions[actor.id].get(article.id, []),
                    by_speaker.get(actor.id, []),
                    total,
                )
            )
    enriched = [a.model_copy(update={"side": sides[a.id], "portrayal": portrayals.get(a.id, [])}) for a in actors]
    return {"actors": enriched, "voices": voices}
