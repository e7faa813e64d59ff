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
    from spacy.tokens import Span, Token

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
# Nouns for documents and figures: "according to port documents" cites a record, not a speaker.
DOCUMENT_NOUNS = frozenset(
    """report study survey poll statement letter document data record figure filing memo analysis review
    audit release website estimate statistic number count tally budget projection forecast chart map
    video footage photo image transcript minutes note email message post tweet""".split()
)
# Nouns ending like agent nouns ("worker", "investor") that are not people.
_NOT_AGENTS = frozenset(
    """paper newspaper letter order center centre number border water matter power chapter register
    computer meter answer corner manner winter summer dinner cancer shelter layer tower finger danger
    transfer trigger filter poster banner charter quarter theater theatre disaster cluster river silver
    timber ledger weather offer other under never floor color colour error factor sector mirror motor
    monitor indicator corridor terror horror labor labour favor favour behavior behaviour honor honour
    humor humour tumor major minor interior exterior""".split()
)
_RELATIVE = frozenset({"who", "that", "which", "whom"})
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
def titles() -> frozenset[str]:
    """Words that may stand before a name as a title: roles plus honorifics and modifiers ("Mr", "former", "City")."""
    return roles() | frozenset(lexicon("titles.txt"))


def verb_kind(token: "Token") -> str | None:
    """``"report"``, ``"name"`` or ``"manner"`` for a speech verb, else ``None``.

    "point out" counts as a reporting verb; a verb used as a noun does not.
    """
    if token.pos_ not in ("VERB", "AUX") and token.tag_[:2] != "VB":
        return None
    lemma = token.lemma_.lower()
    if lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return "report"
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


def person_like(lemma: str) -> bool:
    """Whether a common noun names a person or a kind of person ("sheriff", "dockworker", "activist")."""
    lemma = lemma.lower()
    if lemma in ORG_NOUNS:
        return False
    if lemma in roles() or lemma in ANON_HEADS:
        return True
    if lemma.endswith(("er", "or")) and lemma not in _NOT_AGENTS and len(lemma) > 4:
        return True
    return lemma.endswith(("ist", "ian", "man", "woman", "person", "member", "people", "folk"))


def anonymity_cue(text: str) -> bool:
    """Whether text says a source is not named ("on condition of anonymity", "not authorized to speak")."""
    return bool(_ANON_CUES.search(text))


def according_to(token: "Token") -> "Token | None":
    """For the word "according" in "according to X", the head of X."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for obj in nxt.children:
            if obj.dep_ == "pobj":
                return obj
    return None


def subject_of(verb: "Token", inq: Sequence[bool]) -> "Token | None":
    """The speaker of a reporting verb: its subject, the antecedent of a relative "who",
    the subject it shares with the verb it is coordinated with, or the name right after
    it in an inverted attribution ("…,” said Ana Padilla).
    """
    seen: set[int] = set()
    v = verb
    while v.i not in seen:
        seen.add(v.i)
        for child in v.children:
            if child.dep_ in SUBJECTS and not inq[child.i]:
                if child.lower_ in _RELATIVE and child.tag_ in ("WP", "WDT", "IN"):
                    head = v.head
                    return head if v.dep_ == "relcl" and not inq[head.i] else None
                return child
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.pos_ in ("VERB", "AUX") and not inq[v.head.i]:
            v = v.head
            continue
        break
    # Inverted order right after a closing quotation mark: ‘…,” said Ana Padilla’.
    prev = verb.i - 1
    while prev >= 0 and verb.doc[prev].is_punct and not inq[prev]:
        prev -= 1
    if prev >= 0 and inq[prev]:
        for child in verb.rights:
            if child.pos_ in ("PROPN", "NOUN") and child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "dep"):
                return child
    # A subjectless verb coordinated with a quotation: take the speaker another
    # reporting verb of the sentence already names (‘“…,” the officer said, but explained …’).
    for other in verb.sent:
        if other.i >= verb.i:
            break
        if other.i != verb.i and not inq[other.i] and verb_kind(other) and not is_passive(other):
            for child in other.children:
                if child.dep_ in SUBJECTS and not inq[child.i] and child.lower_ not in _RELATIVE:
                    return child
    return None


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


def _that_clause(verb: "Token") -> tuple[int, int] | None:
    """A "that" clause the parser hung on a noun of the verb's prepositional phrase
    ("claimed during the debate that most of the tax …" read as a relative clause).
    """
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            for rel in obj.children:
                first = rel.left_edge
                if rel.dep_ != "relcl" or first.lower_ != "that" or first.i != obj.i + 1:
                    continue
                if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in rel.children):
                    return first.i + 1, rel.right_edge.i + 1
    return None


def reported_clause(verb: "Token", inq: Sequence[bool]) -> "Span | None":
    """The words a reporting verb reports: its clausal complements ("said (that) …"),
    or, for a parenthetical attribution ("…, the source said, …"; "as X noted"),
    the part of the host clause that holds its main verb.
    """
    doc = verb.doc
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if comps:
        lo = min(c.left_edge.i for c in comps)
        hi = max(c.right_edge.i for c in comps) + 1
    elif (
        verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and any(c.lower_ == "as" for c in verb.children))
    ) and not any(c.dep_ in ("dobj", "xcomp", "prep", "attr", "oprd") for c in verb.children):
        host = verb.head
        a, b = host.left_edge.i, host.right_edge.i + 1
        sub_a, sub_b = verb.left_edge.i, verb.right_edge.i + 1
        words_before = any(t.is_alpha for t in doc[a:sub_a])
        words_after = any(t.is_alpha for t in doc[sub_b:b])
        if words_before and words_after:
            lo, hi = a, b  # "The new funding, Delgado said, would reach …": the whole sentence is reported
        else:
            lo, hi = (a, sub_a) if words_before else (sub_b, b)
    elif (clause := _that_clause(verb)) is not None:
        lo, hi = clause
    else:
        return None
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or (doc[lo].dep_ == "mark" and doc[lo].lower_ == "that")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in "?!":
        hi -= 1
    if hi <= lo:
        return None
    return doc[lo:hi]
