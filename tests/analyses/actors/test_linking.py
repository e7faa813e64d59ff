"""How named mentions are linked into actors (analyses/actors/linking.py), on constructed mentions."""

from __future__ import annotations

from slant.analyses.actors.linking import Named, UnionFind, link_names
from slant.analyses.actors.names import name_key


def _named(text: str, label: str, article: str = "a1") -> Named:
    return Named(article, 0, len(text), text, label, name_key(text), name_key(text).split())


def test_link_names_joins_one_countrys_names_whatever_their_label() -> None:
    cands = [
        _named("North Korea", "GPE"),
        _named("DPRK", "ORG", "a2"),  # the tagger often reads the short form as an organisation
        _named("America", "GPE"),
        _named("United States", "GPE", "a2"),
        _named("Americans", "NORP"),  # a demonym names people, not the country
        _named("Washington", "GPE"),  # a capital may be the city, the state or the government
        _named("South Korea", "GPE", "a2"),
    ]
    uf = UnionFind(len(cands))
    link_names(cands, uf)
    root = [uf.find(i) for i in range(len(cands))]
    assert root[0] == root[1]
    assert root[2] == root[3]
    assert len({root[0], root[2], root[4], root[5], root[6]}) == 5
