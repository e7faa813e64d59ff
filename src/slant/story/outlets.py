"""Outlet lean ratings: the shipped AllSides-derived table, a user's CSV over it, lookup by URL or name.

``slant/data/outlets.json`` (written by ``slant train outlets``, train/outlets.py) rates each outlet of
the AllSides-labelled articles by the majority label of its articles and lists the domains that are
its own. A user CSV (header ``outlet,lean[,domain]``) adds outlets or overrides shipped ones with the
same key. ``lookup`` tries the URL first, its host and then each parent down to the registrable domain
("edition.cnn.com" -> "cnn.com"), then the name by ``outlet_key``; both are dict look-ups.

``outlet_key`` folds the spellings of one outlet together ("The New York Times", "New York Times -
News", "New York Times (Online News)"; "Fox News", "Fox Online News", "NBCNews.com" -> "NBC News") and
keeps sections and sister outlets apart ("Fox News Opinion", "Fox Business", "Wall Street Journal -
Editorial"): it drops only medium qualifiers, a leading "The" and a trailing word "News".
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from slant.errors import InputError, ModelUnavailableError
from slant.model import Side

OUTLETS = Path(__file__).resolve().parent.parent / "data" / "outlets.json"
SIDES: tuple[Side, ...] = ("left", "center", "right")
Origin = Literal["allsides", "user"]

# "CNN (Web News)", "NBC News (Online)", "New York Times - News": the medium, not another outlet.
_MEDIUM = r"(?:online|web|print|digital|tv)"
_QUALIFIER = re.compile(rf"(?i)\s*(?:\((?:{_MEDIUM}\s+)?(?:news|{_MEDIUM})\)|\s-\s(?:{_MEDIUM}\s+)?news)\s*$")
_MEDIUM_NEWS = re.compile(rf"(?i)\b{_MEDIUM}\s+(news)\b")  # "Fox Online News" -> "Fox News"
# A name written as a domain ("TheBlaze.com", "NBCNews.com"): its label, split at case changes.
_DOMAIN_NAME = re.compile(r"^(?:www\.)?([A-Za-z0-9-]+)\.(?:[a-z]{2,6})(?:\.[a-z]{2})?$")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# Labels a site serves the same outlet under; stripped from user domains, walked past in URLs.
_HOST_PREFIXES = frozenset({"www", "www1", "www2", "m", "mobile", "amp"})
# "bbc.co.uk", "abc.net.au": a country's second level is not a registrable domain.
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "net", "org", "ne", "or", "gob", "nic"})
# Hosts whose subdomains belong to different publishers.
_SHARED_HOSTS = frozenset({"blogspot.com", "github.io", "medium.com", "substack.com", "tumblr.com", "wordpress.com"})
_LEANS: dict[str, Side] = {
    "left": "left",
    "leanleft": "left",
    "center": "center",
    "centre": "center",
    "right": "right",
    "leanright": "right",
}


@dataclass(frozen=True)
class OutletRating:
    """One outlet's political lean."""

    id: str
    """``outlet_key`` of the name: the key the store and user CSVs use."""
    name: str
    lean: Side
    counts: dict[str, int] = field(default_factory=dict, hash=False)
    """Labelled articles per side behind a shipped rating; empty for a user's."""
    origin: Origin = "allsides"


def clean_name(name: str) -> str:
    """An outlet's name without medium qualifiers: "CNN (Web News)" -> "CNN", "Fox Online News" -> "Fox News"."""
    text = " ".join(name.split())
    text = _QUALIFIER.sub("", text)
    return _MEDIUM_NEWS.sub(r"\1", text).strip()


def outlet_key(name: str) -> str:
    """The key an outlet's spellings share, words joined by "-": "The New York Times" -> "new-york-times",
    "Fox News", "Fox Online News" -> "fox", "Fox Business" -> "fox-business"; "" for a name without letters.
    """
    text = clean_name(name)
    domain = _DOMAIN_NAME.match(text)
    if domain:
        text = _CAMEL.sub(" ", domain.group(1))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()
    text = re.sub(r"['’]", "", text.replace("&", " and "))
    words = re.findall(r"[a-z0-9]+", text)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[-1] == "news":
        words = words[:-1]
    return "-".join(words)


def registrable_domain(host: str) -> str:
    """The domain a host belongs to: "edition.cnn.com" -> "cnn.com", "www.bbc.co.uk" -> "bbc.co.uk".

    A heuristic, not the public-suffix list: two labels, three under a country's second level
    ("co.uk", "com.au") and under hosts shared by many publishers ("substack.com").
    """
    labels = host.lower().strip(".").split(".")
    keep = 2
    if len(labels) >= 3 and (
        (len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL) or ".".join(labels[-2:]) in _SHARED_HOSTS
    ):
        keep = 3
    return ".".join(labels[-keep:])


def url_host(url: str) -> str | None:
    """The lower-case host of a URL ("www.cnn.com"), a scheme being optional; ``None`` if it has none."""
    text = url.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    host = (host or "").strip(".")
    return host if "." in host else None


def _hosts(host: str) -> Iterator[str]:
    """The host and each parent down to its registrable domain, most specific first."""
    labels = host.split(".")
    floor = registrable_domain(host).count(".") + 1
    for k in range(len(labels) - floor + 1):
        yield ".".join(labels[k:])


def _user_domain(text: str) -> str | None:
    host = url_host(text)
    if host is None:
        return None
    labels = host.split(".")
    while len(labels) > 2 and labels[0] in _HOST_PREFIXES:
        labels = labels[1:]
    return ".".join(labels)


