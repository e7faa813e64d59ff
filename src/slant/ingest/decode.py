"""Bytes -> text: refuse binary data, decode UTF-8/16/32, guess legacy encodings with a warning.

The cascade, cheapest and surest first:

1. known magic numbers (PDF, ZIP, PNG, ...) -> binary, refused;
2. a byte-order mark -> UTF-8, UTF-16 or UTF-32, trusted;
3. NUL bytes at every other position -> UTF-16 without a BOM (warned);
   any other NUL bytes -> binary, refused (checked before UTF-8, in which NUL is valid);
4. strict UTF-8 -> the normal case; many control characters -> binary, refused;
5. a charset declared in an HTML ``<meta>`` tag, if it decodes cleanly (warned);
6. windows-1252, if it decodes cleanly and reads as Western-European text (warned):
   the usual legacy encoding of English text, and a superset of Latin-1's printable
   range, which statistical guessers confuse with windows-1250 or hp-roman8 when only
   a few accented letters tell them apart;
7. charset_normalizer's best guess, if its "chaos" is low (warned);
   otherwise the input is refused with that best guess named.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from slant.errors import InputError

# Magic numbers of formats people mistake for articles: (prefix, name shown to the user).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP, e.g. a Word or EPUB file"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x1f\x8b", "GZIP"),
    (b"BZh", "BZIP2"),
    (b"\xfd7zXZ\x00", "XZ"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"{\\rtf", "RTF"),
)

# Longest BOM first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SAMPLE = 8192
MAX_CONTROL_SHARE = 0.05
"""Most control characters a text may hold, as a share of its characters, before it counts as binary."""
_MAX_CHAOS = 0.15
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
# Bytes below 0x20 that plain text legitimately holds: tab, line feed, form feed, carriage return, escape.
_TEXT_CONTROLS = frozenset(b"\t\n\x0c\r\x1b")
_CONTROL = re.compile("[" + "".join(f"\\x{c:02x}" for c in range(32) if c not in _TEXT_CONTROLS) + "\x7f-\x9f]")


@dataclass
class Decoded:
    """Text decoded from an input, with what the decoder had to guess."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def binary_kind(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with, if it is a known one."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def control_share(text: str) -> float:
    """Share of control characters (other than tab, newlines, form feed) among the characters of ``text``."""
    if not text:
        return 0.0
    return (len(text) - len(_CONTROL.sub("", text))) / len(text)


