"""Reporting verbs and the dependency patterns of attribution: who speaks, and what they say.

The lexicons ship as text files in ``slant/data/quotes/`` (``verbs.txt``,
``roles.txt``, ``titles.txt``). Every function here reads one parsed token and
its neighbours; ``inq`` is the per-token flag "inside a quotation" that
``quotes.py`` computes, so words inside quotation marks never count as
attribution.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = ("nsubj",)
PASSIVE = ("nsubjpass", "auxpass", "csubjpass")
ANON_HEADS = frozenset({"source", "insider"})
# Honorifics and abbreviated titles: before a name they make it a person's.
HONORIFICS = frozenset(
    "mr mrs ms miss dr sir dame rev reverend father sister prof sen rep gov lt sgt capt col gen adm".split()
)
# Nouns for bodies, documents and outlets: they speak, but are not people ("the department said").
ORG_NOUNS = frozenset(
    """department agency office company firm government administration council committee board group
    organization organisation union campaign court commission ministry party team coalition alliance
    association institute foundation university school district city county state country nation police
    military army authority bureau service newspaper paper network station outlet report study survey
    poll statement letter document data record website site page post filing lawsuit complaint memo
    analysis review audit release agreement plan bill law order ordinance measure""".split()
)
# Organisations and institutions: things that are not people but may speak ("the department said").
BODY_NOUNS = ORG_NOUNS - frozenset(
    """report study survey poll statement letter document data record website site page post filing lawsuit
    complaint memo analysis review audit release agreement plan bill law order ordinance measure""".split()
) | frozenset(
    """family church hospital clinic airline bank club league panel jury legislature parliament congress senate
    assembly cabinet embassy consulate regime lab laboratory charity nonprofit utility town township village
    borough municipality province region delegation caucus chamber council staff crew""".split()
)
# Offices one person holds at a time: "the governor" is not someone the article calls "Mayor".
OFFICES = frozenset(
    """mayor governor senator representative councilmember assemblymember sheriff judge justice president
    chancellor prime minister secretary commissioner supervisor superintendent prosecutor treasurer
    chief speaker chair""".split()
)
# Nouns for documents and figures: "according to port documents" cites a record, not a speaker.
DOCUMENT_NOUNS = frozenset(
    """report study survey poll statement letter document data record figure filing memo analysis review
    audit release website estimate statistic number count tally budget projection forecast chart map
    video footage photo image transcript minutes note email message post tweet ad advertisement commercial
    suit lawsuit complaint resolution petition motion brief""".split()
)
# Nouns ending like agent nouns ("worker", "investor") that are not people.
_NOT_AGENTS = frozenset(
    """paper newspaper letter order center centre number border water matter power chapter register
    computer meter answer corner manner winter summer dinner cancer shelter layer tower finger danger
    transfer trigger filter poster banner charter quarter theater theatre disaster cluster river silver
    timber ledger weather offer other under never floor color colour error factor sector mirror motor
    indicator corridor terror horror labor labour favor favour behavior behaviour honor honour
    humor humour tumor major minor interior exterior""".split()
)
_NP_DROP = frozenset({"relcl", "appos", "acl", "punct", "advcl", "cc", "conj", "parataxis", "det", "nummod", "predet"})
_ANON_CUES = re.compile(
    r"""(?ix)
    \banonym(?:ity|ous|ously)\b
    | \b(?:unnamed|unidentified)\b
    | \b(?:not|n't)\s+(?:been\s+|be\s+)?(?:authori[sz]ed|permitted|allowed|cleared)\s+to\s+(?:speak|discuss|comment|talk|be\s+(?:named|identified|quoted))
    | \b(?:declined|refused|asked|requested|wished|wanted)\s+(?:not\s+)?to\s+be\s+(?:named|identified|quoted)
    | \b(?:asked|requested|declined)\s+(?:that\s+)?(?:his|her|their)\s+names?\s+(?:not\s+)?(?:be\s+)?(?:used|published|withheld)
    | \bon\s+(?:the\s+)?condition\s+(?:that\s+)?(?:he|she|they|it)\s+not\s+be\s+(?:named|identified)
    | \bon\s+background\b
    | \bfamiliar\s+with\b
    | \bgranted\s+anonymity\b
    """
)


@cache
def lexicon(name: str) -> tuple[str, ...]:
    """The non-comment lines of a lexicon file shipped in ``slant/data/quotes/``."""
    text = (resources.files("slant") / "data" / "quotes" / name).read_text(encoding="utf-8")
    return tuple(s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#"))


@cache
def platforms() -> frozenset[str]:
    """Lower-cased names of social networks and platforms (``platforms.txt``): never people."""
    return frozenset(p.lower() for p in lexicon("platforms.txt"))


@cache
def _verbs() -> Mapping[str, str]:
    out: dict[str, str] = {}
    for line in lexicon("verbs.txt"):
        lemma, _, kind = line.partition("\t")
        out[lemma.strip()] = kind.strip() or "report"
    return MappingProxyType(out)


@cache
def roles() -> frozenset[str]:
    """Nouns naming a role or kind of person ("sheriff", "activist", "source")."""
    return frozenset(lexicon("roles.txt"))


@cache
def _people() -> frozenset[str]:
    return frozenset(lexicon("people.txt"))


@cache
def _role_forms() -> Mapping[str, str]:
    out: dict[str, str] = {}
    for line in lexicon("role_aliases.txt"):
        forms = [f.strip() for f in line.split("|") if f.strip()]
        for form in forms:
            out.setdefault(form, forms[0])
    return MappingProxyType(out)


def _singular(word: str) -> str:
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def role_key(words: str) -> str | None:
    """The role a title or role noun names, one form for all its spellings, else ``None``.

    "Councilmembers", "councilwoman" and "council member" give "councilmember";
    "Sen." gives "senator"; "sheriff" gives "sheriff"; "process" gives ``None``.
    """
    word = " ".join(words.lower().replace(".", " ").split())
    forms = _role_forms()
    for form in (word, _singular(word)):
        if form in forms:
            return forms[form]
        if form in roles():
            return form
    return None


@cache
def titles() -> frozenset[str]:
    """Words that may stand before a name as a title: roles plus honorifics and modifiers ("Mr", "former", "City")."""
    return roles() | frozenset(lexicon("titles.txt"))


def verb_kind(token: "Token") -> str | None:
    """``"report"``, ``"name"``, ``"judge"`` or ``"manner"`` for a speech verb, else ``None``.

    "point out" counts as a reporting verb; a verb used as a noun does not.
    """
    if token.pos_ not in ("VERB", "AUX") and token.tag_[:2] != "VB":
        return None
    lemma = token.lemma_.lower()
    if lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return "report"
    if lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return "report"  # "as one deputy put it, “…”"
    return _verbs().get(lemma)


def loose_lemma(token: "Token") -> str | None:
    """The speech verb a word spells even when mis-tagged ("recalled" read as a noun), else ``None``."""
    if verb_kind(token):
        return token.lemma_.lower()
    word = token.lower_
    irregular = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "writes": "write"}
    if word in irregular:
        return irregular[word]
    for suffix in ("ed", "es", "d", "s"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and _verbs().get(stem) in ("report", "manner"):
            return stem
    return None


def is_passive(token: "Token") -> bool:
    """Whether a verb is in the passive voice ("was told", "is said to", "as first reported by")."""
    if any(c.dep_ in PASSIVE for c in token.children):
        return True
    return token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children)


def is_negated(token: "Token") -> bool:
    """Whether a verb is negated ("did not say")."""
    return any(c.dep_ == "neg" for c in token.children)


def listed_person(word: str) -> bool:
    """Whether a word is listed as a role or a word for people ("grocer", "resident"), not guessed from its ending."""
    word = word.lower()
    return word in roles() or word in _people() or role_key(word) is not None


def person_like(lemma: str) -> bool:
    """Whether a common noun names a person or a kind of person ("sheriff", "dockworker", "activist")."""
    lemma = lemma.lower()
    if lemma in ORG_NOUNS:
        return False
    if lemma in roles() or lemma in ANON_HEADS or lemma in _people() or role_key(lemma):
        return True
    if lemma.endswith(("er", "or")) and lemma not in _NOT_AGENTS and len(lemma) > 4:
        return True
    return lemma.endswith(("ist", "ian", "man", "woman", "person", "member", "people", "folk"))


def may_speak(head: "Token") -> bool:
    """Whether the head of an attribution's subject can be a speaker: a name, a pronoun, a person,
    a group of people or an organisation ("the department said"), not a document or a thing
    ("the report said", "licences saying", "a mark saying").
    """
    lemma = head.lemma_.lower()
    if head.pos_ == "PROPN" and not head.ent_type_ and head.tag_ == "NNPS" and head.is_sent_start:
        lemma = _singular(head.lower_)  # a plural noun capitalised at the start of a sentence ("Licences issued …")
    elif head.pos_ != "NOUN" or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if lemma in DOCUMENT_NOUNS:
        return False
    return person_like(lemma) or lemma in BODY_NOUNS or head.lower_ in BODY_NOUNS or head.text.endswith("-old")


def anonymity_cue(text: str) -> bool:
    """Whether text says a source is not named ("on condition of anonymity", "not authorized to speak")."""
    return bool(_ANON_CUES.search(text))


def noun_phrase(head: "Token", inq: Sequence[bool], keep_det: bool = False) -> tuple[int, int]:
    """Character span of the noun phrase a head token heads, without relative clauses,
    appositions or (unless ``keep_det``) leading determiners and numerals.
    """
    left = head.i
    for child in head.lefts:
        if child.dep_ in _NP_DROP and not (keep_det and child.dep_ in ("det", "nummod", "predet")):
            continue
        if child.dep_ == "poss" and not keep_det:
            continue
        left = min(left, child.left_edge.i)
        break
    right = head.i
    for child in head.rights:
        if child.dep_ in _NP_DROP or inq[child.i]:
            break
        right = max(right, child.right_edge.i)
    while right > left and (head.doc[right].is_punct or inq[right]):
        right -= 1
    doc = head.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)
