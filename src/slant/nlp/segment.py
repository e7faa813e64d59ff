"""Sentence-boundary rules set before spaCy's parser: line breaks end sentences, title abbreviations do not.

The parser keeps boundaries already set on a token (``is_sent_start`` True or
False), so these rules run as a pipeline component just before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Abbreviations written before a name or a number ("Sgt. Mike Farrell", "Jan. 5"): never a sentence end.
TITLE_ABBREVIATIONS = (
    "Adm. Ald. Amb. Asst. Assoc. Atty. Brig. Capt. Cmdr. Col. Comm. Cpl. Del. Dep. Det. Dist. Dr. Fr. Gen. Gov. "
    "Hon. Insp. Lt. Maj. Mr. Mrs. Ms. Msgr. Mt. Pres. Prof. Pvt. Rep. Rev. Sec. Sen. Sgt. Spc. Sr. St. Supt. "
    "Treas. Jan. Feb. Mar. Apr. Aug. Sep. Sept. Oct. Nov. Dec. No."
).split()
COMPONENT = "slant_boundaries"


def add_abbreviations(nlp: "Language") -> None:
    """Teach the tokenizer to keep each title abbreviation, with its full stop, as one token."""
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer), "slant expects spaCy's rule-based tokenizer"
    for abbreviation in TITLE_ABBREVIATIONS:
        for form in (abbreviation, abbreviation.upper()):
            tokenizer.add_special_case(form, [{ORTH: form}])


def set_boundaries(doc: "Doc") -> "Doc":
    """Start a sentence after every line break; never right after a title abbreviation."""
    abbreviations = set(TITLE_ABBREVIATIONS) | {a.upper() for a in TITLE_ABBREVIATIONS}
    for i, token in enumerate(doc[:-1]):
        following = doc[i + 1]
        if token.is_space and "\n" in token.text:
            following.is_sent_start = True
        elif (
            token.text in abbreviations
            and token.whitespace_
            and (following.text[:1].isupper() or following.text[:1].isdigit())
        ):
            following.is_sent_start = False
    return doc


def install(nlp: "Language") -> Any:
    """Add the abbreviation cases and the boundary component (before the parser) to a pipeline."""
    from spacy.language import Language

    if COMPONENT not in Language.factories:
        Language.component(COMPONENT)(set_boundaries)
    add_abbreviations(nlp)
    return nlp.add_pipe(COMPONENT, before="parser")
