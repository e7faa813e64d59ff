"""Normalising proper names: trimming, comparison keys, acronyms, and the title words that precede names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from slant.analyses.quotes.speech import roles, titles
from slant.nlp.places import country_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Words that stand before a person's name as a title, and nouns naming a role a person holds
# ("the sheriff said"): one lexicon, shared with quote attribution (slant/data/quotes/).
TITLE_WORDS = titles()
ROLE_WORDS = roles()

# Roles held by one person at a time in a given place: "the mayor" in one article may be
# resolved through another article's "Mayor Teresa Villanueva"; "the teacher" may not.
OFFICES = frozenset(
    """president president-elect governor mayor sheriff senator czar chief director secretary chancellor
    commissioner superintendent chairman chairwoman chair chairperson speaker treasurer ambassador prosecutor
    administrator principal minister judge comptroller founder ceo spokesman spokeswoman spokesperson""".split()
)

# Titles that may stand inside a name span spaCy returns ("Calder County Commissioner Wade Colter").
PERSON_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "sheriff",
    "judge",
    "justice",
    "secretary",
    "minister",
    "chancellor",
    "commissioner",
    "councilmember",
    "councilman",
    "councilwoman",
    "councillor",
    "detective",
    "sgt",
    "sergeant",
    "lt",
    "lieutenant",
    "capt",
    "captain",
    "superintendent",
    "president",
    "director",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "assemblymember",
    "assemblyman",
    "assemblywoman",
    "ambassador",
    "attorney",
    "officer",
    "trustee",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
}

_LEADING = re.compile(r"^(?:the\s+|The\s+|[\"'“”‘’\[\(]+)+")
_POSSESSIVE = re.compile(r"[’']s?$")
_INITIAL_DOT = re.compile(r"(?:^|[\s.])[A-Z]\.$")  # "U.S." keeps its final dot
_TRAILING_MARKS = "\"'“”‘’]),:;!?."
_ACRONYM_SKIP = {"of", "the", "and", "for", "at", "in", "on", "de", "la", "del", "&"}


def clean_name(text: str) -> tuple[str, int]:
    """Trim articles, quote marks, brackets and possessives off a name.

    Returns:
        The trimmed name and its offset inside ``text``.
    """
    lead = _LEADING.match(text)
    offset = lead.end() if lead else 0
    core = text[offset:].split(" (", 1)[0]
    while core:
        if core[-1] == "." and _INITIAL_DOT.search(core):
            break
        if core[-1] in _TRAILING_MARKS and not _POSSESSIVE.search(core[-2:] if len(core) > 1 else ""):
            core = core[:-1]
        elif _POSSESSIVE.search(core) and len(core) > 2:
            core = _POSSESSIVE.sub("", core)
        else:
            break
    stripped = core.lstrip()
    return stripped.rstrip(), offset + (len(core) - len(stripped))


def split_title(words: list[str]) -> int:
    """Index where the name starts after a title inside ``words``, 0 when there is none.

    "Calder County Commissioner Wade Colter" -> 3; the name must be one to three capitalised words.
    """
    for i in range(len(words) - 1, 0, -1):
        title = words[i - 1].lower().rstrip(".")
        if title in PERSON_TITLES or (title.endswith("s") and title[:-1] in PERSON_TITLES):
            rest = words[i:]
            if 1 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest):
                return i
            return 0
    return 0


def name_key(text: str) -> str:
    """A comparison key: lower case, no dots or quote marks, hyphens and spaces folded, titles dropped."""
    key = text.lower().replace("’", "'").replace(".", "")
    key = re.sub(r"[\"“”‘]", "", key)
    key = re.sub(r"\s+", " ", key).strip()
    words = key.split()
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def acronym(text: str) -> str | None:
    """Initials of a multi-word name ("Calder Bay Police Department" -> "CBPD"), or None."""
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.lower() not in _ACRONYM_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


def glued_hyphen(doc: "Doc", j: int) -> bool:
    """Whether token ``j`` is a hyphen written without spaces between two tokens ("Ortiz-Reyes", "Jae-in")."""
    return doc[j].text == "-" and 0 < j < len(doc) - 1 and not doc[j - 1].whitespace_ and not doc[j].whitespace_


def hyphen_tail(span: "Span") -> "Span":
    """A person's name with the hyphenated end the tagger left out: "Moon Jae" + "-in" (an entity keeps its label)."""
    doc, end = span.doc, span.end
    while end + 1 < len(doc) and glued_hyphen(doc, end) and doc[end + 1].is_alpha:
        end += 2
    if end == span.end:
        return span
    out = doc[span.start : end]
    out.label = span.label
    return out


_SEVERAL_LABELS = frozenset({"PERSON", "GPE", "NORP", "LOC"})
"""Entity labels whose coordinations name several things ("North and South Korea"); an organisation's own
name may hold "and" ("Health and Human Services"), and so may a country's ("Trinidad and Tobago")."""


def coordinated(words: Iterable["Token"]) -> bool:
    """Whether the phrase joins several things with a conjunction ("North and South Korea", "Donald and
    Melania Trump", "state and local officials")."""
    return any(t.pos_ == "CCONJ" for t in list(words)[1:-1])


def names_several(words: Iterable["Token"], label: str) -> bool:
    """Whether an entity of ``label`` written as ``words`` names several people or places, not one."""
    words = list(words)
    text = "".join(t.text_with_ws for t in words).rstrip()
    return label in _SEVERAL_LABELS and coordinated(words) and country_of(text) is None
