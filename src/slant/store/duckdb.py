"""The corpus store: one DuckDB file holding outlets, articles, sentences, embeddings, stories, analyses.

Every write of an ingest batch happens in one transaction, so a run killed at any moment leaves the
file as it was after the last whole batch; a re-run skips what is stored (same URL or same content
key) and goes on. Story centroids are stored with their stories, so clustering resumes where it left.
A file that is not a slant store, or from a newer slant, is refused and never changed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from slant.errors import StoreError
from slant.story.cluster import StoryState

SCHEMA_VERSION = "1"
_TABLES = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "CREATE TABLE IF NOT EXISTS outlets (id VARCHAR PRIMARY KEY, name VARCHAR, lean VARCHAR, origin VARCHAR)",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, seq BIGINT, url VARCHAR UNIQUE, source VARCHAR, outlet_id VARCHAR,
        outlet VARCHAR, title VARCHAR, text VARCHAR, published TIMESTAMPTZ, ingested TIMESTAMPTZ,
        lean VARCHAR, lean_origin VARCHAR, p_left FLOAT, p_center FLOAT, p_right FLOAT,
        entities VARCHAR[], story_id VARCHAR, similarity FLOAT)""",
    "CREATE TABLE IF NOT EXISTS sentences (article_id VARCHAR, idx INTEGER, start_char INTEGER, end_char INTEGER)",
    "CREATE TABLE IF NOT EXISTS embeddings (article_id VARCHAR PRIMARY KEY, model VARCHAR, vector BLOB)",
    """CREATE TABLE IF NOT EXISTS stories (
        id VARCHAR PRIMARY KEY, title VARCHAR, first_seen TIMESTAMPTZ, last_seen TIMESTAMPTZ,
        size INTEGER, entities VARCHAR, terms VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS analyses (
        subject VARCHAR, name VARCHAR, version VARCHAR, created TIMESTAMPTZ, body VARCHAR,
        PRIMARY KEY (subject, name))""",
)


@dataclass(frozen=True)
class StoredArticle:
    """One article row as the store writes it (sentences as offsets into ``text``)."""

    id: str
    url: str | None
    source: str
    outlet_id: str | None
    outlet: str | None
    title: str
    text: str
    published: datetime | None
    lean: str | None
    lean_origin: str | None
    probabilities: tuple[float, float, float] | None
    entities: tuple[str, ...]
    sentences: tuple[tuple[int, int], ...]
    vector: np.ndarray | None
    story_id: str
    similarity: float


