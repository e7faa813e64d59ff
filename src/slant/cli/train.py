"""`slant train ...`: reproduce a model or table shipped in slant/data (the result printed, the path on stderr)."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from slant.cli.apps import (
    ALLSIDES,
    BABE_TRAIN,
    BASIL_DIR,
    EXAMPLES,
    NEWSMTSC_DEVTEST,
    NEWSMTSC_TRAIN,
    NEWSWCL50,
    WORDCHOICE,
    WORDCHOICE_TRAIN,
    metric_cache,
    train_app,
)


def print_trained(result: Mapping[str, Any], path: object) -> None:
    """Print what a training run measured (JSON on standard output) and where it wrote (standard error)."""
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    sys.stderr.write(f"wrote {path}\n")


@train_app.command("allsides")
def train_allsides(
    data: Annotated[Path, typer.Option(help="AllSides-format JSON lines (.jsonl or .jsonl.gz).")] = ALLSIDES,
    cv: Annotated[bool, typer.Option(help="Also run the outlet-grouped CV and the valid-split score.")] = False,
) -> None:
    """Fit the article-lean model on AllSides-labelled articles and ship it (slant/data/allsides.json)."""
    from slant.train.allsides import OUT, train

    result = train(data, cv=cv)
    print_trained(result, OUT)


@train_app.command("align")
def train_align(
    data: Annotated[Path, typer.Option(help="Folder of gold alignment files (*.json).")] = EXAMPLES / "gold",
) -> None:
    """Fit the claim-alignment model on gold events (leave-one-event-out CV printed) and ship it."""
    from slant.train.align import WEIGHTS_FILE, train

    result = train(data)
    print_trained(result, WEIGHTS_FILE)


@train_app.command("referents")
def train_referents(
    data: Annotated[Path, typer.Option(help="NewsWCL50-layout folder (event_N/*.txt, annotations.csv).")] = NEWSWCL50,
    gold: Annotated[
        list[Path] | None,
        typer.Option(help="Folder of word-choice gold sets (<set>/gold.json), repeatable; never the test split."),
    ] = None,
    metric_gold: Annotated[
        list[Path] | None,
        typer.Option(help="Gold sets the learned mention metric also trains on, repeatable; never the test split."),
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--metric-cache",
            help="Folder keeping fitted metrics by the hash of their inputs; a rerun whose labelled mentions and "
            "their vectors are unchanged reads them. [default: $XDG_CACHE_HOME/slant/referent-metrics]",
        ),
    ] = None,
    no_metric_cache: Annotated[
        bool, typer.Option("--no-metric-cache", help="Fit every metric afresh and keep none.")
    ] = False,
) -> None:
    """Fit the mention metric and pair model behind `referents` (threshold by leave-one-event-out CV) and ship them."""
    from slant.train.referents import OUT, train

    folders = gold if gold is not None else [WORDCHOICE / "dev"]
    extra = metric_gold if metric_gold is not None else [WORDCHOICE_TRAIN]
    kept = None if no_metric_cache else cache or metric_cache()
    print_trained(train(data, folders, extra, metric_cache=kept), OUT)


@train_app.command("wording")
def train_wording(
    babe: Annotated[Path, typer.Option(help="BABE train CSV (biased words).")] = BABE_TRAIN,
    gold: Annotated[Path, typer.Option(help="Folder of word-choice gold sets; the dev split only.")] = WORDCHOICE
    / "dev",
) -> None:
    """Fit the loaded-word scorer behind `language` (BABE words + dev gold; threshold left-one-set-out)."""
    from slant.train.wording import OUT, train

    print_trained(train(babe, gold), OUT)


@train_app.command("embedder")
def train_embedder(
    dims: Annotated[int, typer.Option(help="PCA dimensions of the static model.")] = 256,
) -> None:
    """Distil the static (model2vec) embedder from the packaged MiniLM into slant/data/embedder."""
    from slant.train.embedder import distil

    path = distil(dims)
    sys.stderr.write(f"wrote {path}\n")


BabeCsv = Annotated[Path, typer.Option("--data", help="BABE train CSV.")]
BabeCv = Annotated[bool, typer.Option("--cv", help="Also run the 5-fold CV on BABE (about 1 h) into model.json.")]


@train_app.command("babe")
def train_babe(data: BabeCsv = BABE_TRAIN, cv: BabeCv = False) -> None:
    """Fine-tune MiniLM's top blocks on BABE (biased sentences + loaded words) and ship the weights."""
    from slant.train.babe import OUT_DIR, train

    print_trained(train(data, cv=cv), OUT_DIR)


@train_app.command("tagger")
def train_tagger(
    data: BabeCsv = BABE_TRAIN,
    gold: Annotated[
        Path, typer.Option(help="Word-choice gold sets trained on beside BABE (never the dev or test sets).")
    ] = WORDCHOICE_TRAIN,
    cv: BabeCv = False,
    gold_weight: Annotated[
        int | None, typer.Option(min=1, help="Times each training-set sentence is repeated (default: the recipe's).")
    ] = None,
    basil: Annotated[
        Path, typer.Option(help="BASIL-layout folder whose unquoted bias spans are trained on (never held-out years).")
    ] = BASIL_DIR,
    basil_weight: Annotated[
        int | None, typer.Option(min=0, help="Times each BASIL sentence is repeated (default: the recipe's; 0: none).")
    ] = None,
) -> None:
    """Fine-tune the loaded-word tagger (the `babe` recipe on BABE plus the word-choice training sets and BASIL's
    bias spans; its CV scores BABE's folds, the rest joining every training fold) and ship it; comparisons mark
    loaded words with it."""
    from dataclasses import replace

    from slant.train.babe import TAGGER, TAGGER_DIR, train

    recipe = replace(
        TAGGER,
        gold_weight=TAGGER.gold_weight if gold_weight is None else gold_weight,
        basil_weight=TAGGER.basil_weight if basil_weight is None else basil_weight,
    )
    print_trained(train(data, TAGGER_DIR, cv=cv, recipe=recipe, gold=gold, basil=basil), TAGGER_DIR)


@train_app.command("newsmtsc")
def train_newsmtsc(
    data: Annotated[Path, typer.Option(help="NewsMTSC train JSONL.")] = NEWSMTSC_TRAIN,
    test: Annotated[
        Path, typer.Option(help="NewsMTSC file scored after every epoch (never used to choose).")
    ] = NEWSMTSC_DEVTEST,
) -> None:
    """Fine-tune MiniLM's top blocks for target-dependent sentiment on NewsMTSC and ship the weights."""
    from slant.train.newsmtsc import OUT_DIR, train

    result = train(data, test)
    print_trained(result, OUT_DIR)


@train_app.command("outlets")
def train_outlets(
    data: Annotated[Path, typer.Option(help="AllSides-format JSON lines (.jsonl or .jsonl.gz).")] = ALLSIDES,
) -> None:
    """Build the outlet lean table (majority AllSides label per outlet) and ship it (slant/data/outlets.json)."""
    from slant.train.outlets import OUT, train

    print_trained(train(data), OUT)


@train_app.command("stories")
def train_stories(
    data: Annotated[Path, typer.Option(help="AllSides-format JSON lines (.jsonl or .jsonl.gz).")] = ALLSIDES,
) -> None:
    """Learn the term weights (IDF) story clustering uses and ship them (slant/data/stories_idf.npz)."""
    from slant.train.stories import train

    result = train(data)
    print_trained(result, result["out"])
