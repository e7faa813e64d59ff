"""`slant eval quotes --data BASIL_DIR`: speaker attribution scored on BASIL's quoted spans.

Data. In a BASIL-layout folder (read by eval/basil_reader.py), phrase annotations with ``"quote": "yes"`` are
quoted words and ``speaker`` names who said them: a person or group with underscores
("Elizabeth_Lauten", "Senate_Republicans", "Obama_campaign"), or ``other_pro`` / ``other_anti`` /
``other_neutral`` for someone BASIL does not name.

Protocol. Each article becomes one slant article: its body paragraphs separated by blank lines,
the sentences of a paragraph joined by spaces (the title is left out), run through the ``quotes``
analysis exactly as ``slant compare`` runs it. A gold quote sits where the reader places it first
(eval/basil_reader.py). slant's answer for it is the quote overlapping it the most (shared characters). It
is **correct** when what slant says about that quote's speaker (see ``speaker_names``: its name as
written and, for a resolved actor, the actor's name, aliases, stated side, titles and descriptions,
and the phrases set off by commas after its name) shares a word with the gold name: equal words, or
one a prefix of the other when both have at least five letters (BASIL cuts "Calderón" to
"Calder"); words of fewer than three letters and "the", "of", "and" do not count. BASIL names a
group where the text quotes one of its members ("Democratic_Lawmakers" for "Rep. Gregory Meeks,
D-N.Y."; "Obama_campaign" for "Lis Smith, a spokeswoman for the Obama campaign"): the side and
descriptions are what let such a member count.
``accuracy`` = correct / named gold quotes (a quote slant missed is wrong); ``accuracy_found`` =
correct / named gold quotes slant found; ``found`` = the share found.
``other_*`` quotes have no name to check: ``other_found`` and ``other_attributed`` report how many
slant found and gave some speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slant.errors import InputError
from slant.eval.basil_reader import read_folder
from slant.model import Comparison, Quote

ANCHOR = "issue goal: speaker accuracy >= 0.85 on BASIL quotes (no published anchor for this protocol)"
_STOP = {"the", "of", "and"}
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class GoldQuote:
    """One BASIL quote annotation placed in its article's slant text."""

    article: str
    start: int
    end: int
    speaker: str


def _words(name: str) -> set[str]:
    return {w for w in (m.group().lower() for m in _WORD.finditer(name)) if len(w) >= 3 and w not in _STOP}


def same_speaker(gold: str, names: list[str]) -> bool:
    """Whether any of ``names`` shares a word with the gold speaker name (rule in the module docstring)."""
    want = _words(gold.replace("_", " "))
    for name in names:
        for w in _words(name):
            for g in want:
                if w == g or (min(len(w), len(g)) >= 5 and (w.startswith(g) or g.startswith(w))):
                    return True
    return False


def read_articles(folder: Path) -> list[tuple[str, str, list[GoldQuote]]]:
    """(name, slant text, gold quotes) of every article of a BASIL-layout folder.

    Raises:
        InputError: as ``basil_reader.read_folder``.
    """
    out = []
    for article in read_folder(folder).articles:
        text = article.text()
        gold = []
        for annotation in article.annotations:
            if annotation.quote and annotation.places:
                place = annotation.places[0]
                at = text.sentences[place.sentence][0]
                gold.append(GoldQuote(article.name, at + place.start, at + place.end, annotation.speaker))
        out.append((article.name, text.text, gold))
    return out


def _answer(quotes: list[Quote], gold: GoldQuote) -> Quote | None:
    best, overlap = None, 0
    for q in quotes:
        shared = min(q.end, gold.end) - max(q.start, gold.start)
        if shared > overlap:
            best, overlap = q, shared
    return best


def speaker_names(quote: Quote, comparison: Comparison) -> list[str]:
    """What slant says about a quote's speaker: the name as written and, for a resolved actor, its
    name, aliases, the side the article states ("Democratic") and its titles and descriptions."""
    from slant.analyses.actors.descriptions import actor_uses
    from slant.analyses.portrayal.portrayal import epithets
    from slant.analyses.portrayal.sides import actor_side

    names = [n for n in (quote.speaker, quote.mention) if n]
    actor = next((a for a in comparison.actors or [] if a.id == quote.speaker_actor), None)
    if actor is not None:
        names += [actor.name, *actor.aliases, *(u.text for u in actor_uses(comparison, actor))]
        for m in actor.mentions:
            names += epithets(comparison.nlp.docs[m.article], m.start, m.end)
        side = actor_side(comparison, actor)
        if side:
            names.append(side)
    return names


def evaluate(data: Path) -> dict[str, Any]:
    """Speaker attribution of slant's quotes on every BASIL quote annotation of ``data``."""
    from slant.model import Article
    from slant.nlp.resources import Resources
    from slant.pipeline import build_pipeline, run
    from slant.settings import Settings

    settings = Settings()
    resources = Resources(settings)
    plan = build_pipeline(("quotes",))
    named = found = correct = other = other_found = other_attributed = 0
    for name, text, gold in read_articles(data):
        if not gold or not text.strip():
            continue
        comparison = run(Comparison(articles=[Article(id="a1", source=name, text=text)]), settings, resources, plan)
        quotes = comparison.quotes or []
        for g in gold:
            answer = _answer(quotes, g)
            if g.speaker.lower().startswith("other"):
                other += 1
                other_found += answer is not None
                other_attributed += answer is not None and bool(answer.speaker)
                continue
            named += 1
            found += answer is not None
            correct += answer is not None and same_speaker(g.speaker, speaker_names(answer, comparison))
    if not named:
        raise InputError(f"{data}: no quote annotation with a named speaker could be placed")
    return {
        "quotes": named,
        "accuracy": round(correct / named, 4),
        "found": round(found / named, 4),
        "accuracy_found": round(correct / found, 4) if found else 0.0,
        "other_quotes": other,
        "other_found": round(other_found / other, 4) if other else 0.0,
        "other_attributed": round(other_attributed / other, 4) if other else 0.0,
    }
