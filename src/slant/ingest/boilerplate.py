"""Find blocks of an article that are not reporting: donation appeals, sign-ups, "Read more" links, ...

Detection is deliberately conservative. A line is boilerplate only when every sentence
in it is: at least one sentence matches a *strong* cue (an imperative aimed at the
reader, "please donate", "Sign up for our newsletter", "Read more:"), and the others
are *weak* appeal filler ("Thank you for reading.", "Your support means everything.").
Weak lines join a neighbouring strong block but never make one on their own. The last
line may end in a run of such sentences after reporting; that run alone is flagged.
Sentences with an attribution verb ("said", "told") are reporting about an appeal,
never an appeal, so they only ever match the link and copyright labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from slant.model import Boilerplate

_I = re.IGNORECASE
_PLATFORMS = r"(?:twitter|x|facebook|instagram|tiktok|youtube|threads|bluesky|linkedin|mastodon|whatsapp|telegram)"
_SHARE_WORDS = rf"(?:share|tweet|e-?mail|print|copy\s+link|{_PLATFORMS}|reddit|pinterest|flipboard)"
_ADDRESS = re.compile(r"\b(?:you|your|we|us|our)\b", _I)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|according\s+to|asked|urged|urges|wrote|writes|tweeted|posted|announced|added)\b",
    _I,
)


@dataclass(frozen=True)
class _Cue:
    """One pattern that marks a sentence as boilerplate of a kind."""

    kind: str
    pattern: re.Pattern[str]
    needs_address: bool = False
    """Only when the sentence also speaks to the reader or as the outlet ("you", "our")."""
    label: bool = False
    """A link or copyright label: matches even when the sentence holds an attribution verb."""


def _cue(kind: str, pattern: str, *, needs_address: bool = False, label: bool = False) -> _Cue:
    return _Cue(kind, re.compile(pattern, _I), needs_address, label)


# Checked in order; the first that matches gives the kind.
_STRONG: tuple[_Cue, ...] = (
    _cue(  # a link label alone, or before a colon or dash: "READ MORE", "Related: ..."
        "read_more",
        r"^(?:read\s+more|read\s+next|related(?:\s+(?:articles?|stories|coverage|content|reading))?|see\s+also"
        r"|recommended(?:\s+for\s+you)?|keep\s+reading|continue\s+reading|you\s+(?:may|might)\s+also\s+like"
        r"|most\s+(?:read|popular|viewed)|trending\s+now|more\s+stories|further\s+reading|top\s+stories|latest\s+news)"
        r"\s*(?:[:|»›>]|\s[-–—]\s|[.!…]*\s*$)",
        label=True,
    ),
    _cue(  # labels that are ordinary words too, so only before a colon: "Watch: ...", "More from Ledger: ..."
        "read_more",
        r"^(?:read\s+also|also\s+read|more\s+on\s+this(?:\s+story)?|more\s+from\s+[\w .'’&-]{1,40}|watch|listen"
        r"|trending)\s*:",
        label=True,
    ),
    _cue("read_more", r"^(?:click|tap)\s+here\s+(?:to\s+)?(?:read|see|view|watch|for\s+more)\b"),
    _cue("donation", r"^(?:please\s+)?(?:donate|chip\s+in)\b(?![-'’])"),
    _cue(
        "donation",
        r"\bplease\s+(?:donate|chip\s+in|give|contribute|consider\s+(?:donating|supporting|giving|making\s+a"
        r"|a\s+(?:small\s+)?(?:donation|gift|contribution)|becoming\s+a))\b",
    ),
    _cue(
        "donation",
        r"\b(?:donate|chip\s+in|contribute|give)\s+(?:just\s+|only\s+|as\s+little\s+as\s+)?[$£€]\s?\d",
        needs_address=True,
    ),
    _cue(
        "donation",
        r"^(?:please\s+)?support\s+(?:us\b|the\s+work\s+we\s+do|(?:independent|our|nonprofit|non-profit|quality|local"
        r"|reader-funded|reader-supported|fearless|free|trusted|public[- ]interest)\b[^.!?]{0,160}"
        r"\b(?:journalism|news|reporting|media|press|work))",
    ),
    _cue(
        "donation",
        r"\bhelps?\s+(?:us\s+)?(?:support|fund|sustain|keep|continue)\b[^.!?]{0,160}"
        r"\b(?:journalism|reporting|newsroom|the\s+work\s+we\s+do|our\s+work|our\s+mission)\b",
        needs_address=True,
    ),
    _cue("donation", r"^(?:please\s+)?become\s+a\s+(?:member|supporter|patron|donor|sustaining\s+member)\b"),
    _cue(
        "donation",
        r"\b(?:make|give)\s+(?:your|a)\s+(?:\w+\s+){0,2}(?:donation|gift|contribution)\s+(?:today|now)\b",
        needs_address=True,
    ),
    _cue(
        "newsletter",
        r"^(?:please\s+)?(?:sign\s+up|subscribe|register|join)\b[^.!?]{0,160}"
        r"\b(?:newsletters?|mailing\s+list|e-?mails?|inbox|briefing|digest|alerts|updates)\b",
    ),
    _cue("newsletter", r"^(?:please\s+)?subscribe\b(?![-'’])"),
    _cue("newsletter", r"\b(?:sign\s+up|sign-up|signup|subscribe)\b[^.!?]{0,160}\bnewsletters?\b", needs_address=True),
    _cue("newsletter", r"^(?:get|have|receive)\b[^.!?]{0,160}\b(?:to|in|into)\s+your\s+inbox\b"),
    _cue("newsletter", r"^(?:the\s+)?(?:best|latest|top)\b[^.!?]{0,160}\bdelivered\b[^.!?]{0,160}\byour\s+inbox\b"),
    _cue("newsletter", r"^(?:enter\s+)?your\s+e-?mail(?:\s+address)?\s*[:.]?\s*$"),
    _cue(
        "cookie",
        r"\b(?:we|(?:this|our)\s+(?:web)?site|our\s+partners)\s+(?:and\s+our\s+partners\s+)?uses?\s+cookies\b",
    ),
    _cue(
        "cookie",
        r"^(?:accept|reject|allow|decline|manage|customi[sz]e)\s+(?:all\s+)?cookie(?:s|\s+settings|\s+preferences)\b",
    ),
    _cue("cookie", r"^cookie\s+(?:settings|preferences|policy|notice|consent)\s*$"),
    _cue("cookie", r"\bby\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+(?:this|our)\s+(?:web)?site\b"),
    _cue(
        "cookie",
        r"\bcookies?\b[^.!?]{0,160}\b(?:consent|accept|(?:browsing\s+)?experience|privacy\s+policy|cookie\s+policy)\b",
        needs_address=True,
    ),
    _cue("social", r"^(?:please\s+)?(?:follow|like|join|find)\s+us\s+(?:on|at)\b"),
    _cue("social", rf"^follow\s+[@\w .'’-]{{1,40}}?\s+on\s+{_PLATFORMS}\b"),
    _cue("social", r"^share\s+(?:this|it|on|via)\b"),
    _cue("social", rf"^{_SHARE_WORDS}(?:\s*[|/·•,]?\s*{_SHARE_WORDS})+\s*$"),
    _cue("social", r"^(?:share|share\s+this|tweet)\s*[:!.]?\s*$"),
    _cue("social", r"^(?:like|love|enjoy(?:ed)?)\s+this\s+(?:story|article)\s*\?"),
    _cue("other", r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4})", label=True),
    _cue("other", r"\ball\s+rights\s+reserved\b", label=True),
    _cue("other", r"^(?:click|tap)\s+here\b"),
    _cue(
        "other",
        r"^(?:advertisement|advertising|sponsored(?:\s+content)?|story\s+continues\s+below(?:\s+advertisement)?"
        r"|skip\s+to\s+(?:main\s+)?content|scroll\s+to\s+continue(?:\s+with\s+content)?)\s*$",
        label=True,
    ),
)

# Appeal filler: boilerplate only next to a strong cue.
_WEAK = re.compile(
    r"^thank\s+you\s+(?:so\s+much\s+)?"
    r"(?:for\s+(?:reading|your\s+support|being\s+a|supporting)|to\s+(?:the|our|all|every)\b)"
    r"|^your\s+(?:support|generosity|contribution|donation|gift)\b"
    r"|\b(?:readers|people|supporters)\s+like\s+you\b"
    r"|\bwe\s+(?:rely|depend|count)\s+on\s+(?:you|readers|our\s+readers|donations|the\s+support)\b"
    r"|\b(?:reader|member|listener)[- ](?:funded|supported|powered)\b"
    r"|^we\s+will\s+(?:continue|keep)\s+(?:to\s+)?(?:keep\s+you|bring(?:ing)?\s+you)"
    r"|\b(?:every|any)\s+(?:contribution|donation|dollar|gift)\b[^.!?]{0,160}\b(?:helps|matters|counts)\b"
    r"|^if\s+you\s+(?:value|appreciate|enjoyed|like)\b[^.!?]{0,160}"
    r"\b(?:journalism|reporting|this\s+(?:article|story)|our\s+work)\b",
    _I,
)
_WEAK_KIND = "weak"
_MAX_SENTENCE = 400
"""Longer sentences are reporting: appeals and labels are short, and this bounds the regex work."""
_LINE = re.compile(r"[^\n]+")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9$£€@©])")


def _classify(sentence: str) -> str | None:
    """Kind of a strong cue, ``"weak"`` for appeal filler, None for anything else (reporting)."""
    if len(sentence) > _MAX_SENTENCE:
        return None
    attributed = _ATTRIBUTION.search(sentence) is not None
    for cue in _STRONG:
        if attributed and not cue.label:
            continue
        if cue.pattern.search(sentence) and (not cue.needs_address or _ADDRESS.search(sentence)):
            return cue.kind
    if not attributed and _WEAK.search(sentence):
        return _WEAK_KIND
    return None


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Rough sentence spans inside ``text[start:end]`` (absolute offsets)."""
    spans: list[tuple[int, int]] = []
    at = start
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        spans.append((at, match.start(1)))
        at = match.end(1)
    spans.append((at, end))
    return spans


