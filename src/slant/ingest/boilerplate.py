"""Find blocks of an article that are not reporting: appeals, sign-ups, links, notices, credits, bylines, ...

Lines are paragraphs. Each sentence is labelled by ``cues.classify`` (strong, weak,
soft or reporting) and each line as a whole:

1. the article's first lines may be a byline or timestamp (``header.line_kind``);
2. a line none of whose sentences is reporting is a block when one sentence is a
   strong cue: an appeal paragraph is flagged whole, its outlet-voice sentences
   ("We don't take money from politicians.") included;
3. a line ending in a photo credit is a caption, one opening with "Editor's note:"
   a note; short ones are flagged whole;
4. lines of filler join a neighbouring block of their family; lines of outlet voice
   join only among the article's closing lines (after its last reporting line);
5. the last reporting line may end in an appeal after its reporting: that run of
   sentences is flagged alone.

A paragraph that reports on an appeal (a sentence with "said", a quotation, or any
sentence without a cue) is never flagged whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from slant.ingest.cues import Label, Strength, classify, family
from slant.ingest.header import line_kind
from slant.model import Boilerplate

_LINE = re.compile(r"[^\n]+")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9$£€@©])")
_MAX_HEADER_LINES = 12
_MAX_ABSORB = 600
"""Longest caption or note line flagged whole; a longer one is a paragraph of reporting."""
_MAX_CAPTION_SENTENCES = 3
"""Most sentences of description a photo credit claims as its caption."""
_ABSORBING = {"caption": -1, "note": 0}
"""Kinds that claim their whole (short) line from the sentence at this index (last, first)."""


@dataclass
class _Line:
    start: int
    end: int
    spans: list[tuple[int, int]]
    labels: list[Label | None]
    label: Label | None
    """The whole line's label, or None when some sentence is reporting."""


@dataclass
class _Piece:
    start: int
    end: int
    label: Label


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Rough sentence spans inside ``text[start:end]`` (absolute offsets)."""
    spans: list[tuple[int, int]] = []
    at = start
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        spans.append((at, match.start(1)))
        at = match.end(1)
    spans.append((at, end))
    return spans


def _quoted(line: str, offset: int, sentence: str) -> bool:
    """Whether a sentence stands inside a quotation: it opens or closes one, or one is open before it."""
    before = line[:offset]
    open_curly = before.count("“") > before.count("”")
    return open_curly or before.count('"') % 2 == 1 or sentence[:1] in "\"“'‘" or sentence.rstrip(".!?…")[-1:] in '"”'


def _combine(labels: list[Label | None]) -> Label | None:
    """One label for a run of sentences: the first strong one, else weak, else soft; None if any is reporting."""
    present = [label for label in labels if label is not None]
    if not present or len(present) < len(labels):
        return None
    return max(present, key=lambda label: label.strength)  # max keeps the first of equal strength


def _absorb(line: _Line, text: str) -> Label | None:
    """A caption or note claims its whole line when the line is short and its other sentences are not quotes."""
    if line.end - line.start > _MAX_ABSORB:
        return None
    line_text = text[line.start : line.end]
    for kind, index in _ABSORBING.items():
        label = line.labels[index]
        if label is None or label.kind != kind:
            continue
        others = [span for i, span in enumerate(line.spans) if i != index % len(line.spans)]
        if kind == "caption" and len(others) > _MAX_CAPTION_SENTENCES:
            return None
        if not any(_quoted(line_text, a - line.start, text[a:b]) for a, b in others):
            return label
    return None


def _read_lines(text: str) -> list[_Line]:
    """Label every non-blank line and its sentences."""
    lines: list[_Line] = []
    top = True
    for match in _LINE.finditer(text):
        raw = match.group()
        if not raw.strip():
            continue
        start = match.start() + len(raw) - len(raw.lstrip())
        end = start + len(raw.strip())
        line_text = text[start:end]
        header = line_kind(line_text, top=top and len(lines) < _MAX_HEADER_LINES)
        if header:
            lines.append(
                _Line(start, end, [(start, end)], [Label(header, Strength.STRONG)], Label(header, Strength.STRONG))
            )
            continue
        spans = _sentences(text, start, end)
        labels = [classify(text[a:b], quoted=_quoted(line_text, a - start, text[a:b])) for a, b in spans]
        line = _Line(start, end, spans, labels, _combine(labels))
        line.label = line.label or _absorb(line, text)
        lines.append(line)
        top = top and line.label is not None and line.label.strength == Strength.STRONG
    return lines


def _tail(line: _Line) -> _Piece | None:
    """The closing run of non-reporting sentences of a reporting line, when it holds a cue."""
    first = len(line.labels)
    while first > 0 and line.labels[first - 1] is not None:
        first -= 1
    label = _combine(line.labels[first:]) if first < len(line.labels) else None
    if label is None:
        return None
    strength = max(label.strength, Strength.WEAK)  # among the closing lines, outlet voice is filler
    return _Piece(line.spans[first][0], line.end, Label(label.kind, strength))


def _pieces(lines: list[_Line]) -> list[_Piece | None]:
    """One entry per line (None for reporting), plus the closing appeal of the last reporting line."""
    closing = len(lines)
    while closing > 0 and lines[closing - 1].label is not None:
        closing -= 1
    out: list[_Piece | None] = []
    for i, line in enumerate(lines):
        label = line.label
        if label is None:
            out.append(None)
            if i == closing - 1:
                out.append(_tail(line))
            continue
        if label.strength == Strength.SOFT:
            label = Label(label.kind, Strength.WEAK) if i >= closing else None
        out.append(_Piece(line.start, line.end, label) if label else None)
    return out


def _joins(block: _Piece, piece: _Piece) -> bool:
    """Whether ``piece`` continues ``block``: one kind, or filler of the same family."""
    if block.label.strength == piece.label.strength == Strength.STRONG:
        return block.label.kind == piece.label.kind
    return family(block.label.kind) == family(piece.label.kind)


def _merge(pieces: list[_Piece | None]) -> list[_Piece]:
    """Join neighbouring pieces into blocks; a block without a strong cue is dropped."""
    blocks: list[_Piece] = []
    current: _Piece | None = None
    for piece in [*pieces, None]:
        if current is not None and (piece is None or not _joins(current, piece)):
            if current.label.strength == Strength.STRONG:
                blocks.append(current)
            current = None
        if piece is None:
            continue
        if current is None:
            current = _Piece(piece.start, piece.end, piece.label)
        else:
            current.end = piece.end
            if piece.label.strength > current.label.strength:
                current.label = piece.label
    return blocks


def find_boilerplate(text: str) -> list[Boilerplate]:
    """Find the blocks of an article's text that are not reporting.

    Args:
        text: the article text (``Article.text``); blocks are lines or, for the last
            reporting line, its closing sentences.

    Returns:
        Blocks in text order, offsets into ``text`` trimmed of whitespace, each with a
        kind: donation, newsletter, tip, social, read_more, cookie, copyright, credit,
        bio, byline, dateline, caption, note or other.
    """
    blocks = _merge(_pieces(_read_lines(text)))
    return [Boilerplate(start=b.start, end=b.end, text=text[b.start : b.end], kind=b.label.kind) for b in blocks]
