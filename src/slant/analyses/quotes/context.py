"""One parsed article as the quote finders read it, and how an attribution becomes a ``Quote``.

``ArticleContext`` is what direct speech (``direct.py``), reported speech (``indirect.py``) and
unmarked blocks (``blocks.py``) share: the article's sentences and paragraphs, its quoted stretches
and the per-token flag "inside a quotation", the outlets it cites, its ``Discourse`` (who a subject
is) and the actors the actors analysis found in it. An ``Attr`` is who a stretch of speech is
attributed to: ``ArticleContext.attr`` makes one from an attribution found in the parse (a document
speaking is traced to its owner, an outlet speaking is a cited outlet), and ``ArticleContext.quote``
the ``Quote`` of a stretch of text with it, its speaker named as the actors analysis names them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from slant.analyses.quotes import documents
from slant.analyses.quotes.attribution import Found
from slant.analyses.quotes.outlets import find_cites, same_outlet, tied_outlet
from slant.analyses.quotes.quotemarks import find_quoted, within
from slant.analyses.quotes.speakers import Discourse, Referent, Speaker
from slant.analyses.quotes.speech import may_speak
from slant.model import Actor, Article, Quote, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["ArticleContext", "Attr"]

# Which actor types a speaker of each kind may be.
_ACTOR_TYPES = {"person": {"PERSON"}, "org": {"ORG", "GPE", "NORP", "FAC"}, "outlet": {"ORG", "PERSON"}}


@dataclass(frozen=True)
class Attr:
    """Who a stretch of speech is attributed to, and where that attribution ends."""

    speaker: Speaker | None
    verb: str | None
    outlet: str | None
    end: int
    paragraph: int
    direct: bool


class ArticleContext:
    """One parsed article: its quotations, speakers, cited outlets and actors, read once for every finder."""

    def __init__(self, article: Article, doc: "Doc", actors: Sequence[Actor]) -> None:
        self.article = article
        self.doc = doc
        self.text = article.text
        self.sentences: list[Sentence] = article.sentences
        self._starts = [s.start for s in self.sentences]
        self.quoted = [q for q in find_quoted(self.text) if self.sentence_at(q.start) is not None]
        self.inq = within(self.quoted, [tok.idx for tok in doc])
        self.cites = find_cites(
            doc,
            [(s.start, s.end) for s in self.sentences],
            [(q.open, q.close if q.close is not None else q.end) for q in self.quoted],
        )
        # Outlets the article cites besides itself ("told The Post" in the Post is no citation).
        self.cited = [c for c in self.cites if not same_outlet(c.outlet, article.outlet)]
        self.discourse = Discourse(doc, self.inq, cited=[(c.start, c.end, c.outlet) for c in self.cites])
        self._actor_spans = sorted(
            ((m.start, m.end, actor) for actor in actors for m in actor.mentions if m.article == article.id),
            key=lambda item: (item[0], item[1]),
        )
        self._actors = [
            a for a in actors if article.id in a.articles or any(m.article == article.id for m in a.mentions)
        ]
        self._paragraph_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The (non-boilerplate) sentence holding a character offset."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self.sentences[k].start <= offset < self.sentences[k].end:
            return self.sentences[k]
        return None

    def paragraph_start(self, offset: int) -> int:
        """Where the paragraph holding a character offset starts."""
        return self._paragraph_starts[bisect.bisect_right(self._paragraph_starts, offset) - 1]

    def paragraph(self, offset: int) -> int:
        """The number of the paragraph (0 for the first line) holding a character offset."""
        return bisect.bisect_right(self._paragraph_starts, offset) - 1

    def attr(self, found: Found, direct: bool) -> Attr:
        """The speaker, verb and cited outlet of an attribution found in the parse."""
        speaker = self.discourse.speaker(found.subject) if found.subject is not None else None
        if speaker is not None and speaker.referent is not None and speaker.referent.kind == "outlet":
            own = same_outlet(speaker.referent.label, self.article.outlet)
            outlet: str | None = None if own else speaker.referent.label
        else:
            outlet = tied_outlet(found.verb, self.cited)
            if speaker is not None and found.subject is not None and not may_speak(found.subject):
                # "the report said", "a mark saying": words, but nobody who spoke them, unless the
                # article says whose document it is ("a letter from 90 faculty members ... The letter says").
                owner = self._document_owner(found.subject)
                speaker = Speaker(owner, speaker.mention, speaker.start, speaker.end)
        return Attr(
            speaker=speaker,
            verb=found.lemma or None,
            outlet=outlet,
            end=found.end,
            paragraph=self.paragraph(found.verb.idx),
            direct=direct,
        )

    def _document_owner(self, subject: "Token") -> Referent | None:
        """The person or group a document speaking as a subject ("the letter says") belongs to (documents.py)."""
        for owner in documents.owners(subject, self.inq, self.discourse.sentence_of):
            if may_speak(owner):
                ref = self.discourse.speaker(owner).referent
                if ref is not None and ref.kind in ("person", "group", "org"):
                    return ref
        return None

    def _actor(self, speaker: Speaker) -> Actor | None:
        """The actor a speaker is, by where the article names them, else by name."""
        ref = speaker.referent
        if ref is None or ref.anonymous or ref.kind not in _ACTOR_TYPES:
            return None
        types = _ACTOR_TYPES[ref.kind]
        for start, end in [*reversed(ref.spans), (speaker.start, speaker.end)]:
            for a_start, a_end, actor in self._actor_spans:
                if a_start < end and start < a_end and actor.type in types:
                    return actor
        for actor in self._actors:
            if actor.type in types and (ref.label == actor.name or ref.label in actor.aliases):
                return actor
        return None

    def quote(self, attr: Attr | None, start: int, end: int, direct: bool) -> Quote | None:
        """The ``Quote`` of ``text[start:end]`` attributed as ``attr`` says; None outside a sentence or when empty."""
        sentence = self.sentence_at(start)
        if sentence is None or end <= start:
            return None
        speaker = attr.speaker if attr is not None else None
        ref = speaker.referent if speaker is not None else None
        actor = self._actor(speaker) if speaker is not None else None
        return Quote(
            article=self.article.id,
            speaker=actor.name if actor is not None else (ref.label if ref is not None else None),
            mention=speaker.mention if speaker is not None else None,
            verb=attr.verb if attr is not None else None,
            text=self.text[start:end],
            direct=direct,
            anonymous=bool(ref is not None and ref.anonymous),
            start=start,
            end=end,
            sentence=sentence.id,
            speaker_actor=actor.id if actor is not None else None,
            cited_outlet=attr.outlet if attr is not None else None,
        )
