"""Online story clustering: each article joins the most similar live story, or starts a new one.

An article's similarity to a story is the cosine between its term vector (story/features.py) and the
story's centroid (the sum of its members' vectors, its ``CENTROID_TERMS`` heaviest buckets kept),
plus ``ENTITY_BONUS`` times the share of the article's top entities the story already names. The
article joins the best story at or above ``Settings.story_threshold`` whose time span, widened by
``Settings.story_window_hours``, covers the article's date (an undated article or story matches any
time). When more than ``MAX_LIVE`` stories are in memory, the longest unseen leave it (they stay in
the store): feeds arrive out of date order, so a story is not dropped merely for being old.

Deterministic: the same articles in the same order give the same stories, whatever ran the features.
A story's id comes from its first article's content key, so it is stable across runs and resumes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from slant.story.features import Features

CENTROID_TERMS = 200
ENTITY_BONUS = 0.1
_CANDIDATE_TERMS = 20
MAX_LIVE = 5000
"""Stories kept in memory for articles to join; beyond it the longest unseen are dropped."""


@dataclass
class StoryState:
    """What clustering keeps of one story."""

    id: str
    title: str
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    size: int = 0
    terms: dict[int, float] = field(default_factory=dict)
    entities: Counter[str] = field(default_factory=Counter)
    norm: float = 0.0

    def add(self, features: Features, published: datetime | None) -> None:
        """Take one article in: centroid, entity counts, time span."""
        for b, w in features.terms.items():
            self.terms[b] = self.terms.get(b, 0.0) + w
        if len(self.terms) > CENTROID_TERMS:
            self.terms = dict(sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS])
        self.norm = math.sqrt(sum(w * w for w in self.terms.values()))
        self.entities.update(features.entities)
        self.size += 1
        if published is not None:
            self.first_seen = published if self.first_seen is None else min(self.first_seen, published)
            self.last_seen = published if self.last_seen is None else max(self.last_seen, published)

    def top_entities(self, n: int = 5) -> list[str]:
        return [name for name, _ in sorted(self.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


class Clusterer:
    """Assigns articles to stories one at a time."""

    def __init__(self, threshold: float, window_hours: float, stories: Iterable[StoryState] = ()) -> None:
        self.threshold = threshold
        self.window = timedelta(hours=window_hours)
        self.stories: dict[str, StoryState] = {}
        self._index: dict[int, set[str]] = {}
        for story in stories:
            self._keep(story)

    def _keep(self, story: StoryState) -> None:
        self.stories[story.id] = story
        for b in story.terms:
            self._index.setdefault(b, set()).add(story.id)

    def _drop(self, story_id: str) -> None:
        story = self.stories.pop(story_id)
        for b in story.terms:
            ids = self._index.get(b)
            if ids is not None:
                ids.discard(story_id)
                if not ids:
                    del self._index[b]

    def _in_time(self, story: StoryState, published: datetime | None) -> bool:
        if published is None or story.first_seen is None or story.last_seen is None:
            return True
        return story.first_seen - self.window <= published <= story.last_seen + self.window

    def similarity(self, features: Features, story: StoryState) -> float:
        """Cosine to the story's centroid plus the entity bonus."""
        if not story.norm:
            return 0.0
        dot = sum(w * story.terms.get(b, 0.0) for b, w in features.terms.items())
        score = dot / story.norm
        if features.entities:
            named = sum(1 for e in features.entities[:5] if e in story.entities)
            score += ENTITY_BONUS * named / min(5, len(features.entities))
        return score

    def candidates(self, features: Features) -> set[str]:
        """Live stories sharing one of the article's heaviest terms."""
        top = sorted(features.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:_CANDIDATE_TERMS]
        found: set[str] = set()
        for b, _ in top:
            found |= self._index.get(b, set())
        return found

    def assign(self, key: str, title: str, features: Features, published: datetime | None) -> tuple[StoryState, float]:
        """Put one article in a story; returns the story (changed in place) and the similarity that chose it
        (1.0 for a new story)."""
        best: StoryState | None = None
        best_score = self.threshold
        for story_id in sorted(self.candidates(features)):
            story = self.stories[story_id]
            if not self._in_time(story, published):
                continue
            score = self.similarity(features, story)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = story, score
        if best is None:
            best, best_score = StoryState(id=f"st-{key[:12]}", title=title), 1.0
        else:
            self._drop(best.id)  # its centroid's buckets change: indexed again below
        best.add(features, published)
        self._keep(best)
        if len(self.stories) > MAX_LIVE:
            self._evict()
        return best, best_score

    def _evict(self) -> None:
        """Drop the longest unseen tenth of the live stories (undated ones first, oldest id order)."""
        floor = datetime.min.replace(tzinfo=timezone.utc)
        ranked = sorted(self.stories.values(), key=lambda s: (s.last_seen or floor, s.id))
        for story in ranked[: max(1, len(ranked) // 10)]:
            self._drop(story.id)