class OutletTable:
    """Outlet ratings by key and by domain."""

    def __init__(self, ratings: Iterable[OutletRating], domains: Mapping[str, str]) -> None:
        """Args:
        ratings: the outlets; a later rating replaces an earlier one with the same id.
        domains: domain -> id of the outlet it belongs to.

        Raises:
            ValueError: a domain names an id no rating has.
        """
        self._by_id = {r.id: r for r in ratings}
        missing = sorted({i for i in domains.values() if i not in self._by_id})
        if missing:
            raise ValueError(f"domains name outlets not in the table: {', '.join(missing)}")
        self._by_domain = dict(domains)

    @classmethod
    def load(cls, user_csv: Path | None = None, *, shipped: Path = OUTLETS) -> OutletTable:
        """The shipped table, with the outlets of ``user_csv`` added over it.

        Raises:
            ModelUnavailableError: the shipped table is missing or broken.
            InputError: the user CSV cannot be read or has a bad row (file:line says which).
        """
        ratings, domains = _read_shipped(shipped)
        if user_csv is not None:
            user, user_domains = read_user_csv(user_csv)
            ratings += user
            domains.update(user_domains)
        return cls(ratings, domains)

    def lookup(self, name: str | None = None, url: str | None = None) -> OutletRating | None:
        """The rating of an outlet: by the URL's domain first, then by name (also a name written as a domain).

        Returns:
            The rating, or ``None`` when neither the URL nor the name is a known outlet's.
        """
        if url and (host := url_host(url)):
            for candidate in _hosts(host):
                if candidate in self._by_domain:
                    return self._by_id[self._by_domain[candidate]]
        if name:
            rating = self._by_id.get(outlet_key(name))
            if rating is None and " " not in name.strip() and "." in name:
                return self.lookup(url=name.strip())
            return rating
        return None

    def get(self, outlet_id: str) -> OutletRating | None:
        """The rating with this id, or ``None``."""
        return self._by_id.get(outlet_id)

    def domains(self) -> dict[str, str]:
        """Every known domain -> the id of its outlet."""
        return dict(self._by_domain)

    def __iter__(self) -> Iterator[OutletRating]:
        return iter(sorted(self._by_id.values(), key=lambda r: r.id))

    def __len__(self) -> int:
        return len(self._by_id)


def _read_shipped(path: Path) -> tuple[list[OutletRating], dict[str, str]]:
    hint = "run `slant train outlets`"
    try:
        table: Any = json.loads(path.read_text(encoding="utf-8"))
        ratings: list[OutletRating] = []
        domains: dict[str, str] = {}
        for entry in table["outlets"]:
            if entry["lean"] not in SIDES:
                raise ValueError(f"unknown lean {entry['lean']!r}")
            counts = {str(k): int(v) for k, v in entry["counts"].items()}
            ratings.append(OutletRating(str(entry["id"]), str(entry["name"]), entry["lean"], counts, "allsides"))
            domains.update({str(d): str(entry["id"]) for d in entry["domains"]})
    except OSError as exc:
        raise ModelUnavailableError(f"the outlet table {path.name} is missing ({exc}); {hint}") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ModelUnavailableError(f"the outlet table {path.name} is broken ({exc}); {hint}") from exc
    return ratings, domains


def parse_lean(text: str) -> Side | None:
    """left / center / right, also "centre", "lean left", "Lean-Right" (as left / right); else ``None``."""
    return _LEANS.get(re.sub(r"[\s_-]+", "", text).casefold())


def read_user_csv(path: Path) -> tuple[list[OutletRating], dict[str, str]]:
    """A user's outlet ratings: a CSV with the header ``outlet,lean[,domain]``, one outlet a row.

    An outlet may take several rows, one per domain, all with the same lean.

    Returns:
        The ratings (origin "user") and the domains they name -> outlet id.

    Raises:
        InputError: the file is missing or unreadable, the header is wrong, or a row is bad.
    """
    ratings: dict[str, OutletRating] = {}
    first_line: dict[str, int] = {}
    domains: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [h.strip().casefold() for h in next(reader, [])]
            if header not in (["outlet", "lean"], ["outlet", "lean", "domain"]):
                raise InputError(f"{path}:1: the header must be outlet,lean or outlet,lean,domain")
            for row in reader:
                where = f"{path}:{reader.line_num}"
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) not in (2, len(header)):
                    raise InputError(f"{where}: expected {','.join(header)}, got {len(row)} fields")
                name, lean_text, domain_text = row[0].strip(), row[1].strip(), row[2].strip() if len(row) > 2 else ""
                key, lean = outlet_key(name), parse_lean(lean_text)
                if not key:
                    raise InputError(f"{where}: the outlet {name!r} has no name")
                if lean is None:
                    raise InputError(f"{where}: lean {lean_text!r} is not left, center or right (or lean-left/-right)")
                if key in ratings and ratings[key].lean != lean:
                    raise InputError(
                        f"{where}: {name} is rated {lean} here but {ratings[key].lean} on line {first_line[key]}"
                    )
                if domain_text:
                    domain = _user_domain(domain_text)
                    if domain is None:
                        raise InputError(f"{where}: {domain_text!r} is not a domain (e.g. example.com)")
                    domains[domain] = key
                if key not in ratings:
                    ratings[key], first_line[key] = OutletRating(key, name, lean, {}, "user"), reader.line_num
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read it as a UTF-8 CSV of outlet,lean[,domain] ({exc})") from None
    return list(ratings.values()), domains
