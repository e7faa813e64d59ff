"""Voice balance: who speaks in an article, counted in quoted words.

Quotes nest and overlap (a partial quote inside the indirect quote that carries it, a quote
repeated by two detections), so each word is counted once: quotes are laid over the text longest
first and a word belongs to the first quote that covers its first character. The voices' words
therefore sum to the article's quoted words. A word is a run of letters or digits (with inner
apostrophes and hyphens), as in the language profile.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from slant.analyses.language.bias import WORD
from slant.model import Article, Quote, Voice, VoiceBalance

ANONYMOUS = "anonymous source"
UNATTRIBUTED = "unattributed"
UNSTATED = "unstated"


def _speaker_key(quote: Quote) -> tuple[str | None, str]:
    if quote.anonymous:
        return None, quote.speaker or ANONYMOUS
    if quote.speaker_actor is not None:
        return quote.speaker_actor, quote.speaker or quote.speaker_actor
    return None, quote.speaker or UNATTRIBUTED


def quoted_words(article: Article, quotes: Sequence[Quote]) -> dict[int, int]:
    """Words each quote (by index in ``quotes``) owns once overlaps are resolved; quotes owning none are left out."""
    owner: dict[int, int] = {}
    for i in sorted(range(len(quotes)), key=lambda i: (-(quotes[i].end - quotes[i].start), quotes[i].start)):
        for pos in range(quotes[i].start, quotes[i].end):
            owner.setdefault(pos, i)
    counts: Counter[int] = Counter()
    for m in WORD.finditer(article.text):
        if m.start() in owner:
            counts[owner[m.start()]] += 1
    return dict(counts)


def voice_balance(article: Article, quotes: Sequence[Quote], sides: Mapping[str, str | None]) -> VoiceBalance:
    """The voices of one article (``quotes`` are that article's; ``sides`` maps actor ids to their side)."""
    words = quoted_words(article, quotes)
    total = sum(words.values())
    per_words: Counter[tuple[str | None, str]] = Counter()
    per_quotes: Counter[tuple[str | None, str]] = Counter()
    anonymous: dict[tuple[str | None, str], bool] = defaultdict(bool)
    for i, quote in enumerate(quotes):
        key = _speaker_key(quote)
        per_words[key] += words.get(i, 0)
        per_quotes[key] += 1
        anonymous[key] |= quote.anonymous
    voices = [
        Voice(
            name=name,
            actor=actor,
            side=sides.get(actor) if actor is not None else None,
            anonymous=anonymous[(actor, name)],
            quotes=per_quotes[(actor, name)],
            words=per_words[(actor, name)],
            share=round(per_words[(actor, name)] / total, 4) if total else 0.0,
        )
        for actor, name in sorted(per_quotes, key=lambda k: (-per_words[k], -per_quotes[k], k[1]))
    ]
    by_side: Counter[str] = Counter()
    for v in voices:
        by_side[v.side or UNSTATED] += v.words
    return VoiceBalance(
        article=article.id,
        quotes=len(quotes),
        quoted_words=total,
        voices=voices,
        anonymous_share=round(sum(v.words for v in voices if v.anonymous) / total, 4) if total else 0.0,
        unattributed_share=round(sum(v.words for v in voices if v.name == UNATTRIBUTED) / total, 4) if total else 0.0,
        sides={k: round(n / total, 4) for k, n in sorted(by_side.items())} if total else {},
    )
