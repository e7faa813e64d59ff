"""Same-referent word choice across articles (analyses/language/terms.py)."""

from __future__ import annotations

import pytest

from slant.analyses.language import contested, terms
from slant.model import Article, Comparison, LanguageMark, Mention, Referent, Term
from slant.nlp.resources import Resources
from slant.pipeline import build_pipeline, run
from slant.settings import Settings


def _comparison(resources: Resources, *texts: str, marks: list[LanguageMark] | None = None) -> Comparison:
    """Articles parsed and run through what ``terms`` reads (actors, facts, referents), with the given marks."""
    settings = Settings()
    comparison = Comparison(articles=[Article(id=f"a{i}", source="test", text=t) for i, t in enumerate(texts, start=1)])
    run(comparison, settings, resources, build_pipeline(["actors", "facts", "referents"]))
    comparison.language = marks
    return comparison


def _grouped(comparison: Comparison, *mentions: tuple[str, str]) -> Comparison:
    """The comparison with one hand-made referent of the given (article, phrase) mentions, in place of the
    pair model's referents, so the test reads the terms logic alone."""
    found = []
    for article, phrase in mentions:
        start = comparison.article(article).text.index(phrase)
        found.append(Mention(article=article, text=phrase, start=start, end=start + len(phrase)))
    comparison.referents = [
        Referent(id="r1", label=mentions[0][1], type="group", mentions=found, articles=sorted({m[0] for m in mentions}))
    ]
    return comparison


def _loaded(article: str, text: str, word: str) -> LanguageMark:
    """A loaded mark on the first ``word`` of ``text`` (in its first sentence)."""
    start = text.index(word)
    return LanguageMark(
        article=article,
        sentence=f"{article}.s1",
        kind="loaded",
        term=word,
        start=start,
        end=start + len(word),
        score=0.9,
        why="test",
    )


def _terms(comparison: Comparison) -> list[Term]:
    found: list[Term] = terms.run(comparison, None, None)["terms"]  # type: ignore[arg-type]
    return found


def _wordings(term: Term) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for v in term.variants:
        out.setdefault(v.article, set()).add(v.text.lower())
    return out


def test_known_referent_groups_the_wordings_of_each_article(nlp_resources: Resources) -> None:
    c = _comparison(
        nlp_resources,
        "The county will not help agents deport undocumented immigrants. Advocates said undocumented immigrants "
        "fear the raids.",
        "The county shields illegal immigrants from deportation. Critics said illegal aliens are released.",
    )
    found = [t for t in _terms(c) if t.referent == "immigrants without legal status"]
    assert len(found) == 1
    term = found[0]
    assert _wordings(term) == {"a1": {"undocumented immigrants"}, "a2": {"illegal immigrants", "illegal aliens"}}
    counts = {v.text.lower(): v.count for v in term.variants}
    assert counts["undocumented immigrants"] == 2
    loaded = {v.text.lower() for v in term.variants if v.loaded}
    assert loaded == {"illegal immigrants", "illegal aliens"}
    spans = [s for v in term.variants for s in v.spans]
    for span in spans:
        text = c.article(span.article).text[span.start : span.end]
        assert text.lower() in {"undocumented immigrants", "illegal immigrants", "illegal aliens"}
    assert term.why and term.id == "t1"


def test_same_wording_everywhere_is_not_a_term(nlp_resources: Resources) -> None:
    c = _comparison(
        nlp_resources,
        "Officials counted the undocumented immigrants at the border.",
        "The report said undocumented immigrants waited for days.",
    )
    assert not [t for t in _terms(c) if t.referent == "immigrants without legal status"]


def test_two_neutral_wordings_are_not_loaded(nlp_resources: Resources) -> None:
    c = _comparison(
        nlp_resources,
        "Hundreds of protesters marched downtown on Friday evening.",
        "Hundreds of demonstrators marched downtown on Friday evening.",
    )
    for term in _terms(c):
        assert not any(v.loaded for v in term.variants)
        assert {v.why for v in term.variants} <= {"neutral description", "name"}


