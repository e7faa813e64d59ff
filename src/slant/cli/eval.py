"""`slant eval ...`: score a model or heuristic on a dataset and print it next to the published anchor."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from slant.cli.apps import (
    ALLSIDES,
    BABE_TRAIN,
    BASIL_DIR,
    EXAMPLES,
    NEUS,
    NEWSWCL50,
    EmbedderName,
    JsonScores,
    eval_app,
    print_scores,
)
from slant.settings import Settings

ReferentThreshold = Annotated[
    float | None,
    typer.Option(
        min=0.0,
        max=1.0,
        help="Referent linkage threshold to score instead of the trained one (data/referents/model.json).",
    ),
]

AttachThreshold = Annotated[
    float | None,
    typer.Option(
        min=0.0,
        max=1.0,
        help="Least pair probability for a referent one article alone names to join a row (1: never), "
        "instead of the shipped setting.",
    ),
]


def _settings(**changes: object) -> Settings:
    """The default settings with the options given on the command line (None: left as shipped)."""
    return Settings().with_(**{k: v for k, v in changes.items() if v is not None})


@eval_app.command("align")
def eval_align(
    data: Annotated[Path, typer.Option(help="Folder of gold alignment files (*.json).")] = EXAMPLES / "gold",
    as_json: JsonScores = False,
    embedder: Annotated[EmbedderName, typer.Option(help="Sentence embedder.")] = EmbedderName.minilm,
) -> None:
    """Fact alignment: link precision/recall/F1 and contradiction P/R/F1 against gold links."""
    from slant.eval.align import ANCHOR, evaluate

    print_scores("align", evaluate(data, Settings(embedder=embedder.value)), ANCHOR, as_json)


@eval_app.command("quotes")
def eval_quotes(
    data: Annotated[
        Path, typer.Option(help="Folder of gold files (*.json) with quotes and sources, or a BASIL-layout folder.")
    ] = EXAMPLES / "gold",
    as_json: JsonScores = False,
) -> None:
    """Quotes: detection recall/precision, speaker attribution accuracy, cited-outlet P/R/F1; on a BASIL
    folder (articles/ and annotations/), speaker accuracy on its quote annotations (slant/eval/basil_quotes.py)."""
    if (data / "articles").is_dir() and (data / "annotations").is_dir():
        from slant.eval import basil_quotes

        print_scores("quotes (BASIL)", basil_quotes.evaluate(data), basil_quotes.ANCHOR, as_json)
        return
    from slant.eval.quotes import ANCHOR, evaluate

    print_scores("quotes", evaluate(data), ANCHOR, as_json)


@eval_app.command("language")
def eval_language(
    data: Annotated[Path, typer.Option(help="Folder of language gold files (lang_*.json).")] = EXAMPLES / "gold",
    as_json: JsonScores = False,
    tagger_threshold: Annotated[
        float | None, typer.Option(help="Least tagger score for a loaded word, instead of the shipped model's.")
    ] = None,
    wording_threshold: Annotated[
        float | None,
        typer.Option(help="Least wording-scorer probability for a word alone, instead of the shipped setting."),
    ] = None,
    referent_threshold: ReferentThreshold = None,
    attach_threshold: AttachThreshold = None,
) -> None:
    """Language marks: per-kind, micro and any-kind span P/R/F1 (protocol in slant/eval/language.py)."""
    from slant.eval.language import ANCHOR, evaluate

    settings = _settings(
        tagger_threshold=tagger_threshold,
        wording_threshold=wording_threshold,
        referent_threshold=referent_threshold,
        referent_attach_threshold=attach_threshold,
    )
    print_scores("language", evaluate(data, settings), ANCHOR, as_json)


@eval_app.command("terms")
def eval_terms(
    data: Annotated[Path, typer.Option(help="Folder of language gold files (lang_*.json).")] = EXAMPLES / "gold",
    as_json: JsonScores = False,
    family_threshold: Annotated[
        float | None, typer.Option(help="Referent family threshold to score instead of the shipped setting.")
    ] = None,
    referent_threshold: ReferentThreshold = None,
    attach_threshold: AttachThreshold = None,
) -> None:
    """Terms: referent precision/recall/F1 and loaded-flag accuracy (protocol in slant/eval/language.py)."""
    from slant.eval.language import ANCHOR, evaluate_terms

    settings = _settings(
        referent_family_threshold=family_threshold,
        referent_threshold=referent_threshold,
        referent_attach_threshold=attach_threshold,
    )
    print_scores("terms", evaluate_terms(data, settings), ANCHOR, as_json)


@eval_app.command("wcl")
def eval_wcl(
    data: Annotated[Path, typer.Option(help="NewsWCL50-layout folder (event_N/*.txt, annotations.csv).")] = NEWSWCL50,
    as_json: JsonScores = False,
    referent_threshold: ReferentThreshold = None,
) -> None:
    """Referents vs NewsWCL50's coded mentions: macro pair recall, precision, CoNLL F1, and a head-lemma
    baseline over the coded mentions in the same run (protocol in slant/eval/wcl.py)."""
    from slant.eval.wcl import ANCHOR, evaluate

    print_scores("wcl", evaluate(data, _settings(referent_threshold=referent_threshold)), ANCHOR, as_json)


class BabeModelName(str, Enum):
    """The keys of ``slant.eval.babe.MODELS`` (a test keeps the two equal)."""

    babe = "babe"
    tagger = "tagger"


BabeModel = Annotated[
    BabeModelName,
    typer.Option(help="babe: trained on BABE alone; tagger: the one comparisons use (BABE + word-choice sets)."),
]


@eval_app.command("babe")
def eval_babe(
    data: Annotated[Path, typer.Option(help="BABE-format CSV (';'-separated: text, label_bias, ...).")] = BABE_TRAIN,
    as_json: JsonScores = False,
    cv: Annotated[bool, typer.Option("--cv", help="Run the 5-fold CV of training on this file instead.")] = False,
    gold: Annotated[
        Path | None, typer.Option(help="With --cv: word-choice gold sets joining every training fold (as trained).")
    ] = None,
    model: BabeModel = BabeModelName.babe,
) -> None:
    """Biased-sentence classifier: macro-F1, accuracy, per-class precision/recall (Biased vs Non-biased)."""
    from slant.eval.babe import ANCHOR, evaluate

    if cv:
        from slant.train.babe import cross_validate_file

        print_scores("babe --cv", cross_validate_file(data, gold=gold), ANCHOR, as_json)
        return
    print_scores("babe", evaluate(data, model.value), ANCHOR, as_json)


@eval_app.command("newsmtsc")
def eval_newsmtsc(
    data: Annotated[Path, typer.Option(help="NewsMTSC-format JSONL file (e.g. devtest_mt.jsonl).")],
    as_json: JsonScores = False,
) -> None:
    """Target-dependent sentiment: macro-F1 and accuracy over every target (protocol in slant/eval/newsmtsc.py)."""
    from slant.eval.newsmtsc import ANCHOR, evaluate

    print_scores("newsmtsc", evaluate(data), ANCHOR, as_json)


@eval_app.command("babe-words")
def eval_babe_words(
    data: Annotated[Path, typer.Option(help="BABE-format CSV with a biased_words column.")] = BABE_TRAIN,
    as_json: JsonScores = False,
    lexicons: Annotated[
        Path | None, typer.Option(help="Also use the Recasens and MPQA lexicons from this folder (as compare does).")
    ] = None,
    model: BabeModel = BabeModelName.babe,
) -> None:
    """Loaded-word tagger: precision/recall/F1 of bias-carrying words (protocol in slant/eval/babe.py);
    also slant's lexicons alone (lexicon_*) and with the model (combined_*)."""
    from slant.eval.babe import WORDS_ANCHOR, evaluate_words

    words = evaluate_words(data, str(lexicons) if lexicons else None, model.value)
    print_scores("babe-words", words, WORDS_ANCHOR, as_json)


