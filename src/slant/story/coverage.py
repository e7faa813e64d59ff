"""Coverage of a story across the spectrum: articles per side, shares, and blindspots.

An article counts for the side its outlet is rated (outlet table or user CSV), else the side the
article-lean model reads in its text. A story with at least ``Settings.blindspot_min_articles``
articles is a blindspot for every side whose share is below ``Settings.blindspot_share``: that
side's outlets barely covered it (as Ground News uses the word).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from slant.settings import Settings

SIDES = ("left", "center", "right")


class Blindspot(Enum):
    """Values of the blindspot filter: a side, or ``any`` side."""

    left = "left"
    center = "center"
    right = "right"
    any = "any"


@dataclass(frozen=True)
class Coverage:
    """Articles per side of one story, their shares, and the sides it is a blindspot for."""

    counts: dict[str, int]
    shares: dict[str, float]
    blindspots: tuple[str, ...]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def coverage(counts: dict[str, int], settings: Settings) -> Coverage:
    """Shares and blindspots from per-side article counts (missing sides count 0)."""
    full = {side: int(counts.get(side, 0)) for side in SIDES}
    total = sum(full.values())
    shares = {side: (n / total if total else 0.0) for side, n in full.items()}
    blind: tuple[str, ...] = ()
    if total >= settings.blindspot_min_articles:
        blind = tuple(side for side in SIDES if shares[side] < settings.blindspot_share)
    return Coverage(full, shares, blind)
