"""report.view: the lookups every renderer shares."""

from __future__ import annotations

from slant.model import Evidence
from slant.report.view import build_view

from .fixtures import make_bare_comparison, make_comparison, make_comparison3, make_empty_comparison


def test_view_sentences_tagged_with_their_facts() -> None:
    view = build_view(make_comparison())
    a1, a2 = view.articles
    assert [(s.id, [t.id for t in s.facts], s.status) for s in a1.sentences] == [
        ("a1.s1", ["f1"], "shared"),
        ("a1.s2", ["f2"], "contradiction"),
        ("a1.s3", [], None),
        ("a1.s4", ["f3"], "unique"),
    ]
    assert [s.status for s in a2.sentences] == ["shared", "contradiction", "unique", "unique"]


def test_view_evidence_text_is_article_slice() -> None:
    comparison = make_comparison()
    view = build_view(comparison)
    for fact in view.facts or ():
        for ev in fact.evidence:
            assert ev.text == comparison.article(ev.article).text[ev.start : ev.end]
            assert ev.text


def test_view_counts_per_article() -> None:
    view = build_view(make_comparison())
    assert [a.counts for a in view.articles] == [
        {"shared": 1, "contradiction": 1, "unique": 1},
        {"shared": 1, "contradiction": 1, "unique": 2},
    ]


def test_view_facts_ordered_shared_contradiction_unique() -> None:
    view = build_view(make_comparison3())
    assert [(f.id, f.status) for f in view.facts or ()] == [
        ("f1", "shared"),
        ("f5", "shared"),
        ("f2", "contradiction"),
        ("f3", "unique"),
        ("f4", "unique"),
    ]


def test_view_cells_follow_article_order_and_leave_omissions_empty() -> None:
    view = build_view(make_comparison3())
    f5 = next(f for f in view.facts or () if f.id == "f5")
    assert [[ev.text for ev in cell] for cell in f5.cells] == [
        [],
        ["it was cooperating with investigators"],
        ["Keel Logistics is cooperating with investigators"],
    ]
    assert [ref.label for ref in f5.missing] == ["Harbor Daily"]


def test_view_actor_mentions_counted_per_article() -> None:
    view = build_view(make_comparison3())
    assert [(a.name, a.counts, a.total) for a in view.actors or ()] == [
        ("Dana Ortiz", (2, 1, 0), 3),
        ("Keel Logistics", (1, 1, 1), 3),
        ("River Street", (1, 1, 1), 3),
    ]


def test_view_quotes_grouped_by_article() -> None:
    view = build_view(make_comparison())
    a1, a2 = view.articles
    assert [q.direct for q in a1.quotes or ()] == [True, False]
    assert [(q.speaker, q.anonymous) for q in a2.quotes or ()] == [(None, True), ("Keel Logistics", False)]


def test_view_conflict_values_carry_article_labels() -> None:
    (conflict,) = build_view(make_comparison()).contradictions[0].conflicts
    assert [(v.article.label, v.value) for v in conflict.values] == [("Harbor Daily", "40"), ("Metro Ledger", "25")]


def test_view_paragraphs_group_sentences() -> None:
    a1 = build_view(make_comparison()).articles[0]
    assert [[s.id for s in p] for p in a1.paragraphs] == [["a1.s1", "a1.s2"], ["a1.s3", "a1.s4"]]


def test_view_none_means_not_run() -> None:
    view = build_view(make_bare_comparison())
    assert view.facts is None and view.sources is None and view.actors is None
    assert not view.quotes_run
    assert view.articles[0].quotes is None
    assert view.articles[0].ref.label == "a1" and view.articles[1].ref.label == "Metro Ledger"


def test_view_empty_lists_mean_none_found() -> None:
    view = build_view(make_empty_comparison())
    assert view.facts == () and view.sources == () and view.actors == ()
    assert view.quotes_run and view.articles[0].quotes == ()


def test_view_unknown_sentence_id_falls_back_to_offsets() -> None:
    comparison = make_comparison()
    assert comparison.facts is not None
    ev = comparison.facts[2].evidence[0]
    comparison.facts[2].evidence[0] = Evidence(article=ev.article, sentence="a1.s99", start=ev.start, end=ev.end)
    a1 = build_view(comparison).articles[0]
    assert [t.id for t in a1.sentences[3].facts] == ["f3"]


def test_shown_marks_groups_same_wording_and_limits() -> None:
    from slant.report.language_view import MarkView, shown_marks

    def m(kind: str, term: str, start: int, score: float = 1.0) -> MarkView:
        return MarkView(kind, "c", term, f"why {term}", score, "a1.s1", start, start + len(term))

    marks = (
        m("hedge", "reportedly", 50),
        m("loaded", "Illegal immigrants", 10),
        m("loaded", "illegal immigrants", 90),
        m("biased_sentence", "One.", 0, 0.6),
        m("biased_sentence", "Two.", 100, 0.9),
        m("loaded", "radical", 30),
    )
    rows, hidden = shown_marks(marks)
    assert [(r.kind, r.term, r.count) for r in rows] == [
        ("loaded", "Illegal immigrants", 2),
        ("loaded", "radical", 1),
        ("hedge", "reportedly", 1),
        ("biased_sentence", "Two.", 1),
        ("biased_sentence", "One.", 1),
    ]
    assert hidden == 0
    rows, hidden = shown_marks(marks, limit=1)
    assert [r.term for r in rows] == ["Illegal immigrants", "Two.", "One."]
    assert hidden == 2


def test_view_most_loaded_sentence_has_the_most_marks() -> None:
    view = build_view(make_comparison())
    a1, a2 = view.articles
    loaded = a2.most_loaded
    assert loaded is not None
    assert loaded.id == max(a2.sentences, key=lambda s: sum(1 for _, m in s.pieces if m is not None)).id
    assert sum(1 for _, m in loaded.pieces if m is not None) >= 1


def test_view_most_loaded_is_none_without_marks() -> None:
    view = build_view(make_bare_comparison())
    assert all(art.most_loaded is None for art in view.articles)


def test_view_lean_looked_up_per_article() -> None:
    view = build_view(make_comparison())
    lean = view.lean_of("a1")
    assert lean is not None and lean.lean == "left" and lean.evidence[0][0] == "a1.s2"
    assert lean.evidence[0][1] == make_comparison().sentence("a1.s2").text
    assert build_view(make_bare_comparison()).lean_of("a1") is None
