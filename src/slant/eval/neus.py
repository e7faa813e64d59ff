"""`slant eval neus`: slant's neutral summary against the human roundups of NeuS (Lee et al., NAACL 2022).

Data: a folder of ``NAME.source`` / ``NAME.target`` pairs. A ``.source`` line is one story: articles
written as ``TITLE=> ... ARTICLE=> ...`` joined by `` [SEP] `` (AllSides roundups: left, center and
right in random order); the same line of ``.target`` is the human-written neutral summary, in the
same layout. Each story's articles become one slant comparison (title and text, in file order) and
its ``summary`` is scored against the target's ARTICLE part (its title is left out).

Scores, averaged over stories: ROUGE-1, ROUGE-2 and ROUGE-L F1 (tokens: lower-cased runs of letters
and digits, as rouge-score tokenises, without stemming); the loaded-word rate (slant's ``loaded``
marks, lexicon and BABE model, per 100 words) of slant's summary, of the baseline and of the human
roundups; citation coverage (share of summary sentences citing at least one source sentence). The
baseline, computed in the same run: **lead**, the first sentence of each article, in order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slant.analyses.judgement.summary import word_count
from slant.errors import InputError

if TYPE_CHECKING:
    from slant.settings import Settings

ANCHOR = (
    "NeuS (Lee et al., 2022) reports ROUGE and lexicon-based arousal of generated neutral summaries; "
    "issue goal: ROUGE above the lead baseline, loaded-word rate no higher than the human roundups, 100% cited"
)
_TOKEN = re.compile(r"[a-z0-9]+")
_PART = re.compile(r"TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", re.S)


@dataclass(frozen=True)
class Story:
    """One NeuS story: its articles as (title, text) and the human summary."""

    articles: tuple[tuple[str, str], ...]
    target: str


def _parts(line: str) -> list[tuple[str, str]]:
    out = []
    for chunk in line.split(" [SEP] "):
        m = _PART.match(chunk.strip())
        if m and m.group(2).strip():
            out.append((m.group(1).strip(), m.group(2).strip()))
    return out


def read_stories(folder: Path, limit: int | None = None) -> list[Story]:
    """Every story of the ``*.source``/``*.target`` pairs in ``folder`` (the first ``limit`` of each file).

    Raises:
        InputError: no such folder, no pair in it, or mismatched line counts.
    """
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder (expected NeuS *.source and *.target files)")
    sources = sorted(p for p in folder.glob("*.source") if p.with_suffix(".target").is_file())
    if not sources:
        raise InputError(f"{folder}: no NAME.source file with a NAME.target beside it")
    stories: list[Story] = []
    for source in sources:
        try:
            lines = source.read_text(encoding="utf-8").splitlines()
            targets = source.with_suffix(".target").read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{source}: cannot read it as UTF-8 text ({exc})") from None
        if len(lines) != len(targets):
            raise InputError(f"{source}: {len(lines)} stories but {len(targets)} summaries in its .target")
        for line, target in list(zip(lines, targets, strict=True))[:limit]:
            articles = _parts(line)
            summary = _parts(target)
            if len(articles) >= 2 and summary:
                stories.append(Story(tuple(articles), summary[0][1]))
    if not stories:
        raise InputError(f"{folder}: no story with two or more articles and a summary")
    return stories


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, predicted: int, gold: int) -> float:
    if not overlap:
        return 0.0
    p, r = overlap / predicted, overlap / gold
    return 2 * p * r / (p + r)


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge(candidate: str, reference: str) -> dict[str, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 of a candidate against one reference."""
    c, r = _TOKEN.findall(candidate.lower()), _TOKEN.findall(reference.lower())
    out = {}
    for n in (1, 2):
        cn, rn = _ngrams(c, n), _ngrams(r, n)
        out[f"rouge{n}"] = _f1(sum((cn & rn).values()), sum(cn.values()), sum(rn.values()))
    out["rougeL"] = _f1(_lcs(c, r), len(c), len(r))
    return out


def _loaded_rates(texts: list[str], resources: Any, settings: Any) -> Iterator[float]:
    """Loaded marks per 100 words of each text (each text read as one article by the language analysis)."""
    from slant.model import Article, Comparison
    from slant.pipeline import build_pipeline, run

    plan = build_pipeline(("language",))
    for text in texts:
        if not text.strip():
            yield 0.0
            continue
        comparison = run(Comparison(articles=[Article(id="a1", source="neus", text=text)]), settings, resources, plan)
        loaded = sum(1 for m in comparison.language or [] if m.kind == "loaded")
        yield 100.0 * loaded / max(1, word_count(text))


def evaluate(data: Path, limit: int | None = None, settings: "Settings | None" = None) -> dict[str, Any]:
    """Score slant's summaries (made with ``settings``, default ``Settings()``) and the lead baseline
    on every NeuS story in ``data``."""
    from slant.model import Article, Comparison
    from slant.nlp.resources import Resources
    from slant.pipeline import build_pipeline, run
    from slant.settings import Settings

    stories = read_stories(data, limit)
    settings = settings or Settings()
    resources = Resources(settings)
    plan = build_pipeline(("summary",))
    ours, lead, humans = [], [], []
    scores: dict[str, float] = {}
    cited = lines = 0
    for story in stories:
        articles = [
            Article(id=f"a{k}", source="neus", title=title or None, text=f"{title}\n\n{text}" if title else text)
            for k, (title, text) in enumerate(story.articles, 1)
        ]
        comparison = run(Comparison(articles=articles), settings, resources, plan)
        summary = comparison.summary.sentences if comparison.summary else []
        lines += len(summary)
        cited += sum(1 for s in summary if s.cites)
        text = " ".join(s.text for s in summary)
        first = [next((s.text for s in a.sentences if a.title is None or s.text != a.title), "") for a in articles]
        baseline = " ".join(t for t in first if t)
        for prefix, candidate in (("", text), ("lead_", baseline)):
            for key, value in rouge(candidate, story.target).items():
                scores[prefix + key] = scores.get(prefix + key, 0.0) + value
        ours.append(text)
        lead.append(baseline)
        humans.append(story.target)
    n = len(stories)
    out: dict[str, Any] = {"stories": n, **{k: round(v / n, 4) for k, v in sorted(scores.items())}}
    for name, texts in (("loaded_rate", ours), ("lead_loaded_rate", lead), ("human_loaded_rate", humans)):
        out[name] = round(sum(_loaded_rates(texts, resources, settings)) / n, 4)
    out["citation_coverage"] = round(cited / lines, 4) if lines else 0.0
    out["summary_sentences"] = round(lines / n, 2)
    return out
