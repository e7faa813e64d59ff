"""Where a quotation's attribution is: the reporting verb and speaker a quoted stretch belongs to.

Three places are tried, in an order that depends on whether the quotation
opens its sentence:

1. after the closing mark: ‘“…,” Crane told Fox News’, ‘“…,” said Rosa Delgado’,
   ‘“…,” according to X’;
2. the verb the quoted words depend on: ‘said she would hire “twice as many inspectors”’,
   ‘the union president called “the floor, not the ceiling”’ (never past a coordinated clause with a
   subject of its own: ‘vowed to sign it, and her office is dangling a “transition fund”’);
3. a clause that introduces it: ‘X said: “…”’, ‘“First part,” the officer said, “second part.”’ (not a
   short term listed after a colon: ‘a parade of charges: “service fees”, “facility charges” and …’)

Quotations with none of these are continued speech or scare quotes; ``quotes.py`` decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from slant.analyses.quotes.quotemarks import Quoted
from slant.analyses.quotes.reporting import according_to, subject_of, words_of
from slant.analyses.quotes.speech import is_negated, is_passive, loose_lemma, person_like, verb_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:…][\"'”’)\]]*)\s*$")
_MAX_CLIMB = 5
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
"""Clauses that describe a noun: climbing from a quotation stops at their verb (``_describes_noun``)."""
_CHARGE_PREPS = frozenset({"of", "for"})
"""Prepositions after which a verb of judgement states its charge in the speaker's words (‘accused X of “…”’)."""
_SPEAKER_POS = ("PROPN", "PRON", "NOUN", "DET", "ADJ", "NUM")


def _describes_noun(node: "Token") -> bool:
    """A verb heading a clause that describes a noun (‘Lund, who made “school choice” her cause, has promised
    …’): climbing from a quotation stops there, as what is quoted in it is not the main verb's speech."""
    return node.dep_ in _NOUN_CLAUSES and node.pos_ in ("VERB", "AUX")


@dataclass(frozen=True)
class Found:
    """An attribution: the reporting verb (or "according" token) and the speaker's head token."""

    verb: "Token"
    lemma: str
    """The verb's lemma, "according to", or "" where no verb attributes (‘in the words of X’)."""
    subject: "Token | None"
    end: int
    """Offset where the attribution ends; speech right after it may continue it."""


def opens_sentence(text: str, quoted: Quoted, paragraph_start: int) -> bool:
    """Whether a quotation starts its sentence (only a sentence end or nothing precedes it in its paragraph)."""
    return bool(_OPENS_SENTENCE.search(text[paragraph_start : quoted.open]))


def _region_tokens(doc: "Doc", quoted: Quoted) -> list["Token"]:
    span = doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
    return [t for t in span if quoted.start <= t.idx < quoted.end] if span is not None else []


