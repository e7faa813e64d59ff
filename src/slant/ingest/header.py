"""Header lines of a plain-text article: bylines and timestamps, and the author and date they give.

Copied pages often keep lines such as ``By Jane Doe, Staff Writer``, ``Jan. 6, 2026 at
5:14 p.m. EST`` or ``Published: ... | Updated: ...`` above the first paragraph. A whole
line is matched, never the start of a sentence, so a dateline opening the lede
("MILLBROOK, Ohio (WKTV) — The council ...") stays part of it. Bylines and bare dates
count only among the article's first lines; a line labelled "Published", "Updated"
or "Posted" and holding only a date counts anywhere.
"""

from __future__ import annotations

import datetime as dt
import re

_MAX_LINE = 160
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DAYS = "mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
_LABELS = "published|updated|posted|modified|last|first|originally"
_RELATIVE = "ago|hours?|hrs?|minutes?|mins?|days?|weeks?|yesterday|just|now"
_ZONES = "utc|gmt|[ecmpa][sd]?t|bst|cet|cest|aest|aedt|ist|hst|akst|akdt|z"
# Every word of a timestamp line is one of these (separators and punctuation removed first).
_STAMP_WORD = re.compile(
    rf"(?:(?:{_MONTHS}|{_DAYS})\.?|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:[ap]\.?m\.?)?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:t[\d:.]+(?:z|[+-]\d{{2}}:?\d{{2}})?)?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|[ap]\.?m\.?"
    rf"|{_ZONES}|{_LABELS}|{_RELATIVE}|on|at|date|time|of|the)",
    re.IGNORECASE,
)
_STAMP_SPLIT = re.compile(r"[\s,|·•()\[\]]+|\s[-–—]\s|[–—]")
_LABELLED = re.compile(rf"^(?:{_LABELS})\b", re.IGNORECASE)
_HAS_DATE = re.compile(
    rf"\b(?:{_MONTHS})\b\.?\s*\d|\d\s*(?:{_MONTHS})\b|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|\d\s*(?:{_RELATIVE})\b",
    re.IGNORECASE,
)

_NAME_WORD = r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.)"
_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|al|el|st\.?)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,4}}"
_BYLINE = re.compile(
    rf"^(?i:(?:(?:written|story|words|text|reporting|report)\s+)?by)\s*:?\s+(?P<names>{_NAME}"
    rf"(?:(?:\s*[,&]\s*|\s+and\s+){_NAME})*?)(?P<rest>\s*(?:[,|•·/]|\s[-–—]\s|[–—]).*)?$"
)
# After the names: a role, an outlet, a contact or a time, never a clause of a sentence.
_REST_WORD = re.compile(
    r"[A-Z0-9@(\[].*|[\w.+-]+@[\w.-]+|https?://\S+|\S+\.\w{2,}(?:/\S*)?"
    r"|(?:the|of|to|for|and|at|on|in|a|an|special|staff|senior|chief|contributing|writer|reporter|correspondent"
    r"|editor|contributor|columnist|photographer|producer|journalist|intern|news|service|wire|desk|team|email"
    r"|e-mail|updated|published|posted|am|pm|a\.m\.|p\.m\.)[.:,]?",
)
_NOT_NAMES = re.compile(
    rf"^(?:{_MONTHS}|{_DAYS}|the|then|now|noon|midnight|morning|evening|night|dawn|contrast|comparison|law"
    r"|far|most|all|some|many|late|early|christmas|easter|sunday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)
_DATES = (
    re.compile(rf"\b(?P<mon>{_MONTHS})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTHS})\.?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b"),
)
_PUBLISHED = re.compile(r"\b(?:published|posted|first\s+published|originally\s+published)\b", re.IGNORECASE)


def _is_stamp(line: str) -> bool:
    """Whether every word of ``line`` belongs to a date or time, and it holds a date."""
    if len(line) > _MAX_LINE or not _HAS_DATE.search(line):
        return False
    words = [w.rstrip(":;.") or w for w in _STAMP_SPLIT.split(line) if w.strip(":;.-")]
    return bool(words) and all(_STAMP_WORD.fullmatch(w) for w in words)


def _byline(line: str) -> re.Match[str] | None:
    if len(line) > _MAX_LINE:
        return None
    match = _BYLINE.match(line)
    if match is None or _NOT_NAMES.match(match.group("names")):
        return None
    rest = _STAMP_SPLIT.split(match.group("rest") or "")
    if not all(_REST_WORD.fullmatch(w) for w in rest if w.strip(",|•·/-–—")):
        return None
    return match


def line_kind(line: str, *, top: bool) -> str | None:
    """``"byline"`` or ``"dateline"`` when the whole ``line`` is one, else None.

    Args:
        line: one line of the article, trimmed.
        top: the line is among the article's first lines (all above it being boilerplate).
    """
    if _LABELLED.match(line) and _is_stamp(line):
        return "dateline"
    if not top:
        return None
    if _byline(line):
        return "byline"
    if _is_stamp(line):
        return "dateline"
    return None


def byline_author(line: str) -> str | None:
    """The names a byline line gives (``"By Jane Doe, Staff Writer"`` -> ``"Jane Doe"``), or None."""
    match = _byline(line.strip())
    return " ".join(match.group("names").split()) if match else None


def _month(name: str) -> int:
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(
        name[:3].lower()
    ) + 1


def _iso(match: re.Match[str]) -> str | None:
    fields = match.groupdict()
    month = _month(fields["mon"]) if fields.get("mon") else int(fields["month"])
    try:
        return dt.date(int(fields["year"]), month, int(fields["day"])).isoformat()
    except ValueError:
        return None


def stamp_date(line: str) -> str | None:
    """The publication date a header line gives, as ``YYYY-MM-DD``, or None.

    The date after "Published" or "Posted" wins over an "Updated" one; otherwise the
    first date in the line is taken.
    """
    published = _PUBLISHED.search(line)
    for start in ([published.end()] if published else []) + [0]:
        found = [m for m in (pattern.search(line, start) for pattern in _DATES) if m]
        for match in sorted(found, key=lambda m: m.start()):
            iso = _iso(match)
            if iso:
                return iso
    return None
