"""A person's name written again where the tagger did not see a name: "set Trump up", "[Trump] paused".

The entity recogniser reads each occurrence of a name on its own, so a name it found elsewhere in the
story can be missed where the tagger reads it as a verb or a foreign word (an editor's insertion
inside brackets, a name after a parenthetical). Every person name the story writes (as found by
``actors._candidates``) is looked for again in each article body, written exactly so, where no entity
and no other name lies. A one-word name opening a sentence counts only where the tagger reads a
proper noun there ("Rice rose" is not Ms. Rice), and a name run on by another capitalised word is
part of a longer name ("Trump Tower"), not a mention.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from slant.analyses.actors.linking import Named
from slant.analyses.actors.names import ROLE_WORDS, TITLE_WORDS, name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from slant.model import Comparison


_NOT_NAMES = TITLE_WORDS | ROLE_WORDS
"""Capitalised words that run on from a name without making it a longer one ("President Trump")."""


def _name_word(token: "Token | None") -> bool:
    return (
        token is not None
        and token.pos_ == "PROPN"
        and token.is_alpha
        and token.text[:1].isupper()
        and token.lower_ not in _NOT_NAMES
    )


def _run_on(doc: "Doc", span: "Span") -> bool:
    """Whether a capitalised proper noun (not a title) touches the span inside its sentence: a longer
    name holds it ("Trump Tower", "Ivanka Trump")."""
    before = doc[span.start - 1] if span.start > 0 and not span[0].is_sent_start else None
    after = doc[span.end] if span.end < len(doc) and not doc[span.end].is_sent_start else None
    return _name_word(before) or _name_word(after)


def _unseen(
    article: str, doc: "Doc", bounds: Sequence[tuple[int, int]], found: Sequence[Named], pattern: re.Pattern[str]
) -> list[tuple[int, int, str]]:
    """Where one article writes a name of ``pattern`` that no entity or found name covers."""
    taken = [(n.start, n.end) for n in found if n.article == article]
    taken += [(e.start_char, e.end_char) for e in doc.ents]
    out: list[tuple[int, int, str]] = []
    for match in pattern.finditer(doc.text):
        start, end = match.span()
        if any(a < end and start < b for a, b in taken) or not any(a <= start and end <= b for a, b in bounds):
            continue
        span = doc.char_span(start, end)
        if span is None or _run_on(doc, span) or (len(span) == 1 and span[0].is_sent_start and span[0].pos_ != "PROPN"):
            continue
        out.append((start, end, match.group()))
        taken.append((start, end))
    return out


def again(comparison: "Comparison", found: Sequence[Named]) -> list[Named]:
    """Further mentions, in every article body, of the person names in ``found``: each name the story
    tags as a person more often than it leaves it untagged ("Mar-a-Lago" tagged a person once and
    left untagged four times is no person)."""
    persons = Counter(n.text for n in found if n.label == "PERSON")
    if not persons:
        return []
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(persons, key=len, reverse=True))) + r")(?![\w-])"
    )
    unseen = {
        a.id: _unseen(a.id, comparison.nlp.docs[a.id], [(s.start, s.end) for s in a.sentences], found, pattern)
        for a in comparison.articles
    }
    untagged = Counter(text for spans in unseen.values() for _, _, text in spans)
    return [
        Named(article, start, end, text, "PERSON", name_key(text), name_key(text).split())
        for article, spans in unseen.items()
        for start, end, text in spans
        if persons[text] > untagged[text]
    ]
