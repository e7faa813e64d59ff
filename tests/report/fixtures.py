"""Hand-built comparisons for the report tests: short invented articles, offsets computed, no models."""

from __future__ import annotations

from collections.abc import Sequence

from slant.model import (
    Actor,
    Article,
    ArticleLean,
    Boilerplate,
    Comparison,
    Conflict,
    Evidence,
    Fact,
    InformationalMark,
    LanguageMark,
    LanguageProfile,
    LeanEvidence,
    Mention,
    Portrayal,
    Provenance,
    Quote,
    Referent,
    Sentence,
    SentimentEvidence,
    SourceCite,
    Span,
    Summary,
    SummarySentence,
    Term,
    TermVariant,
    Voice,
    VoiceBalance,
)

HARBOR = "Harbor Daily"
METRO = "Metro Ledger"
COASTAL = "Coastal Wire"

_A1 = [
    [
        "A fire destroyed a warehouse on River Street on Monday night.",
        "Fire chief Dana Ortiz said 40 firefighters fought the blaze.",
    ],
    [
        '"We were lucky nobody was inside," Ortiz said.',
        "The owner, Keel Logistics, had been cited for safety violations last year, according to the Valley Tribune.",
    ],
]
_A2 = [
    [
        "Flames tore through a River Street warehouse late Monday.",
        "About 25 firefighters responded, fire chief Dana Ortiz told reporters.",
        "A neighbour who asked not to be named said she heard an explosion.",
    ],
    ["Keel Logistics said it was cooperating with investigators."],
]
_A3 = [
    [
        "A River Street warehouse burned on Monday.",
        "Keel Logistics is cooperating with investigators, the company said.",
    ],
]


def make_article(
    article_id: str,
    outlet: str | None,
    title: str | None,
    paragraphs: list[list[str]],
    boilerplate: Sequence[tuple[str, str]] = (),
    **extra: object,
) -> Article:
    """An article whose text is its paragraphs (sentences joined by a space) then its boilerplate blocks."""
    text = ""
    sentences = []
    for p_index, paragraph in enumerate(paragraphs):
        if text:
            text += "\n\n"
        for s_index, sent in enumerate(paragraph):
            if s_index:
                text += " "
            sentences.append(
                Sentence(
                    id=f"{article_id}.s{len(sentences) + 1}",
                    start=len(text),
                    end=len(text) + len(sent),
                    text=sent,
                    paragraph=p_index,
                )
            )
            text += sent
    blocks = []
    for kind, block in boilerplate:
        text += "\n\n"
        blocks.append(Boilerplate(start=len(text), end=len(text) + len(block), text=block, kind=kind))
        text += block
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        text=text,
        title=title,
        outlet=outlet,
        sentences=sentences,
        boilerplate=blocks,
        **extra,  # type: ignore[arg-type]
    )


def locate(article: Article, sentence_number: int, phrase: str) -> tuple[str, int, int]:
    """Sentence id and offsets of ``phrase`` inside sentence ``sentence_number`` (1-based) of ``article``."""
    sent = article.sentences[sentence_number - 1]
    at = sent.text.index(phrase)
    return sent.id, sent.start + at, sent.start + at + len(phrase)


def evidence(article: Article, sentence_number: int, phrase: str) -> Evidence:
    sid, start, end = locate(article, sentence_number, phrase)
    return Evidence(article=article.id, sentence=sid, start=start, end=end)


def mention(article: Article, sentence_number: int, phrase: str) -> Mention:
    _, start, end = locate(article, sentence_number, phrase)
    return Mention(article=article.id, text=phrase, start=start, end=end)


def quote(article: Article, sentence_number: int, words: str, **fields: object) -> Quote:
    sid, start, end = locate(article, sentence_number, words)
    return Quote(article=article.id, text=words, start=start, end=end, sentence=sid, **fields)  # type: ignore[arg-type]


def tone(article: Article, sentence_number: int, phrase: str, polarity: str, score: float) -> SentimentEvidence:
    sid, start, end = locate(article, sentence_number, phrase)
    return SentimentEvidence(sentence=sid, polarity=polarity, score=score, start=start, end=end)  # type: ignore[arg-type]


def mark(
    article: Article, sentence_number: int, phrase: str, kind: str, category: str, why: str, score: float = 1.0
) -> LanguageMark:
    sid, start, end = locate(article, sentence_number, phrase)
    return LanguageMark(
        article=article.id,
        sentence=sid,
        kind=kind,  # type: ignore[arg-type]
        category=category,
        term=phrase,
        start=start,
        end=end,
        score=score,
        why=why,
    )


