"""The outlet lean table: built from AllSides-format files (majority, tie rule, owned domains), a user CSV
over it, lookup by URL, subdomain and name. The unit data are invented outlets; one test reads the real
set in place and is skipped when it is absent."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from slant.errors import InputError, ModelUnavailableError
from slant.story.outlets import OUTLETS, OutletRating, OutletTable, outlet_key, registrable_domain
from slant.train.outlets import DATA, build, render, train

# (source, url, label): invented outlets on invented domains.
RECORDS = [
    *[("Harbor Ledger (Online News)", f"https://www.harborledger.com/a/{k}", "left") for k in range(8)],
    ("Harbor Ledger", "https://m.harborledger.com/b", "left"),
    ("Harbor Ledger", "https://money.harborledger.com/c", "center"),
    *[("Plains Post", f"https://plainspost.com/{k}", "right") for k in range(5)],
    ("Plains Post", "https://www.harborledger.com/guest", "right"),  # one piece on another outlet's site
    *[("Mesa Daily", "https://www.mesadaily.co.uk/x", side) for side in ("left", "right")],
    *[("Shared One", "https://www.sharedsite.com/x", "left") for _ in range(3)],
    *[("Shared Two", "https://www.sharedsite.com/y", "center") for _ in range(2)],
    *[("Guest Writer - Right", "https://plainspost.com/g", "right") for _ in range(9)],
]


def _write(path: Path, records: list[tuple[str, str, str]] = RECORDS) -> Path:
    lines = [json.dumps({"source": s, "url": u, "bias_text": b, "title": "t", "content": "c"}) for s, u, b in records]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


@pytest.fixture()
def shipped(tmp_path: Path) -> Path:
    """A table trained on the invented records."""
    out = tmp_path / "outlets.json"
    train(_write(tmp_path / "tiny.jsonl.gz"), out)
    return out


@pytest.fixture()
def table(shipped: Path) -> OutletTable:
    return OutletTable.load(shipped=shipped)


def _outlets(path: Path) -> dict[str, dict[str, object]]:
    return {o["id"]: o for o in build(_write(path))["outlets"]}


def test_build_groups_spellings_and_counts_labels(tmp_path: Path) -> None:
    ledger = _outlets(tmp_path / "t.jsonl.gz")["harbor-ledger"]
    assert ledger["name"] == "Harbor Ledger"
    assert ledger["sources"] == ["Harbor Ledger", "Harbor Ledger (Online News)"]
    assert ledger["counts"] == {"left": 9, "center": 1, "right": 0}
    assert ledger["lean"] == "left"


def test_build_tie_is_center(tmp_path: Path) -> None:
    assert _outlets(tmp_path / "t.jsonl.gz")["mesa-daily"]["lean"] == "center"


def test_build_leaves_out_guest_writers(tmp_path: Path) -> None:
    assert not any(key.startswith("guest") for key in _outlets(tmp_path / "t.jsonl.gz"))


@pytest.mark.parametrize(
    ("outlet", "domains"),
    [
        ("harbor-ledger", ["harborledger.com"]),  # www., m., money. are one registrable domain; 10 of 11 its own
        ("plains-post", ["plainspost.com"]),  # guest pieces there do not dilute it
        ("mesa-daily", ["mesadaily.co.uk"]),
        ("shared-one", []),  # 3 of 5 articles at sharedsite.com: below the 80% share
        ("shared-two", []),
    ],
)
def test_build_domains_owned_at_share(tmp_path: Path, outlet: str, domains: list[str]) -> None:
    assert _outlets(tmp_path / "t.jsonl.gz")[outlet]["domains"] == domains


def test_render_is_stable_json(tmp_path: Path) -> None:
    table = build(_write(tmp_path / "t.jsonl.gz"))
    text = render(table)
    assert json.loads(text) == table and render(json.loads(text)) == text


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("{not json\n", "line 1 is not JSON"), ('{"source": "X"}\n', "no article")],
)
def test_build_bad_file_is_input_error(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        build(path)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The New York Times", "new-york-times"),
        ("New York Times - News", "new-york-times"),
        ("New York Times (Online News)", "new-york-times"),
        ("New York Times - Opinion", "new-york-times-opinion"),
        ("Fox News", "fox"),
        ("Fox Online News", "fox"),
        ("Fox News (Online)", "fox"),
        ("Fox Business", "fox-business"),
        ("Fox News Opinion", "fox-news-opinion"),
        ("CNN (Web News)", "cnn"),
        ("NBCNews.com", "nbc"),
        ("TheBlaze.com", "blaze"),
        ("Yahoo! News", "yahoo"),
        ("AT&T", "at-and-t"),
        ("Le Monde Diplomatique", "le-monde-diplomatique"),
        ("Café Times", "cafe-times"),
        ("News", "news"),
        ("!!", ""),
    ],
)
def test_outlet_key(name: str, key: str) -> None:
    assert outlet_key(name) == key


@pytest.mark.parametrize(
    ("host", "domain"),
    [("edition.cnn.com", "cnn.com"), ("www.bbc.co.uk", "bbc.co.uk"), ("writer.substack.com", "writer.substack.com")],
)
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


@pytest.mark.parametrize(
    ("name", "url", "outlet"),
    [
        (None, "https://www.harborledger.com/a/1", "harbor-ledger"),
        (None, "https://edition.harborledger.com/x", "harbor-ledger"),  # a subdomain never seen
        (None, "plainspost.com/story", "plains-post"),  # no scheme
        ("Plains Post", "https://www.harborledger.com/x", "harbor-ledger"),  # the URL wins
        ("the harbor ledger", None, "harbor-ledger"),
        ("Harbor Ledger (Web News)", "https://www.sharedsite.com/z", "harbor-ledger"),  # a domain nobody owns
        ("harborledger.com", None, "harbor-ledger"),  # a name written as a domain
        ("Harbor Ledger Opinion", None, None),
        (None, "https://www.elsewhere.org/x", None),
        (None, "not a url", None),
        (None, None, None),
    ],
)
def test_lookup(table: OutletTable, name: str | None, url: str | None, outlet: str | None) -> None:
    found = table.lookup(name=name, url=url)
    assert (found.id if found else None) == outlet


def test_load_missing_table_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="slant train outlets"):
        OutletTable.load(shipped=tmp_path / "outlets.json")


def test_load_broken_table_says_how_to_build_it(tmp_path: Path) -> None:
    path = tmp_path / "outlets.json"
    path.write_text('{"outlets": [{"id": "x"}]}', encoding="utf-8")
    with pytest.raises(ModelUnavailableError, match="broken.*slant train outlets"):
        OutletTable.load(shipped=path)


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_user_csv_overrides_and_adds(tmp_path: Path, shipped: Path) -> None:
    user = _csv(
        tmp_path,
        "Outlet, Lean ,Domain\nHarbor Ledger,Lean Right,\nValley Voice,lean-left,https://www.valleyvoice.net/\n"
        "Valley Voice,left,vv.example.org\n\nPlains Post,centre,plainspost.com\n",
    )
    table = OutletTable.load(user, shipped=shipped)
    ledger = table.lookup(url="https://www.harborledger.com/a/1")  # shipped domain, user's rating
    assert ledger == OutletRating("harbor-ledger", "Harbor Ledger", "right", {}, "user")
    assert table.lookup(name="Valley Voice") == table.lookup(url="https://news.valleyvoice.net/x")
    assert table.lookup(url="http://vv.example.org/") == table.get("valley-voice")
    assert table.lookup(name="Plains Post") == OutletRating("plains-post", "Plains Post", "center", {}, "user")
    assert table.get("mesa-daily") == OutletRating(
        "mesa-daily", "Mesa Daily", "center", {"left": 1, "center": 0, "right": 1}, "allsides"
    )


def test_user_csv_without_domain_column(tmp_path: Path, shipped: Path) -> None:
    table = OutletTable.load(_csv(tmp_path, "outlet,lean\nMesa Daily,left\n"), shipped=shipped)
    found = table.lookup(url="https://mesadaily.co.uk/")
    assert found is not None and found.lean == "left" and found.origin == "user"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,lean\nX,left\n", r"mine\.csv:1: the header"),
        ("", r"mine\.csv:1: the header"),
        ("outlet,lean\nX,far-left\n", r"mine\.csv:2: lean 'far-left' is not"),
        ("outlet,lean\nX,left\n--,right\n", r"mine\.csv:3: the outlet '--' has no name"),
        ("outlet,lean,domain\nX,left,not a domain\n", r"mine\.csv:2: 'not a domain' is not a domain"),
        ("outlet,lean\nX,left,x.com\n", r"mine\.csv:2: expected outlet,lean, got 3 fields"),
        (
            "outlet,lean,domain\nX,left,x.com\nThe X,right,x.org\n",
            r"mine\.csv:3: The X is rated right here but left on line 2",
        ),
    ],
)
def test_user_csv_bad_rows_name_file_and_line(tmp_path: Path, shipped: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        OutletTable.load(_csv(tmp_path, text), shipped=shipped)


def test_user_csv_missing_is_input_error(tmp_path: Path, shipped: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        OutletTable.load(tmp_path / "absent.csv", shipped=shipped)


@pytest.mark.skipif(not DATA.is_file(), reason="../shared/data/allsides is not available")
def test_shipped_table_is_a_fresh_build() -> None:
    assert OUTLETS.read_text(encoding="utf-8") == render(build(DATA))
    table = OutletTable.load()
    expected = {"Fox News": "right", "CNN": "left", "NPR": "center", "Washington Times": "right", "Vox": "left"}
    assert {name: getattr(table.lookup(name=name), "lean", None) for name in expected} == expected
    fox = table.lookup(url="https://www.foxnews.com/politics/x")
    assert fox is not None and fox.id == "fox" and table.lookup(name="Fox Business") is None
    assert table.lookup(url="https://www.allsides.com/news/x") is None
