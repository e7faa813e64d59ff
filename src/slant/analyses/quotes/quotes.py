"""Quotes, their speakers (pronouns and titles resolved), speech verbs, anonymous sources and cited outlets.

For every article: each quoted stretch that is speech becomes a direct
``Quote`` with the speaker its attribution names; quotations with no
attribution of their own continue the speech just before them (later
paragraphs of a long quotation, a second quoted sentence); short unattributed
quoted phrases are scare quotes and are left to the language analysis. Reported
speech ("X said (that) …", "according to X, …", "X slammed the plan as rushed")
becomes an indirect ``Quote``. Only people and organisations speak: a document,
a sign or an outlet cited with "according to" does not. Outlets cited as
sources (other than the article's own) become ``SourceCite``s, and the
``cited_outlet`` of the quotes whose attribution names them. When ``comparison.actors`` is filled, speakers are
named and linked as the actors analysis names them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from slant.analyses.quotes import attribution, documents
from slant.analyses.quotes.attribution import Found
from slant.analyses.quotes.outlets import find_cites, same_outlet, tied_outlet
from slant.analyses.quotes.quotemarks import Quoted, find_quoted, within
from slant.analyses.quotes.reporting import according_clause, according_to, judgement, reported_clause, subject_of
from slant.analyses.quotes.speakers import Discourse, Referent, Speaker
from slant.analyses.quotes.speech import is_negated, is_passive, may_speak, person_like, verb_kind
from slant.errors import PipelineError
from slant.model import Actor, Article, Comparison, Quote, Sentence, SourceCite

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from slant.nlp.resources import Resources
    from slant.settings import Settings

_TRIM = " \t\n,;:"
# Which actor types a speaker of each kind may be.
_ACTOR_TYPES = {"person": {"PERSON"}, "org": {"ORG", "GPE", "NORP", "FAC"}, "outlet": {"ORG", "PERSON"}}
_GOING_ON = frozenset({"go", "continue", "proceed", "repeat"})
_QUOTE_OPENERS = "\"“‘'«„"


@dataclass(frozen=True)
class _Attr:
    """Who a stretch of speech is attributed to, and where that attribution ends."""

    speaker: Speaker | None
    verb: str | None
    outlet: str | None
    end: int
    paragraph: int
    direct: bool


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """Find the quotes and cited outlets of every article.

    Args:
        comparison: parsed articles (``comparison.nlp.docs``); ``actors`` used when present.
        resources: unused; models are never loaded here.
        settings: unused.

    Returns:
        ``{"quotes": [Quote, ...], "sources": [SourceCite, ...]}`` in article and text order.

    Raises:
        PipelineError: the articles were not parsed first.
    """
    docs = getattr(comparison.nlp, "docs", None)
    if docs is None:
        raise PipelineError("the quotes analysis needs parsed articles; run slant.nlp.parse.parse() first")
    quotes: list[Quote] = []
    sources: list[SourceCite] = []
    for article in comparison.articles:
        if article.id not in docs:
            raise PipelineError(f"article {article.id!r} was not parsed; run slant.nlp.parse.parse() first")
        found_quotes, found_sources = ArticleQuotes(article, docs[article.id], comparison.actors or []).find()
        quotes += found_quotes
        sources += found_sources
    return {"quotes": quotes, "sources": sources}


class ArticleQuotes:
    """Quotes and cited outlets of one parsed article."""

    def __init__(self, article: Article, doc: "Doc", actors: Sequence[Actor]) -> None:
        self.article = article
        self.doc = doc
        self.text = article.text
        self.sentences: list[Sentence] = article.sentences
        self._starts = [s.start for s in self.sentences]
        self.quoted = [q for q in find_quoted(self.text) if self.sentence_at(q.start) is not None]
        self.inq = within(self.quoted, [tok.idx for tok in doc])
        self.cites = find_cites(
            doc,
            [(s.start, s.end) for s in self.sentences],
            [(q.open, q.close if q.close is not None else q.end) for q in self.quoted],
        )
        # Outlets the article cites besides itself ("told The Post" in the Post is no citation).
        self.cited = [c for c in self.cites if not same_outlet(c.outlet, article.outlet)]
        self.discourse = Discourse(doc, self.inq, cited=[(c.start, c.end, c.outlet) for c in self.cites])
        self._actor_spans = sorted(
            ((m.start, m.end, actor) for actor in actors for m in actor.mentions if m.article == article.id),
            key=lambda item: (item[0], item[1]),
        )
        self._actors = [
            a for a in actors if article.id in a.articles or any(m.article == article.id for m in a.mentions)
        ]
        self._paragraph_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]

    # -- helpers ----------------------------------------------------------

    def sentence_at(self, offset: int) -> Sentence | None:
        """The (non-boilerplate) sentence holding a character offset."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self.sentences[k].start <= offset < self.sentences[k].end:
            return self.sentences[k]
        return None

    def _paragraph_start(self, offset: int) -> int:
        return self._paragraph_starts[bisect.bisect_right(self._paragraph_starts, offset) - 1]

    def _paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self._paragraph_starts, offset) - 1

    def _attr(self, found: Found, direct: bool) -> _Attr:
        speaker = self.discourse.speaker(found.subject) if found.subject is not None else None
        if speaker is not None and speaker.referent is not None and speaker.referent.kind == "outlet":
            own = same_outlet(speaker.referent.label, self.article.outlet)
            outlet: str | None = None if own else speaker.referent.label
        else:
            outlet = tied_outlet(found.verb, self.cited)
            if speaker is not None and found.subject is not None and not may_speak(found.subject):
                # "the report said", "a mark saying": words, but nobody who spoke them, unless the
                # article says whose document it is ("a letter from 90 faculty members ... The letter says").
                owner = self._document_owner(found.subject)
                speaker = Speaker(owner, speaker.mention, speaker.start, speaker.end)
        return _Attr(
            speaker=speaker,
            verb=found.lemma or None,
            outlet=outlet,
            end=found.end,
            paragraph=self._paragraph(found.verb.idx),
            direct=direct,
        )

    def _document_owner(self, subject: "Token") -> Referent | None:
        """The person or group a document speaking as a subject ("the letter says") belongs to (documents.py)."""
        for owner in documents.owners(subject, self.inq, self.discourse.sentence_of):
            if may_speak(owner):
                ref = self.discourse.speaker(owner).referent
                if ref is not None and ref.kind in ("person", "group", "org"):
                    return ref
        return None

    def _actor(self, speaker: Speaker) -> Actor | None:
        """The actor a speaker is, by where the article names them, else by name."""
        ref = speaker.referent
        if ref is None or ref.anonymous or ref.kind not in _ACTOR_TYPES:
            return None
        types = _ACTOR_TYPES[ref.kind]
        for start, end in [*reversed(ref.spans), (speaker.start, speaker.end)]:
            for a_start, a_end, actor in self._actor_spans:
                if a_start < end and start < a_end and actor.type in types:
                    return actor
        for actor in self._actors:
            if actor.type in types and (ref.label == actor.name or ref.label in actor.aliases):
                return actor
        return None

    def _quote(self, attr: _Attr | None, start: int, end: int, direct: bool) -> Quote | None:
        sentence = self.sentence_at(start)
        if sentence is None or end <= start:
            return None
        speaker = attr.speaker if attr is not None else None
        ref = speaker.referent if speaker is not None else None
        actor = self._actor(speaker) if speaker is not None else None
        return Quote(
            article=self.article.id,
            speaker=actor.name if actor is not None else (ref.label if ref is not None else None),
            mention=speaker.mention if speaker is not None else None,
            verb=attr.verb if attr is not None else None,
            text=self.text[start:end],
            direct=direct,
            anonymous=bool(ref is not None and ref.anonymous),
            start=start,
            end=end,
            sentence=sentence.id,
            speaker_actor=actor.id if actor is not None else None,
            cited_outlet=attr.outlet if attr is not None else None,
        )

    # -- indirect speech --------------------------------------------------

    def _headline(self) -> tuple[int, int]:
        """Bounds of a first line that reads as a headline (no closing full stop, more lines follow)."""
        first = self.text.lstrip()
        line = first.split("\n", 1)[0].rstrip()
        offset = len(self.text) - len(first)
        if "\n" in first and line and line[-1] not in '.!?"”’' and len(line.split()) < 25:
            return offset, offset + len(line)
        return 0, 0

    def _speaks(self, head: "Token", speaker: Speaker, cue: str) -> bool:
        """Whether what an attribution names can be a speaker (not a document or, after "according to", an outlet)."""
        ref = speaker.referent
        if ref is not None and ref.kind == "outlet":
            return False  # "Reuters reported", "according to Fox News": a cited outlet, not a speaker
        if not may_speak(head):
            return False  # "according to port documents", "licences saying": no one spoke
        if cue != "according to" or ref is None:
            return True
        if ref.anonymous or ref.kind == "person":
            return True
        return (ref.kind == "group" and person_like(head.lemma_)) or (ref.kind == "org" and head.pos_ == "PROPN")

    def _object_report(self, verb: "Token", subject: "Token") -> "Span | None":
        """A report whose content is a noun phrase, kept when a source is unnamed or an outlet is cited:
        ‘Two people familiar with the matter confirmed the plan to The New York Times’.
        """
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        if not objects or any(person_like(o.lemma_) or self._cited(o.idx) for o in objects):
            return None
        ref = self.discourse.speaker(subject).referent
        if not (ref is not None and ref.anonymous) and tied_outlet(verb, self.cited) is None:
            return None
        lo, hi = verb.left_edge.i, verb.right_edge.i + 1
        while hi > lo and (self.doc[hi - 1].is_punct or self.doc[hi - 1].is_space):
            hi -= 1
        return self.doc[lo:hi]

    def _cited(self, offset: int) -> bool:
        return any(c.start <= offset < c.end for c in self.cites)

    def _reported(self, tok: "Token", end: int) -> "tuple[Span, Found] | None":
        """The words an "according to" or a reporting verb reports, and its attribution; ``None`` if none."""
        obj = according_to(tok)
        if obj is not None and not self.inq[obj.i]:
            clause = according_clause(tok)
            return (clause, Found(tok, "according to", obj, end)) if clause is not None else None
        kind = verb_kind(tok)
        if kind not in ("report", "name", "judge") or is_passive(tok) or is_negated(tok):
            return None
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() not in _GOING_ON:
            return None  # "declined to say", "organized to demand": nothing was reported
        subject = subject_of(tok, self.inq)
        if subject is None:
            return None
        found = Found(tok, tok.lemma_.lower(), subject, end)
        if kind != "report":
            clause = judgement(tok, self.inq)  # "called such removals a threat", "slammed it as rushed"
            return (clause, found) if clause is not None else None
        clause = reported_clause(tok, self.inq)
        if clause is None:
            clause = self._object_report(tok, subject)
            return (clause, found) if clause is not None else None
        if clause.start <= subject.i < clause.end and not tok.left_edge.i <= subject.i <= tok.right_edge.i:
            return None  # the "speaker" is part of what is reported
        if attribution.introduces(tok, self.text, self.quoted):
            return None
        return clause, found

    def _indirect(self) -> tuple[list[Quote], list[_Attr]]:
        quotes: list[Quote] = []
        attrs: list[_Attr] = []
        head_lo, head_hi = self._headline()
        for sentence in self.sentences:
            if head_lo <= sentence.start < head_hi:
                continue
            span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                reported = None if self.inq[tok.i] else self._reported(tok, sentence.end)
                if reported is None:
                    continue
                clause, found = reported
                if sum(1 for t in clause if t.is_alpha and not self.inq[t.i]) < 3:
                    continue
                attr = self._attr(found, direct=False)
                if (
                    found.subject is None
                    or attr.speaker is None
                    or not self._speaks(found.subject, attr.speaker, found.lemma)
                ):
                    continue
                quote = self._quote(attr, clause.start_char, clause.end_char, direct=False)
                if quote is not None:
                    quotes.append(quote)
                    attrs.append(attr)
        return quotes, attrs

    # -- direct speech ----------------------------------------------------

    def _own(self, q: Quoted) -> Found | None:
        para = self._paragraph_start(q.open)
        order: tuple[Callable[[], attribution.Found | None], ...]
        if attribution.opens_sentence(self.text, q, para):
            order = (
                lambda: attribution.after(self.doc, q, self.inq),
                lambda: attribution.before(self.doc, q, self.inq, self.text, para),
                lambda: attribution.governing(self.doc, q, self.inq),
            )
        else:
            if attribution.is_label(self.doc, q):
                return None
            phrase = attribution.phrase_before(self.doc, q, self.inq)
            if phrase is not None and not phrase.lemma:  # "in the words of one federal monitor, … “…”"
                return phrase
            order = (
                lambda: attribution.governing(self.doc, q, self.inq),
                lambda: attribution.before(self.doc, q, self.inq, self.text, para),
                lambda: attribution.after(self.doc, q, self.inq),
                lambda: phrase,
            )
        for attempt in order:
            found = attempt()
            if found is not None:
                return found
        return None

    def _continued(self, q: Quoted, earlier: list[_Attr]) -> _Attr | None:
        """The attribution a quotation with none of its own continues, if only white space lies between."""
        before = [a for a in earlier if a.end <= q.open]
        if not before:
            return None
        last = max(before, key=lambda a: a.end)
        gap = self.text[self._past_labels(last.end, q.open) : q.open]
        if gap.strip(" \t\n.,\"'“”‘’") or last.speaker is None:
            return None
        if not last.direct and last.paragraph != self._paragraph(q.open):
            return None
        return last

    def _past_labels(self, end: int, limit: int) -> int:
        """Where an attribution ending at ``end`` really ends when a quoted title cut it short: the end of
        its sentence if every quotation from ``end`` to there is a label (‘said Trump on NBC's “Today”
        show, according to TIME.’), else ``end``."""
        sentence = self.sentence_at(end) or self.sentence_at(max(0, end - 1))
        if sentence is None or sentence.end > limit:
            return end
        between = [q for q in self.quoted if end <= q.open < sentence.end]
        if not between or not all(attribution.is_label(self.doc, q) for q in between):
            return end
        return sentence.end

    def _same_sentence(self, n: int, own: dict[int, _Attr]) -> _Attr | None:
        """The attribution of an earlier quotation in the sentence that a quoted fragment goes on with."""

        def sentence_id(offset: int) -> str | None:
            sentence = self.sentence_at(offset)
            return sentence.id if sentence is not None else None

        k = attribution.goes_on_from(self.doc, self.quoted, n, set(own), self.inq, sentence_id)
        return own[k] if k is not None else None

    def _introduced(self, q: Quoted) -> _Attr | None:
        """The person named as the subject of the sentence just before an unattributed quotation in its
        paragraph (‘Councilwoman Rita Sandoval spoke first. “The contract was rigged. …”’).
        """
        subject = attribution.introduced_by(self.doc, q, self.inq, self.text, self._paragraph_start(q.open))
        speaker = self.discourse.speaker(subject) if subject is not None else None
        if speaker is None or speaker.referent is None or speaker.referent.kind != "person":
            return None
        return _Attr(speaker, None, None, q.open, self._paragraph(q.open), True)

    def _direct(self, indirect: list[_Attr]) -> list[Quote]:
        own: dict[int, _Attr] = {}
        for n, q in enumerate(self.quoted):
            found = self._own(q)
            if found is not None:
                own[n] = self._attr(found, direct=True)
        by_block: dict[int, _Attr] = {}
        for n, q in enumerate(self.quoted):
            if n in own and q.block not in by_block:
                by_block[q.block] = own[n]
        quotes: list[Quote] = []
        earlier = list(indirect)
        for n, q in enumerate(self.quoted):
            attr = own.get(n) or by_block.get(q.block)
            if attr is None and not attribution.opens_sentence(self.text, q, self._paragraph_start(q.open)):
                attr = self._same_sentence(n, own)
                if attr is None:
                    continue  # a scare quote, a title, a term: not speech
            elif attr is None:
                speech = attribution.speech_like(self.doc, q)
                if speech or attribution.ends_sentence(self.text, q):
                    attr = self._continued(q, earlier)
                if attr is None and speech:
                    attr = self._introduced(q)
                if attr is None and not speech:
                    continue
            if attr is not None:
                end = q.close + 1 if q.close is not None else q.end
                earlier.append(
                    _Attr(attr.speaker, attr.verb, attr.outlet, max(end, attr.end), self._paragraph(q.open), True)
                )
            start, stop = q.start, q.end
            while stop > start and self.text[stop - 1] in _TRIM:
                stop -= 1
            quote = self._quote(attr, start, stop, direct=True)
            if quote is not None:
                quotes.append(quote)
        return quotes

    # -- all --------------------------------------------------------------

    def _introducing_verb(self, sentence: Sentence) -> Found | None:
        """The speech verb and subject of a sentence that introduces a block with a colon
        (‘Lauten wrote in a Facebook post:’, ‘Trump lashed out on Twitter, saying:’)."""
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or any(self.inq[t.i] for t in span):
            return None
        root = span.root
        for verb in [root, *(c for c in root.children if c.dep_ in ("advcl", "xcomp", "conj"))]:
            if verb_kind(verb) is None:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            subject = subject or next((c for c in root.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in ("PROPN", "PRON", "NOUN"):
                return Found(verb, verb.lemma_.lower(), subject, sentence.end)
        return None

    def _unmarked_blocks(self, found: Sequence[Quote]) -> list[Quote]:
        """Paragraphs quoted without quotation marks: a paragraph right after one that ends with a
        colon after a speech verb (‘Lauten wrote on Facebook:’ then the post itself), attributed to
        that verb's subject. Only the next paragraph counts, and only if no quote already covers it."""
        paragraphs: list[list[Sentence]] = []
        for sent in self.sentences:
            if paragraphs and paragraphs[-1][-1].paragraph == sent.paragraph:
                paragraphs[-1].append(sent)
            else:
                paragraphs.append([sent])
        quotes = []
        for lead, block in zip(paragraphs, paragraphs[1:], strict=False):
            if not lead[-1].text.rstrip().endswith(":") or block[0].paragraph != lead[-1].paragraph + 1:
                continue
            start, end = block[0].start, block[-1].end
            if self.text[start] in _QUOTE_OPENERS or any(q.start < end and start < q.end for q in found):
                continue
            verb = self._introducing_verb(lead[-1])
            if verb is not None:
                quote = self._quote(self._attr(verb, direct=True), start, end, direct=True)
                if quote is not None:
                    quotes.append(quote)
        return quotes

    def find(self) -> tuple[list[Quote], list[SourceCite]]:
        """Quotes (direct and indirect, in text order) and cited outlets of the article."""
        indirect_quotes, indirect_attrs = self._indirect()
        quotes = self._direct(indirect_attrs) + indirect_quotes
        quotes += self._unmarked_blocks(quotes)
        quotes.sort(key=lambda q: (q.start, not q.direct))
        sources = []
        for cite in self.cited:
            sentence = self.sentence_at(cite.cue_start)
            if sentence is None:
                continue
            sources.append(
                SourceCite(
                    article=self.article.id,
                    outlet=cite.outlet,
                    sentence=sentence.id,
                    start=cite.cue_start,
                    end=cite.cue_end,
                    cue=self.text[cite.cue_start : cite.cue_end],
                )
            )
        return quotes, sources