def variant(
    article: Article, sentence_number: int, phrase: str, loaded: bool = False, neutral: bool = False
) -> TermVariant:
    _, start, end = locate(article, sentence_number, phrase)
    return TermVariant(
        article=article.id,
        text=phrase,
        count=1,
        spans=[Span(article=article.id, start=start, end=end)],
        loaded=loaded,
        score=0.8 if loaded else 0.0,
        why="label: a dramatic word for the fire" if loaded else "neutral description",
        neutral=neutral,
    )


def profile(
    article: str, words: int, counts: dict[str, int], biased_share: float, attribution: dict[str, int]
) -> LanguageProfile:
    """A language profile with every kind counted (0 unless given) and rates per 100 words."""
    kinds = ("loaded", "biased_sentence", "epistemic", "hedge", "scare_quote", "intensifier")
    full = {k: counts.get(k, 0) for k in kinds}
    return LanguageProfile(
        article=article,
        words=words,
        counts=full,
        rates={k: round(n * 100 / words, 3) for k, n in full.items()},
        biased_share=biased_share,
        attribution=attribution,
    )


def make_comparison() -> Comparison:
    """Two articles on one warehouse fire: a shared fact, unique facts, a contradiction, quotes, a cited outlet."""
    a1 = make_article(
        "a1",
        HARBOR,
        "Fire destroys River Street warehouse",
        _A1,
        [("donation", "Support local journalism: donate today.")],
    )
    a2 = make_article(
        "a2",
        METRO,
        "Blaze at Keel warehouse; cause unknown",
        _A2,
        [("newsletter", "Sign up for our morning newsletter.")],
        warnings=["encoding guessed as windows-1252"],
    )
    facts = [
        Fact(
            id="f1",
            status="shared",
            score=0.87,
            coverage="all",
            articles=["a1", "a2"],
            evidence=[
                evidence(a1, 1, "A fire destroyed a warehouse on River Street on Monday night"),
                evidence(a2, 1, "Flames tore through a River Street warehouse late Monday"),
            ],
        ),
        Fact(
            id="f2",
            status="contradiction",
            score=0.74,
            coverage="all",
            articles=["a1", "a2"],
            evidence=[
                evidence(a1, 2, "40 firefighters fought the blaze"),
                evidence(a2, 2, "About 25 firefighters responded"),
            ],
            conflicts=[
                Conflict(kind="count", values={"a1": "40", "a2": "25"}, why="40 firefighters vs about 25 firefighters")
            ],
        ),
        Fact(
            id="f3",
            status="unique",
            score=1.0,
            coverage="one",
            articles=["a1"],
            missing=["a2"],
            evidence=[evidence(a1, 4, "had been cited for safety violations last year")],
        ),
        Fact(
            id="f4",
            status="unique",
            score=1.0,
            coverage="one",
            articles=["a2"],
            missing=["a1"],
            evidence=[evidence(a2, 3, "she heard an explosion")],
        ),
        Fact(
            id="f5",
            status="unique",
            score=1.0,
            coverage="one",
            articles=["a2"],
            missing=["a1"],
            evidence=[evidence(a2, 4, "it was cooperating with investigators")],
        ),
    ]
    quotes = [
        quote(
            a1,
            3,
            "We were lucky nobody was inside,",
            speaker="Dana Ortiz",
            mention="Ortiz",
            verb="say",
            direct=True,
            speaker_actor="p1",
        ),
        quote(
            a1,
            2,
            "40 firefighters fought the blaze",
            speaker="Dana Ortiz",
            mention="Fire chief Dana Ortiz",
            verb="say",
            direct=False,
            speaker_actor="p1",
        ),
        quote(
            a2,
            3,
            "she heard an explosion",
            speaker=None,
            mention="A neighbour who asked not to be named",
            verb="say",
            direct=False,
            anonymous=True,
        ),
        quote(
            a2,
            4,
            "it was cooperating with investigators",
            speaker="Keel Logistics",
            mention="Keel Logistics",
            verb="say",
            direct=False,
            speaker_actor="o1",
        ),
    ]
    cue_sid, cue_start, cue_end = locate(a1, 4, "according to the Valley Tribune")
    sources = [
        SourceCite(
            article="a1",
            outlet="Valley Tribune",
            sentence=cue_sid,
            start=cue_start,
            end=cue_end,
            cue="according to the Valley Tribune",
        ),
    ]
    actors = [
        Actor(
            id="p1",
            name="Dana Ortiz",
            type="PERSON",
            aliases=["Ortiz"],
            articles=["a1", "a2"],
            mentions=[mention(a1, 2, "Dana Ortiz"), mention(a1, 3, "Ortiz"), mention(a2, 2, "Dana Ortiz")],
            side="Democratic",
            portrayal=[
                Portrayal(
                    article="a1",
                    mentions=2,
                    references=["Dana Ortiz", "Ortiz", "Fire chief"],
                    tone=0.42,
                    polarity="positive",
                    sentences={"negative": 0, "neutral": 1, "positive": 1},
                    evidence=[tone(a1, 2, "Dana Ortiz", "positive", 0.71)],
                    quotes=1,
                    quoted_words=9,
                    voice_share=0.5,
                ),
                Portrayal(
                    article="a2",
                    mentions=1,
                    references=["Dana Ortiz", "Fire chief"],
                    tone=-0.3,
                    polarity="negative",
                    sentences={"negative": 1, "neutral": 0, "positive": 0},
                    evidence=[tone(a2, 2, "Dana Ortiz", "negative", 0.64)],
                ),
            ],
        ),
        Actor(
            id="o1",
            name="Keel Logistics",
            type="ORG",
            articles=["a1", "a2"],
            mentions=[mention(a1, 4, "Keel Logistics"), mention(a2, 4, "Keel Logistics")],
        ),
        Actor(
            id="l1",
            name="River Street",
            type="FAC",
            articles=["a1", "a2"],
            mentions=[mention(a1, 1, "River Street"), mention(a2, 1, "River Street")],
        ),
    ]
    language = [
        mark(a1, 1, "destroyed", "intensifier", "dramatic_verb", "a dramatic verb where a plain one would do"),
        mark(
            a2,
            1,
            "Flames tore through a River Street warehouse late Monday.",
            "biased_sentence",
            "model",
            "the BABE-trained classifier reads this sentence as biased (0.71)",
            0.71,
        ),
        mark(a2, 1, "tore through", "loaded", "model", "the BABE-trained tagger reads “tore through” as loaded", 0.66),
        mark(a2, 4, "said", "epistemic", "neutral_verb", "test: a neutral verb"),
    ]
    terms = [
        Term(
            id="t1",
            referent="the fire",
            variants=[variant(a1, 1, "A fire", neutral=True), variant(a2, 1, "Flames", loaded=True)],
            why="the articles name the fire differently",
            referent_id="r1",
            type="event",
            contrast=1.0,
        )
    ]
    profiles = [
        profile("a1", 48, {"intensifier": 1}, 0.0, {"say": 2}),
        profile("a2", 40, {"loaded": 1, "biased_sentence": 1, "epistemic": 1}, 0.25, {"say": 2, "tell": 1}),
    ]
    voices = [
        VoiceBalance(
            article="a1",
            quotes=2,
            quoted_words=18,
            voices=[
                Voice(name="Dana Ortiz", actor="p1", side="Democratic", quotes=1, words=9, share=0.5),
                Voice(name="unattributed", quotes=1, words=9, share=0.5),
            ],
            unattributed_share=0.5,
            sides={"Democratic": 0.5, "unstated": 0.5},
        ),
        VoiceBalance(
            article="a2",
            quotes=2,
            quoted_words=10,
            voices=[
                Voice(name="Keel Logistics", actor="o1", quotes=1, words=6, share=0.6),
                Voice(name="A neighbour who asked not to be named", anonymous=True, quotes=1, words=4, share=0.4),
            ],
            anonymous_share=0.4,
            sides={"unstated": 1.0},
        ),
    ]
    return Comparison(
        articles=[a1, a2],
        facts=facts,
        quotes=quotes,
        sources=sources,
        actors=actors,
        referents=[
            Referent(
                id="r1",
                label="A fire",
                type="event",
                mentions=[mention(a1, 1, "A fire"), mention(a2, 1, "Flames")],
                articles=["a1", "a2"],
            )
        ],
        terms=terms,
        language=language,
        profiles=profiles,
        voices=voices,
        lean=[
            ArticleLean(
                article="a1",
                lean="left",
                probabilities={"left": 0.6, "center": 0.3, "right": 0.1},
                score=-0.5,
                evidence=[LeanEvidence(sentence="a1.s2", toward="left", weight=0.42)],
            ),
            ArticleLean(
                article="a2",
                lean="right",
                probabilities={"left": 0.1, "center": 0.2, "right": 0.7},
                score=0.6,
                evidence=[],
            ),
        ],
        informational=[
            InformationalMark(
                article="a2",
                sentence="a2.s4",
                facts=["f4"],
                similarity=0.21,
                score=0.79,
                why="only Metro Ledger reports this, and it is far from what the articles share (similarity 0.21)",
            )
        ],
        summary=Summary(
            sentences=[
                SummarySentence(
                    text="A fire destroyed a warehouse on River Street on Monday.",
                    kind="shared",
                    cites=["a1.s1", "a2.s1"],
                    articles=["a1", "a2"],
                    fact="f1",
                ),
                SummarySentence(
                    text="Only Metro Ledger reports that the cause is unknown.",
                    kind="unique",
                    cites=["a2.s4"],
                    articles=["a2"],
                ),
            ]
        ),
        provenance=Provenance(
            version="0.1.0",
            analyses=["align", "quotes", "actors"],
            settings={"embedder": "static", "align_threshold": 0.62},
            warnings=["quotes: 1 speaker left unresolved"],
            timings={"nlp": 0.81, "align": 0.12},
        ),
    )


