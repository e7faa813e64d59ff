"""The mention table's reading of one phrase: whether it is definite (the, a possessive)."""

from __future__ import annotations

import pytest

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
