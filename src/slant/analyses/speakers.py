"""Who a speaker is: names, titles, pronouns and descriptions resolved within one article.

One left-to-right pass over an article keeps the people, groups and outlets it
mentions (outside quotations) in order. A name becomes the fullest form of that
name the article uses ("Soto-Martinez" -> "Hugo Soto-Martinez"; titles such as
"City Councilmember" dropped but remembered as roles). "he"/"she" resolve to the
subject of the nearest earlier sentence that has a compatible person; "the
sheriff" to the latest person the article gave that role ("Sheriff Robert
Luna", "Ana Padilla, executive director of ..."), else to the previous
sentence's subject. Unnamed speakers ("one law enforcement officer in Los
Angeles County", "internal sources") are kept as descriptions, flagged
anonymous when the text says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from slant.analyses.outlets import outlet_name
from slant.analyses.speech import (
    ANON_HEADS,
    HONORIFICS,
    ORG_NOUNS,
    anonymity_cue,
    noun_phrase,
    person_like,
    roles,
    titles,
    verb_kind,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": None, "them": None, "it": None}
_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
# Last words that make a proper name a place or an organisation, whatever spaCy's label.
_NOT_PERSON_LAST = frozenset(
    """Bay County City Street Avenue Park River Beach Valley Island Hall Department Council Union
    Association Center Centre University College Committee Agency Office Party Bureau Court Coalition
    Alliance Authority Police Group Inc Corp Company Foundation Institute Administration Service Services
    Commission Board Church School Hospital Airport Port Harbor Terminal Plan Act Bill Times News Post
    Network Journal Senate House Congress Assembly States Republic Kingdom Ministry Army Navy Force""".split()
)
_NUMERIC_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
_SUBJECT = ("nsubj", "nsubjpass")
_PARTITIVES = frozenset(
    {"one", "some", "many", "several", "two", "three", "four", "most", "each", "another", "all", "none"}
)
_JOINERS = frozenset({"of", "and", "&", "for"})
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
    sent: int
    ref: Referent
    subject: bool


class Discourse:
    """The people, groups and outlets of one parsed article, in order of mention."""

    def __init__(self, doc: "Doc", inq: Sequence[bool], outlet_of: Callable[[str], str | None] = outlet_name) -> None:
        self.doc = doc
        self.text = doc.text  # built from the tokens on every access: read it once
        self.inq = inq
        self._outlet_of = outlet_of
        self._sent: list[int] = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            for tok in sent:
                self._sent[tok.i] = n
        self._chunks = self._proper_chunks()
        self._names: list[str] = []
        self._people: dict[str, Referent] = {}
        self._others: dict[str, Referent] = {}
        self._by_token: dict[int, Referent] = {}
        self._mentions: list[_Mention] = []
        self._collect_names()
        self._mistagged_names()
        self._walk()

    # -- proper names -----------------------------------------------------

    def _proper_chunks(self) -> dict[int, tuple[int, int]]:
        """Token index -> (first, last) token of the run of proper nouns it belongs to.

        A run goes on across a hyphen ("Soto-Martinez") and across "of", "and",
        "&" or "for" inside one entity ("Chamber of Commerce").
        """
        doc, out = self.doc, {}
        i = 0
        while i < len(doc):
            if doc[i].pos_ != "PROPN" or self.inq[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(doc) and not self.inq[j + 1] and self._sent[j + 1] == self._sent[i]:
                nxt = doc[j + 1]
                after = doc[j + 2] if j + 2 < len(doc) else None
                if nxt.pos_ == "PROPN":
                    j += 1
                elif after is None or after.pos_ != "PROPN" or self.inq[after.i]:
                    break
                elif nxt.tag_ == "HYPH" and nxt.whitespace_ == "":
                    j += 2
                elif nxt.lower_ in _JOINERS and nxt.ent_iob_ == "I" and after.ent_iob_ == "I":
                    j += 2
                else:
                    break
            for k in range(i, j + 1):
                out[k] = (i, j)
            i = j + 1
        return out

    def _mistagged_names(self) -> None:
        """Make one-word runs of capitalised words that repeat a known surname ("Pike" tagged INTJ)."""
        surnames = {n.split()[-1] for n in self._names}
        for tok in self.doc:
            if tok.i not in self._chunks and not self.inq[tok.i] and tok.text in surnames and tok.text[:1].isupper():
                self._chunks[tok.i] = (tok.i, tok.i)

    def _split(self, first: int, last: int) -> tuple[list[str], str]:
        """Title words and the name proper of a run of proper nouns."""
        toks = self.doc[first : last + 1]
        cut = -1
        for k, tok in enumerate(toks):
            if tok.lower_.rstrip(".") in titles() or (tok.is_punct and cut == k - 1 >= 0):
                cut = k
        name = toks[cut + 1 :].text if cut + 1 < len(toks) else ""
        return [t.lower_.rstrip(".") for t in toks[: cut + 1]], name

    @staticmethod
    def _titled(title_words: list[str]) -> bool:
        return bool(set(title_words) & (roles() | HONORIFICS))

    def _is_person_run(self, first: int, last: int, titled: bool, name: str) -> bool | None:
        """True: a person; False: not one; None: cannot tell from the run alone."""
        toks = self.doc[first : last + 1]
        if not name or self._outlet_of(toks.text) or self._outlet_of(name):
            return False
        labels = {t.ent_type_ for t in toks if t.ent_type_}
        if labels & _NUMERIC_LABELS:
            return False
        if titled or any(person_like(w) for w in self._role_before(first, last)):
            return True
        if name.split()[-1] in _NOT_PERSON_LAST:
            return False
        if "PERSON" in labels:
            return True
        if labels & _ORG_LABELS:
            return False
        return None

    def _role_before(self, first: int, last: int) -> list[str]:
        """Common nouns standing before a name as its title ("union leader Tom Kerr", "council member Jo Park")."""
        out: list[str] = []
        k = first - 1
        while (
            k >= 0 and not self.inq[k] and self.doc[k].dep_ in ("compound", "amod") and k < self.doc[k].head.i <= last
        ):
            if self.doc[k].pos_ not in ("NOUN", "ADJ", "PROPN"):
                break
            out.insert(0, self.doc[k].lemma_.lower())
            k -= 1
        return out

    def _collect_names(self) -> None:
        """Every full person name, in order, for choosing the fullest form of a name."""
        seen: set[tuple[int, int]] = set()
        speaking: list[str] = []
        unsure: list[str] = []
        for first, last in self._chunks.values():
            if (first, last) in seen:
                continue
            seen.add((first, last))
            title_words, name = self._split(first, last)
            titled = self._titled(title_words) or any(person_like(w) for w in self._role_before(first, last))
            person = self._is_person_run(first, last, titled, name)
            head = self.doc[last]
            if person:
                self._names.append(name)
            elif person is None:
                unsure.append(name)
                if head.dep_ in _SUBJECT and verb_kind(head.head):
                    speaking.append(name)
        for name in speaking:
            if not self._known(name):
                # The fullest unlabelled name that ends the same way ("Jo Park" for "Park").
                longer = [n for n in unsure if n.endswith(" " + name)]
                self._names.append(max(longer, key=lambda n: len(n.split())) if longer else name)

    def _known(self, name: str) -> bool:
        return any(n == name or n.endswith(" " + name) for n in self._names)

    def canonical(self, name: str) -> str:
        """The fullest form of a person's name the article uses."""
        best = name
        for full in self._names:
            if (full == name or full.endswith(" " + name)) and len(full.split()) > len(best.split()):
                best = full
        return best

    def _name_referent(self, first: int, last: int) -> Referent | None:
        toks = self.doc[first : last + 1]
        title_words, name = self._split(first, last)
        outlet = self._outlet_of(toks.text) or self._outlet_of(name)
        if outlet:
            return self._others.setdefault("outlet:" + outlet, Referent(outlet, "outlet"))
        head = self.doc[last]
        known = bool(name) and self._known(name)
        person = True if known else self._is_person_run(first, last, self._titled(title_words), name)
        if person is None:
            person = head.dep_ in _SUBJECT and bool(verb_kind(head.head))
        if not person:
            labels = {t.ent_type_ for t in toks if t.ent_type_}
            if not name or labels & _NUMERIC_LABELS:
                return None
            label = toks.text[4:] if toks.text.startswith(("The ", "the ")) else toks.text
            return self._others.setdefault("org:" + label, Referent(label, "org"))
        canonical = self.canonical(name)
        ref = self._people.setdefault(canonical, Referent(canonical, "person"))
        ref.roles |= {w for w in title_words if w in roles()}
        ref.words |= set(title_words)
        if {"mr", "sir"} & set(title_words):
            ref.gender = "m"
        elif {"ms", "mrs", "miss", "dame"} & set(title_words):
            ref.gender = "f"
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                self._add_role(ref, child)
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i < first:
                ref.roles.add(child.lemma_.lower())
                ref.words.add(child.lower_)
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            self._add_role(ref, head.head)
        name_start = self.text.rfind(name, toks.start_char, toks.end_char) if name else -1
        ref.spans.append((name_start, name_start + len(name)) if name_start >= 0 else (toks.start_char, toks.end_char))
        return ref

    def _add_role(self, ref: Referent, noun: "Token") -> None:
        ref.roles.add(noun.lemma_.lower())
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
        if definite and not qualified:
            found = self._antecedent(head, lemma, {w.lower() for w in label.split()[:-1]}, label)
            if found is not None:
                return found
        subtree = self.doc[head.left_edge.i : head.right_edge.i + 1].text
        sentence = " ".join(t.text for t in head.sent if not self.inq[t.i])
        anonymous = lemma in ANON_HEADS or anonymity_cue(subtree) or (person_like(lemma) and anonymity_cue(sentence))
        people = person_like(lemma) or label.endswith("-old") or (speaking and lemma not in ORG_NOUNS)
        kind = "person" if people and not plural else "group"
        ref = Referent(
            label, kind, anonymous=anonymous, plural=plural, roles={lemma}, words={w.lower() for w in label.split()}
        )
        if register:
            ref.spans.append((start, end))
        return ref

    def _antecedent(self, head: "Token", lemma: str, modifiers: set[str], label: str = "") -> Referent | None:
        anon_head = lemma in ANON_HEADS
        candidates: list[Referent] = []
        for m in reversed(self._mentions):
            if m.offset >= head.idx or m.ref in candidates:
                continue
            if anon_head and m.ref.anonymous:
                candidates.append(m.ref)
            elif not anon_head and lemma in m.ref.roles and m.ref.plural == (head.tag_ in ("NNS", "NNPS")):
                candidates.append(m.ref)
        if candidates:
            return next((r for r in candidates if modifiers <= r.words), candidates[0])
        if (person_like(lemma) or label.endswith("-old")) and not anon_head and head.tag_ not in ("NNS", "NNPS"):
            return self._recent(head, lambda r: r.kind == "person" and not r.plural, window=2)
        return None

    def _recent(self, token: "Token", ok: Callable[[Referent], bool], window: int = _WINDOW) -> Referent | None:
        """The subject (else the last mention) of the nearest sentence, this one included, with a fitting referent."""
        here = self._sent[token.i]
        for sent in range(here, max(-1, here - window - 1), -1):
            found = [m for m in self._mentions if m.sent == sent and m.offset < token.idx and ok(m.ref)]
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
        ref = self._recent(token, lambda r: r.kind == "person" and not r.plural and r.gender in (None, gender))
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
            subject = tok.dep_ in _SUBJECT
            offset = tok.idx
            if tok.i in self._chunks:
                first, last = self._chunks[tok.i]
                if (first, last) in done:
                    continue
                done.add((first, last))
                ref = self._name_referent(first, last)
                subject = any(self.doc[k].dep_ in _SUBJECT for k in range(first, last + 1))
                if ref is None and subject and not self._split(first, last)[1]:
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
                ref = self._describe(tok, register=True, speaking=bool(verb_kind(tok.head)))
            elif tok.pos_ == "PRON" and subject:
                ref = self._pronoun(tok)
            else:
                continue
            if ref is None:
                continue
            self._by_token[tok.i] = ref
            self._mentions.append(_Mention(offset, self._sent[tok.i], ref, subject))

    # -- lookup -----------------------------------------------------------

    def speaker(self, head: "Token") -> Speaker:
        """Resolve the head token of an attribution's subject ("Homan", "he", "officer")."""
        doc = self.doc
        if head.lower_ in _PARTITIVES:
            # "one of the officials said": the speaker is one of a group named before.
            of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
            objects = [o for c in of for o in c.children if o.dep_ == "pobj"]
            if objects:
                inner = self.speaker(objects[0])
                start, end = head.left_edge.idx, objects[0].idx + len(objects[0].text)
                return Speaker(inner.referent, self.text[start:end], start, end)
        chunk = self._chunks.get(head.i)
        titles_only = chunk is not None and not self._split(*chunk)[1]
        if chunk is not None and not titles_only:
            first = chunk[0] - len(self._role_before(*chunk))
            start, end = doc[first].idx, doc[chunk[1]].idx + len(doc[chunk[1]].text)
        elif head.pos_ in ("NOUN", "PROPN", "ADJ"):
            start, end = noun_phrase(head, self.inq, keep_det=True)
        else:
            start, end = head.idx, head.idx + len(head.text)
        named = next((c for c in head.children if c.dep_ == "appos" and c.i in self._chunks), None)
        if head.pos_ == "NOUN" and named is not None:
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
