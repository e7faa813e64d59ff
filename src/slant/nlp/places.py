"""Which country a name stands for, in any of the forms news uses: its name, acronym, capital or demonym.

"United States", "U.S.", "America", "Washington" and "American" all stand for one country;
"Pyongyang" and "North Korean" for North Korea. Country names and capitals come from GeoNames
(``slant/data/referents/countries.tsv``, CC BY 4.0); demonyms are matched by their stem
("Japanese" -> "Japan", "Iranians" -> "Iran") plus a handful of irregular ones.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

_ALIASES = {
    "america": "USA",
    "usa": "USA",
    "us": "USA",
    "u.s.": "USA",
    "u.s.a.": "USA",
    "united states of america": "USA",
    "uk": "GBR",
    "u.k.": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "england": "GBR",
    # Official short forms and former names news still writes.
    "dprk": "PRK",
    "d.p.r.k.": "PRK",
    "rok": "KOR",
    "prc": "CHN",
    "p.r.c.": "CHN",
    "uae": "ARE",
    "u.a.e.": "ARE",
    "drc": "COD",
    "burma": "MMR",
    "holland": "NLD",
}
STATE_NOUNS = frozenset(
    {"government", "regime", "administration", "authority", "leadership", "cabinet", "ministry", "junta", "state"}
)
"""Head nouns that stand for a country's state when a word naming the country modifies them ("the Russian
government", "Veskaria's regime"), as "Moscow" does; "officials" (plural) counts too (``state_noun``)."""


def state_noun(lemma: str, plural: bool) -> bool:
    """Whether a head noun stands for a country's state (``STATE_NOUNS``, or plural "officials")."""
    return lemma in STATE_NOUNS or (plural and lemma == "official")


_IRREGULAR = {
    "american": "USA",
    "british": "GBR",
    "english": "GBR",
    "french": "FRA",
    "dutch": "NLD",
    "swiss": "CHE",
    "greek": "GRC",
    "filipino": "PHL",
    "welsh": "GBR",
    "scottish": "GBR",
    "irish": "IRL",
    "thai": "THA",
    "turkish": "TUR",
    "danish": "DNK",
    "swedish": "SWE",
    "finnish": "FIN",
    "polish": "POL",
    "spanish": "ESP",
    "saudi": "SAU",
    "emirati": "ARE",
}
_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "is", "i", "ish", "s", "n")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)


@functools.cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """Country name -> ISO3 and capital -> ISO3, lower-cased."""
    text = (resources.files("slant") / "data" / "referents" / "countries.tsv").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, iso3, capital = (line.split("\t") + ["", ""])[:3]
        names[_LEADING.sub("", name).lower()] = iso3  # "The Netherlands" is looked up as "netherlands"
        if capital:
            capitals.setdefault(capital.lower(), iso3)
    return names, capitals


def _demonym(word: str, names: dict[str, str]) -> str | None:
    if word in _IRREGULAR or (word.endswith("s") and word[:-1] in _IRREGULAR):
        return _IRREGULAR.get(word) or _IRREGULAR[word[:-1]]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stem = word[: -len(suffix)]
            hits = {iso for name, iso in names.items() if name.startswith(stem) and len(name) - len(stem) <= 2}
            if len(hits) == 1:
                return hits.pop()
    return None


@functools.cache
def country_of(text: str, allow_capital: bool = True) -> str | None:
    """The ISO3 code of the country a name stands for ("U.S." -> "USA", "Pyongyang" -> "PRK",
    "North Koreans" -> "PRK"), or ``None``.

    Args:
        text: a proper name or nationality word as written.
        allow_capital: also read a capital city as its country (metonymy: "Moscow said ...").
    """
    names, capitals = _countries()
    key = _LEADING.sub("", text.strip()).lower().replace("’", "'")
    if key in _ALIASES:
        return _ALIASES[key]
    if key in names:
        return names[key]
    if allow_capital and key in capitals:
        return capitals[key]
    if key.endswith("'s"):
        return country_of(key[:-2], allow_capital)
    return _demonym(key, names) if key.replace(" ", "").isalpha() else None
