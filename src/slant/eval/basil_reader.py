"""Read a BASIL-layout folder into typed records: the one reader of the ``eval/basil*.py`` evaluations.

Layout. BASIL (Fan et al., EMNLP 2019) pairs ``articles/YEAR/ID.json`` with
``annotations/YEAR/ID_ann.json``; ``ID`` is ``TRIPLET_N``, the three articles of one event sharing
``TRIPLET`` (BASIL: N = 1, 2, 3 from Fox News, the New York Times and HuffPost, in no fixed order).
An article file holds ``title``, ``source`` (``fox``, ``nyt``, ``hpo``, any case) and
``body-paragraphs``, a list of paragraphs, each a list of sentences (BASIL's own segmentation). An
annotation file holds ``phrase-level-annotations``, each with ``start``/``end`` offsets *into its
sentence*, its text ``txt``, its kind ``bias`` (``lex``: loaded wording; ``inf``: facts chosen to
sway) and, for quoted words (``"quote": "yes"``), a ``speaker``; and ``article-level-annotations``
with ``relative_stance`` (the article's side relative to the other two of its triplet).

Placement. An annotation carries no sentence index, so it is placed in every body sentence whose
``[start:end]`` slice equals ``txt`` (a sentence repeated word for word in one article gets it in
each copy); failing that, in the first sentence containing ``txt``; failing that (e.g. a span in the
title, or an empty ``txt``) nowhere. Sentence indices count the body sentences of an article in
reading order, across paragraphs.

Errors. A missing folder or annotation file, unreadable JSON or a file not in this layout raises
``InputError`` with a one-line message naming the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slant.errors import InputError

OUTLET_SIDES = {"fox": "right", "nyt": "center", "hpo": "left"}
"""BASIL's outlets (``source``, lower-cased) and the side each stands for in BASIL's design."""

_NEEDED = ("start", "end", "txt", "bias")


@dataclass(frozen=True)
class Placement:
    """Where an annotation sits: a body sentence (index in reading order) and offsets into it."""

    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class PhraseAnnotation:
    """One phrase-level annotation as written (offsets into its sentence) and where it was placed."""

    start: int
    end: int
    text: str
    bias: str
    """Its kind, stripped and lower-cased: ``lex`` or ``inf`` in BASIL."""
    quote: bool
    """``"quote": "yes"``: the words are quoted and ``speaker`` says who said them."""
    speaker: str
    """A name with underscores ("Senate_Republicans"), ``other_pro``/``other_anti``/``other_neutral``
    for someone BASIL does not name, or "" (always "" when the file gives none for a non-quote)."""
    places: tuple[Placement, ...]
    """The body sentences it was placed in (rule in the module docstring); empty when unplaced."""


@dataclass(frozen=True)
class ArticleText:
    """An article rebuilt as one slant text, with the offsets of each body sentence in it."""

    text: str
    sentences: tuple[tuple[int, int], ...]
    """(start, end) of each body sentence in ``text``, in reading order."""


@dataclass(frozen=True)
class BasilArticle:
    """One BASIL article with its annotations."""

    name: str
    """The file name without ``.json``: ``TRIPLET_N``."""
    triplet: str
    """The triplet it belongs to: ``name`` up to its last underscore."""
    path: Path
    title: str
    outlet: str
    """``source`` stripped and lower-cased (``fox``, ``nyt``, ``hpo`` in BASIL), "" when absent."""
    paragraphs: tuple[tuple[str, ...], ...]
    annotations: tuple[PhraseAnnotation, ...]
    stance: str | None
    """``relative_stance`` stripped and lower-cased as written (BASIL uses left/center/right and also
    liberal/conservative), None when absent or empty."""

    @property
    def sentences(self) -> tuple[str, ...]:
        """The body sentences in reading order (the indices of ``Placement.sentence``)."""
        return tuple(s for p in self.paragraphs for s in p)

    @property
    def side(self) -> str | None:
        """The side its outlet stands for (``OUTLET_SIDES``), None for an outlet BASIL does not have."""
        return OUTLET_SIDES.get(self.outlet)

    def text(self, *, title: bool = False) -> ArticleText:
        """The article as one text: the title and a blank line when ``title`` (and there is one), then
        the body paragraphs separated by blank lines, the sentences of a paragraph joined by spaces
        (a line break inside a sentence becomes a space, so offsets are kept)."""
        text = f"{self.title}\n\n" if title and self.title else ""
        offsets: list[tuple[int, int]] = []
        for paragraph in self.paragraphs:
            if not paragraph:
                continue
            if offsets:
                text += "\n\n"
            for k, sentence in enumerate(paragraph):
                if k:
                    text += " "
                offsets.append((len(text), len(text) + len(sentence)))
                text += sentence.replace("\n", " ")
        return ArticleText(text, tuple(offsets))


@dataclass(frozen=True)
class BasilFolder:
    """Every article of a BASIL-layout folder, in path order."""

    folder: Path
    articles: tuple[BasilArticle, ...]

    def triplets(self) -> list[tuple[BasilArticle, ...]]:
        """The articles grouped by triplet, groups in order of their first article, each in path order
        (a group may hold fewer than three articles when the folder lacks some)."""
        groups: dict[str, list[BasilArticle]] = {}
        for article in self.articles:
            groups.setdefault(article.triplet, []).append(article)
        return [tuple(g) for g in groups.values()]


def article_files(folder: Path) -> list[tuple[Path, Path]]:
    """(article file, annotation file) of every article of a BASIL-layout folder, in path order.

    Raises:
        InputError: the folder or its ``articles``/``annotations`` subfolders are missing, it holds no
            articles, or an article has no annotation file.
    """
    articles_dir, annotations_dir = folder / "articles", folder / "annotations"
    for path in (folder, articles_dir, annotations_dir):
        if not path.is_dir():
            raise InputError(f"{path}: no such folder (expected a BASIL folder with articles/ and annotations/)")
    paths = sorted(articles_dir.rglob("*.json"))
    if not paths:
        raise InputError(f"{articles_dir}: no article files (*.json) found")
    out = []
    for path in paths:
        ann_path = annotations_dir / path.relative_to(articles_dir).with_name(f"{path.stem}_ann.json")
        if not ann_path.is_file():
            raise InputError(f"{ann_path}: annotation file missing for article {path.name}")
        out.append((path, ann_path))
    return out


def read_folder(folder: Path) -> BasilFolder:
    """Every article of a BASIL-layout folder with its annotations placed (see the module docstring).

    Raises:
        InputError: as ``article_files``, or as ``read_article`` for any of its articles.
    """
    return BasilFolder(folder, tuple(read_article(path, ann_path) for path, ann_path in article_files(folder)))


def read_article(path: Path, ann_path: Path) -> BasilArticle:
    """One BASIL article file and its annotation file.

    Raises:
        InputError: unreadable JSON, an article without a ``body-paragraphs`` list of string lists,
            an annotation file without a ``phrase-level-annotations`` list, or an annotation without
            ``start``, ``end``, ``txt`` and ``bias`` (and ``speaker``, for a quote).
    """
    doc = _read_json(path)
    paragraphs = doc.get("body-paragraphs") if isinstance(doc, dict) else None
    if not isinstance(paragraphs, list) or not all(isinstance(p, list) for p in paragraphs):
        raise InputError(f"{path}: not a BASIL article (needs 'body-paragraphs', a list of sentence lists)")
    if not all(isinstance(s, str) for p in paragraphs for s in p):
        raise InputError(f"{path}: not a BASIL article ('body-paragraphs' must hold strings)")
    body = tuple(tuple(p) for p in paragraphs)
    sentences = [s for p in body for s in p]
    ann = _read_json(ann_path)
    items = ann.get("phrase-level-annotations") if isinstance(ann, dict) else None
    if not isinstance(items, list):
        raise InputError(f"{ann_path}: not a BASIL annotation file (needs a 'phrase-level-annotations' list)")
    level = ann.get("article-level-annotations")
    stance = str(level.get("relative_stance") or "").strip().lower() if isinstance(level, dict) else ""
    return BasilArticle(
        name=path.stem,
        triplet=path.stem.rsplit("_", 1)[0],
        path=path,
        title=str(doc.get("title") or "").strip(),
        outlet=str(doc.get("source") or "").strip().lower(),
        paragraphs=body,
        annotations=tuple(_annotation(item, n, ann_path, sentences) for n, item in enumerate(items, 1)),
        stance=stance or None,
    )


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: cannot read the BASIL JSON ({exc})") from None


def _annotation(item: Any, n: int, path: Path, sentences: list[str]) -> PhraseAnnotation:
    if not isinstance(item, dict):
        raise InputError(f"{path}: phrase annotation {n} is not a JSON object")
    quote = str(item.get("quote", "")).strip().lower() == "yes"
    needed = (*_NEEDED, "speaker") if quote else _NEEDED
    bad = [k for k in needed if item.get(k) is None or (k in ("start", "end") and not _is_int(item[k]))]
    if bad:
        raise InputError(
            f"{path}: phrase annotation {n} lacks {', '.join(bad)} "
            "(each needs start, end, txt and bias; a quote also a speaker)"
        )
    start, end, text = int(item["start"]), int(item["end"]), str(item["txt"])
    places = _place(start, end, text, sentences)
    bias = str(item["bias"]).strip().lower()
    speaker = "" if item.get("speaker") is None else str(item["speaker"]).strip()
    return PhraseAnnotation(start, end, text, bias, quote, speaker, places)


def _is_int(value: Any) -> bool:
    try:
        int(value)
    except (TypeError, ValueError, OverflowError):
        return False
    return True


def _place(start: int, end: int, text: str, sentences: list[str]) -> tuple[Placement, ...]:
    if not text:
        return ()
    exact = tuple(Placement(i, start, end) for i, s in enumerate(sentences) if s[start:end] == text)
    if exact:
        return exact
    for i, s in enumerate(sentences):  # offsets off: fall back on the first occurrence of the text
        at = s.find(text)
        if at >= 0:
            return (Placement(i, at, at + len(text)),)
    return ()
