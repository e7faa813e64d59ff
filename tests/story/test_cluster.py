"""Story clustering, features and the B-cubed scorer on hand-made articles."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from slant.eval.stories import bcubed, evaluate
from slant.story.cluster import Clusterer
from slant.story.features import TermWeights, content_key, features, sentence_spans

WEIGHTS = TermWeights.load()
T0 = datetime(2026, 3, 1, tzinfo=timezone.utc)

BRIDGE = (
    "Brill bridge closes",
    "The Brill County council voted on Monday to close the Halden River bridge after inspectors found cracks.",
)
BRIDGE_2 = (
    "Council shuts Halden River bridge",
    "Inspectors found cracks in the Halden River bridge, and the Brill County council shut it on Monday.",
)
ZOO = ("Zoo welcomes panda cubs", "Two panda cubs were born at the Marlow zoo, keepers said, the first in a decade.")


def _assign(c: Clusterer, article: tuple[str, str], when: datetime | None = None) -> str:
    f = features(*article, WEIGHTS)
    return c.assign(f.key, article[0], f, when)[0].id


def test_same_event_joins_and_another_starts_a_story() -> None:
    c = Clusterer(0.35, 72)
    a, b, z = _assign(c, BRIDGE), _assign(c, BRIDGE_2), _assign(c, ZOO)
    assert a == b != z
    assert c.stories[a].size == 2 and "Brill County" in c.stories[a].top_entities()


def test_time_window_keeps_distant_events_apart() -> None:
    c = Clusterer(0.35, 72)
    first = _assign(c, BRIDGE, T0)
    assert _assign(c, BRIDGE_2, T0 + timedelta(days=10)) != first
    assert _assign(c, BRIDGE_2, T0 + timedelta(days=2)) == first


def test_story_id_is_stable_and_from_the_first_article() -> None:
    ids = [_assign(Clusterer(0.35, 72), BRIDGE) for _ in range(2)]
    assert ids[0] == ids[1] == f"st-{content_key(*BRIDGE)[:12]}"


def test_content_key_ignores_spacing_and_case() -> None:
    assert content_key("A title", "Some  text\nhere.") == content_key("a TITLE", "some text here.")


def test_sentence_spans_point_into_the_text() -> None:
    text = "First one. Second one?\nThird!"
    assert [text[a:b] for a, b in sentence_spans(text)] == ["First one.", "Second one?", "Third!"]


def test_bcubed_perfect_and_lumped() -> None:
    assert bcubed([1, 1, 2, 2], ["a", "a", "b", "b"]) == (1.0, 1.0, 1.0)
    p, r, f = bcubed([1, 1, 1, 1], ["a", "a", "b", "b"])
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)


def test_eval_stories_on_a_small_neus_folder(tmp_path: Path) -> None:
    line = " [SEP] ".join(f"TITLE=> {t} ARTICLE=> {x}" for t, x in (BRIDGE, BRIDGE_2))
    other = " [SEP] ".join(f"TITLE=> {t} ARTICLE=> {x}" for t, x in (ZOO, (ZOO[0] + " today", ZOO[1])))
    (tmp_path / "x.source").write_text(f"{line}\n{other}\n", encoding="utf-8")
    (tmp_path / "x.target").write_text("TITLE=> a ARTICLE=> b\nTITLE=> c ARTICLE=> d\n", encoding="utf-8")
    scores = evaluate(tmp_path)
    assert scores["articles"] == 4 and scores["b3_f1"] == 1.0 and scores["ari"] == 1.0
