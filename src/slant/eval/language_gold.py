"""Read the language gold (``src/slant/examples/gold/lang_*.json``): marked words, biased sentences, terms.

Format, one file per event (a set of articles on one event)::

    {
      "event": "lang_tax",
      "articles": [
        {"file": "../lang_tax_left.txt", "lean": "left",
         "marks": [{"kind": "loaded", "term": "giveaway"},
                   {"kind": "hedge", "term": "could", "occurrence": 2}],
         "biased_sentences": ["Democrats warned that the giveaway"]},
        ...
      ],
      "terms": [
        {"referent": "the estate tax",
         "variants": [{"file": "../lang_tax_left.txt", "text": "estate tax", "loaded": false},
                      {"file": "../lang_tax_right.txt", "text": "death tax", "loaded": true}]}
      ]
    }

``file`` is a path relative to the gold file's folder; articles get the ids ``a1``,
``a2``, ... in the order listed. A mark's ``term`` is the exact text as the article
(read by ``slant.read_articles``, headline split off) writes it; ``occurrence``
(default 1) picks the n-th case-sensitive match of ``term`` at word boundaries. A
biased sentence is given by its opening words (unique in the article). Variants name
the same referent in different articles (or twice in one); ``text`` must occur in
its file.

Annotation guidelines (the gold was written from the text alone, before reading
slant's rules or lexicons):

- Only the article's own voice is marked: words inside quotation marks that a named
  or anonymous speaker is quoted as saying are never marked. Reported speech without
  quotation marks ("said looters cleaned out his shelves") reads as the article's
  wording and is marked. Headlines are not marked (ingest splits them off).
- ``loaded``: a word or phrase that passes a judgement a neutral wording would not:
  partisan labels and euphemisms ("illegal aliens", "death tax", "tax relief",
  "reproductive health care", "union bosses"), pejoratives and praise ("hardliner",
  "veteran lawman", "lopsided", "bloated bureaucracy"), insinuating verbs ("rushed to
  the defense", "brushed aside"). Standard news terms are not loaded ("raid",
  "anti-abortion", "undocumented", "illegal immigration").
- ``epistemic``: reporting verbs that judge the truth or the speaker instead of just
  reporting (loaded verbs: claimed, insisted, admitted, conceded, boasted, complained,
  alleged, blamed, dismissed), factives and assertives that vouch for what follows
  (revealed, acknowledged, confirmed, pointed out, note), implicatives (refused to).
  Neutral said / told / according to / warned are not marked.
- ``hedge``: epistemic hedges in the article's voice (may, could, appear(s) to, likely,
  possible, suggest) and distancing words (reportedly, so-called). "could" of ability
  is not a hedge.
- ``scare_quote``: a quoted word or short phrase that no one in the article is shown
  saying at that point, used to distance the writer from it (a "border security"
  operation; the "counseling"); a quoted label after "so-called" or "branded" counts.
  A short quote attributed to a speaker (called the raid "deeply traumatic") is speech.
- ``intensifier``: words that amplify degree or drama: degree adverbs (overwhelmingly,
  dangerously, flatly, especially, just), hyperbolic adjectives (massive, staggering,
  enormous, sweeping) and dramatic verbs (stormed, slammed, blasted, tore through,
  soaring). Each span gets one kind.
- ``biased_sentences``: sentences whose wording or selection takes a side.
- Terms: referents (groups, policies, events, people) that the articles of a set name
  differently; ``loaded`` is true for each wording a neutral outlet would avoid.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from slant.errors import InputError
from slant.eval.gold import LANGUAGE_PREFIX
from slant.ingest import read_articles
from slant.model import Article
from slant.settings import Settings

SET_FILE = "gold.json"
"""A word-choice gold set: ``<set>/gold.json`` beside its articles, with ``referents`` instead of ``terms``."""
WORD_KINDS = ("loaded", "epistemic", "hedge", "scare_quote", "intensifier")
"""Mark kinds annotated on words (``biased_sentence`` is sentence-level)."""


@dataclass(frozen=True)
class GoldMark:
    """One annotated word or phrase, located in its article."""

    article: str
    kind: str
    term: str
    start: int
    end: int


@dataclass
class GoldVariant:
    """One gold wording of a referent: every place its text occurs in the article."""

    article: str
    text: str
    loaded: bool
    spans: list[tuple[int, int]]
    why: str = ""
    """Word-choice sets: name, title, neutral description, label, euphemism, loaded modifier, other."""


@dataclass
class GoldTerm:
    """A referent with the wordings the articles use for it."""

    referent: str
    variants: list[GoldVariant]


@dataclass
class LanguageGold:
    """One annotated event: its articles (ids a1, a2, ...) and the resolved annotations."""

    name: str
    path: Path
    articles: list[Article]
    marks: list[GoldMark] = field(default_factory=list)
    biased: list[tuple[str, int]] = field(default_factory=list)
    """(article id, offset where a gold biased sentence starts)."""
    terms: list[GoldTerm] = field(default_factory=list)
    referents: list[GoldTerm] = field(default_factory=list)
    """Word-choice sets only: every referent two articles name, however worded (``terms`` holds those
    two articles describe differently)."""


def occurrences(text: str, term: str) -> list[tuple[int, int]]:
    """Spans of ``term`` in ``text``, matched case-sensitively at word boundaries."""
    pattern = r"(?<!\w)" + re.escape(term) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def gold_files(data: Path) -> list[Path]:
    """The language gold files a ``--data`` path names: ``lang_*.json`` in a folder, or one file.

    Raises:
        InputError: the path does not exist or the folder holds no ``lang_*.json``.
    """
    data = Path(data)
    if data.is_file():
        return [data]
    if not data.is_dir():
        raise InputError(f"{data}: no such gold folder")
    files = sorted(data.glob(f"{LANGUAGE_PREFIX}*.json")) or sorted(data.glob(f"*/{SET_FILE}"))
    if not files:
        raise InputError(f"{data}: no language gold files ({LANGUAGE_PREFIX}*.json or <set>/{SET_FILE}) found")
    return files


def _field(obj: Any, key: str, kind: type, where: str) -> Any:
    value = obj.get(key) if isinstance(obj, dict) else None
    if not isinstance(value, kind):
        raise InputError(f"{where}: missing or malformed {key!r}")
    return value


def _read_json(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(raw, dict):
        raise InputError(f"{path}: a language gold file holds one JSON object")
    return raw


def _marks(path: Path, article: Article, specs: list[Any]) -> list[GoldMark]:
    marks = []
    for spec in specs:
        kind = _field(spec, "kind", str, f"{path}: a mark")
        term = _field(spec, "term", str, f"{path}: a mark")
        if kind not in WORD_KINDS:
            raise InputError(f"{path}: unknown mark kind {kind!r} (expected one of {', '.join(WORD_KINDS)})")
        n = spec.get("occurrence", 1)
        spans = occurrences(article.text, term)
        if not isinstance(n, int) or not 1 <= n <= len(spans):
            found = f"occurs {len(spans)} time(s)" if spans else "not found"
            raise InputError(f"{path}: {kind} term {term!r} (occurrence {n}) {found} in {article.source}")
        marks.append(GoldMark(article.id, kind, term, *spans[n - 1]))
    return marks


def _biased(path: Path, article: Article, openings: list[Any]) -> list[tuple[str, int]]:
    out = []
    for opening in openings:
        at = article.text.find(opening) if isinstance(opening, str) and opening else -1
        if at < 0:
            raise InputError(f"{path}: biased sentence {opening!r} not found in {article.source}")
        out.append((article.id, at))
    return out


def _terms(path: Path, raw: list[Any], by_file: dict[str, Article]) -> list[GoldTerm]:
    terms = []
    for spec in raw:
        referent = _field(spec, "referent", str, f"{path}: a term")
        variants = []
        for v in _field(spec, "variants", list, f"{path}: term {referent!r}"):
            name = _field(v, "file", str, f"{path}: a variant of {referent!r}")
            text = _field(v, "text", str, f"{path}: a variant of {referent!r}")
            if name not in by_file:
                raise InputError(f"{path}: variant of {referent!r} names {name!r}, not an article of the event")
            article = by_file[name]
            spans = occurrences(article.text, text)
            if not spans:
                raise InputError(f"{path}: variant {text!r} of {referent!r} not found in {article.source}")
            variants.append(GoldVariant(article.id, text, bool(v.get("loaded", False)), spans, str(v.get("why", ""))))
        terms.append(GoldTerm(referent, variants))
    return terms


def wording(text: str) -> str:
    """A gold wording as compared across articles: lower-cased, no leading article or quotation marks."""
    return re.sub(r"^(?:the|a|an)\s+", "", text.lower().strip("\"'“”‘’ "))


def described_differently(term: GoldTerm) -> bool:
    """Whether two articles describe the referent differently (names and titles aside)."""
    per_article: dict[str, set[str]] = {}
    for v in term.variants:
        if v.why not in ("name", "title"):
            per_article.setdefault(v.article, set()).add(wording(v.text))
    return len(per_article) >= 2 and len({frozenset(s) for s in per_article.values()}) > 1


def read_gold(path: Path, settings: Settings | None = None) -> LanguageGold:
    """Read one language gold file and locate every annotation in its articles.

    Raises:
        InputError: the file is not valid JSON or not in the format above, names an article
            file that does not exist or cannot be read, or a term or sentence is not in its text.
    """
    raw = _read_json(path)
    specs = _field(raw, "articles", list, str(path))
    names = [_field(spec, "file", str, f"{path}: an article") for spec in specs]
    if not names:
        raise InputError(f"{path}: no articles listed")
    sources = [(path.parent / name).resolve() for name in names]
    for name, source in zip(names, sources, strict=True):
        if not source.is_file():
            raise InputError(f"{path}: article file {name!r} does not exist")
    articles = read_articles([str(s) for s in sources], settings)
    if len(articles) != len(names):
        raise InputError(f"{path}: each article file must hold exactly one article")
    for k, article in enumerate(articles, start=1):
        article.id = f"a{k}"
    gold = LanguageGold(name=str(raw.get("event", path.stem)), path=path, articles=articles)
    for spec, article in zip(specs, articles, strict=True):
        gold.marks += _marks(path, article, _field(spec, "marks", list, f"{path}: {article.source}"))
        gold.biased += _biased(path, article, spec.get("biased_sentences", []))
    by_file = dict(zip(names, articles, strict=True))
    if "referents" in raw:
        gold.referents = _terms(path, _field(raw, "referents", list, str(path)), by_file)
        gold.terms = [t for t in gold.referents if described_differently(t)]
    else:
        gold.terms = _terms(path, raw.get("terms", []), by_file)
    return gold


def load_gold(data: Path, settings: Settings | None = None) -> list[LanguageGold]:
    """Read every language gold file that ``data`` names (see ``gold_files``).

    Raises:
        InputError: as ``gold_files`` and ``read_gold``.
    """
    return [read_gold(path, settings) for path in gold_files(data)]