def _display(encoding: str) -> str:
    """A user-facing encoding name: ``cp1252`` -> ``windows-1252``, ``utf_16_le`` -> ``UTF-16-LE``."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    if name.startswith("cp125"):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "ISO-8859-" + name[8:]
    if name.startswith("utf"):
        return name.upper().replace("_", "-")
    return name


def _utf16_without_bom(data: bytes) -> str | None:
    """Return the UTF-16 codec when NUL bytes sit at every other position (ASCII text in UTF-16), else None."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.7 and even < 0.05:
        return "utf-16-le"
    if even > 0.7 and odd < 0.05:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` tag in the first bytes declares, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # As browsers do (WHATWG Encoding), read pages labelled Latin-1 or ASCII as windows-1252.
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


# Non-ASCII characters common in English and Western-European text read as windows-1252: Latin-1 letters,
# typographic quotes, dashes, ellipsis, currency and a few signs. Anything else (Š, ˆ, ‰, ¤, ...) is a sign
# that the bytes were written in another encoding.
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœŒ‘’‚“”„–—…•·€£¥¢©®™°§¶«»¡¿±×÷½¼¾\u00a0\u00ad"
)
_MOJIBAKE = re.compile("[ÂÃâ][\u00a0-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
"""UTF-8 bytes read as windows-1252 ("Ã©", "â€™"): the text is mostly UTF-8 with a few bad bytes."""
_MAX_FOREIGN_SHARE = 0.005
_MAX_ACCENTED_SHARE = 0.3


def _western(data: bytes) -> str | None:
    """The windows-1252 reading of ``data`` when it decodes and looks like Western-European text, else None.

    Plausible means: no control characters, almost no characters outside the usual
    Western set, accented letters a minority of the letters (a Cyrillic or Greek text
    read as windows-1252 is nearly all accented letters) and no UTF-8 mojibake.
    """
    text = _try(data, "cp1252")
    if text is None or control_share(text) > MAX_CONTROL_SHARE:
        return None
    letters = sum(1 for ch in text if ch.isalpha())
    unusual = [ch for ch in text if ord(ch) > 0x7F]
    foreign = sum(1 for ch in unusual if ch not in _WESTERN)
    accented = sum(1 for ch in unusual if ch.isalpha())
    if not letters or foreign > _MAX_FOREIGN_SHARE * letters or accented > _MAX_ACCENTED_SHARE * letters:
        return None
    return None if _MOJIBAKE.search(text) else text


def _binary_error(label: str, kind: str | None) -> InputError:
    what = f"binary data ({kind})" if kind else "binary data"
    return InputError(f"{label}: looks like {what}, not an article")


def _guess(data: bytes, label: str) -> Decoded:
    """Last resort: charset_normalizer, preferring windows-1252 when it reads the same."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = "cp1252"
    text = None
    if best is not None and best.chaos <= _MAX_CHAOS:
        encoding = encoding if encoding in best.could_be_from_charset else best.encoding
        text = _try(data, encoding)  # charset_normalizer may decode leniently where Python's codec will not
    if text is None:
        hint = f" (best guess: {_display(best.encoding)})" if best is not None else ""
        raise InputError(f"{label}: is not UTF-8 and its encoding could not be determined{hint}; re-save it as UTF-8")
    if control_share(text) > MAX_CONTROL_SHARE:
        raise _binary_error(label, None)
    name = _display(encoding)
    return Decoded(text, name, [f"decoded as {name} (not UTF-8)"])


def decode(data: bytes, label: str) -> Decoded:
    """Decode an input's bytes to text, refusing binary data.

    Args:
        data: the raw bytes of one input.
        label: how messages name the input (a path, or ``stdin``).

    Returns:
        The text, the encoding used, and a warning when the encoding was guessed.

    Raises:
        InputError: binary data, or bytes no encoding decodes credibly.
    """
    kind = binary_kind(data)
    if kind:
        raise _binary_error(label, kind)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is None:
                raise InputError(
                    f"{label}: starts with a {_display(encoding)} byte-order mark but does not decode "
                    "as it; re-save it as UTF-8"
                )
            if control_share(text[:_SAMPLE]) > MAX_CONTROL_SHARE:
                raise _binary_error(label, None)
            return Decoded(text, _display(encoding))
    if b"\x00" in data:  # before UTF-8: NUL is valid UTF-8, and UTF-16 ASCII is full of it
        utf16 = _utf16_without_bom(data)
        text = _try(data, utf16) if utf16 else None
        if utf16 is None or text is None or control_share(text[:_SAMPLE]) > MAX_CONTROL_SHARE:
            raise _binary_error(label, None)
        return Decoded(text, _display(utf16), [f"decoded as {_display(utf16)} (no byte-order mark)"])
    text = _try(data, "utf-8")
    if text is not None:
        if control_share(text[:_SAMPLE]) > MAX_CONTROL_SHARE:
            raise _binary_error(label, None)
        return Decoded(text, "UTF-8")
    sample = data[:_SAMPLE]
    if sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS) / max(len(sample), 1) > MAX_CONTROL_SHARE:
        raise _binary_error(label, None)
    declared = _declared_charset(data)
    if declared and not declared.startswith("utf"):
        text = _try(data, declared)
        if text is not None and control_share(text) <= MAX_CONTROL_SHARE:
            name = _display(declared)
            return Decoded(text, name, [f"decoded as {name} as the page declares (not UTF-8)"])
    text = _western(data)
    if text is not None:
        return Decoded(text, "windows-1252", ["decoded as windows-1252 (not UTF-8)"])
    return _guess(data, label)
