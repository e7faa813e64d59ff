"""A person's name found again where the tagger saw no name (analyses/actors/sweep.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from spacy.lang.en import English
from spacy.tokens import Doc

from slant.analyses.actors.linking import Named
from slant.analyses.actors.sweep import again


def _doc(words: list[str], pos: list[str], ents: list[str] | None = None) -> Doc:
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ",", "]"} and words[i] != "[" for i in range(len(words))]
    return Doc(
        English().vocab, words=words, spaces=spaces, pos=pos, ents=ents, sent_starts=[w == words[0] for w in words]
    )


def _comparison(docs: dict[str, Doc]) -> Any:
    articles = [SimpleNamespace(id=k, sentences=[SimpleNamespace(start=0, end=len(d.text))]) for k, d in docs.items()]
    return SimpleNamespace(articles=articles, nlp=SimpleNamespace(docs=docs))


def _named(article: str, doc: Doc, text: str, label: str = "PERSON") -> Named:
    start = doc.text.index(text)
    return Named(article, start, start + len(text), text, label, text.lower(), text.lower().split())


TAGGED = _doc(["Delaney", "spoke", "and", "Delaney", "left", "."], ["PROPN", "VERB", "CCONJ", "PROPN", "VERB", "PUNCT"])
_LATER = TAGGED.text.rindex("Delaney")
BOTH = [_named("a1", TAGGED, "Delaney"), Named("a1", _LATER, _LATER + 7, "Delaney", "PERSON", "delaney", ["delaney"])]


def test_sweep_finds_a_name_the_tagger_missed_in_another_article() -> None:
    missed = _doc(
        ["I", "reminded", "[", "Delaney", "]", "that", "the", "Delaney", "Tower", "stood", "."],
        ["PRON", "VERB", "X", "X", "X", "SCONJ", "DET", "PROPN", "PROPN", "VERB", "PUNCT"],
    )
    comparison = _comparison({"a1": TAGGED, "a2": missed})
    swept = again(comparison, BOTH)
    assert [(n.article, n.text, missed.text[n.start : n.end]) for n in swept] == [("a2", "Delaney", "Delaney")]
    assert swept[0].start == missed.text.index("[Delaney]") + 1  # "the Delaney Tower" is another name


def test_sweep_leaves_a_name_the_story_mostly_leaves_untagged() -> None:
    """Tagged a person once, written untagged twice: the tagger's one reading is not trusted."""
    other = _doc(
        ["They", "met", "at", "Harrowgate", "and", "left", "Harrowgate", "."],
        ["PRON", "VERB", "ADP", "PROPN", "CCONJ", "VERB", "PROPN", "PUNCT"],
    )
    once = _doc(["Harrowgate", "spoke", "."], ["PROPN", "VERB", "PUNCT"])
    comparison = _comparison({"a1": once, "a2": other})
    assert again(comparison, [_named("a1", once, "Harrowgate")]) == []


def test_sweep_skips_text_an_entity_already_covers() -> None:
    """The tagger read "Delaney" there as a title of a work: the sweep does not overrule it."""
    covered = _doc(
        ["They", "read", "Delaney", "twice", "."],
        ["PRON", "VERB", "PROPN", "ADV", "PUNCT"],
        ["O", "O", "B-WORK_OF_ART", "O", "O"],
    )
    comparison = _comparison({"a1": TAGGED, "a2": covered})
    assert again(comparison, BOTH) == []