def _token_at(doc: "Doc", offset: int) -> "Token | None":
    """The token covering a character offset (``None`` for white space between tokens)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _clause_end(verb: "Token", inq: Sequence[bool]) -> int:
    """Offset where the sentence holding an attribution ends, or the next quotation starts."""
    end = verb.idx + len(verb.text)
    for tok in verb.doc[verb.i : verb.sent.end]:
        if inq[tok.i]:
            break
        end = tok.idx + len(tok.text)
    return end


def _accept(verb: "Token", inq: Sequence[bool], kinds: tuple[str, ...]) -> bool:
    kind = verb_kind(verb)
    return kind in kinds and not inq[verb.i] and not is_passive(verb) and not is_negated(verb)


def _found(verb: "Token", subject: "Token | None", inq: Sequence[bool]) -> Found:
    lemma = verb.lemma_.lower()
    return Found(verb, lemma, subject, _clause_end(verb, inq))


def after(doc: "Doc", quoted: Quoted, inq: Sequence[bool]) -> Found | None:
    """An attribution right after the closing mark: ‘“…,” he said’, ‘“…,” said X’, ‘“…,” according to X’."""
    if quoted.close is None:
        return None
    mark = _token_at(doc, quoted.close)
    i = mark.i + 1 if mark is not None else next((t.i for t in doc if t.idx > quoted.close), None)
    while i is not None and i < len(doc) and doc[i].is_punct and not inq[i] and doc[i].text in ",—–-:;":
        i += 1
    if i is None or i >= len(doc) or inq[i] or "\n" in doc[i].text or doc[i].is_punct:
        return None
    first = doc[i]
    obj = according_to(first)
    if obj is not None:
        return Found(first, "according to", obj, _clause_end(first, inq))
    # Climb from the first word after the quotation to the reporting verb it belongs to.
    node, steps = first, 0
    while steps <= _MAX_CLIMB:
        if _accept(node, inq, ("report", "manner", "name", "judge")):
            subject = subject_of(node, inq)
            # The speaker's phrase follows the quotation; one that holds it describes the speaker (‘Ortiz, who
            # backed “the bargain” last year, told …’) and the quoted words are not what the verb reports.
            if node is first or (
                subject is not None
                and subject.left_edge.i <= first.i <= subject.right_edge.i
                and subject.left_edge.idx > quoted.open
            ):
                return _found(node, subject, inq)
        if node.head.i == node.i or _describes_noun(node):
            break
        node, steps = node.head, steps + 1
    # The parse went astray: find "X[, description,] said" by the shape of the words.
    return _by_shape(doc, i, inq)


def _by_shape(doc: "Doc", i: int, inq: Sequence[bool]) -> Found | None:
    """A speaker's name or description, an optional apposition between commas, then a reporting verb
    (recognised by its spelling too, as the parser may take it for a noun: ‘the 45-year-old recalled’).
    """
    j, end = i, min(len(doc), i + 30)
    while j < end and not inq[j] and (doc[j].pos_ in _SPEAKER_POS or doc[j].tag_ == "HYPH"):
        if j > i and loose_lemma(doc[j]) and doc[j].pos_ != "PROPN":
            break
        j += 1
    nouns = [t for t in doc[i:j] if t.pos_ in ("PROPN", "PRON", "NOUN")]
    if not nouns or j >= end:
        return None
    # The head of the speaker's phrase: its word whose parent lies outside it ("old" in "the 45-year-old").
    heads = [t for t in doc[i:j] if not i <= t.head.i < j and t.pos_ in ("PROPN", "PRON", "NOUN", "ADJ")]
    speaker = heads[0] if heads else nouns[-1]
    if doc[j].text == ",":
        k = j + 1
        while k < end and not inq[k] and doc[k].text not in ",.;!?" and "\n" not in doc[k].text:
            k += 1
        if k >= end or doc[k].text != ",":
            return None
        j = k + 1
    if j < len(doc) and not inq[j] and not is_negated(doc[j]) and (lemma := loose_lemma(doc[j])):
        return Found(doc[j], lemma, speaker, _clause_end(doc[j], inq))
    return None


def _own_clause(node: "Token", inq: Sequence[bool]) -> bool:
    """A coordinated verb with a subject of its own outside the quotation: a clause of its own, which the verb
    it is coordinated with does not report (‘vowed to sign it, and her office is dangling a “transition fund”’)."""
    return (
        node.dep_ == "conj"
        and node.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") and not inq[c.i] for c in node.children)
    )


def governing(doc: "Doc", quoted: Quoted, inq: Sequence[bool]) -> Found | None:
    """The reporting verb the quoted words depend on, outside the quotation."""
    tokens = _region_tokens(doc, quoted)
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside and t.head.i != t.i]
    for root in roots:
        while root.dep_ == "conj" and root.head.i < root.i:
            # ‘called him a “demagogue” and a “bomb-thrower”’: a quoted conjunct depends on what the first one does.
            root = root.head
        if root.dep_ in ("nsubj", "nsubjpass") and not verb_kind(root.head) and root.head.dep_ not in ("ccomp", "conj"):
            continue  # the subject of the writer's own clause (‘while the “moderates” stayed silent’)
        node, steps = root.head, 0
        # A verb of judgement attributes only what it calls something (‘dismissed as “hysterical”’) or
        # what it accuses or blames someone of (‘accusing the president of having “wasted another week”’).
        called = root.dep_ == "oprd" or any(c.lower_ == "as" and c.dep_ in ("mark", "prep") for c in root.children)
        while steps <= _MAX_CLIMB and not inq[node.i]:
            if _accept(node, inq, ("report", "name", "judge") if called else ("report", "name")):
                subject = subject_of(node, inq)
                if subject is not None and subject.i not in inside:
                    return _found(node, subject, inq)
            called = called or node.lower_ == "as" or (node.dep_ == "prep" and node.lower_ in _CHARGE_PREPS)
            if node.head.i == node.i or _describes_noun(node) or _own_clause(node, inq):
                break
            node, steps = node.head, steps + 1
    return None


def before(doc: "Doc", quoted: Quoted, inq: Sequence[bool], text: str, paragraph_start: int) -> Found | None:
    """A clause introducing the quotation: ‘X said: “…”’, ‘X told reporters, “…”’, ‘“…,” he said, “…”’."""
    lead = text[paragraph_start : quoted.open].rstrip()
    if not lead:
        # ‘X said:’ closing the previous paragraph.
        prev_end = len(text[:paragraph_start].rstrip())
        if prev_end == 0 or text[prev_end - 1] != ":":
            return None
        anchor = prev_end - 1
    else:
        anchor = paragraph_start + len(lead) - 1
    last = _token_at(doc, anchor)
    if last is None:
        return None
    while last.i > 0 and last.is_punct and last.text in ",:—–-" and not inq[last.i]:
        last = doc[last.i - 1]
    if inq[last.i] or last.is_punct:
        return None
    node, steps = last, 0
    while steps <= 3 and not inq[node.i]:
        if _accept(node, inq, ("report",)):
            subject = subject_of(node, inq)
            if subject is not None:
                return Found(node, node.lemma_.lower(), subject, quoted.open)
        if node.head.i == node.i or _describes_noun(node):
            break
        node, steps = node.head, steps + 1
    if lead.endswith(":") and not _listed_term(text, quoted):
        # "Whitcombe put it bluntly: “…”": a person's clause introducing the quotation.
        root = last.sent.root if not inq[last.sent.root.i] else last
        while root.pos_ not in ("VERB", "AUX") and root.head.i != root.i:
            root = root.head
        subject = next((c for c in root.children if c.dep_ == "nsubj" and not inq[c.i]), None)
        if subject is not None and (subject.pos_ in ("PROPN", "PRON") or person_like(subject.lemma_)):
            return Found(root, root.lemma_.lower(), subject, quoted.open)
    return None


def _listed_term(text: str, quoted: Quoted) -> bool:
    """A short quoted term the sentence goes on from, as in a list after a colon (‘mystery charges: “service
    fees”, “facility charges” and …’): no words a colon introduces as speech."""
    return len(text[quoted.start : quoted.end].split()) <= 3 and not ends_sentence(text, quoted)


def is_label(doc: "Doc", quoted: Quoted) -> bool:
    """A quoted name or term, not speech: a title in Title Case (CNN's “State of the Union”) or a
    short phrase modifying a noun outside it (a “living wage” ordinance).
    """
    tokens = _region_tokens(doc, quoted)
    words = [t for t in tokens if t.is_alpha]
    if words and len(words) <= 8 and all(w.text[:1].isupper() for w in words if len(w) > 3 or w.i == words[0].i):
        return True
    if not words or len(words) > 3:
        return False
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside]
    return all(r.dep_ in ("compound", "amod", "nmod", "poss") and r.head.pos_ in ("NOUN", "PROPN") for r in roots)


def ends_sentence(text: str, quoted: Quoted) -> bool:
    """Whether a quotation ends its sentence (‘“Not once.”’).

    Unlike a quoted term the sentence reads on from (‘“Living wage” ordinances’).
    """
    if text[quoted.start : quoted.end].rstrip().endswith((".", "!", "?", "…")):
        return True
    if quoted.close is None:
        return True
    rest = text[quoted.close + 1 : quoted.close + 3]
    return not rest.strip() or rest.lstrip()[:1] in ".!?" or rest.startswith("\n")


def clause_or_part(doc: "Doc", quoted: Quoted, inq: Sequence[bool]) -> bool:
    """Whether quoted words are a clause of their own or hang on another quotation (‘… “has become
    dangerous,” and the board “can't wait”’), not a phrase in the writer's own clause (‘the so-called
    “moderates” disagree’).
    """
    tokens = _region_tokens(doc, quoted)
    inside = {t.i for t in tokens}
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return True
    return all(inq[t.head.i] for t in tokens if t.head.i not in inside)


def speech_like(doc: "Doc", quoted: Quoted) -> bool:
    """Whether unattributed quoted words read as speech: a clause of four words or more."""
    tokens = _region_tokens(doc, quoted)
    words = [t for t in tokens if t.is_alpha]
    return len(words) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in tokens)


def phrase_before(doc: "Doc", quoted: Quoted, inq: Sequence[bool]) -> Found | None:
    """A phrase earlier in the quotation's sentence saying whose words follow, with no other
    quotation between: ‘in the words of one federal monitor, … “…”’, ‘had become, according to
    one monitor, “…”’.
    """
    tokens = _region_tokens(doc, quoted)
    if not tokens:
        return None
    sent = tokens[0].sent
    for tok in reversed(doc[sent.start : tokens[0].i]):
        if tok.idx >= quoted.open:
            continue  # the opening mark
        if inq[tok.i]:
            return None
        obj = words_of(tok)
        lemma = ""  # no verb: "in the words of"
        if obj is None:
            obj, lemma = according_to(tok), "according to"
        if obj is not None and not inq[obj.i]:
            return Found(tok, lemma, obj, _clause_end(tok, inq))
    return None


def introduces(verb: "Token", text: str, quoted: Sequence[Quoted]) -> bool:
    """Whether a parenthetical attribution runs straight into a quotation (‘the camp, she said, “has
    become …”’): the quotation, not the sentence around it, is what was said.
    """
    if verb.dep_ not in ("parataxis", "advcl"):
        return False
    end = verb.right_edge.idx + len(verb.right_edge.text)
    return any(q.open >= end and not text[end : q.open].strip(" ,:;—–-") for q in quoted)


def introduced_by(doc: "Doc", quoted: Quoted, inq: Sequence[bool], text: str, paragraph_start: int) -> "Token | None":
    """The name or pronoun the sentence right before a quotation has as its subject, when that sentence
    holds no quotation of its own (‘Sandoval spoke first. “The contract was rigged.”’). For a quotation
    that opens its paragraph, the last sentence of the paragraph before counts when it ends in a colon,
    or in a speech verb with nothing said after it (‘Ovitz noted in a post Wednesday morning.’).
    """
    lead = text[paragraph_start : quoted.open].rstrip()
    opens_paragraph = not lead
    if opens_paragraph:
        # The paragraph before may introduce it: ‘Fox tweeted his own recollection in response:’ or
        # ‘Ovitz noted in a post Wednesday morning.’ (a speech verb with nothing said after it).
        lead = text[:paragraph_start].rstrip()
    if not lead.endswith((".", "!", ":")):
        return None
    anchor = _token_at(doc, len(lead) - 1 if opens_paragraph else paragraph_start + len(lead) - 1)
    if anchor is None or inq[anchor.i] or any(inq[t.i] for t in anchor.sent):
        return None
    root = anchor.sent.root
    if opens_paragraph and not lead.endswith(":"):
        if not verb_kind(root) or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in root.children):
            return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ in ("PROPN", "PRON") else None


def goes_on_from(
    doc: "Doc",
    quoted: Sequence[Quoted],
    n: int,
    attributed: set[int],
    inq: Sequence[bool],
    sentence_id: Callable[[int], str | None],
) -> int | None:
    """The earlier attributed quotation of the same sentence that quoted fragment ``n`` goes on with
    (‘the camp, she said, “has become dangerous,” and the board simply “can't wait another winter”’),
    when no other attribution comes between; ``None`` if there is none.
    """
    q = quoted[n]
    sentence = sentence_id(q.open)
    if sentence is None or is_label(doc, q) or not clause_or_part(doc, q, inq):
        return None
    for k in range(n - 1, -1, -1):
        prev = quoted[k]
        if sentence_id(prev.open) != sentence or prev.close is None:
            return None
        gap = doc.char_span(prev.close + 1, q.open, alignment_mode="expand")
        if gap is not None and any(not inq[t.i] and (verb_kind(t) or according_to(t) is not None) for t in gap):
            return None
        if k in attributed:
            return k
    return None
