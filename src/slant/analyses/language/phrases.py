"""Lexicon words and phrases found in a parsed document, by written form or lemma.

A word of an entry matches a word of the text when it equals its lower-cased form
or its lemma, so "illegal alien" matches "illegal aliens" and "hunt down" matches
"hunted down". Words joined by a hyphen with no space around it are one word
however spaCy splits them ("so-called", "flip-flopped"): a hyphenated entry
matches only the hyphenated word, so "would-be" never matches "would be".
``pos`` and ``dep`` constrain the entry's first word (its last token, for a
hyphenated word).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from slant.analyses.language.lexicons import Entry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_HYPHENS = ("-", "‐", "‑")
_WORDS_KEY = "slant.phrases.words"


def forms(tok: "Token") -> tuple[str, str]:
    """A token's lower-cased form and lemma, curly apostrophes straightened."""
    return tok.lower_.replace("’", "'"), tok.lemma_.lower().replace("’", "'")


@dataclass(frozen=True)
class _Word:
    """A word of the text: one token, or tokens joined by hyphens."""

    first: int
    last: "Token"
    lower: str
    lemma: str


def _words(doc: "Doc") -> list[_Word]:
    out: list[_Word] = []
    i = 0
    while i < len(doc):
        j = i
        # "so - called" with no spaces: one word
        while (
            j + 2 < len(doc)
            and doc[j + 1].text in _HYPHENS
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and doc[j + 2].text[:1].isalnum()
        ):
            j += 2
        lower, lemma = forms(doc[j])
        hyphens = "-".join(forms(doc[k])[0] for k in range(i, j, 2))
        head = hyphens + "-" if hyphens else ""
        out.append(_Word(i, doc[j], head + lower, head + lemma))
        i = j + 1
    return out


class PhraseIndex:
    """Entries indexed by their first word, longest first, for matching over a document."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._by_first: dict[str, list[Entry]] = {}
        for entry in entries:
            self._by_first.setdefault(entry.words[0], []).append(entry)
        for group in self._by_first.values():
            group.sort(key=lambda e: -len(e.words))

    def find(self, doc: "Doc") -> list[tuple[int, int, Entry]]:
        """Every longest entry match in ``doc``.

        Returns:
            ``(first token index, index after the last token, entry)`` in text order; matches may overlap.
        """
        words = doc.user_data.get(_WORDS_KEY)
        if words is None:  # computed once per document, shared by every lexicon's index
            words = doc.user_data[_WORDS_KEY] = _words(doc)
        out: list[tuple[int, int, Entry]] = []
        for k, word in enumerate(words):
            best: Entry | None = None
            for key in dict.fromkeys((word.lower, word.lemma)):
                for entry in self._by_first.get(key, ()):
                    if (best is None or len(entry.words) > len(best.words)) and _matches(words, k, entry):
                        best = entry
                        break
            if best is not None:
                out.append((word.first, words[k + len(best.words) - 1].last.i + 1, best))
        return out


def _matches(words: Sequence[_Word], k: int, entry: Entry) -> bool:
    if k + len(entry.words) > len(words):
        return False
    first = words[k].last
    if entry.pos and first.pos_ != entry.pos:
        return False
    if entry.dep and first.dep_ != entry.dep:
        return False
    return all(w in (words[k + j].lower, words[k + j].lemma) for j, w in enumerate(entry.words))


@cache
def index(entries: tuple[Entry, ...]) -> PhraseIndex:
    """The index of a lexicon's entries, built once per lexicon."""
    return PhraseIndex(entries)