def make_comparison3() -> Comparison:
    """The same event in three articles: one fact in all, one in two of three, contradictions and unique facts."""
    two = make_comparison()
    a3 = make_article("a3", COASTAL, "Warehouse burns", _A3)
    a1, a2 = two.articles
    assert two.facts is not None and two.actors is not None
    f1, f2, f3, f4, f5 = two.facts
    f1 = f1.model_copy(
        update={
            "articles": ["a1", "a2", "a3"],
            "evidence": [*f1.evidence, evidence(a3, 1, "A River Street warehouse burned on Monday")],
        }
    )
    f2 = f2.model_copy(update={"coverage": "some", "missing": ["a3"]})
    f3 = f3.model_copy(update={"missing": ["a2", "a3"]})
    f4 = f4.model_copy(update={"missing": ["a1", "a3"]})
    f5 = Fact(
        id="f5",
        status="shared",
        score=0.81,
        coverage="some",
        articles=["a2", "a3"],
        missing=["a1"],
        evidence=[*f5.evidence, evidence(a3, 2, "Keel Logistics is cooperating with investigators")],
    )
    p1, o1, l1 = two.actors
    o1 = o1.model_copy(
        update={"articles": ["a1", "a2", "a3"], "mentions": [*o1.mentions, mention(a3, 2, "Keel Logistics")]}
    )
    l1 = l1.model_copy(
        update={"articles": ["a1", "a2", "a3"], "mentions": [*l1.mentions, mention(a3, 1, "River Street")]}
    )
    return two.model_copy(
        update={
            "articles": [a1, a2, a3],
            "facts": [f1, f2, f3, f4, f5],
            "actors": [p1, o1, l1],
        }
    )


