"""People's names in one parsed article: runs of proper nouns, their titles, and the fullest form of each name.

A run of proper nouns ("Harbor Commissioner Dana Ortiz-Reyes", "Chamber of Commerce")
is split into title words and the name proper; titles, roles before the name ("union
leader Tom Kerr") and spaCy's entity labels tell a person's name from a place's or an
organisation's. ``speakers.py`` builds its referents on this.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from slant.analyses.quotes.speech import HONORIFICS, listed_person, person_like, role_key, titles, verb_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass")
_JOINERS = frozenset({"of", "and", "&", "for"})
_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
# Last words that make a proper name a place or an organisation, whatever spaCy's label.
_NOT_PERSON_LAST = frozenset(
    """Bay County City Street Avenue Park River Beach Valley Island Hall Department Council Union
    Association Center Centre University College Committee Agency Office Party Bureau Court Coalition
    Alliance Authority Police Group Inc Corp Company Foundation Institute Administration Service Services
    Commission Board Church School Hospital Airport Port Harbor Terminal Plan Act Bill Times News Post
    Network Journal Senate House Congress Assembly States Republic Kingdom Ministry Army Navy Force Guild
    Federation Brotherhood Society Fund Trust Caucus Club League Alliance Partnership Project""".split()
)
NUMERIC_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


def speaking(head: "Token") -> bool:
    """Whether a name is the subject of a speech verb, or in apposition to it ("One of them, Ana Ruiz, told …")."""
    if head.dep_ == "appos" and head.head.dep_ in SUBJECT_DEPS:
        head = head.head
    return head.dep_ in SUBJECT_DEPS and bool(verb_kind(head.head))


class ProperNames:
    """The runs of proper nouns of one parsed article, and which of them name people."""

    def __init__(
        self,
        doc: "Doc",
        inq: Sequence[bool],
        sent: Sequence[int],
        outlet: Callable[[int, int, str], str | None],
    ) -> None:
        """Find the runs of proper nouns of one parsed article and the people among them.

        Args:
        doc: the parsed article.
        inq: per token, whether it lies within a quotation.
        sent: per token, the index of its sentence.
        outlet: the outlet a run (first, last token, name proper) names, else ``None``.
        """
        self.doc = doc
        self.inq = inq
        self._sent = sent
        self._outlet = outlet
        self.chunks = self._runs()
        self.names: list[str] = []
        self._collect()
        self._mistagged()

    def _runs(self) -> dict[int, tuple[int, int]]:
        """Token index -> (first, last) token of the run of proper nouns it belongs to.

        A run goes on across a hyphen ("Ortiz-Reyes") and across "of", "and",
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

    def _mistagged(self) -> None:
        """Make one-word runs of capitalised words that repeat a known surname ("Pike" tagged INTJ)."""
        surnames = {n.split()[-1] for n in self.names}
        for tok in self.doc:
            if tok.i not in self.chunks and not self.inq[tok.i] and tok.text in surnames and tok.text[:1].isupper():
                self.chunks[tok.i] = (tok.i, tok.i)

    def split(self, first: int, last: int) -> tuple[list[str], str]:
        """Title words and the name proper of a run of proper nouns."""
        toks = self.doc[first : last + 1]
        listed = any(c.dep_ == "conj" for c in self.doc[last].children)  # "Councilmembers Jo Park and Al Diaz"
        cut = -1
        for k, tok in enumerate(toks):
            word = tok.lower_.rstrip(".")
            # A role in another form ("Sen.", "Councilmembers Jo Park and …") counts only in the leading titles,
            # as does a word for a person opening a sentence ("Grocer Hal Finney").
            leading = cut == k - 1 and (
                (role_key(word) and (listed or not word.endswith("s")))
                or (k == 0 and len(toks) > 2 and tok.is_sent_start and listed_person(word))
            )
            if word in titles() or leading or (tok.is_punct and cut == k - 1 >= 0):
                cut = k
        name = toks[cut + 1 :].text if cut + 1 < len(toks) else ""
        return [t.lower_.rstrip(".") for t in toks[: cut + 1]], name

    @staticmethod
    def titled(title_words: list[str]) -> bool:
        return any(w in HONORIFICS or role_key(w) for w in title_words)

    def is_person_run(self, first: int, last: int, titled: bool, name: str) -> bool | None:
        """True: a person; False: not one; None: cannot tell from the run alone."""
        toks = self.doc[first : last + 1]
        if not name or self._outlet(first, last, name):
            return False
        labels = {t.ent_type_ for t in toks if t.ent_type_}
        if labels & NUMERIC_LABELS:
            return False
        if name.split()[-1] in _NOT_PERSON_LAST and "PERSON" not in labels:
            return False  # "Police Officers Association": titles inside an organisation's name
        if titled or any(person_like(w) for w in self.role_before(first, last)):
            return True
        if name.split()[-1] in _NOT_PERSON_LAST:
            return False
        if "PERSON" in labels:
            return True
        if labels & _ORG_LABELS:
            return False
        return None

    def role_before(self, first: int, last: int) -> list[str]:
        """Common nouns standing before a name as its title ("union leader Tom Kerr", "council member Jo Park")."""
        out: list[str] = []
        k = first - 1
        while (
            k >= 0 and not self.inq[k] and self.doc[k].dep_ in ("compound", "amod") and k < self.doc[k].head.i <= last
        ):
            if self.doc[k].pos_ not in ("NOUN", "ADJ", "PROPN"):
                break
            word = self.doc[k].lemma_.lower()
            if self.doc[k].head.i >= first and not (person_like(word) or role_key(word) or word in titles()):
                break  # "a charge Mayor Lin Ovitz dismissed": not a title
            out.insert(0, self.doc[k].lemma_.lower())
            k -= 1
        return out

    def _collect(self) -> None:
        """Every full person name, in order, for choosing the fullest form of a name."""
        seen: set[tuple[int, int]] = set()
        speakers: list[str] = []
        unsure: list[str] = []
        for first, last in self.chunks.values():
            if (first, last) in seen:
                continue
            seen.add((first, last))
            title_words, name = self.split(first, last)
            titled = (
                self.titled(title_words)
                or any(person_like(w) for w in self.role_before(first, last))
                or bool(self.shared_titles(last))
            )
            person = self.is_person_run(first, last, titled, name)
            head = self.doc[last]
            if person:
                self.names.append(name)
            elif person is None:
                unsure.append(name)
                if speaking(head):
                    speakers.append(name)
        for name in speakers:
            if not self.known(name):
                # The fullest unlabelled name that ends the same way ("Jo Park" for "Park").
                longer = [n for n in unsure if n.endswith(" " + name)]
                self.names.append(max(longer, key=lambda n: len(n.split())) if longer else name)

    def shared_titles(self, last: int) -> list[str]:
        """Plural titles a name shares with the one it is coordinated with ("Councilmembers Jo Park and Al Diaz")."""
        head = self.doc[last]
        if head.dep_ != "conj" or head.head.i not in self.chunks:
            return []
        first_of, last_of = self.chunks[head.head.i]
        words = self.split(first_of, last_of)[0]
        words += [t.lower_ for t in self.doc[first_of - len(self.role_before(first_of, last_of)) : first_of]]
        return [w for w in words if w.endswith("s") and role_key(w)]

    def known(self, name: str) -> bool:
        """Whether a name is (the end of) a person's name the article uses."""
        return any(n == name or n.endswith(" " + name) for n in self.names)

    def canonical(self, name: str) -> str:
        """The fullest form of a person's name the article uses."""
        best = name
        for full in self.names:
            if (full == name or full.endswith(" " + name)) and len(full.split()) > len(best.split()):
                best = full
        return best