def test_abortion_labels_are_compared(nlp_resources: Resources) -> None:
    c = _comparison(
        nlp_resources,
        "Pro-life groups praised the ruling on Monday.",
        "Anti-abortion groups praised the ruling on Monday.",
    )
    found = [t for t in _terms(c) if t.referent == "opponents of legal abortion"]
    assert len(found) == 1
    # The lexicon's wordings, alone or inside the noun phrase the referent model grouped ("pro-life groups").
    loaded = {v.text.lower().removesuffix(" groups"): v.loaded for v in found[0].variants}
    assert loaded == {"pro-life": True, "anti-abortion": False}


def test_a_compound_modifier_is_not_a_naming(nlp_resources: Resources) -> None:
    c = _comparison(
        nlp_resources,
        "Undocumented immigrant advocates rallied at the capitol.",
        "Illegal immigrants were detained at the capitol.",
    )
    found = [t for t in _terms(c) if t.referent == "immigrants without legal status"]
    assert not found  # "immigrant" in "immigrant advocates" names the advocates


def test_actor_described_differently(nlp_resources: Resources) -> None:
    c = _comparison(
        nlp_resources,
        "Border czar Mark Fellner said the city would face consequences. Fellner spoke on Tuesday.",
        "Former acting immigration director Mark Fellner said the city broke the law.",
    )
    found = [t for t in _terms(c) if t.actor is not None]
    assert len(found) == 1
    term = found[0]
    assert term.referent == "Mark Fellner"
    assert _wordings(term) == {"a1": {"border czar"}, "a2": {"former acting immigration director"}}


def test_the_same_description_in_more_or_fewer_words_is_not_a_difference(nlp_resources: Resources) -> None:
    c = _comparison(
        nlp_resources,
        "City Councilwoman Dana Ruiz voted no.",
        "Councilwoman Dana Ruiz voted no on Tuesday.",
    )
    assert not [t for t in _terms(c) if t.actor is not None]


def test_same_head_with_a_loaded_modifier(nlp_resources: Resources) -> None:
    first = "Violent protesters blocked the bridge for hours."
    second = "Student protesters blocked the bridge for hours."
    mark = _loaded("a1", first, "Violent")
    c = _grouped(
        _comparison(nlp_resources, first, second, marks=[mark]),
        ("a1", "Violent protesters"),
        ("a2", "Student protesters"),
    )
    found = [t for t in _terms(c) if {v.text for v in t.variants} == {"Violent protesters", "Student protesters"}]
    assert len(found) == 1
    variants = {v.text: v for v in found[0].variants}
    assert variants["Violent protesters"].loaded and variants["Violent protesters"].why.startswith("loaded modifier")
    assert not variants["Student protesters"].loaded and variants["Student protesters"].neutral
    assert found[0].referent == "Student protesters"  # the neutral wording names the row
    # without a loaded mark the two wordings share their head: not a word-choice difference
    c2 = _grouped(_comparison(nlp_resources, first, second), ("a1", "Violent protesters"), ("a2", "Student protesters"))
    assert not [t for t in _terms(c2) if "Student protesters" in {v.text for v in t.variants}]


def test_a_loaded_modifier_keeps_its_own_wording_against_the_bare_head(nlp_resources: Resources) -> None:
    first = "The committee held a hearing on Monday. The hearing lasted six hours."
    second = "The committee held a bruising legislative hearing on Monday. The hearing lasted six hours. The hearing ended late."
    mark = _loaded("a2", second, "bruising")
    start = mark.start

    def grouped(marks: list[LanguageMark] | None) -> Comparison:
        c = _comparison(nlp_resources, first, second, marks=marks)
        spans = [("a1", first, first.index("hearing")), ("a2", second, start)]
        spans += [("a2", second, i) for i in (second.index("The hearing"), second.rindex("The hearing"))]
        found = []
        for article, text, at in spans:
            end = text.index("hearing", at) + len("hearing")
            found.append(Mention(article=article, text=text[at:end], start=at, end=end))
        c.referents = [Referent(id="r1", label="hearing", type="event", mentions=found, articles=["a1", "a2"])]
        return c

    found = _terms(grouped([mark]))
    assert len(found) == 1
    variants = {(v.article, v.text): v for v in found[0].variants}
    loaded = variants[("a2", "bruising legislative hearing")]
    assert loaded.loaded and loaded.why.startswith("loaded modifier")
    assert not variants[("a1", "hearing")].loaded
    # unmarked, the longer description is the same wording in more words: no row
    assert not _terms(grouped(None))


