"""Framing markers of one article: epistemic verbs, hedges, scare quotes, intensifiers, loaded words."""

from __future__ import annotations

from pathlib import Path

import pytest

from slant.analyses.language.lexicons import MPQA, RECASENS, load_lexicons
from slant.analyses.language.markers import attribution_verbs, mark_article
from slant.analyses.quotes.quotes import ArticleQuotes
from slant.errors import InputError
from slant.model import Article, Boilerplate, Comparison, LanguageMark, Quote
from slant.nlp.parse import sentences_of
from slant.nlp.resources import Resources

SHARED_LEXICONS = Path(__file__).resolve().parents[4] / "shared" / "data" / "lexicons"

Parsed = tuple[Article, object, list[Quote]]


def _parse(resources: Resources, text: str, boilerplate: list[Boilerplate] | None = None) -> Parsed:
    article = Article(id="a1", source="test", text=text, boilerplate=boilerplate or [])
    doc = resources.nlp(text)
    article.sentences = sentences_of(article, doc)
    quotes, _ = ArticleQuotes(article, doc, []).find()
    return article, doc, quotes


def _marks(resources: Resources, text: str, external: str | None = None) -> list[LanguageMark]:
    article, doc, quotes = _parse(resources, text)
    return mark_article(article, doc, quotes, load_lexicons(external))


def _find(marks: list[LanguageMark], term: str) -> list[LanguageMark]:
    return [m for m in marks if m.term.lower() == term.lower()]


# -- epistemic verbs -----------------------------------------------------------


@pytest.mark.slow
def test_markers_said_is_counted_not_marked(nlp_resources: Resources) -> None:
    article, doc, quotes = _parse(nlp_resources, "The mayor said that the budget would grow next year.")
    assert mark_article(article, doc, quotes, load_lexicons()) == []
    assert attribution_verbs(article, doc, quotes) == {"say": 1}


@pytest.mark.slow
def test_markers_claimed_is_a_loaded_verb(nlp_resources: Resources) -> None:
    article, doc, quotes = _parse(nlp_resources, "The mayor claimed that the budget would grow next year.")
    marks = mark_article(article, doc, quotes, load_lexicons())
    [mark] = _find(marks, "claimed")
    assert (mark.kind, mark.category, mark.sentence, mark.score) == ("epistemic", "loaded_verb", "a1.s1", 1.0)
    assert article.text[mark.start : mark.end] == "claimed"
    assert '"said" would be neutral' in mark.why
    assert attribution_verbs(article, doc, quotes) == {"claim": 1}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("The clerk confirmed the booking on Monday.", False),
        ("The mayor confirmed that the bridge would close.", True),
        ("“The bridge will close,” the mayor confirmed.", True),
    ],
    ids=["confirmed-booking", "confirmed-that", "quote-attribution"],
)
def test_markers_confirmed_vouches_only_as_attribution(nlp_resources: Resources, text: str, marked: bool) -> None:
    found = [m for m in _find(_marks(nlp_resources, text), "confirmed") if m.category == "factive"]
    assert bool(found) is marked


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The union branded the offer an insult to every nurse.", "branded"),
        ("Commissioner Obi framed the closure as a routine cost review.", "framed"),
        ("The governor's aides portrayed the audit as a partisan exercise.", "portrayed"),
        ("Neighbours have dubbed the tower the Needle.", "dubbed"),
    ],
    ids=["branded", "framed", "portrayed", "dubbed"],
)
def test_markers_verbs_that_label_or_frame_colour_the_source(nlp_resources: Resources, text: str, term: str) -> None:
    [mark] = _find(_marks(nlp_resources, text), term)
    assert (mark.kind, mark.category) == ("epistemic", "loaded_verb")


@pytest.mark.slow
def test_markers_warned_is_counted_not_marked(nlp_resources: Resources) -> None:
    article, doc, quotes = _parse(nlp_resources, "The mayor warned that the bridge would close.")
    assert [m for m in mark_article(article, doc, quotes, load_lexicons()) if m.kind == "epistemic"] == []
    assert attribution_verbs(article, doc, quotes) == {"warn": 1}


