"""The mention table's reading of one phrase: whether it is definite (the, a possessive)."""

from __future__ import annotations

import pytest

from slant.analyses.referents.mentions import candidates
from slant.analyses.referents.table import _definite
from slant.nlp.resources import Resources


@pytest.mark.parametrize(
    ("text", "definite"),
    [
        ("The “border czar” spoke.", True),
        ("Donald Trump’s “border czar” spoke.", True),
        ("Her deputy spoke.", True),
        ("A border czar spoke.", False),
        ("Border czars spoke.", False),
    ],
)
def test_definite_reads_articles_and_possessives(nlp_resources: Resources, text: str, definite: bool) -> None:
    doc = nlp_resources.nlp(text)
    first = next(t.i for t in doc if t.lower_ in ("border", "deputy"))
    assert _definite(doc, first) is definite


@pytest.mark.parametrize(
    ("text", "one", "other", "tied"),
    [
        ("The strait is a tinderbox.", "strait", "tinderbox", True),
        ("The strait is not a tinderbox.", "strait", "tinderbox", False),
        # A modal of possibility makes the copula a guess, not a name; "will" still says what it is.
        ("The cranes could be a first step.", "cranes", "first step", False),
        ("The strait may be a tinderbox.", "strait", "tinderbox", False),
        ("The strait will be a tinderbox.", "strait", "tinderbox", True),
        ("Cody Strand called the decision a long-overdue correction.", "decision", "long-overdue correction", True),
        ("Critics described the plan as a giveaway.", "plan", "giveaway", True),
        ("Critics never described the plan as a giveaway.", "plan", "giveaway", False),
        ("The council, a progressive majority, voted.", "council", "progressive majority", True),
        ("The council met the mayor.", "council", "mayor", False),
        # A title is tied to the name after it, not to the nationality inside it.
        (
            "Aides met Danish Prime Minister Mette Frederiksen on Monday.",
            "Danish Prime Minister",
            "Mette Frederiksen",
            True,
        ),
        ("Aides met Danish Prime Minister Mette Frederiksen on Monday.", "Danish Prime Minister", "Danish", False),
    ],
)
def test_links_tie_what_one_article_says_a_thing_is(
    nlp_resources: Resources, text: str, one: str, other: str, tied: bool
) -> None:
    from slant.analyses.referents.mentions import candidates
    from slant.analyses.referents.table import _links

    doc = nlp_resources.nlp(text)
    found = candidates("a1", doc, [(0, len(text))])
    index = {c.text: k for k, c in enumerate(found)}
    assert one in index and other in index, [c.text for c in found]
    assert (tuple(sorted((index[one], index[other]))) in _links(doc, found, 0)) is tied


def test_groups_join_tied_descriptions_but_never_two_names_by_a_link_alone() -> None:
    from slant.analyses.referents.mentions import Candidate
    from slant.analyses.referents.table import _groups

    def cand(text: str, kind: str, at: int) -> Candidate:
        return Candidate("a1", at, at, at, at * 10, at * 10 + len(text), text, kind, "")

    cands = [cand("strait", "nominal", 0), cand("tinderbox", "nominal", 1), cand("Kaldria", "name", 2)]
    cands += [cand("Veskaria", "name", 3)]
    group = _groups(cands, [-1, -1, -1, -1], {(0, 1), (2, 3)}, [True, False, False, False])
    assert group[0] == group[1]
    assert group[2] != group[3]


@pytest.mark.parametrize(
    ("text", "head", "countries"),
    [
        ("Russia's government denied it.", "government", {"RUS"}),
        ("Moscow's government denied it.", "government", {"RUS"}),
        ("The Japanese officials denied it.", "officials", {"JPN"}),
        ("The government denied it.", "government", set()),
        ("Ms. Okafor's government denied it.", "government", set()),
    ],
)
def test_countries_read_modifiers_and_possessors(
    nlp_resources: Resources, text: str, head: str, countries: set[str]
) -> None:
    from slant.analyses.referents.table import _countries

    doc = nlp_resources.nlp(text)
    cand = next(c for c in candidates("a1", doc, [(0, len(text))]) if doc[c.head].text == head)
    assert _countries(doc, cand)[1] == countries