def test_different_heads_are_a_plain_word_choice(nlp_resources: Resources) -> None:
    c = _grouped(
        _comparison(
            nlp_resources,
            "The caravan reached the border crossing on Monday.",
            "Asylum seekers reached the border crossing on Monday.",
        ),
        ("a1", "caravan"),
        ("a2", "Asylum seekers"),
    )
    [term] = [t for t in _terms(c) if t.referent_id == "r1"]
    assert {v.article: v.text for v in term.variants} == {"a1": "caravan", "a2": "Asylum seekers"}
    assert not any(v.loaded for v in term.variants) and term.contrast > 0.5


def test_a_possessor_is_a_wording_of_its_own(nlp_resources: Resources) -> None:
    # "the conglomerate" owns "plants": its own head must not be dropped as a possessive modifier
    c = _grouped(
        _comparison(
            nlp_resources,
            "The steelmaker said the mill would stay open.",
            "The conglomerate's plants will stay open, the company said.",
        ),
        ("a1", "steelmaker"),
        ("a2", "conglomerate"),
    )
    [term] = [t for t in _terms(c) if t.referent_id == "r1"]
    assert _wordings(term) == {"a1": {"steelmaker"}, "a2": {"conglomerate"}}


def test_a_relative_clause_holding_a_loaded_word_is_part_of_the_wording(nlp_resources: Resources) -> None:
    first = "Critics said the deployment was risky."
    second = "Critics who whine about the deployment said it was risky."
    start = second.index("whine")
    mark = LanguageMark(
        article="a2", sentence="a2.s1", kind="loaded", term="whine", start=start, end=start + 5, score=0.9, why="t"
    )
    c = _grouped(_comparison(nlp_resources, first, second, marks=[mark]), ("a1", "Critics"), ("a2", "Critics"))
    [term] = [t for t in _terms(c) if t.referent_id == "r1"]
    assert _wordings(term) == {"a1": {"critics"}, "a2": {"critics who whine about the deployment"}}
    loaded = [v for v in term.variants if v.article == "a2"]
    assert loaded[0].loaded and loaded[0].why.startswith("loaded modifier")
    c2 = _grouped(_comparison(nlp_resources, first, second), ("a1", "Critics"), ("a2", "Critics"))
    assert not [t for t in _terms(c2) if t.referent_id == "r1"]  # without the mark: one wording, no row


def test_referent_lexicon_is_well_formed() -> None:
    variants = contested.referent_lexicon()
    assert len(variants) > 80
    assert {v.judgement for v in variants} <= {"loaded", "neutral", "euphemism"}
    for referent in {v.referent for v in variants}:
        judgements = {v.judgement for v in variants if v.referent == referent}
        assert judgements - {"neutral"}, f"{referent}: no loaded or euphemistic wording, never a term"
    keys = [(v.referent, v.lemmas) for v in variants]
    assert len(keys) == len(set(keys))


def test_seed_illegal_and_undocumented_are_one_referent(seed_comparison: Comparison) -> None:
    found = [t for t in seed_comparison.terms or [] if t.referent == "immigrants without legal status"]
    assert len(found) == 1
    wordings = _wordings(found[0])
    assert "undocumented immigrants" in wordings["a1"]
    assert "illegal immigrants" in wordings["a2"]
    assert [v.text.lower() for v in found[0].variants if v.loaded] == ["illegal immigrants"]