@pytest.mark.slow
def test_markers_counts_according_to(nlp_resources: Resources) -> None:
    article, doc, quotes = _parse(nlp_resources, "The budget will grow, according to the mayor.")
    assert attribution_verbs(article, doc, quotes) == {"according to": 1}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "term", "category"),
    [
        ("The report revealed that the agency had lost the files.", "revealed", "factive"),
        ("The senator speculated that the tax was unfair.", "speculated", "assertive"),
        ("The board refused to publish the audit.", "refused to", "implicative"),
    ],
    ids=["factive", "assertive", "implicative"],
)
def test_markers_epistemic_categories(nlp_resources: Resources, text: str, term: str, category: str) -> None:
    [mark] = _find(_marks(nlp_resources, text), term)
    assert (mark.kind, mark.category) == ("epistemic", category)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The senator argued that the tax was unfair.", "argued"),
        ("A 2022 study found that rents rose.", "found"),
        ("Court records show that the firm paid the fine.", "show"),
        ("Students demanded that the university cut its contracts.", "demanded"),
        ("Prosecutors accused him of fraud.", "accused"),
        ("Officials believe the leak came from inside.", "believe"),
        ("The mayor failed to publish the audit.", "failed to"),
        ("Workers are scrambling to find jobs.", "scrambling to"),
    ],
)
def test_markers_plain_verbs_of_position_or_evidence_are_not_epistemic(
    nlp_resources: Resources, text: str, term: str
) -> None:
    assert [m for m in _find(_marks(nlp_resources, text), term) if m.kind == "epistemic"] == []


# -- hedges ----------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "modal", "hedged"),
    [
        ("The council may vote on the plan next week.", "may", True),  # a possibility the writer cannot confirm
        ("The vote may be delayed.", "may", True),
        ("The figures may be wrong.", "may", True),
        ("Officials may have misled the public.", "may", True),
        ("A judge could freeze the measure.", "could", True),
        ("Investigators could not find the records.", "could", False),  # negated: a fact, not a guess
        ("The owner did not know whether he could reopen.", "could", False),  # asked, not hedged
    ],
    ids=["future-event", "modal-passive", "copula", "perfect", "could", "negated", "indirect-question"],
)
def test_markers_modal_of_possibility_is_a_hedge(nlp_resources: Resources, text: str, modal: str, hedged: bool) -> None:
    found = [m for m in _find(_marks(nlp_resources, text), modal) if (m.kind, m.category) == ("hedge", "hedge")]
    assert bool(found) is hedged


@pytest.mark.slow
@pytest.mark.parametrize("text", ["More arrests are possible.", "Further delays are likely."])
def test_markers_predicate_possible_or_likely_is_a_hedge(nlp_resources: Resources, text: str) -> None:
    term = text.split()[-1].rstrip(".")
    assert [(m.kind, m.category) for m in _find(_marks(nlp_resources, text), term)] == [("hedge", "hedge")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The so-called reform passed on Monday.", "so-called"),
        ("The mayor, who reportedly backs the plan, stayed silent.", "reportedly"),
        ("The self-described reformer took office.", "self-described"),
        ("The board backed what critics call a giveaway.", "what critics call"),
    ],
)
def test_markers_distancing(nlp_resources: Resources, text: str, term: str) -> None:
    [mark] = _find(_marks(nlp_resources, text), term)
    assert (mark.kind, mark.category) == ("hedge", "distancing")


@pytest.mark.slow
def test_markers_hyphenated_entry_needs_its_hyphen(nlp_resources: Resources) -> None:
    assert [m.term for m in _marks(nlp_resources, "A would-be reformer said the plan would be costly.")] == ["would-be"]


# -- scare quotes ----------------------------------------------------------------