@eval_app.command("basil")
def eval_basil(
    data: Annotated[Path, typer.Option(help="BASIL-layout folder (articles/ and annotations/).")] = BASIL_DIR,
    as_json: JsonScores = False,
) -> None:
    """Lexical bias on BASIL: sentence P/R/F1, macro-F1, AUC; loaded-word span overlap P/R/F1 (slant/eval/basil.py)."""
    from slant.eval.basil import ANCHOR, evaluate

    print_scores("basil", evaluate(data, with_marks=True), ANCHOR, as_json)


@eval_app.command("basil-stance")
def eval_basil_stance(
    data: Annotated[Path, typer.Option(help="BASIL-layout folder (articles/ and annotations/).")] = BASIL_DIR,
    as_json: JsonScores = False,
) -> None:
    """Article lean against BASIL's relative stance, alone and ranked within each triplet."""
    from slant.eval.basil_story import STANCE_ANCHOR, evaluate_stance

    print_scores("basil-stance", evaluate_stance(data), STANCE_ANCHOR, as_json)


@eval_app.command("basil-inf")
def eval_basil_inf(
    data: Annotated[Path, typer.Option(help="BASIL-layout folder (articles/ and annotations/).")] = BASIL_DIR,
    as_json: JsonScores = False,
) -> None:
    """Informational bias: sentence P/R/F1 of facts only one article of a BASIL triplet reports."""
    from slant.eval.basil_story import INF_ANCHOR, evaluate_inf

    print_scores("basil-inf", evaluate_inf(data), INF_ANCHOR, as_json)


@eval_app.command("allsides")
def eval_allsides(
    data: Annotated[Path, typer.Option(help="AllSides-format JSON lines (.jsonl or .jsonl.gz).")] = ALLSIDES,
    as_json: JsonScores = False,
    cv: Annotated[
        bool, typer.Option("--cv", help="Run the outlet-grouped 5-fold CV of training on this file instead.")
    ] = False,
) -> None:
    """Article lean (left/center/right) from title and content alone: macro-F1, accuracy, per-side P/R."""
    from slant.eval.allsides import ANCHOR, evaluate, read_allsides

    if cv:
        from slant.train.allsides import cross_validate

        print_scores("allsides --cv", cross_validate(read_allsides(data)), ANCHOR, as_json)
        return
    print_scores("allsides", evaluate(data), ANCHOR, as_json)


@eval_app.command("neus")
def eval_neus(
    data: Annotated[Path, typer.Option(help="Folder of NeuS NAME.source / NAME.target pairs.")] = NEUS,
    as_json: JsonScores = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N stories of each file.", min=1)] = None,
) -> None:
    """Neutral summary vs NeuS's human roundups: ROUGE-1/2/L, loaded-word rate, citation coverage,
    and the same for a lead baseline (first sentence of each article) in the same run."""
    from slant.eval.neus import ANCHOR, evaluate

    print_scores("neus", evaluate(data, limit), ANCHOR, as_json)


@eval_app.command("stories")
def eval_stories(
    data: Annotated[
        Path, typer.Option(help="Folder of NeuS NAME.source files (3 articles a line = one story).")
    ] = NEUS,
    as_json: JsonScores = False,
    limit: Annotated[int | None, typer.Option(help="Use only the first N stories of each file.", min=1)] = None,
) -> None:
    """Story clustering: pool every NeuS article, cluster, score B-cubed P/R/F1 and ARI against the lines."""
    from slant.eval.stories import ANCHOR, evaluate

    print_scores("stories", evaluate(data, limit), ANCHOR, as_json)