def make_bare_comparison() -> Comparison:
    """Two articles and nothing else: no sentences, no analyses run, no provenance."""
    return Comparison(
        articles=[
            Article(id="a1", source="-", text="Short text one."),
            Article(id="a2", source="-", text="Short text two.", outlet="Metro Ledger"),
        ]
    )


def make_empty_comparison() -> Comparison:
    """Two articles for which every analysis ran and found nothing."""
    bare = make_comparison()
    return bare.model_copy(update={"facts": [], "quotes": [], "sources": [], "actors": []})


HOSTILE = [
    "<script>alert(1)</script> opened the meeting.",
    "<img src=x onerror=alert(1)> was posted | with a pipe and `ticks`.",
    "Click javascript:alert(1) or [here](javascript:alert(1)) now.",
    'Broken </span></td><div title="x> markup & entities &lt;b&gt; remain.',
]


def make_hostile_comparison() -> Comparison:
    """Article text, metadata and quotes that try to break out of HTML, Markdown and rich markup."""
    evil = make_article(
        "a1",
        '"><svg onload=alert(1)>',
        "<b>[bold red]Title[/]</b>",
        [HOSTILE],
        [("other", "<iframe src=javascript:alert(1)></iframe>")],
        url="javascript:alert(1)",
    )
    plain = make_article("a2", "Plain [b]Post[/b]", "Plain title", [["A quiet sentence about the meeting."]])
    return Comparison(
        articles=[evil, plain],
        facts=[
            Fact(
                id="f1",
                status="shared",
                score=0.9,
                coverage="all",
                articles=["a1", "a2"],
                evidence=[
                    evidence(evil, 1, "<script>alert(1)</script> opened the meeting"),
                    evidence(plain, 1, "A quiet sentence about the meeting"),
                ],
            ),
            Fact(
                id="f2",
                status="unique",
                score=1.0,
                articles=["a1"],
                missing=["a2"],
                evidence=[evidence(evil, 2, "<img src=x onerror=alert(1)> was posted | with a pipe and `ticks`")],
            ),
            Fact(
                id="f3",
                status="contradiction",
                score=0.5,
                articles=["a1", "a2"],
                evidence=[evidence(evil, 4, "Broken </span></td>"), evidence(plain, 1, "quiet")],
                conflicts=[Conflict(kind="polarity", values={"a1": "<b>yes</b>", "a2": "no"}, why="<i>why</i>")],
            ),
        ],
        quotes=[
            quote(
                evil,
                3,
                "javascript:alert(1)",
                speaker="<script>x</script>",
                mention="[red]him[/red]",
                verb="say",
                direct=True,
            )
        ],
        sources=[SourceCite(article="a1", outlet="<b>Evil</b> News", sentence="a1.s1", cue="per <i>Evil</i>")],
        actors=[
            Actor(
                id="p1",
                name="<script>Mallory</script>",
                type="PERSON",
                mentions=[Mention(article="a1", text="<script>", start=0, end=8)],
            )
        ],
    )
