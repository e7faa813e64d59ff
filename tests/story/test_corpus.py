"""Corpus mode end to end: ingest the bundled feeds, idempotence, kill -9 and resume, engines agree, CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from slant.cli import main
from slant.errors import StoreError
from slant.settings import Settings
from slant.store.duckdb import Store
from slant.story.corpus import ingest

pytestmark = pytest.mark.slow

FEEDS = Path(__file__).resolve().parents[2] / "src" / "slant" / "examples" / "feeds"
OUTLETS = FEEDS / "outlets.csv"


def _snapshot(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        counts = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "sentences", "stories")
        }  # type: ignore[index]
        stories = con.execute("SELECT id, size, title FROM stories ORDER BY id").fetchall()
        members = con.execute("SELECT id, story_id, lean FROM articles ORDER BY id").fetchall()
    finally:
        con.close()
    return {"counts": counts, "stories": stories, "members": members}


@pytest.fixture(scope="module")
def feeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "slant.duckdb"
    ingest([str(FEEDS)], db, outlets_csv=OUTLETS, batch_size=8)
    return db


def test_bundled_feeds_land_in_stories_with_coverage(feeds_db: Path) -> None:
    snap = _snapshot(feeds_db)
    counts = snap["counts"]
    assert isinstance(counts, dict) and counts["articles"] == 36 and counts["sentences"] > 36 * 5
    with Store(feeds_db, read_only=True) as store:
        rows = store.stories(limit=100)
    # Every story of the examples is told by its left, center and/or right versions: one story each.
    halsey = [r for r in rows if "Halsey" in r["title"]]
    assert len(halsey) == 1 and halsey[0]["lean"] == {"left": 1, "center": 1, "right": 1}
    assert all(r["outlets"] == r["articles"] for r in rows)  # never two articles of one outlet here
    assert len(rows) < 20
    readme = (FEEDS.parents[3] / "README.md").read_text(encoding="utf-8")
    assert f"slant story {halsey[0]['id']}" in readme  # the README's example id is the real one
    assert "Tuesday" not in halsey[0]["entities"]


def test_reingest_adds_nothing(feeds_db: Path) -> None:
    before = _snapshot(feeds_db)
    report = ingest([str(FEEDS)], feeds_db, outlets_csv=OUTLETS)
    assert report.added == 0 and report.duplicates == 36
    assert _snapshot(feeds_db) == before


def test_same_content_under_another_url_is_one_article(tmp_path: Path) -> None:
    text = "The Brill County council voted on Monday to close the old bridge. " * 5
    lines = [
        {"url": "https://a.example/x", "title": "Bridge closes", "text": text, "outlet": "A"},
        {"url": "https://b.example/y", "title": "Bridge closes", "text": text, "outlet": "B"},
    ]
    src = tmp_path / "dump.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    report = ingest([str(src)], tmp_path / "s.duckdb")
    assert (report.added, report.duplicates) == (1, 1)


def _stream(path: Path, n: int) -> None:
    """n distinct articles in 20 stories (JSONL), dated so stories stay apart."""
    out = []
    for k in range(n):
        story = k % 20
        out.append(
            {
                "url": f"https://news{k % 3}.example/{k}",
                "title": f"Council {story} votes on the Harrow{story} budget",
                "text": (
                    f"The Harrow{story} council voted {k} to 3 on Tuesday to approve the Kelmont{story} budget. "
                    f"Mayor Ansel{story} said the plan funds {k} new buses. Critics of Ansel{story} disagreed. "
                )
                * 3,
                "outlet": f"Outlet {k % 3}",
                "published": f"2026-03-{1 + story:02d}T08:00:00+00:00",
            }
        )
    path.write_text("\n".join(json.dumps(x) for x in out), encoding="utf-8")


def test_kill_9_during_ingest_then_rerun_gives_exact_counts(tmp_path: Path) -> None:
    src = tmp_path / "stream.jsonl"
    _stream(src, 1500)
    clean = tmp_path / "clean.duckdb"
    ingest([str(src)], clean, batch_size=20)
    killed = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "slant", "ingest", str(src), "--db", str(killed), "--batch-size", "20", "-v"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:  # kill once a few batches are stored, not all
        if line.startswith("slant: stored: 100 "):
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.stderr.close()
    assert proc.wait() == -signal.SIGKILL
    assert 100 <= _snapshot(killed)["counts"]["articles"] < 1500  # type: ignore[index,operator]
    ingest([str(src)], killed, batch_size=20)
    assert _snapshot(killed) == _snapshot(clean)


def test_process_pool_and_ray_give_identical_stories(tmp_path: Path) -> None:
    src = tmp_path / "stream.jsonl"
    _stream(src, 120)
    local = tmp_path / "local.duckdb"
    ingest([str(src)], local, batch_size=16)
    pooled = tmp_path / "pool.duckdb"
    ingest([str(src)], pooled, workers=2, batch_size=16)
    assert _snapshot(pooled) == _snapshot(local)
    pytest.importorskip("ray")
    on_ray = tmp_path / "ray.duckdb"
    ingest([str(src)], on_ray, engine="ray", workers=2, batch_size=16)
    assert _snapshot(on_ray) == _snapshot(local)


def test_a_foreign_duckdb_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "other.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE mine (x INTEGER)")
    con.execute("INSERT INTO mine VALUES (42)")
    con.close()
    with pytest.raises(StoreError, match="not a slant store"):
        ingest([str(FEEDS)], db)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT * FROM mine").fetchall() == [(42,)]
    con.close()


def test_cli_ingest_stories_and_story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.duckdb"
    assert main(["ingest", str(FEEDS), "--db", str(db), "--outlets", str(OUTLETS)]) == 0
    assert "36 articles added" in capsys.readouterr().out
    assert main(["stories", "--db", str(db)]) == 0
    listing = capsys.readouterr().out
    assert "stories in" in listing and "█" in listing  # the coverage bars
    assert main(["stories", "--db", str(db), "--json", "--limit", "100"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all({"id", "title", "lean", "shares", "blindspots"} <= set(r) for r in rows)
    multi = next(r for r in rows if r["articles"] >= 2)
    assert main(["stories", "--db", str(db), "--json", "--entity", "Halsey"]) == 0
    assert all("Halsey" in line for line in capsys.readouterr().out.splitlines())
    assert main(["story", multi["id"], "--db", str(db), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == "slant.compare/1" and len(report["articles"]) == multi["articles"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["stories", "--db", "{tmp}/missing.duckdb"], "no such store"),
        (["story", "st-nope", "--db", "{db}"], "no such story"),
        (["stories", "--db", "{db}", "--since", "yesterday"], "not an ISO date"),
        (["ingest", "{tmp}/nowhere", "--db", "{tmp}/x.duckdb"], "no such file or folder"),
        (["ingest", str(FEEDS), "--db", "{tmp}/y.duckdb", "--workers", "0"], "--workers"),
    ],
)
def test_cli_errors_are_one_line(
    argv: list[str], message: str, feeds_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.format(tmp=tmp_path, db=feeds_db) for a in argv]
    assert main(args) != 0
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_blindspot_filter(tmp_path: Path) -> None:
    from slant.story.coverage import coverage

    cov = coverage({"left": 5, "center": 2}, Settings())
    assert cov.blindspots == ("right",) and cov.shares["left"] == pytest.approx(5 / 7)
    assert coverage({"left": 1, "right": 0}, Settings()).blindspots == ()  # too few articles to judge


def test_bad_record_stops_with_one_line_and_keeps_earlier_batches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "stream.jsonl"
    _stream(src, 40)
    src.write_text(src.read_text(encoding="utf-8") + "\n{not json\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(src), "--db", str(db), "--batch-size", "10"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"slant: error: {src}: line 41 is not JSON"
    assert _snapshot(db)["counts"]["articles"] == 40  # type: ignore[index]
