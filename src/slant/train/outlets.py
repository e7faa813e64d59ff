"""`slant train outlets`: the outlet lean table (story/outlets.py) from AllSides-labelled articles.

Articles are grouped by ``outlet_key(source)``, so the spellings of one outlet count together ("Fox
News", "Fox Online News", "Fox News (Online)"); sources that are not outlets (``NOT_OUTLETS``:
AllSides' "Guest Writer" bins) are left out. An outlet's lean is the majority label of its articles;
a tie is "center", since no side then has more of its articles than another. A registrable domain
(story.outlets.registrable_domain: "money.cnn.com" -> "cnn.com") is an outlet's when at least
``SHARE`` of the outlets' articles at that domain are its own, so a domain many outlets' articles
sit on (allsides.com), or one whose sections are rated apart (theweek.com: news center, opinion
left), is nobody's, and an outlet's piece on another's site gives it nothing. Writes
``slant/data/outlets.json``: per outlet only aggregates (name, spellings, counts per label, lean,
domains), no article.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slant.errors import InputError
from slant.eval.allsides import records, side_of
from slant.model import Side
from slant.story.outlets import SIDES, clean_name, outlet_key, registrable_domain, url_host

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "allsides" / "media_trainvalid.jsonl.gz"
OUT = Path(__file__).resolve().parent.parent / "data" / "outlets.json"
SHARE = 0.8
"""Least share of a domain's articles an outlet must have for the domain to be its own."""
NOT_OUTLETS = re.compile(r"(?i)^guest writer\b")
_BY_NAME: dict[str, Side] = {side: side for side in SIDES}


@dataclass(frozen=True)
class SourceRow:
    """One labelled article, as far as the outlet table reads it."""

    source: str
    url: str
    side: Side


def read_sources(path: Path) -> list[SourceRow]:
    """Source, URL and label of every labelled article of an AllSides-format JSONL file (``.gz`` as gzip).

    (eval/allsides.py's reader keeps the text and drops the URL, which this table needs.)

    Raises:
        InputError: the file is missing, unreadable, not JSON lines, or holds no labelled article with a source.
    """
    rows: list[SourceRow] = []
    for record in records(path):
        side, source = side_of(record), str(record.get("source") or "").strip()
        if side is not None and source:
            rows.append(SourceRow(source, str(record.get("url") or ""), SIDES[side]))
    if not rows:
        raise InputError(f"{path}: no article with a source and a left/center/right label")
    return rows


def majority(counts: Counter[str]) -> Side:
    """The side most articles have; "center" on a tie."""
    top = max(counts.values(), default=0)
    winners = [s for s in SIDES if counts[s] == top]
    return winners[0] if len(winners) == 1 else "center"


def _domain(url: str) -> str | None:
    host = url_host(url) if url.strip() else None
    return registrable_domain(host) if host else None


def build(data: Path = DATA) -> dict[str, Any]:
    """The outlet table of an AllSides-format file, as ``outlets.json`` holds it.

    Raises:
        InputError: the file cannot be read (see ``read_sources``).
    """
    rows = read_sources(data)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    at_domain: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        if NOT_OUTLETS.match(row.source) or not (outlet := outlet_key(row.source)):
            continue
        if domain := _domain(row.url):
            at_domain[domain][outlet] += 1
        counts[outlet][row.side] += 1
        spellings[outlet][row.source] += 1
        names[outlet][clean_name(row.source)] += 1
    domains: dict[str, list[str]] = defaultdict(list)
    for domain, by_outlet in at_domain.items():
        outlet, n = min(by_outlet.items(), key=lambda item: (-item[1], item[0]))
        if n >= SHARE * sum(by_outlet.values()):
            domains[outlet].append(domain)
    outlets = [
        {
            "id": key,
            "name": min(names[key].items(), key=lambda item: (-item[1], item[0]))[0],
            "sources": sorted(spellings[key]),
            "lean": majority(counts[key]),
            "counts": {side: counts[key][side] for side in SIDES},
            "domains": sorted(domains[key]),
        }
        for key in sorted(counts)
    ]
    return {
        "meta": {
            "trained_on": f"{data.name}: {len(rows)} articles of {len({r.source for r in rows})} sources "
            "(AllSides labels, Baly et al., 2020; Apache-2.0)",
            "lean": "majority label of the outlet's articles; a tie is center",
            "domain_share": SHARE,
        },
        "outlets": outlets,
    }


def render(table: dict[str, Any]) -> str:
    """The table as written to disk: compact JSON, keys sorted, one outlet a line (stable diffs)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    lines = ",\n".join(dump(outlet) for outlet in table["outlets"])
    return f'{{"meta":{dump(table["meta"])},"outlets":[\n{lines}\n]}}\n'


def train(data: Path = DATA, out: Path = OUT) -> dict[str, Any]:
    """Build the outlet table from ``data`` and write it to ``out``.

    Returns:
        The table's ``meta`` plus the number of outlets and of domains.
    """
    table = build(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(table), encoding="utf-8")
    return {
        **table["meta"],
        "outlets": len(table["outlets"]),
        "domains": sum(len(o["domains"]) for o in table["outlets"]),
    }
