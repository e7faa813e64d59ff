"""Known contested referents: wordings of one thing that take a side ("illegal aliens" / "undocumented
immigrants", "death tax" / "estate tax"), from ``slant/data/language/referents.txt``.

Each line gives a referent, one wording as a lemma sequence (matched at the end of a noun phrase;
hyphenated ones, "pro-life", also as a modifier), its judgement (loaded, neutral, euphemism) and why.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING

from slant.analyses.actors.descriptions import QUOTE_CHARS, Use

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Variant:
    """A wording of a known contested referent."""

    referent: str
    lemmas: tuple[str, ...]
    judgement: str
    why: str


@functools.cache
def referent_lexicon() -> tuple[Variant, ...]:
    """The known contested referents and their wordings, from ``slant/data/language/referents.txt``."""
    text = (importlib_resources.files("slant") / "data" / "language" / "referents.txt").read_text(encoding="utf-8")
    out: list[Variant] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        referent, variant, judgement, why = (line.split("\t") + ["", "", ""])[:4]
        lemmas = tuple(variant.lower().replace("-", " - ").split())
        out.append(Variant(referent.strip(), lemmas, judgement.strip() or "neutral", why.strip()))
    return tuple(out)


def _token_lemmas(doc: "Doc") -> list[str]:
    return [t.lemma_.lower() if t.pos_ in {"NOUN", "PROPN"} else t.lower_ for t in doc]


def _is_phrase_head(token: "Token") -> bool:
    """True when no noun follows the token inside its phrase ("immigrant" in "immigrant rights" is not)."""
    return not (token.dep_ in {"compound", "amod"} and token.head.i > token.i and token.head.pos_ in {"NOUN", "PROPN"})


def known_uses(article_id: str, doc: "Doc", bounds: list[tuple[int, int]]) -> list[tuple[Variant, Use]]:
    """Places where the article uses a wording of a known contested referent (longest wording wins)."""
    lemmas = _token_lemmas(doc)
    by_last: dict[str, list[Variant]] = defaultdict(list)
    for v in referent_lexicon():
        by_last[v.lemmas[-1]].append(v)
    for group in by_last.values():
        group.sort(key=lambda v: -len(v.lemmas))
    found: list[tuple[Variant, Use]] = []
    taken: set[int] = set()
    for token in doc:
        candidates = by_last.get(lemmas[token.i]) or by_last.get(token.lower_)
        if not candidates or token.i in taken:
            continue
        head = _is_phrase_head(token)
        for v in candidates:
            if not head and "-" not in v.lemmas:
                continue  # "immigrant" in "immigrant advocates" names the advocates; "pro-life groups" is fine
            n = len(v.lemmas)
            first = token.i - n + 1
            if first < 0:
                continue
            window = [doc[j].lower_.strip(QUOTE_CHARS) for j in range(first, token.i)]
            if window != list(v.lemmas[:-1]) or v.lemmas[-1] not in {lemmas[token.i], token.lower_}:
                continue
            if n == 1 and token.pos_ not in {"NOUN", "PROPN"}:
                continue  # "undocumented" as an adjective of another noun is not a naming
            start, end = doc[first].idx, token.idx + len(token.text)
            if not any(a <= start and end <= b for a, b in bounds):
                continue
            taken.update(range(first, token.i + 1))
            found.append((v, Use(article_id, " ".join(v.lemmas), doc.text[start:end], start, end)))
            break
    return found
