"""Extracted text + metadata -> a checked ``Article``: normalise, split the headline, check, flag boilerplate.

Every ingest path (plain text, records, HTML) ends here, so all articles are
normalised, checked and given their boilerplate blocks the same way.
"""

from __future__ import annotations

import re
import unicodedata

from slant.ingest.boilerplate import find_boilerplate
from slant.ingest.checks import check_text
from slant.ingest.header import byline_author, stamp_date
from slant.ingest.headline import split_headline
from slant.model import Article, Boilerplate
from slant.settings import Settings


def label_for(source: str) -> str:
    """How messages name a source: ``stdin`` for ``-``, else the source as given."""
    return "stdin" if source == "-" else source


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """Replace unpaired surrogates (from JSON ``\\ud800`` escapes or undecodable file names) with U+FFFD.

    They are not valid Unicode and cannot be written as UTF-8 JSON; one character
    replaces one, so no offset moves.
    """
    return _SURROGATE.sub("\ufffd", text)


# Unicode space variants (no-break, figure, thin, ideographic, ...) -> " "; line and paragraph separators -> "\n".
# One character for one; zero-width characters (U+200B-U+200D, U+2060, U+FEFF) are not spaces and stay.
_SPACES = {
    **dict.fromkeys((0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000), " "),
    **dict.fromkeys((0x2028, 0x2029), "\n"),
}


def normalise(text: str) -> str:
    """Normalise line ends, spaces and Unicode without rewriting other characters.

    ``\\r\\n`` and ``\\r`` become ``\\n``, no-break, thin and other Unicode spaces become
    plain spaces, trailing whitespace is dropped from each line and around the text,
    unpaired surrogates become U+FFFD and the text is put in NFC. Quotes, dashes and
    every other character stay as they are: all offsets point into this text.
    """
    text = scrub(text).replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).translate(_SPACES)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip().lstrip("\ufeff").strip()


def _from_header(blocks: list[Boilerplate]) -> tuple[str | None, str | None]:
    """The author and date the article's byline and timestamp lines give, when it has them."""
    author = next((a for b in blocks if b.kind == "byline" and (a := byline_author(b.text))), None)
    date = next((d for b in blocks if b.kind in ("dateline", "byline") and (d := stamp_date(b.text))), None)
    return author, date


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(unicodedata.normalize("NFC", scrub(value)).split())
    return value or None


def build_article(
    text: str,
    *,
    source: str,
    settings: Settings,
    label: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    date: str | None = None,
    author: str | None = None,
    article_id: str = "",
    warnings: list[str] | None = None,
) -> Article:
    """Make an ``Article`` from extracted text and what is known about it.

    Args:
        text: the article as extracted, possibly with its headline as first line.
        source: where it came from (path, URL, ``-`` or ``api``), kept on the article.
        settings: limits and thresholds for the checks.
        label: how messages name the input; defaults to ``label_for(source)``.
        title: headline from metadata; when None, the first line is taken if it looks like one.
        outlet, url, date, author: metadata, whitespace-collapsed; when the date or author
            is missing, a byline or timestamp line at the top of the text gives it.
        article_id: the id, or ``""`` to let ``read_articles``/``compare`` number it.
        warnings: what decoding noticed, copied to ``Article.warnings``.

    Returns:
        The article, its ``text`` being the normalised body and ``boilerplate`` filled.

    Raises:
        InputError: the body is empty, too short, too long, binary-looking or not English.
    """
    source = scrub(source)
    label = scrub(label or label_for(source))
    warnings = list(warnings or [])
    invalid = len(_SURROGATE.findall(text))
    if invalid:
        plural = "s" if invalid > 1 else ""
        warnings.append(f"replaced {invalid} invalid character{plural} (unpaired surrogates) with U+FFFD")
    headline, body = split_headline(normalise(text), _clean(title))
    check_text(body, label, settings)
    blocks = find_boilerplate(body)
    header_author, header_date = _from_header(blocks)
    return Article(
        id=article_id,
        source=source,
        text=body,
        title=headline,
        outlet=_clean(outlet),
        url=_clean(url),
        date=_clean(date) or header_date,
        author=_clean(author) or header_author,
        boilerplate=blocks,
        warnings=warnings,
    )
