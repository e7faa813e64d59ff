"""Epistemic markers judged from the parse: attribution verbs, factives, assertives, implicatives, hedges.

A verb is an attribution when it reports what a source said: it is the reporting
verb of one of the article's quotes, governs a clausal complement ("claimed that
…"), stands as a parenthetical ("…, he insisted."), or is "according to". Verbs
that colour the speaker even with a noun object ("admitted the error") say so in
the lexicon (``object=yes``); "the sign warned drivers" reports nothing and is
left alone. The categories follow Recasens et al. (2013), who list report verbs,
factives and assertives (Hooper 1975), implicatives (Karttunen 1971) and hedges
(Hyland 2005) as cues of biased language.

A modal "may", "might" or "could" of possibility is a hedge, as the annotation brief of the gold
sets defines it ("students may face suspension", "the figures may be wrong", "may have misled"),
unless negated ("could not find": ability, or a fact) or inside an indirect question ("whether he
could reopen"). Before issue 16's seventeenth session only a modal before a copula, a perfect or a
stative verb was marked; every gold set disagreed (docs/EVALUATION.md). Words inside quotation marks
are the speaker's, not the writer's, and are never marked here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from slant.analyses.language.lexicons import Entry, Hit, Lexicons
from slant.analyses.language.phrases import index
from slant.analyses.quotes.reporting import according_to
from slant.analyses.quotes.speech import may_speak, verb_kind
from slant.model import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RANK = 1  # epistemic verbs win over every other kind but scare quotes
HEDGE_RANK = 2
_MODALS = frozenset({"may", "might", "could"})
_QUESTION_MARKS = frozenset({"whether", "if"})  # "whether he could reopen": the modal is what is asked
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_HEDGE_SUBJECTLESS = frozenset({"suggest", "indicate"})  # "the data suggest that …"
_WHAT_CALL = re.compile(
    r"\bwhat\s+(?:[\w’'-]+\s+){1,3}?(?:call|calls|called|dub|dubs|dubbed|term|terms|termed|describe[sd]?\s+as)\b",
    re.IGNORECASE,
)
_WHY = {
    "factive": '"{term}" presents what the source said as established fact, where "said" would leave it to them',
    "assertive": '"{term}" frames the words as the source\'s contested position, where "said" would be neutral',
    "hedge": '"{term}" hedges: it presents the claim as uncertain',
    "distancing": '"{term}" keeps the writer at a distance from the claim or the name it qualifies',
}


def _is_verb(tok: "Token") -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _subject(tok: "Token") -> "Token | None":
    v: Token | None = tok
    while v is not None:
        for child in v.children:
            if child.dep_ in ("nsubj", "nsubjpass", "expl"):
                return child
        v = v.head if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i else None
    return None


def _clause(tok: "Token") -> bool:
    """Whether a verb governs a finite clause ("claimed that …", "said he would …"), not a small
    clause ("found him guilty").
    """
    for c in tok.children:
        if c.dep_ != "ccomp" or not _is_verb(c):
            continue
        if c.tag_ in _FINITE or any(a.dep_ in ("aux", "auxpass", "mark") for a in c.children):
            return True
    return False


def linked_verbs(doc: "Doc", quotes: Sequence[Quote], inq: Sequence[bool]) -> set[int]:
    """Token indices of the reporting verbs of the quotes: for each quote with a verb, the nearest
    token of that lemma outside quotation marks, in the quote's sentences or the ones beside them.
    """
    out: set[int] = set()
    for quote in quotes:
        if not quote.verb or quote.verb == "according to" or quote.end <= quote.start:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        first, last = span[0].sent, span[-1].sent
        lo = doc[first.start - 1].sent.start if first.start > 0 else first.start
        hi = doc[last.end].sent.end if last.end < len(doc) else last.end
        candidates = [
            t
            for t in doc[lo:hi]
            if t.lemma_.lower() == quote.verb and not inq[t.i] and not quote.start <= t.idx < quote.end
        ]
        if candidates:
            out.add(min(candidates, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end))).i)
    return out


def attributes(tok: "Token", inq: Sequence[bool], linked: set[int], entry: Entry | None = None) -> bool:
    """Whether a verb token reports what a source said (see the module docstring)."""
    if inq[tok.i] or not _is_verb(tok):
        return False
    if tok.i in linked or _clause(tok):
        return True
    if tok.dep_ == "parataxis" and _subject(tok) is not None:
        return True  # "…, he insisted."
    if entry is not None and entry.object:
        subject = _subject(tok)
        has_object = any(c.dep_ in ("dobj", "prep") for c in tok.children)
        return has_object and subject is not None and subject.dep_ != "expl" and may_speak(subject)
    return False


def _span(tok: "Token") -> tuple[int, int]:
    end = tok.idx + len(tok.text)
    for child in tok.children:
        if child.dep_ == "prt" and child.i == tok.i + 1:  # "pointed out", "lashed out"
            end = child.idx + len(child.text)
    return tok.idx, end


def attribution_tokens(doc: "Doc", inq: Sequence[bool], linked: set[int], lexicons: Lexicons) -> list["Token"]:
    """The tokens that attribute words to a source: reporting verbs used as such, and "according"
    of "according to", in text order.
    """
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if according_to(tok) is not None and not inq[tok.i]:
            out.append(tok)
        elif (lemma in lexicons.attribution or verb_kind(tok)) and attributes(
            tok, inq, linked, lexicons.attribution.get(lemma)
        ):
            out.append(tok)
    return out


def _verb_hit(tok: "Token", entry: Entry) -> Hit | None:
    start, end = _span(tok)
    term = tok.doc.text[start:end]
    if entry.category == "loaded_verb":
        note = entry.note or "colours how the speaker's words are read"
        why = f'"{term}" {note} where "said" would be neutral'
    else:
        why = _WHY[entry.category].format(term=term)
    return Hit(start, end, "epistemic", entry.category, why, RANK)


def verb_hits(doc: "Doc", inq: Sequence[bool], linked: set[int], lexicons: Lexicons) -> list[Hit]:
    """Loaded attribution verbs, factives, assertives (about a speaker's words) and implicatives."""
    hits: list[Hit] = []
    for tok in doc:
        if inq[tok.i] or not _is_verb(tok):
            continue
        lemma = tok.lemma_.lower()
        entry = lexicons.attribution.get(lemma)
        if entry is not None and entry.category != "neutral" and attributes(tok, inq, linked, entry):
            if lemma == "point" and _span(tok)[1] == tok.idx + len(tok.text):
                continue  # only "point out" reports
            subject = _subject(tok)
            speaker = subject is not None and subject.dep_ != "expl" and may_speak(subject)
            if entry.category == "assertive" and not speaker and tok.i not in linked:
                continue  # "the data suggest": a hedge, below, not a source's position
            hit = _verb_hit(tok, entry)
            if hit is not None:
                hits.append(hit)
            continue
        implicative = lexicons.implicatives.get(lemma)
        if implicative is not None and any(c.dep_ == "xcomp" for c in tok.children):
            end = tok.idx + len(tok.text)
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                end = doc[tok.i + 1].idx + 2
            term = doc.text[tok.idx : end]
            why = f'"{term}" {implicative.note} (an implicative verb)'
            hits.append(Hit(tok.idx, end, "epistemic", "implicative", why, RANK))
    return hits


def _epistemic_modal(tok: "Token") -> bool:
    """May, might or could of possibility: "students may face suspension", "a judge could freeze it". Not
    when negated ("could not find") or inside an indirect question ("whether he could reopen"), where
    it reads as ability or is itself what is asked."""
    if tok.lower_ not in _MODALS or tok.tag_ != "MD":
        return False
    head = tok.head
    if any(c.dep_ == "neg" for c in head.children):
        return False
    return not any(
        (c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS) or (c.tag_ == "WRB" and c.i < tok.i) for c in head.children
    )


def _hedge(start: int, end: int, doc: "Doc", category: str = "hedge") -> Hit:
    return Hit(start, end, "hedge", category, _WHY[category].format(term=doc.text[start:end]), HEDGE_RANK)


def hedge_hits(doc: "Doc", inq: Sequence[bool], lexicons: Lexicons) -> list[Hit]:
    """Hedges and distancing words outside quotation marks."""
    hits: list[Hit] = []
    for tok in doc:
        if inq[tok.i]:
            continue
        lemma = tok.lemma_.lower()
        end = tok.idx + len(tok.text)
        if _epistemic_modal(tok):
            hits.append(_hedge(tok.idx, end, doc))
        elif lemma in ("seem", "appear") and _is_verb(tok):
            complements = [c for c in tok.children if c.dep_ in ("xcomp", "acomp", "ccomp", "attr", "oprd")]
            if lemma == "seem" or complements or any(c.dep_ == "expl" for c in tok.children):
                nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                if nxt is not None and nxt.lower_ == "to":
                    end = nxt.idx + 2
                hits.append(_hedge(tok.idx, end, doc))
        elif lemma in _HEDGE_SUBJECTLESS and _is_verb(tok) and _clause(tok):
            subject = _subject(tok)
            if subject is None or not may_speak(subject) or subject.dep_ == "expl":
                hits.append(_hedge(tok.idx, end, doc))
    for first, after, entry in index(lexicons.hedges).find(doc):
        if not any(inq[i] for i in range(first, after)):
            start, end = doc[first].idx, doc[after - 1].idx + len(doc[after - 1].text)
            hits.append(_hedge(start, end, doc, entry.category or "hedge"))
    for m in _WHAT_CALL.finditer(doc.text):
        phrase = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if phrase is not None and not any(inq[t.i] for t in phrase):
            hits.append(_hedge(m.start(), m.end(), doc, "distancing"))
    return hits
