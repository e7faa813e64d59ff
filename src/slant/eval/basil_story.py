"""`slant eval basil-stance` and `slant eval basil-inf`: story-level judgements scored on BASIL triplets.

BASIL (Fan et al., EMNLP 2019) covers each event with three articles (Fox News, New York Times,
HuffPost; files ``UUID_1/_2/_3.json`` of one triplet), read by eval/basil_reader.py. Each article
is rebuilt as one slant article: its title, then its body paragraphs separated by blank lines, the
sentences of a paragraph joined by spaces; nothing else (no source, no URL) is given to slant.

**Stance** (``basil-stance``): BASIL's article-level ``relative_stance`` (left / center / right
*relative to the other two articles of its triplet*) against slant's ``lean``. Two readings: the
side the lean model picks for the article alone (``macro_f1``, ``accuracy``), and the triplet
ranked by the lean score P(right) - P(left), lowest called left, middle center, highest right
(``relative_macro_f1``, ``relative_accuracy``), which is how BASIL's label is defined. Articles
whose ``relative_stance`` is anything else (BASIL also writes liberal / conservative) are not scored.

**Informational bias** (``basil-inf``): a body sentence is gold-positive when it holds a span with
``bias`` = ``inf`` (facts chosen to sway). The three articles of a triplet are compared and the
sentences ``slant compare`` flags in ``informational`` (analyses/facts/informational.py: every claim
unit a fact only its article reports, and far from the shared story) are the prediction; a BASIL
sentence is positive when it overlaps a flagged slant sentence. Also printed: the same figures
for every sentence of unique facts regardless of distance (``unique_*``), and ``auc``, ranking
sentences by 1 - their similarity to the shared story (-1 for sentences with a shared fact).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slant.errors import InputError
from slant.eval.allsides import SIDES, scores
from slant.eval.basil import classification, roc_auc
from slant.eval.basil_reader import BasilArticle, read_folder

STANCE_ANCHOR = "POLITICS (Liu et al., 2022): BASIL article stance macro-F1 51.94 (supervised on BASIL)"
INF_ANCHOR = "issue goal: sentence-level informational-bias F1 >= 0.45 (the hardest BASIL task)"


@dataclass(frozen=True)
class StoryArticle:
    """One BASIL article rebuilt as text (eval/basil_reader.py), with its body sentences' offsets and gold labels."""

    name: str
    triplet: str
    title: str
    text: str
    sentences: tuple[tuple[int, int], ...]
    """(start, end) of each body sentence in ``text``."""
    inf: tuple[bool, ...]
    """Per body sentence: holds a gold ``inf`` span."""
    stance: str | None
    """BASIL's relative stance when it is one of left, center, right."""


def _article(article: BasilArticle) -> StoryArticle:
    text = article.text(title=True)
    inf = [False] * len(text.sentences)
    for annotation in article.annotations:
        if annotation.bias == "inf":
            for place in annotation.places:
                inf[place.sentence] = True
    stance = article.stance if article.stance in SIDES else None
    return StoryArticle(article.name, article.triplet, article.title, text.text, text.sentences, tuple(inf), stance)


def read_triplets(folder: Path) -> list[list[StoryArticle]]:
    """The articles of a BASIL-layout folder grouped by triplet (files ``UUID_N.json``), in path order;
    triplets with a single article are left out.

    Raises:
        InputError: as ``basil_reader.read_folder``.
    """
    return [[_article(a) for a in group] for group in read_folder(folder).triplets() if len(group) >= 2]


def _comparison(group: Sequence[StoryArticle], analyses: tuple[str, ...], **settings_changes: Any) -> Any:
    from slant.model import Article, Comparison
    from slant.nlp.resources import Resources
    from slant.pipeline import build_pipeline, run
    from slant.settings import Settings

    settings = Settings().with_(**settings_changes)
    articles = [Article(id=f"a{k}", source=a.name, title=a.title or None, text=a.text) for k, a in enumerate(group, 1)]
    return run(Comparison(articles=articles), settings, Resources(settings), build_pipeline(analyses))


def relative_sides(values: Sequence[float]) -> list[int]:
    """Sides of a triplet ranked by lean score: lowest left (0), highest right (2), the rest center (1)."""
    order = sorted(range(len(values)), key=lambda k: values[k])
    out = [1] * len(values)
    if len(values) >= 2:
        out[order[0]], out[order[-1]] = 0, 2
    return out


def evaluate_stance(data: Path) -> dict[str, Any]:
    """Slant's lean against BASIL's relative stance, alone and ranked within each triplet."""
    gold: list[int] = []
    alone: list[int] = []
    ranked: list[int] = []
    for group in read_triplets(data):
        comparison = _comparison(group, ("lean",))
        leans = {x.article: x for x in comparison.lean or []}
        values = [leans[f"a{k}"].score for k in range(1, len(group) + 1)]
        for k, (article, side) in enumerate(zip(group, relative_sides(values), strict=True), 1):
            if article.stance is None:
                continue
            gold.append(SIDES.index(article.stance))
            alone.append(SIDES.index(leans[f"a{k}"].lean))
            ranked.append(side)
    if not gold:
        raise InputError(f"{data}: no article with a relative_stance of left, center or right")
    out = scores(gold, alone)
    relative = scores(gold, ranked)
    out.update({f"relative_{k}": v for k, v in relative.items() if k in ("macro_f1", "accuracy", "confusion")})
    return out


def evaluate_inf(data: Path) -> dict[str, Any]:
    """Sentence-level informational bias as ``slant compare`` flags it (rule in analyses/facts/informational.py)."""
    from slant.settings import Settings

    threshold = Settings().informational_similarity
    gold: list[bool] = []
    offness: list[float] = []
    for group in read_triplets(data):
        # Every sentence of unique facts, with its similarity to the shared story; cut at the shipped threshold below.
        comparison = _comparison(group, ("informational",), informational_similarity=2.0)
        marks: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
        for m in comparison.informational or []:
            sentence = comparison.sentence(m.sentence)
            marks[m.article].append((sentence.start, sentence.end, m.similarity))
        for k, article in enumerate(group, 1):
            mine = marks.get(f"a{k}", [])
            for (start, end), positive in zip(article.sentences, article.inf, strict=True):
                hits = [sim for a, b, sim in mine if a < end and start < b]
                gold.append(positive)
                offness.append(1.0 - min(hits) if hits else -1.0)
    if not gold:
        raise InputError(f"{data}: the articles hold no sentences")
    pred = [o > 1.0 - threshold for o in offness]
    out: dict[str, Any] = dict(classification(gold, pred))
    unique = [o >= 0.0 for o in offness]
    out.update(
        {f"unique_{k}": v for k, v in classification(gold, unique).items() if k in ("precision", "recall", "f1")}
    )
    out["auc"] = round(roc_auc(gold, offness), 4)
    out["threshold"] = threshold
    out["sentences"] = len(gold)
    out["positive_rate"] = round(sum(gold) / len(gold), 4)
    return out
