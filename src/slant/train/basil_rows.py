"""BASIL's lexical-bias spans as BABE-style training rows for ``slant train tagger``.

BASIL (Fan et al., EMNLP 2019) marks, in real Fox News, New York Times and HuffPost articles, the
phrases that carry lexical bias ("toppled", "hardly contain their disdain", "plot a strategy to torpedo
it") and the facts chosen to sway (informational bias), each flagged when the words are quoted. A
body sentence becomes a row when it holds an unquoted span: Biased, with the content words of its
unquoted lexical spans as its bias-carrying words (an informational span alone gives a biased
sentence with no loaded word). Sentences holding a quoted lexical span are left out (slant never marks
a speaker's words, and teaching them as neutral would teach the wrong thing), and so are the sentences
with no span: BASIL's annotators marked sparingly, so an unmarked sentence is no sure negative, and
BABE gives the tagger its neutral sentences.
"""

from __future__ import annotations

from pathlib import Path

from slant.eval.babe import Row, content_spans
from slant.eval.basil_reader import read_folder


def basil_rows(folder: Path) -> list[Row]:
    """The rows of every article of a BASIL-layout folder (rule in the module note).

    Raises:
        InputError: the folder is not in BASIL's layout (``eval/basil_reader.py``).
    """
    rows: list[Row] = []
    for article in read_folder(folder).articles:
        sentences = article.sentences
        placed: list[list[tuple[int, int, str, bool]]] = [[] for _ in sentences]
        for a in article.annotations:
            for p in a.places:
                placed[p.sentence].append((p.start, p.end, a.bias, a.quote))
        for text, spans in zip(sentences, placed, strict=True):
            if any(bias == "lex" and quote for _, _, bias, quote in spans):
                continue
            own = [(s, e, bias) for s, e, bias, quote in spans if not quote]
            if not own:
                continue
            words = tuple(w for s, e, bias in own if bias == "lex" for w in content_spans(text, s, e))
            rows.append(Row(text.replace("\n", " "), 1, frozenset(), words))
    return rows