def _label(labels: list[str | None]) -> str | None:
    """Kind of a run of sentences: the first strong kind, ``"weak"`` if all filler, None if any is reporting."""
    if None in labels:
        return None
    strong = [k for k in labels if k != _WEAK_KIND]
    return strong[0] if strong else _WEAK_KIND


@dataclass
class _Piece:
    start: int
    end: int
    kind: str  # a strong kind or "weak"


def _pieces(text: str) -> list[_Piece | None]:
    """One entry per non-blank line: the boilerplate part of that line, or None for reporting."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    out: list[_Piece | None] = []
    for i, (start, end) in enumerate(lines):
        start += len(text[start:end]) - len(text[start:end].lstrip())
        end = start + len(text[start:end].rstrip())
        spans = _sentences(text, start, end)
        labels = [_classify(text[a:b]) for a, b in spans]
        kind = _label(labels)
        if kind is None and i == len(lines) - 1:
            # The last paragraph may close with an appeal after its reporting.
            first = len(labels)
            while first > 0 and labels[first - 1] is not None:
                first -= 1
            tail = _label(labels[first:]) if first < len(labels) else None
            if tail and tail != _WEAK_KIND:
                out.append(None)
                out.append(_Piece(spans[first][0], end, tail))
                continue
        out.append(_Piece(start, end, kind) if kind else None)
    return out


def _merge(pieces: list[_Piece | None]) -> list[_Piece]:
    """Join neighbouring pieces into blocks: same-kind runs merge, filler joins its neighbours."""
    blocks: list[_Piece] = []
    current: _Piece | None = None

    def close() -> None:
        nonlocal current
        if current is not None and current.kind != _WEAK_KIND:
            blocks.append(current)
        current = None

    for piece in pieces:
        if piece is None:
            close()
        elif current is None:
            current = _Piece(piece.start, piece.end, piece.kind)
        elif piece.kind == _WEAK_KIND or current.kind in (_WEAK_KIND, piece.kind):
            current.end = piece.end
            if piece.kind != _WEAK_KIND:
                current.kind = piece.kind
        else:
            close()
            current = _Piece(piece.start, piece.end, piece.kind)
    close()
    return blocks


def find_boilerplate(text: str) -> list[Boilerplate]:
    """Find the blocks of an article's text that are not reporting.

    Args:
        text: the article text (``Article.text``); blocks are lines or, for the last
            line, its closing sentences.

    Returns:
        Blocks in text order, offsets into ``text`` trimmed of whitespace, each with a
        kind: donation, newsletter, read_more, cookie, social or other.
    """
    return [
        Boilerplate(start=b.start, end=b.end, text=text[b.start : b.end], kind=b.kind) for b in _merge(_pieces(text))
    ]
