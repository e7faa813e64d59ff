"""Whose document speaks: "a letter from 90 faculty members ... The letter says, ..." is the faculty
members' words. A document noun used as the subject of a speech verb is traced to its author in its
own phrase ("X's letter", "a letter from X", "an ad by X", "a suit filed by X") or, failing that, where
the article last introduced a document of that kind within 12 sentences ("X sent a letter", "the
campaign responded with an ad").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from slant.analyses.quotes.speech import DOCUMENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

SAME_KIND = {"lawsuit": "suit", "advertisement": "ad", "commercial": "ad"}
"""Document nouns that name the same kind of document ("a lawsuit ... the suit says")."""
LOOK_BACK = 12
"""Sentences back in which an earlier mention of the document may name its author."""


def owner_token(noun: "Token") -> "Token | None":
    """Who a document noun belongs to, by its own phrase or its clause: "X's letter", "a letter from
    X", "an ad by X", "X released an ad", "a suit filed by X", "X responded with an ad"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if child.dep_ == "acl":  # "a suit filed by Nebraska"
            agent = next((a for a in child.children if a.dep_ == "agent"), None)
            obj = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None:
                return obj
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("with", "in"):
        verb = verb.head  # "the campaign responded with an ad"
    elif noun.dep_ not in ("dobj", "attr"):
        return None
    if verb.pos_ in ("VERB", "AUX"):
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def owners(subject: "Token", inq: Sequence[bool], sentence_of: Callable[["Token"], int]) -> Iterator["Token"]:
    """Candidate authors of the document ``subject`` names, nearest first (nothing if it is no document)."""
    lemma = subject.lemma_.lower()
    if lemma not in DOCUMENT_NOUNS:
        return
    kind = SAME_KIND.get(lemma, lemma)
    here = sentence_of(subject)
    earlier = (
        t
        for t in reversed(subject.doc[: subject.i])
        if SAME_KIND.get(t.lemma_.lower(), t.lemma_.lower()) == kind
        and not inq[t.i]
        and here - sentence_of(t) <= LOOK_BACK
    )
    for noun in (subject, *earlier):
        owner = owner_token(noun)
        if owner is not None and not inq[owner.i]:
            yield owner
