"""Checks an input must pass to be analysed: size limits, not empty, not binary, long enough, English.

Every failure is an ``InputError`` whose one-line message starts with the input's
label (its path, ``stdin``, or ``path record 3``), so a user knows which input to fix.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from slant.errors import InputError
from slant.ingest.decode import MAX_CONTROL_SHARE, control_share
from slant.settings import Settings

# Frequent English function words that are not also frequent words of the languages slant
# is most likely to be handed by mistake (German "in", "was", "will", "an", "also"; Spanish
# and Italian "a", "no", "me"; French "on"; Dutch "is", "over"; Portuguese "as", "do").
ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the of and to that for it with his her its they them their he she him we our you your us
    this these those from have has had are were be been being not but or said says which would
    could should who whom whose what when where why how than then there about after before into
    if all can did does just only some any other more most while because between against during
    without under up out my such each both through until since although whether may might must
    """.split()
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MIN_WORDS_FOR_LANGUAGE = 25
"""Below this many words the function-word share says too little to judge the language."""
_MIN_PROSE_WORDS = 8
"""Shorter lines are headings, labels or list items, whose telegraphic style holds few function words."""
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•◦▪‣●○■□►▶➢✓✔–—>#]|\(?\d{1,3}[.):]|\(?[a-z][.)](?=\s))\s*")
_MIN_LETTERS_FOR_SCRIPT = 20
_SCRIPT_SAMPLE = 5000
_ASCII_LETTERS = re.compile("[A-Za-z]")
_SPACE = re.compile(r"\s+")
_NOT_LETTER = re.compile(r"[\W\d_]+")
_MIN_LETTER_SHARE = 0.4
"""Least share of letters among non-space characters for a text to be prose (not a table, code or symbols)."""
_SCRIPT_NAMES = {"CJK": "Chinese/Japanese (CJK)", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "HANGUL": "Korean"}


def format_bytes(n: int) -> str:
    """A byte count for people: ``512 bytes``, ``3.4 kB``, ``5.2 MB``."""
    if n < 1000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1000:.1f} kB"
    return f"{n / 1_000_000:.1f} MB"


def check_size(size: int | None, label: str, settings: Settings) -> None:
    """Refuse an input larger than ``settings.max_input_bytes``.

    Args:
        size: the input's size in bytes, or None when only "more than the limit" is known (a stream).
        label: how the message names the input.
        settings: where the limit comes from.

    Raises:
        InputError: the input is over the limit.
    """
    limit = format_bytes(settings.max_input_bytes)
    if size is None:
        raise InputError(f"{label}: is over the {limit} limit")
    if size > settings.max_input_bytes:
        raise InputError(f"{label}: is {format_bytes(size)}, over the {limit} limit")


def check_not_empty(text: str, label: str, noun: str = "file") -> None:
    """Refuse an input that holds nothing but whitespace.

    Raises:
        InputError: ``"<label>: the file is empty"``.
    """
    if not text.strip().strip("\ufeff"):
        raise InputError(f"{label}: the {noun} is empty")


def english_ratio(text: str) -> tuple[float, int]:
    """Share of English function words among the word tokens of ``text``, and the number of tokens."""
    words = _WORD.findall(text.lower())
    return _share(words), len(words)


def _share(words: list[str]) -> float:
    if not words:
        return 0.0
    hits = sum(1 for w in words if w.replace("’", "'") in ENGLISH_FUNCTION_WORDS)
    return hits / len(words)


def prose_ratio(text: str) -> tuple[float, int]:
    """``english_ratio`` over the better half of the prose of ``text``, and the number of prose words.

    Prose lines are those that are not list items and hold at least a few words: a
    list of terse items ("- $4 million for road repairs"), a table or a heading holds
    almost no function words in any language, so it says nothing about the language.
    Of the prose lines, the best-scoring ones holding half the words are counted,
    so a block of names or figures written as sentences cannot sink an English text,
    while a text in another language scores low in every line.
    """
    lines = [
        found
        for line in text.lower().split("\n")
        if not _LIST_ITEM.match(line) and len(found := _WORD.findall(line)) >= _MIN_PROSE_WORDS
    ]
    total = sum(len(words) for words in lines)
    kept: list[str] = []
    for words in sorted(lines, key=_share, reverse=True):
        if 2 * len(kept) >= total:
            break
        kept.extend(words)
    return _share(kept), total


def dominant_script(text: str) -> str | None:
    """Name the non-Latin script most letters of ``text`` are written in, or None when mostly Latin or too few."""
    letters = [ch for ch in text[: _SCRIPT_SAMPLE * 2] if ch.isalpha()][:_SCRIPT_SAMPLE]
    if len(letters) < _MIN_LETTERS_FOR_SCRIPT:
        return None
    if 2 * len(_ASCII_LETTERS.findall("".join(letters))) >= len(letters):
        return None  # mostly ASCII letters, which are Latin: the per-letter names are not needed
    scripts = Counter(unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0] for ch in letters)
    latin = scripts.pop("LATIN", 0)
    if latin >= len(letters) / 2 or not scripts:
        return None
    script = scripts.most_common(1)[0][0]
    return _SCRIPT_NAMES.get(script, script.title())


def check_english(text: str, label: str, settings: Settings) -> None:
    """Refuse text that does not look like English.

    Two cheap signals: most letters in a non-Latin script, or too few English function
    words among the word tokens, counted over the whole text and over the better half
    of its prose lines (``prose_ratio``: lists and headings hold few function words in
    any language), the higher share kept.
    The second is skipped for very short texts, where it is unreliable.

    Raises:
        InputError: ``"<label>: does not look like English (...); slant analyses English news"``.
    """
    script = dominant_script(text)
    if script:
        raise InputError(f"{label}: does not look like English (mostly {script} script); slant analyses English news")
    ratio, words = english_ratio(text)
    prose, prose_words = prose_ratio(text)
    if prose_words >= _MIN_WORDS_FOR_LANGUAGE:
        ratio = max(ratio, prose)
    if words >= _MIN_WORDS_FOR_LANGUAGE and ratio < settings.min_english_ratio:
        raise InputError(
            f"{label}: does not look like English ({ratio:.0%} English function words); slant analyses English news"
        )


def check_text(text: str, label: str, settings: Settings) -> None:
    """Check an article's text before it is built: present, within limits, not binary, English.

    Args:
        text: the article body (after extraction and title split).
        label: how messages name the input.
        settings: limits and the English threshold.

    Raises:
        InputError: the text is empty, too long, too short, binary-looking, mostly not
            letters, or not English.
    """
    stripped = text.strip()
    if not stripped:
        raise InputError(f"{label}: has no article text")
    if len(text) > settings.max_article_chars:
        raise InputError(
            f"{label}: is {len(text):,} characters long, over the {settings.max_article_chars:,}-character limit"
        )
    if control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(f"{label}: looks like binary data, not an article")
    if len(stripped) < settings.min_article_chars:
        raise InputError(
            f"{label}: is too short ({len(stripped)} characters; slant needs at least {settings.min_article_chars})"
        )
    visible = len(_SPACE.sub("", stripped))
    letters = len(_NOT_LETTER.sub("", stripped))
    if letters < _MIN_LETTER_SHARE * visible:
        raise InputError(
            f"{label}: does not look like prose (only {letters / visible:.0%} letters); slant analyses news articles"
        )
    check_english(text, label, settings)
