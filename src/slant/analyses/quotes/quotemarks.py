"""Quoted stretches of an article's text, found from the quotation marks alone.

Double marks (straight or curly, even mixed: ``"…”``) and single marks pair up
within a paragraph; a single mark counts only where it cannot be an apostrophe
(``don’t``, ``’90s``, ``workers’ rights``). A quotation nested in another is
part of the outer one. A paragraph whose quotation is never closed continues in
the next paragraph when that one opens with a quotation mark, the convention for
quotations running over several paragraphs; such paragraphs share a ``block``.
No parsing happens here: deciding whether a stretch is speech or a scare quote
is left to ``quotes.py``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

DOUBLE_MARKS = '"“”„‟«»'
SINGLE_MARKS = "'‘’‚‛"
QUOTE_MARKS = DOUBLE_MARKS + SINGLE_MARKS
_OPEN_ONLY = "“„«"
_CLOSE_ONLY = "”»"
# Characters after which a quotation may open (besides whitespace and the paragraph start).
_BEFORE_OPEN = set("([{—–-/:;,…") | set(QUOTE_MARKS)
# Characters a closing mark may be followed by (besides whitespace and the paragraph end).
_AFTER_CLOSE = set(".,;:!?)]}—–-…") | set(QUOTE_MARKS)
_ELISIONS = {"em", "til", "cause", "n", "tis", "twas", "round", "bout", "nother", "cos", "s"}
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Quoted:
    """One quoted stretch inside one paragraph.

    ``start``/``end`` bound the words between the marks (whitespace trimmed);
    ``close`` is ``None`` when the paragraph ends before a closing mark.
    """

    start: int
    end: int
    open: int
    close: int | None
    paragraph: int
    block: int


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _can_open_double(text: str, i: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if _is_space(nxt) or nxt in ",.;:!?)":
        return False
    if text[i] in _OPEN_ONLY:
        return True
    return _is_space(prev) or prev in _BEFORE_OPEN


def _can_close_double(text: str, i: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if _is_space(prev):
        return False
    if text[i] in _CLOSE_ONLY:
        return True
    return _is_space(nxt) or nxt in _AFTER_CLOSE


def _double_pairs(text: str, lo: int, hi: int) -> list[tuple[int, int | None]]:
    pairs: list[tuple[int, int | None]] = []
    opened: int | None = None
    for i in range(lo, hi):
        if text[i] not in DOUBLE_MARKS:
            continue
        if opened is None:
            if _can_open_double(text, i, lo, hi):
                opened = i
        elif _can_close_double(text, i, lo, hi):
            pairs.append((opened, i))
            opened = None
    if opened is not None:
        pairs.append((opened, None))
    return pairs


def _single_opener(text: str, i: int, lo: int, hi: int) -> bool:
    ch = text[i]
    if ch == "’":  # the right mark opens only apostrophe forms (’90s, ’em)
        return False
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if not (_is_space(prev) or prev in _BEFORE_OPEN):
        return False
    if not (nxt.isalpha() or (ch == "‘" and nxt.isalnum()) or nxt in DOUBLE_MARKS):
        return False
    word = re.match(r"[A-Za-z]+", text[i + 1 : hi])
    return not (word and word.group(0).lower() in _ELISIONS)


def _single_closer(text: str, i: int, lo: int, hi: int) -> int:
    """0: not a closer; 1: a closer that may be a plural possessive (``workers’ rights``); 2: a closer."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if text[i] == "‘" or _is_space(prev):
        return 0
    if not (_is_space(nxt) or nxt in _AFTER_CLOSE):
        return 0
    after = text[i + 2] if i + 2 < hi else ""
    if prev in "sSzZ" and nxt == " " and after.isalpha():
        return 1
    return 2


def _single_pairs(text: str, lo: int, hi: int) -> list[tuple[int, int | None]]:
    marks = [i for i in range(lo, hi) if text[i] in SINGLE_MARKS]
    pairs: list[tuple[int, int | None]] = []
    k = 0
    while k < len(marks):
        i = marks[k]
        k += 1
        if not _single_opener(text, i, lo, hi):
            continue
        weak: int | None = None
        strong: int | None = None
        for j in marks[k:]:
            kind = _single_closer(text, j, lo, hi)
            if kind == 2:
                strong = j
                break
            if kind == 1 and weak is None:
                weak = j
        close = strong if strong is not None else weak
        if close is None:
            if not text[lo:i].strip():  # opens the paragraph: runs on to the next one
                pairs.append((i, None))
            break
        inner = text[i + 1 : close]
        if sum(ch.isalpha() for ch in inner) >= 2:
            pairs.append((i, close))
        k = marks.index(close) + 1
    return pairs


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_pairs(text: str, lo: int, hi: int) -> list[tuple[int, int | None]]:
    doubles = _double_pairs(text, lo, hi)
    singles = _single_pairs(text, lo, hi)

    def bounds(pair: tuple[int, int | None]) -> tuple[int, int]:
        return pair[0], pair[1] if pair[1] is not None else hi

    kept: list[tuple[int, int | None]] = []
    for pair in doubles + singles:
        a, b = bounds(pair)
        inside_other = False
        for other in doubles + singles:
            if other is pair:
                continue
            c, d = bounds(other)
            nested = c <= a and b <= d and (c, d) != (a, b)
            crossing = a < c < b < d or c < a < d < b
            if nested or (crossing and pair in singles):
                inside_other = True
                break
        if not inside_other:
            kept.append(pair)
    return sorted(kept)


def find_quoted(text: str) -> list[Quoted]:
    """Find the quoted stretches of a text.

    Args:
        text: the article text; paragraphs are its lines.

    Returns:
        Quoted stretches in text order, nested quotations left out.
    """
    out: list[Quoted] = []
    block = -1
    open_block = False  # the previous paragraph ended inside a quotation
    for paragraph, line in enumerate(_LINE.finditer(text)):
        lo, hi = line.start(), line.end()
        if not text[lo:hi].strip():
            continue
        pairs = _paragraph_pairs(text, lo, hi)
        first_at_start = bool(pairs) and not text[lo : pairs[0][0]].strip()
        for n, (opening, closing) in enumerate(pairs):
            if not (n == 0 and open_block and first_at_start):
                block += 1
            start, end = _trimmed(text, opening + 1, closing if closing is not None else hi)
            if end > start:
                out.append(Quoted(start, end, opening, closing, paragraph, block))
        open_block = bool(pairs) and pairs[-1][1] is None
    return out


def inside(quoted: list[Quoted], offset: int) -> Quoted | None:
    """The quoted stretch holding a character offset (its marks included), if any."""
    for q in quoted:
        close = q.close if q.close is not None else q.end
        if q.open <= offset <= close:
            return q
    return None


def within(quoted: Sequence[Quoted], offsets: Sequence[int]) -> list[bool]:
    """For each character offset (a token's start), whether it lies within a quotation, its marks included."""
    spans = sorted((q.open, q.close if q.close is not None else q.end) for q in quoted)
    starts = [a for a, _ in spans]
    flags: list[bool] = []
    for offset in offsets:
        k = bisect.bisect_right(starts, offset) - 1
        flags.append(k >= 0 and spans[k][0] <= offset <= spans[k][1])
    return flags