class Store:
    """An open slant store; use as a context manager so the file is closed."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        import duckdb

        self.path = path
        if read_only and not path.exists():
            raise StoreError(f"{path}: no such store; create it with `slant ingest ... --db {path}`")
        try:
            self._con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open as a DuckDB store ({str(exc).splitlines()[0]})") from None
        try:
            self._check(read_only)
        except BaseException:
            self._con.close()
            raise

    def _check(self, read_only: bool) -> None:
        import duckdb

        tables = {r[0] for r in self._con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if tables and "meta" not in tables:
            raise StoreError(
                f"{self.path}: a DuckDB file, but not a slant store (no meta table); refusing to change it"
            )
        if "meta" in tables:
            row = self._con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                found = row[0] if row else "none"
                raise StoreError(f"{self.path}: store schema {found}, this slant reads {SCHEMA_VERSION}; refusing it")
            return
        if read_only:
            raise StoreError(f"{self.path}: an empty DuckDB file, not a slant store")
        try:
            self._con.execute("BEGIN TRANSACTION")
            for statement in _TABLES:
                self._con.execute(statement)
            self._con.execute("INSERT INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])
            self._con.execute("COMMIT")
        except duckdb.Error as exc:
            self._con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot create the store ({str(exc).splitlines()[0]})") from None

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # reads used by ingest
    def known(self) -> tuple[set[str], set[str]]:
        """Content keys and URLs of every stored article."""
        rows = self._con.execute("SELECT id, url FROM articles").fetchall()
        return {r[0] for r in rows}, {r[1] for r in rows if r[1]}

    def next_seq(self) -> int:
        row = self._con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()
        return int(row[0]) + 1 if row else 1

    def live_stories(self, limit: int) -> list[StoryState]:
        """The ``limit`` most recently seen stories, which clustering may still add to."""
        rows = self._con.execute(
            """SELECT id, title, first_seen, last_seen, size, entities, terms FROM stories
               ORDER BY last_seen DESC NULLS LAST, id LIMIT ?""",
            [limit],
        ).fetchall()
        out = []
        for sid, title, first, last, size, entities, terms in rows:
            story = StoryState(id=sid, title=title, first_seen=first, last_seen=last, size=size)
            story.entities = Counter(json.loads(entities))
            story.terms = {int(b): float(w) for b, w in json.loads(terms).items()}
            story.norm = float(np.sqrt(sum(w * w for w in story.terms.values())))
            out.append(story)
        return out

    # writes
    def save_outlets(self, outlets: Sequence[tuple[str, str, str, str]]) -> None:
        """(id, name, lean, origin) rows, replacing earlier ratings of the same outlets."""
        if outlets:
            cols = [list(c) for c in zip(*outlets, strict=True)]
            self._con.execute(
                "INSERT OR REPLACE INTO outlets SELECT unnest($1), unnest($2), unnest($3), unnest($4)", cols
            )

    def write_batch(self, articles: Sequence[StoredArticle], stories: Sequence[StoryState], seq: int) -> None:
        """Articles (numbered from ``seq``), their sentences and embeddings, and the stories they changed,
        in one transaction."""
        import duckdb

        if not articles:
            return
        now = datetime.now().astimezone()
        try:
            self._con.execute("BEGIN TRANSACTION")
            a = articles
            self._con.execute(
                """INSERT INTO articles SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5),
                   unnest($6), unnest($7), unnest($8), unnest($9), $10, unnest($11), unnest($12),
                   unnest($13), unnest($14), unnest($15), unnest($16), unnest($17), unnest($18)""",
                [
                    [x.id for x in a],
                    list(range(seq, seq + len(a))),
                    [x.url for x in a],
                    [x.source for x in a],
                    [x.outlet_id for x in a],
                    [x.outlet for x in a],
                    [x.title for x in a],
                    [x.text for x in a],
                    [x.published for x in a],
                    now,
                    [x.lean for x in a],
                    [x.lean_origin for x in a],
                    [x.probabilities[0] if x.probabilities else None for x in a],
                    [x.probabilities[1] if x.probabilities else None for x in a],
                    [x.probabilities[2] if x.probabilities else None for x in a],
                    [list(x.entities) for x in a],
                    [x.story_id for x in a],
                    [x.similarity for x in a],
                ],
            )
            ids, idx, starts, ends = [], [], [], []
            for x in a:
                for k, (s, e) in enumerate(x.sentences):
                    ids.append(x.id)
                    idx.append(k)
                    starts.append(s)
                    ends.append(e)
            if ids:
                self._con.execute(
                    "INSERT INTO sentences SELECT unnest($1), unnest($2), unnest($3), unnest($4)",
                    [ids, idx, starts, ends],
                )
            embedded = [x for x in a if x.vector is not None]
            if embedded:
                self._con.execute(
                    "INSERT INTO embeddings SELECT unnest($1), 'static', unnest($2)",
                    [[x.id for x in embedded], [np.asarray(x.vector, dtype=np.float32).tobytes() for x in embedded]],
                )
            if stories:
                self._con.execute(
                    """INSERT OR REPLACE INTO stories SELECT unnest($1), unnest($2), unnest($3), unnest($4),
                       unnest($5), unnest($6), unnest($7)""",
                    [
                        [s.id for s in stories],
                        [s.title for s in stories],
                        [s.first_seen for s in stories],
                        [s.last_seen for s in stories],
                        [s.size for s in stories],
                        [json.dumps(dict(s.entities), sort_keys=True) for s in stories],
                        [json.dumps({str(b): round(w, 6) for b, w in sorted(s.terms.items())}) for s in stories],
                    ],
                )
            self._con.execute("COMMIT")
        except duckdb.Error as exc:
            self._con.execute("ROLLBACK")
            raise StoreError(
                f"{self.path}: could not write a batch ({str(exc).splitlines()[0]}); nothing of it was kept"
            ) from None

    # reads used by reports
    def stories(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        entity: str | None = None,
        limit: int = 50,
        story_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stories, newest first, with their article counts per lean (``story_id``: that one only)."""
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        if story_id is not None:
            where.append("s.id = ?")
            params.append(story_id)
        if since is not None:
            where.append("(s.last_seen IS NULL OR s.last_seen >= ?)")
            params.append(since)
        if until is not None:
            where.append("(s.first_seen IS NULL OR s.first_seen <= ?)")
            params.append(until)
        if entity:
            where.append("(lower(s.entities) LIKE ? OR lower(s.title) LIKE ?)")
            params += [f"%{entity.lower()}%"] * 2
        rows = self._con.execute(
            f"""SELECT s.id, s.title, s.first_seen, s.last_seen, s.entities,
                   count(a.id), count(a.id) FILTER (a.lean = 'left'), count(a.id) FILTER (a.lean = 'center'),
                   count(a.id) FILTER (a.lean = 'right'), count(DISTINCT a.outlet_id), min(a.seq)
                FROM stories s JOIN articles a ON a.story_id = s.id
                WHERE {" AND ".join(where)}
                GROUP BY ALL ORDER BY s.last_seen DESC NULLS LAST, count(a.id) DESC, min(a.seq) LIMIT ?""",
            [*params, limit],
        ).fetchall()
        out = []
        for sid, title, first, last, entities, n, left, center, right, outlets, _ in rows:
            names = json.loads(entities)
            top = [k for k, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:5]]
            out.append(
                {
                    "id": sid,
                    "title": title,
                    "first_seen": first,
                    "last_seen": last,
                    "entities": top,
                    "articles": n,
                    "outlets": outlets,
                    "lean": {"left": left, "center": center, "right": right},
                }
            )
        return out

    def story_articles(self, story_id: str) -> list[dict[str, Any]]:
        """The articles of one story in ingest order."""
        rows = self._con.execute(
            """SELECT id, url, source, outlet, title, text, published, lean, lean_origin
               FROM articles WHERE story_id = ? ORDER BY seq""",
            [story_id],
        ).fetchall()
        keys = ("id", "url", "source", "outlet", "title", "text", "published", "lean", "lean_origin")
        return [dict(zip(keys, r, strict=True)) for r in rows]
