"""Attribution rules on short texts written for these tests: titles and roles, participles, cited outlets,
non-human subjects, pronouns after long quotations, partial quotes, parenthetical attributions, loaded verbs.

Each text is parsed with the real spaCy pipeline (loaded once per session).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from slant.analyses.quotes.quotes import run
from slant.model import Article, Comparison, Quote
from slant.nlp.parse import parse
from slant.nlp.resources import Resources
from slant.settings import Settings

Find = Callable[..., dict[str, Any]]


@pytest.fixture()
def find(nlp_resources: Resources) -> Find:
    def find(text: str, outlet: str | None = None) -> dict[str, Any]:
        article = Article(id="a1", source="t", text=text, outlet=outlet)
        return run(parse(Comparison(articles=[article]), nlp_resources), nlp_resources, Settings())

    return find


def _quote(quotes: list[Quote], fragment: str, direct: bool | None = None) -> Quote:
    found = [q for q in quotes if fragment in q.text and (direct is None or q.direct is direct)]
    assert found, f"no quote holding {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


# -- 1. a title or role resolves to the person who holds it ------------------------------------

# id, text, fragment, speaker, mention
TITLES = [
    (
        "plural-title-councilman",
        "The council passed the measure 6-2, with Councilmembers Dara Voss and Eli Marsh opposed. "
        'Marsh criticized the timeline. "We were given two days to read it," the councilman said.',
        "We were given two days",
        "Eli Marsh",
        "the councilman",
    ),
    (
        "plural-title-supervisor",
        "The board approved the budget on a 4-3 vote, with Supervisors Nora Quill and Ben Ostrow voting no.\n\n"
        'Ostrow called the process a sham. "Nobody read this budget before we voted," the supervisor said.',
        "Nobody read this budget",
        "Ben Ostrow",
        "the supervisor",
    ),
    (
        "abbreviated-title",
        'Sen. Amy Holt and Mayor Rob Tate toured the plant on Friday. Tate left early. "The plant must stay open," '
        "the senator said.",
        "The plant must stay open",
        "Amy Holt",
        "the senator",
    ),
    (
        "sergeant-with-full-stop",
        'Sgt. Kim Oduya leads the union. "Morale has never been lower," the sergeant said.',
        "Morale has never been lower",
        "Kim Oduya",
        "the sergeant",
    ),
    (
        "nobody-holds-it-previous-subject",
        'Dana Reyes left the meeting with Tom Hill on Monday. "Nothing was decided," the official said.',
        "Nothing was decided",
        "Dana Reyes",
        "the official",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "mention"), [c[1:] for c in TITLES], ids=[c[0] for c in TITLES]
)
def test_quotes_attribution_role_resolves_to_its_holder(
    find: Find, text: str, fragment: str, speaker: str, mention: str
) -> None:
    quote = _quote(find(text)["quotes"], fragment, direct=True)
    assert (quote.speaker, quote.mention) == (speaker, mention)


@pytest.mark.slow
def test_quotes_attribution_office_is_not_another_office(find: Find) -> None:
    text = 'Mayor Lin Ovitz spoke first. "The state has abandoned this town," the governor said.'
    quote = _quote(find(text)["quotes"], "abandoned this town")
    assert quote.speaker != "Lin Ovitz"


@pytest.mark.slow
def test_quotes_attribution_title_and_name_in_one_sentence(find: Find) -> None:
    quote = _quote(find('"We are out of patience," said union president Sgt. Kim Oduya.')["quotes"], "patience")
    assert (quote.speaker, quote.mention) == ("Kim Oduya", "union president Sgt. Kim Oduya")


# -- 2. a participle set off by a comma speaks for the main clause -----------------------------

PARTICIPLES = [
    (
        "announced-that",
        "Governor Ada Mireles announced that Commissioner Paul Brand had resigned at a morning briefing, "
        'saying the agency "needs a fresh start."',
        "needs a fresh start",
        "Ada Mireles",
    ),
    (
        "confirmed-that",
        'Principal Jo Lamb confirmed that the coach had been suspended, saying parents "deserve real answers."',
        "deserve real answers",
        "Jo Lamb",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "fragment", "speaker"), [c[1:] for c in PARTICIPLES], ids=[c[0] for c in PARTICIPLES])
def test_quotes_attribution_participle_speaks_for_main_subject(
    find: Find, text: str, fragment: str, speaker: str
) -> None:
    quotes = find(text)["quotes"]
    assert _quote(quotes, fragment, direct=True).speaker == speaker
    assert all("saying" not in q.text for q in quotes)


# -- 3. an outlet is cited for these words only when the attribution names it -----------------

# id, text, fragment, direct, cited outlet
OUTLETS = [
    (
        "cited-for-something-else",
        'Senator Jo Tamm said the bill was "reckless," though she has taken $25,000 from builders, '
        "according to Politico.",
        "reckless",
        True,
        None,
    ),
    (
        "cited-by-another-clause",
        'Brand said in a letter that the audit was "a smear," a claim that, as the Valley Ledger reported last week, '
        "rests on figures the agency withdrew.",
        "a smear",
        True,
        None,
    ),
    (
        "told-after-quote",
        '"We did nothing wrong," Brand told the Valley Ledger.',
        "nothing wrong",
        True,
        "Valley Ledger",
    ),
    (
        "interview-with",
        'In an interview with Reuters, Tamm said the vote "cannot happen this year."',
        "cannot happen",
        True,
        "Reuters",
    ),
    (
        "according-to-after",
        "Tamm said the vote would be delayed, according to Reuters.",
        "vote would be",
        False,
        "Reuters",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "fragment", "direct", "outlet"), [c[1:] for c in OUTLETS], ids=[c[0] for c in OUTLETS]
)
def test_quotes_attribution_outlet_tied_to_the_words(
    find: Find, text: str, fragment: str, direct: bool, outlet: str | None
) -> None:
    found = find(text)
    assert _quote(found["quotes"], fragment, direct).cited_outlet == outlet
    assert found["sources"], "the outlet is still a cited source"


@pytest.mark.slow
def test_quotes_attribution_according_to_trimmed_from_reported_words(find: Find) -> None:
    quote = _quote(find("Tamm said the vote would be delayed, according to Reuters.")["quotes"], "vote would be")
    assert quote.text == "the vote would be delayed"


@pytest.mark.slow
def test_quotes_attribution_own_outlet_is_not_a_citation(find: Find) -> None:
    found = find('"We did nothing wrong," Brand told the Valley Ledger.', outlet="The Valley Ledger")
    assert _quote(found["quotes"], "nothing wrong").speaker == "Brand"
    assert _quote(found["quotes"], "nothing wrong").cited_outlet is None
    assert found["sources"] == []


# -- 4. "according to <outlet>" cites a source; no one speaks ----------------------------------


@pytest.mark.slow
def test_quotes_attribution_according_to_outlet_is_no_speaker(find: Find) -> None:
    text = (
        'Grocer Hal Finney was angry. "They never fixed the road," Finney told KOMO News.\n\n'
        "Meanwhile, the tenants union plans to appeal, according to the Cascade Tribune."
    )
    found = find(text)
    assert [q.speaker for q in found["quotes"]] == ["Hal Finney"]
    assert [s.outlet for s in found["sources"]] == ["KOMO News", "Cascade Tribune"]


# -- 5. things and documents are not speakers; organisations are --------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Permits issued under the program would carry a stamp saying they could not be used at federal sites, "
        "Ms Ogawa told the Guardian.",
        "Licences issued under the plan would carry a mark saying they are not valid for air travel, officials said.",
        "A report released last year said the grid was fragile and underfunded.",
    ],
    ids=["stamp", "mark", "report"],
)
def test_quotes_attribution_things_do_not_speak(find: Find, text: str) -> None:
    speakers = {q.speaker for q in find(text)["quotes"]}
    assert not speakers & {"Permits", "Licences", "stamp", "mark", "report"}


@pytest.mark.slow
def test_quotes_attribution_organisation_speaks(find: Find) -> None:
    quote = _quote(find("The department said in a statement that both victims were stable.")["quotes"], "victims")
    assert (quote.speaker, quote.verb) == ("department", "say")


# -- 6. a pronoun looks back over discourse, not over the sentences of a long quotation ---------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("after", "fragment"),
    [
        ('"We will take this to a judge," she said.', "take this to a judge"),
        ("She said the city would appeal.", "appeal"),
    ],
    ids=["direct", "indirect"],
)
def test_quotes_attribution_pronoun_after_long_quotation(find: Find, after: str, fragment: str) -> None:
    text = (
        '"I have never seen a vote like it," Councilwoman Rita Sandoval said. "The contract was rigged. '
        'The bids were fake. The audit was buried. And the public was lied to."\n\n' + after
    )
    assert _quote(find(text)["quotes"], fragment).speaker == "Rita Sandoval"


@pytest.mark.slow
def test_quotes_attribution_quotation_after_introducing_sentence(find: Find) -> None:
    text = 'Councilwoman Rita Sandoval spoke first. "The contract was rigged. The bids were fake."'
    quote = _quote(find(text)["quotes"], "The contract was rigged", direct=True)
    assert quote.speaker == "Rita Sandoval"


# -- 7. attributions found nowhere before -------------------------------------------------------

# id, text, fragment, speaker (None: not checked), verb, anonymous
MISSED = [
    (
        "as-x-put-it",
        'The new rules, as one border agent who asked not to be named put it, "will only push crossings into the '
        'desert."',
        "push crossings",
        None,
        "put",
        True,
    ),
    (
        "in-the-words-of",
        'The agency had become, in the words of one former inspector general, "a machine for avoiding blame."',
        "a machine for avoiding blame",
        "former inspector general",
        None,
        False,
    ),
    (
        "dismissed-as",
        'Critics called it censorship, a charge Mayor Lin Ovitz dismissed as "overheated."',
        "overheated",
        "Lin Ovitz",
        "dismiss",
        False,
    ),
    (
        "slammed-as",
        'Mayor Lin Ovitz slammed the proposal as "a giveaway to developers."',
        "a giveaway to developers",
        "Lin Ovitz",
        "slam",
        False,
    ),
    (
        "called-partial",
        'The teachers union called the layoffs a "cynical budget trick," and its president, Dana Cole, said '
        "members would strike.",
        "cynical budget trick",
        "teachers union",
        "call",
        False,
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "verb", "anonymous"), [c[1:] for c in MISSED], ids=[c[0] for c in MISSED]
)
def test_quotes_attribution_partial_and_parenthetical(
    find: Find, text: str, fragment: str, speaker: str | None, verb: str | None, anonymous: bool
) -> None:
    quote = _quote(find(text)["quotes"], fragment, direct=True)
    assert (quote.verb, quote.anonymous) == (verb, anonymous)
    if speaker is not None:
        assert quote.speaker == speaker


@pytest.mark.slow
def test_quotes_attribution_coordinated_speaker_in_apposition(find: Find) -> None:
    text = (
        'The teachers union called the layoffs a "cynical budget trick," and its president, Dana Cole, said '
        "members would strike."
    )
    assert _quote(find(text)["quotes"], "members would strike", direct=False).speaker == "Dana Cole"


@pytest.mark.slow
def test_quotes_attribution_second_fragment_of_sentence(find: Find) -> None:
    text = (
        "Board Chair Irene Solis voted yes.\n\n"
        'Solis, to her credit, was blunt: the shelter, she said, "is falling apart around the people in it," and the '
        'county simply "cannot wait another year."'
    )
    quotes = find(text)["quotes"]
    first, second = _quote(quotes, "is falling apart", True), _quote(quotes, "cannot wait another year", True)
    assert first.speaker == second.speaker == "Irene Solis"
    assert (second.verb, second.mention) == ("say", "she")


@pytest.mark.slow
def test_quotes_attribution_scare_quote_in_writers_clause_is_not_a_fragment(find: Find) -> None:
    text = 'Mayor Jo Park called the plan "dead," while the "moderates" on the council stayed silent.'
    assert [q.text for q in find(text)["quotes"] if q.direct] == ["dead"]


@pytest.mark.slow
def test_quotes_attribution_object_report_to_outlet(find: Find) -> None:
    found = find("Three people familiar with the talks confirmed the deal to the Wall Street Journal.")
    quote = _quote(found["quotes"], "confirmed the deal", direct=False)
    assert (quote.verb, quote.anonymous, quote.cited_outlet) == ("confirm", True, "Wall Street Journal")
    assert [s.outlet for s in found["sources"]] == ["Wall Street Journal"]


# id, text, fragment, speaker, verb
JUDGEMENTS = [
    (
        "slammed-as",
        "Councilman Ray Ortiz slammed the contract as rushed.",
        "the contract as rushed",
        "Ray Ortiz",
        "slam",
    ),
    (
        "called-oprd",
        "The Teachers Guild has called such cuts a danger to students.",
        "such cuts a danger",
        "Teachers Guild",
        "call",
    ),
    ("accused-of", "Trustee Ana Ferro accused the board of secrecy.", "the board of secrecy", "Ana Ferro", "accuse"),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "verb"), [c[1:] for c in JUDGEMENTS], ids=[c[0] for c in JUDGEMENTS]
)
def test_quotes_attribution_judgement_in_writers_words(
    find: Find, text: str, fragment: str, speaker: str, verb: str
) -> None:
    quote = _quote(find(text)["quotes"], fragment, direct=False)
    assert (quote.speaker, quote.verb) == (speaker, verb)


@pytest.mark.slow
def test_quotes_attribution_judgement_verb_needs_a_complement(find: Find) -> None:
    assert find('The mayor praised the "reformers" on the council.')["quotes"] == []


# -- 8. a quotation inside reported speech is the quote ------------------------------------------


@pytest.mark.slow
def test_quotes_attribution_parenthetical_into_quotation_has_no_sentence_quote(find: Find) -> None:
    text = (
        "Board Chair Irene Solis voted yes.\n\n"
        'Solis, to her credit, was blunt: the shelter, she said, "is falling apart around the people in it."'
    )
    quotes = find(text)["quotes"]
    assert [(q.text, q.direct, q.speaker) for q in quotes] == [
        ("is falling apart around the people in it.", True, "Irene Solis")
    ]


# -- 9. loaded verbs keep their lemma; the mention is the attribution's own words ----------------


@pytest.mark.slow
@pytest.mark.parametrize("verb", ["whined", "ranted", "gushed", "sneered"])
def test_quotes_attribution_loaded_verb_kept(find: Find, verb: str) -> None:
    text = (
        "Commissioner Walt Brody voted no, complaining that the plan had been rushed. "
        f'"We are spending money we do not have," the commissioner {verb}, as if the deficit were news.'
    )
    quote = _quote(find(text)["quotes"], "spending money", direct=True)
    lemma = {"whined": "whine", "ranted": "rant", "gushed": "gush", "sneered": "sneer"}[verb]
    assert (quote.speaker, quote.mention, quote.verb) == ("Walt Brody", "the commissioner", lemma)


# -- 10. rules prompted by BASIL's quotes (texts written for these tests) ---------------------------

# id, text, fragment, speaker, verb
FRAGMENTS = [
    (
        "coordinated-quoted-objects",
        "Mayor Dana Whitlock spoke in Dayton on Monday. Whitlock mocked her rival, whom she called a "
        '"reckless gambler" and a "fair-weather friend."',
        "fair-weather friend",
        "Dana Whitlock",
        "call",
    ),
    (
        "accused-of-quoted-charge",
        "Governor Paul Ingram met the senators on Sunday. It came after Ingram publicly scolded the senate on "
        'Friday, accusing its leaders of having "wasted another month."',
        "wasted another month",
        "Paul Ingram",
        "accuse",
    ),
    (
        "referred-to-as",
        'At one point, Senator Ruth Okafor referred to a heckler in the crowd as a "clown."',
        "clown",
        "Ruth Okafor",
        "refer",
    ),
    (
        "inverted-verb-read-as-adjective",
        'Greta Lund posted a long message on Friday.\n\n"Act like it matters. Dress like you care ... And never '
        'sulk in public." added Lund, who works for a state senator.',
        "Act like it matters",
        "Greta Lund",
        "add",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "verb"), [c[1:] for c in FRAGMENTS], ids=[c[0] for c in FRAGMENTS]
)
def test_quotes_attribution_fragment_attributed(find: Find, text: str, fragment: str, speaker: str, verb: str) -> None:
    quote = _quote(find(text)["quotes"], fragment, direct=True)
    assert (quote.speaker, quote.verb) == (speaker, verb)


@pytest.mark.slow
def test_quotes_attribution_pronoun_is_not_a_name_in_its_own_clause(find: Find) -> None:
    text = (
        '"We will win Ohio," Nora Blake said. She said Ray Dunn "has no plan."\n\n'
        'Of Dunn, she said, "I wish him well, but he is not ready."'
    )
    quote = _quote(find(text)["quotes"], "I wish him well", direct=True)
    assert quote.speaker == "Nora Blake"


@pytest.mark.slow
def test_quotes_attribution_description_of_a_candidate_resolves(find: Find) -> None:
    text = (
        "Ellen Marsh campaigned in Erie on Tuesday. Marsh swiftly responded, telling the Herald it was "
        '"improper for a judge to take sides."\n\n'
        '"It is a disgrace to the court," the presumptive Republican nominee said.'
    )
    quote = _quote(find(text)["quotes"], "a disgrace to the court", direct=True)
    assert (quote.speaker, quote.mention) == ("Ellen Marsh", "the presumptive Republican nominee")


@pytest.mark.slow
def test_quotes_attribution_continues_past_a_quoted_title(find: Find) -> None:
    text = (
        "Ellen Marsh appeared on television on Thursday.\n\n"
        '"I want to see the records," said Marsh in an interview on WKRN\'s "Morning Desk" show, according to the '
        'Associated Press. "Why won\'t they show them? What are they hiding?"'
    )
    quote = _quote(find(text)["quotes"], "What are they hiding", direct=True)
    assert quote.speaker == "Ellen Marsh"


# -- a quoted phrase in a clause that describes a noun is not the main verb's speech ----------


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        'Gov. Dana Ruiz, who made "tax relief" the theme of her campaign, has promised to sign the bill.',
        'Sen. Lena Ortiz, a Republican who backed "the grand bargain" last year, told reporters she would not run.',
    ],
    ids=["relative-clause", "relative-clause-before-verb"],
)
def test_quoted_phrase_in_a_relative_clause_is_not_the_main_verbs_speech(find: Find, text: str) -> None:
    quotes = find(text)["quotes"]
    fragment = text[text.index('"') + 1 : text.index('"', text.index('"') + 1)]
    assert not any(q.direct and fragment in q.text and q.verb in ("promise", "tell") for q in quotes)


# id, text with a quoted term that is no one's speech, text with a quotation that is, its words, speaker
NOT_SPEECH = [
    (
        "coordinated-clause-with-own-subject",
        "Mayor Ada Rusk vowed to sign the measure, and her office is dangling a $1.2 million "
        '"transition fund" in front of small employers.',
        'Mayor Ada Rusk vowed to sign the measure and called the bill "a lifeline" for renters.',
        "a lifeline",
        "Ada Rusk",
    ),
    (
        "terms-listed-after-a-colon",
        "Fans watched a $49 ticket swell into a $79 total thanks to a parade of charges: "
        '"service fees", "facility charges" and "order processing". Nobody explained them.',
        'The senator put it bluntly: "Never."',
        "Never",
        "senator",
    ),
]


@pytest.mark.slow
def test_quotes_attribution_quoted_terms_that_are_no_speech(find: Find) -> None:
    for case, text, speech, words, speaker in NOT_SPEECH:
        assert find(text)["quotes"] == [], case
        assert _quote(find(speech)["quotes"], words, direct=True).speaker == speaker, case
