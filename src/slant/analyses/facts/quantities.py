"""Quantities a claim states — counts, money, percentages, vote tallies, days and dates — in comparable form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WORD_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "twice": 2,
    "thrice": 3,
    "half": 0.5,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
# "voted 6-3", "a 5-2 vote": a tally, unless a percent sign follows ("60-50%").
_TALLY_IN_TEXT = re.compile(r"(?<![\d.,$-])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\d%-]|[.,]\d|\s?percent)")
_NUMBER = re.compile(r"^[$€£]?(\d[\d,]*(?:\.\d+)?)(%|k|m|bn)?$", re.IGNORECASE)
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
# Nouns that count people: counts of any of them measure the same thing ("80,000 people" vs "120,000 immigrants").
PEOPLE = frozenset(
    """people person persons individual individuals resident residents immigrant immigrants migrant migrants
    worker workers employee employees voter voters student students family families child children adult adults
    patient patients applicant applicants member members officer officers refugee refugees citizen citizens
    passenger passengers inmate inmates victim victims protester protesters demonstrator demonstrators""".split()
)
# Numbers too vague to contradict anything ("millions of", "thousands of").
_VAGUE = {"thousands", "millions", "billions", "hundreds", "dozens", "several", "many", "few"}


@dataclass(frozen=True)
class Quantity:
    """A value stated in a claim, keyed by what it measures so two claims can be compared."""

    key: str
    """What is measured: "money", "percent", "tally", "weekday", "date", "year" or "count:<noun lemma>"."""
    value: str
    """Normalised value ("1200", "7-2", "tuesday")."""
    text: str
    start: int
    end: int


def parse_number(text: str) -> float | None:
    """Read "1,200", "3.5", "seven", "$3 million", "twice" as a number; None when it is not one."""
    words = text.lower().replace("$", "").replace("€", "").replace("£", "").replace("%", "").split()
    value: float | None = None
    for word in (w.strip(",.") for w in words):
        match = _NUMBER.match(word)
        if match:
            scale = SCALES.get((match.group(2) or "").lower(), 1)
            value = (value or 0) + float(match.group(1).replace(",", "")) * scale
        elif word == "hundred":
            value = (value or 1) * 100
        elif word in WORD_NUMBERS:
            value = (value or 0) + WORD_NUMBERS[word]
        elif word in SCALES:
            value = (value or 1) * SCALES[word]
        elif word not in {"and", "a", "an"}:
            break
    return value


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _counted_noun(tokens: list["Token"]) -> str | None:
    """Lemma of the noun a number counts: "1,400 permanent jobs" -> "job", "60 of the workers" -> "worker"."""
    last = tokens[-1]
    head = last
    for _ in range(3):
        if head.dep_ in {"nummod", "quantmod", "compound", "amod"} and head.head is not head:
            head = head.head
            if head.pos_ in {"NOUN", "PROPN"} and not head.like_num:
                return head.lemma_.lower()
        else:
            break
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.lower_ == "of":
        for t in nxt.subtree:
            if t.dep_ == "pobj" and t.pos_ == "NOUN":
                return t.lemma_.lower()
    return None


def _number_runs(span: "Span") -> list[list["Token"]]:
    runs: list[list[Token]] = []
    run: list[Token] = []
    for tok in span:
        word = tok.lower_
        numeric = tok.like_num or bool(_NUMBER.match(word)) or word in WORD_NUMBERS or (run and word in SCALES)
        if numeric and not (word in {"one", "half"} and tok.dep_ not in {"nummod", "quantmod"}):
            run.append(tok)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _month_day(tok: "Token") -> tuple[str, "Token", "Token"] | None:
    """A date written "Jan. 5" or "5 January": its normalised value and first and last tokens."""
    doc = tok.doc
    month = tok.lower_.rstrip(".")[:3]
    if tok.i + 1 < len(doc) and _DAY.fullmatch(doc[tok.i + 1].lower_):
        day = doc[tok.i + 1]
        return f"{month} {int(re.sub(r'[a-z]', '', day.lower_))}", tok, day
    if tok.i > 0 and _DAY.fullmatch(doc[tok.i - 1].lower_):
        day = doc[tok.i - 1]
        return f"{month} {int(re.sub(r'[a-z]', '', day.lower_))}", day, tok
    return None


def _dated(span: "Span") -> list[Quantity]:
    found: list[Quantity] = []
    for tok in span:
        word = tok.lower_
        if word in WEEKDAYS:
            found.append(Quantity("weekday", word, tok.text, tok.idx, tok.idx + len(tok.text)))
        elif re.fullmatch(r"(19|20)\d\d", word) and tok.ent_type_ in {"DATE", ""}:
            found.append(Quantity("year", word, tok.text, tok.idx, tok.idx + len(tok.text)))
        elif word.rstrip(".") in MONTHS and tok.pos_ == "PROPN":
            dated = _month_day(tok)
            if dated is not None:
                value, first, last = dated
                text = span.doc[first.i : last.i + 1].text
                found.append(Quantity("date", value, text, first.idx, last.idx + len(last.text)))
            else:
                # "in June", "by July": a month alone still dates the claim.
                found.append(Quantity("month", word.rstrip(".")[:3], tok.text, tok.idx, tok.idx + len(tok.text)))
    return found


def quantities_in(span: "Span") -> list[Quantity]:
    """Every comparable quantity stated inside a span of a parsed document."""
    found = _dated(span)
    text = span.text
    for m in _TALLY_IN_TEXT.finditer(text):
        start = span.start_char + m.start()
        found.append(Quantity("tally", f"{m.group(1)}-{m.group(2)}", m.group(0), start, start + len(m.group(0))))
    taken = {i for q in found for i in range(q.start, q.end)}
    for run in _number_runs(span):
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        if start in taken or any(t.lower_ in _VAGUE for t in run) or run[0].ent_type_ in {"DATE", "TIME", "ORDINAL"}:
            continue
        phrase = span.doc[run[0].i : run[-1].i + 1].text
        value = parse_number(phrase)
        if value is None:
            continue
        before = run[0].nbor(-1) if run[0].i > 0 else None
        after = run[-1].nbor(1) if run[-1].i + 1 < len(run[-1].doc) else None
        if before is not None and before.text in {"$", "€", "£"}:
            found.append(Quantity("money", _fmt(value), before.text + phrase, before.idx, end))
        elif after is not None and after.lower_ in {"%", "percent", "per"}:
            found.append(
                Quantity(
                    "percent", _fmt(value), span.doc[run[0].i : after.i + 1].text, start, after.idx + len(after.text)
                )
            )
        elif after is not None and after.lower_ in {"dollars", "usd"}:
            found.append(Quantity("money", _fmt(value), phrase, start, end))
        else:
            noun = _counted_noun(run)
            if noun is not None and noun.isalpha() and noun not in WEEKDAYS:
                measure = "people" if noun in PEOPLE else noun
                found.append(Quantity(f"count:{measure}", _fmt(value), phrase, start, end))
    return found
