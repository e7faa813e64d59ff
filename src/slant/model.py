"""The data model: one ``Comparison`` holding the articles and what each analysis found.

Every stage enriches the same objects; reports, the API and the store read
only these. Positions are character offsets into ``Article.text`` (``start``
inclusive, ``end`` exclusive), so any evidence can be shown in place. The JSON
serialisation (``report/json.py``) adds the covered ``text`` beside each span
for convenience; it is derived, never stored.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA = "slant.compare/1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=False)


class Span(_Model):
    """A stretch of one article's text: ``Article.text[start:end]``."""

    article: str = Field(description="Id of the article the span lies in.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Sentence(_Model):
    """A sentence of an article (boilerplate excluded)."""

    id: str = Field(description='Unique within the comparison, e.g. "a1.s3".')
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    paragraph: int = Field(0, description="Index of the paragraph the sentence opens in.")


class Boilerplate(_Model):
    """A block that is not reporting (donation appeal, newsletter sign-up, ...)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: str = Field(
        "other",
        description="donation | newsletter | read_more | cookie | social | copyright | credit | bio | tip | "
        "byline | dateline | caption | note | other",
    )


class Article(_Model):
    """One input article, with the text every span points into."""

    id: str = Field(description='"a1", "a2", ... in input order unless given.')
    source: str = Field(description="Where it came from: a path, URL, '-' for stdin, or 'api'.")
    text: str = Field(description="The article body the analyses read; boilerplate blocks stay in place.")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    sentences: list[Sentence] = Field(default_factory=list)
    boilerplate: list[Boilerplate] = Field(default_factory=list)
    warnings: list[str] = Field(
        default_factory=list, description="What ingest noticed (encoding guessed, text cut, ...)."
    )

    def span_text(self, start: int, end: int) -> str:
        """Return the text between two offsets of this article."""
        return self.text[start:end]


class Evidence(_Model):
    """Where a fact is reported: a claim unit inside one sentence."""

    article: str
    sentence: str = Field(description="Id of the sentence holding the claim unit.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Conflict(_Model):
    """What two aligned claims disagree on."""

    kind: Literal["number", "date", "count", "polarity"]
    values: dict[str, str] = Field(description="Article id -> the value that article gives.")
    why: str


class Fact(_Model):
    """A fact: claim units that report the same thing, or one reported by a single article."""

    id: str
    status: Literal["shared", "unique", "contradiction"]
    score: float = Field(
        ge=0.0,
        le=1.0,
        description="Shared/contradiction: mean probability that its aligned units report the same fact. "
        "Unique: 1 minus the best such probability against any unit of another article.",
    )
    evidence: list[Evidence]
    articles: list[str] = Field(default_factory=list, description="Ids of the articles that report the fact.")
    missing: list[str] = Field(default_factory=list, description="Ids of the articles that do not report it.")
    coverage: Literal["all", "some", "one"] = "one"
    conflicts: list[Conflict] = Field(default_factory=list)


class Quote(_Model):
    """Speech attributed to someone: a direct quotation or reported speech."""

    article: str
    speaker: str | None = Field(description="Canonical name of the speaker, None if not found.")
    mention: str | None = Field(description="How the attribution names the speaker ('he', 'the sheriff', 'Marsh').")
    verb: str | None = Field(description="Lemma of the reporting verb ('say', 'tell', 'warn').")
    text: str = Field(description="The quoted or reported words.")
    direct: bool
    anonymous: bool = False
    start: int = Field(0, ge=0, description="Start of the quoted words in the article text.")
    end: int = Field(0, ge=0)
    sentence: str | None = Field(None, description="Id of the sentence the quote starts in.")
    speaker_actor: str | None = Field(None, description="Id of the speaker in `actors`, when resolved.")
    cited_outlet: str | None = Field(None, description="Outlet the words were given to or taken from.")


class SourceCite(_Model):
    """Another news outlet cited as a source ('told Fox News', 'according to the Wall Street Journal')."""

    article: str
    outlet: str
    sentence: str
    start: int = Field(0, ge=0, description="Start of the cue ('according to the Wall Street Journal').")
    end: int = Field(0, ge=0)
    cue: str = Field("", description="The cue phrase as written.")


class Mention(_Model):
    """One place an actor or referent is named."""

    article: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


Polarity = Literal["negative", "neutral", "positive"]


class SentimentEvidence(_Model):
    """A sentence showing how an article treats an actor, with the mention the model read."""

    sentence: str = Field(description="Id of the sentence.")
    polarity: Polarity
    score: float = Field(ge=0.0, le=1.0, description="Model probability of that polarity.")
    start: int = Field(ge=0, description="Start of the actor's mention in the article text.")
    end: int = Field(ge=0)


class Portrayal(_Model):
    """How one article presents one actor: how often and how it names them, the sentiment of the
    sentences that mention them (target-dependent, NewsMTSC-trained), and how much they are quoted."""

    article: str
    mentions: int = Field(ge=0)
    references: list[str] = Field(
        default_factory=list, description="How the article refers to the actor: names, titles, descriptions."
    )
    tone: float = Field(
        0.0, ge=-1.0, le=1.0, description="Mean of P(positive) - P(negative) over the sentences mentioning the actor."
    )
    polarity: Polarity | None = Field(None, description="The class with the highest mean probability.")
    sentences: dict[str, int] = Field(
        default_factory=dict, description="Polarity -> sentences mentioning the actor with that predicted class."
    )
    evidence: list[SentimentEvidence] = Field(
        default_factory=list, description="The sentences that lean furthest from neutral, strongest first."
    )
    quotes: int = Field(0, ge=0, description="Quotes attributed to the actor in this article.")
    quoted_words: int = Field(0, ge=0)
    voice_share: float = Field(0.0, ge=0.0, le=1.0, description="Share of the article's quoted words.")


class Actor(_Model):
    """A person, organisation or place, merged across articles."""

    id: str
    name: str = Field(description="Canonical name: the fullest proper name used.")
    type: str = Field(description="PERSON | ORG | GPE | NORP | LOC | FAC | EVENT | LAW")
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list, description="Ids of the articles that mention the actor.")
    side: str | None = Field(
        None, description="Party the articles state for the actor ('Democratic', 'Republican'), if any."
    )
    portrayal: list[Portrayal] | None = Field(
        None, description="One entry per article that mentions or quotes the actor (the portrayal analysis)."
    )


ReferentType = Literal["person", "group", "organization", "place", "event", "thing"]
_REFERENT_CONFIDENCE = (
    "Mean probability (pair model) that two of its mentions name one thing, over mentions not tied by a name or an "
    "apposition; 1.0 when every mention is so tied."
)
_FAMILY_CONFIDENCE = "Mean pair probability between mentions of its family's referents (its `confidence` if alone)."
_CONTRAST = "How differently the articles name it (1: no wording shared, one loaded)."
_TERM_CONFIDENCE = "How sure slant is that the variants name one thing: the referent's family confidence, else 1.0."


class Referent(_Model):
    """One thing the articles name — a person, group, organisation, place, event or object — with
    every mention of it in every article, however worded ("the caravan", "asylum seekers")."""

    id: str
    label: str = Field(description="How the articles most often name it (a proper name when one is used).")
    type: ReferentType
    actor: str | None = Field(None, description="Id of the matching entry of `actors`, when the referent is one.")
    mentions: list[Mention] = Field(default_factory=list, description="In article order, then text order.")
    articles: list[str] = Field(default_factory=list, description="Ids of the articles that mention it.")
    confidence: float = Field(1.0, ge=0.0, le=1.0, description=_REFERENT_CONFIDENCE)
    family: str | None = Field(
        None,
        description="Id shared by referents the pair model finds likely, not surely, the same thing "
        "('the caravan' / 'asylum seekers'); the terms compare a family's wordings as one.",
    )
    family_confidence: float = Field(1.0, ge=0.0, le=1.0, description=_FAMILY_CONFIDENCE)


class Voice(_Model):
    """One speaker's share of an article's quoted words."""

    name: str = Field(
        description="The speaker's name; for an anonymous source how the article describes it "
        "('internal sources'), else 'anonymous source'; 'unattributed' when no speaker was found."
    )
    actor: str | None = Field(None, description="Id of the speaker in `actors`, when resolved.")
    side: str | None = None
    anonymous: bool = False
    quotes: int = Field(ge=0)
    words: int = Field(ge=0)
    share: float = Field(ge=0.0, le=1.0, description="words / the article's quoted words.")


class VoiceBalance(_Model):
    """Who gets a voice in one article: quoted words by speaker, by side, and from anonymous sources."""

    article: str
    quotes: int = Field(ge=0)
    quoted_words: int = Field(ge=0, description="Words inside all quotes of the article; the voices' words sum to it.")
    voices: list[Voice] = Field(default_factory=list, description="Most quoted first.")
    anonymous_share: float = Field(0.0, ge=0.0, le=1.0)
    unattributed_share: float = Field(0.0, ge=0.0, le=1.0)
    sides: dict[str, float] = Field(
        default_factory=dict, description="Side ('Democratic', 'Republican', 'unstated') -> share of quoted words."
    )


class LanguageMark(_Model):
    """A word, phrase or sentence whose wording carries a slant: loaded word, hedge, scare quote, ..."""

    article: str
    sentence: str = Field(description="Id of the sentence the mark lies in.")
    kind: Literal["loaded", "biased_sentence", "epistemic", "hedge", "scare_quote", "intensifier"]
    category: str = Field(
        "",
        description="Finer class within the kind: e.g. loaded_verb, neutral_verb, factive, assertive, "
        "implicative, distancing, lexicon, model.",
    )
    term: str = Field(description="The marked words as written (the whole sentence for biased_sentence).")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    score: float = Field(1.0, ge=0.0, le=1.0, description="Model probability, or 1.0 for a lexicon or rule hit.")
    why: str = Field(description="One line telling the reader why this was marked.")


class TermVariant(_Model):
    """How one article names a referent: the wording, how often, and where."""

    article: str
    text: str = Field(description="The wording, as most often written in that article.")
    count: int = Field(ge=1)
    spans: list[Span] = Field(default_factory=list)
    loaded: bool = Field(False, description="True when this wording is judged the loaded one of the referent.")
    score: float = Field(0.0, ge=0.0, le=1.0, description="How loaded the wording reads (bias model / lexicon).")
    why: str = Field(
        "",
        description="What kind of wording it is: 'name', 'neutral description', 'label', 'euphemism', "
        "'loaded modifier' or 'loaded word', with the reason when it is loaded.",
    )
    neutral: bool = Field(False, description="True for the plain wording of the referent, when one is used.")


class Term(_Model):
    """One referent named differently across articles ("illegal immigrants" / "undocumented immigrants")."""

    id: str
    referent: str = Field(description="A neutral label for what the variants denote.")
    actor: str | None = Field(None, description="Id of the matching entry of `actors`, when the referent is one.")
    variants: list[TermVariant] = Field(default_factory=list)
    why: str = Field("", description="Why the variants were judged to name the same referent.")
    referent_id: str | None = Field(None, description="Id of the matching entry of `referents`.")
    type: str | None = Field(
        None, description="The referent's type (person, group, organization, place, event, thing)."
    )
    contrast: float = Field(0.0, ge=0.0, le=1.0, description=_CONTRAST)
    confidence: float = Field(1.0, ge=0.0, le=1.0, description=_TERM_CONFIDENCE)


class LanguageProfile(_Model):
    """One article's language at a glance: counts and rates per 100 words of each mark kind."""

    article: str
    words: int = Field(ge=0, description="Words in the article's sentences (boilerplate excluded).")
    counts: dict[str, int] = Field(default_factory=dict, description="Mark kind -> number of marks.")
    rates: dict[str, float] = Field(default_factory=dict, description="Mark kind -> marks per 100 words.")
    biased_share: float = Field(0.0, ge=0.0, le=1.0, description="Share of sentences judged biased.")
    attribution: dict[str, int] = Field(
        default_factory=dict, description="Reporting-verb lemma -> uses (said, claimed, ...)."
    )


Side = Literal["left", "center", "right"]


class LeanEvidence(_Model):
    """A sentence that pulls an article's lean toward one side, and by how much."""

    sentence: str = Field(description="Id of the sentence.")
    toward: Side = Field(description="The side this sentence pulls toward most.")
    weight: float = Field(ge=0.0, description="How far the sentence moves that side's log-odds above the others'.")


class ArticleLean(_Model):
    """One article's political lean read from its text alone (not from its outlet's name)."""

    article: str
    lean: Side = Field(description="The most probable side.")
    probabilities: dict[str, float] = Field(
        default_factory=dict, description="Side (left, center, right) -> model probability; they sum to 1."
    )
    score: float = Field(
        0.0, ge=-1.0, le=1.0, description="P(right) - P(left): a position on a left (-1) to right (+1) bar."
    )
    evidence: list[LeanEvidence] = Field(
        default_factory=list, description="The sentences that drive the call, strongest first."
    )


class InformationalMark(_Model):
    """A sentence whose content may be chosen to sway (informational bias): only its article reports
    it, and it lies far from what the articles share."""

    article: str
    sentence: str = Field(description="Id of the sentence.")
    facts: list[str] = Field(default_factory=list, description="Ids of the unique facts the sentence carries.")
    similarity: float = Field(
        ge=-1.0, le=1.0, description="Highest cosine similarity to a sentence that carries a shared fact."
    )
    score: float = Field(ge=0.0, le=1.0, description="How far off the shared story it lies: 1 - max(similarity, 0).")
    why: str


class SummarySentence(_Model):
    """One sentence of the neutral summary, with the article sentences it was made from."""

    text: str
    kind: Literal["shared", "contradiction", "unique"] = Field(
        description="shared: reported by two or more articles; contradiction: they disagree; "
        "unique: only one article reports it."
    )
    cites: list[str] = Field(description="Ids of the source sentences, at least one.")
    articles: list[str] = Field(default_factory=list, description="Ids of the articles the cited sentences are in.")
    fact: str | None = Field(None, description="Id of the fact in `facts` the sentence tells.")


class Summary(_Model):
    """A neutral merged account of the event: shared facts first, then disagreements, then what only
    one article reports, each sentence citing its sources."""

    sentences: list[SummarySentence] = Field(default_factory=list)


class Provenance(_Model):
    """How a comparison was made."""

    version: str
    analyses: list[str] = Field(default_factory=list)
    settings: dict[str, Any] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict, description="Seconds per stage.")