@pytest.mark.slow
def test_markers_quoted_phrase_without_speaker_is_a_scare_quote(nlp_resources: Resources) -> None:
    marks = _marks(nlp_resources, "The city adopted a “sanctuary city” ordinance on Tuesday.")
    [mark] = [m for m in marks if m.kind == "scare_quote"]
    assert (mark.term, mark.category) == ("sanctuary city", "scare_quote")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The board promised talks. So much for “dialogue.”", "dialogue"),
        ('The governor promised a rescue. So much for the "rescue."', "rescue"),
        (
            "Varga said the group believes the so-called “rent stabilization” framework breaks state law.",
            "rent stabilization",
        ),
        ("Senator Ruiz has branded the tariff a “stealth tax” and vowed to repeal it.", "stealth tax"),
        ("Opponents painted the new warden as a “reformer” in their mailers.", "reformer"),
    ],
    ids=["full-stop-inside", "straight-marks", "so-called-in-reported-speech", "branded", "painted-as"],
)
def test_markers_scare_quote_kinds(nlp_resources: Resources, text: str, term: str) -> None:
    marks = [m for m in _marks(nlp_resources, text) if m.kind == "scare_quote"]
    assert [m.term for m in marks] == [term]
    assert text[marks[0].start : marks[0].end] == term


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "“We will not cooperate with anyone,” the mayor said.",
        "“Reckless,” the senator said of the plan.",
        "Lawmakers called the plan “a disaster” on Monday.",
        "She read the book “Silent Spring” last summer.",
        "The mayor said the city would send “twice as many officers” downtown.",
        "Asked whether she would run again, she answered: “Never again, I promise.”",
        "“We won.” That was all the mayor said.",
        "Marchers carried signs reading “Justice for Jalen” through downtown.",
        "Fans dubbed the new stadium “The Oven” within a week.",
    ],
    ids=[
        "speech",
        "one-word-speech",
        "called-it",
        "title",
        "partial-quote",
        "answer",
        "sentence-with-stop",
        "written-text",
        "dubbed-name",
    ],
)
def test_markers_speech_is_not_a_scare_quote(nlp_resources: Resources, text: str) -> None:
    assert [m for m in _marks(nlp_resources, text) if m.kind == "scare_quote"] == []


# -- intensifiers and loaded words ---------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "term", "kind", "category"),
    [
        ("The senator slammed the plan on Monday.", "slammed", "intensifier", "dramatic_verb"),
        ("It was the worst decision of the year.", "worst", "intensifier", "superlative"),
        ("Police arrested the most dangerous suspects.", "most dangerous", "intensifier", "superlative"),
        ("The ruling was extremely unusual.", "extremely", "intensifier", "intensifier"),
        ("Officials vowed to hunt down the suspects.", "hunt down", "loaded", "lexicon"),
        ("The agency detained illegal aliens at the port.", "illegal aliens", "loaded", "lexicon"),
        ("The camp conditions were inhumane.", "inhumane", "loaded", "lexicon"),
    ],
)
def test_markers_intensifiers_and_loaded_words(
    nlp_resources: Resources, text: str, term: str, kind: str, category: str
) -> None:
    [mark] = _find(_marks(nlp_resources, text), term)
    assert (mark.kind, mark.category) == (kind, category)


@pytest.mark.slow
def test_markers_plain_superlative_is_not_marked(nlp_resources: Resources) -> None:
    assert _marks(nlp_resources, "Los Angeles is the largest city in the state.") == []


@pytest.mark.slow
def test_markers_loaded_word_inside_quote_is_the_speakers(nlp_resources: Resources) -> None:
    quoted = _find(_marks(nlp_resources, "“This policy is inhumane,” the senator said."), "inhumane")
    own = _find(_marks(nlp_resources, "The senator called the policy inhumane."), "inhumane")
    assert (len(quoted), len(own)) == (0, 1)


@pytest.mark.slow
def test_markers_skip_boilerplate(nlp_resources: Resources) -> None:
    text = "The council met on Monday.\nDonate now to stop this inhumane policy."
    start = text.index("Donate")
    article, doc, quotes = _parse(nlp_resources, text, [Boilerplate(start=start, end=len(text), text=text[start:])])
    assert mark_article(article, doc, quotes, load_lexicons()) == []


# -- lexicons --------------------------------------------------------------------


def test_lexicons_missing_external_dir_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_lexicons(str(tmp_path / "nowhere"))


def test_lexicons_broken_external_dir_raises(tmp_path: Path) -> None:
    (tmp_path / RECASENS).parent.mkdir(parents=True)
    (tmp_path / RECASENS).write_text("brutal\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing"):
        load_lexicons(str(tmp_path))
    (tmp_path / MPQA).parent.mkdir(parents=True)
    (tmp_path / MPQA).write_text("not a clue\n", encoding="utf-8")
    with pytest.raises(InputError, match="no MPQA"):
        load_lexicons(str(tmp_path))


