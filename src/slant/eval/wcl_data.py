"""Read a NewsWCL50-layout folder: each event's five articles and its hand-coded mentions, found in the texts.

Layout (Hamborg et al., JCDL 2019): ``event_N/{LL,L,M,R,RR}.txt`` (headline first, then paragraphs
apart by blank lines) and one ``annotations.csv`` with a row per coded mention: ``code_type``,
``code_name`` (the concept: one ``event_id`` + ``code_name`` is one thing), ``code_mention`` (the
words), ``event_id``, ``publisher_id``, ``paragraph``, ``sentence``, ``start``, ``end``. The token
positions count the original release's own tokens, so a mention is found by its words: within its
paragraph (paragraph 0 is the headline), case-insensitively, with quotation marks and apostrophes
compared as ASCII and any run of spaces matching any other; the n-th coded mention of the same words
in a paragraph takes the n-th match there (the whole text when the paragraph has none).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from slant.errors import InputError

OUTLETS = ("LL", "L", "M", "R", "RR")
"""Publisher codes from left to right: HuffPost, New York Times, USA Today, Fox News, Breitbart."""
_COLUMNS = ("code_type", "code_name", "code_mention", "event_id", "publisher_id", "paragraph")
_ASCII = str.maketrans("’‘“”„«»", '\'\'"""""')
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class CodedMention:
    """One hand-coded mention, placed in its article's text (``start``/``end`` are character offsets)."""

    event: str
    outlet: str
    concept: str
    type: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class WclEvent:
    """One event: the path and text of each outlet's article, and the coded mentions found in them."""

    id: str
    paths: dict[str, Path]
    texts: dict[str, str]
    mentions: tuple[CodedMention, ...]
    missing: int
    """Coded mentions whose words were not found in their article."""


def ascii_folded(text: str) -> str:
    """Curly quotation marks and apostrophes as ASCII, one character for one (offsets are kept)."""
    return text.translate(_ASCII)


def _words(mention: str) -> str:
    return re.sub(r"\s+", " ", ascii_folded(mention.replace("``", '"').replace("''", '"')).strip().lower())


def _pattern(words: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(w) for w in words.split(" "))
    return re.compile(rf"(?<!\w){body}(?!\w)" if words[:1].isalnum() and words[-1:].isalnum() else body)


def _read_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in _COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(f"{path}: not a NewsWCL50 annotations file (no column {', '.join(missing)})")
            return list(reader)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None


def _locate(rows: list[dict[str, str]], event: str, outlet: str, text: str) -> tuple[list[CodedMention], int]:
    folded = ascii_folded(text).lower()
    starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(folded)]
    seen: Counter[tuple[int, str]] = Counter()
    found: list[CodedMention] = []
    missing = 0
    for row in rows:
        words = _words(row["code_mention"])
        if not words:
            missing += 1
            continue
        try:
            paragraph = int(row["paragraph"])
        except ValueError:
            paragraph = -1
        pattern = _pattern(words)
        lo = starts[paragraph] if 0 <= paragraph < len(starts) else 0
        hi = starts[paragraph + 1] if 0 <= paragraph < len(starts) - 1 else len(folded)
        spans = [m.span() for m in pattern.finditer(folded, lo, hi)] or [m.span() for m in pattern.finditer(folded)]
        if not spans:
            missing += 1
            continue
        nth = seen[(paragraph, words)]
        seen[(paragraph, words)] += 1
        start, end = spans[min(nth, len(spans) - 1)]
        found.append(CodedMention(event, outlet, row["code_name"], row["code_type"], text[start:end], start, end))
    return found, missing


def read_wcl(folder: Path) -> list[WclEvent]:
    """Every event of a NewsWCL50-layout folder, in event order, with its coded mentions located.

    Raises:
        InputError: no such folder, no ``annotations.csv``, a malformed one, or an event folder
            whose article for a coded outlet is missing.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder (expected a NewsWCL50 layout: event_N/*.txt, annotations.csv)")
    annotations = folder / "annotations.csv"
    if not annotations.is_file():
        raise InputError(f"{folder}: no annotations.csv (expected a NewsWCL50 layout)")
    by_article: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in _read_rows(annotations):
        by_article.setdefault((row["event_id"].strip(), row["publisher_id"].strip()), []).append(row)
    events: list[WclEvent] = []
    for event in sorted({e for e, _ in by_article}, key=lambda e: (len(e), e)):
        paths, texts, mentions, missing = {}, {}, [], 0
        for outlet in OUTLETS:
            path = folder / f"event_{event}" / f"{outlet}.txt"
            rows = by_article.get((event, outlet), [])
            if not path.is_file():
                if rows:
                    raise InputError(f"{path}: missing, but annotations.csv codes mentions in it")
                continue
            try:
                texts[outlet] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"{path}: cannot read as UTF-8 text ({exc})") from None
            paths[outlet] = path
            found, lost = _locate(rows, event, outlet, texts[outlet])
            mentions += found
            missing += lost
        if len(texts) >= 2:
            events.append(WclEvent(event, paths, texts, tuple(mentions), missing))
    if not events:
        raise InputError(f"{folder}: no event with two or more articles")
    return events
