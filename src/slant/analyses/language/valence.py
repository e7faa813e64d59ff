"""How strongly a word judges, from two permissively licensed lexicons read from their installed packages.

VADER (Hutto and Gilbert, ICWSM 2014; MIT, package ``vaderSentiment``): 7,500 words and emoticons
rated for valence by human raters, -4 to +4. Pattern's English sentiment lexicon as shipped by
TextBlob (De Smedt and Daelemans, 2012; BSD/MIT, package ``textblob``): about 2,900 adjective senses
with polarity (-1..1), subjectivity (0..1) and intensity (how much they amplify the next word).
"""

from __future__ import annotations

import functools
import importlib.util
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from slant.errors import ModelUnavailableError


@dataclass(frozen=True)
class Valence:
    """A word's ratings: VADER valence (-4..4), pattern polarity and subjectivity, 0 when not listed."""

    vader: float = 0.0
    polarity: float = 0.0
    subjectivity: float = 0.0


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModelUnavailableError(f"the {package} package is missing; reinstall slant (it is a dependency)")
    path = Path(spec.origin).parent.joinpath(*parts)
    if not path.is_file():
        raise ModelUnavailableError(f"{path} is missing; reinstall the {package} package")
    return path


@functools.cache
def _vader() -> dict[str, float]:
    out: dict[str, float] = {}
    text = _package_file("vaderSentiment", "vader_lexicon.txt").read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].replace("-", "").replace("'", "").isalpha():
            try:
                out[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return out


@functools.cache
def _pattern() -> dict[str, tuple[float, float]]:
    """Word -> (polarity, subjectivity), averaged over the word's senses."""
    sums: dict[str, list[float]] = {}
    root = ET.parse(_package_file("textblob", "en", "en-sentiment.xml")).getroot()
    for word in root.iter("word"):
        form = (word.get("form") or "").lower()
        if not form or " " in form:
            continue
        entry = sums.setdefault(form, [0.0, 0.0, 0.0])
        entry[0] += float(word.get("polarity", 0) or 0)
        entry[1] += float(word.get("subjectivity", 0) or 0)
        entry[2] += 1.0
    return {w: (p / n, s / n) for w, (p, s, n) in sums.items()}


def valence(*forms: str) -> Valence:
    """The ratings of the first listed form of a word (pass the written form, then its lemma)."""
    vader, pattern = _vader(), _pattern()
    v = next((vader[f] for f in (x.lower() for x in forms) if f in vader), 0.0)
    p = next((pattern[f] for f in (x.lower() for x in forms) if f in pattern), (0.0, 0.0))
    return Valence(v, p[0], p[1])
