"""Who a speaker is: names, titles, pronouns and descriptions resolved within one article.

One left-to-right pass over an article keeps the people, groups and outlets it
mentions (outside quotations) in order. A name becomes the fullest form of that
name the article uses ("Ortiz-Reyes" -> "Dana Ortiz-Reyes"; titles such as
"Harbor Commissioner" dropped but remembered as roles). "he"/"she" resolve to the
subject of the nearest earlier sentence that has a compatible person (sentences
wholly inside quotations are not counted); "the commissioner" or "the alderman" to
the latest person the article gave that role in any of its forms ("Commissioner
Glen Marsh", "Alderwomen Jo Park and Al Diaz", "Rosa Delgado, executive
director of ..."), else to the previous sentence's subject unless that person
holds another office. Outlets the article cites are never speakers. Unnamed
speakers ("one dock supervisor in Calder Bay", "internal
sources") are kept as descriptions, flagged anonymous when the text says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from slant.analyses.quotes.outlets import outlet_name
from slant.analyses.quotes.propernames import NUMERIC_LABELS, SUBJECT_DEPS, ProperNames, speaking
from slant.analyses.quotes.speech import (
    ANON_HEADS,
    OFFICES,
    ORG_NOUNS,
    anonymity_cue,
    noun_phrase,
    person_like,
    platforms,
    role_key,
    verb_kind,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": None, "them": None, "it": None}
_PARTITIVES = frozenset(
    {"one", "some", "many", "several", "two", "three", "four", "most", "each", "another", "all", "none"}
)
_WINDOW = 4  # sentences a pronoun may look back


@dataclass(eq=False)
class Referent:
    """Someone (or some group or outlet) an article mentions."""

    label: str
    kind: str  # person | group | org | outlet
    anonymous: bool = False
    plural: bool = False
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Speaker:
    """A speaker as an attribution names it, and who that is."""

    referent: Referent | None
    mention: str
    start: int
    end: int


@dataclass(frozen=True)
class _Mention:
    offset: int
    told: int  # the sentence, counting only those with words outside quotations
    ref: Referent
    subject: bool


class Discourse:
    """The people, groups and outlets of one parsed article, in order of mention."""

    def __init__(
        self,
        doc: "Doc",
        inq: Sequence[bool],
        outlet_of: Callable[[str], str | None] = outlet_name,
        cited: Sequence[tuple[int, int, str]] = (),
    ) -> None:
        """Walk one parsed article, keeping whom it mentions.

        Args:
        doc: the parsed article.
        inq: per token, whether it lies within a quotation.
        outlet_of: the canonical name of an outlet a name is, else ``None``.
        cited: (start, end, outlet) of outlets the article cites as sources: never speakers.
        """
        self.doc = doc
        self.text = doc.text  # built from the tokens on every access: read it once
        self.inq = inq
        self._outlet_of = outlet_of
        self._cited = sorted(cited)
        self._sent: list[int] = [0] * len(doc)
        # Sentences with words outside quotations: a pronoun looks back over these only,
        # so the sentences of a long quotation do not push its speaker out of reach.
        self._told: list[int] = [0] * len(doc)
        told = -1
        for n, sent in enumerate(doc.sents):
            if any(t.is_alpha and not inq[t.i] for t in sent):
                told += 1
            for tok in sent:
                self._sent[tok.i] = n
                self._told[tok.i] = told
        self.names = ProperNames(doc, inq, self._sent, self._outlet_named)
        self._chunks = self.names.chunks
        self._people: dict[str, Referent] = {}
        self._others: dict[str, Referent] = {}
        self._by_token: dict[int, Referent] = {}
        self._mentions: list[_Mention] = []
        self._walk()

    def _name_referent(self, first: int, last: int) -> Referent | None:
        toks = self.doc[first : last + 1]
        title_words, name = self.names.split(first, last)
        outlet = self._outlet_named(first, last, name)
        if outlet:
            return self._outlet(outlet)
        head = self.doc[last]
        known = bool(name) and self.names.known(name)
        titled = self.names.titled(title_words) or bool(self.names.shared_titles(last))
        person = True if known else self.names.is_person_run(first, last, titled, name)
        if person is None:
            person = speaking(head)
        if name.lower() in platforms():
            person = False
        if not person:
            labels = {t.ent_type_ for t in toks if t.ent_type_}
            if not name or labels & NUMERIC_LABELS:
                return None
            label = toks.text[4:] if toks.text.startswith(("The ", "the ")) else toks.text
            return self._others.setdefault("org:" + label, Referent(label, "org"))
        canonical = self.names.canonical(name)
        ref = self._people.setdefault(canonical, Referent(canonical, "person"))
        ref.roles |= {key for w in title_words if (key := role_key(w))}
        # "Councilmembers Jo Park and Al Diaz": a plural title is the role of every name it heads.
        ref.roles |= {key for w in self.names.shared_titles(last) if (key := role_key(w))}
        ref.words |= set(title_words)
        if {"mr", "sir"} & set(title_words):
            ref.gender = "m"
        elif {"ms", "mrs", "miss", "dame"} & set(title_words):
            ref.gender = "f"
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                self._add_role(ref, child)
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i < first:
                ref.roles.add(role_key(child.lemma_) or child.lemma_.lower())
                ref.words.add(child.lower_)
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            self._add_role(ref, head.head)
        name_start = self.text.rfind(name, toks.start_char, toks.end_char) if name else -1
        ref.spans.append((name_start, name_start + len(name)) if name_start >= 0 else (toks.start_char, toks.end_char))
        return ref

    def _outlet_named(self, first: int, last: int, name: str) -> str | None:
        toks = self.doc[first : last + 1]
        names = getattr(self, "names", None)  # None while ProperNames itself is being built
        if names is not None and name and " " not in name and names.canonical(name) != name:
            return None  # "Fox" after "Vicente Fox": the person's surname, not Fox News
        return self._outlet_of(toks.text) or self._outlet_of(name) or self._cited_at(toks.start_char)

    def _cited_at(self, offset: int) -> str | None:
        return next((outlet for start, end, outlet in self._cited if start <= offset < end), None)

    def _outlet(self, name: str) -> Referent:
        return self._others.setdefault("outlet:" + name, Referent(name, "outlet"))

    def _add_role(self, ref: Referent, noun: "Token") -> None:
        ref.roles.add(role_key(noun.lemma_) or noun.lemma_.lower())
        start, end = noun_phrase(noun, self.inq)
        ref.words |= {w.lower().strip(",.") for w in self.text[start:end].split()}

    # -- descriptions and pronouns ---------------------------------------

    def _describe(self, head: "Token", register: bool, speaking: bool = False) -> Referent:
        lemma = head.lemma_.lower()
        plural = head.tag_ in ("NNS", "NNPS")
        start, end = noun_phrase(head, self.inq)
        label = self.text[start:end]
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in head.children)
        qualified = any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in head.children)
        words = label.lower().split()
        role = role_key(" ".join(words[-2:])) or role_key(lemma) or lemma  # "council member", "councilman"
        if definite and not qualified:
            found = self._antecedent(head, role, {w for w in words[:-1]}, label)
            if found is not None:
                return found
        subtree = self.doc[head.left_edge.i : head.right_edge.i + 1].text
        sentence = " ".join(t.text for t in head.sent if not self.inq[t.i])
        anonymous = lemma in ANON_HEADS or anonymity_cue(subtree) or (person_like(lemma) and anonymity_cue(sentence))
        people = person_like(lemma) or label.endswith("-old") or (speaking and lemma not in ORG_NOUNS)
        kind = "person" if people and not plural else "group"
        ref = Referent(label, kind, anonymous=anonymous, plural=plural, roles={role}, words=set(words))
        if register:
            ref.spans.append((start, end))
        return ref

    def _antecedent(self, head: "Token", role: str, modifiers: set[str], label: str = "") -> Referent | None:
        """The person (or group) a definite description names: the latest one given that role
        ("the alderman" after "Alderwoman Jo Park"), else a person the previous sentence is about.
        """
        lemma = head.lemma_.lower()
        anon_head = lemma in ANON_HEADS
        candidates: list[Referent] = []
        for m in reversed(self._mentions):
            if m.offset >= head.idx or m.ref in candidates:
                continue
            if anon_head and m.ref.anonymous:
                candidates.append(m.ref)
            elif not anon_head and role in m.ref.roles and m.ref.plural == (head.tag_ in ("NNS", "NNPS")):
                candidates.append(m.ref)
        if candidates:
            return next((r for r in candidates if modifiers <= r.words), candidates[0])
        if (person_like(lemma) or label.endswith("-old")) and not anon_head and head.tag_ not in ("NNS", "NNPS"):
            # Nobody holds the role: someone the previous sentence is about who holds no other office
            # ("the governor" is not "Mayor Lin Ovitz"; "the activist" may be "Kenji Mori, director of …").
            rival = role in OFFICES
            return self._recent(
                head, lambda r: r.kind == "person" and not r.plural and not (rival and r.roles & OFFICES), window=2
            )
        return None

    def _recent(
        self, token: "Token", ok: Callable[[Referent], bool], window: int = _WINDOW, own_subject: bool = False
    ) -> Referent | None:
        """The subject (else the last mention) of the nearest sentence, this one included, with a fitting
        referent; with ``own_subject``, in the token's own sentence only a subject before it counts."""
        here = self._told[token.i]
        for sent in range(here, max(-1, here - window - 1), -1):
            found = [
                m
                for m in self._mentions
                if m.told == sent and m.offset < token.idx and ok(m.ref)
                if m.subject or not own_subject or sent != here
            ]
            if found:
                subjects = [m for m in found if m.subject]
                return (subjects[0] if subjects else found[-1]).ref
        return None

    def _pronoun(self, token: "Token") -> Referent | None:
        word = token.lower_
        if word not in _PRONOUNS:
            return None
        gender = _PRONOUNS[word]
        if word in ("they", "them"):
            return self._recent(token, lambda r: r.plural or r.kind in ("group", "org", "outlet"))
        if word == "it":
            return self._recent(token, lambda r: r.kind in ("org", "outlet") and not r.plural)
        # "he"/"she" never stand for a person named earlier in their own clause but not as its subject
        # (‘Of Obama, he said’, ‘After meeting Obama, he said’: "he" is someone else).
        ref = self._recent(
            token, lambda r: r.kind == "person" and not r.plural and r.gender in (None, gender), own_subject=True
        )
        if ref is not None and ref.gender is None:
            ref.gender = gender
        return ref

    # -- the pass ---------------------------------------------------------

    def _walk(self) -> None:
        done: set[tuple[int, int]] = set()
        for tok in self.doc:
            if self.inq[tok.i]:
                continue
            ref: Referent | None = None
            subject = tok.dep_ in SUBJECT_DEPS
            offset = tok.idx
            if tok.i in self._chunks:
                first, last = self._chunks[tok.i]
                if (first, last) in done:
                    continue
                done.add((first, last))
                ref = self._name_referent(first, last)
                named = self.doc[last]
                subject = any(self.doc[k].dep_ in SUBJECT_DEPS for k in range(first, last + 1)) or (
                    named.dep_ == "appos" and named.head.dep_ in SUBJECT_DEPS  # "The manager, Lisa Grant, said"
                )
                if ref is None and subject and not self.names.split(first, last)[1]:
                    ref = self._describe(self.doc[last], register=True, speaking=bool(verb_kind(self.doc[last].head)))
                offset = self.doc[first].idx
                if ref is not None:
                    for k in range(first, last + 1):
                        self._by_token[k] = ref
            elif (
                tok.pos_ == "NOUN"
                and tok.dep_ == "pobj"
                and tok.head.lower_ == "to"
                and tok.head.head.lower_ == "according"
            ):
                ref = self._describe(tok, register=True, speaking=True)  # "according to two city officials"
            elif tok.pos_ == "NOUN" and subject and (person_like(tok.lemma_) or verb_kind(tok.head)):
                if any(c.dep_ == "appos" and c.i in self._chunks for c in tok.children):
                    continue  # the name in apposition stands for this subject
                ref = self._describe(tok, register=True, speaking=bool(verb_kind(tok.head)))
            elif tok.pos_ == "PRON" and subject:
                ref = self._pronoun(tok)
            else:
                continue
            if ref is None:
                continue
            self._by_token[tok.i] = ref
            self._mentions.append(_Mention(offset, self._told[tok.i], ref, subject))

    # -- lookup -----------------------------------------------------------

    def speaker(self, head: "Token") -> Speaker:
        """Resolve the head token of an attribution's subject ("Crane", "he", "officer")."""
        doc = self.doc
        if head.lower_ in _PARTITIVES and not any(c.dep_ == "appos" and c.i in self._chunks for c in head.children):
            # "one of the officials said": the speaker is one of a group named before.
            of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
            objects = [o for c in of for o in c.children if o.dep_ == "pobj"]
            if objects:
                inner = self.speaker(objects[0])
                start, end = head.left_edge.idx, objects[0].idx + len(objects[0].text)
                return Speaker(inner.referent, self.text[start:end], start, end)
        chunk = self._chunks.get(head.i)
        titles_only = chunk is not None and not self.names.split(*chunk)[1]
        if chunk is not None and not titles_only:
            first = chunk[0] - len(self.names.role_before(*chunk))
            start, end = doc[first].idx, doc[chunk[1]].idx + len(doc[chunk[1]].text)
        elif head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            start, end = noun_phrase(head, self.inq, keep_det=True)
        else:
            start, end = head.idx, head.idx + len(head.text)
        outlet = self._cited_at(head.idx)
        if outlet is not None:  # "according to the Oregonian": a source cited, not a speaker
            return Speaker(self._outlet(outlet), self.text[start:end], start, end)
        named = next((c for c in head.children if c.dep_ == "appos" and c.i in self._chunks), None)
        if head.pos_ in ("NOUN", "NUM", "PRON") and named is not None:
            # "said the spokeswoman, Jane Doe": the name in apposition is who speaks.
            ref = self._by_token.get(named.i) or self._name_referent(*self._chunks[named.i])
            if ref is not None and ref.kind == "person":
                return Speaker(ref, self.text[start:end], start, end)
        ref = self._by_token.get(head.i)
        if ref is None:
            if chunk is not None and not titles_only:
                ref = self._name_referent(*chunk)
            elif head.pos_ in ("NOUN", "PROPN", "ADJ"):
                ref = self._describe(head, register=False, speaking=True)
            elif head.pos_ == "PRON":
                ref = self._pronoun(head)
        return Speaker(ref, self.text[start:end], start, end)

    def sentence_of(self, token: "Token") -> int:
        """Index of the parsed sentence a token is in."""
        return self._sent[token.i]
