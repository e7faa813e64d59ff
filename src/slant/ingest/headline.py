"""Tell a plain-text article's headline from its first sentence.

A first line is taken as the headline when it is short (2 to 25 words) and either
lacks sentence-final punctuation, or stands alone above a blank line and is
title-cased ("Will The Council Act?"). A line ending in ":", ";" or ",", or in a
dash (a dateline), starting with "By" (a byline), or running on into a lower-case
next line (hard-wrapped prose) is not a headline.
"""

from __future__ import annotations

import re

_MAX_WORDS = 25
_ENDS_SENTENCE = re.compile(r"[.!?…:;,][\"'”’)\]]*$")
_ENDS_DASH = re.compile(r"[-–—]$")
_BYLINE = re.compile(r"^by\s", re.IGNORECASE)
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or over the to up with vs via".split())
_RUN_ON_WORDS = _SMALL_WORDS | frozenset("that which who is are was were be has have had".split())


def _title_cased(line: str) -> bool:
    words = [w.strip("\"'“”‘’()[]") for w in line.split()]
    words = [w for w in words if w and w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    if not words:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.75


def _looks_like_headline(first: str, rest: str) -> bool:
    words = first.split()
    if not 2 <= len(words) <= _MAX_WORDS or _ENDS_DASH.search(first):
        return False
    if _BYLINE.match(first) and len(words) <= 6:
        return False
    blank_after = rest.startswith("\n")
    if not blank_after:
        following = rest.lstrip()
        if following[:1].islower() or words[-1].lower() in _RUN_ON_WORDS:
            return False  # a hard-wrapped sentence, not a headline
    if not _ENDS_SENTENCE.search(first):
        return True
    return blank_after and first.rstrip("\"'”’)]")[-1:] in (".", "!", "?", "…") and _title_cased(first)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def split_headline(text: str, title: str | None = None) -> tuple[str | None, str]:
    """Split a normalised article text into its headline and body.

    Args:
        text: the text, already normalised (``\\n`` line ends, no trailing spaces).
        title: a headline known from elsewhere (metadata); when given, the first line
            is removed only if it repeats that headline.

    Returns:
        ``(headline, body)``; the headline is ``title`` when given, None when the text
        has none, and the body is the text that follows it.
    """
    first, _, rest = text.partition("\n")
    if not rest.strip():
        return title, text
    if title is not None:
        return title, (rest.lstrip() if _same(first, title) else text)
    if _looks_like_headline(first.strip(), rest):
        return first.strip(), rest.lstrip()
    return None, text
