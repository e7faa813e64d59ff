"""The two ends of a reporting verb: who speaks, and what is reported.

Who speaks is the verb's subject, however the parser hung it: the antecedent of a
relative "who", the subject of the main clause for a participle set off by a comma
(‘Quan announced that Doyle was out, saying …’), the object of "as" (‘as one deputy
put it’), the name after an inverted verb (‘…,” said Rosa Delgado’). What is reported is
the verb's clausal complement, or, for a parenthetical attribution, its host clause.
``inq`` is the per-token flag "inside a quotation": words inside quotation marks never
count as attribution.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from slant.analyses.quotes.speech import SUBJECTS, is_passive, verb_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_RELATIVE = frozenset({"who", "that", "which", "whom"})
# What one "says" that is not a report ("said a prayer", "said nothing").
_SAID_THINGS = frozenset(
    "nothing something anything everything little much more less so it this that goodbye hello thanks grace prayer "
    "prayers word words thing things lot mass yes no goodbyes farewell farewells piece vows".split()
)


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


def _clause_subject(verb: "Token", inq: Sequence[bool]) -> "Token | None":
    for child in verb.children:
        if child.dep_ in SUBJECTS and not inq[child.i]:
            if child.lower_ in _RELATIVE and child.tag_ in ("WP", "WDT", "IN"):
                return verb.head if verb.dep_ == "relcl" and not inq[verb.head.i] else None
            return child
    return None


def _participle_subject(verb: "Token", inq: Sequence[bool]) -> "Token | None":
    """The speaker of a participle or reduced clause with no subject of its own.

    A participle set off by a comma speaks for the subject of the main clause, however
    deep the parser hung it (‘Quan announced that Doyle was out, saying …’: Quan), or for
    the object of an absolute "with" (‘with its president, Jo Ruiz, telling KCRA …’);
    one modifying a noun (‘officials saying …’, ‘a mark saying …’) for that noun, as does
    a finite verb the parser hung on its subject (‘the union … called it …’).
    """
    if verb.dep_ not in ("acl", "advcl") or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    doc = verb.doc
    comma = verb.i > 1 and doc[verb.i - 1].text in (",", "—", "–") and not inq[verb.i - 1]
    if verb.dep_ == "acl" and (verb.tag_ == "VBD" or (verb.tag_ == "VBG" and not comma)):
        head = verb.head
        while head.dep_ == "appos" and head.head.pos_ == "PROPN":
            head = head.head
        return head if head.pos_ in ("NOUN", "PROPN") and not inq[head.i] else None
    if verb.tag_ != "VBG" or not comma:
        return None
    named = doc[verb.i - 2]
    node = named
    while node.dep_ == "appos" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "with" and not inq[named.i]:
        return named
    main = verb
    while main.head.i != main.i and main.dep_ != "relcl":
        main = main.head
        if main.dep_ == "advcl" and not inq[main.i]:
            # ‘It came after Boehner chided Obama, accusing him of …’: the named subject of the adverbial
            # clause the participle hangs on speaks, not the main clause's "it".
            own = _clause_subject(main, inq)
            if own is not None and own.pos_ == "PROPN":
                return own
    if main.i == verb.i or inq[main.i]:
        return None
    return _clause_subject(main, inq)


def according_clause(token: "Token") -> "Span | None":
    """What an "according to X" reports: the rest of its sentence, on the side of the main verb."""
    sent, doc = token.sent, token.doc
    sub_a, sub_b = token.left_edge.i, token.right_edge.i + 1
    lo, hi = (sent.start, sub_a) if sent.root.i < sub_a else (sub_b, sent.end)
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in "?!":
        hi -= 1
    return doc[lo:hi] if hi > lo else None


def words_of(token: "Token") -> "Token | None":
    """For the word "words" in "in the words of X", the head of X."""
    if token.lower_ != "words" or token.head.lower_ != "in":
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _as_speaker(verb: "Token", inq: Sequence[bool]) -> "Token | None":
    """The speaker of ‘as one deputy put it’ when the parser hung it on "as" as a preposition
    (‘the new rules, as one agent who asked not to be named put it, …’).
    """
    if verb.i == 0:
        return None
    node = verb.doc[verb.i - 1]
    while node.head.i != node.i and node.head.i < verb.i:
        if node.dep_ == "pobj" and node.head.lower_ == "as" and node.right_edge.i == verb.i - 1:
            return None if inq[node.i] else node
        node = node.head
    return None


def _stranded_subject(verb: "Token", inq: Sequence[bool]) -> "Token | None":
    """The subject of a coordinated verb the parser hung on the clause before
    (‘… called it a “trick,” and its president, Dana Cole, said …’).
    """
    doc, k = verb.doc, verb.i - 1
    while k >= 0 and doc[k].is_punct and not inq[k]:
        k -= 1
    if k < 0 or inq[k] or doc[k].pos_ not in ("PROPN", "NOUN"):
        return None
    node = doc[k]
    while node.dep_ in ("appos", "compound") and node.head.i < verb.i and node.head.i != node.i:
        node = node.head
    first = node.left_edge.i
    if node.dep_ != "conj" or node.pos_ not in ("PROPN", "NOUN") or first == 0 or doc[first - 1].dep_ != "cc":
        return None
    return node


def subject_of(verb: "Token", inq: Sequence[bool]) -> "Token | None":
    """The speaker of a reporting verb: its subject, the antecedent of a relative "who",
    the subject it shares with the verb it is coordinated with, or the name right after
    it in an inverted attribution ("…,” said Rosa Delgado).
    """
    owner = _participle_subject(verb, inq) or _as_speaker(verb, inq)
    if owner is not None:
        return owner
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
        if v.i == verb.i and v.dep_ == "conj" and (stranded := _stranded_subject(v, inq)) is not None:
            return stranded
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.pos_ in ("VERB", "AUX") and not inq[v.head.i]:
            v = v.head
            continue
        break
    # Inverted order right after a closing quotation mark: ‘…,” said Rosa Delgado’.
    prev = verb.i - 1
    while prev >= 0 and verb.doc[prev].is_punct and not inq[prev]:
        prev -= 1
    if prev >= 0 and inq[prev]:
        for child in verb.rights:
            if child.pos_ in ("PROPN", "NOUN") and child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "dep"):
                return child
        head = verb.head
        if verb.dep_ in ("amod", "compound") and head.i == verb.i + 1 and head.pos_ == "PROPN" and not inq[head.i]:
            return head  # ‘…” added Lauten’ parsed as an adjective before a name
    # A subjectless verb coordinated with a quotation: take the speaker another
    # reporting verb of the sentence already names (‘“…,” the officer said, but added …’).
    for other in verb.sent:
        if other.i >= verb.i:
            break
        if other.i != verb.i and not inq[other.i] and verb_kind(other) and not is_passive(other):
            for child in other.children:
                if child.dep_ in SUBJECTS and not inq[child.i] and child.lower_ not in _RELATIVE:
                    return child
    return None


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


def _misread_clause(verb: "Token") -> tuple[int, int] | None:
    """A reported clause the parser read as something else: the object of "say" (‘said the vote
    balanced compassion with safety’), a relative clause on whom one told (‘told the board she had read …’).
    """
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        lo, hi = obj.left_edge.i, obj.right_edge.i + 1
        if verb.lemma_ == "say" and obj.lower_ not in _SAID_THINGS and sum(t.is_alpha for t in verb.doc[lo:hi]) >= 4:
            return lo, hi
        for rel in obj.children:
            bare = not any(c.lower_ in _RELATIVE or c.tag_ in ("WDT", "WP", "WRB") for c in rel.subtree)
            if verb.lemma_ == "tell" and rel.dep_ == "relcl" and bare and any(c.dep_ in SUBJECTS for c in rel.children):
                return rel.left_edge.i, rel.right_edge.i + 1
    return None


def judgement(verb: "Token", inq: Sequence[bool]) -> "Span | None":
    """What a verb of naming or judgement says of something in the writer's words: ‘called such
    removals a threat to students’ rights’, ‘slammed the process as rushed’, ‘accused the board of
    censorship’. ``None`` when it has no such complement, or quotation marks carry it.
    """
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    complement = next(
        (
            c
            for c in [*verb.children, *obj.children]  # the parser may hang "as …" on the object
            if c.i > obj.i
            and (
                c.dep_ == "oprd"
                or (c.lower_ == "as" and c.dep_ == "prep")
                or (c.dep_ == "advcl" and any(m.lower_ == "as" for m in c.children))
                or (c.lower_ == "of" and c.dep_ == "prep" and verb.lemma_ == "accuse")
            )
        ),
        None,
    )
    if complement is None:
        return None
    lo, hi = obj.left_edge.i, complement.right_edge.i + 1
    if any(inq[t.i] for t in doc[lo:hi]):
        return None
    return _trimmed(doc, lo, hi)


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
        # "announced that Doyle was out, saying …": the participle is the announcer's, not the report's.
        owners = [(t, _participle_subject(t, inq)) for t in doc[lo:hi] if t.tag_ == "VBG"]
        hi = min([hi] + [t.i - 1 for t, owner in owners if owner is not None and not lo <= owner.i < hi])
    elif (
        verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and any(c.lower_ == "as" for c in verb.children))
    ) and not any(c.dep_ in ("dobj", "xcomp", "prep", "attr", "oprd") for c in verb.children):
        host = verb.head
        a, b = host.left_edge.i, host.right_edge.i + 1
        sub_a, sub_b = verb.left_edge.i, verb.right_edge.i + 1
        # "X did not mince words: the camp, she said, …": the report starts after the colon.
        a = max([a] + [t.i + 1 for t in doc[a:sub_a] if t.text in (":", ";") and not inq[t.i]])
        words_before = any(t.is_alpha for t in doc[a:sub_a])
        words_after = any(t.is_alpha for t in doc[sub_b:b])
        if words_before and words_after:
            lo, hi = a, b  # "The new funding, Delgado said, would reach …": the whole sentence is reported
        else:
            lo, hi = (a, sub_a) if words_before else (sub_b, b)
    elif (clause := _that_clause(verb) or _misread_clause(verb)) is not None:
        lo, hi = clause
    else:
        return None
    return _trimmed(doc, lo, hi)


def _trimmed(doc: "Doc", lo: int, hi: int) -> "Span | None":
    # "… would be delayed, according to Reuters": the citation is not part of what was said.
    hi = min([hi] + [t.i for t in doc[lo + 1 : hi] if t.lower_ == "according" and doc[t.i - 1].text == ","])
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or (doc[lo].dep_ == "mark" and doc[lo].lower_ == "that")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in "?!":
        hi -= 1
    if hi <= lo:
        return None
    return doc[lo:hi]
