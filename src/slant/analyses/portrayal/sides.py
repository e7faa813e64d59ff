"""The party an article states for an actor: "Sen. Maria Okafor (D-Ore.)", "Republican Rep. ...",
"Okafor, a Democrat, ...", "the Democratic mayor". Only what the text says; no outside knowledge.

Cues, looked for around every mention of a person:

- a party tag right after the name: "(D-Calif.)", "(R)", ", D-Texas,";
- "Democratic" / "Republican" / "GOP" right before the name, or before at most three title words
  ("Republican Sen.", "Democratic state Rep.");
- an apposition or copula: "Okafor, a Democrat", "Marsh is a Republican".

An organisation or group whose own name holds the party ("Senate Democrats", "the GOP") gets it
too. When the cues disagree, the most frequent side wins and a tie leaves the side unstated.
"""

from __future__ import annotations

import re
from collections import Counter

from slant.analyses.quotes.speech import titles
from slant.model import Actor, Comparison

SIDES = {"democratic": "Democratic", "democrat": "Democratic", "republican": "Republican", "gop": "Republican"}
_TAG = re.compile(r"^\s*[(,]\s*(?P<party>[DR])\s*(?:[-–]\s*[A-Z][A-Za-z. ]{1,20})?\s*[),]")
_BEFORE = re.compile(r"\b(Democratic|Democrat|Republican|GOP)\b[\s\w.'’-]{0,40}$")
_AFTER = re.compile(r"^\s*(?:,|\bis\b|\bwas\b)\s*(?:a|an|the)\s+(?:\w+\s+){0,2}?(Democrat|Republican)\b")
_TAGS = {"D": "Democratic", "R": "Republican"}


def _cue_sides(text: str, start: int, end: int) -> list[str]:
    """Sides stated around one mention ``text[start:end]``."""
    found = []
    after = text[end : end + 60]
    tag = _TAG.match(after)
    if tag:
        found.append(_TAGS[tag.group("party")])
    before = text[max(0, start - 45) : start]
    before = before[before.rfind("\n") + 1 :]
    m = _BEFORE.search(before)
    gap = before[m.end(1) :].split() if m else []
    if m and len(gap) <= 3 and all(w.lower().rstrip(".") in titles() for w in gap):
        found.append(SIDES[m.group(1).lower()])
    m = _AFTER.match(after)
    if m:
        found.append(SIDES[m.group(1).lower()])
    return found


def _own_name_side(actor: Actor) -> str | None:
    words = {w.lower().strip(".,'’s") for name in [actor.name, *actor.aliases] for w in name.split()}
    sides = {SIDES[w] for w in words if w in SIDES}
    return sides.pop() if len(sides) == 1 else None


def actor_side(comparison: Comparison, actor: Actor) -> str | None:
    """The side the articles state for ``actor`` ('Democratic' / 'Republican'), or None."""
    if actor.type in {"ORG", "NORP"}:
        return _own_name_side(actor)
    if actor.type != "PERSON":
        return None
    votes: Counter[str] = Counter()
    for mention in actor.mentions:
        votes.update(_cue_sides(comparison.article(mention.article).text, mention.start, mention.end))
    if not votes:
        return None
    ranked = votes.most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