def test_lexicons_shipped_sizes() -> None:
    lexicons = load_lexicons()
    assert len(lexicons.loaded) >= 300
    assert lexicons.attribution["say"].category == "neutral"
    assert lexicons.attribution["claim"].category == "loaded_verb"
    assert not lexicons.recasens and not lexicons.mpqa


@pytest.mark.slow
def test_markers_external_lexicons(nlp_resources: Resources, tmp_path: Path) -> None:
    (tmp_path / RECASENS).parent.mkdir(parents=True)
    (tmp_path / RECASENS).write_text("scheme\nsay\nbudget\n", encoding="utf-8")
    (tmp_path / MPQA).parent.mkdir(parents=True)
    (tmp_path / MPQA).write_text(
        "type=strongsubj len=1 word1=gleeful pos1=adj stemmed1=n priorpolarity=positive\n"
        "type=weaksubj len=1 word1=budget pos1=noun stemmed1=n priorpolarity=neutral\n",
        encoding="utf-8",
    )
    text = "A gleeful mayor said the budget plan was a scheme."
    marks = _marks(nlp_resources, text, str(tmp_path))
    assert {(m.term, m.category) for m in marks} == {("gleeful", "mpqa"), ("budget", "recasens"), ("scheme", "lexicon")}
    plain = _marks(nlp_resources, "The mayor said the plan would pass a careful review.", str(tmp_path))
    assert plain == []


@pytest.mark.slow
def test_markers_real_external_lexicons(nlp_resources: Resources) -> None:
    if not SHARED_LEXICONS.is_dir():
        pytest.skip("../shared/data/lexicons is not available")
    marks = _marks(nlp_resources, "The bill was a blatant attempt to abolish the agency.", str(SHARED_LEXICONS))
    assert {"recasens", "mpqa"} <= {m.category for m in marks}


# -- seeds -----------------------------------------------------------------------


def _seed_marks(comparison: Comparison, article_id: str) -> list[LanguageMark]:
    article = comparison.article(article_id)
    return mark_article(article, comparison.nlp.docs[article_id], comparison.quotes or [], load_lexicons())


@pytest.mark.slow
def test_markers_seeds_right_article(seed_comparison: Comparison) -> None:
    marks = _seed_marks(seed_comparison, "a2")  # the right-leaning seed
    assert ("epistemic", "loaded_verb") in {(m.kind, m.category) for m in _find(marks, "claimed")}
    assert ("hedge", "distancing") in {(m.kind, m.category) for m in _find(marks, "reportedly")}
    assert {m.kind for m in _find(marks, "sanctuary city")} == {"scare_quote"}


@pytest.mark.slow
def test_markers_seeds_left_article(seed_comparison: Comparison) -> None:
    marks = _seed_marks(seed_comparison, "a1")  # the left-leaning seed
    assert {m.kind for m in _find(marks, "inhumane")} == {"loaded"}
    assert {m.kind for m in _find(marks, "hunt down")} == {"loaded"}
    assert {m.kind for m in _find(marks, "sanctuary city")} == {"scare_quote"}
    homan = [q for q in seed_comparison.quotes or [] if q.article == "a1" and q.direct and q.speaker == "Tom Homan"]
    assert homan
    scares = [m for m in marks if m.kind == "scare_quote"]
    assert not [m for m in scares for q in homan if m.start < q.end and q.start < m.end]


@pytest.mark.slow
@pytest.mark.parametrize("article_id", ["a1", "a2"])
def test_markers_seeds_marks_are_well_formed(seed_comparison: Comparison, article_id: str) -> None:
    article = seed_comparison.article(article_id)
    marks = _seed_marks(seed_comparison, article_id)
    sentences = {s.id: s for s in article.sentences}
    for mark in marks:
        assert mark.term == article.text[mark.start : mark.end]
        assert sentences[mark.sentence].start <= mark.start < mark.end <= sentences[mark.sentence].end
        assert mark.why
    assert all(a.end <= b.start for a, b in zip(marks, marks[1:], strict=False))
    counts = attribution_verbs(article, seed_comparison.nlp.docs[article_id], seed_comparison.quotes or [])
    assert counts.get("say", 0) + counts.get("tell", 0) >= 1
