"""Actors merged across articles: names, surnames, acronyms, role descriptions."""

from __future__ import annotations

import pytest

from slant.analyses.actors.actors import actor_at, run
from slant.model import Actor, Article, Comparison, Mention
from slant.nlp.parse import parse
from slant.nlp.resources import Resources
from slant.settings import Settings

LEFT = (
    "Mayor Dana Whitfield said the Bayside Port Authority (BPA) would hire 40 new inspectors. "
    "Whitfield spoke after a tense meeting.\n"
    "The mayor said the plan would protect workers."
)
RIGHT = (
    "The BPA plan is a giveaway, critics said. "
    "Dana Whitfield, the mayor of Bayside, defended it on Tuesday.\n"
    "Council member Arturo Reyes voted against it."
)


def _actors(*texts: str) -> list[Actor]:
    articles = [Article(id=f"a{i}", source="t", text=t) for i, t in enumerate(texts, start=1)]
    comparison = parse(Comparison(articles=articles), Resources())
    result: list[Actor] = run(comparison, Resources(), Settings())["actors"]
    return result


def _by_name(actors: list[Actor], name: str) -> Actor:
    return next(a for a in actors if a.name == name)


def _mentions(name: str, *texts: str) -> list[tuple[str, str]]:
    """(article, text) of every mention of the actor called ``name``."""
    return [(m.article, m.text) for m in _by_name(_actors(*texts), name).mentions]


@pytest.mark.slow
def test_actors_person_merged_across_articles_with_surname_and_role() -> None:
    actors = _actors(LEFT, RIGHT)
    whitfield = _by_name(actors, "Dana Whitfield")
    assert whitfield.type == "PERSON"
    assert whitfield.articles == ["a1", "a2"]
    texts = [m.text for m in whitfield.mentions]
    assert "Whitfield" in texts
    assert any(t.lower() == "mayor" for t in texts)


@pytest.mark.slow
def test_actors_acronym_joins_full_name() -> None:
    authority = _by_name(_actors(LEFT, RIGHT), "Bayside Port Authority")
    assert {m.text for m in authority.mentions} >= {"Bayside Port Authority", "BPA"}
    assert authority.articles == ["a1", "a2"]


@pytest.mark.slow
def test_actors_mentions_point_into_text() -> None:
    texts = {"a1": LEFT, "a2": RIGHT}
    for actor in _actors(LEFT, RIGHT):
        for m in actor.mentions:
            assert texts[m.article][m.start : m.end] == m.text


@pytest.mark.slow
def test_actors_on_seeds(seed_comparison: Comparison) -> None:
    actors = seed_comparison.actors or []
    homan = _by_name(actors, "Tom Homan")
    texts = {(m.article, m.text) for m in homan.mentions}
    assert {("a1", "Tom Homan"), ("a1", "Homan"), ("a2", "Homan"), ("a1", "border czar")} <= texts
    lapd = _by_name(actors, "Los Angeles Police Department")
    assert "LAPD" in {m.text for m in lapd.mentions}
    la = _by_name(actors, "Los Angeles")
    assert {"LA", "Los Angeles"} <= {m.text for m in la.mentions}
    assert la.articles == ["a1", "a2"]
    assert _by_name(actors, "Hugo Soto-Martinez").type == "PERSON"
    assert _by_name(actors, "Daily Kos").type == "ORG"


def test_actor_at_finds_overlapping_mention() -> None:
    actor = Actor(id="p1", name="X Y", type="PERSON", mentions=[Mention(article="a1", text="Y", start=10, end=11)])
    assert actor_at([actor], "a1", 9, 12) is actor
    assert actor_at([actor], "a2", 9, 12) is None
    assert actor_at([actor], "a1", 0, 10) is None


@pytest.mark.slow
def test_actors_kind_of_person_not_linked_across_articles() -> None:
    left = "Karen Whitfield, a former teacher, leads the board. Whitfield said the books would go."
    right = "A teacher at the district, who asked not to be named, said the teacher union objected."
    whitfield = _by_name(_actors(left, right), "Karen Whitfield")
    assert whitfield.articles == ["a1"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("left", "right", "name", "found", "not_found"),
    [
        (  # an office resolves through another article; "the sheriff's office" is not the sheriff
            "Sheriff Paul Dent said deputies were ready. The sheriff's office declined further comment.",
            "The sheriff told reporters the plan was unsafe.",
            "Paul Dent",
            ("a2", "sheriff"),
            ("a1", "sheriff"),
        ),
        (  # an organisation's own head noun resolves only in an article that names it
            "The Port Alder City Council voted 6-3 on Monday. The council also delayed the budget.",
            "Residents packed the hearing. The council chamber was full, and the council adjourned late.",
            "Port Alder City Council",
            ("a1", "council"),
            ("a2", "council"),
        ),
    ],
)
def test_actors_definite_descriptions_resolve_where_they_may(
    left: str, right: str, name: str, found: tuple[str, str], not_found: tuple[str, str]
) -> None:
    texts = _mentions(name, left, right)
    assert found in texts
    assert not_found not in texts


@pytest.mark.slow
def test_actors_party_tags_are_not_actors() -> None:
    actors = _actors("Sen. Ann Cole (D-Sabino Wells) voted yes.", "Cole (R-Prescott) voted no, said Rep. Bo Hart.")
    assert not any(a.name.startswith(("D-", "R-")) for a in actors)


