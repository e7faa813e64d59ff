"""How the named mentions of a story are linked into one actor: same name, surname, name written with
a hyphen or cut short, a family name written first, acronyms, one country's names (see ``link_names``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from slant.analyses.actors.names import acronym
from slant.nlp.places import country_of

_COUNTRY_LABELS = frozenset({"GPE", "ORG", "LOC"})
"""Labels under which the tagger writes a country's name ("DPRK" often comes out as an organisation)."""


@dataclass
class Named:
    """One named mention of something in one article."""

    article: str
    start: int
    end: int
    text: str
    label: str
    key: str
    tokens: list[str]
    roles: set[str] = field(default_factory=set)


class UnionFind:
    """Disjoint sets over candidate indices; the lower index is the root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _folded(key: str) -> str:
    return key.replace("-", " ")


def _principal(named: list[int], uf: UnionFind) -> int | None:
    """Of the people the full-name mentions ``named`` stand for, the one the story names in full at least twice
    as often as any other ("Macron" for Emmanuel Macron, not Brigitte Macron; "Kim" for Kim Jong Un
    named seven times, not his father named once), or None. Names one person goes by ("Kim Jong Un",
    "Kim Jong-un") count together."""
    ranked = Counter(uf.find(i) for i in named).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _by_role(lone: list[int], named: list[int], cands: list[Named], uf: UnionFind) -> int | None:
    """Of the people the full-name mentions ``named`` stand for, the only one given a role the lone name's
    mentions ``lone`` are also given ("President Trump" for President Donald Trump, not Melania Trump), or
    None."""
    roles = {r for i in lone for r in cands[i].roles}
    if not roles:
        return None
    sharing = {uf.find(j) for j in named if cands[j].roles & roles}
    return sharing.pop() if len(sharing) == 1 else None


def _union_groups(groups: dict[str, list[int]], uf: UnionFind) -> None:
    for idxs in groups.values():
        for i in idxs[1:]:
            uf.union(idxs[0], i)


def link_names(cands: list[Named], uf: UnionFind) -> None:
    """Link candidates that name the same thing: same key, surname, acronym, name contained in a longer one."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        by_key[c.key].append(i)
    _union_groups(by_key, uf)
    # One country's names in any form news writes ("North Korea" / "DPRK", "the United States" /
    # "America"), whatever label the tagger gave each; not its capital ("Washington" may be the state,
    # the city or the government) nor its demonym ("Americans" are people).
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        if c.label in _COUNTRY_LABELS and (code := country_of(c.text, allow_capital=False)) is not None:
            by_country[code].append(i)
    _union_groups(by_country, uf)

    multi = [i for i, c in enumerate(cands) if len(c.tokens) >= 2]
    persons = [i for i in multi if cands[i].label == "PERSON"]
    surnames: dict[str, set[str]] = defaultdict(set)
    for i in persons:
        surnames[cands[i].tokens[-1]].add(cands[i].key)
    # "Kim Jong-un" and "Kim Jong Un": one name, hyphen or space.
    by_folded: dict[str, list[int]] = defaultdict(list)
    for i in persons:
        by_folded[_folded(cands[i].key)].append(i)
    _union_groups(by_folded, uf)
    # "Moon Jae" and "Moon Jae In": a name the tagger cut short ("Donald Trump Jr." is someone else).
    split = {key: key.split() for key in by_folded}
    for short, words in split.items():
        for long, longer in split.items():
            extra = longer[len(words) :]
            if len(words) >= 2 and longer[: len(words)] == words and extra and not set(extra) & _GENERATIONS:
                uf.union(by_folded[short][0], by_folded[long][0])
    # A lone name written first in one person's full name and last in nobody's is that person's family
    # name written first ("Moon" of "Moon Jae-in") or a first name used alone ("Donald").
    # Several people with that first word ("Kim" of "Kim Jong Un", "Kim Jong-il" and "Kim Il-sung"): the
    # one named in full at least twice as often as any other, as for a shared surname; failing that, the
    # only one sharing a title with the lone name ("President Trump", "President Donald Trump").
    forenames: dict[str, set[str]] = defaultdict(set)
    for i in persons:
        forenames[cands[i].tokens[0]].add(cands[i].key)
    for i, c in enumerate(cands):
        if len(c.tokens) == 1:
            keys = surnames.get(c.tokens[0], set())
            if not keys and c.label == "PERSON":
                keys = forenames.get(c.tokens[0], set())
            named = [j for k in sorted(keys) for j in by_key[k]]
            principal = _principal(named, uf) if keys else None
            if keys and principal is None:
                principal = _by_role(by_key[c.key], named, cands, uf)
            if principal is not None:
                uf.union(i, principal)
    # "Glen Marsh" inside "Harlow County Commissioner Glen Marsh": a shorter multi-word name ending a longer one.
    for i in persons:
        for j in persons:
            ci, cj = cands[i], cands[j]
            if len(ci.tokens) < len(cj.tokens) and cj.tokens[-len(ci.tokens) :] == ci.tokens:
                uf.union(i, j)
    acronyms: dict[str, set[int]] = defaultdict(set)
    for i in multi:
        if cands[i].label != "PERSON":
            acr = acronym(cands[i].text)
            if acr:
                acronyms[acr].add(i)
    expansions: dict[str, str] = {}
    for acr, members in acronyms.items():
        keys = {cands[j].key for j in members}
        if len(keys) == 1:
            expansions[acr.lower()] = keys.pop()
    for i, c in enumerate(cands):
        compact = c.text.replace(".", "").replace(" ", "")
        if compact.isupper() and 2 <= len(compact) <= 6 and compact in acronyms:
            targets = {uf.find(j) for j in acronyms[compact]}
            if len(targets) == 1:
                uf.union(i, next(iter(acronyms[compact])))
        # "CB County" names what "Calder Bay County" names.
        if len(c.tokens) >= 2 and any(t in expansions for t in c.tokens):
            expanded = " ".join(expansions.get(t, t) for t in c.tokens)
            for j in by_key.get(expanded, []):
                uf.union(i, j)