class Comparison(_Model):
    """Everything slant found about two or more articles on one event.

    Each analysis fills one or more fields; a field is ``None`` until its
    analysis ran. The parsed spaCy documents and sentence embeddings ride
    along privately (``nlp``) and are never serialised.
    """

    schema_: Literal["slant.compare/1"] = Field("slant.compare/1", alias="schema")
    articles: list[Article]
    facts: list[Fact] | None = None
    quotes: list[Quote] | None = None
    sources: list[SourceCite] | None = None
    actors: list[Actor] | None = None
    referents: list[Referent] | None = None
    terms: list[Term] | None = None
    language: list[LanguageMark] | None = None
    profiles: list[LanguageProfile] | None = None
    voices: list[VoiceBalance] | None = None
    lean: list[ArticleLean] | None = None
    summary: Summary | None = None
    informational: list[InformationalMark] | None = None
    provenance: Provenance | None = None

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    _nlp: Any = PrivateAttr(default=None)

    def article(self, article_id: str) -> Article:
        """Return the article with the given id.

        Raises:
            KeyError: no article has that id.
        """
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)

    def sentence(self, sentence_id: str) -> Sentence:
        """Return the sentence with the given id (``"a1.s3"``).

        Raises:
            KeyError: no sentence has that id.
        """
        article_id = sentence_id.split(".", 1)[0]
        for sent in self.article(article_id).sentences:
            if sent.id == sentence_id:
                return sent
        raise KeyError(sentence_id)

    @property
    def nlp(self) -> Any:
        """The private NLP layer (parsed docs, embeddings) set by the pipeline."""
        return self._nlp
