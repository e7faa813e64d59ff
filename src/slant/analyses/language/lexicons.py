"""The word lists of framing language: slant's own, and research lexicons read at run time.

slant's lists ship in ``slant/data/language/`` (attribution verbs, implicatives, hedges,
intensifiers, loaded wording), one entry a line with tab-separated ``key=value`` columns
documented at the top of each file. Two research lexicons may be read from a folder the user
names (``external_dir``, laid out as the archive Recasens et al. distribute):

- ``bias-lexicon/bias-lexicon.txt``: lemmas whose removal made Wikipedia edits neutral
  (Recasens, Danescu-Niculescu-Mizil and Jurafsky, ACL 2013; no licence stated);
- ``bias_related_lexicons/subjectivity_clues_hltemnlp05/subjclueslen1-HLTEMNLP05.tff``: the
  MPQA subjectivity clues (Wilson, Wiebe and Hoffmann, HLT/EMNLP 2005; GPL), of which only
  the strongly subjective ones are used.

Neither is ever copied into slant: their licences do not allow it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from slant.errors import InputError

RECASENS = Path("bias-lexicon") / "bias-lexicon.txt"
MPQA = Path("bias_related_lexicons") / "subjectivity_clues_hltemnlp05" / "subjclueslen1-HLTEMNLP05.tff"
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|'s")
_MPQA_LINE = re.compile(r"type=(\w+)\s.*?word1=(\S+)\s+pos1=(\w+)\s+stemmed1=(\w)(?:.*?priorpolarity=(\w+))?")
# MPQA parts of speech -> spaCy's coarse tags (``anypos`` is any content word).
_MPQA_POS = {"adj": ("ADJ",), "adverb": ("ADV",), "noun": ("NOUN",), "verb": ("VERB",)}
CONTENT_POS = ("ADJ", "ADV", "NOUN", "VERB")
Kind = Literal["loaded", "epistemic", "hedge", "scare_quote", "intensifier"]


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: its words and its columns."""

    words: tuple[str, ...]
    """Lower-case words; a hyphenated word stays one word ("so-called")."""
    category: str = ""
    pos: str = ""
    dep: str = ""
    side: str = ""
    note: str = ""
    object: bool = False

    @property
    def text(self) -> str:
        """The entry as a phrase."""
        return " ".join(self.words)


@dataclass(frozen=True)
class Lexicons:
    """Every word list the markers use; build with ``load_lexicons``."""

    attribution: Mapping[str, Entry]
    """Verb lemma -> entry; category neutral, loaded_verb, factive or assertive."""
    implicatives: Mapping[str, Entry]
    """Verb lemma -> entry (category implicative)."""
    hedges: tuple[Entry, ...]
    """Hedge and distancing words and phrases."""
    intensifiers: tuple[Entry, ...]
    """Intensifiers, dramatic verbs and adjectives whose superlative judges."""
    loaded: tuple[Entry, ...]
    """slant's loaded-wording lexicon."""
    recasens: frozenset[str] = frozenset()
    """Recasens et al. (2013) bias lemmas; empty unless an external folder was given."""
    mpqa: Mapping[tuple[str, str], str] = field(default_factory=lambda: MappingProxyType({}))
    """(word, part of speech or "any") -> prior polarity, for the strongly subjective MPQA clues;
    the word is a lemma when the clue matches every inflection, else prefixed with "=" (exact form)."""


def words_of(phrase: str) -> tuple[str, ...]:
    """The words a phrase is matched by: lower case, split at spaces, "'s" apart."""
    return tuple(_WORD.findall(phrase.lower().replace("’", "'")))


def parse_entry(line: str) -> Entry:
    """Read one lexicon line: the word or phrase, then tab-separated ``key=value`` columns.

    Raises:
        ValueError: a column is not ``key=value`` or names an unknown key.
    """
    head, *columns = line.split("\t")
    values: dict[str, str] = {}
    for column in columns:
        key, sep, value = column.partition("=")
        if not sep or key.strip() not in ("category", "pos", "dep", "side", "note", "object"):
            raise ValueError(f"bad lexicon column {column!r} in line {line!r}")
        values[key.strip()] = value.strip()
    return Entry(
        words=words_of(head),
        category=values.get("category", ""),
        pos=values.get("pos", ""),
        dep=values.get("dep", ""),
        side=values.get("side", ""),
        note=values.get("note", ""),
        object=values.get("object", "") == "yes",
    )