@pytest.mark.slow
def test_actors_family_name_first_and_hyphenated_given_name() -> None:
    # Invented names written family name first, with a hyphenated given name the tagger may cut short.
    left = "President Park Sung-ho of Daeryeong met the envoy on Monday. Mr. Park said the talks went well."
    right = "Daeryeong's president, Park Sung Ho, met the envoy. Park called it a good start."
    actors = [a for a in _actors(left, right) if any(m.text.startswith("Park") for m in a.mentions)]
    assert len(actors) == 1
    assert {m.text for m in actors[0].mentions} >= {"Park", "Park Sung Ho"}
    assert any(m.text in ("Park Sung-ho", "Park Sung") for m in actors[0].mentions)
    assert actors[0].articles == ["a1", "a2"]


@pytest.mark.slow
def test_actors_a_first_name_alone_is_not_linked_when_two_people_share_it() -> None:
    text = (
        "Donald Trump spoke first. Donald Trump Jr. spoke later. "
        "Jordan Hale, a farmer, disagreed. Donald waved from the stage."
    )
    actors = _actors(text)
    father = [a for a in actors if a.name == "Donald Trump"]
    son = [a for a in actors if "Jr" in a.name]
    assert father and son and father[0] is not son[0]
    assert not any(m.text == "Donald" for a in father + son for m in a.mentions)


@pytest.mark.slow
def test_actors_a_shared_surname_goes_to_the_person_named_most() -> None:
    # Invented names: the story names Ilse Varga in full far more often than her brother.
    text = (
        "Prime Minister Ilse Varga arrived in Tessaly on Monday. Ilse Varga met the council. "
        "Her brother, Tomas Varga, stayed home. Ilse Varga later spoke to reporters. "
        "Varga said the talks were useful."
    )
    actors = _actors(text)
    ilse = _by_name(actors, "Ilse Varga")
    assert "Varga" in {m.text for m in ilse.mentions}
    assert "Varga" not in {m.text for m in _by_name(actors, "Tomas Varga").mentions}


@pytest.mark.slow
def test_actors_a_family_name_written_first_goes_to_the_relative_named_most() -> None:
    # Invented names written family name first: the story names the leader in full far more often than
    # his father and grandfather, and a lone "Park" is the leader (not a person of its own).
    text = (
        "Park Sung-ho arrived in Daeryeong on Monday. Park Sung Ho met the envoy. His father, Park Tae-il, "
        "ruled before him, as did Park Il-gon. Park Sung-ho later spoke to reporters. Park said the talks "
        "were useful, and Park Sung-ho left."
    )
    actors = _actors(text)
    leader = [a for a in actors if any(m.text.startswith("Park Sung") for m in a.mentions)]
    assert len(leader) == 1 and "Park" in {m.text for m in leader[0].mentions}
    assert not any(a.name == "Park" for a in actors)
    assert "Park" not in {m.text for m in _by_name(actors, "Park Tae-il").mentions}


@pytest.mark.slow
def test_actors_a_family_name_written_first_stays_unlinked_when_no_one_leads() -> None:
    text = "Park Sung-ho arrived on Monday. Park Tae-il stayed home. Park said the talks were useful."
    actors = _actors(text)
    assert not any("Park" in {m.text for m in a.mentions} and len(a.mentions) > 1 for a in actors)


@pytest.mark.slow
def test_actors_a_shared_surname_stays_unlinked_when_no_one_leads() -> None:
    text = "Maria Varga arrived on Monday. Tomas Varga stayed home. Varga said the talks were useful."
    actors = _actors(text)
    for name in ("Maria Varga", "Tomas Varga"):
        assert "Varga" not in {m.text for m in _by_name(actors, name).mentions}


@pytest.mark.slow
def test_actors_a_shared_surname_goes_to_the_one_person_sharing_its_title() -> None:
    # Named in full once each, so neither leads; "Governor Whitfield" shares only Dana Whitfield's title.
    actors = _actors(
        "Governor Dana Whitfield signed the bill on Monday. His wife, Alma Whitfield, watched from the "
        "gallery. Governor Whitfield said the law would help families. Whitfield left early."
    )
    named = {name: {m.text for m in _by_name(actors, name).mentions} for name in ("Dana Whitfield", "Alma Whitfield")}
    assert {"Whitfield", "Dana Whitfield"} <= named["Dana Whitfield"]
    assert named["Alma Whitfield"] == {"Alma Whitfield"}


@pytest.mark.slow
def test_actors_an_organisations_apposition_is_a_role_for_a_later_description() -> None:
    text = (
        "Halvorsen Steel Corp., the steelmaker, will lay off 640 workers. "
        "Union leaders said the steelmaker had broken its promise. A steelmaker in Ohio is hiring."
    )
    company = _by_name(_actors(text), "Halvorsen Steel Corp")
    starts = sorted(m.start for m in company.mentions if m.text == "steelmaker")
    assert starts == [text.index("steelmaker"), text.index("the steelmaker had") + 4]  # never "A steelmaker"


@pytest.mark.slow
def test_actors_a_coordination_of_places_is_no_actor() -> None:
    actors = _actors(
        "Leaders of North and South Korea will meet in May. North Korea said the test was routine.",
        "The leaders of North and South Korea plan talks in May, and South Korea welcomed the plan.",
    )
    names = {a.name for a in actors}
    assert "North Korea" in names and "South Korea" in names
    assert not any(" and" in m.text for a in actors for m in a.mentions), names