def test_seed_homan_descriptions(seed_comparison: Comparison) -> None:
    homan = [t for t in seed_comparison.terms or [] if t.actor is not None and "Homan" in t.referent]
    assert len(homan) == 1
    wordings = _wordings(homan[0])
    assert "border czar" in wordings["a1"]
    assert "former acting ice director" in wordings["a2"]


@pytest.mark.parametrize("name", ["harbor", "shelter", "fire", "tax", "books", "qa_camp"])
def test_examples_terms_are_real_differences(examples, name: str) -> None:  # type: ignore[no-untyped-def]
    """Every term of the bundled examples is named in two or more articles, not the same way in all,
    each variant's spans spell its wording, and terms come most contrasting first."""
    import slant

    paths = sorted(str(p) for p in examples.glob(f"{name}*.txt"))
    settings = slant.Settings().with_(analyses=("actors", "terms"))
    comparison = slant.compare(slant.read_articles(paths), settings)
    found = comparison.terms or []
    assert len(found) <= 20
    assert [t.contrast for t in found] == sorted((t.contrast for t in found), reverse=True)
    for term in found:
        per_article: dict[str, set[str]] = {}
        for v in term.variants:
            per_article.setdefault(v.article, set()).add(v.text.lower())
            text = comparison.article(v.article).text
            assert all(v.text.lower().strip('“”"') in text[s.start : s.end].lower() or v.count > 1 for s in v.spans[:1])
        assert len(per_article) >= 2
        assert len({frozenset(s) for s in per_article.values()}) > 1


def test_actor_labelled_by_apposition(nlp_resources: Resources) -> None:
    c = _comparison(
        nlp_resources,
        "State Senator Ann Brody, a tax-and-spend liberal, voted against the bill on Monday.",
        "State Senator Ann Brody, a veteran budget writer, voted against the bill on Monday.",
    )
    [term] = [t for t in _terms(c) if t.actor is not None]
    assert _wordings(term) == {
        "a1": {"state senator", "tax-and-spend liberal"},
        "a2": {"state senator", "veteran budget writer"},
    }


def test_referent_judgements_agree_with_the_loaded_lexicon() -> None:
    """A wording the referent list calls neutral is never in the loaded-language lexicon, and vice versa."""
    from slant.analyses.language.lexicons import load_lexicons

    loaded = {" ".join(e.words) for e in load_lexicons().loaded}
    for v in contested.referent_lexicon():
        wording = " ".join(v.lemmas).replace(" - ", "-")
        if v.judgement == "neutral":
            assert wording not in loaded, f"{wording!r} is neutral in referents.txt but loaded in loaded.txt"


def test_words_inside_a_direct_quotation_are_no_variant(nlp_resources: Resources) -> None:
    """A speaker's words are not the outlet's wording: a mention inside a direct quotation is left out of
    the terms (the referent still holds it), and a row needs two articles' own wordings."""
    first = 'Officials moved the asylum seekers to the hotel. "The freeloaders cost us a fortune," said Mark Poole.'
    second = "The county housed the newcomers at the hotel on Monday."
    c = Comparison(articles=[Article(id=f"a{i}", source="test", text=t) for i, t in enumerate((first, second), 1)])
    run(c, Settings(), nlp_resources, build_pipeline(["actors", "facts", "referents", "quotes"]))
    c.language = []
    assert any(q.direct and "freeloaders" in q.text for q in c.quotes or [])
    quoted_only = _grouped(c, ("a1", "freeloaders"), ("a2", "newcomers"))
    assert not [t for t in _terms(quoted_only) if t.referent_id == "r1"]
    both = _grouped(c, ("a1", "asylum seekers"), ("a1", "freeloaders"), ("a2", "newcomers"))
    [term] = [t for t in _terms(both) if t.referent_id == "r1"]
    assert _wordings(term) == {"a1": {"asylum seekers"}, "a2": {"newcomers"}}