def _shipped(name: str, default_category: str = "") -> tuple[Entry, ...]:
    text = (resources.files("slant") / "data" / "language" / name).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        entry = parse_entry(line.rstrip("\n"))
        if entry.words:
            entries.append(entry if entry.category else _with_category(entry, default_category))
    return tuple(entries)


def _with_category(entry: Entry, category: str) -> Entry:
    return Entry(entry.words, category, entry.pos, entry.dep, entry.side, entry.note, entry.object)


def _read(path: Path) -> str:
    if not path.is_file():
        raise InputError(f"lexicon file {path} is missing; the lexicon folder must hold {RECASENS} and {MPQA}")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"lexicon file {path} cannot be read ({exc})") from exc


def _recasens(folder: Path) -> frozenset[str]:
    path = folder / RECASENS
    words = frozenset(w for line in _read(path).splitlines() if (w := line.strip().lower()) and not w.startswith("#"))
    if not words or any(" " in w or "=" in w for w in words):
        raise InputError(f"lexicon file {path} is not the Recasens et al. bias lexicon (one lemma a line)")
    return words


def _mpqa(folder: Path) -> Mapping[tuple[str, str], str]:
    path = folder / MPQA
    out: dict[tuple[str, str], str] = {}
    for line in _read(path).splitlines():
        m = _MPQA_LINE.match(line.strip())
        if m is None:
            continue
        kind, word, pos, stemmed, polarity = m.groups()
        if kind != "strongsubj":
            continue
        key = word.lower() if stemmed in ("y", "1") else "=" + word.lower()
        out[(key, pos)] = polarity or ""
    if not out:
        raise InputError(f"lexicon file {path} holds no MPQA subjectivity clues (type=strongsubj ... word1=...)")
    return MappingProxyType(out)


def mpqa_pos(pos: str) -> tuple[str, ...]:
    """spaCy coarse tags an MPQA part of speech stands for."""
    return _MPQA_POS.get(pos, CONTENT_POS)


@cache
def _load(external_dir: str | None) -> Lexicons:
    attribution = {e.words[0]: e for e in _shipped("attribution.txt")}
    implicatives = {e.words[0]: e for e in _shipped("implicatives.txt", "implicative")}
    recasens: frozenset[str] = frozenset()
    mpqa: Mapping[tuple[str, str], str] = MappingProxyType({})
    if external_dir is not None:
        folder = Path(external_dir)
        if not folder.is_dir():
            raise InputError(f"lexicon folder {external_dir} does not exist or is not a folder")
        recasens = _recasens(folder)
        mpqa = _mpqa(folder)
    return Lexicons(
        attribution=MappingProxyType(attribution),
        implicatives=MappingProxyType(implicatives),
        hedges=_shipped("hedges.txt", "hedge"),
        intensifiers=_shipped("intensifiers.txt", "intensifier"),
        loaded=_shipped("loaded.txt", "lexicon"),
        recasens=recasens,
        mpqa=mpqa,
    )


def load_lexicons(external_dir: str | None = None) -> Lexicons:
    """The framing lexicons, read once per process for each folder.

    Args:
        external_dir: a folder laid out as the Recasens et al. archive (``bias-lexicon/`` and
            ``bias_related_lexicons/``); when given, the Recasens bias lexicon and the strongly
            subjective MPQA clues are read from it as well. ``None``: slant's own lists only.

    Returns:
        The lexicons.

    Raises:
        InputError: the folder or one of its two files is missing, unreadable or not in the expected format.
    """
    key = None if external_dir is None else str(Path(external_dir).expanduser().resolve())
    return _load(key)


@dataclass(frozen=True)
class Hit:
    """A stretch of text a marker rule or lexicon flagged, before the hits are reconciled.

    ``rank`` orders hits that overlap: the lowest rank (the most specific kind) keeps the span.
    """

    start: int
    end: int
    kind: Kind
    category: str
    why: str
    rank: int
