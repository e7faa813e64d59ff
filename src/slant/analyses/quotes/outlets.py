"""News outlets an article cites as sources: "told Fox News", "according to the Wall Street Journal".

An outlet is a name from ``slant/data/quotes/outlets.txt`` or a capitalised name
holding a news word ("the Calder Bay Ledger", "KTLA"); it is *cited* when a cue
ties it to what is reported: a cue before it ("according to", "told",
"in an interview with", "speaking to", "first reported by") or after it
("Reuters reported", "Politico's reporting", "a Reuters report").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from slant.analyses.quotes.speech import SUBJECTS, lexicon, verb_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Words that make a capitalised name a news organisation's.
NEWS_WORDS = frozenset(
    """News Newswire Times Post Journal Herald Tribune Press Radio TV Television Magazine Daily Weekly
    Gazette Caller Wire Beacon Ledger Chronicle Examiner Observer Telegraph Courier Inquirer Enquirer
    Sentinel Dispatch Bulletin Register Newsroom Reporter Broadcasting Channel Newspaper""".split()
)
# Words that make a capitalised name something else ("White House Press Secretary", "Post Office").
_NOT_NEWS = frozenset(
    """Secretary Office Department Council Association Union University College Board Committee Agency
    Bureau Police Service Services Commission Court Party Foundation Institute Center Centre Station
    Corps Club League Stadium Theater Theatre Hall""".split()
)
# Broadcast call signs look like acronyms of other things; these are not stations.
_NOT_CALL_SIGNS = frozenset({"WHO", "WTO", "WWE", "WWII", "WSJ", "KKK", "WIC", "WMD", "KPI"})
_CALL_SIGN = re.compile(r"^[KW][A-Z]{2,3}(?:-(?:TV|FM|AM))?$")
_PRE_CUE = re.compile(
    r"""(?ix)
    (?<![\w-])
    (?P<cue>
        according\s+to
      | (?:told|tells|tell|telling)
      | (?:in|during)\s+(?:an?|the|his|her|their|its|one)\s+(?:[\w-]+\s+){0,2}?
        (?:interview|conversation|appearance|statement|email|e-mail|op-ed|column|podcast|sit-down|call|exchange|essay|letter|post)s?
        \s+(?:with|to|on|for|in)
      | (?:interview(?:s|ed)?|statements?|comments?|remarks?)\s+(?:with|to|by|on)
      | (?:speaking|spoke|speaks|speak|talking|talked|talks|talk)\s+(?:exclusively\s+)?(?:to|with|on)
      | (?:(?:was|were|been|being|is|are|first|originally|previously|earlier|also|initially)\s+)*
        (?:reported|published|obtained|reviewed|seen|cited|quoted|broken|revealed|confirmed|released|shared|provided|aired|broadcast)
        \s+(?:exclusively\s+)?(?:by|to|in|on)
      | (?:said|says|say|saying|told|argued|wrote|writes|writing|appeared|appearing|appears)\s+(?:on|in)
      | (?:confirm|describ|explain|disclos|reveal|detail|outlin|leak|deni|admitt|acknowledg|repeat)(?:ed|d|s|es|ing)?
        \s+(?:[\w'’$-]+\s+){1,5}?to
      | (?:report(?:s|ing)?|story|article|analysis|investigation|poll|survey|review)\s+(?:by|from|in)
      | per
      | via
    )
    \s+(?:(?:the|an?)\s+)?(?:exclusive\s+)?$
    """
)
_POST_CUE = re.compile(
    r"""(?x)
    ^(?:(?:'s|’s)\s+(?:[\w-]+\s+)?(?:report|reports|reporting|story|article|analysis|investigation|interview|poll|survey|review|coverage|findings)\b
      | \s+(?:(?:has|have|had|first|also|previously|earlier|originally|exclusively|recently|later|was|were|initially)\s+)*
        (?:reported|reports|revealed|reveals|learned|published|obtained|confirmed|found|said|says|wrote|writes|noted|cited|quoted|broke|aired|broadcast)\b
    )
    """
)
_AUX = re.compile(r"(?i)(?:(?:was|were|been|being|is|are)\s+)+")
_ARTICLE_BEFORE = re.compile(r"(?i)(?<![\w-])(?:a|an|the)\s+$")
_NOUN_AFTER = re.compile(
    r"^\s+(?:report|story|article|analysis|investigation|poll|survey|interview|review|exclusive)\b"
)


_SPEAK = frozenset({"speak", "talk", "appear", "interview"})


@dataclass(frozen=True)
class Cite:
    """An outlet cited in the text: its canonical name, where the name is, and the cue."""

    outlet: str
    start: int
    end: int
    cue_start: int
    cue_end: int


@cache
def _table() -> tuple[Mapping[str, str], re.Pattern[str]]:
    names: dict[str, str] = {}
    for line in lexicon("outlets.txt"):
        forms = [f.strip() for f in line.split("|") if f.strip()]
        canonical = forms[0]
        for form in forms:
            names.setdefault(form, canonical)
            if form.startswith("The "):
                names.setdefault("the " + form[4:], canonical)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return MappingProxyType(names), re.compile(rf"(?<![\w&.-])(?:{alternatives})(?![\w&-])")


def outlet_pattern() -> re.Pattern[str]:
    """A pattern matching every name of every known outlet in running text (case as listed)."""
    return _table()[1]


def outlet_name(name: str) -> str | None:
    """The canonical name of a known outlet ("the Guardian" -> "Guardian"), else ``None``."""
    names, _ = _table()
    text = name.strip()
    if text in names:
        return names[text]
    bare = re.sub(r"^(?:the|The)\s+", "", text)
    return names.get(bare)


def looks_like_outlet(words: Sequence[str]) -> bool:
    """Whether a capitalised name reads as a news organisation's ("Calder Bay Ledger", "KTLA")."""
    if len(words) == 1 and _CALL_SIGN.match(words[0]) and words[0] not in _NOT_CALL_SIGNS:
        return True
    parts = {p for w in words for p in w.split("-")}
    if parts & _NOT_NEWS or not parts & NEWS_WORDS:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "&", "and", "-") for w in words)


def _listed(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    names, pattern = _table()
    out: list[tuple[int, int, str]] = []
    for m in pattern.finditer(text, lo, hi):
        start, end = m.start(), m.end()
        before = text[max(lo, start - 40) : start]
        after = text[end:hi]
        # Part of a longer proper name ("Michael Bloomberg", "Dawn Smith"), unless "the" precedes.
        prev_word = re.search(r"(\S+)\s+$", before)
        if prev_word and prev_word.group(1)[:1].isupper() and prev_word.group(1) not in ("The", "the"):
            if not re.search(r"[.!?:;,\"“”]$", prev_word.group(1)):
                continue
        if re.match(r"^\s+[A-Z][a-z]", after) and not _POST_CUE.match(after):
            continue
        out.append((start, end, names[m.group(0)]))
    return out


def _patterned(
    doc: "Doc", text: str, lo: int, hi: int, taken: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    span = doc.char_span(lo, hi, alignment_mode="expand")
    tokens = [t for t in span if lo <= t.idx < hi] if span is not None else []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if not (t.text[:1].isupper() or t.text[:1].isdigit()) or t.is_punct or t.lower_ == "the":
            i += 1
            continue
        j = i
        while j + 1 < len(tokens):
            nxt = tokens[j + 1]
            joins = nxt.text in ("&", "-") or (
                nxt.lower_ == "of" and j + 2 < len(tokens) and tokens[j + 2].text[:1].isupper()
            )
            if not (nxt.text[:1].isupper() or joins) or nxt.whitespace_ == "" and nxt.text in ".,":
                break
            j += 1
        run = tokens[i : j + 1]
        while run and run[-1].lower_ in ("of", "&", "-", "and"):
            run.pop()
        i = j + 1
        if not run:
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        if any(a < end and start < b for a, b, _ in taken):
            continue
        words = [w.text for w in run]
        if looks_like_outlet(words) and all(w.ent_type_ != "PERSON" for w in run):
            out.append((start, end, text[start:end]))
    return out


def find_cites(doc: "Doc", bounds: Sequence[tuple[int, int]], quoted: "Sequence[tuple[int, int]]") -> list[Cite]:
    """Find the outlets cited in the given sentences of a parsed article.

    Args:
        doc: the parsed article.
        bounds: (start, end) offsets of the sentences to search (boilerplate left out).
        quoted: (start, end) offsets of quotations; outlets named inside them are not cues.

    Returns:
        One ``Cite`` per cue, in text order.
    """
    text = doc.text
    # "Fox said" after "Vicente Fox": a person's surname that is also an outlet's short name.
    surnames = {e.text.split()[-1] for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) > 1}
    out: list[Cite] = []
    for lo, hi in bounds:
        found = _listed(text, lo, hi)
        found += _patterned(doc, text, lo, hi, found)
        for start, end, outlet in sorted(found):
            if any(a <= start < b for a, b in quoted) or text[start:end] in surnames:
                continue
            before, after = text[lo:start], text[end:hi]
            pre = _PRE_CUE.search(before)
            if pre:
                aux = _AUX.match(pre.group("cue"))
                out.append(Cite(outlet, start, end, lo + pre.start("cue") + (aux.end() if aux else 0), end))
                continue
            post = _POST_CUE.match(after)
            if post:
                out.append(Cite(outlet, start, end, start, end + post.end()))
                continue
            if _ARTICLE_BEFORE.search(before) and (noun := _NOUN_AFTER.match(after)):
                out.append(Cite(outlet, start, end, start, end + noun.end()))
    # A short form of a name cited in full elsewhere ("the Ledger" after "the Marlow Ledger").
    names = {c.outlet for c in out}
    return [
        Cite(
            next((n for n in sorted(names) if n.endswith(" " + c.outlet)), c.outlet),
            c.start,
            c.end,
            c.cue_start,
            c.cue_end,
        )
        for c in out
    ]


def same_outlet(cited: str, own: str | None) -> bool:
    """Whether an outlet an article cites is the article's own ("told The Post" in the Post):
    the same name, or one ending the other ("Sentinel", "Buckeye Sentinel").
    """
    if not own:
        return False
    a, b = (re.sub(r"^the\s+", "", n.strip().lower()).split() for n in (cited, outlet_name(own) or own))
    short, full = sorted((a, b), key=len)
    return bool(short) and full[len(full) - len(short) :] == short


def tied_outlet(verb: "Token", cites: Sequence[Cite]) -> str | None:
    """The outlet an attribution says these words were given to or taken from.

    ‘X told CNN’, ‘“…,” X told CNN’, ‘in an interview with CNN, X said’, ‘speaking to CNN,
    X said’, ‘X said …, according to CNN’; not an outlet the same sentence cites for
    something else (‘…, though he took $40,000, according to Axios’; ‘a claim that, as
    the Bee reported, …’).

    Args:
        verb: the reporting verb (or the "according" of "according to X") of the attribution.
        cites: the outlets the article cites.

    Returns:
        The outlet's name, or ``None``.
    """
    doc, sent = verb.doc, verb.sent
    for cite in cites:
        if not sent.start_char <= cite.cue_start < sent.end_char:
            continue
        if cite.cue_start <= verb.idx < cite.cue_end:
            return cite.outlet  # the cue is the attribution itself: "told CNN", "said on Fox News"
        span = doc.char_span(cite.start, cite.end, alignment_mode="expand")
        if span is None or not _reaches(span.root, verb):
            continue
        # A cue after the attribution ties the outlet to the clause just before it, whatever the
        # parser says (‘…, though he took $40,000 in donations, according to Axios’).
        before = [t for t in doc[sent.start : span.start] if t.idx < cite.cue_start and not t.is_punct]
        if cite.cue_start > verb.idx and before and not _reaches(before[-1], verb):
            continue
        return cite.outlet
    return None


def _reaches(token: "Token", verb: "Token") -> bool:
    """Whether a word belongs to an attribution: up the parse from it to the reporting verb,
    passing only through the words reported and speech participles, not another clause.
    """
    node = token
    while node.head.i != node.i and node.i != verb.i:
        node = node.head
        if node.i == verb.i or node.pos_ not in ("VERB", "AUX"):
            continue
        # A relative clause on the speaker ("sources who talked to the Post") describes the source.
        own_subject = node.dep_ != "relcl" and any(c.dep_ in SUBJECTS for c in node.children)
        # Reported words ("said the plan would cost …, according to CNN") and a
        # subjectless speech participle ("speaking to CNN, X said") carry the citation;
        # a clause of its own ("though he took …", "as the Bee reported") does not.
        reported = node.dep_ == "ccomp" or (
            node.dep_ in ("conj", "xcomp") and not (own_subject and node.head.i == verb.i)
        )
        speaking = verb_kind(node) or node.lemma_ in _SPEAK or (node.tag_ == "VBG" and node.dep_ != "relcl")
        if not (reported or (not own_subject and speaking)):
            return False
    return node.i == verb.i
