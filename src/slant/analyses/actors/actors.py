"""People, organisations and places mentioned, merged into one actor across all articles.

"Wes Crane", "Crane" and "the transit chief"; "NYPD" and "New York Police
Department"; "CB" and "Calder Bay" each become one ``Actor`` whose canonical
name is the fullest proper name used. Candidates come from spaCy's entities plus
proper-noun runs it missed ("Harbor Commissioner Dana Ortiz-Reyes") and a person's
name written again where the tagger saw none ("[Trump] paused", ``sweep.py``); they are
linked by exact name, surname, acronym and, for definite descriptions such as
"the sheriff", by the roles the articles give a named actor.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from slant.analyses.actors.linking import Named, UnionFind, link_names
from slant.analyses.actors.names import (
    OFFICES,
    ROLE_WORDS,
    TITLE_WORDS,
    clean_name,
    glued_hyphen,
    hyphen_tail,
    name_key,
    names_several,
    split_title,
)
from slant.analyses.actors.sweep import again
from slant.analyses.quotes.outlets import looks_like_outlet, outlet_name
from slant.model import Actor, Comparison, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from slant.nlp.resources import Resources
    from slant.settings import Settings

KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"}
_INDEFINITE = {"a", "an", "one", "another", "some", "any", "every", "each", "no"}
# Party and district tags written after a politician's name: "(D-Sabino Wells)", "R-Prescott".
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z]")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_NOT_ACRONYMS = {"OK", "TV", "AM", "PM", "ID", "UK", "US", "II", "III", "IV", "CEO", "GOP"}
_BODY_LABELS = {"ORG", "FAC", "LAW"}
_BODY = "body:"
"""Prefix of the roles of organisations, buildings and laws: resolved in their own article only."""
_DEFINITE = {"the", "this", "that"}
_TYPE_PRIORITY = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"]


def _within_sentences(start: int, end: int, bounds: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in bounds)


def _title_prefix_roles(span: "Span") -> set[str]:
    """Role words written right before a name: "Commissioner" in "Harlow County Commissioner Glen Marsh"."""
    roles: set[str] = set()
    doc = span.doc
    i = span.start - 1
    words: list[str] = []
    while i >= 0 and doc[i].text[:1].isupper() and doc[i].pos_ in {"PROPN", "NOUN", "ADJ"} and len(words) < 5:
        words.insert(0, doc[i].lower_)
        i -= 1
    for n in (2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            if n == 1 and phrase not in ROLE_WORDS and phrase not in TITLE_WORDS:
                continue
            roles.add(phrase)
    return roles


def _appositive_roles(span: "Span") -> set[str]:
    """Roles given by apposition or predication: "X, the mayor," / "X will serve as the harbor master"."""
    roles: set[str] = set()
    root = span.root
    for child in root.children:
        if child.dep_ == "appos":
            roles |= _role_phrases(child)
    if root.dep_ in {"nsubj", "nsubjpass"}:
        verb = root.head
        for child in verb.children:
            if child.dep_ == "attr":
                roles |= _role_phrases(child)
            if child.dep_ == "prep" and child.lower_ == "as":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        roles |= _role_phrases(pobj)
            if child.dep_ in {"dobj", "xcomp"}:
                for grand in child.children:
                    if grand.dep_ == "prep" and grand.lower_ == "as":
                        for pobj in grand.children:
                            if pobj.dep_ == "pobj":
                                roles |= _role_phrases(pobj)
    return roles


def _body_roles(span: "Span") -> set[str]:
    """What a named organisation, building or law is called in its own article: the head noun of its name
    ("council" for "Port Alder City Council", "department" for "Department of Public Safety") and the head of
    a description given to it by apposition or predication ("Castellan Metals, the steelmaker,")."""
    root = span.root
    roles = {f"{_BODY}{root.lower_}"} if len(span) >= 2 and root.i > span.start and root.text.isalpha() else set()
    heads = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be":
        heads += [c for c in root.head.children if c.dep_ == "attr"]
    return roles | {f"{_BODY}{h.lower_}" for h in heads if h.pos_ == "NOUN" and h.tag_ == "NN"}


def _body_phrase(token: Any) -> str | None:
    """The role key of a definite singular description that may name an organisation of the same article
    ("the council", "the steelmaker"); None for other nouns."""
    if token.tag_ != "NN" or token.dep_ == "compound":
        return None
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children):
        return None
    return f"{_BODY}{token.lower_}"


def _role_phrases(head: Any) -> set[str]:
    """The last one or two words of a role noun phrase headed by ``head`` ("housing czar", "sheriff")."""
    if head.pos_ not in {"NOUN", "PROPN"}:
        return set()
    words = [t.lower_ for t in head.lefts if t.dep_ == "compound"] + [head.lower_]
    out = {head.lower_} if head.lower_ in ROLE_WORDS else set()
    if len(words) >= 2:
        out.add(" ".join(words[-2:]))
    return out


def _extra_name_runs(doc: "Doc", taken: set[int]) -> list[tuple[int, int, str]]:
    """Proper-noun runs spaCy did not label, headed by a title: "Harbor Commissioner Dana Ortiz-Reyes"."""
    runs: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN" and i not in taken:
            j = i
            while j < len(doc) and j not in taken and (doc[j].pos_ == "PROPN" or _joins_hyphen(doc, j)):
                j += 1
            words = _glued_words(doc[i:j])
            k = 0
            while k < len(words) and words[k].lower().rstrip(".") in TITLE_WORDS | ROLE_WORDS:
                k += 1
            name = words[k:]
            if k > 0 and 2 <= len(name) <= 3 and all(w[:1].isupper() for w in name):
                runs.append((i + k, j, "PERSON"))
            i = j
        else:
            i += 1
    return runs


def _joins_hyphen(doc: "Doc", j: int) -> bool:
    """A hyphen written without spaces between two proper nouns, as in "Ortiz-Reyes"."""
    return glued_hyphen(doc, j) and doc[j + 1].pos_ == "PROPN"


def _glued_words(span: "Span") -> list[str]:
    """Words of a span, re-joining tokens written without a space between them."""
    words: list[str] = []
    glue = False
    for t in span:
        if glue and words:
            words[-1] += t.text
        else:
            words.append(t.text)
        glue = not t.whitespace_
    return words


def _candidates(comparison: Comparison) -> list[Named]:
    cands: list[Named] = []
    for article in comparison.articles:
        doc: Doc = comparison.nlp.docs[article.id]
        bounds = [(s.start, s.end) for s in article.sentences]
        spans: list[tuple[Span, str]] = [
            (hyphen_tail(e) if e.label_ == "PERSON" else e, e.label_) for e in doc.ents if e.label_ in KEPT_LABELS
        ]
        taken = {t.i for e, _ in spans for t in e}
        spans += [(doc[s:e], label) for s, e, label in _extra_name_runs(doc, taken)]
        spans += [
            (doc[t.i : t.i + 1], "ORG")
            for t in doc
            if t.i not in taken and _ACRONYM.match(t.text) and t.text not in _NOT_ACRONYMS
        ]
        for span, label in spans:
            while len(span) > 1 and span[-1].pos_ == "CCONJ":  # the tagger's fragment "North and"
                span = span[:-1]
            if names_several(span, label):
                continue  # "North and South Korea", "Donald and Melania Trump": several, not one actor
            text, offset = clean_name(span.text)
            if not text or not any(ch.isupper() for ch in text) or _PARTY_TAG.match(text):
                continue
            words = text.split(" ")
            cut = split_title(words)
            if cut:
                head = " ".join(words[:cut]) + " "
                text, offset, label = text[len(head) :], offset + len(head), "PERSON"
                span = span.doc.char_span(span.start_char + offset, span.start_char + offset + len(text)) or span
            start = span.start_char + offset if cut == 0 else span.start_char
            end = start + len(text)
            if not _within_sentences(start, end, bounds):
                continue
            cand = Named(article.id, start, end, text, label, name_key(text), name_key(text).split())
            if label == "PERSON":
                cand.roles = _title_prefix_roles(span) | _appositive_roles(span)
            elif label in _BODY_LABELS:
                cand.roles = _body_roles(span)
            cands.append(cand)
    return cands + again(comparison, cands)


def _role_owner(owners: dict[str, set[tuple[int, str]]], role: str, article: str) -> int | None:
    """The one actor a role phrase names in an article.

    A role given in the same article counts first; an office ("the mayor", "the
    housing czar") may also be resolved through another article, but a kind of
    person ("the teacher", "the officer") never is: two articles' teachers are
    seldom the same person.
    """
    here = {root for root, art in owners.get(role, set()) if art == article}
    if len(here) == 1:
        return next(iter(here))
    everywhere = {root for root, _ in owners.get(role, set())}
    if not here and len(everywhere) == 1 and role.split()[-1] in OFFICES:
        return next(iter(everywhere))
    return None


def _nominal_mentions(
    comparison: Comparison, owners: dict[str, set[tuple[int, str]]]
) -> list[tuple[str, int, int, str, int]]:
    """Definite descriptions ("the sheriff", "the “housing czar”") that name exactly one actor."""
    found: list[tuple[str, int, int, str, int]] = []
    for article in comparison.articles:
        doc: Doc = comparison.nlp.docs[article.id]
        bounds = [(s.start, s.end) for s in article.sentences]
        for token in doc:
            if token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_ or token.dep_ == "poss":
                continue
            if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in token.children):
                continue  # "a former teacher" introduces someone; it does not refer back
            phrases = sorted(_role_phrases(token), key=len, reverse=True)
            body = _body_phrase(token)
            hits = [
                (p, owner)
                for p in [*phrases, *([body] if body else [])]
                if (owner := _role_owner(owners, p, article.id)) is not None
            ]
            if not hits or _is_name_title(token):
                continue
            owner = hits[0][1]
            left = token
            for t in token.lefts:
                if t.dep_ in {"compound", "amod"} and t.i < left.i:
                    left = t
            words = [t for t in doc[left.i : token.i + 1] if not t.is_punct]
            if any(t.ent_type_ in {"PERSON", "ORG"} for t in words):
                continue
            start = words[0].idx if words else token.idx
            end = token.idx + len(token.text)
            if _within_sentences(start, end, bounds):
                found.append((article.id, start, end, article.text[start:end], owner))
    return found


def _is_name_title(token: Any) -> bool:
    """True for a title written against a name ("Commissioner" in "Commissioner Glen Marsh"): not a separate mention."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
        return True
    return bool(token.dep_ == "compound" and token.head.pos_ == "PROPN")


def _canonical(members: list[Named], org_names: list[str]) -> tuple[str, str]:
    """The fullest proper name used, and the type most of its mentions carry.

    A known news outlet is an organisation whatever spaCy labelled it.
    A "person" whose name is part of organisation names ("Calder Bay" in "Port
    Authority of Calder Bay") is a place spaCy mislabelled.
    """
    labels = Counter(m.label for m in members)
    person_full = any(m.label == "PERSON" and len(m.tokens) >= 2 for m in members)
    inside_orgs = any(f" {m.key} " in f" {org} " for m in members for org in org_names if org != m.key)
    if any(outlet_name(m.text) or looks_like_outlet(m.text.split()) for m in members):
        kind = "ORG"  # a news outlet spaCy took for a person ("Riverside Ledger")
    elif inside_orgs and labels["PERSON"]:
        kind = "GPE"
    elif person_full or (labels["PERSON"] and labels["PERSON"] >= max(labels.values())):
        kind = "PERSON"
    else:
        kind = min(labels, key=lambda lab: (-labels[lab], _TYPE_PRIORITY.index(lab)))
    pool = [m for m in members if not (m.text.replace(".", "").isupper() and len(m.tokens) == 1)] or members
    names = Counter(m.text for m in pool)
    name = max(names, key=lambda n: (len(n.split()), names[n], -len(n)))
    return name, kind


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """Find the actors of every article and merge them across articles.

    Returns:
        ``{"actors": [Actor, ...]}`` ordered by number of mentions, then name.
    """
    cands = _candidates(comparison)
    uf = UnionFind(len(cands))
    link_names(cands, uf)
    clusters: dict[int, list[Named]] = defaultdict(list)
    for i, c in enumerate(cands):
        clusters[uf.find(i)].append(c)

    # Roles: a role phrase names an actor when exactly one person cluster carries it.
    owners: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for root, members in clusters.items():
        for m in members:
            for role in m.roles:
                owners[role].add((root, m.article))
    nominal = _nominal_mentions(comparison, owners)

    org_names = [c.key for c in cands if c.label in {"ORG", "FAC", "GPE", "LOC"} and len(c.tokens) >= 3]
    actors: list[Actor] = []
    for root, members in clusters.items():
        name, kind = _canonical(members, org_names)
        mentions = [Mention(article=m.article, text=m.text, start=m.start, end=m.end) for m in members]
        mentions += [Mention(article=a, text=t, start=s, end=e) for a, s, e, t, owner in nominal if owner == root]
        mentions = _dedupe(mentions)
        order = {a.id: i for i, a in enumerate(comparison.articles)}
        mentions.sort(key=lambda m: (order[m.article], m.start))
        aliases = sorted({m.text for m in mentions if m.text != name}, key=str.lower)
        articles = sorted({m.article for m in mentions}, key=order.__getitem__)
        actors.append(Actor(id="", name=name, type=kind, aliases=aliases, mentions=mentions, articles=articles))
    actors.sort(key=lambda a: (-len(a.articles), -len(a.mentions), a.name.lower()))
    for i, actor in enumerate(actors, start=1):
        actor.id = f"p{i}"
    return {"actors": actors}


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[str, int, int]] = set()
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.article, m.start, -(m.end - m.start))):
        if any(m.article == a and s <= m.start and m.end <= e for a, s, e in seen):
            continue
        seen.add((m.article, m.start, m.end))
        out.append(m)
    return out


def actor_at(actors: list[Actor], article: str, start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping ``article[start:end]``, if any."""
    for actor in actors:
        for m in actor.mentions:
            if m.article == article and m.start < end and start < m.end:
                return actor
    return None
